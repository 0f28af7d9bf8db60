package sim

import (
	"context"
	"fmt"
	"hash/fnv"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// RecruitCapacity is the weekly hours a recruit is assumed to give, the
// figure package optimize assumes for its recruits too.
const RecruitCapacity model.Hours = 40

// never is a month index beyond any horizon.
const never = math.MaxInt32

// The world is everything about a scenario's future that does not depend
// on chance: units growing and merging, the salary path, every title
// holder needed, the retirements (which follow the schedule), and the plan
// the Assigner makes at each re-plan date for the expected world — the
// people who will still be there if nobody leaves but by retirement. It is
// built once per scenario and shared, read-only, by every replication,
// which then plays the plan out with its own resignations, deaths and
// recruits.
type world struct {
	name   string
	sc     *model.Scenario
	start  model.Date
	years  int
	months int

	units       []model.Unit
	unitCommune []int32 // the commune of each unit (itself for a commune)
	unitCode    map[string]int32

	titles   []model.Title
	elected  []bool
	titleIdx map[string]int32

	// Slots are (unit, title) pairs; seats are the holders a slot needs,
	// numbered slot by slot so the seats of a unit are contiguous.
	slotUnit, slotTitle []int32
	slotSeat            []int32 // first seat of each slot; len(slots)+1
	seatSlot            []int32
	unitSeat            []int32 // first seat of each unit; len(units)+1

	// Per year: weekly hours per holder of each slot, and caps per unit
	// (0: none).
	wph  [][]float32
	caps [][]int32
	// Per month: what the policy and dynamics say.
	monthly []monthParams
	// fundByMonth is the allowance fund of all live units in each month.
	fundByMonth []float64
	// globalChange marks months where pay or hazards must be recomputed
	// for everyone.
	globalChange []bool
	maxSeats     int  // most seats one person can hold (titles per person)
	growth       bool // units grow: hours change every year

	people []detPerson
	// initial[d] is person d's seats on Start (before any plan).
	initial [][]seatRef
	// Filled by prepare: the people's stream keys (people[d].hash, kept
	// contiguous for the seeding of streams), the seat-list stride, the
	// units whose cap changes each year, and the units' stream keys.
	hash       []uint64
	stride     int
	capChanged [][]int32
	unitHash   []uint64
	// communes lists the communes' unit indices; seatCommune gives each
	// seat's commune as an index into it.
	communes    []int32
	seatCommune []int32
	// Per seat, filled by prepare so hot paths skip the seatSlot
	// indirection: its title, its unit, and each year's weekly hours.
	seatTitle []int32
	seatUnit  []int32
	seatWph   [][]float32
	// initialNeeds[d] are the needs of initial[d] (filled by prepare).
	initialNeeds []needs
	// tmpl is a replication's state on Start before seeding, built once by
	// prepare; reset copies it instead of rebuilding the roster.
	tmpl    *rep
	pools   poolTables // filled by prepare
	epochs  []epoch
	replans []Replan

	// While the epochs are built: everyone's seats in the expected world,
	// when they got them, and who has been released for good.
	cur      [][]seatRef
	got      []model.Date
	released []bool
	// byID indexes people by ID as they are added, so readPlan does not
	// index the whole roster again at every re-plan.
	byID map[string]int
}

// monthParams are the values of the policy and dynamics in one month.
type monthParams struct {
	// recruitRetire[sex] is when a recruit who starts this month retires.
	recruitRetire [3]int32
	base          model.Money
	rate          float64
	ref           model.Money
	resign        model.ResignationRule
	death         float64
	candidates    model.CandidateRule
	vacancy       model.VacancyCover
	maxTitles     int
	combination   model.CombinationRule
	allows        []bool // combination as a title × title table; false for a title with itself
	recruitCost   model.Money
	severance     model.SeveranceRule
}

// detPerson is a person of the expected world: someone on the roster, or a
// recruit a plan called for (a placeholder each replication fills with
// its own recruit, if it finds one).
type detPerson struct {
	id          string
	hash        uint64
	birth       model.Date
	sex         model.Sex
	edu         model.Education
	party       bool
	capacity    float32
	residence   string
	retireMonth int32 // first month no longer served: retirement or maximum age
	served0     int32 // months served in the main title before Start
	joinMonth   int32 // month the placeholder's plan starts; 0 for the roster
	placeholder bool
}

// seatRef is a seat index shifted left once, with the low bit set for the
// holder's main title.
type seatRef = int32

// epoch is one re-plan: from its month until the next epoch's.
type epoch struct {
	month  int
	date   model.Date
	reason string
	live   []bool // which seats exist in this epoch
	nLive  int    // how many
	// liveByCommune counts them by commune (filled by prepare).
	liveByCommune []int32
	change        []int32 // people whose seats change at this re-plan
	// bundles[i] are change[i]'s seats from this epoch on (empty: released)
	bundles [][]seatRef
	// needs[i] are what bundles[i] asks of a holder (filled by prepare).
	needs []needs
}

// needs is what a bundle of seats asks of whoever holds it: the unit it
// recruits from (its main seat's, or its first seat's; -1 for none),
// party membership, the least education, and whether any of its titles is
// appointed. Bundles are fixed, so prepare works these out once.
type needs struct {
	unit      int32
	party     bool
	edu       model.Education
	appointed bool
}

func hashString(s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return h.Sum64()
}

// monthOf returns the month index of date d: events take effect at the
// start of the calendar month they fall in.
func (w *world) monthOf(d model.Date) int {
	return (d.Year()-w.start.Year())*12 + int(d.Month()) - int(w.start.Month())
}

// dateOf returns the first day of month index m.
func (w *world) dateOf(m int) model.Date {
	return model.NewDate(w.start.Year(), w.start.Month(), 1).AddMonths(m)
}

func buildWorld(ctx context.Context, s *model.Scenario, cfg Config, report func(Progress)) (*world, error) {
	w := &world{name: s.Name, sc: s, start: cfg.Start, years: cfg.Years, months: 12 * cfg.Years}
	if _, err := model.NewIndex(s); err != nil {
		return nil, err
	}
	if err := w.readParams(); err != nil {
		return nil, err
	}
	w.units = s.Units
	w.unitCode = make(map[string]int32, len(s.Units))
	for i := range s.Units {
		w.unitCode[s.Units[i].Code] = int32(i)
	}
	w.unitCommune = make([]int32, len(s.Units))
	for i := range s.Units {
		c := int32(i)
		for range 8 {
			u := &s.Units[c]
			if u.Level == model.Commune {
				break
			}
			p, ok := w.unitCode[u.Parent]
			if !ok {
				break
			}
			c = p
		}
		w.unitCommune[i] = c
	}
	w.titles = s.Titles
	w.titleIdx = make(map[string]int32, len(s.Titles))
	w.elected = make([]bool, len(s.Titles))
	for i := range s.Titles {
		w.titleIdx[s.Titles[i].ID] = int32(i)
		w.elected[i] = s.Titles[i].Term.Kind == model.Elected
	}

	dates := w.replanDates()
	// Holders needed at each re-plan date fix the seats.
	states := make([][]model.Unit, len(dates))
	alive := make([][]bool, len(dates))
	into := make([][]int32, len(dates))
	for e, d := range dates {
		states[e], alive[e], into[e] = w.unitsAt(d.date)
	}
	w.buildSeats(states, alive)
	for _, g := range s.Dynamics.Growth {
		w.growth = w.growth || g.Value != (model.GrowthRule{})
	}
	w.buildYears()
	if err := w.buildPeople(); err != nil {
		return nil, err
	}
	for e, d := range dates {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		as := cfg.Assigner
		if cfg.PlanOnce && e > 0 {
			as = nil
		}
		if err := w.replan(ctx, e, d, states[e], alive[e], into[e], as); err != nil {
			return nil, err
		}
		report(Progress{Scenario: s.Name, Stage: "plan", Done: e + 1, Total: len(dates)})
	}
	return w, nil
}

// readParams reads the policy and dynamics month by month, so that a
// replication never looks up a series.
func (w *world) readParams() error {
	s := w.sc
	w.monthly = make([]monthParams, w.months+1)
	w.globalChange = make([]bool, w.months+1)
	for m := range w.monthly {
		d := w.dateOf(m)
		if m == 0 {
			d = w.start
		}
		var p monthParams
		var err error
		need := func(what string, e error) {
			if e != nil && err == nil {
				err = fmt.Errorf("%w: %s on %s: %v", ErrDynamics, what, d, e)
			}
		}
		var e error
		p.base, e = s.Policy.BaseSalary.At(d)
		need("policy.base_salary", e)
		p.rate, e = s.Policy.ConcurrencyRate.At(d)
		need("policy.concurrency_rate", e)
		p.maxTitles, e = s.Policy.MaxTitlesPerPerson.At(d)
		need("policy.max_titles_per_person", e)
		p.combination, _ = s.Policy.Combination.At(d) // none: any pair
		if r, e := s.Policy.Recruitment.At(d); e == nil {
			p.recruitCost = r.Cost
		}
		p.severance, _ = s.Policy.Severance.At(d) // none: no severance
		p.ref, e = s.Dynamics.ReferenceIncome.At(d)
		need("dynamics.reference_income", e)
		p.resign, e = s.Dynamics.Resignation.At(d)
		need("dynamics.resignation", e)
		p.death, e = s.Dynamics.Death.At(d)
		need("dynamics.death", e)
		p.candidates, e = s.Dynamics.Candidates.At(d)
		need("dynamics.candidates", e)
		p.vacancy, _ = s.Dynamics.Vacancy.At(d) // none: concurrent cover
		if err != nil {
			return err
		}
		if m > 0 && slices.EqualFunc(p.combination.Pairs, w.monthly[m-1].combination.Pairs, func(a, b [2]string) bool { return a == b }) &&
			p.combination.Mode == w.monthly[m-1].combination.Mode {
			p.allows = w.monthly[m-1].allows
		} else {
			nt := len(s.Titles)
			p.allows = make([]bool, nt*nt)
			for a := range nt {
				for b := range nt {
					p.allows[a*nt+b] = a != b && p.combination.Allows(s.Titles[a].ID, s.Titles[b].ID)
				}
			}
		}
		w.monthly[m] = p
		if m == 0 || p.base != w.monthly[m-1].base || p.rate != w.monthly[m-1].rate ||
			p.ref != w.monthly[m-1].ref || p.resign != w.monthly[m-1].resign || p.death != w.monthly[m-1].death {
			w.globalChange[m] = true
		}
		w.maxSeats = max(w.maxSeats, p.maxTitles)
	}
	w.maxSeats = max(w.maxSeats, 1)
	for m := range w.monthly {
		birth := w.recruitBirth(m)
		for _, sex := range []model.Sex{model.Male, model.Female} {
			w.monthly[m].recruitRetire[sex] = w.retireMonth(birth, sex)
		}
	}
	return nil
}

type replanDate struct {
	date   model.Date
	reason string
}

// replanDates lists the start, every election of a title that exists and
// every merger within the horizon, in order, once each.
func (w *world) replanDates() []replanDate {
	end := w.dateOf(w.months)
	byDate := map[model.Date]string{w.start: "start"}
	for i := range w.titles {
		t := &w.titles[i]
		for d := t.Term.NextElection(w.start); !d.IsZero() && d < end; d = t.Term.NextElection(d) {
			if _, ok := byDate[d]; !ok {
				byDate[d] = "election"
			}
		}
	}
	for _, mg := range w.sc.Dynamics.Mergers {
		if mg.Date > w.start && mg.Date < end {
			byDate[mg.Date] = "merger"
		}
	}
	var out []replanDate
	for d, r := range byDate {
		out = append(out, replanDate{d, r})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].date < out[j].date })
	// Two re-plans in one month would be one: keep the first.
	var dedup []replanDate
	for _, r := range out {
		if n := len(dedup); n > 0 && w.monthOf(dedup[n-1].date) == w.monthOf(r.date) {
			if r.reason == "merger" {
				dedup[n-1].reason = "merger"
			}
			continue
		}
		dedup = append(dedup, r)
	}
	return dedup
}

