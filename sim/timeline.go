package sim

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// timeline is the part of the world that every part shares unchanged:
// the horizon, the titles, what the policy and dynamics say month by
// month, and what the re-plans gave.
type timeline struct {
	name   string
	sc     *model.Scenario
	start  model.Date
	years  int
	months int

	titles   []model.Title
	elected  []bool
	titleIdx map[string]int32

	// Per month: what the policy and dynamics say.
	monthly []monthParams
	// fundByMonth is the allowance fund of all live units in each month.
	// Funds do not depend on chance: simulate reads them from the whole
	// world and adds them to every replication.
	fundByMonth []float64
	// globalChange marks months where pay or hazards must be recomputed
	// for everyone.
	globalChange []bool
	growth       bool // units grow: hours change every year
	// retirement is the retirement schedule in force at the start.
	retirement model.RetirementSchedule

	replans []Replan
	hooks   hooks
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
	levels        model.LevelRule // which commune titles may be held with village titles
	allows        []bool          // combination and levels as a title × title table; false for a title with itself
	recruitCost   model.Money
	severance     model.SeveranceRule
	titles        []model.Title // as in force this month (their allowances)
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
		p, pa, err := readMonth(s, d)
		if err != nil {
			return err
		}
		if m == 0 {
			w.retirement = pa.Retirement
		}
		if m > 0 && slices.EqualFunc(p.combination.Pairs, w.monthly[m-1].combination.Pairs, func(a, b [2]string) bool { return a == b }) &&
			p.combination.Mode == w.monthly[m-1].combination.Mode &&
			p.levels.Mode == w.monthly[m-1].levels.Mode && slices.Equal(p.levels.Titles, w.monthly[m-1].levels.Titles) {
			p.allows = w.monthly[m-1].allows
		} else {
			nt := len(s.Titles)
			p.allows = make([]bool, nt*nt)
			for a := range nt {
				for b := range nt {
					p.allows[a*nt+b] = a != b && pa.MayCombine(&s.Titles[a], &s.Titles[b])
				}
			}
		}
		titlesChanged := m > 0 && model.ChangesBetween(s.Titles, w.dateOf(m-1), d)
		switch {
		case m == 0 || titlesChanged:
			p.titles = model.TitlesAt(s.Titles, d)
		default:
			p.titles = w.monthly[m-1].titles
		}
		w.monthly[m] = p
		if m == 0 || titlesChanged || p.base != w.monthly[m-1].base || p.rate != w.monthly[m-1].rate ||
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

// readMonth reads the policy and dynamics in force on d. The policy comes
// from the one snapshot, [model.Policy.At], whose defaults for optional
// values are the simulator's: any pair combines, no recruitment cost, no
// severance, nobody retires by schedule.
func readMonth(s *model.Scenario, d model.Date) (monthParams, model.PolicyAt, error) {
	var p monthParams
	pa, err := s.Policy.At(d)
	if err != nil {
		var pe *model.PolicyError
		if errors.As(err, &pe) {
			return p, pa, fmt.Errorf("%w: policy.%s on %s: %v", ErrDynamics, pe.Missing[0], d, pe.Err)
		}
		return p, pa, err
	}
	p.base, p.rate, p.maxTitles = pa.BaseSalary, pa.ConcurrencyRate, pa.MaxTitles
	p.combination, p.levels, p.recruitCost, p.severance = pa.Combination, pa.Levels, pa.Recruitment.Cost, pa.Severance
	need := func(what string, e error) {
		if e != nil && err == nil {
			err = fmt.Errorf("%w: %s on %s: %v", ErrDynamics, what, d, e)
		}
	}
	var e error
	p.ref, e = s.Dynamics.ReferenceIncome.At(d)
	need("dynamics.reference_income", e)
	p.resign, e = s.Dynamics.Resignation.At(d)
	need("dynamics.resignation", e)
	p.death, e = s.Dynamics.Death.At(d)
	need("dynamics.death", e)
	p.candidates, e = s.Dynamics.Candidates.At(d)
	need("dynamics.candidates", e)
	p.vacancy, _ = s.Dynamics.Vacancy.At(d) // none: concurrent cover
	return p, pa, err
}

// replanDate is a re-plan on the timeline: when and why ("start",
// "election", "merger").
type replanDate struct {
	date   model.Date
	reason string
}

// replanDates lists the start, every election of a title that exists (the
// end of its round's window, when the round has one) and every merger
// within the horizon, in order, once each.
func (w *world) replanDates() []replanDate {
	end := w.dateOf(w.months)
	byDate := map[model.Date]string{w.start: "start"}
	for i := range w.titles {
		t := &w.titles[i]
		for d := t.Term.NextElection(w.start); !d.IsZero() && d < end; d = t.Term.NextElection(d) {
			// A round of congresses runs over its window, each unit on
			// its own day: re-plan when it is over, when every holder's
			// term of the round has ended.
			at := d
			if r, ok := t.Term.RoundAfter(d.AddDays(-1)); ok && r.Date == d && r.WindowMonths > 0 {
				at = d.AddMonths(r.WindowMonths)
			}
			if _, ok := byDate[at]; !ok && at < end {
				byDate[at] = "election"
			}
		}
	}
	for _, p := range w.mergers {
		if p.date > w.start && p.date < end {
			byDate[p.date] = "merger"
		}
		if p.provisional > p.date && p.provisional > w.start && p.provisional < end {
			byDate[p.provisional] = string(ReplanAfterMerger)
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

// unitsAt returns the units as they are on date d: grown, with the plans
// of the mergers up to d applied (alive false for a merged village,
// into[i] the unit it went into, or -1).
func (w *world) unitsAt(d model.Date) (units []model.Unit, alive []bool, into []int32) {
	return w.unitsMerged(d, d)
}

// unitsMerged returns the units grown to date d with the plans of the
// mergers up to through applied.
func (w *world) unitsMerged(d, through model.Date) (units []model.Unit, alive []bool, into []int32) {
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
	for i := range w.mergers {
		if w.mergers[i].date <= through {
			w.mergers[i].apply(units, alive, into)
		}
	}
	followInto(into)
	return units, alive, into
}

// followInto makes a village merged into one that merged later follow
// it.
func followInto(into []int32) {
	for i := range into {
		for j := 0; j < 8 && into[i] >= 0 && into[into[i]] >= 0; j++ {
			into[i] = into[into[i]]
		}
	}
}

// retireMonth returns the first month a person no longer serves because
// of the retirement schedule or the policy's maximum age.
func (w *world) retireMonth(birth model.Date, sex model.Sex) int32 {
	if birth.IsZero() {
		return never
	}
	m := never
	if r := w.retirement.RetirementDate(birth, sex); !r.IsZero() {
		m = w.monthOf(r) + 1
	}
	if a, err := w.sc.Dynamics.MaxAge.At(w.start); err == nil && a > 0 {
		m = min(m, w.monthOf(birth.AddMonths(12*a)))
	}
	return int32(max(m, 0))
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
