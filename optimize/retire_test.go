package optimize_test

import (
	"context"
	"strings"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/optimize"
	"github.com/kiemnhiem/kiemnhiem/optimize/check"
)

// retireScenario is one commune with an appointed title (cv, stops at the
// retirement age) and an elected Elderly Association chair (nct, 60 or
// over, a member, held past the retirement age). R, 76 and retired, chairs
// the association; Y, 36, holds cv; V, 64 and retired, is a veteran who
// holds nothing. No recruits: only these three may hold the titles.
func retireScenario() *model.Scenario {
	from := model.MustDate("2020-01-01")
	return &model.Scenario{
		Date: model.MustDate("2026-01-01"),
		Policy: model.Policy{
			BaseSalary:         model.Const[model.Money](from, 2_340_000, ""),
			MaxTitlesPerPerson: model.Const(from, 2, ""),
			ConcurrencyRate:    model.Const(from, 1.0, ""),
			Combination:        model.Const(from, model.CombinationRule{Mode: model.AnyPair}, ""),
			VillageCap:         model.Const(from, 3, ""),
			FundBinds:          model.Const(from, false, ""),
			TermsBind:          model.Const(from, false, ""),
			Recruitment:        model.Const(from, model.RecruitmentRule{}, ""),
			Retirement:         model.Const(from, model.Decree135(), ""),
		},
		Titles: []model.Title{
			{ID: "cv", Level: model.Commune, Holders: model.HoldersRule{Base: 1}, Workload: model.Workload{Base: 10}, Allowance: 1},
			{ID: "nct", Level: model.Commune, Holders: model.HoldersRule{Base: 1}, Workload: model.Workload{Base: 10}, Allowance: 1,
				Requires: model.Requirements{MinAge: 60, Attrs: model.AttrElderlyAssociation, PastRetirement: true},
				Term:     model.TermRule{Kind: model.Elected, Months: 60, Anchor: model.MustDate("2021-06-01")}},
		},
		Units: []model.Unit{{Code: "C", Name: "Xã C", Level: model.Commune, Type: model.Xa, Class: model.ClassIII}},
		People: []model.Person{
			{ID: "R", Birth: model.MustDate("1950-01-01"), Sex: model.Male, Residence: "C", Capacity: 40, Attrs: model.AttrElderlyAssociation,
				Holdings: []model.Holding{{Title: "nct", Unit: "C", Main: true, TermEnd: model.MustDate("2026-06-01")}}},
			{ID: "Y", Birth: model.MustDate("1990-01-01"), Sex: model.Female, Residence: "C", Capacity: 40,
				Holdings: []model.Holding{{Title: "cv", Unit: "C", Main: true}}},
			{ID: "V", Birth: model.MustDate("1962-01-01"), Sex: model.Male, Residence: "C", Capacity: 40, Attrs: model.AttrVeteran},
		},
	}
}

// TestRetirementFollowsTitle: the retired chair of the Elderly Association
// keeps the post (before issue 22 he was released for his age), and a
// retiree may not take the appointed title.
func TestRetirementFollowsTitle(t *testing.T) {
	tests := []struct {
		name     string
		edit     func(p *optimize.Problem)
		feasible bool
		holds    map[string]string // title → holder
		reason   string            // in an infeasible pool's explanation
	}{
		{name: "retired chair keeps an elected post", feasible: true, holds: map[string]string{"nct": "R", "cv": "Y"}},
		{name: "a retiree may not take an appointed post",
			edit:   func(p *optimize.Problem) { p.Pins = []optimize.Pin{{Person: "V", Title: "cv", Unit: "C"}} },
			reason: "past the retirement age"},
		{name: "the chair must be a member",
			edit: func(p *optimize.Problem) {
				p.Scenario.People[0].Attrs = 0
			},
			reason: "all not members of the Elderly Association"},
		{name: "unknown membership counts as met",
			edit: func(p *optimize.Problem) {
				p.Scenario.People[0].Attrs, p.Scenario.People[0].Unknown = 0, model.AllAttrs
			},
			feasible: true, holds: map[string]string{"nct": "R", "cv": "Y"}},
		{name: "a title that stops at the age releases the retired chair",
			edit: func(p *optimize.Problem) {
				p.Scenario.Titles[1].Requires.PastRetirement = false
			},
			reason: "past the retirement age"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &optimize.Problem{Scenario: retireScenario()}
			if tt.edit != nil {
				tt.edit(p)
			}
			res, err := optimize.Solve(context.Background(), p, nil)
			if err != nil {
				t.Fatal(err)
			}
			if got := res.Status == optimize.Optimal; got != tt.feasible {
				t.Fatalf("status %s, want feasible %v; %+v", res.Status, tt.feasible, res.Pools)
			}
			if tt.feasible {
				for _, a := range res.Plan.Assignments {
					if want := tt.holds[a.Title]; a.Person != want {
						t.Errorf("%s held by %s, want %s", a.Title, a.Person, want)
					}
				}
				if vs := check.Check(p, res.Plan); len(vs) > 0 {
					t.Errorf("checker: %v", vs)
				}
				return
			}
			var all []string
			for _, pr := range res.Pools {
				for _, r := range pr.Explanation {
					all = append(all, r.En+" / "+r.Vi)
				}
			}
			if !strings.Contains(strings.Join(all, "\n"), tt.reason) {
				t.Errorf("explanation %q lacks %q", all, tt.reason)
			}
		})
	}
}
