package optimize

import (
	"fmt"
	"sort"
	"time"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// AsItIs returns the arrangement as it is today, without optimising: the
// plan is every holding the roster records (a holding repeated is counted
// once; vacant titles stay vacant), with each person's main title the one
// the roster marks main. Its Status is [AsIs].
//
// The plan is priced exactly as the solver prices a plan: Objective is the
// headcount, the annual allowance cost (each holder's best-paid title at
// 100 % and the others at the concurrency rate, for 12 months; no
// recruits, so no recruitment cost) and disruption 0 (nobody moves).
// Before and PlannedBefore equal Objective, AnnualCostBefore and
// AnnualCostAfter its cost. Bound and Gap make no claim: nothing was
// searched, so Bound is the zero Objective (a trivial lower bound) and Gap
// is 0; a reader goes by the Status, never by the gap. Pools is empty:
// there is no search, so no pool is infeasible and none is explained.
// Titles counts the title seats held.
//
// AsIs does not check the rules: today's holdings may break them (a person
// with two titles a rule forbids, a cap exceeded, a title vacant), and the
// independent checker (optimize/check.Verify) lists those breaches for an
// as-is result instead of refusing it. AsItIs fails only when the problem
// cannot be read or priced: no scenario or units, duplicate IDs, no base
// salary on the date, or a holding of a title or unit the scenario does not
// define.
//
// The cost level is the scenario's objective's (policy.objective): under
// a net-cost order, each holder's allowances over the horizon
// (model.ObjectiveRule.AllowanceCost); nobody is released, so no
// severance. AsItIsFor takes an order that overrides the scenario's.
func AsItIs(p *Problem) (*Result, error) { return AsItIsFor(p, nil) }

// AsItIsFor is [AsItIs] with the objective's order taken from s.Order when
// set (the other settings are not read).
func AsItIsFor(p *Problem, s *Settings) (*Result, error) {
	return asItIs(p, s)
}

func asItIs(p *Problem, set *Settings) (*Result, error) {
	start := time.Now()
	if p == nil || p.Scenario == nil {
		return nil, ErrNoScenario
	}
	s := p.Scenario
	if len(s.Units) == 0 {
		return nil, ErrNoData
	}
	ix, err := model.NewIndex(s)
	if err != nil {
		return nil, fmt.Errorf("optimize: %w", err)
	}
	pa, err := s.Policy.At(s.Date)
	if err != nil {
		return nil, fmt.Errorf("optimize: %w", err)
	}
	if pa.Lacks(model.PolicyBaseSalary) {
		return nil, fmt.Errorf("optimize: as-is: no base salary on %s", s.Date)
	}
	res := &Result{Status: AsIs, Plan: model.Plan{Date: s.Date}, Goal: goalOf(pa, set)}
	var annual model.Money
	for i := range s.People {
		pe := &s.People[i]
		held, err := asIsHoldings(ix, pe)
		if err != nil {
			return nil, err
		}
		if len(held) == 0 {
			continue
		}
		res.Objective.Headcount++
		monthly := asIsMonthly(ix, pe, held, pa)
		res.Objective.Cost += res.Goal.AllowanceCost(monthly)
		annual += 12 * monthly
		res.Titles += len(held)
		res.People++
		for _, h := range held {
			res.Plan.Assignments = append(res.Plan.Assignments, model.Assignment{Person: pe.ID, Title: h.Title, Unit: h.Unit, Main: h.Main})
		}
	}
	res.Plan.Sort()
	res.Before, res.PlannedBefore = res.Objective, res.Objective
	res.AnnualCostBefore, res.AnnualCostAfter, res.AnnualCostPlannedBefore = annual, annual, annual
	res.Seconds = time.Since(start).Seconds()
	return res, nil
}

// asIsHoldings returns pe's holdings, each (title, unit) once, and fails on
// a title or unit the scenario does not define.
func asIsHoldings(ix *model.Index, pe *model.Person) ([]model.Holding, error) {
	var out []model.Holding
	seen := map[[2]string]bool{}
	for _, h := range pe.Holdings {
		if _, ok := ix.Title(h.Title); !ok {
			return nil, fmt.Errorf("optimize: as-is: %s holds title %q, which the scenario does not define", pe.ID, h.Title)
		}
		if _, ok := ix.Unit(h.Unit); !ok {
			return nil, fmt.Errorf("optimize: as-is: %s holds %s in unit %q, which the scenario does not define", pe.ID, h.Title, h.Unit)
		}
		k := [2]string{h.Title, h.Unit}
		if !seen[k] {
			seen[k] = true
			out = append(out, h)
		}
	}
	return out, nil
}

// asIsMonthly is pe's monthly allowance for the holdings held: the
// best-paid title at 100 %, the others at the concurrency rate (a missing
// rate is 0), as the solver and the checker pay them.
func asIsMonthly(ix *model.Index, pe *model.Person, held []model.Holding, pa model.PolicyAt) model.Money {
	pays := make([]model.Money, 0, len(held))
	for _, h := range held {
		t, _ := ix.Title(h.Title)
		pays = append(pays, t.AllowanceFor(pe.Education).Of(pa.BaseSalary))
	}
	sort.Slice(pays, func(i, j int) bool { return pays[i] > pays[j] })
	monthly := pays[0]
	for _, x := range pays[1:] {
		monthly += x.Scale(pa.ConcurrencyRate)
	}
	return monthly
}
