package model

// SeveranceEstimate prices the Decree 154/2025 support of people released
// on one date, with the policy in force on that date. It is an estimate:
// the decree pays on the day a person leaves, and the inputs it reads (the
// start of service, the birth date) may be unknown.
type SeveranceEstimate struct {
	date       Date
	ix         *Index
	rule       SeveranceRule
	ok         bool // the rule and the base salary are both known on date
	base       Money
	retirement RetirementSchedule
}

// NewSeveranceEstimate reads p's severance rule, base salary and retirement
// schedule on d; ix resolves the titles people hold. Without a severance
// rule or a base salary on d every amount is 0; without a retirement
// schedule no one is taken as retired.
func NewSeveranceEstimate(p *Policy, d Date, ix *Index) *SeveranceEstimate {
	e := &SeveranceEstimate{date: d, ix: ix}
	var err1, err2 error
	e.rule, err1 = p.Severance.At(d)
	e.base, err2 = p.BaseSalary.At(d)
	e.ok = err1 == nil && err2 == nil
	e.retirement, _ = p.Retirement.At(d)
	return e
}

// Amount is the support for p if released on the estimate's date: A is the
// monthly allowance of p's main title at that date's base salary; months
// served run from the main holding's start (0 when unknown); months to
// retirement from the date to p's retirement date (far off when the birth
// date is unknown). Someone with no main holding, or who retired before the
// date, gets none.
func (e *SeveranceEstimate) Amount(p *Person) Money {
	if !e.ok {
		return 0
	}
	h, ok := p.MainHolding()
	if !ok {
		return 0
	}
	t, ok := e.ix.Title(h.Title)
	if !ok {
		return 0
	}
	a := t.AllowanceFor(p.Education).Of(e.base)
	served := 0
	if !h.Start.IsZero() && h.Start < e.date {
		served = h.Start.MonthsUntil(e.date)
	}
	toRetirement := 1 << 20
	if r := e.retirement.RetirementDate(p.Birth, p.Sex); !r.IsZero() {
		if r < e.date {
			return 0 // retired before the date: a pension, not severance
		}
		toRetirement = e.date.MonthsUntil(r)
	}
	return e.rule.Amount(a, served, toRetirement)
}