// grown returns the yearly growth factor for population and households
// from Start to date d: compounded once per whole year passed.
func (w *world) grown(d model.Date) (pop, hh float64) {
	pop, hh = 1, 1
	for y := 0; w.start.AddMonths(12*(y+1)) <= d; y++ {
		g, _ := w.sc.Dynamics.Growth.At(w.start.AddMonths(12 * y)) // none: no growth
		pop *= 1 + g.Population
		hh *= 1 + g.Households
	}
	return pop, hh
}

// unitsAt returns the units as they are on date d: grown, with the
// mergers scheduled up to d applied (alive false for a merged village,
// into[i] the unit it went into, or -1).
func (w *world) unitsAt(d model.Date) (units []model.Unit, alive []bool, into []int32) {
	pop, hh := w.grown(d)
	units = slices.Clone(w.sc.Units)
	alive = make([]bool, len(units))
	into = make([]int32, len(units))
	for i := range units {
		alive[i] = true
		into[i] = -1
		units[i].Population = int(math.Round(float64(units[i].Population) * pop))
		units[i].Households = int(math.Round(float64(units[i].Households) * hh))
	}
	for _, mg := range w.sc.Dynamics.Mergers {
		if mg.Date <= d {
			w.merge(units, alive, into, mg.BelowHouseholds)
		}
	}
	return units, alive, into
}

