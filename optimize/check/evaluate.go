package check

import (
	"fmt"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/optimize"
)

// Evaluate returns the objective of plan, computed independently of the
// solver: headcount (distinct people, recruits included), annual cost
// (12 × each person's monthly allowance, main title at 100 % and the others
// at the concurrency rate, plus the recruitment cost of each recruit), and
// disruption (for each candidate who is not retired, their current holdings
// of slots in their home commune that the plan does not give them, plus one
// if they held any such slot and hold nothing in the plan).
//
// Evaluate does not check the rules (see [Check]); it fails when the plan
// cannot be priced: no scenario, no base salary or concurrency rate on the
// date, or an unknown person, title or unit. A repeated assignment is
// counted once.
//
// The cost is the one of the scenario's objective on the plan date
// (policy.objective; see [EvaluateGoal] for another).
func Evaluate(p *optimize.Problem, plan model.Plan) (optimize.Objective, error) {
	c, err := newChecker(p)
	if err != nil {
		return optimize.Objective{}, err
	}
	return c.evaluate(plan, c.pol.Objective)
}

// EvaluateGoal is [Evaluate] with the cost of goal: under a net-cost goal
// (orders cost and stability) each holder's allowances cost
// goal.AllowanceCost of their monthly allowance instead of 12 months of
// it, and every candidate released — one who holds a slot of their home
// commune today, is not retired and holds nothing in the plan — adds the
// Decree 154/2025 support model.SeveranceEstimate gives on the plan date.
func EvaluateGoal(p *optimize.Problem, plan model.Plan, goal model.ObjectiveRule) (optimize.Objective, error) {
	c, err := newChecker(p)
	if err != nil {
		return optimize.Objective{}, err
	}
	return c.evaluate(plan, goal)
}

func (c *checker) evaluate(plan model.Plan, goal model.ObjectiveRule) (optimize.Objective, error) {
	var obj optimize.Objective
	if !c.baseOK {
		return obj, fmt.Errorf("optimize: evaluate: no base salary on %s", c.date)
	}
	if !c.rateOK {
		return obj, fmt.Errorf("optimize: evaluate: no concurrency rate on %s", c.date)
	}
	people, held := c.holdings(plan)
	for _, id := range people {
		h := c.holder(id, false)
		if h.kind == holderUnknown {
			return optimize.Objective{}, fmt.Errorf("optimize: evaluate: unknown person %q", id)
		}
		for _, k := range held[id] {
			if _, ok := c.ix.Unit(k.unit); !ok {
				return optimize.Objective{}, fmt.Errorf("optimize: evaluate: %s holds title %q in unknown unit %q", id, k.title, k.unit)
			}
			if _, ok := c.ix.Title(k.title); !ok {
				return optimize.Objective{}, fmt.Errorf("optimize: evaluate: %s holds unknown title %q", id, k.title)
			}
		}
		if len(held[id]) == 0 {
			continue
		}
		obj.Headcount++
		var monthly model.Money
		for _, pay := range c.pay(h, held[id]) {
			monthly += pay.money
		}
		obj.Cost += goal.AllowanceCost(monthly)
		if h.kind == holderRecruit {
			obj.Cost += c.pol.Recruitment.Cost
		}
	}
	var sev *model.SeveranceEstimate
	if goal.NetCost() {
		sev = model.NewSeveranceEstimate(&c.s.Policy, c.date, c.ix)
	}
	for i := range c.s.People {
		pe := &c.s.People[i]
		h := c.holder(pe.ID, false)
		if !h.isCandidate() {
			continue
		}
		current := c.currentSlots(pe, h.home)
		kept := map[checkSlot]bool{}
		for _, k := range held[pe.ID] {
			kept[k] = true
		}
		for _, k := range current {
			if !kept[k] {
				obj.Disruption++
			}
		}
		if len(current) > 0 && len(held[pe.ID]) == 0 {
			obj.Disruption++
			if sev != nil {
				obj.Cost += sev.Amount(pe)
			}
		}
	}
	return obj, nil
}
