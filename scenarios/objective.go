package scenarios

import (
	"strings"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// The ranges of the objective's numbers. A horizon beyond 50 years is
// beyond any plan a board makes (and beyond most holders' working lives);
// a discount rate above 50 % a year would make the second year worthless.
var (
	horizonSpan   = countSpan{1, 50, "a whole number of years from 1 to 50"}
	discountSpan  = span{0, 0.5, false, "a yearly rate from 0 to 0.5 (0.03 = 3 % a year)"}
	insuranceSpan = span{0, 1, false, "a share of the allowance from 0 to 1 (0.14 = 14 %)"}
)

// convObjective converts one value of policy.objective. order is required;
// horizon_years, discount_rate and insurance_rate go together (all three
// or none) and are required by the net-cost orders, cost and stability.
// The headcount order may carry them too: they are what a command-line
// override to cost or stability then uses.
func convObjective(c checker, path string, v *fileObjective) model.ObjectiveRule {
	var out model.ObjectiveRule
	want := strings.Join(objectiveOrderNames(), ", ")
	if v.Order == nil {
		c.fail(path+".order", "required: which level comes first (%s)", want)
		return out
	}
	o, err := model.ParseObjectiveOrder(*v.Order)
	if err != nil {
		c.fail(path+".order", "expected %s, got %q", want, *v.Order)
		return out
	}
	out.Order = o
	given := v.HorizonYears != nil || v.DiscountRate != nil || v.InsuranceRate != nil
	if !given && o == model.OrderHeadcount {
		return out
	}
	if !given {
		c.fail(path+".horizon_years", "required with order %s: the years of allowances the net cost counts, with discount_rate and insurance_rate", o)
		return out
	}
	out.HorizonYears = reqCount(c, path+".horizon_years", v.HorizonYears, horizonSpan)
	out.DiscountRate = reqNum(c, path+".discount_rate", v.DiscountRate, discountSpan)
	out.InsuranceRate = reqNum(c, path+".insurance_rate", v.InsuranceRate, insuranceSpan)
	return out
}

func objectiveOrderNames() []string {
	var out []string
	for _, o := range model.ObjectiveOrders() {
		out = append(out, o.String())
	}
	return out
}

// objectiveFile writes an objective back in the file format: the numbers
// only when the rule has a horizon.
func objectiveFile(r model.ObjectiveRule) fileObjective {
	f := fileObjective{Order: ptr(r.Order.String())}
	if r.HorizonYears > 0 {
		f.HorizonYears, f.DiscountRate, f.InsuranceRate = ptr(r.HorizonYears), ptr(r.DiscountRate), ptr(r.InsuranceRate)
	}
	return f
}
