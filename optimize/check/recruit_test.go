package check_test

import (
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/optimize"
	"github.com/kiemnhiem/kiemnhiem/optimize/check"
)

// TestCheckRecruitIsOnePerson: a recruit holding ct and cv of ckScenario
// must be one person who meets both titles' sex and age requirements.
func TestCheckRecruitIsOnePerson(t *testing.T) {
	elder := model.Requirements{MinAge: 60, PastRetirement: true}
	youth := model.Requirements{MaxAge: 35, PastRetirement: true}
	women := model.Requirements{Sex: model.Female, PastRetirement: true}
	men := model.Requirements{Sex: model.Male, PastRetirement: true}
	appointed := model.Requirements{} // stops at the retirement age
	for _, tc := range []struct {
		name   string
		date   string
		ct, cv model.Requirements
		breaks bool
	}{
		{"Elderly chair and Youth deputy", "2026-01-01", elder, youth, true},
		{"Elderly chair and Women's Union", "2026-01-01", elder, women, false},
		{"female and male", "2026-01-01", women, men, true},
		{"Youth deputy and Women's Union", "2026-01-01", youth, women, false},
		// A man of 60 has not reached 61y6m in 2026 (Decree 135/2020).
		{"Elderly chair and an appointed post, 2026", "2026-01-01", elder, appointed, false},
		// In 2020, before Decree 135 took effect, men retired at 60.
		{"Elderly chair and an appointed post, 2020", "2020-06-01", elder, appointed, true},
		{"60+ woman in an appointed post", "2026-01-01", model.Requirements{MinAge: 60, Sex: model.Female}, appointed, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := ckScenario()
			s.Date = model.MustDate(tc.date)
			s.Titles[0].Requires, s.Titles[1].Requires = tc.ct, tc.cv
			plan := ckPlan("NEW-C-1 ct@C", "NEW-C-1 cv@C", "B vh@V1", "B vs@V1", "D vh@V2")
			var got []check.Violation
			for _, v := range check.Check(&optimize.Problem{Scenario: s}, plan) {
				if v.Person == "NEW-C-1" {
					got = append(got, v)
				}
			}
			if tc.breaks && (len(got) != 1 || got[0].Rule != optimize.RuleCombination) {
				t.Errorf("want one combination violation for NEW-C-1, got %v", got)
			}
			if !tc.breaks && len(got) > 0 {
				t.Errorf("want none for NEW-C-1, got %v", got)
			}
		})
	}
}