// merge applies one merger rule to the live villages of every commune.
func (w *world) merge(units []model.Unit, alive []bool, into []int32, below int) {
	byCommune := map[int32][]int32{}
	var communes []int32
	for i := range units {
		if !alive[i] || units[i].Level != model.Village {
			continue
		}
		c := w.unitCommune[i]
		if _, ok := byCommune[c]; !ok {
			communes = append(communes, c)
		}
		byCommune[c] = append(byCommune[c], int32(i))
	}
	for _, c := range communes {
		vs := byCommune[c]
		var small, stay []int32
		for _, v := range vs {
			if units[v].Households < below {
				small = append(small, v)
			} else {
				stay = append(stay, v)
			}
		}
		if len(small) == 0 || len(vs) < 2 {
			continue
		}
		pick := func(cands []int32, fewest bool) int32 {
			best := cands[0]
			for _, v := range cands[1:] {
				if h, b := units[v].Households, units[best].Households; (fewest && h < b) || (!fewest && h > b) {
					best = v
				}
			}
			return best
		}
		var target int32
		if len(stay) > 0 {
			target = pick(stay, true)
		} else {
			target = pick(small, false)
		}
		for _, v := range small {
			if v == target {
				continue
			}
			t := &units[target]
			t.Households += units[v].Households
			t.Population += units[v].Population
			t.AreaKm2 += units[v].AreaKm2
			alive[v] = false
			into[v] = target
		}
	}
	// A village merged into one that merged later follows it.
	for i := range into {
		for j := 0; j < 8 && into[i] >= 0 && into[into[i]] >= 0; j++ {
			into[i] = into[into[i]]
		}
	}
}

