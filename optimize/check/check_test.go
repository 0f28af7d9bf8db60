package check_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/optimize"
	"github.com/kiemnhiem/kiemnhiem/optimize/check"
)

// ckScenario is a commune C with villages V1 (thôn) and V2 (tổ dân phố) on
// 2026-01-01 and four slots:
//
//	ct@C  commune title, party members only, 1.0 (1.2 with a degree), 10 h
//	cv@C  commune title, no requirements, 0.5, 10 h
//	vh@V1 village head, residents only, elected, 0.7 (0.9 from upper
//	vh@V2 secondary), 8 h
//	vs@V1 village title of thôn only (so not in V2), 0.3, 5 h
//
// People: A (commune, party, university, holds ct), B (V1, holds vh@V1
// elected until 2027), D (V2, 20 h, holds vh@V2, term over), E (V1, not a
// party member), R (retired, holds cv), O (lives outside the scenario).
// Base salary 2,340,000; concurrency rate 0.5; at most 3 titles; commune
// cap 3; village cap 2; generous funds that bind; terms bind; one recruit per
// unit at 1,000,000 đồng.
func ckScenario() *model.Scenario {
	from := model.MustDate("2020-01-01")
	src := "test"
	return &model.Scenario{
		Name: "check",
		Date: model.MustDate("2026-01-01"),
		Policy: model.Policy{
			BaseSalary:         model.Const[model.Money](from, 2_340_000, src),
			MaxTitlesPerPerson: model.Const(from, 3, src),
			Combination:        model.Const(from, model.CombinationRule{}, src),
			ConcurrencyRate:    model.Const(from, 0.5, src),
			CommuneCap:         model.Const(from, model.ByClass[int]{I: 3, II: 3, III: 3}, src),
			CommuneFund:        model.Const(from, model.ByClass[model.Coefficient]{I: 10, II: 10, III: 10}, src),
			VillageCap:         model.Const(from, 2, src),
			VillageFund:        model.Const(from, model.VillageFundRule{Standard: 5, Large: 5}, src),
			FundBinds:          model.Const(from, true, src),
			TermsBind:          model.Const(from, true, src),
			Recruitment:        model.Const(from, model.RecruitmentRule{Allowed: true, MaxPerUnit: 1, Cost: 1_000_000}, src),
			Retirement:         model.Const(from, model.Decree135(), src),
		},
		Titles: []model.Title{
			{ID: "ct", Level: model.Commune, Holders: model.HoldersRule{Base: 1}, Workload: model.Workload{Base: 10}, Allowance: 1.0,
				AllowanceByEducation: []model.EducationAllowance{{MinEducation: model.EduUniversity, Allowance: 1.2}},
				Requires:             model.Requirements{PartyMember: true}},
			{ID: "cv", Level: model.Commune, Holders: model.HoldersRule{Base: 1}, Workload: model.Workload{Base: 10}, Allowance: 0.5},
			{ID: "vh", Level: model.Village, Holders: model.HoldersRule{Base: 1}, Workload: model.Workload{Base: 8}, Allowance: 0.7,
				AllowanceByEducation: []model.EducationAllowance{{MinEducation: model.EduUpperSec, Allowance: 0.9}},
				Requires:             model.Requirements{Resident: true},
				Term:                 model.TermRule{Kind: model.Elected, Months: 30, Anchor: model.MustDate("2025-01-01")}},
			{ID: "vs", Level: model.Village, Holders: model.HoldersRule{Base: 1}, UnitTypes: []model.UnitType{model.Thon}, Workload: model.Workload{Base: 5}, Allowance: 0.3},
		},
		Units: []model.Unit{
			{Code: "C", Name: "Xã C", Level: model.Commune, Type: model.Xa, Class: model.ClassI, Population: 5000, Households: 1200, AreaKm2: 20},
			{Code: "V1", Name: "Thôn 1", Level: model.Village, Type: model.Thon, Parent: "C", Households: 100},
			{Code: "V2", Name: "Tổ 2", Level: model.Village, Type: model.ToDanPho, Parent: "C", Households: 100},
		},
		People: []model.Person{
			{ID: "A", Birth: model.MustDate("1980-05-01"), Sex: model.Male, Education: model.EduUniversity, PartyMember: true, Residence: "C", Capacity: 40,
				Holdings: []model.Holding{{Title: "ct", Unit: "C", Main: true}}},
			{ID: "B", Birth: model.MustDate("1985-05-01"), Sex: model.Female, Education: model.EduUpperSec, Residence: "V1", Capacity: 40,
				Holdings: []model.Holding{{Title: "vh", Unit: "V1", Main: true, TermEnd: model.MustDate("2027-06-30")}}},
			{ID: "D", Birth: model.MustDate("1990-05-01"), Sex: model.Male, Education: model.EduUpperSec, Residence: "V2", Capacity: 20,
				Holdings: []model.Holding{{Title: "vh", Unit: "V2", Main: true, TermEnd: model.MustDate("2025-06-30")}}},
			{ID: "E", Birth: model.MustDate("1995-05-01"), Sex: model.Female, Education: model.EduLowerSec, Residence: "V1", Capacity: 40},
			{ID: "R", Birth: model.MustDate("1950-01-01"), Sex: model.Male, Education: model.EduUniversity, PartyMember: true, Residence: "C", Capacity: 40,
				Holdings: []model.Holding{{Title: "cv", Unit: "C", Main: true}}},
			{ID: "O", Birth: model.MustDate("1980-01-01"), Sex: model.Male, Education: model.EduUniversity, PartyMember: true, Residence: "X", Capacity: 40},
		},
	}
}

