package model

import "math"

// Dynamics are the parameters of the events the simulator plays out year by
// year: who leaves, who can be found to replace them, how units grow and
// merge. Like Policy, every parameter that can change over time is a
// [Series] with its source, so each figure in a projection can be traced to
// a decree, a statistic or a stated assumption.
type Dynamics struct {
	Resignation Series[ResignationRule]
	// Death is the yearly probability that a holder dies or falls
	// long-term ill and leaves the post.
	Death Series[float64]
	// ReferenceIncome is the monthly income an allowance is compared with
	// when people decide whether to stay (đồng per month).
	ReferenceIncome Series[Money]
	Candidates      Series[CandidateRule]
	Growth          Series[GrowthRule]
	// Vacancy says how a title left empty between elections is covered.
	Vacancy Series[VacancyCover]
	// MaxAge, when above zero, makes holders leave at that age even before
	// the retirement schedule says (a local policy maximum).
	MaxAge Series[int]
	// Mergers are scheduled mergers of small villages, in date order.
	Mergers []Merger
}

// ResignationRule is the yearly probability that a holder resigns, a
// logistic function of how far the allowance falls short of a reference
// income and of how overloaded the holder is:
//
//	logit(p) = logit(Base) + LowPay·shortfall + Overload·overload
//	shortfall = max(0, 1 − allowance/reference)
//	overload  = max(0, weekly hours/capacity − 1)
//
// Base is the rate of a holder paid at least the reference income and not
// overloaded; Base 0 means nobody resigns, whatever the pay.
type ResignationRule struct {
	Base     float64
	LowPay   float64 // log-odds per unit of pay shortfall
	Overload float64 // log-odds per unit of overload
}

// Probability returns the yearly resignation probability of a holder paid
// allowance a month against reference income ref, carrying hours a week
// with capacity hours a week.
func (r ResignationRule) Probability(allowance, ref Money, hours, capacity Hours) float64 {
	if r.Base <= 0 {
		return 0
	}
	if r.Base >= 1 {
		return 1
	}
	z := math.Log(r.Base / (1 - r.Base))
	if ref > 0 && allowance < ref {
		z += r.LowPay * (1 - float64(allowance)/float64(ref))
	}
	if capacity > 0 && hours > capacity {
		z += r.Overload * float64(hours/capacity-1)
	}
	return 1 / (1 + math.Exp(-z))
}

// CandidateRule is the pool of people a unit can recruit from: on average
// PerThousand candidates per 1,000 residents (young, eligible, willing),
// PartyShare of them party members. Each candidate takes up a vacancy
// within a year with probability Accept, so a vacancy is filled within a
// year with probability 1 − (1 − Accept)^pool, and a unit with no candidate
// cannot fill it at all. Age is the age at which a recruit starts.
type CandidateRule struct {
	PerThousand float64
	PartyShare  float64
	Accept      float64
	Age         int
}

// FillProbability returns the probability that a vacancy is filled within
// a year from a pool of n candidates.
func (r CandidateRule) FillProbability(n int) float64 {
	if n <= 0 || r.Accept <= 0 {
		return 0
	}
	if r.Accept >= 1 {
		return 1
	}
	return 1 - math.Pow(1-r.Accept, float64(n))
}

// GrowthRule is the yearly growth rate of population and households
// (0.01 = 1 % a year), which moves workloads, holders needed and funds.
type GrowthRule struct {
	Population float64
	Households float64
}

// VacancyCover says what happens to a title whose holder leaves between
// elections.
type VacancyCover uint8

// Vacancy covers.
const (
	// CoverConcurrent: another holder of the same unit takes the title on
	// temporarily, concurrently, until it is filled; the title stays vacant
	// only when nobody may take it.
	CoverConcurrent VacancyCover = iota
	// LeaveVacant: the title stays empty until it is filled.
	LeaveVacant
)

var vacancyCoverNames = enumNames[VacancyCover]{{"concurrent", "kiêm nhiệm"}, {"vacant", "để trống"}}

func (v VacancyCover) String() string { return vacancyCoverNames.str(v) }

// ParseVacancyCover parses "concurrent" or "vacant".
func ParseVacancyCover(s string) (VacancyCover, error) {
	return vacancyCoverNames.parse("vacancy cover", s)
}

// VacancyCoverNames lists the canonical vacancy cover names.
func VacancyCoverNames() []string { return vacancyCoverNames.canonical() }

// Merger is a dated village rearrangement: on Date the villages of a plan
// merge, each absorbed village into its keeper of the same commune. The
// merged village's households, population and area are the sums, its
// flags the OR of its members'; its workloads, holders, fund and cap follow
// from them. The plan comes one of three ways, exactly one given:
//
//   - BelowHouseholds above zero: the threshold rule — every village with
//     fewer households merges into the village of the same commune with the
//     fewest households among those that stay (into the largest of the
//     small ones when all of a commune's villages are small); see
//     [ThresholdPlan].
//   - Rearrange: the exact rearrangement planner on the world of Date.
//   - Into: an explicit plan, absorbed village code → keeper village code
//     (a plan a commune already decided). Mapping, when set, is the file
//     (an old → new village mapping, as kiemnhiem rearrange writes it)
//     Into is read from when the scenario's data is loaded. Rules, when
//     set, are what the decided plan is checked against and the optimum
//     it is compared with is planned under (nil: [DefaultMergerRules]);
//     they do not change the plan.
type Merger struct {
	Date            Date
	BelowHouseholds int
	Rearrange       *MergerRearrange
	Into            map[string]string
	Mapping         string
	Rules           *MergerRearrange
	Source          string
}

// DecidedRules are the rules a decided plan (Into) is checked against:
// Rules, or [DefaultMergerRules] when the merger gives none.
func (m Merger) DecidedRules() MergerRearrange {
	if m.Rules != nil {
		return *m.Rules
	}
	return DefaultMergerRules()
}

// Kind names the way the merger's plan is produced: "below_households",
// "rearrange", "mapping" (the scenario keys), "into" (a plan given in
// code), or "" when none is given.
func (m Merger) Kind() string {
	switch {
	case m.Rearrange != nil:
		return "rearrange"
	case m.Mapping != "":
		return "mapping"
	case m.Into != nil:
		return "into"
	case m.BelowHouseholds > 0:
		return "below_households"
	}
	return ""
}
