package sim

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// planning is what building the expected world needs and the engine
// does not; only the whole world has it.
type planning struct {
	unitCode map[string]int32
	// Everyone's seats in the expected world, when they got them, and who
	// has been released for good.
	cur      [][]seatRef
	got      []model.Date
	released []bool
	// byID indexes people by ID as they are added, so readPlan does not
	// index the whole roster again at every re-plan.
	byID map[string]int
	// mergers are the mergers' plans within the horizon, in date order;
	// cuts[u] the dates villages merged into unit u, ending its terms.
	mergers []mergerPlan
	cuts    map[int32][]model.Date
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
			retireMonth: w.personRetireMonth(p), attrs: p.Attrs | p.Unknown,
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
	ep := epoch{replanAt: replanAt{month, rd.date, rd.reason}, live: live, nLive: nLive}
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
	ms := w.mergersIn(month)
	provisional := w.provisionalCommunes(month)
	if as != nil {
		proj := w.project(rd.date, units, alive, into, present)
		plan, err := as.Assign(ctx, proj)
		if err != nil {
			return fmt.Errorf("re-planning on %s: %w", rd.date, err)
		}
		if wants, err = w.readPlan(plan, planned, month); err != nil {
			return fmt.Errorf("re-planning on %s: %w", rd.date, err)
		}
		wants = w.leaveProvisional(wants, planned, w.leftProvisional(provisional, ms))
		wants = w.dropSurplus(wants, ms, live)
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
	w.provisionalHeads(ms, planned, next, live, present)
	if err := w.placeWants(wants, next, live); err != nil {
		return fmt.Errorf("re-planning on %s: %w", rd.date, err)
	}
	rearranged := w.rearranged(ms, next, present)
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
	for c := range provisional { // kept on purpose, not for want of a plan
		delete(kept, c)
	}
	w.replans = append(w.replans, w.mergerRecord(Replan{Date: rd.date, Reason: ReplanReason(rd.reason), Headcount: headcount, Changed: len(ep.change), Kept: len(kept),
		Rearranged: rearranged, Provisional: len(provisional)}, ms))
	return nil
}

// allLive reports whether every seat of refs is live.
func allLive(refs []seatRef, live []bool) bool {
	for _, r := range refs {
		if !live[r>>1] {
			return false
		}
	}
	return true
}

// addPlaceholder adds a recruit of unit code, from month on, to the
// expected world and returns its index.
func (w *world) addPlaceholder(unit string, month int) int {
	id := fmt.Sprintf("NEW-%s-%s-%d", w.dateOf(month).String()[:7], unit, len(w.people))
	birth := w.recruitBirth(min(month, w.months))
	d := detPerson{
		id: id, hash: hashString(id), birth: birth, sex: model.Male, edu: model.EduUniversity,
		party: true, capacity: float32(RecruitCapacity), residence: unit, joinMonth: int32(month), placeholder: true,
		attrs: model.AllAttrs,
	}
	d.retireMonth = w.retireMonth(birth, model.Male)
	w.people = append(w.people, d)
	if w.byID != nil {
		w.byID[id] = len(w.people) - 1
	}
	return len(w.people) - 1
}

// project builds the expected world on date d for the Assigner: the units
// grown and merged, everyone still there with the seats they hold. As in
// villageplan.After, a seat of a village absorbed on d is held in its
// keeper, with the term ended on d, so the Assigner chooses among everyone
// of the merged villages.
func (w *world) project(d model.Date, units []model.Unit, alive []bool, intoIdx []int32, present func(int) bool) *model.Scenario {
	s := &model.Scenario{
		Name: w.sc.Name, Description: w.sc.Description, Date: d,
		Policy: w.sc.Policy, Dynamics: w.sc.Dynamics, Titles: model.TitlesAt(w.sc.Titles, d),
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
			// A recruit the plan called for is taken to meet what the
			// titles it was found for require, as the optimiser's recruits
			// do: its attributes are not recorded.
			p = model.Person{ID: dp.id, Birth: dp.birth, Sex: dp.sex, Education: dp.edu, PartyMember: dp.party,
				Residence: dp.residence, Capacity: model.Hours(dp.capacity), Unknown: model.AllAttrs}
		}
		if r, ok := into[p.Residence]; ok {
			p.Residence = r
		}
		from := len(holdings)
		for _, r := range w.cur[i] {
			k := r >> 1
			was := w.slotUnit[w.seatSlot[k]]
			ui := keeperOf(was, alive, intoIdx) // an absorbed village's seat sits on its keeper
			if ui < 0 {
				continue
			}
			t := &w.titles[w.slotTitle[w.seatSlot[k]]]
			h := model.Holding{Title: t.ID, Unit: w.units[ui].Code, Main: r&1 == 1}
			if mergeHolding(holdings[from:], h) {
				continue
			}
			if w.got[i].IsZero() && i < len(w.sc.People) {
				for _, oh := range w.sc.People[i].Holdings {
					if oh.Title == h.Title && oh.Unit == w.units[was].Code {
						h.Start, h.TermEnd = oh.Start, oh.TermEnd
					}
				}
			} else {
				h.Start = w.got[i]
				h.TermEnd = t.Term.NextElection(w.got[i])
			}
			// Terms in a village others merged into end on the merger.
			if cut := w.termCut(ui, d); cut != 0 && w.got[i] <= cut && (h.TermEnd.IsZero() || h.TermEnd > cut) {
				h.TermEnd = cut
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