// ckPlan builds a plan from "person title@unit" strings.
func ckPlan(s ...string) model.Plan {
	var p model.Plan
	for _, a := range s {
		person, rest, _ := strings.Cut(a, " ")
		title, unit, _ := strings.Cut(rest, "@")
		p.Assignments = append(p.Assignments, model.Assignment{Person: person, Title: title, Unit: unit})
	}
	return p
}

// ckValid is a plan that meets every rule of ckScenario.
var ckValid = []string{"A ct@C", "A cv@C", "B vh@V1", "B vs@V1", "D vh@V2"}

// ckMixed is ckValid with E, a villager, holding the commune title cv and
// the village title vs: valid unless the levels are kept apart.
var ckMixed = without(ckValid, []string{"A cv@C", "B vs@V1"}, "E cv@C", "E vs@V1")

// without returns plan minus the listed assignments, plus the extra ones.
func without(plan []string, drop []string, add ...string) []string {
	var out []string
	for _, a := range plan {
		if !slices.Contains(drop, a) {
			out = append(out, a)
		}
	}
	return append(out, add...)
}

func TestCheck(t *testing.T) {
	from := model.MustDate("2020-01-01")
	tests := []struct {
		name string
		scen func(s *model.Scenario)
		prob func(p *optimize.Problem)
		plan []string
		want []string // rules of the violations, sorted
	}{
		{name: "valid", plan: ckValid},
		{name: "valid: term-bound holding kept though no longer resident",
			scen: func(s *model.Scenario) { s.People[1].Residence = "V2" }, plan: ckValid},
		{name: "valid: village recruit holds a village title", plan: without(ckValid, []string{"B vs@V1"}, "NEW-V1-1 vs@V1")},
		{name: "valid: village recruit holds a commune title", plan: without(ckValid, []string{"A cv@C"}, "NEW-V1-1 cv@C")},
		{name: "valid: commune recruit holds a commune title", plan: without(ckValid, []string{"A cv@C"}, "NEW-C-1 cv@C")},
		{name: "valid: terms do not bind", scen: func(s *model.Scenario) { s.Policy.TermsBind = model.Const(from, false, "") },
			plan: without(ckValid, []string{"B vh@V1", "B vs@V1"}, "E vh@V1", "E vs@V1")},
		{name: "valid: funds do not bind",
			scen: func(s *model.Scenario) {
				s.Policy.FundBinds = model.Const(from, false, "")
				s.Policy.CommuneFund = model.Const(from, model.ByClass[model.Coefficient]{I: 1.2}, "")
			}, plan: ckValid},
		{name: "valid: equal pay, the commune title is main (rate 0, both funds exactly met)",
			// E: cv@C 0.5 and vs@V1 0.5 both pay 1,170,000; cv is main, so
			// V1 spends 2,106,000 (B's vh at 0.9) + 0 = its fund 0.9 × base,
			// and C spends 2,808,000 + 1,170,000 = 3,978,000 = 1.7 × base.
			scen: func(s *model.Scenario) {
				s.Titles[3].Allowance = 0.5
				s.Policy.ConcurrencyRate = model.Const(from, 0.0, "")
				s.Policy.VillageFund = model.Const(from, model.VillageFundRule{Standard: 0.9, Large: 0.9}, "")
				s.Policy.CommuneFund = model.Const(from, model.ByClass[model.Coefficient]{I: 1.7}, "")
			}, plan: []string{"A ct@C", "E cv@C", "E vs@V1", "B vh@V1", "D vh@V2"}},
		{name: "valid: village cap of 0 means none",
			scen: func(s *model.Scenario) { s.Policy.VillageCap = model.Const(from, 0, "") }, plan: ckValid},

		{name: "coverage: a slot without its holder", plan: without(ckValid, []string{"A cv@C"}), want: []string{"coverage"}},
		{name: "coverage: a title the unit does not have", plan: append(slices.Clone(ckValid), "E cv@V1"), want: []string{"coverage"}},
		{name: "coverage: a village title not in a tổ dân phố", plan: append(slices.Clone(ckValid), "D vs@V2"), want: []string{"coverage"}},
		{name: "coverage: two holders for one", plan: append(slices.Clone(ckValid), "E vs@V1"), want: []string{"coverage"}},
		{name: "coverage: unknown title", plan: append(slices.Clone(ckValid), "E zz@C"), want: []string{"coverage"}},
		{name: "coverage and candidate: unknown unit", plan: append(slices.Clone(ckValid), "E cv@ZZ"), want: []string{"candidate", "coverage"}},

		{name: "duplicate: same slot twice", plan: append(slices.Clone(ckValid), "A ct@C"), want: []string{"duplicate"}},
		{name: "duplicate and eligibility: same title in two villages",
			plan: without(ckValid, []string{"D vh@V2"}, "B vh@V2"), want: []string{"duplicate", "eligibility"}},

		{name: "candidate: lives outside", plan: without(ckValid, []string{"A ct@C", "A cv@C"}, "O ct@C", "O cv@C"),
			want: []string{"candidate", "candidate"}},
		// Retirement is a requirement of the titles that stop at the age
		// (cv, an appointed post), as the solver has it.
		{name: "eligibility: retired", plan: without(ckValid, []string{"A cv@C"}, "R cv@C"), want: []string{"eligibility"}},
		{name: "candidate: unknown person", plan: without(ckValid, []string{"A cv@C"}, "ZZZ cv@C"), want: []string{"candidate"}},
		{name: "candidate: recruit of another village", plan: without(ckValid, []string{"B vs@V1"}, "NEW-V2-1 vs@V1"), want: []string{"candidate"}},
		{name: "candidate: commune recruit on a village title", plan: without(ckValid, []string{"B vs@V1"}, "NEW-C-1 vs@V1"), want: []string{"candidate"}},
		{name: "candidate: more recruits than allowed", plan: without(ckValid, []string{"B vs@V1"}, "NEW-V1-2 vs@V1"), want: []string{"candidate"}},
		{name: "candidate: recruit number not canonical", plan: without(ckValid, []string{"B vs@V1"}, "NEW-V1-01 vs@V1"), want: []string{"candidate"}},
		{name: "candidate: recruitment not allowed",
			scen: func(s *model.Scenario) {
				s.Policy.Recruitment = model.Const(from, model.RecruitmentRule{MaxPerUnit: 1}, "")
			},
			plan: without(ckValid, []string{"B vs@V1"}, "NEW-V1-1 vs@V1"), want: []string{"candidate"}},

		{name: "eligibility: not a party member", plan: without(ckValid, []string{"A ct@C"}, "E ct@C"), want: []string{"eligibility"}},
		{name: "eligibility: no longer resident and terms do not bind",
			scen: func(s *model.Scenario) {
				s.People[1].Residence = "V2"
				s.Policy.TermsBind = model.Const(from, false, "")
			}, plan: ckValid, want: []string{"eligibility"}},

		{name: "terms: elected holder released", plan: without(ckValid, []string{"B vh@V1", "B vs@V1"}, "E vh@V1", "E vs@V1"),
			want: []string{"terms"}},
		{name: "pin", prob: func(p *optimize.Problem) { p.Pins = []optimize.Pin{{Person: "E", Title: "cv", Unit: "C"}} },
			plan: ckValid, want: []string{"pin"}},
		{name: "forbid", prob: func(p *optimize.Problem) { p.Forbids = []optimize.Pin{{Person: "A", Title: "cv", Unit: "C"}} },
			plan: ckValid, want: []string{"forbid"}},
		{name: "max_titles", scen: func(s *model.Scenario) { s.Policy.MaxTitlesPerPerson = model.Const(from, 1, "") },
			plan: ckValid, want: []string{"max_titles", "max_titles"}},
		{name: "combination: forbidden pair",
			scen: func(s *model.Scenario) {
				s.Policy.Combination = model.Const(from, model.CombinationRule{Mode: model.ForbiddenPairs, Pairs: [][2]string{{"cv", "ct"}}}, "")
			}, plan: ckValid, want: []string{"combination"}},
		{name: "combination: pair not among the allowed",
			scen: func(s *model.Scenario) {
				s.Policy.Combination = model.Const(from, model.CombinationRule{Mode: model.AllowedPairs, Pairs: [][2]string{{"vh", "vs"}}}, "")
			}, plan: ckValid, want: []string{"combination"}},
		{name: "valid: levels apart, each person within one level",
			scen: func(s *model.Scenario) {
				s.Policy.Levels = model.Const(from, model.LevelRule{Mode: model.LevelsApart}, "")
			},
			plan: ckValid},
		{name: "valid: levels mix by default", plan: ckMixed},
		{name: "combination: levels apart, a commune and a village title",
			scen: func(s *model.Scenario) {
				s.Policy.Levels = model.Const(from, model.LevelRule{Mode: model.LevelsApart}, "")
			},
			plan: ckMixed, want: []string{"combination"}},
		{name: "valid: the commune title is listed",
			scen: func(s *model.Scenario) {
				s.Policy.Levels = model.Const(from, model.LevelRule{Mode: model.LevelsListed, Titles: []string{"cv"}}, "")
			}, plan: ckMixed},
		{name: "combination: the commune title is not listed",
			scen: func(s *model.Scenario) {
				s.Policy.Levels = model.Const(from, model.LevelRule{Mode: model.LevelsListed, Titles: []string{"ct"}}, "")
			}, plan: ckMixed, want: []string{"combination"}},
		{name: "workload: 20 h > 15 h", scen: func(s *model.Scenario) { s.People[0].Capacity = 15 }, plan: ckValid, want: []string{"workload"}},
		{name: "workload: households and area count",
			// ct in C: 10 + 2 × 1.2 (1,200 households) + 0.5 × 20 km² = 22.4 h,
			// plus cv 10 h = 32.4 h > 32 h.
			scen: func(s *model.Scenario) {
				s.Titles[0].Workload = model.Workload{Base: 10, PerThousandHouseholds: 2, PerKm2: 0.5}
				s.People[0].Capacity = 32
			}, plan: ckValid, want: []string{"workload"}},
		{name: "valid: a title's hours are shared by its holders",
			// cv needs 2 holders and takes 30 h: 15 h each, so A has 10 + 15 h.
			scen: func(s *model.Scenario) {
				s.Titles[1].Holders.Base = 2
				s.Titles[1].Workload.Base = 30
				s.People[0].Capacity = 25
			}, plan: append(slices.Clone(ckValid), "E cv@C")},
		{name: "workload: shared hours still count",
			scen: func(s *model.Scenario) {
				s.Titles[1].Holders.Base = 2
				s.Titles[1].Workload.Base = 30
				s.People[0].Capacity = 24
			}, plan: append(slices.Clone(ckValid), "E cv@C"), want: []string{"workload"}},
		{name: "commune_cap", scen: func(s *model.Scenario) { s.Policy.CommuneCap = model.Const(from, model.ByClass[int]{I: 1}, "") },
			plan: without(ckValid, []string{"A cv@C"}, "E cv@C"), want: []string{"commune_cap"}},
		{name: "village_cap", scen: func(s *model.Scenario) { s.Policy.VillageCap = model.Const(from, 1, "") },
			plan: without(ckValid, []string{"B vs@V1"}, "E vs@V1"), want: []string{"village_cap"}},
		{name: "commune_fund: 3,393,000 > 2,808,000",
			// A: ct 1.2 × 2,340,000 = 2,808,000 + cv 1,170,000 × 0.5 = 585,000.
			scen: func(s *model.Scenario) {
				s.Policy.CommuneFund = model.Const(from, model.ByClass[model.Coefficient]{I: 1.2}, "")
			}, plan: ckValid, want: []string{"commune_fund"}},
		{name: "village_fund: 2,457,000 > 2,106,000",
			// V1: B's vh 0.9 × 2,340,000 = 2,106,000 + vs 702,000 × 0.5 =
			// 351,000; V2: D's vh 2,106,000 = its fund.
			scen: func(s *model.Scenario) {
				s.Policy.VillageFund = model.Const(from, model.VillageFundRule{Standard: 0.9, Large: 0.9}, "")
			}, plan: ckValid, want: []string{"village_fund"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := ckScenario()
			if tc.scen != nil {
				tc.scen(s)
			}
			p := &optimize.Problem{Scenario: s}
			if tc.prob != nil {
				tc.prob(p)
			}
			ckRules(t, check.Check(p, ckPlan(tc.plan...)), tc.want)
		})
	}
}