// buildSeats numbers the seats: each slot gets the most holders it needs
// at any re-plan date.
func (w *world) buildSeats(states [][]model.Unit, alive [][]bool) {
	w.unitSeat = make([]int32, len(w.units)+1)
	seat := int32(0)
	for ui := range w.units {
		w.unitSeat[ui] = seat
		for ti := range w.titles {
			t := &w.titles[ti]
			n := 0
			for e := range states {
				if alive[e][ui] && t.AppliesTo(&states[e][ui]) {
					n = max(n, t.Holders.For(&states[e][ui]))
				}
			}
			if n == 0 {
				continue
			}
			w.slotUnit = append(w.slotUnit, int32(ui))
			w.slotTitle = append(w.slotTitle, int32(ti))
			w.slotSeat = append(w.slotSeat, seat)
			for range n {
				w.seatSlot = append(w.seatSlot, int32(len(w.slotUnit)-1))
			}
			seat += int32(n)
		}
	}
	w.unitSeat[len(w.units)] = seat
	w.slotSeat = append(w.slotSeat, seat)
}

// slotOf returns the slot of title ti in unit ui, or -1.
func (w *world) slotOf(ui, ti int32) int32 {
	lo := w.unitSeat[ui]
	hi := w.unitSeat[ui+1]
	if lo == hi {
		return -1
	}
	s := w.seatSlot[lo]
	for ; s < int32(len(w.slotUnit)) && w.slotSeat[s] < hi; s++ {
		if w.slotTitle[s] == ti {
			return s
		}
	}
	return -1
}

