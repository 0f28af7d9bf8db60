package sim

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// MergePlanner produces the plan of a merger that asks the rearrangement
// planner (model.Merger.Rearrange): given the merger and the expected
// world on its date (its units grown and merged by the earlier mergers;
// no people), it returns the absorbed village code → keeper village code
// of every village that merges. Package sim does not import the planner;
// cmd/kiemnhiem wires it in.
type MergePlanner interface {
	PlanMerger(ctx context.Context, m model.Merger, s *model.Scenario) (map[string]string, error)
}

// MergePlannerFunc adapts a function to [MergePlanner].
type MergePlannerFunc func(ctx context.Context, m model.Merger, s *model.Scenario) (map[string]string, error)

// PlanMerger calls f.
func (f MergePlannerFunc) PlanMerger(ctx context.Context, m model.Merger, s *model.Scenario) (map[string]string, error) {
	return f(ctx, m, s)
}

// ErrNoMergePlanner is returned for a merger that asks the rearrangement
// planner when Config.Mergers is nil.
var ErrNoMergePlanner = errors.New("the merger asks the rearrangement planner (rearrange), but none was given (sim.Config.Mergers)")

// mergerPlan is one merger as the world applies it: on date, each unit of
// absorbed (in unit order) merges into keeper[i]. From date to
// provisional the merged villages have a provisional head; the re-plan
// after it is the election (provisional == date: no provisional period,
// the re-plan is on date).
type mergerPlan struct {
	date, provisional model.Date
	absorbed, keeper  []int32
	regime            model.SeveranceRegime
}

// planMergers works out every merger's plan within the horizon, in date
// order, each on the expected world of its date: an explicit plan as given,
// the threshold rule by [model.ThresholdPlan], a rearrangement by mp.
func (w *world) planMergers(ctx context.Context, mp MergePlanner) error {
	end := w.dateOf(w.months)
	for _, mg := range w.sc.Dynamics.Mergers {
		if mg.Date >= end {
			break
		}
		units, alive, _ := w.unitsAt(mg.Date)
		into, err := w.mergerInto(ctx, mg, units, alive, mp)
		if err != nil {
			return fmt.Errorf("merger on %s: %w", mg.Date, err)
		}
		p, err := w.checkPlan(into, units, alive)
		if err != nil {
			return fmt.Errorf("merger on %s: %w", mg.Date, err)
		}
		p.date, p.provisional = mg.Date, mg.Date
		if vh, err := w.sc.Policy.VillageHead.At(mg.Date); err == nil {
			p.provisional = vh.ProvisionalUntil(mg.Date)
		}
		if rs, err := w.sc.Policy.RearrangementSeverance.At(mg.Date); err == nil {
			p.regime = rs.Regime(0, false) // the village lists do not record former commune workers
		}
		w.mergers = append(w.mergers, p)
		if w.cuts == nil {
			w.cuts = map[int32][]model.Date{}
		}
		for _, k := range p.keeper {
			if c := w.cuts[k]; len(c) == 0 || c[len(c)-1] != p.date {
				w.cuts[k] = append(c, p.date)
			}
		}
	}
	return nil
}

// mergerInto produces the plan of merger mg on the world units (alive
// marks the units that still exist).
func (w *world) mergerInto(ctx context.Context, mg model.Merger, units []model.Unit, alive []bool, mp MergePlanner) (map[string]string, error) {
	switch {
	case mg.Into != nil:
		return mg.Into, nil
	case mg.Rearrange != nil:
		if mp == nil {
			return nil, ErrNoMergePlanner
		}
		s := &model.Scenario{Name: w.sc.Name, Description: w.sc.Description, Date: mg.Date,
			Policy: w.sc.Policy, Dynamics: w.sc.Dynamics, Titles: model.TitlesAt(w.sc.Titles, mg.Date)}
		for i := range units {
			if alive[i] {
				s.Units = append(s.Units, units[i])
			}
		}
		return mp.PlanMerger(ctx, mg, s)
	case mg.Mapping != "":
		return nil, fmt.Errorf("the plan in %s was not read: load the scenario's data first", mg.Mapping)
	case mg.BelowHouseholds <= 0:
		return nil, errors.New("the merger gives no plan (below_households, rearrange or mapping)")
	}
	var vs []model.ThresholdVillage
	for i := range units {
		if alive[i] && units[i].Level == model.Village {
			vs = append(vs, model.ThresholdVillage{Code: units[i].Code, Commune: units[w.unitCommune[i]].Code, Households: units[i].Households})
		}
	}
	return model.ThresholdPlan(vs, mg.BelowHouseholds), nil
}