// ckRules fails t unless vs break exactly the rules want (sorted).
func ckRules(t *testing.T, vs []check.Violation, want []string) {
	t.Helper()
	var got []string
	for _, v := range vs {
		got = append(got, v.Rule.String())
	}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("rules %v, want %v; violations:\n%s", got, want, ckList(vs))
	}
}

func ckList(vs []check.Violation) string {
	var b strings.Builder
	for _, v := range vs {
		fmt.Fprintf(&b, "\t%s\n", v)
	}
	return b.String()
}

func TestCheckNeverPanics(t *testing.T) {
	dup := ckScenario()
	dup.People = append(dup.People, dup.People[0])
	dup.Units = append(dup.Units, model.Unit{Code: "V1", Level: model.Village, Parent: "C"})
	cyclic := ckScenario()
	cyclic.Units = append(cyclic.Units, model.Unit{Code: "L1", Level: model.Village, Parent: "L2"}, model.Unit{Code: "L2", Level: model.Village, Parent: "L1"})
	cyclic.People = append(cyclic.People, model.Person{ID: "L", Residence: "L1", Holdings: []model.Holding{{Title: "vh", Unit: "L2", Main: true}}})
	noPolicy := ckScenario()
	noPolicy.Policy = model.Policy{}
	for _, tc := range []struct {
		name string
		p    *optimize.Problem
		plan model.Plan
		want []string
	}{
		{"nil problem, empty plan", nil, model.Plan{}, nil},
		{"nil scenario, empty plan", &optimize.Problem{}, model.Plan{}, nil},
		{"nil scenario", &optimize.Problem{}, ckPlan("A ct@C"), []string{"candidate", "coverage"}},
		{"empty plan", &optimize.Problem{Scenario: ckScenario()}, model.Plan{}, []string{"coverage", "coverage", "coverage", "coverage", "coverage", "terms"}},
		{"duplicate IDs in the scenario", &optimize.Problem{Scenario: dup}, ckPlan(ckValid...), nil},
		{"a cycle of units", &optimize.Problem{Scenario: cyclic}, ckPlan(append(slices.Clone(ckValid), "L vh@L1")...), []string{"candidate", "coverage", "workload"}},
		{"no policy", &optimize.Problem{Scenario: noPolicy}, ckPlan(ckValid...), nil},
		{"odd IDs", &optimize.Problem{Scenario: ckScenario(), Pins: []optimize.Pin{{}}}, ckOdd(),
			// 7 unknown people on a non-slot, the 5 slots uncovered, B's term, the empty pin.
			slices.Concat(slices.Repeat([]string{"candidate"}, 7), slices.Repeat([]string{"coverage"}, 12), []string{"pin", "terms"})},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ckRules(t, check.Check(tc.p, tc.plan), tc.want)
			_, _ = check.Evaluate(tc.p, tc.plan) // must not panic either
		})
	}
}

