package sim

import (
	"slices"

	"github.com/kiemnhiem/kiemnhiem/model"
)

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

// exitEvent is an exit the yearly pass scheduled for a month of the year.
type exitEvent struct {
	person int32
	cause  int8
}

// recruitEvent is a recruit found for person d of the expected world,
// due in the month of the bucket that holds it.
type recruitEvent struct {
	det int32
	gen int32 // stale when the attempt was superseded
}

// bundleNow is a person of the expected world's seats at this point of a
// replication, with their needs: their roster seats until their first
// change, then each re-plan's bundle for them.
type bundleNow struct {
	seats []seatRef
	needs
}

const numEdu = int(model.EduPostgraduate) + 1

// newRep allocates a replication's state for w, sized once.
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
	for t := range p.titles {
		for e := range numEdu {
			full := p.titles[t].AllowanceFor(model.Education(e)).Of(p.base)
			r.titlePay[t*numEdu+e] = int64(full)
			r.concPay[t*numEdu+e] = int64(full.Scale(p.rate))
		}
	}
}

// b2i is 1 for true, 0 for false.
func b2i(b bool) int32 {
	if b {
		return 1
	}
	return 0
}
