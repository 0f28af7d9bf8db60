package sim

import (
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// decree135AgeMonths is the retirement age of Decree 135/2020 Art. 4 for
// normal conditions, written out from the decree's table independently of
// package model: men 60y3m in 2021, +3 months a year to 62y; women 55y4m
// in 2021, +4 months a year to 60y; before 2021, 60 and 55.
func decree135AgeMonths(sex model.Sex, year int) int {
	if sex == model.Female {
		if year < 2021 {
			return 55 * 12
		}
		return min(55*12+4*(year-2020), 60*12)
	}
	if year < 2021 {
		return 60 * 12
	}
	return min(60*12+3*(year-2020), 62*12)
}

// TestRetirementMonthByMonth: with no other exits and no recruits, each
// holder's title stands vacant from the month after the month they reach
// the age of the table, so the vacant title-months of every year follow
// from the table, birth month by birth month.
func TestRetirementMonthByMonth(t *testing.T) {
	s := testScenario(80, 9)
	s.Dynamics.Resignation = model.Const(s.Date, model.ResignationRule{}, "")
	s.Dynamics.Death = model.Const(s.Date, 0.0, "")
	s.Dynamics.Candidates = model.Const(s.Date, model.CandidateRule{}, "")
	s.Dynamics.Vacancy = model.Const(s.Date, model.LeaveVacant, "")
	s.Dynamics.Growth = model.Const(s.Date, model.GrowthRule{}, "")
	const years = 12
	start := 2025*12 + 0 // January 2025, as a month count
	want := make([]float64, years)
	for i := range s.People {
		p := &s.People[i]
		// Births from January 1960 on, one month apart, sexes alternating.
		bm := 1960*12 + i
		p.Birth = model.NewDate(bm/12, 1, 1).AddMonths(bm % 12)
		p.Sex = model.Male
		if i%2 == 1 {
			p.Sex = model.Female
		}
		m := bm
		for m-bm < decree135AgeMonths(p.Sex, m/12) {
			m++
		}
		exit := m + 1 - start // first month no longer served
		for y := range years {
			for t := 12 * y; t < 12*(y+1); t++ {
				if t >= exit {
					want[y]++
				}
			}
		}
	}
	r := mustRun(t, Config{Years: years, Runs: 2}, s)
	for k, row := range r.Samples(VacantTitleMonths) {
		for y := range years {
			if row[y] != want[y] {
				t.Errorf("run %d year %d: %v vacant title-months, the table gives %v", k, y+1, row[y], want[y])
			}
		}
	}
}