// ckOdd is a plan of malformed person IDs, each on an unknown title.
func ckOdd() model.Plan {
	var p model.Plan
	for _, id := range []string{"", "NEW-", "NEW--1", "NEW-C-", "NEW-C-0", "NEW-C-99999999999999999999", "NEW-ZZ-1"} {
		p.Assignments = append(p.Assignments, model.Assignment{Person: id, Title: "zz", Unit: "C"})
	}
	return p
}

func TestEvaluate(t *testing.T) {
	s := ckScenario()
	p := &optimize.Problem{Scenario: s}
	// Base salary 2,340,000, concurrency rate 0.5.
	//   A (university): ct main at 1.2 → 2,808,000; cv 0.5 → 1,170,000 × 0.5
	//       = 585,000; monthly 3,393,000.
	//   NEW-V1-1 (recruit, paid the title's Allowance, not by education): vh
	//       0.7 → 1,638,000 main; vs 0.3 → 702,000 × 0.5 = 351,000; monthly
	//       1,989,000.
	//   D (upper secondary): vh 0.9 → 2,106,000.
	// Monthly 3,393,000 + 1,989,000 + 2,106,000 = 7,488,000; annual × 12 =
	// 89,856,000; plus one recruit at 1,000,000 → 90,856,000.
	// Disruption: B loses vh@V1 (1) and holds nothing (+1) = 2; A and D keep
	// theirs; R is retired and O lives outside, so neither counts.
	plan := ckPlan("A ct@C", "A cv@C", "NEW-V1-1 vh@V1", "NEW-V1-1 vs@V1", "D vh@V2")
	got, err := check.Evaluate(p, plan)
	if err != nil {
		t.Fatal(err)
	}
	want := optimize.Objective{Headcount: 3, Cost: 90_856_000, Disruption: 2}
	if got != want {
		t.Errorf("Evaluate = %+v, want %+v", got, want)
	}
	// The same with the concurrent title moved to D: D's vh stays main
	// (0.9 > 0.5), cv is paid 585,000 → the cost is unchanged, A keeps ct,
	// and nobody else moves.
	plan = ckPlan("A ct@C", "D cv@C", "NEW-V1-1 vh@V1", "NEW-V1-1 vs@V1", "D vh@V2")
	if got, err = check.Evaluate(p, plan); err != nil || got != want {
		t.Errorf("Evaluate = %+v, %v; want %+v", got, err, want)
	}
	// The valid plan: A 3,393,000; B vh 2,106,000 + vs 351,000 = 2,457,000;
	// D 2,106,000. Monthly 7,956,000 → 95,472,000; nobody moves.
	if got, err = check.Evaluate(p, ckPlan(ckValid...)); err != nil || got != (optimize.Objective{Headcount: 3, Cost: 95_472_000}) {
		t.Errorf("Evaluate(valid) = %+v, %v", got, err)
	}

	for _, tc := range []struct {
		name string
		p    *optimize.Problem
		plan model.Plan
	}{
		{"no scenario", &optimize.Problem{}, plan},
		{"nil problem", nil, plan},
		{"unknown person", p, ckPlan("Z ct@C")},
		{"unknown title", p, ckPlan("A zz@C")},
		{"unknown unit", p, ckPlan("A ct@Z")},
		{"no base salary", &optimize.Problem{Scenario: func() *model.Scenario { s := ckScenario(); s.Policy.BaseSalary = nil; return s }()}, plan},
	} {
		if _, err := check.Evaluate(tc.p, tc.plan); err == nil {
			t.Errorf("%s: Evaluate did not fail", tc.name)
		}
	}
}