// checkPlan reads a plan's codes as units: every absorbed village and its
// keeper exist, are villages still there, differ, belong to one commune,
// and no keeper is itself absorbed.
func (w *world) checkPlan(into map[string]string, units []model.Unit, alive []bool) (mergerPlan, error) {
	var p mergerPlan
	village := func(code string) (int32, error) {
		i, ok := w.unitCode[code]
		if !ok {
			return 0, fmt.Errorf("the plan names village %q, which the scenario does not have", code)
		}
		if units[i].Level != model.Village || !alive[i] {
			return 0, fmt.Errorf("the plan names %q, which is not a village on that date", code)
		}
		return i, nil
	}
	for a, k := range into {
		ai, err := village(a)
		if err != nil {
			return p, err
		}
		ki, err := village(k)
		if err != nil {
			return p, err
		}
		if ai == ki {
			return p, fmt.Errorf("the plan merges village %s into itself", a)
		}
		if w.unitCommune[ai] != w.unitCommune[ki] {
			return p, fmt.Errorf("the plan merges village %s into %s, of another commune", a, k)
		}
		if _, absorbed := into[k]; absorbed {
			return p, fmt.Errorf("the plan merges village %s into %s, which itself merges into %s", a, k, into[k])
		}
		p.absorbed = append(p.absorbed, ai)
	}
	slices.Sort(p.absorbed)
	for _, ai := range p.absorbed {
		p.keeper = append(p.keeper, w.unitCode[into[units[ai].Code]])
	}
	return p, nil
}

// apply merges p's villages in units: the keeper takes the sums of
// households, population and area and the union of flags; the absorbed
// village is no longer alive and goes into its keeper.
func (p *mergerPlan) apply(units []model.Unit, alive []bool, into []int32) {
	for j, a := range p.absorbed {
		k := p.keeper[j]
		t := &units[k]
		t.Households += units[a].Households
		t.Population += units[a].Population
		t.AreaKm2 += units[a].AreaKm2
		t.Flags |= units[a].Flags
		alive[a] = false
		into[a] = k
	}
}

// termCut returns the date the terms in unit u ended because villages
// merged into it, at the latest merger on or before d (0: none).
func (w *world) termCut(u int32, d model.Date) model.Date {
	var cut model.Date
	for _, c := range w.cuts[u] {
		if c <= d {
			cut = c
		}
	}
	return cut
}

// mergersIn returns the mergers that take effect in month m (re-plans in
// one month are one).
func (w *world) mergersIn(m int) []*mergerPlan {
	var out []*mergerPlan
	for i := range w.mergers {
		if p := &w.mergers[i]; w.monthOf(p.date) == m {
			out = append(out, p)
		}
	}
	return out
}

// provisionalCommunes returns the communes under a provisional head in
// month m: a merger of their villages took effect in or before m and its
// provisional period ends after m. A re-plan after the merger's and before
// the period ends (an election of another title) leaves them as they are
// (leftProvisional), a provisional head in each merged village, until the
// re-plan when it ends.
func (w *world) provisionalCommunes(m int) map[int32]bool {
	out := map[int32]bool{}
	for i := range w.mergers {
		p := &w.mergers[i]
		if p.provisional > p.date && w.monthOf(p.date) <= m && m < w.monthOf(p.provisional) {
			for _, k := range p.keeper {
				out[w.unitCommune[k]] = true
			}
		}
	}
	return out
}

