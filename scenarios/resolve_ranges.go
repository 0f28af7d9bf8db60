package scenarios

import (
	"fmt"
	"math"
)

// One rule for every number of a scenario: each float and each count is
// read through [checker.num] or [checker.count] with the range of its
// field, below. A NaN or an infinity is outside every range (NaN fails
// every comparison, so "v < 0 || v > 1" alone would let it through), and
// every range is closed and finite, so a value that passes is a real
// number of a size a planner can mean.
//
// The upper bounds are far above anything a law or a planner writes, and
// are chosen so that the money computed from them stays well below
// [model.MaxMoney]: a base salary ≤ 10^8 đồng (43 × the 2024 one) times an
// allowance ≤ 20 (the largest coefficient of the civil-service scale is
// 10) over a million seats and 600 months is about 10^18 / 1,000. Counts are
// bounded so that the optimiser's and the simulator's problem sizes (which
// grow with holders per unit and with villages per commune) stay those of
// real local government.

// span is the range of one kind of number: from lo to hi, lo itself
// excluded when open; what says what the number is.
type span struct {
	lo, hi float64
	open   bool
	what   string
}

// The ranges of the scenario's floats.
var (
	shareSpan       = span{0, 1, false, "a share of the concurrent title's allowance between 0 and 1"}
	probabilitySpan = span{0, 1, false, "a probability between 0 and 1"}
	// The lower floor of Decree 185/2026 Art. 10(3) as a share of the
	// region's floor: 0 is no floor, 1 no lowering.
	floorShareSpan = span{0, 1, false, "a share of the floor between 0 and 1"}
	// A coefficient of the base salary: allowances and funds. A commune's
	// fund is about 21, a title's allowance about 1.5.
	allowanceSpan = span{0, 20, false, "a multiple of the base salary from 0 to 20"}
	fundSpan      = span{0, 1000, false, "a multiple of the base salary from 0 to 1000"}
	// Weekly hours of a title's workload terms.
	hoursSpan = span{0, 168, false, "hours per week from 0 to 168"}
	// An area in km²: Việt Nam's largest commune is below 1,500 km².
	areaSpan = span{0, 100000, false, "an area in km² from 0 to 100000"}
	// The steps of the extra-worker rule, in multiples of a standard (the
	// law's are 1/3 to 1): below 1/100 a unit would get thousands of extra
	// workers.
	stepSpan = span{0.01, 1000, false, "a multiple of the standard from 0.01 to 1000"}
	// Severance: months of salary per year served, and of job search.
	factorSpan = span{0, 12, false, "months of salary from 0 to 12"}
	monthsSpan = span{0, 120, false, "a number of months from 0 to 120"}
	// Log-odds per unit of pay shortfall or overload.
	slopeSpan = span{0, 100, false, "log-odds per unit from 0 to 100"}
	// A yearly rate of change: above −100 %, at most +100 % a year.
	growthSpan = span{-1, 1, true, "a yearly rate above -1 and ≤ 1 (0.01 = 1 % a year)"}
	// An activity table's row: occurrences per period for each basis, the
	// hours one occurrence takes (a congress's preparation, a few weeks'
	// work, is the longest), the cap on the basis count, and the speed of
	// trips (on foot to by car).
	timesSpan           = span{0, 10000, true, "a number of occurrences per period above 0 and at most 10000"}
	occurrenceHoursSpan = span{0, 2000, false, "hours per occurrence from 0 to 2000"}
	upToSpan            = span{0, 1e8, false, "a count from 0 to 100000000"}
	speedSpan           = span{1, 200, false, "a speed in km/h from 1 to 200"}
	// WISN's available working time, in weeks a year, and the share of it
	// spent on support activities (at 0.9 a title's hours would be ten
	// times its activities').
	weeksSpan   = span{1, 53, false, "a number of weeks a year from 1 to 53"}
	supportSpan = span{0, 0.9, false, "a share of working time from 0 to 0.9"}
	// Candidates per thousand residents.
	perThousandSpan = span{0, 1000, false, "a number per thousand residents from 0 to 1000"}
)

// num checks that v is a finite number in r and returns it (0 when it is
// not, so no NaN or infinity travels further even in a failed check).
func (c checker) num(path string, v float64, r span) float64 {
	if r.contains(v) {
		return v
	}
	c.fail(path, "expected %s, got %s", r.what, fmtNum(v))
	return 0
}

func (r span) contains(v float64) bool {
	if math.IsNaN(v) || math.IsInf(v, 0) || v > r.hi || v < r.lo {
		return false
	}
	return !r.open || v > r.lo
}