// TestCheckSolve checks the solver's plan for the hand-made scenario.
func TestCheckSolve(t *testing.T) {
	p := &optimize.Problem{Scenario: ckScenario()}
	res, err := optimize.Solve(context.Background(), p, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Status != optimize.Optimal {
		t.Fatalf("status %v", res.Status)
	}
	if vs := check.Check(p, res.Plan); len(vs) > 0 {
		t.Errorf("the solver's plan breaks rules:\n%s", ckList(vs))
	}
	if obj, err := check.Evaluate(p, res.Plan); err != nil || obj != res.Objective {
		t.Errorf("Evaluate = %+v, %v; the solver says %+v", obj, err, res.Objective)
	}
}

func ExampleCheck() {
	s := exampleVillage(15,
		model.Title{ID: "truong-thon", Level: model.Village, Holders: model.HoldersRule{Base: 1}, Allowance: 0.7, Workload: model.Workload{Base: 10}, Requires: model.Requirements{Resident: true}},
		model.Title{ID: "bi-thu-chi-bo", Level: model.Village, Holders: model.HoldersRule{Base: 1}, Allowance: 0.7, Workload: model.Workload{Base: 10}, Requires: model.Requirements{PartyMember: true}},
	)
	p := &optimize.Problem{Scenario: s}
	plan := model.Plan{Assignments: []model.Assignment{
		{Person: "lan", Title: "truong-thon", Unit: "X-1", Main: true},
		{Person: "lan", Title: "bi-thu-chi-bo", Unit: "X-1"},
	}}
	for _, v := range check.Check(p, plan) {
		fmt.Println(v)
	}
	obj, _ := check.Evaluate(p, plan)
	fmt.Printf("%d person, %s đồng a year\n", obj.Headcount, obj.Cost)
	// Output:
	// eligibility [unit X-1, title bi-thu-chi-bo, person lan]: requirements not met: party_member
	// workload [person lan]: 20 h a week > capacity 15 h
	// 1 person, 39,312,000 đồng a year
}

// TestCheckLevelsMessage checks that a plan mixing levels where they are
// kept apart is reported as the level rule, as a planner reads it.
func TestCheckLevelsMessage(t *testing.T) {
	s := ckScenario()
	s.Policy.Levels = model.Const(model.MustDate("2020-01-01"), model.LevelRule{Mode: model.LevelsApart}, "")
	vs := check.Check(&optimize.Problem{Scenario: s}, ckPlan(ckMixed...))
	if len(vs) != 1 || !strings.Contains(vs[0].Msg, "levels kept apart") || !strings.Contains(vs[0].Msg, "(policy.levels)") || vs[0].Person != "E" {
		t.Errorf("violations:\n%s\nwant one for E naming policy.levels", ckList(vs))
	}
}
