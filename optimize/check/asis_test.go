package check_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/optimize"
	"github.com/kiemnhiem/kiemnhiem/optimize/check"
)

// TestAsItIsBreaches: today's holdings of a roster where A holds the two
// commune titles, a pair the combination rule forbids, are taken as they
// are: the breach is listed, not refused, and the plan is priced exactly
// (by hand below).
func TestAsItIsBreaches(t *testing.T) {
	from := model.MustDate("2020-01-01")
	tests := []struct {
		name     string
		edit     func(s *model.Scenario)
		wantRule []optimize.Rule // breaches expected, in any order, at least these
		cost     model.Money     // annual cost by hand
		people   int
	}{
		{
			name: "a forbidden pair held by one person",
			edit: func(s *model.Scenario) {
				s.Policy.Combination = model.Const(from, model.CombinationRule{Mode: model.ForbiddenPairs, Pairs: [][2]string{{"ct", "cv"}}}, "test")
				// R, retired, leaves cv; A holds it concurrently.
				s.People[4].Holdings = nil
				s.People[0].Holdings = append(s.People[0].Holdings, model.Holding{Title: "cv", Unit: "C"})
			},
			wantRule: []optimize.Rule{optimize.RuleCombination},
			// A (university): ct 1.2 main, cv 0.5 at the 0.5 concurrency
			// rate; B (upper secondary): vh 0.9; D (upper secondary): vh 0.9.
			// vs of V1 is vacant. Base salary 2,340,000 đồng.
			cost:   12 * (2_808_000 + 585_000 + 2_106_000 + 2_106_000),
			people: 3,
		},
		{
			name:     "the roster as it is: a retired holder, a vacant title",
			wantRule: []optimize.Rule{optimize.RuleEligibility, optimize.RuleCoverage},
			// A ct 1.2, B vh 0.9, D vh 0.9, R (university) cv 0.5.
			cost:   12 * (2_808_000 + 2_106_000 + 2_106_000 + 1_170_000),
			people: 4,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := ckScenario()
			if tc.edit != nil {
				tc.edit(s)
			}
			p := &optimize.Problem{Scenario: s}
			res, err := optimize.AsItIs(p)
			if err != nil {
				t.Fatal(err)
			}
			want := optimize.Objective{Headcount: tc.people, Cost: tc.cost}
			if res.Status != optimize.AsIs || res.Objective != want || res.AnnualCostAfter != tc.cost || res.Before != want {
				t.Fatalf("AsItIs: status %v, objective %v, annual %v; want as_is, %v", res.Status, res.Objective, res.AnnualCostAfter, want)
			}
			rep, err := check.Verify(p, res)
			if err != nil {
				t.Fatalf("Verify refused the as-is plan: %v", err)
			}
			if !rep.AsIs || !rep.Priced || rep.Objective != want {
				t.Fatalf("report: as-is %v, priced %v, objective %v; want %v", rep.AsIs, rep.Priced, rep.Objective, want)
			}
			var got []optimize.Rule
			for _, v := range rep.Violations {
				got = append(got, v.Rule)
				if txt := v.Text(); !txt.Complete() || !strings.Contains(txt.En, v.Person) {
					t.Errorf("breach %v reads %+v", v, txt)
				}
			}
			for _, r := range tc.wantRule {
				if !slices.Contains(got, r) {
					t.Errorf("breaches %v lack %v", rep.Violations, r)
				}
			}
		})
	}
}

// TestAsItIsRefuses: a roster that cannot be read or priced is an error,
// and a solver's plan that breaks a rule still is.
func TestAsItIsRefuses(t *testing.T) {
	tests := []struct {
		name string
		edit func(s *model.Scenario)
		want string
	}{
		{"unknown title", func(s *model.Scenario) { s.People[0].Holdings[0].Title = "zz" }, `title "zz"`},
		{"unknown unit", func(s *model.Scenario) { s.People[0].Holdings[0].Unit = "ZZ" }, `unit "ZZ"`},
		{"no units", func(s *model.Scenario) { s.Units = nil }, "no units"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := ckScenario()
			tc.edit(s)
			if _, err := optimize.AsItIs(&optimize.Problem{Scenario: s}); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("AsItIs: %v, want an error with %q", err, tc.want)
			}
		})
	}
	if _, err := optimize.AsItIs(nil); !errors.Is(err, optimize.ErrNoScenario) {
		t.Errorf("AsItIs(nil): %v", err)
	}
	p := &optimize.Problem{Scenario: ckScenario()}
	res, err := optimize.AsItIs(p)
	if err != nil {
		t.Fatal(err)
	}
	res.Status = optimize.Optimal
	if _, err := check.Verify(p, res); !errors.Is(err, check.ErrBroken) {
		t.Errorf("Verify of a solver's plan with today's breaches: %v, want ErrBroken", err)
	}
}
