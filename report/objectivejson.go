package report

import (
	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/optimize"
)

// ObjectiveUsed is the objective an optimisation solved (optimize.Result
// .Goal), as JSON: kiemnhiem optimize --json prints it as
// "objective_used".
type ObjectiveUsed struct {
	// Order is headcount, cost or stability; Levels lists the three
	// levels in the order they are compared.
	Order  string   `json:"order"`
	Name   string   `json:"name"` // the order's name in the summary's language
	Levels []string `json:"levels"`
	// CostLevel says what the cost level counts: "annual" (allowances of
	// one year plus recruitment) or "net" (over the horizon: allowances
	// with insurance support, discounted, plus recruitment, plus the
	// severance of current holders released).
	CostLevel     string  `json:"cost_level"`
	HorizonYears  int     `json:"horizon_years"`
	DiscountRate  float64 `json:"discount_rate"`
	InsuranceRate float64 `json:"insurance_rate"`
	// Value and Bound are the plan's value and the proven bound on each
	// level, by level name.
	Value map[string]int64 `json:"value"`
	Bound map[string]int64 `json:"bound"`
	// NetCost splits a net cost level of the plan: where the money goes
	// (absent under the headcount order).
	NetCost *NetCost `json:"net_cost,omitempty"`
}

// NetCost is where the net cost of a plan goes, in đồng over the horizon.
type NetCost struct {
	// Allowances is the holders' allowances with insurance support over
	// the horizon, discounted: Total − Severance − Recruitment.
	Allowances  int64 `json:"allowances"`
	Severance   int64 `json:"severance"`   // one-off NĐ 154/2025 support of the people released
	Recruitment int64 `json:"recruitment"` // one-off cost of the recruits
	Total       int64 `json:"total"`       // the cost level of the plan
	// AllowancesBefore is today's holders' allowances priced the same
	// way: what the plan's allowances compare with.
	AllowancesBefore int64 `json:"allowances_before"`
}

// objectiveLevelNames are the JSON names of the levels.
var objectiveLevelNames = map[model.ObjectiveOrder][]string{
	model.OrderHeadcount: {"headcount", "cost", "disruption"},
	model.OrderCost:      {"cost", "headcount", "disruption"},
	model.OrderStability: {"disruption", "headcount", "cost"},
}

// NewObjectiveUsed describes res's objective; severance and recruits are
// the plan's released people's severance and its recruits (from the
// people outcomes), recruitCost the one-off cost of a recruit.
func NewObjectiveUsed(res *optimize.Result, severance int64, recruits int, recruitCost model.Money, lang model.Lang) *ObjectiveUsed {
	g := res.Goal
	u := &ObjectiveUsed{Order: g.Order.String(), Name: g.Order.Text().In(lang), Levels: objectiveLevelNames[g.Order],
		CostLevel: "annual", HorizonYears: g.HorizonYears, DiscountRate: g.DiscountRate, InsuranceRate: g.InsuranceRate,
		Value: levelMap(res.Objective), Bound: levelMap(res.Bound)}
	if !g.NetCost() {
		return u
	}
	u.CostLevel = "net"
	rec := int64(recruitCost) * int64(recruits)
	u.NetCost = &NetCost{Severance: severance, Recruitment: rec, Total: int64(res.Objective.Cost),
		Allowances: int64(res.Objective.Cost) - severance - rec, AllowancesBefore: int64(res.PlannedBefore.Cost)}
	return u
}

func levelMap(o optimize.Objective) map[string]int64 {
	return map[string]int64{"headcount": int64(o.Headcount), "cost": int64(o.Cost), "disruption": int64(o.Disruption)}
}