// headTitle is the index of the village head's title (a village title of
// the village's self-management, model.OrgVillage), -1 when there is none.
func (w *world) headTitle() int32 {
	for i := range w.titles {
		if t := &w.titles[i]; t.Level == model.Village && t.Organisation == model.OrgVillage {
			return int32(i)
		}
	}
	return -1
}

// provisionalHeads gives each merged village that no plan covers a
// provisional head (Decree 185/2026 Art. 4): its keeper's head keeps the
// seat; when the keeper has none, the head of the first absorbed village
// (in unit order) who is still there takes it.
func (w *world) provisionalHeads(ms []*mergerPlan, planned map[int32]bool, next [][]seatRef, live []bool, present func(int) bool) {
	ht := w.headTitle()
	if ht < 0 {
		return
	}
	held := map[int32]bool{}
	for d := range next {
		for _, r := range next[d] {
			held[r>>1] = true
		}
	}
	headOf := map[int32]int{} // absorbed village → its head in the previous plan
	for d := range w.cur {
		for _, r := range w.cur[d] {
			if sl := w.seatSlot[r>>1]; w.slotTitle[sl] == ht {
				if _, ok := headOf[w.slotUnit[sl]]; !ok && present(d) {
					headOf[w.slotUnit[sl]] = d
				}
			}
		}
	}
	for _, p := range ms {
		for j, k := range p.keeper {
			sl := w.slotOf(k, ht)
			if sl < 0 || planned[w.unitCommune[k]] {
				continue
			}
			seat := int32(-1)
			for s := w.slotSeat[sl]; s < w.slotSeat[sl+1]; s++ {
				if live[s] && held[s] {
					seat = -1
					break
				}
				if live[s] && seat < 0 {
					seat = s
				}
			}
			d, ok := headOf[p.absorbed[j]]
			if seat < 0 || !ok {
				continue
			}
			main := true
			for _, r := range next[d] {
				main = main && r&1 == 0
			}
			next[d] = append(next[d], seat<<1|b2i(main))
			held[seat] = true
		}
	}
}

// rearranged counts the people a re-plan releases because ms merged their
// village: they held a seat in a merged village, absorbed or keeper, and
// hold nothing now.
func (w *world) rearranged(ms []*mergerPlan, next [][]seatRef, present func(int) bool) int {
	gone := map[int32]bool{}
	for _, p := range ms {
		for j, a := range p.absorbed {
			gone[a], gone[p.keeper[j]] = true, true
		}
	}
	n := 0
	for d := range w.cur {
		if len(next[d]) > 0 || !present(d) {
			continue
		}
		for _, r := range w.cur[d] {
			if gone[w.slotUnit[w.seatSlot[r>>1]]] {
				n++
				break
			}
		}
	}
	return n
}

// leaveProvisional drops a plan's assignments in the communes under a
// provisional head: they keep their holders until the re-plan after it.
func (w *world) leaveProvisional(wants []want, planned, provisional map[int32]bool) []want {
	if len(provisional) == 0 {
		return wants
	}
	for c := range provisional {
		delete(planned, c)
	}
	return slices.DeleteFunc(wants, func(wt want) bool { return provisional[w.unitCommune[w.slotUnit[wt.slot]]] })
}

// leftProvisional returns the communes of provisional that a re-plan
// leaves alone: those merged in an earlier month. A commune with a merger
// of its own in this month (ms) is re-planned: the plan picks its holders
// among everyone of its merged villages, as the commune does when its
// chairman appoints the provisional head (NĐ 185/2026 Art. 4).
func (w *world) leftProvisional(provisional map[int32]bool, ms []*mergerPlan) map[int32]bool {
	if len(ms) == 0 || len(provisional) == 0 {
		return provisional
	}
	left := maps.Clone(provisional)
	for _, p := range ms {
		for _, k := range p.keeper {
			delete(left, w.unitCommune[k])
		}
	}
	return left
}

