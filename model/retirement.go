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
	if s == Female {
		return step.Women
	}
	return step.Men
}

// RetirementDate returns the day a person born on birth, of sex s, retires:
// the last day of the first month in which their age reaches the retirement
// age in force that year (Decree 135/2020 Art. 3). It returns the zero Date
// for an empty schedule.
func (r RetirementSchedule) RetirementDate(birth Date, s Sex) Date {
	if len(r) == 0 || birth.IsZero() {
		return 0
	}
	// Age in months is reached in the birth month; search forward month by
	// month from the youngest age in the table. The required age rises by at
	// most a few months a year, so this ends within a few years' months.
	youngest := r[0].Men
	for _, st := range r {
		youngest = min(youngest, st.Men, st.Women)
	}
	first := birth.AddMonths(int(youngest))
	for m := 0; m < 12*40; m++ {
		d := first.AddMonths(m)
		age := AgeMonths(int(youngest) + m)
		if age >= r.AgeIn(s, d.Year()) {
			return d.EndOfMonth()
		}
	}
	return 0
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