// liveSeats marks the seats that exist with units in state units/alive.
func (w *world) liveSeats(units []model.Unit, alive []bool) ([]bool, int) {
	live := make([]bool, len(w.seatSlot))
	n := 0
	for s := range w.slotUnit {
		ui := w.slotUnit[s]
		if !alive[ui] {
			continue
		}
		t := &w.titles[w.slotTitle[s]]
		if !t.AppliesTo(&units[ui]) {
			continue
		}
		k := min(t.Holders.For(&units[ui]), int(w.slotSeat[s+1]-w.slotSeat[s]))
		for j := range k {
			live[int(w.slotSeat[s])+j] = true
		}
		n += k
	}
	return live, n
}

// buildYears derives, for each year, the weekly hours of each slot's
// holders and each unit's cap, and for each month the allowance funds.
func (w *world) buildYears() {
	p := &w.sc.Policy
	w.wph = make([][]float32, w.years)
	w.caps = make([][]int32, w.years)
	w.fundByMonth = make([]float64, w.months)
	for y := range w.years {
		d := w.start.AddMonths(12 * y)
		units, alive, _ := w.unitsAt(d)
		wph := make([]float32, len(w.slotUnit))
		for s := range wph {
			ui := w.slotUnit[s]
			wph[s] = float32(w.titles[w.slotTitle[s]].WorkloadPerHolder(&units[ui]))
		}
		w.wph[y] = wph
		caps := make([]int32, len(units))
		for ui := range units {
			if !alive[ui] {
				continue
			}
			u := &units[ui]
			switch u.Level {
			case model.Commune:
				if c, err := p.CommuneCapFor(u, d); err == nil {
					caps[ui] = int32(c)
				}
			case model.Village:
				if c, err := p.VillageCap.At(d); err == nil {
					caps[ui] = int32(c)
				}
			}
		}
		w.caps[y] = caps
		// Funds change with the base salary within the year: price each
		// month, reusing the previous month's total while nothing moved.
		// Mergers inside the year take effect on the month they fall in.
		var last float64
		var lastBase model.Money = -1
		lastMerged := -1
		for m := 12 * y; m < 12*(y+1); m++ {
			md := w.dateOf(m)
			merged := 0
			for _, mg := range w.sc.Dynamics.Mergers {
				if mg.Date <= md {
					merged++
				}
			}
			if w.monthly[m].base != lastBase || merged != lastMerged {
				mu, malive := units, alive
				if merged != lastMerged && m != 12*y {
					mu, malive, _ = w.unitsAt(md)
				}
				last = w.fundOf(mu, malive, md)
				lastBase, lastMerged = w.monthly[m].base, merged
			}
			w.fundByMonth[m] = last
		}
	}
}

func (w *world) fundOf(units []model.Unit, alive []bool, d model.Date) float64 {
	p := &w.sc.Policy
	total := 0.0
	for ui := range units {
		if !alive[ui] {
			continue
		}
		u := &units[ui]
		var f model.Money
		var err error
		switch u.Level {
		case model.Commune:
			f, err = p.CommuneFundFor(u, d)
		case model.Village:
			f, err = p.VillageFundFor(u, d)
		default:
			continue
		}
		if err == nil {
			total += float64(f)
		}
	}
	return total
}

// retireMonth returns the first month a person no longer serves because
// of the retirement schedule or the policy's maximum age.
func (w *world) retireMonth(birth model.Date, sex model.Sex) int32 {
	if birth.IsZero() {
		return never
	}
	m := never
	if sched, err := w.sc.Policy.Retirement.At(w.start); err == nil {
		if r := sched.RetirementDate(birth, sex); !r.IsZero() {
			m = w.monthOf(r) + 1
		}
	}
	if a, err := w.sc.Dynamics.MaxAge.At(w.start); err == nil && a > 0 {
		m = min(m, w.monthOf(birth.AddMonths(12*a)))
	}
	return int32(max(m, 0))
}