// fmtNum writes v as YAML would (.nan, .inf), so the message quotes the
// file.
func fmtNum(v float64) string {
	switch {
	case math.IsNaN(v):
		return ".nan"
	case math.IsInf(v, 1):
		return ".inf"
	case math.IsInf(v, -1):
		return "-.inf"
	}
	return fmt.Sprintf("%g", v)
}

// countSpan is the range of one kind of whole number.
type countSpan struct {
	lo, hi int64
	what   string
}

// The ranges of the scenario's counts and amounts.
var (
	// Amounts in đồng per month (see above for the bound).
	salarySpan = countSpan{1, 1e8, "an amount in đồng per month from 1 to 100000000"}
	incomeSpan = countSpan{1, 1e9, "an income in đồng per month from 1 to 1000000000"}
	// A recruit's one-off cost in đồng.
	costSpan = countSpan{0, 1e10, "an amount in đồng from 0 to 10000000000"}
	// Titles one person may hold: the law allows two or three.
	maxTitlesSpan = countSpan{1, 20, "a whole number from 1 to 20"}
	// Seats of a commune or village; the law caps a commune at 14 and a
	// village at 3.
	communeCapSpan = countSpan{0, 1000, "a whole number from 0 to 1000"}
	villageCapSpan = countSpan{1, 100, "a whole number from 1 to 100"}
	recruitsSpan   = countSpan{1, 50, "a whole number from 1 to 50"}
	// Holders of one title in one unit: the optimiser's problem grows with
	// it, and no title has more than a handful (the largest, extra workers,
	// about ten).
	holdersSpan = countSpan{0, 50, "a whole number of holders from 0 to 50"}
	// A population or household threshold or step: above Việt Nam's.
	populationSpan = countSpan{0, 1e8, "a whole number from 0 to 100000000"}
	residentsSpan  = countSpan{1, 1e8, "a whole number from 1 to 100000000"}
	// One more holder per so many residents: below 1,000 (a village) a
	// large ward would need thousands of holders of one title.
	perPopulationSpan = countSpan{1000, 1e8, "a whole number of residents from 1000 to 100000000"}
	// Years and months of the severance rule and an elected term.
	yearsSpan      = countSpan{0, 100, "a number of years from 0 to 100"}
	capMonthsSpan  = countSpan{0, 1200, "a number of months from 0 to 1200"}
	termMonthsSpan = countSpan{1, 120, "a number of months from 1 to 120"}
	// The months over which the units of a level hold one round of an
	// organisation's congresses (the Party's grassroots round runs about
	// 4 months; two years would be two rounds).
	windowMonthsSpan = countSpan{0, 24, "a number of months from 0 to 24"}
	ageSpan          = countSpan{0, 100, "an age from 0 to 100"}
	// A provisional village head serves at most 6 months (Decree
	// 185/2026 Art. 4); up to 24 lets a variant test a longer wait.
	provisionalSpan = countSpan{0, 24, "a number of months from 0 to 24"}
	// The year of a retirement-table row and of every scenario date: the
	// plan date, and the dates of policy values and mergers. Dates far in
	// the future would make the simulator and the term arithmetic run over
	// centuries.
	calendarSpan = countSpan{1900, 2100, "a year from 1900 to 2100"}
	// Synthetic households per village: a village of fewer than 20
	// households does not exist (the smallest thôn have about 50), and
	// fewer makes the generator create hundreds of thousands of villages.
	householdsSpan = countSpan{20, 100000, "a whole number of households from 20 to 100000"}
	// A village household floor (Decree 185/2026 Art. 10: 150 to 700);
	// at least 1, as a floor of 0 is written as exempt_share 0 instead.
	floorSpan = countSpan{1, 100000, "a whole number of households from 1 to 100000"}
)

// count checks that v is in r and returns it (0 when it is not).
func (c checker) count(path string, v int64, r countSpan) int64 {
	if v < r.lo || v > r.hi {
		c.fail(path, "expected %s, got %d", r.what, v)
		return 0
	}
	return v
}

// countInt is count for an int field.
func (c checker) countInt(path string, v int, r countSpan) int {
	return int(c.count(path, int64(v), r))
}

// reqCount is reqCount checks a required count: a missing value is reported once,
// as missing.
func reqCount(c checker, path string, v *int, r countSpan) int {
	if v == nil {
		c.fail(path, "required: %s", r.what)
		return 0
	}
	return c.countInt(path, *v, r)
}

// reqNum checks a required number.
func reqNum(c checker, path string, v *float64, r span) float64 {
	if v == nil {
		c.fail(path, "required: %s", r.what)
		return 0
	}
	return c.num(path, *v, r)
}
