package sim

import (
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// TestRetirementFollowsTitle: with no other exits, no recruits and no
// re-plans, holders of a title that may be held past the retirement age
// (here the village head, as Decree 185/2026 sets no upper age) never
// retire, and everyone else retires on the Decree 135/2020 schedule, as
// before; the policy's maximum age still ends everyone's service.
func TestRetirementFollowsTitle(t *testing.T) {
	const years = 12
	start := 2025 * 12
	for _, maxAge := range []int{0, 75} {
		s := testScenario(80, 9)
		s.Dynamics.Resignation = model.Const(s.Date, model.ResignationRule{}, "")
		s.Dynamics.Death = model.Const(s.Date, 0.0, "")
		s.Dynamics.Candidates = model.Const(s.Date, model.CandidateRule{}, "")
		s.Dynamics.Vacancy = model.Const(s.Date, model.LeaveVacant, "")
		s.Dynamics.Growth = model.Const(s.Date, model.GrowthRule{}, "")
		if maxAge > 0 {
			s.Dynamics.MaxAge = model.Const(s.Date, maxAge, "")
		}
		for i := range s.Titles {
			if s.Titles[i].ID == "truong-thon" {
				s.Titles[i].Requires.PastRetirement = true
			}
		}
		want := 0.0
		for i := range s.People {
			p := &s.People[i]
			bm := 1950*12 + i // births a month apart from January 1950
			p.Birth = model.NewDate(bm/12, 1, 1).AddMonths(bm % 12)
			p.Sex = model.Male
			if i%2 == 1 {
				p.Sex = model.Female
			}
			exit := 0
			if p.Holdings[0].Title == "truong-thon" {
				if maxAge == 0 {
					continue
				}
				exit = bm + 12*maxAge - start
			} else {
				m := bm
				for m-bm < decree135AgeMonths(p.Sex, m/12) {
					m++
				}
				exit = m + 1 - start
			}
			if exit < 12*years {
				want++
			}
		}
		r := mustRun(t, Config{Years: years, Runs: 1}, s)
		got := 0.0
		for _, row := range r.Samples(ExitsRetirement) {
			for _, v := range row {
				got += v
			}
		}
		if got != want || want == 0 {
			t.Errorf("max age %d: %v retirements, want %v", maxAge, got, want)
		}
	}
}