// buildPeople reads the roster and today's holdings into seats.
func (w *world) buildPeople() error {
	s := w.sc
	w.people = make([]detPerson, len(s.People))
	w.initial = make([][]seatRef, len(s.People))
	taken := make([]bool, len(w.seatSlot))
	for i := range s.People {
		p := &s.People[i]
		d := detPerson{
			id: p.ID, hash: hashString(p.ID), birth: p.Birth, sex: p.Sex, edu: p.Education,
			party: p.PartyMember, capacity: float32(p.Capacity), residence: p.Residence,
			retireMonth: w.retireMonth(p.Birth, p.Sex),
		}
		if h, ok := p.MainHolding(); ok && !h.Start.IsZero() && h.Start < w.start {
			d.served0 = int32(h.Start.MonthsUntil(w.start))
		}
		w.people[i] = d
		for _, h := range p.Holdings {
			ui, ok1 := w.unitCode[h.Unit]
			ti, ok2 := w.titleIdx[h.Title]
			if !ok1 || !ok2 {
				return fmt.Errorf("person %s holds %s in %s, which the scenario does not define", p.ID, h.Title, h.Unit)
			}
			sl := w.slotOf(ui, ti)
			if sl < 0 {
				continue // the title does not exist there: nothing to hold
			}
			for k := w.slotSeat[sl]; k < w.slotSeat[sl+1]; k++ {
				if !taken[k] {
					taken[k] = true
					w.initial[i] = append(w.initial[i], k<<1|b2i(h.Main))
					break
				}
			}
		}
	}
	return nil
}

// replan makes the plan of epoch e: the Assigner's plan for the expected
// world on that date, or the previous holders where it gives none.
func (w *world) replan(ctx context.Context, e int, rd replanDate, units []model.Unit, alive []bool, into []int32, as Assigner) error {
	month := w.monthOf(rd.date)
	live, nLive := w.liveSeats(units, alive)
	ep := epoch{month: month, date: rd.date, reason: rd.reason, live: live, nLive: nLive}
	if e == 0 {
		w.cur = make([][]seatRef, len(w.people))
		w.got = make([]model.Date, len(w.people))
		w.released = make([]bool, len(w.people))
		for d, seats := range w.initial {
			w.cur[d] = slices.Clone(seats)
		}
	}
	present := func(d int) bool { return int(w.people[d].retireMonth) > month }

	var wants []want
	planned := map[int32]bool{} // communes the plan covers
	if as != nil {
		proj := w.project(rd.date, units, alive, into, present)
		plan, err := as.Assign(ctx, proj)
		if err != nil {
			return fmt.Errorf("re-planning on %s: %w", rd.date, err)
		}
		if wants, err = w.readPlan(plan, planned, month); err != nil {
			return fmt.Errorf("re-planning on %s: %w", rd.date, err)
		}
	}
	// Communes without a plan keep their holders; a retiree's seats go to
	// a recruit of the unit. Seats of merged villages are gone.
	type keep struct {
		person int
		refs   []seatRef
	}
	var keeps []keep
	kept := map[int32]bool{}
	for d := range w.cur {
		var refs []seatRef
		for _, r := range w.cur[d] {
			k := r >> 1
			if live[k] && !planned[w.communeOfSeat(k)] {
				refs = append(refs, r)
			}
		}
		if len(refs) == 0 {
			continue
		}
		kept[w.communeOfSeat(refs[0]>>1)] = true
		if present(d) {
			keeps = append(keeps, keep{d, refs})
		} else {
			ph := w.addPlaceholder(w.units[w.slotUnit[w.seatSlot[refs[0]>>1]]].Code, month)
			keeps = append(keeps, keep{ph, refs})
		}
	}
	next := make([][]seatRef, len(w.people))
	for _, k := range keeps {
		next[k.person] = append(next[k.person], k.refs...)
	}
	if err := w.placeWants(wants, next, live); err != nil {
		return fmt.Errorf("re-planning on %s: %w", rd.date, err)
	}
	for len(w.cur) < len(w.people) {
		w.cur = append(w.cur, nil)
		w.got = append(w.got, 0)
		w.released = append(w.released, false)
	}
	headcount := 0
	var a, b []seatRef // sorted copies, reused person to person
	for d := range next {
		if len(next[d]) > 0 {
			headcount++
		}
		a, b = append(a[:0], w.cur[d]...), append(b[:0], next[d]...)
		slices.Sort(a)
		slices.Sort(b)
		if slices.Equal(a, b) && allLive(a, live) {
			continue
		}
		ep.change = append(ep.change, int32(d))
		ep.bundles = append(ep.bundles, next[d])
		if len(next[d]) == 0 && present(d) {
			w.released[d] = true
		}
		w.cur[d] = next[d]
		w.got[d] = rd.date
	}
	w.epochs = append(w.epochs, ep)
	w.replans = append(w.replans, Replan{Date: rd.date, Reason: rd.reason, Headcount: headcount, Changed: len(ep.change), Kept: len(kept)})
	return nil
}

