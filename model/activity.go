package model

import "math"

// WeeksPerYear spreads an activity table's yearly hours over the weeks of a
// year when the table states no working weeks: a title's workload is its
// average week, the unit a holder's capacity is stated in.
const WeeksPerYear = 52

// Period is how often an activity's count recurs.
type Period uint8

// Periods.
const (
	PeriodUnknown Period = iota
	PerWeek
	PerMonth
	PerQuarter
	PerYear
)

var periodNames = enumNames[Period]{{""}, {"week", "tuần"}, {"month", "tháng"}, {"quarter", "quý"}, {"year", "năm"}}

var periodsPerYear = [...]float64{PerWeek: WeeksPerYear, PerMonth: 12, PerQuarter: 4, PerYear: 1}

func (p Period) String() string { return periodNames.str(p) }

// PerYear returns how many periods p makes a year (0 for an unknown one).
func (p Period) PerYear() float64 {
	if int(p) < len(periodsPerYear) {
		return periodsPerYear[p]
	}
	return 0
}

// ParsePeriod parses "week", "month", "quarter" or "year".
func ParsePeriod(s string) (Period, error) { return periodNames.parse("period", s) }

// PeriodNames lists the canonical period names.
func PeriodNames() []string { return periodNames.canonical() }

// Basis is what an activity is repeated for: once for the unit, or once
// for each of its villages, households, residents or km².
type Basis uint8

// Bases.
const (
	EachUnit      Basis = iota // once for the unit
	EachVillage                // each village of a commune (1 in a village)
	EachHousehold              // each household of the unit
	EachResident               // each resident of the unit
	EachKm2                    // each km² of the unit's area
)

var basisNames = enumNames[Basis]{{"unit", "đơn vị"}, {"village", "thôn"}, {"household", "hộ"}, {"resident", "người"}, {"km2", "km²"}}

func (b Basis) String() string { return basisNames.str(b) }

// ParseBasis parses "unit", "village", "household", "resident" or "km2".
func ParseBasis(s string) (Basis, error) { return basisNames.parse("basis", s) }

// BasisNames lists the canonical basis names.
func BasisNames() []string { return basisNames.canonical() }

// Activity is one row of a title's activity table, in the manner of the
// WHO's Workload Indicators of Staffing Need (WISN): a task, how often it
// recurs (Times per Period for each Basis: "twice a month for each
// village"), and the time one occurrence takes (Hours). Where Travel is
// set, each occurrence also takes a round trip across the unit (see
// [Travel]). UpTo, when positive, caps the count of the basis: beyond it a
// larger unit is served by delegation or in groups, not visit by visit.
type Activity struct {
	ID     string
	Name   Text
	Times  float64
	Period Period
	Each   Basis
	UpTo   float64
	Hours  Hours
	Travel bool
	Source string // where the frequency and the time come from, or "assumption: …"
}

// Travel is the speed trips are made at, in km/h, for an activity whose
// occurrences need a trip (Mountain for units flagged mountainous; 0: the
// same as Kmh). A trip goes from the unit's centre to a point of it and
// back: in a unit of area A taken as a disc of radius R = √(A/π), the mean
// distance from the centre is 2R/3, so a round trip takes 4R/(3 × speed).
type Travel struct {
	Kmh      float64
	Mountain float64
}

// RoundTrip returns the hours of one round trip in unit u (0 when no speed
// is set or the unit has no area).
func (tr Travel) RoundTrip(u *Unit) Hours {
	v := tr.Kmh
	if u.Flags.Has(Mountainous) && tr.Mountain > 0 {
		v = tr.Mountain
	}
	if v <= 0 || u.AreaKm2 <= 0 {
		return 0
	}
	r := math.Sqrt(u.AreaKm2 / math.Pi)
	return Hours(4 * r / (3 * v))
}

// Count returns how many times the basis b occurs in unit u, a commune
// with villages villages (a village counts as one).
func (b Basis) Count(u *Unit, villages int) float64 {
	switch b {
	case EachVillage:
		if u.Level == Village {
			return 1
		}
		return float64(villages)
	case EachHousehold:
		return float64(u.Households)
	case EachResident:
		return float64(u.Population)
	case EachKm2:
		return u.AreaKm2
	}
	return 1
}

// Yearly returns the hours the activity takes in a year in unit u, with
// villages villages when u is a commune, trips made at tr.
func (a *Activity) Yearly(u *Unit, villages int, tr Travel) Hours {
	n := a.Each.Count(u, villages)
	if a.UpTo > 0 {
		n = min(n, a.UpTo)
	}
	each := a.Hours
	if a.Travel {
		each += tr.RoundTrip(u)
	}
	return Hours(a.Times*a.Period.PerYear()*n) * each
}

// Weekly returns the activity's average weekly hours (its yearly hours
// over [WeeksPerYear]).
func (a *Activity) Weekly(u *Unit, villages int, tr Travel) Hours {
	return a.Yearly(u, villages, tr) / WeeksPerYear
}

// Hours returns the weekly hours of an activity table in unit u, with
// villages villages when u is a commune, following WISN: the yearly
// workload of the activities, over the weeks actually worked
// (WorkingWeeks, 0: [WeeksPerYear]), divided by 1 − SupportShare (WISN's
// category allowance factor: the share of working time that goes to
// activities of every holder not tied to one title, such as staff
// briefings, training and duty rotas).
func (tb ActivityTable) Hours(u *Unit, villages int) Hours {
	var y Hours
	for i := range tb.Activities {
		y += tb.Activities[i].Yearly(u, villages, tb.Travel)
	}
	weeks := tb.WorkingWeeks
	if weeks <= 0 {
		weeks = WeeksPerYear
	}
	return y / Hours(weeks) / Hours(1-tb.SupportShare)
}

// ActivityTable is a title's workload in the activity form: its rows, the
// speed of trips, the weeks worked in a year and the share of working time
// spent on support activities (0 ≤ SupportShare < 1).
type ActivityTable struct {
	Activities   []Activity
	Travel       Travel
	WorkingWeeks float64
	SupportShare float64
	Source       string // where the travel speeds, working weeks and support share come from
}

// Villages returns the number of villages in commune code: the village
// units below it (through any level between). A village or an unknown code
// has none. The workload of a commune title reads it.
func (ix *Index) Villages(code string) int { return ix.villagesBelow(code, 8) }

// villagesBelow counts the villages below code to the given depth (the
// hierarchy is at most four deep; the bound guards cycles).
func (ix *Index) villagesBelow(code string, depth int) int {
	if depth == 0 {
		return 0
	}
	n := 0
	for _, i := range ix.children[code] {
		if ix.s.Units[i].Level == Village {
			n++
		}
		n += ix.villagesBelow(ix.s.Units[i].Code, depth-1)
	}
	return n
}

// CommuneVillages returns, for each unit of units, the number of villages
// below it among the units alive (alive nil: all), counted through the
// Parent links; only communes can have a non-zero count.
func CommuneVillages(units []Unit, alive []bool) []int {
	at := make(map[string]int, len(units))
	for i := range units {
		at[units[i].Code] = i
	}
	out := make([]int, len(units))
	for i := range units {
		if units[i].Level != Village || (alive != nil && !alive[i]) {
			continue
		}
		code := units[i].Parent
		for range 8 { // the hierarchy is at most four deep; the bound guards cycles
			j, ok := at[code]
			if !ok {
				break
			}
			if units[j].Level == Commune {
				out[j]++
				break
			}
			code = units[j].Parent
		}
	}
	return out
}
