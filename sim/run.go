package sim

import (
	"context"
	"math"
	"math/bits"
	"math/rand/v2"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// Exit causes.
const (
	causeRetirement = iota
	causeDeath
	causeResignation
)

// simulate runs the replications of w and summarises them. The world is
// simulated part by part (see split); each task is a run of replications
// of one part, and each worker adds its tasks' totals into its own sums,
// which are whole numbers and so add up exactly in any order.
func (w *world) simulate(ctx context.Context, cfg Config, report func(Progress)) (*Result, error) {
	res := &Result{
		Scenario: w.name, Start: w.start, Years: w.years, Runs: cfg.Runs, Seed: cfg.Seed,
		Replans: w.replans,
	}
	for d := range w.initial {
		if len(w.initial[d]) > 0 {
			res.InitialHeadcount++
		}
	}
	if len(w.epochs) > 0 {
		res.Seats = w.epochs[0].nLive
	}
	w.stride = w.seatStride()
	parts := w.split(partPeople)
	totalWeight := 0
	for i := range parts {
		parts[i].w.prepare()
		totalWeight += max(parts[i].weight, 1)
	}
	salt := uint64(0)
	if cfg.Independent {
		salt = hashString(w.name)
	}
	// Runs are cut into blocks so that a world of few parts still keeps
	// every worker busy.
	workers := max(cfg.Workers, 1)
	block := max(cfg.Runs*len(parts)/(8*workers), 1)
	block = min(block, cfg.Runs)
	type task struct{ part, from, to int }
	var tasks []task
	for pi := range parts {
		for k := 0; k < cfg.Runs; k += block {
			tasks = append(tasks, task{pi, k, min(k+block, cfg.Runs)})
		}
	}
	communes, _ := w.communeNumbers()
	report(Progress{Scenario: w.name, Stage: "run", Done: 0, Total: cfg.Runs})
	var next atomic.Int64
	var doneWeight atomic.Int64
	var reported atomic.Int64
	var wg sync.WaitGroup
	workers = min(workers, len(tasks))
	errs := make([]error, workers)
	sums := make([][numMetrics][]float64, workers)
	gapSums := make([][]int64, workers)
	for wi := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for m := range numMetrics {
				sums[wi][m] = make([]float64, cfg.Runs*w.years)
			}
			gapSums[wi] = make([]int64, len(communes)*w.years)
			for {
				ti := int(next.Add(1) - 1)
				if ti >= len(tasks) {
					return
				}
				t := tasks[ti]
				p := &parts[t.part]
				r := newRep(p.w)
				for k := t.from; k < t.to; k++ {
					if err := ctx.Err(); err != nil {
						errs[wi] = err
						return
					}
					r.run(mix(cfg.Seed, uint64(k), salt))
					for m := range numMetrics {
						s := sums[wi][m][k*w.years : (k+1)*w.years]
						for y, v := range r.out[m] {
							s[y] += v
						}
					}
					for lc, c := range p.communes {
						addInts(gapSums[wi][int(c)*w.years:int(c+1)*w.years], r.gap[lc*w.years:(lc+1)*w.years])
					}
					// Progress in replications: the share of the work done.
					done := int64(cfg.Runs) * doneWeight.Add(int64(max(p.weight, 1))) / int64(totalWeight*cfg.Runs)
					for old := reported.Load(); done > old; old = reported.Load() {
						if reported.CompareAndSwap(old, done) {
							report(Progress{Scenario: w.name, Stage: "run", Done: int(done), Total: cfg.Runs})
							break
						}
					}
				}
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	for m := range res.samples {
		res.samples[m] = make([]float64, cfg.Runs*w.years)
		for wi := range workers {
			for j, v := range sums[wi][m] {
				res.samples[m][j] += v
			}
		}
	}
	// The funds do not depend on chance: the same every replication.
	for y := range w.years {
		var fund float64
		for m := 12 * y; m < 12*y+12; m++ {
			fund += w.fundByMonth[m]
		}
		for k := range cfg.Runs {
			res.samples[Fund][k*w.years+y] = fund
		}
	}
	res.Gaps = make([]CommuneGap, len(communes))
	for c, u := range communes {
		g := CommuneGap{Commune: w.units[u].Code, Name: w.units[u].Name, Years: make([]float64, w.years)}
		for y := range w.years {
			var total int64
			for _, sums := range gapSums {
				total += sums[c*w.years+y]
			}
			g.Years[y] = float64(total) / float64(cfg.Runs)
		}
		res.Gaps[c] = g
	}
	return res, nil
}

// addInts adds src into dst element by element.
func addInts(dst, src []int64) {
	for j, v := range src {
		dst[j] += v
	}
}

// mix derives a replication's seed from the master seed (SplitMix64's
// finaliser), so neighbouring replications get unrelated streams.
func mix(seed, k, salt uint64) uint64 {
	z := seed + 0x9e3779b97f4a7c15*(k+1) + salt
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// prepare sizes the per-person seat lists and indexes what the
// replications look up: caps that change, streams, communes, and each
// seat's and bundle's particulars; last it builds the template of the
// roster on Start.
func (w *world) prepare() {
	w.stride = w.seatStride()
	w.hash = make([]uint64, len(w.people))
	for d := range w.people {
		w.hash[d] = w.people[d].hash
	}
	w.capChanged = make([][]int32, w.years)
	for y := 1; y < w.years; y++ {
		for u := range w.caps[y] {
			if w.caps[y][u] != w.caps[y-1][u] {
				w.capChanged[y] = append(w.capChanged[y], int32(u))
			}
		}
	}
	w.unitHash = make([]uint64, len(w.units))
	for u := range w.units {
		w.unitHash[u] = hashString(w.units[u].Code)
	}
	// Communes numbered densely, for the staffing gap of each.
	var communeNo []int32
	w.communes, communeNo = w.communeNumbers()
	w.seatCommune = make([]int32, len(w.seatSlot))
	w.seatTitle = make([]int32, len(w.seatSlot))
	w.seatUnit = make([]int32, len(w.seatSlot))
	for k, sl := range w.seatSlot {
		w.seatCommune[k] = communeNo[w.communeOfSeat(int32(k))]
		w.seatTitle[k] = w.slotTitle[sl]
		w.seatUnit[k] = w.slotUnit[sl]
	}
	w.seatWph = make([][]float32, w.years)
	for y := range w.years {
		w.seatWph[y] = make([]float32, len(w.seatSlot))
		for k, sl := range w.seatSlot {
			w.seatWph[y][k] = w.wph[y][sl]
		}
	}
	w.initialNeeds = make([]needs, len(w.initial))
	for d, b := range w.initial {
		w.initialNeeds[d] = w.needsOf(b)
	}
	for e := range w.epochs {
		ep := &w.epochs[e]
		ep.liveByCommune = make([]int32, len(w.communes))
		for k, live := range ep.live {
			if live {
				ep.liveByCommune[w.seatCommune[k]]++
			}
		}
		ep.needs = make([]needs, len(ep.bundles))
		for i, b := range ep.bundles {
			ep.needs[i] = w.needsOf(b)
		}
	}
	w.preparePools()
	w.tmpl = newRep(w)
	w.tmpl.build()
}

// seatStride is the room for seats each person gets: the most titles one
// person may hold, or the most any bundle asks for, if more.
func (w *world) seatStride() int {
	stride := w.maxSeats
	for _, s := range w.initial {
		stride = max(stride, len(s))
	}
	for _, ep := range w.epochs {
		for _, b := range ep.bundles {
			stride = max(stride, len(b))
		}
	}
	return stride
}

// needsOf works out what bundle b asks of its holder.
func (w *world) needsOf(b []seatRef) needs {
	n := needs{unit: -1}
	for _, ref := range b {
		k := ref >> 1
		if n.unit < 0 || ref&1 == 1 {
			n.unit = w.seatUnit[k]
		}
		t := &w.titles[w.seatTitle[k]]
		n.party = n.party || t.Requires.PartyMember
		n.edu = max(n.edu, t.Requires.MinEducation)
		n.appointed = n.appointed || !w.elected[w.seatTitle[k]]
	}
	return n
}

// noNeeds are the needs of an empty bundle.
var noNeeds = needs{unit: -1}

// bundleNow is a person of the expected world's seats at this point of a
// replication, with their needs: their roster seats until their first
// change, then each re-plan's bundle for them.
type bundleNow struct {
	seats []seatRef
	needs
}

// rep is the state of one replication, reused from one to the next. People
// are held as parallel arrays (struct of arrays), with the fields the
// events use together grouped in one record (person), so the yearly pass
// over them touches little memory and allocates nothing.
type rep struct {
	w     *world
	seedA uint64

	// People of this replication: the roster first, then recruits. What
	// events touch together is in pp; the rest stays in parallel arrays.
	pp      []person
	draw    []drawState
	present []int32 // people not gone, in order: the yearly pass's list
	seats   []int32 // stride w.stride

	// People of the expected world.
	repOf      []int32 // who stands for them (-1: nobody)
	now        []bundleNow
	deficient  []bool
	defList    []int32
	defScratch []int32
	// payHazard caches the yearly thresholds of holders who are not
	// overloaded, by pay: most holders share a handful of pay levels.
	payHazard payCache
	gen       []int32 // recruitment attempt generation

	// Seats and units.
	holder []int32
	cover  []bool
	// A search for someone to cover a seat that found nobody finds nobody
	// again until a holder in its unit changes seats: unitStamp counts
	// such changes, coverFail[k] is the unit's count when seat k's search
	// last failed (plus one; 0: never) and coverFailMonth its month, whose
	// combination rules must still hold.
	unitStamp      []uint32
	coverFail      []uint32
	coverFailMonth []int32
	covers         []int32 // seats covered temporarily
	// The current epoch's live seats (nil before the first) and live
	// seats by commune (noneLive, all zero, before the first).
	liveSeat      []bool
	liveByCommune []int32
	noneLive      []int32
	unitCount     []int32
	units         []unitState

	// Running totals.
	inFree   []bool // held nothing at the re-plan being realised
	counting bool   // entries count from the start on (not the roster's seats)

	nActive, heldSeats, nCovered, nOver, overCap int
	rMain, rConc                                 int64
	month, year, epoch                           int
	hazardMonth                                  int     // month whose parameters the hazards use
	titlePay, concPay                            []int64 // per title × education, this month

	// Staffing gap by commune: seats held there, the month since which
	// its vacancy count has not changed, and vacant title-months by
	// commune and year (gap[c*years+y]), summed lazily at each change.
	heldByCommune []int32
	gapSince      []int32
	gap           []int64

	pending [][]recruitEvent // by month: recruits found then
	// Scratch of realise: the people freed at a re-plan, by commune unit
	// (freeBy) and which communes have any (freeIn).
	freed   []int32
	freeBy  [][]int32
	freeIn  []int32
	dropped []int32 // realise's scratch for dropAll, whose list it does not read
	exits   [12][]exitEvent
	free    []int32
	out     [numMetrics][]float64
}

// person is what the events read and write of a person together (pay,
// hours, requirements, how many seats): events reach people at random, so
// these share one record (48 bytes) rather than parallel arrays, to cost
// one cache miss rather than one per field.
type person struct {
	payMain, payConc int64 // monthly, in full
	mainFull         int64 // the main title's allowance in full (severance's A)
	det              int32 // the person of the expected world they stand for
	home             int32 // commune of the first seat they took
	hours, capacity  float32
	nSeats           uint8
	active           bool
	over             bool
	dirty            bool // pay or hours changed since the hazard was computed
	party            bool
	edu              model.Education
	sex              model.Sex
}

// drawState is what the yearly draw reads of a person, together: the key
// of their draws, hazard thresholds (a uniform 64-bit draw below thrDeath
// is a death, below thrExit a resignation), retirement month and whether
// they have left for good; and, in the record's spare room, when they
// started.
type drawState struct {
	key               uint64 // the yearly draws' key (streamKey)
	thrDeath, thrExit uint64
	retire            int32
	start             int32 // month service began (negative: before Start)
	gone              bool  // left for good
}

type exitEvent struct {
	person int32
	cause  int8
}

type recruitEvent struct {
	det int32
	gen int32 // stale when the attempt was superseded
}

const numEdu = int(model.EduPostgraduate) + 1

func newRep(w *world) *rep {
	r := &rep{w: w}
	nd := len(w.people)
	r.repOf = make([]int32, nd)
	r.now = make([]bundleNow, nd)
	r.deficient = make([]bool, nd)
	r.gen = make([]int32, nd)
	ns := len(w.seatSlot)
	r.holder = make([]int32, ns)
	r.cover = make([]bool, ns)
	r.coverFail = make([]uint32, ns)
	r.coverFailMonth = make([]int32, ns)
	nu := len(w.units)
	r.unitCount = make([]int32, nu)
	r.unitStamp = make([]uint32, nu)
	r.units = make([]unitState, nu)
	r.pending = make([][]recruitEvent, w.months)
	r.freeBy = make([][]int32, nu)
	r.heldByCommune = make([]int32, len(w.communes))
	r.gapSince = make([]int32, len(w.communes))
	r.noneLive = make([]int32, len(w.communes))
	r.liveByCommune = r.noneLive
	r.gap = make([]int64, len(w.communes)*w.years)
	r.titlePay = make([]int64, len(w.titles)*numEdu)
	r.concPay = make([]int64, len(w.titles)*numEdu)
	for m := range r.out {
		r.out[m] = make([]float64, w.years)
	}
	return r
}

// addPerson appends a person to the replication and returns its index.
func (r *rep) addPerson(det int32, retire, start int32, capacity float32, edu model.Education, party bool, sex model.Sex, h1, h2 uint64) int32 {
	i := int32(len(r.pp))
	r.draw = append(r.draw, drawState{retire: retire, start: start})
	r.draw[i].key = streamKey(h1, h2)
	for range r.w.stride {
		r.seats = append(r.seats, -1)
	}
	r.pp = append(r.pp, person{det: det, home: -1, capacity: capacity, edu: edu, party: party, sex: sex, dirty: true})
	r.inFree = append(r.inFree, false)
	r.present = append(r.present, i)
	return i
}

// build sets up the roster on Start with unseeded streams; prepare keeps
// the result as the template that reset copies.
func (r *rep) build() {
	w := r.w
	r.draw, r.seats, r.pp = r.draw[:0], r.seats[:0], r.pp[:0]
	r.inFree = r.inFree[:0]
	r.present = r.present[:0]
	r.counting = false
	for i := range r.repOf {
		r.repOf[i] = -1
	}
	for d := range r.now {
		r.now[d] = bundleNow{needs: noNeeds}
		if d < len(w.initial) {
			r.now[d] = bundleNow{w.initial[d], w.initialNeeds[d]}
		}
	}
	clear(r.deficient)
	clear(r.gen)
	r.defList = r.defList[:0]
	for i := range r.holder {
		r.holder[i] = -1
	}
	clear(r.cover)
	clear(r.coverFail)
	clear(r.unitStamp)
	r.covers = r.covers[:0]
	clear(r.unitCount)
	clear(r.units)
	r.nActive, r.heldSeats, r.nCovered, r.nOver, r.overCap = 0, 0, 0, 0, 0
	r.rMain, r.rConc = 0, 0
	r.month, r.year, r.hazardMonth = 0, 0, 0
	r.setEpoch(0)
	r.payHazard.reset()
	for m := range r.pending {
		r.pending[m] = r.pending[m][:0]
	}
	for m := range r.out {
		clear(r.out[m])
	}
	clear(r.heldByCommune)
	clear(r.gapSince)
	clear(r.gap)
	r.setPrices(0)
	for d := range w.initial { // the roster
		p := &w.people[d]
		i := r.addPerson(int32(d), p.retireMonth, -p.served0, p.capacity, p.edu, p.party, p.sex, 0, p.hash)
		r.repOf[d] = i
		for _, ref := range w.initial[d] {
			r.addSeat(i, ref>>1, false)
		}
	}
	for i := range r.pp {
		if r.pp[i].nSeats > 0 {
			r.refresh(int32(i))
		}
	}
	// The first year's hazards follow from the roster alone: work them out
	// here, in yearPass's order, so that every replication starts with
	// them and with the cache they fill, as yearPass would have left it.
	for i := range r.pp {
		if r.pp[i].active && r.pp[i].dirty {
			r.hazard(int32(i))
		}
	}
	r.counting = true
}

// reset prepares the replication with seed a: the roster on Start, copied
// from the world's template, with each person's stream seeded.
func (r *rep) reset(a uint64) {
	w := r.w
	t := w.tmpl
	r.seedA = a
	// Room for as many recruits as the roster up front: growing the
	// slices recruit by recruit copies them over and over in a new rep.
	room := 2 * len(t.pp)
	r.pp, r.draw = append(slices.Grow(r.pp[:0], room), t.pp...), append(slices.Grow(r.draw[:0], room), t.draw...)
	for i := range r.pp {
		r.draw[i].key = streamKey(a, w.hash[r.pp[i].det])
	}
	r.seats = append(slices.Grow(r.seats[:0], room*w.stride), t.seats...)
	r.inFree = append(slices.Grow(r.inFree[:0], room), t.inFree...)
	r.present = append(slices.Grow(r.present[:0], room), t.present...)
	r.counting = t.counting
	copy(r.repOf, t.repOf)
	copy(r.now, t.now)
	clear(r.deficient)
	clear(r.gen)
	r.defList = r.defList[:0]
	copy(r.holder, t.holder)
	clear(r.cover)
	clear(r.coverFail)
	clear(r.unitStamp)
	r.covers = r.covers[:0]
	copy(r.unitCount, t.unitCount)
	clear(r.units)
	r.nActive, r.heldSeats, r.nCovered, r.nOver, r.overCap = t.nActive, t.heldSeats, t.nCovered, t.nOver, t.overCap
	r.rMain, r.rConc = t.rMain, t.rConc
	r.month, r.year, r.hazardMonth = 0, 0, 0
	r.setEpoch(0)
	r.payHazard.copyFrom(&t.payHazard)
	for m := range r.pending {
		r.pending[m] = r.pending[m][:0]
	}
	for m := range r.out {
		clear(r.out[m])
	}
	copy(r.heldByCommune, t.heldByCommune)
	copy(r.gapSince, t.gapSince)
	clear(r.gap)
	copy(r.titlePay, t.titlePay)
	copy(r.concPay, t.concPay)
}

// setPrices computes each title's allowance, in full and at the
// concurrency rate, for every education level in month m.
func (r *rep) setPrices(m int) {
	p := &r.w.monthly[m]
	for t := range r.w.titles {
		for e := range numEdu {
			full := r.w.titles[t].AllowanceFor(model.Education(e)).Of(p.base)
			r.titlePay[t*numEdu+e] = int64(full)
			r.concPay[t*numEdu+e] = int64(full.Scale(p.rate))
		}
	}
}

func (r *rep) seatTitle(k int32) int32 { return r.w.seatTitle[k] }
func (r *rep) seatUnit(k int32) int32  { return r.w.seatUnit[k] }

func (r *rep) bumpUnit(u int32, delta int32) {
	c := r.w.caps[r.year][u]
	n := r.unitCount[u]
	before := c > 0 && n > c
	n += delta
	r.unitCount[u] = n
	after := c > 0 && n > c
	switch {
	case after && !before:
		r.overCap++
	case before && !after:
		r.overCap--
	}
}

// addSeat gives seat k to person i (temporarily when cover is set).
func (r *rep) addSeat(i, k int32, cover bool) {
	w := r.w
	p := &r.pp[i]
	base := int(i) * w.stride
	n := int(p.nSeats)
	if r.holder[k] >= 0 || n == w.stride {
		return // the world's plans never ask for this
	}
	u := w.seatUnit[k]
	if !p.active {
		p.active = true
		r.nActive++
		if r.counting {
			r.out[Entries][r.year]++
		}
		p.home = w.unitCommune[u]
	}
	if !r.stampUnits(i, u) {
		r.bumpUnit(u, 1)
	}
	r.seats[base+n] = k
	p.nSeats++
	r.holder[k] = i
	r.heldSeats++
	c := w.seatCommune[k]
	r.flushGap(c)
	r.heldByCommune[c]++
	if cover {
		r.cover[k] = true
		r.nCovered++
		r.covers = append(r.covers, k)
	}
}

// stampUnits marks a change of person i's seats in unit u and every unit
// they hold a seat in (who may cover there may have changed), and reports
// whether they hold one in u.
func (r *rep) stampUnits(i, u int32) bool {
	base := int(i) * r.w.stride
	seatUnit, stamp := r.w.seatUnit, r.unitStamp
	has := false
	for _, k := range r.seats[base : base+int(r.pp[i].nSeats)] {
		su := seatUnit[k]
		stamp[su]++
		has = has || su == u
	}
	stamp[u]++
	return has
}

// removeSeat takes seat k from person i; the caller refreshes i.
func (r *rep) removeSeat(i, k int32) {
	w := r.w
	p := &r.pp[i]
	base := int(i) * w.stride
	n := int(p.nSeats)
	ss := r.seats[base : base+n]
	for j, s := range ss {
		if s == k {
			ss[j] = ss[n-1]
			ss[n-1] = -1
			break
		}
	}
	p.nSeats--
	if u := w.seatUnit[k]; !r.stampUnits(i, u) {
		r.bumpUnit(u, -1)
	}
	r.vacate(k)
}

// vacate does the seat's side of taking seat k from its holder.
func (r *rep) vacate(k int32) {
	r.holder[k] = -1
	r.heldSeats--
	c := r.w.seatCommune[k]
	r.flushGap(c)
	r.heldByCommune[c]--
	if r.cover[k] {
		r.cover[k] = false
		r.nCovered--
	}
}

// dropAll takes all of person i's seats away, last first as removeSeat
// one by one would, and appends them to out; the caller refreshes i.
// Stamps only need to change, not to count: each unit of theirs is
// stamped once per seat rather than once per seat left.
func (r *rep) dropAll(i int32, out []int32) []int32 { return r.dropFrom(i, 0, out) }

// dropFrom is dropAll for the seats at keep and after in person i's list:
// the first keep stay. Who may cover in the units of those changes too,
// so they are stamped as well when anything goes.
func (r *rep) dropFrom(i int32, keep int, out []int32) []int32 {
	w := r.w
	p := &r.pp[i]
	base := int(i) * w.stride
	ss := r.seats[base : base+int(p.nSeats)]
	if keep < len(ss) {
		for _, k := range ss[:keep] {
			r.unitStamp[w.seatUnit[k]]++
		}
	}
	for j := len(ss) - 1; j >= keep; j-- {
		k := ss[j]
		u := w.seatUnit[k]
		r.unitStamp[u]++
		last := true
		for _, k2 := range ss[:j] {
			if w.seatUnit[k2] == u {
				last = false
				break
			}
		}
		if last {
			r.bumpUnit(u, -1)
		}
		ss[j] = -1
		p.nSeats--
		r.vacate(k)
		out = append(out, k)
	}
	return out
}

// flushGap adds commune c's vacant title-months up to the current month,
// before its count of held or live seats changes. Within a month every
// change comes before the month is accounted, so the month itself counts
// at the new level, as the province-wide VacantTitleMonths does.
func (r *rep) flushGap(c int32) {
	month := int32(r.month)
	if v := r.liveByCommune[c] - r.heldByCommune[c]; v != 0 {
		r.gap[int(c)*r.w.years+r.year] += int64(v) * int64(month-r.gapSince[c])
	}
	r.gapSince[c] = month
}

// flushGaps flushes every commune: at a re-plan (live seats change) and
// at the end of a year (month is then the next year's first, year still
// the one ending).
func (r *rep) flushGaps() {
	for c := range r.gapSince {
		r.flushGap(int32(c))
	}
}

// setEpoch makes e the epoch whose live seats count from now on.
func (r *rep) setEpoch(e int) {
	r.epoch = e
	if e > 0 {
		r.liveSeat = r.w.epochs[e-1].live
		r.liveByCommune = r.w.epochs[e-1].liveByCommune
	} else {
		r.liveSeat = nil
		r.liveByCommune = r.noneLive
	}
}

// refresh recomputes person i's pay, hours and yearly hazards and the
// running totals that depend on them.
func (r *rep) refresh(i int32) {
	w := r.w
	p := &r.pp[i]
	rMain, rConc, nOver := r.rMain-p.payMain, r.rConc-p.payConc, r.nOver
	if p.over {
		nOver--
	}
	base := int(i) * w.stride
	n := int(p.nSeats)
	// One pass: the main title is the first best paid; every other one is
	// paid at the concurrency rate, so sum them all and take the main
	// one's back out (integers: exact).
	var conc, best, mainConc int64
	var hours float32
	e := int(p.edu)
	wph := w.seatWph[r.year]
	if n == 1 { // most hold one seat: the loop's result (0+x is x, conc 0)
		k := r.seats[base]
		best, hours = r.titlePay[int(w.seatTitle[k])*numEdu+e], wph[k]
	} else {
		titlePay, concPay, seatTitle := r.titlePay, r.concPay, w.seatTitle
		for j, k := range r.seats[base : base+n] {
			t := int(seatTitle[k])*numEdu + e
			full, cp := titlePay[t], concPay[t]
			if j == 0 || full > best {
				best, mainConc = full, cp
			}
			conc += cp
			hours += wph[k]
		}
		conc -= mainConc
	}
	p.payMain, p.payConc, p.hours = best, conc, hours
	if n > 0 {
		p.mainFull = best // kept when they hold nothing: severance's A
	}
	over := n > 0 && hours > p.capacity+1e-4
	p.over = over
	if over {
		nOver++
	}
	r.rMain, r.rConc, r.nOver = rMain+best, rConc+conc, nOver
	p.dirty = true // the hazard is read at the next year's draw
}

// hazard sets person i's yearly death and exit thresholds: a uniform
// 64-bit draw below thrDeath is a death, below thrExit a resignation.
func (r *rep) hazard(i int32) {
	r.pp[i].dirty = false
	pay := r.pp[i].payMain + r.pp[i].payConc
	if !r.pp[i].over {
		if t, ok := r.payHazard.get(pay); ok {
			r.draw[i].thrDeath, r.draw[i].thrExit = t[0], t[1]
			return
		}
	}
	p := &r.w.monthly[r.hazardMonth]
	pd := min(max(p.death, 0), 1)
	pr := p.resign.Probability(model.Money(pay), p.ref, model.Hours(r.pp[i].hours), model.Hours(r.pp[i].capacity))
	r.draw[i].thrDeath = threshold(pd)
	r.draw[i].thrExit = threshold(pd + (1-pd)*pr)
	if !r.pp[i].over {
		r.payHazard.put(pay, [2]uint64{r.draw[i].thrDeath, r.draw[i].thrExit})
	}
}

func threshold(p float64) uint64 {
	if p <= 0 {
		return 0
	}
	if p >= 1 {
		return math.MaxUint64
	}
	return uint64(p * (1 << 64))
}

// run plays one replication with seed a and leaves its metrics in r.out.
func (r *rep) run(a uint64) {
	w := r.w
	r.reset(a)
	for y := range w.years {
		r.year = y
		m0 := 12 * y
		if y > 0 {
			for _, u := range w.capChanged[y] {
				before := w.caps[y-1][u] > 0 && r.unitCount[u] > w.caps[y-1][u]
				after := w.caps[y][u] > 0 && r.unitCount[u] > w.caps[y][u]
				if before != after {
					r.overCap += int(b2i(after)) - int(b2i(before))
				}
			}
		}
		r.month = m0
		r.yearPass(m0, y > 0)
		for m := m0; m < m0+12; m++ {
			r.month = m
			if w.globalChange[m] && m > 0 {
				r.setPrices(m)
				for _, i := range r.present {
					if r.pp[i].active {
						r.refresh(i)
					}
				}
				r.hazardMonth = m
				r.payHazard.reset()
			}
			for _, ev := range r.exits[m-m0] {
				if r.pp[ev.person].active {
					r.exit(ev.person, int(ev.cause))
				}
			}
			r.recruitDue(m)
			if r.epoch < len(w.epochs) && w.epochs[r.epoch].month == m {
				r.realise(r.epoch) // moves r.epoch on
			}
			r.out[AllowanceMain][y] += float64(r.rMain)
			r.out[AllowanceConcurrent][y] += float64(r.rConc)
			live := 0
			if r.epoch > 0 {
				live = w.epochs[r.epoch-1].nLive
			}
			r.out[VacantTitleMonths][y] += float64(live - r.heldSeats)
			r.out[CoveredTitleMonths][y] += float64(r.nCovered)
			r.out[OverloadedPersonMonths][y] += float64(r.nOver)
		}
		r.month = m0 + 12
		r.flushGaps()
		r.out[Headcount][y] = float64(r.nActive)
		r.out[UnitsOverCap][y] = float64(r.overCap)
		r.out[Allowance][y] = r.out[AllowanceMain][y] + r.out[AllowanceConcurrent][y]
		r.out[Cost][y] = r.out[Allowance][y] + r.out[Severance][y] + r.out[RecruitmentCost][y]
	}
}

// yearPass is the one pass over every person each year: refresh hours as
// units grow, then draw the year's single random number, which decides
// death or resignation (and the month it happens), and note retirements.
// A person's number for a year depends on their key and the year alone,
// so they meet the same chances in every scenario.
func (r *rep) yearPass(m0 int, regrow bool) {
	for k := range r.exits {
		r.exits[k] = r.exits[k][:0]
	}
	if regrow && r.w.growth {
		r.regrowHours()
	}
	end := int32(m0 + 12)
	// A hash of the key and the year: no stream state to load and store.
	yearKey := uint64(r.year+1) * 0x9e3779b97f4a7c15
	pp, draw, present := r.pp, r.draw, r.present
	// Whoever has left for good drops out of the list here.
	n := 0
	for _, i := range present {
		ds := &draw[i]
		if ds.gone {
			continue
		}
		present[n] = i
		n++
		p := &pp[i]
		if !p.active {
			continue
		}
		if p.dirty {
			r.hazard(i)
		}
		u := fmix64(ds.key + yearKey)
		if u >= ds.thrExit && ds.retire >= end {
			continue // the common case: nothing happens this year
		}
		month, cause := int32(never), int8(-1)
		if ret := ds.retire; ret < end {
			month, cause = max(ret, int32(m0)), causeRetirement
		}
		if u < ds.thrExit {
			var m int32
			if u < ds.thrDeath {
				m = int32(m0) + frac12(u, 0, ds.thrDeath)
				if m < month {
					month, cause = m, causeDeath
				}
			} else {
				m = int32(m0) + frac12(u, ds.thrDeath, ds.thrExit)
				if m < month {
					month, cause = m, causeResignation
				}
			}
		}
		r.exits[int(month)-m0] = append(r.exits[int(month)-m0], exitEvent{i, cause})
	}
	r.present = present[:n]
}

// regrowHours works out this year's hours of everyone holding seats, as
// their units have grown, marking whose hazard must be worked out again:
// those who become or stop being overloaded, and the overloaded, whose
// hazard rises with their hours.
func (r *rep) regrowHours() {
	w := r.w
	wph := w.seatWph[r.year]
	pp, seats, stride := r.pp, r.seats, w.stride
	for _, i := range r.present {
		p := &pp[i]
		if !p.active {
			continue
		}
		base := int(i) * stride
		var h float32
		if p.nSeats == 1 { // most hold one seat: 0+x is x
			h = wph[seats[base]]
		} else {
			for _, k := range seats[base : base+int(p.nSeats)] {
				h += wph[k]
			}
		}
		if h == p.hours {
			continue
		}
		p.hours = h
		over := h > p.capacity+1e-4
		if over != p.over {
			p.over = over
			if over {
				r.nOver++
			} else {
				r.nOver--
			}
			p.dirty = true
		} else if over {
			p.dirty = true
		}
	}
}

// fmix64 is SplitMix64's finaliser: a bijective mix of all 64 bits.
func fmix64(z uint64) uint64 {
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// streamKey is the key of a person's yearly draws from two seeds: the
// replication's and the person's.
func streamKey(a, h uint64) uint64 { return fmix64(a ^ fmix64(h+0x9e3779b97f4a7c15)) }

// frac12 maps u in [lo, hi) to a month 0–11 uniformly.
func frac12(u, lo, hi uint64) int32 {
	span := hi - lo
	if span == 0 {
		return 0
	}
	hi64, lo64 := bits.Mul64(u-lo, 12)
	q, _ := bits.Div64(hi64, lo64, span) // ⌊12·(u−lo)/span⌋ without overflow
	return int32(min(q, 11))
}

// exit removes person i for cause at the current month.
func (r *rep) exit(i int32, cause int) {
	switch cause {
	case causeRetirement:
		r.out[ExitsRetirement][r.year]++
	case causeDeath:
		r.out[ExitsDeath][r.year]++
	case causeResignation:
		r.out[ExitsResignation][r.year]++
	}
	r.leave(i)
}

// leave takes all of person i's seats away and marks them gone; their
// own titles pass to cover and recruitment.
func (r *rep) leave(i int32) {
	var freed [16]int32
	vacated := r.dropAll(i, freed[:0])
	r.refresh(i)
	r.pp[i].active = false
	r.draw[i].gone = true
	r.nActive--
	d := r.pp[i].det
	if r.repOf[d] == i {
		r.repOf[d] = -1
		r.markDeficient(d)
		r.scheduleRecruit(d)
	}
	for _, k := range vacated {
		r.coverSeat(k)
	}
}

func (r *rep) markDeficient(d int32) {
	if !r.deficient[d] {
		r.deficient[d] = true
		r.defList = append(r.defList, d)
	}
}

// coverSeat finds someone of the seat's unit to hold vacant seat k
// temporarily, when the policy covers vacancies that way.
func (r *rep) coverSeat(k int32) {
	w := r.w
	p := &w.monthly[r.month]
	if p.vacancy != model.CoverConcurrent || r.holder[k] >= 0 {
		return
	}
	if r.liveSeat != nil && !r.liveSeat[k] {
		return
	}
	u := r.seatUnit(k)
	if f := r.coverFail[k]; f != 0 && f == r.unitStamp[u]+1 {
		q := &w.monthly[r.coverFailMonth[k]]
		if q.maxTitles == p.maxTitles && len(q.allows) > 0 && len(p.allows) > 0 && &q.allows[0] == &p.allows[0] {
			return // nothing has changed since the last search found nobody
		}
	}
	best := int32(-1)
	limit := min(p.maxTitles, w.stride)
	t := r.seatTitle(k)
	var bn uint8
	var bh float32
	pp := r.pp
	for _, h := range r.holder[w.unitSeat[u]:w.unitSeat[u+1]] {
		if h < 0 || h == best {
			continue
		}
		ph := &pp[h]
		n := ph.nSeats
		if int(n) >= limit {
			continue
		}
		// Only who would beat the best so far needs the rules checked.
		if best >= 0 && (n > bn || (n == bn && !(ph.hours < bh))) {
			continue
		}
		if !r.mayHold(h, t, p) {
			continue
		}
		best, bn, bh = h, n, ph.hours
	}
	if best < 0 {
		r.coverFail[k], r.coverFailMonth[k] = r.unitStamp[u]+1, int32(r.month)
		return
	}
	r.addSeat(best, k, true)
	r.refresh(best)
}

// mayHold reports whether person i may take title t on top of what they
// hold: requirements of party, education and sex, and the combination rule.
func (r *rep) mayHold(i int32, ti int32, p *monthParams) bool {
	w := r.w
	q := &w.titles[ti].Requires
	pi := &r.pp[i]
	if (q.PartyMember && !pi.party) || pi.edu < q.MinEducation || (q.Sex != model.SexAny && pi.sex != q.Sex) {
		return false
	}
	base := int(i) * w.stride
	nt := len(w.titles)
	allows, seatTitle := p.allows, w.seatTitle
	for _, k := range r.seats[base : base+int(pi.nSeats)] {
		if !allows[int(seatTitle[k])*nt+int(ti)] {
			return false
		}
	}
	return true
}

// endCover ends the temporary cover of seat k.
func (r *rep) endCover(k int32) {
	h := r.holder[k]
	if h < 0 || !r.cover[k] {
		return
	}
	r.removeSeat(h, k)
	r.refresh(h)
}

// unitRNG returns unit u's stream in this replication, seeding it on first
// use.
func (r *rep) unitRNG(u int32) *rand.PCG {
	us := &r.units[u]
	if !us.seeded {
		us.seeded = true
		us.rng.Seed(r.seedA^0x5bd1e995, r.w.unitHash[u])
	}
	return &us.rng
}

// unitState is a unit's recruitment in a replication: its stream and its
// pool of candidates, side by side since a search reads them together.
type unitState struct {
	rng    rand.PCG
	seeded bool // rng is seeded
	drawn  bool // the pool is drawn
	// Indexed by whether party members are needed: the pool, its yearly
	// chance of filling a vacancy, and the monthly chance derived from
	// that with its log-complement, worked out once (known) for
	// scheduleRecruit.
	pool   [2]int32
	fill   [2]float64
	known  [2]bool
	pm     [2]float64
	lnKeep [2]float64
}

// poolTables hold, for the candidate rule of the first month (rules
// rarely change), each unit's e^−mean of its party and other candidates
// and the chance of filling a vacancy from a pool of n, so that drawing a
// pool computes no exponential or power.
type poolTables struct {
	rule   model.CandidateRule
	means  [][2]float64 // by unit: party members, others
	expNeg [][2]float64 // e^−mean of those
	fills  []float64    // by pool size
}

// poolMeans splits the mean pool of unit u under rule into its party
// members and the others.
func (w *world) poolMeans(u int32, rule model.CandidateRule) (party, others float64) {
	mean := float64(w.units[u].Population) / 1000 * rule.PerThousand
	share := min(max(rule.PartyShare, 0), 1)
	return mean * share, mean * (1 - share)
}

func (w *world) preparePools() {
	t := &w.pools
	t.rule = w.monthly[0].candidates
	t.means = make([][2]float64, len(w.units))
	t.expNeg = make([][2]float64, len(w.units))
	for u := range w.units {
		mp, mo := w.poolMeans(int32(u), t.rule)
		t.means[u] = [2]float64{mp, mo}
		t.expNeg[u] = [2]float64{math.Exp(-mp), math.Exp(-mo)}
	}
	t.fills = make([]float64, 256)
	for n := range t.fills {
		t.fills[n] = t.rule.FillProbability(n)
	}
}

// fill is rule.FillProbability(n), from the table when it has it.
func (t *poolTables) fill(rule model.CandidateRule, n int) float64 {
	if rule == t.rule && n < len(t.fills) {
		return t.fills[n]
	}
	return rule.FillProbability(n)
}

func uniform(g *rand.PCG) float64 { return float64(g.Uint64()>>11) / (1 << 53) }

// pool returns unit u's candidates (all, and party members), drawn once
// per replication: Poisson with mean residents/1000 × PerThousand, thinned
// by PartyShare. Thinning a Poisson count gives two independent Poisson
// counts, party members and the others, so the pool is drawn as those two:
// two draws, where thinning took one per candidate.
func (r *rep) pool(u int32, party bool) int {
	us := &r.units[u]
	if !us.drawn {
		us.drawn = true
		w := r.w
		rule := w.monthly[r.month].candidates
		g := r.unitRNG(u)
		var np, no int
		if rule == w.pools.rule {
			m, e := &w.pools.means[u], &w.pools.expNeg[u]
			np, no = poissonExp(g, m[0], e[0]), poissonExp(g, m[1], e[1])
		} else {
			mp, mo := w.poolMeans(u, rule)
			np, no = poisson(g, mp), poisson(g, mo)
		}
		n := np + no
		us.pool = [2]int32{int32(n), int32(np)}
		us.fill = [2]float64{w.pools.fill(rule, n), w.pools.fill(rule, np)}
	}
	return int(us.pool[b2i(party)])
}

// poisson draws a Poisson variate by inversion (means here are small:
// a few candidates per village, tens per commune); large means use the
// normal approximation.
func poisson(g *rand.PCG, mean float64) int {
	return poissonExp(g, mean, math.Exp(-mean))
}

// poissonExp is poisson with e^−mean worked out beforehand.
func poissonExp(g *rand.PCG, mean, expNeg float64) int {
	if mean <= 0 {
		return 0
	}
	if mean > 500 {
		n := math.Round(mean + math.Sqrt(mean)*normal(g))
		return int(max(n, 0))
	}
	u := uniform(g)
	p := expNeg
	c := p
	n := 0
	for u > c && n < 10000 {
		n++
		p *= mean / float64(n)
		c += p
	}
	return n
}

func normal(g *rand.PCG) float64 {
	u1 := max(uniform(g), 1e-300)
	u2 := uniform(g)
	return math.Sqrt(-2*math.Log(u1)) * math.Cos(2*math.Pi*u2)
}

// fillProbability is the chance a year's search finds someone for d.
func (r *rep) fillProbability(d int32) float64 {
	n := &r.now[d].needs
	if n.unit < 0 {
		return 0 // no seats
	}
	r.pool(n.unit, n.party)
	return r.units[n.unit].fill[b2i(n.party)]
}

// scheduleRecruit draws when a recruit will be found for d between
// elections: only for bundles with appointed titles, since elected titles
// change hands at elections.
func (r *rep) scheduleRecruit(d int32) {
	w := r.w
	n := &r.now[d].needs
	if !n.appointed {
		return
	}
	q := r.fillProbability(d)
	if q <= 0 {
		return
	}
	g := r.unitRNG(n.unit)
	// q is the unit's, fixed once its pool is drawn: so are these.
	us, p := &r.units[n.unit], b2i(n.party)
	if !us.known[p] {
		us.known[p] = true
		us.pm[p] = 1 - math.Pow(1-q, 1.0/12)
		us.lnKeep[p] = math.Log(1 - us.pm[p])
	}
	delay := 1
	if us.pm[p] < 1 {
		delay = 1 + int(math.Floor(math.Log(max(uniform(g), 1e-300))/us.lnKeep[p]))
	}
	if r.month+delay >= w.months {
		return
	}
	r.gen[d]++
	m := r.month + delay
	r.pending[m] = append(r.pending[m], recruitEvent{d, r.gen[d]})
}

// recruitDue brings in the recruits found this month, in the order they
// were scheduled.
func (r *rep) recruitDue(m int) {
	// Hiring never schedules into the current month (delays are at least
	// one month), so the bucket does not grow while it is read.
	for _, ev := range r.pending[m] {
		if ev.gen != r.gen[ev.det] || r.repOf[ev.det] >= 0 || len(r.now[ev.det].seats) == 0 {
			continue
		}
		r.hire(ev.det, false)
	}
}

// hire brings in a recruit to stand for d; between elections only the
// appointed titles pass to them.
func (r *rep) hire(d int32, all bool) int32 {
	w := r.w
	n := &r.now[d].needs
	party, edu := n.party, n.edu
	g := r.unitRNG(n.unit)
	rule := w.monthly[r.month].candidates
	sex := model.Male
	if g.Uint64()&1 == 1 {
		sex = model.Female
	}
	if !party && uniform(g) < rule.PartyShare {
		party = true
	}
	edu = max(edu, model.EduUpperSec)
	r.gen[d]++
	i := r.addPerson(d, w.monthly[r.month].recruitRetire[sex], int32(r.month), float32(RecruitCapacity), edu, party, sex,
		r.seedA, w.hash[d]^uint64(r.gen[d])*0x9e3779b97f4a7c15)
	r.repOf[d] = i
	r.out[RecruitmentCost][r.year] += float64(w.monthly[r.month].recruitCost)
	r.give(d, i, all)
	return i
}

// give hands d's seats to person i (only appointed ones unless all), ending
// covers on them.
func (r *rep) give(d, i int32, all bool) {
	w := r.w
	b := r.now[d].seats
	live := w.epochs[max(r.epoch-1, 0)].live
	complete := true
	for _, ref := range b {
		k := ref >> 1
		if !live[k] || r.holder[k] == i {
			continue
		}
		if !all && w.elected[r.seatTitle(k)] {
			complete = false
			continue
		}
		if h := r.holder[k]; h >= 0 {
			if !r.cover[k] {
				complete = false
				continue // held for real by someone else: cannot happen with consistent plans
			}
			r.endCover(k)
		}
		r.addSeat(i, k, false)
	}
	r.refresh(i)
	if complete && r.deficient[d] {
		r.deficient[d] = false
	} else if !complete {
		r.markDeficient(d)
	}
}

// realise plays re-plan e: the expected world's new holders take their
// titles where they are still there; recruits stand in for those who are
// not, when a candidate is found; whoever the plan no longer needs is
// released with severance.
func (r *rep) realise(e int) {
	w := r.w
	ep := &w.epochs[e]
	r.flushGaps()
	r.setEpoch(e + 1) // live seats are this epoch's from now on
	// Covers stay unless their seat is gone; the new holders of covered
	// seats end them as they take the seats.
	kept := r.covers[:0]
	for _, k := range r.covers {
		if !r.cover[k] {
			continue
		}
		if !ep.live[k] {
			r.endCover(k)
			continue
		}
		kept = append(kept, k)
	}
	r.covers = kept
	// Take the changing people's seats away first: seats move between
	// them. Seats a person keeps at the head of their list, in the order
	// give would hand them back, stay put: dropping and giving them again
	// would end in the same state (the same seats in the same order, so
	// the same sums), at twice the work.
	touched := r.free[:0]
	for ci, d := range ep.change {
		if i := r.repOf[d]; i >= 0 && r.pp[i].active {
			keep := 0
			if keepSeats {
				keep = r.keptPrefix(i, ep.bundles[ci], ep.live)
			}
			r.dropped = r.dropFrom(i, keep, r.dropped[:0])
			touched = append(touched, i)
		}
		r.now[d] = bundleNow{ep.bundles[ci], ep.needs[ci]}
	}
	free := r.freed[:0]
	for ci, d := range ep.change {
		b := ep.bundles[ci]
		i := r.repOf[d]
		switch {
		case len(b) == 0:
			r.repOf[d] = -1
			r.deficient[d] = false
		case i >= 0:
			r.give(d, i, true)
		default:
			r.markDeficient(d)
		}
	}
	// Whoever holds nothing now may stand in below or is released.
	for _, i := range touched {
		if r.pp[i].nSeats == 0 && !r.inFree[i] {
			r.inFree[i] = true
			free = append(free, i)
		}
	}
	// Fill the deficient: someone freed in the same commune who meets the
	// requirements first, else a new recruit if a candidate is found.
	// Index the freed by commune: each deficient person looks only at
	// their own commune's. The lists are kept by commune unit and reused
	// from one re-plan to the next.
	for _, i := range free {
		c := r.pp[i].home
		if len(r.freeBy[c]) == 0 {
			r.freeIn = append(r.freeIn, c)
		}
		r.freeBy[c] = append(r.freeBy[c], i)
	}
	// The list's order is deterministic (it is built in event order), so
	// it needs no sorting.
	list := append(r.defScratch[:0], r.defList...)
	r.defScratch = list
	r.defList = r.defList[:0]
	for _, d := range list {
		if !r.deficient[d] {
			continue
		}
		r.deficient[d] = false
		now := &r.now[d]
		if len(now.seats) == 0 {
			continue
		}
		if i := r.repOf[d]; i >= 0 {
			r.give(d, i, true)
			continue
		}
		u, party, edu := now.unit, now.party, now.edu
		c := w.unitCommune[u]
		reuse := -1
		var cands []int32
		if len(r.freeIn) > 0 { // often nobody is freed: skip the lookup
			cands = r.freeBy[c]
		}
		for fi, i := range cands {
			if r.inFree[i] && r.pp[i].nSeats == 0 && (r.pp[i].party || !party) && r.pp[i].edu >= edu {
				reuse = fi
				break
			}
		}
		if reuse >= 0 {
			i := cands[reuse]
			r.inFree[i] = false
			r.freeBy[c] = slices.Delete(cands, reuse, reuse+1)
			if od := r.pp[i].det; r.repOf[od] == i {
				r.repOf[od] = -1
			}
			r.pp[i].det = d
			r.repOf[d] = i
			r.give(d, i, true)
			continue
		}
		if q := r.fillProbability(d); q > 0 && uniform(r.unitRNG(u)) < q {
			r.hire(d, true)
		} else {
			r.markDeficient(d)
		}
	}
	for _, i := range free {
		if !r.inFree[i] {
			continue // stood in for someone
		}
		r.inFree[i] = false
		if r.pp[i].nSeats == 0 {
			r.release(i)
		}
	}
	for _, c := range r.freeIn {
		r.freeBy[c] = r.freeBy[c][:0]
	}
	r.freeIn = r.freeIn[:0]
	r.freed = free[:0]
	// Cover what stays vacant, and look for recruits between elections.
	// Neither appends to defList, so it is read in place.
	for _, d := range r.defList {
		for _, ref := range r.now[d].seats {
			r.coverSeat(ref >> 1)
		}
		if r.repOf[d] < 0 {
			r.scheduleRecruit(d)
		}
	}
	r.free = touched[:0]
}

// keepSeats lets realise leave kept seats in place; a variable so that a
// test can check that doing so changes nothing.
var keepSeats = true

// keptPrefix is how many of person i's seats, from the first, are the
// first live seats of bundle b in b's order and held for real (give turns
// a cover into a real hold): the seats that give(b) would hand back to
// them, in that order, were they all dropped.
func (r *rep) keptPrefix(i int32, b []seatRef, live []bool) int {
	base := int(i) * r.w.stride
	held := r.seats[base : base+int(r.pp[i].nSeats)]
	m := 0
	for _, ref := range b {
		k := ref >> 1
		if !live[k] {
			continue
		}
		if m == len(held) || held[m] != k || r.cover[k] {
			break
		}
		m++
	}
	return m
}

// release lets person i go at a re-plan, paying the Decree 154/2025
// support: A is the main title's allowance in full, months served since
// they started, months left to retirement.
func (r *rep) release(i int32) {
	w := r.w
	p := &w.monthly[r.month]
	served := r.month - int(r.draw[i].start)
	toRet := int(r.draw[i].retire) - r.month
	if r.draw[i].retire == never {
		toRet = 1 << 20
	}
	if a := model.Money(r.pp[i].mainFull); a > 0 && p.severance != (model.SeveranceRule{}) {
		r.out[Severance][r.year] += float64(p.severance.Amount(a, served, toRet))
	}
	r.out[ExitsReleased][r.year]++
	r.refresh(i)
	if r.pp[i].active {
		r.pp[i].active = false
		r.nActive--
	}
	r.draw[i].gone = true
	if d := r.pp[i].det; r.repOf[d] == i {
		r.repOf[d] = -1
	}
}