func (w *world) communeOfSeat(k int32) int32 { return w.unitCommune[w.slotUnit[w.seatSlot[k]]] }

func allLive(refs []seatRef, live []bool) bool {
	for _, r := range refs {
		if !live[r>>1] {
			return false
		}
	}
	return true
}

// recruitBirth is the birth date of a recruit who starts in month m: the
// candidates' age then, 30 when the scenario gives none.
func (w *world) recruitBirth(m int) model.Date {
	age := w.monthly[m].candidates.Age
	if age <= 0 {
		age = 30
	}
	return w.dateOf(m).AddMonths(-12 * age)
}

// addPlaceholder adds a recruit of unit code, from month on, to the
// expected world and returns its index.
func (w *world) addPlaceholder(unit string, month int) int {
	id := fmt.Sprintf("NEW-%s-%s-%d", w.dateOf(month).String()[:7], unit, len(w.people))
	birth := w.recruitBirth(min(month, w.months))
	d := detPerson{
		id: id, hash: hashString(id), birth: birth, sex: model.Male, edu: model.EduUniversity,
		party: true, capacity: float32(RecruitCapacity), residence: unit, joinMonth: int32(month), placeholder: true,
	}
	d.retireMonth = w.retireMonth(birth, model.Male)
	w.people = append(w.people, d)
	if w.byID != nil {
		w.byID[id] = len(w.people) - 1
	}
	return len(w.people) - 1
}

// project builds the expected world on date d for the Assigner: the units
// grown and merged, everyone still there with the seats they hold.
func (w *world) project(d model.Date, units []model.Unit, alive []bool, intoIdx []int32, present func(int) bool) *model.Scenario {
	s := &model.Scenario{
		Name: w.sc.Name, Description: w.sc.Description, Date: d,
		Policy: w.sc.Policy, Dynamics: w.sc.Dynamics, Titles: w.sc.Titles,
	}
	into := make(map[string]string)
	s.Units = make([]model.Unit, 0, len(units))
	for i, u := range units {
		if alive[i] {
			s.Units = append(s.Units, u)
		} else if intoIdx[i] >= 0 {
			into[u.Code] = units[intoIdx[i]].Code
		}
	}
	// Everyone's holdings share one array, carved person by person: one
	// allocation instead of one per person.
	seats := 0
	for i := range w.people {
		seats += len(w.cur[i])
	}
	holdings := make([]model.Holding, 0, seats)
	s.People = make([]model.Person, 0, len(w.people))
	for i := range w.people {
		dp := &w.people[i]
		if !present(i) || w.released[i] || (dp.placeholder && len(w.cur[i]) == 0) {
			continue
		}
		var p model.Person
		if i < len(w.sc.People) {
			p = w.sc.People[i]
			p.Holdings = nil
		} else {
			p = model.Person{ID: dp.id, Birth: dp.birth, Sex: dp.sex, Education: dp.edu, PartyMember: dp.party,
				Residence: dp.residence, Capacity: model.Hours(dp.capacity)}
		}
		if r, ok := into[p.Residence]; ok {
			p.Residence = r
		}
		from := len(holdings)
		for _, r := range w.cur[i] {
			k := r >> 1
			ui := w.slotUnit[w.seatSlot[k]]
			if !alive[ui] {
				continue
			}
			t := &w.titles[w.slotTitle[w.seatSlot[k]]]
			h := model.Holding{Title: t.ID, Unit: w.units[ui].Code, Main: r&1 == 1}
			if w.got[i].IsZero() && i < len(w.sc.People) {
				for _, oh := range w.sc.People[i].Holdings {
					if oh.Title == h.Title && oh.Unit == h.Unit {
						h.Start, h.TermEnd = oh.Start, oh.TermEnd
					}
				}
			} else {
				h.Start = w.got[i]
				h.TermEnd = t.Term.NextElection(w.got[i])
			}
			holdings = append(holdings, h)
		}
		p.Holdings = holdings[from:len(holdings):len(holdings)]
		if len(p.Holdings) == 0 {
			p.Holdings = nil
		}
		s.People = append(s.People, p)
	}
	return s
}