// keeperOf returns the unit that unit u is part of in a world where alive
// marks the units still there and into[u] the unit an absorbed u merged
// into: u itself, its keeper, or the keeper's keeper; -1 when u is gone
// without one.
func keeperOf(u int32, alive []bool, into []int32) int32 {
	for u >= 0 && !alive[u] {
		u = into[u]
	}
	return u
}

// mergeHolding reports whether hs already has h's title in h's unit (a
// person who held it in two villages that merged), and makes that holding
// the main one when h is.
func mergeHolding(hs []model.Holding, h model.Holding) bool {
	for i := range hs {
		if hs[i].Title == h.Title && hs[i].Unit == h.Unit {
			hs[i].Main = hs[i].Main || h.Main
			return true
		}
	}
	return false
}

// dropSurplus drops the assignments a plan makes beyond the seats of a
// slot in a village merged at this re-plan (ms). The expected world puts
// an absorbed village's holders on the keeper (project), so a plan that
// keeps everyone's titles (model.Scenario.CurrentPlan) names two heads for
// one merged village: the holder of the keeper's seat keeps it, then the
// plan's order decides; whoever is dropped from every title is released. A
// person who loses their main title has their first remaining one as main.
// Elsewhere a plan giving a slot to too many people is still an error
// (placeWants).
func (w *world) dropSurplus(wants []want, ms []*mergerPlan, live []bool) []want {
	merged := map[int32]bool{}
	for _, p := range ms {
		for _, k := range p.keeper {
			merged[k] = true
		}
	}
	if len(merged) == 0 {
		return wants
	}
	free := map[int32]int{} // slot → live seats not yet given
	holds := func(wt want) bool {
		if wt.person >= len(w.cur) {
			return false
		}
		for _, r := range w.cur[wt.person] {
			if w.seatSlot[r>>1] == wt.slot && live[r>>1] {
				return true
			}
		}
		return false
	}
	keep := make([]bool, len(wants))
	for pass := range 2 { // the keeper's holders first, then plan order
		for i, wt := range wants {
			if !merged[w.slotUnit[wt.slot]] {
				keep[i] = true
				continue
			}
			if keep[i] || (pass == 0) != holds(wt) {
				continue
			}
			n, ok := free[wt.slot]
			if !ok {
				n = w.liveIn(wt.slot, live)
			}
			keep[i], free[wt.slot] = n > 0, max(n-1, 0)
		}
	}
	lostMain := map[int]bool{}
	out := wants[:0:0]
	for i, wt := range wants {
		if keep[i] {
			out = append(out, wt)
		} else if wt.main {
			lostMain[wt.person] = true
		}
	}
	for i := range out {
		if d := out[i].person; lostMain[d] && !slices.ContainsFunc(out, func(o want) bool { return o.person == d && o.main }) {
			out[i].main, lostMain[d] = true, false
		}
	}
	return out
}

// liveIn returns the number of live seats of slot sl.
func (w *world) liveIn(sl int32, live []bool) int {
	n := 0
	for s := w.slotSeat[sl]; s < w.slotSeat[sl+1]; s++ {
		if live[s] {
			n++
		}
	}
	return n
}

// mergerRecord adds to r what the mergers ms of its re-plan did.
func (w *world) mergerRecord(r Replan, ms []*mergerPlan) Replan {
	for _, p := range ms {
		r.Merged += len(p.absorbed)
		if p.provisional > p.date {
			r.ProvisionalUntil = p.provisional
		}
		r.Regime = max(r.Regime, p.regime)
	}
	if r.Rearranged == 0 {
		r.Regime = model.RegimeNone
	}
	return r
}
