package model

// AgeMonths is an age in whole months (60 years 3 months = 723).
type AgeMonths int

// YearsMonths returns a age as years and months.
func (a AgeMonths) YearsMonths() (years, months int) { return int(a) / 12, int(a) % 12 }

// Years builds an AgeMonths from years and months.
func Years(years, months int) AgeMonths { return AgeMonths(years*12 + months) }

// RetirementStep is the retirement age for people retiring in a calendar
// year; the last step applies to every later year.
type RetirementStep struct {
	Year       int
	Men, Women AgeMonths
}

// RetirementSchedule is a retirement-age table by year of retirement, as in
// Decree 135/2020/NĐ-CP. Before the first year the first row's ages apply
// (callers who need pre-2021 law put an earlier row in the table).
type RetirementSchedule []RetirementStep

// AgeIn returns the retirement age for sex s in year y.
func (r RetirementSchedule) AgeIn(s Sex, y int) AgeMonths {
	if len(r) == 0 {
		return 0
	}
	step := r[0]
	for _, st := range r {
		if st.Year > y {
			break
		}
		step = st
	}
	return step.age(s)
}

// age returns the step's age for sex s (the men's age unless s is Female).
func (st RetirementStep) age(s Sex) AgeMonths {
	if s == Female {
		return st.Women
	}
	return st.Men
}

// RetirementDate returns the day a person born on birth, of sex s, retires:
// the last day of the first month in which their age reaches the retirement
// age in force that year (Decree 135/2020 Art. 3). Age is counted in whole
// months from the birth month. It returns the zero Date for an empty
// schedule or an unset birth date.
func (r RetirementSchedule) RetirementDate(birth Date, s Sex) Date {
	if len(r) == 0 || birth.IsZero() {
		return 0
	}
	// Search month by month from the youngest age the table gives s to the
	// oldest: at the oldest age the condition holds whatever the year, so
	// the search always ends. (The range is for s alone: bounding it by the
	// other sex's ages could stop the search early or start it in vain.)
	lo, hi := r[0].age(s), r[0].age(s)
	for _, st := range r {
		lo, hi = min(lo, st.age(s)), max(hi, st.age(s))
	}
	for age := lo; age <= hi; age++ {
		d := birth.AddMonths(int(age))
		if age >= r.AgeIn(s, d.Year()) {
			return d.EndOfMonth()
		}
	}
	return 0 // not reached: the loop returns at age hi at the latest
}

// RetiredBefore reports whether a person born on birth, of sex s, has
// retired before d: RetirementDate(birth, s) is set and before d. It skips
// the month-by-month search for anyone younger on d than every age in the
// table, who cannot have retired (most people, when a whole roster is
// checked).
func (r RetirementSchedule) RetiredBefore(birth Date, s Sex, d Date) bool {
	if len(r) == 0 || birth.IsZero() {
		return false
	}
	youngest := r[0].age(s)
	for _, st := range r {
		youngest = min(youngest, st.age(s))
	}
	if birth.AddMonths(int(youngest)) > d {
		return false // retires at that age or later, which is after d
	}
	rd := r.RetirementDate(birth, s)
	return !rd.IsZero() && rd < d
}

// Decree135 is the retirement-age schedule for normal working conditions of
// Decree 135/2020/NĐ-CP Art. 4: men from 60y3m in 2021 up 3 months a year to
// 62 in 2028; women from 55y4m up 4 months a year to 60 in 2035. The row for
// 2020 holds the ages in force before the decree (60 and 55).
func Decree135() RetirementSchedule {
	s := RetirementSchedule{{Year: 2020, Men: Years(60, 0), Women: Years(55, 0)}}
	men, women := Years(60, 0), Years(55, 0)
	for y := 2021; y <= 2035; y++ {
		men = min(men+3, Years(62, 0))
		women = min(women+4, Years(60, 0))
		s = append(s, RetirementStep{Year: y, Men: men, Women: women})
	}
	return s
}