// want is one assignment of a plan: person d in one holder seat of slot.
type want struct {
	person int
	slot   int32
	main   bool
}

// readPlan reads the Assigner's plan: who gets which slot, with new
// placeholders for its recruits, and marks every commune it covers.
func (w *world) readPlan(plan model.Plan, planned map[int32]bool, month int) ([]want, error) {
	if w.byID == nil {
		w.byID = make(map[string]int, len(w.people))
		for i := range w.people {
			w.byID[w.people[i].id] = i
		}
	}
	// The plan names people of the projected world: those here before
	// this plan is read, not the placeholders it adds.
	known := len(w.people)
	recruit := map[string]int{}
	var wants []want
	for _, a := range plan.Assignments {
		ui, ok1 := w.unitCode[a.Unit]
		ti, ok2 := w.titleIdx[a.Title]
		if !ok1 || !ok2 {
			return nil, fmt.Errorf("the plan gives %s in %s, which the scenario does not define", a.Title, a.Unit)
		}
		sl := w.slotOf(ui, ti)
		if sl < 0 {
			return nil, fmt.Errorf("the plan gives %s in %s, where the title does not exist", a.Title, a.Unit)
		}
		d, ok := w.byID[a.Person]
		if ok && d >= known {
			ok = false
		}
		if !ok {
			if !strings.HasPrefix(a.Person, "NEW-") {
				return nil, fmt.Errorf("the plan names person %q, who is not in the scenario", a.Person)
			}
			if d, ok = recruit[a.Person]; !ok {
				d = w.addPlaceholder(a.Unit, month)
				recruit[a.Person] = d
			}
		}
		planned[w.unitCommune[ui]] = true
		wants = append(wants, want{d, sl, a.Main})
	}
	return wants, nil
}

// placeWants gives each wanted (person, slot) a live seat of the slot,
// the one the person already holds when they keep the title.
func (w *world) placeWants(wants []want, next [][]seatRef, live []bool) error {
	taken := make([]bool, len(live)) // per seat
	var rest []want
	for _, wt := range wants {
		placed := false
		if wt.person < len(w.cur) {
			for _, r := range w.cur[wt.person] {
				k := r >> 1
				if w.seatSlot[k] == wt.slot && live[k] && !taken[k] {
					taken[k] = true
					next[wt.person] = append(next[wt.person], k<<1|b2i(wt.main))
					placed = true
					break
				}
			}
		}
		if !placed {
			rest = append(rest, wt)
		}
	}
	for _, wt := range rest {
		placed := false
		for k := w.slotSeat[wt.slot]; k < w.slotSeat[wt.slot+1]; k++ {
			if live[k] && !taken[k] {
				taken[k] = true
				next[wt.person] = append(next[wt.person], k<<1|b2i(wt.main))
				placed = true
				break
			}
		}
		if !placed {
			t := &w.titles[w.slotTitle[wt.slot]]
			return fmt.Errorf("the plan gives %s in %s to more people than it needs", t.ID, w.units[w.slotUnit[wt.slot]].Code)
		}
	}
	return nil
}

func b2i(b bool) int32 {
	if b {
		return 1
	}
	return 0
}
