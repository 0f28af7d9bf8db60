package model

import (
	"math"
	"math/big"
)

// ObjectiveOrder is the order in which a planner compares plans: which of
// the three levels (people, cost, changes of holder) comes first.
type ObjectiveOrder uint8

// Objective orders.
const (
	// OrderHeadcount: fewest people, then lowest cost, then fewest changes.
	// Cost is the annual allowance cost plus one-off recruitment (the
	// optimiser's historical objective).
	OrderHeadcount ObjectiveOrder = iota
	// OrderCost: lowest net cost over the horizon, then fewest people, then
	// fewest changes. Cost is [ObjectiveRule.HorizonCost] of each holder's
	// allowances plus one-off recruitment plus the severance of every
	// current holder released.
	OrderCost
	// OrderStability: fewest changes of holder, then fewest people, then
	// lowest net cost over the horizon (as for OrderCost).
	OrderStability
)

var objectiveOrderNames = enumNames[ObjectiveOrder]{{"headcount", "số người"}, {"cost", "chi phí"}, {"stability", "ổn định"}}

func (o ObjectiveOrder) String() string { return objectiveOrderNames.str(o) }

// Text is the order's name for people.
func (o ObjectiveOrder) Text() Text {
	switch o {
	case OrderHeadcount:
		return Text{Vi: "ít người nhất", En: "fewest people"}
	case OrderCost:
		return Text{Vi: "chi phí ròng thấp nhất", En: "lowest net cost"}
	case OrderStability:
		return Text{Vi: "ít thay đổi người giữ chức danh nhất", En: "fewest changes of holder"}
	}
	return KeyText(o.String())
}

// ObjectiveOrders lists every order, in declaration order.
func ObjectiveOrders() []ObjectiveOrder {
	return []ObjectiveOrder{OrderHeadcount, OrderCost, OrderStability}
}

// ParseObjectiveOrder parses "headcount", "cost" or "stability".
func ParseObjectiveOrder(s string) (ObjectiveOrder, error) {
	return objectiveOrderNames.parse("objective order", s)
}

// Default horizon and rates of an objective whose order was chosen without
// a horizon (a scenario without policy.objective, ordered by cost or
// stability on the command line). Assumptions: ten years is the horizon of
// the simulator's main report; no discounting and no insurance support
// leave the figure the plain sum of the allowances a planner reads in the
// budget.
const DefaultHorizonYears = 10

// ObjectiveRule is the planner's objective (policy.objective): the order of
// the levels and, for the net-cost levels, the horizon and rates.
//
// The zero rule is today's headcount-first objective with an annual cost.
type ObjectiveRule struct {
	Order ObjectiveOrder
	// HorizonYears is how many years of allowances the net cost counts
	// (OrderCost, OrderStability); 0 with OrderHeadcount.
	HorizonYears int
	// DiscountRate discounts year y's allowances by (1+r)^−y, y = 0 for
	// the first year: money paid now weighs more than money paid later.
	DiscountRate float64
	// InsuranceRate is the share of a holder's monthly allowance the
	// budget adds as social-insurance support (the funds of NĐ 34/2019,
	// NĐ 33/2023 and NĐ 185/2026 include it): a per-person cost on top of
	// the allowance.
	InsuranceRate float64
}

// NetCost reports whether the rule's cost level is the net cost over a
// horizon (cost and stability orders) rather than the annual cost.
func (r ObjectiveRule) NetCost() bool { return r.Order != OrderHeadcount }

// WithOrder returns r ordered by o. A net-cost order on a rule with no
// horizon takes [DefaultHorizonYears] with no discounting and no
// insurance support.
func (r ObjectiveRule) WithOrder(o ObjectiveOrder) ObjectiveRule {
	r.Order = o
	if o != OrderHeadcount && r.HorizonYears <= 0 {
		r.HorizonYears = DefaultHorizonYears
	}
	return r
}

// AnnuityFactor is the present value of one đồng a year paid at the start
// of each of the horizon's years: Σ_{y=0}^{H−1} (1+r)^−y (H when r = 0).
func (r ObjectiveRule) AnnuityFactor() float64 {
	f := 0.0
	for y := range r.HorizonYears {
		f += math.Pow(1+r.DiscountRate, -float64(y))
	}
	return f
}

// AllowanceCost is the cost level's price of a holder paid monthly a
// month: 12 × monthly under the headcount order; under a net-cost order
// 12 × monthly × (1 + InsuranceRate) × AnnuityFactor, rounded half away
// from zero to whole đồng once per holder. The optimiser and the checker
// both price a holder with it, so they agree to the đồng.
func (r ObjectiveRule) AllowanceCost(monthly Money) Money {
	if !r.NetCost() {
		return 12 * monthly
	}
	return roundMoney(12*float64(monthly)*(1+r.InsuranceRate)*r.AnnuityFactor(), func() *big.Rat { return nil })
}
