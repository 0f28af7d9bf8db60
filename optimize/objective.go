package optimize

import "github.com/kiemnhiem/kiemnhiem/model"

// The planner's objective (model.ObjectiveRule): the order of the three
// levels and what the cost level counts. Under the headcount order (the
// default) the cost level is the annual allowance cost plus one-off
// recruitment; under the cost and stability orders it is the net cost over
// the rule's horizon: each holder's allowances with insurance support,
// discounted (model.ObjectiveRule.AllowanceCost), plus recruitment, plus
// the Decree 154/2025 severance (model.SeveranceEstimate) of every current
// holder of the pool's titles the plan releases. Every level stays a sum
// over candidates of a non-negative amount, so the pools stay independent
// and the programmes, bounds and LP models keep their shape: only the
// order in which levels are compared changes.

// Goal returns the objective a solve of p with settings s uses: the
// scenario's policy.objective on the plan date, its order replaced by
// s.Order when set.
func Goal(p *Problem, s *Settings) (model.ObjectiveRule, error) {
	if p == nil || p.Scenario == nil {
		return model.ObjectiveRule{}, ErrNoScenario
	}
	pa, _ := p.Scenario.Policy.At(p.Scenario.Date) // only the objective is read
	return goalOf(pa, s), nil
}

func goalOf(pa model.PolicyAt, s *Settings) model.ObjectiveRule {
	g := pa.Objective
	if s != nil && s.Order != nil {
		g = g.WithOrder(*s.Order)
	}
	return g
}

// Objective levels, as indexes into levelsOf's result.
const (
	levelHeadcount = iota + 1
	levelCost
	levelDisruption
	levelWeighted
)

// levelsOf lists the three levels in the order o compares them.
func levelsOf(o model.ObjectiveOrder) [3]int {
	switch o {
	case model.OrderCost:
		return [3]int{levelCost, levelHeadcount, levelDisruption}
	case model.OrderStability:
		return [3]int{levelDisruption, levelHeadcount, levelCost}
	}
	return [3]int{levelHeadcount, levelCost, levelDisruption}
}

// level returns the value of one level of o.
func (o Objective) level(lvl int) int64 {
	switch lvl {
	case levelHeadcount:
		return int64(o.Headcount)
	case levelCost:
		return int64(o.Cost)
	}
	return int64(o.Disruption)
}

// LessIn reports whether o is better than p in the order ord: the levels
// compared one after the other as ord lists them. LessIn(OrderHeadcount,
// …) is [Objective.Less]. The orders are spelled out rather than read from
// levelsOf in a loop: this is the search's comparison, on its hot path.
func (o Objective) LessIn(ord model.ObjectiveOrder, p Objective) bool {
	switch ord {
	case model.OrderCost:
		if o.Cost != p.Cost {
			return o.Cost < p.Cost
		}
		if o.Headcount != p.Headcount {
			return o.Headcount < p.Headcount
		}
		return o.Disruption < p.Disruption
	case model.OrderStability:
		if o.Disruption != p.Disruption {
			return o.Disruption < p.Disruption
		}
		if o.Headcount != p.Headcount {
			return o.Headcount < p.Headcount
		}
		return o.Cost < p.Cost
	}
	return o.Less(p)
}

// orderBetter compares objectives in the order ord.
func orderBetter(ord model.ObjectiveOrder) better {
	return func(a, b Objective) bool { return a.LessIn(ord, b) }
}

// gapIn is the relative difference on the first level, in the order ord,
// where objective and bound differ.
func gapIn(ord model.ObjectiveOrder, obj, bound Objective) float64 {
	for _, lvl := range levelsOf(ord) {
		a, b := obj.level(lvl), bound.level(lvl)
		if a != b {
			if a == 0 {
				return 0
			}
			return float64(a-b) / float64(a)
		}
	}
	return 0
}

// with returns o with level lvl set to v.
func (o Objective) with(lvl int, v int64) Objective {
	switch lvl {
	case levelHeadcount:
		o.Headcount = int(v)
	case levelCost:
		o.Cost = model.Money(v)
	case levelDisruption:
		o.Disruption = int(v)
	}
	return o
}
