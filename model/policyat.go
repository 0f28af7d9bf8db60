package model

import (
	"fmt"
	"slices"
	"strings"
)

// Names of the policy values [Policy.At] requires, as scenario files spell
// them.
const (
	PolicyBaseSalary      = "base_salary"
	PolicyConcurrencyRate = "concurrency_rate"
	PolicyMaxTitles       = "max_titles_per_person"
)

// PolicyAt is the policy in force on one date: the values the optimiser,
// the simulator and the checker read, each read once by [Policy.At] under
// one rule for a value not in force on the date.
//
// Unit-dependent values (commune caps and funds, village funds) stay
// methods of [Policy]: they need the unit as well as the date.
type PolicyAt struct {
	Date Date

	// Required: At fails when one of them has no value on the date.
	BaseSalary      Money   // base_salary
	ConcurrencyRate float64 // concurrency_rate
	MaxTitles       int     // max_titles_per_person

	// Optional, with the default a missing value takes.
	Combination CombinationRule    // any pair may be combined
	Levels      LevelRule          // levels mix: any commune title may be held with village titles
	VillageCap  int                // 0: no cap (as is any value ≤ 0)
	FundBinds   bool               // false: funds do not bind
	TermsBind   bool               // false: terms do not bind
	Recruitment RecruitmentRule    // the zero rule: no recruits
	Retirement  RetirementSchedule // the zero schedule: nobody retires
	Severance   SeveranceRule      // the zero rule: no severance
	Objective   ObjectiveRule      // the zero rule: headcount first, annual cost

	// Missing lists the required values that have no value on the date
	// (PolicyBaseSalary, …), in the order above; their fields are zero.
	Missing []string
}

// PolicyError is the error [Policy.At] returns when required values have
// no value on the date.
type PolicyError struct {
	Date    Date
	Missing []string // as in PolicyAt.Missing
	Err     error    // why the first of them has none
}

func (e *PolicyError) Error() string {
	return fmt.Sprintf("model: policy on %s lacks %s: %v", e.Date, strings.Join(e.Missing, ", "), e.Err)
}

func (e *PolicyError) Unwrap() error { return e.Err }

// At returns the policy in force on d. Base salary, concurrency rate and
// most titles per person are required: when any of them has no value on d,
// At still returns every value it could read (the missing ones zero, listed
// in Missing) with a *PolicyError that names them all.
// Every other value defaults, when it has no value on d, as PolicyAt
// documents.
func (p *Policy) At(d Date) (PolicyAt, error) {
	out := PolicyAt{Date: d}
	var first error
	need := func(name string, err error) {
		if err != nil {
			out.Missing = append(out.Missing, name)
			if first == nil {
				first = err
			}
		}
	}
	var err error
	out.BaseSalary, err = p.BaseSalary.At(d)
	need(PolicyBaseSalary, err)
	out.ConcurrencyRate, err = p.ConcurrencyRate.At(d)
	need(PolicyConcurrencyRate, err)
	out.MaxTitles, err = p.MaxTitlesPerPerson.At(d)
	need(PolicyMaxTitles, err)
	// Optional values: Series.At returns the zero value, the default, when
	// none is in force.
	out.Combination, _ = p.Combination.At(d)
	out.Levels, _ = p.Levels.At(d)
	out.VillageCap, _ = p.VillageCap.At(d)
	out.FundBinds, _ = p.FundBinds.At(d)
	out.TermsBind, _ = p.TermsBind.At(d)
	out.Recruitment, _ = p.Recruitment.At(d)
	out.Retirement, _ = p.Retirement.At(d)
	out.Severance, _ = p.Severance.At(d)
	out.Objective, _ = p.Objective.At(d)
	if first != nil {
		return out, &PolicyError{Date: d, Missing: out.Missing, Err: first}
	}
	return out, nil
}

// Lacks reports whether the required value name (PolicyBaseSalary, …) has
// no value on the date.
func (p PolicyAt) Lacks(name string) bool { return slices.Contains(p.Missing, name) }
