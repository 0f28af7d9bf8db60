package optimize_test

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/optimize"
	"github.com/kiemnhiem/kiemnhiem/optimize/check"
)

// rtScenario is a commune C with villages V1 and V2 on 2026-01-01, in which
// every rule has an instance:
//
//	ct@C      party members only, 10 h, 1.0
//	cv@C      10 h, 0.5
//	vh@V1/V2  residents only, elected, 8 h, 0.7
//	vs@V1/V2  5 h, 0.3
//
// A (party) holds ct; B holds vh@V1 elected until 2028; D holds vh@V2, his
// term over; E lives in V1; R is retired and holds cv (which stops at the
// retirement age); O lives outside the commune. At most 3 titles,
// ct and vh never together, a commune cap of 1 (binding: two commune
// titles), a village cap of 2, funds that bind, terms that bind, one
// recruit per unit.
func rtScenario() *model.Scenario {
	from := model.MustDate("2020-01-01")
	return &model.Scenario{
		Name: "rules",
		Date: model.MustDate("2026-01-01"),
		Policy: model.Policy{
			BaseSalary:         model.Const[model.Money](from, 2_340_000, ""),
			MaxTitlesPerPerson: model.Const(from, 3, ""),
			Combination:        model.Const(from, model.CombinationRule{Mode: model.ForbiddenPairs, Pairs: [][2]string{{"ct", "vh"}}}, ""),
			ConcurrencyRate:    model.Const(from, 0.5, ""),
			CommuneCap:         model.Const(from, model.ByClass[int]{I: 1, II: 1, III: 1}, ""),
			CommuneFund:        model.Const(from, model.ByClass[model.Coefficient]{I: 10, II: 10, III: 10}, ""),
			VillageCap:         model.Const(from, 2, ""),
			VillageFund:        model.Const(from, model.VillageFundRule{Standard: 5, Large: 5}, ""),
			FundBinds:          model.Const(from, true, ""),
			TermsBind:          model.Const(from, true, ""),
			Recruitment:        model.Const(from, model.RecruitmentRule{Allowed: true, MaxPerUnit: 1, Cost: 1_000_000}, ""),
			Retirement:         model.Const(from, model.Decree135(), ""),
		},
		Titles: []model.Title{
			{ID: "ct", Level: model.Commune, Holders: model.HoldersRule{Base: 1}, Workload: model.Workload{Base: 10}, Allowance: 1.0,
				Requires: model.Requirements{PartyMember: true}},
			{ID: "cv", Level: model.Commune, Holders: model.HoldersRule{Base: 1}, Workload: model.Workload{Base: 10}, Allowance: 0.5},
			{ID: "vh", Level: model.Village, Holders: model.HoldersRule{Base: 1}, Workload: model.Workload{Base: 8}, Allowance: 0.7,
				Requires: model.Requirements{Resident: true},
				Term:     model.TermRule{Kind: model.Elected, Months: 60, Anchor: model.MustDate("2023-06-30")}},
			{ID: "vs", Level: model.Village, Holders: model.HoldersRule{Base: 1}, Workload: model.Workload{Base: 5}, Allowance: 0.3},
		},
		Units: []model.Unit{
			{Code: "C", Name: "Xã C", Level: model.Commune, Type: model.Xa, Class: model.ClassI, Population: 5000, Households: 1200, AreaKm2: 20},
			{Code: "V1", Name: "Thôn 1", Level: model.Village, Type: model.Thon, Parent: "C", Households: 100},
			{Code: "V2", Name: "Thôn 2", Level: model.Village, Type: model.Thon, Parent: "C", Households: 100},
		},
		People: []model.Person{
			rtPerson("A", "1980-05-01", "C", true, model.Holding{Title: "ct", Unit: "C", Main: true}),
			rtPerson("B", "1985-05-01", "V1", false, model.Holding{Title: "vh", Unit: "V1", Main: true, TermEnd: model.MustDate("2028-06-30")}),
			rtPerson("D", "1990-05-01", "V2", false, model.Holding{Title: "vh", Unit: "V2", Main: true, TermEnd: model.MustDate("2025-06-30")}),
			rtPerson("E", "1995-05-01", "V1", false),
			rtPerson("R", "1950-01-01", "C", true, model.Holding{Title: "cv", Unit: "C", Main: true}),
			rtPerson("O", "1980-05-01", "X", true),
		},
	}
}

// rtPerson is a man of 40 hours a week with a degree.
func rtPerson(id, birth, residence string, party bool, holds ...model.Holding) model.Person {
	return model.Person{ID: id, Birth: model.MustDate(birth), Sex: model.Male, Education: model.EduUniversity,
		PartyMember: party, Residence: residence, Capacity: 40, Holdings: holds}
}

// rtValid keeps every rule of rtScenario.
var rtValid = []string{"A ct@C", "A cv@C", "B vh@V1", "B vs@V1", "D vh@V2", "D vs@V2"}

// rtPlan builds a plan from "person title@unit" strings, replacing the
// assignments of rtValid named in swap (old → new; new may be empty).
func rtPlan(swap map[string]string, extra ...string) model.Plan {
	var p model.Plan
	add := func(a string) {
		person, rest, _ := strings.Cut(a, " ")
		title, unit, _ := strings.Cut(rest, "@")
		p.Assignments = append(p.Assignments, model.Assignment{Person: person, Title: title, Unit: unit})
	}
	for _, a := range rtValid {
		if b, ok := swap[a]; ok {
			if b != "" {
				add(b)
			}
			continue
		}
		add(a)
	}
	for _, a := range extra {
		add(a)
	}
	return p
}

// ruleCase says, for one Rule, how each part of the package handles it.
type ruleCase struct {
	// key changes what the rule reads; the cache key must change with it.
	// nil when no pool reads anything for the rule: noKey says why.
	key   func(p *optimize.Problem)
	noKey string
	// breaks, applied with plan, makes a plan that breaks the rule, and
	// reports is the rule the checker names for it; 0 when the checker
	// has nothing to check: a note of explanations.
	breaks  func(p *optimize.Problem)
	plan    model.Plan
	reports optimize.Rule
	// filtered: the deletion filter tries to drop the rule's family.
	filtered bool
}

func pin(person, title, unit string) optimize.Pin {
	return optimize.Pin{Person: person, Title: title, Unit: unit}
}

var ruleCases = map[optimize.Rule]ruleCase{
	optimize.RuleRequirement: {
		key:  func(p *optimize.Problem) { p.Scenario.Titles[0].Requires.PartyMember = false },
		plan: rtPlan(map[string]string{"A ct@C": "E ct@C", "A cv@C": "", "B vs@V1": "A vs@V1"}), reports: optimize.RuleEligibility, filtered: true},
	optimize.RuleMaxTitles: {
		key:    func(p *optimize.Problem) { p.Scenario.Policy.MaxTitlesPerPerson[0].Value = 2 },
		breaks: func(p *optimize.Problem) { p.Scenario.Policy.MaxTitlesPerPerson[0].Value = 1 },
		plan:   rtPlan(nil), reports: optimize.RuleMaxTitles, filtered: true},
	optimize.RuleCombination: {
		key:    func(p *optimize.Problem) { p.Scenario.Policy.Combination[0].Value.Pairs[0][1] = "vs" },
		breaks: func(p *optimize.Problem) { p.Scenario.Policy.Combination[0].Value.Pairs[0][1] = "cv" },
		plan:   rtPlan(nil), reports: optimize.RuleCombination, filtered: true},
	optimize.RuleWorkload: {
		key:    func(p *optimize.Problem) { p.Scenario.People[0].Capacity = 30 },
		breaks: func(p *optimize.Problem) { p.Scenario.People[0].Capacity = 15 },
		plan:   rtPlan(nil), reports: optimize.RuleWorkload, filtered: true},
	optimize.RuleCommuneCap: {
		key:  func(p *optimize.Problem) { p.Scenario.Policy.CommuneCap[0].Value.I = 0 },
		plan: rtPlan(map[string]string{"A cv@C": "E cv@C"}), reports: optimize.RuleCommuneCap, filtered: true},
	optimize.RuleVillageCap: {
		key:    func(p *optimize.Problem) { p.Scenario.Policy.VillageCap[0].Value = 1 },
		breaks: func(p *optimize.Problem) { p.Scenario.Policy.VillageCap[0].Value = 1 },
		plan:   rtPlan(map[string]string{"B vs@V1": "E vs@V1"}), reports: optimize.RuleVillageCap, filtered: true},
	optimize.RuleCommuneFund: {
		key:    func(p *optimize.Problem) { p.Scenario.Policy.CommuneFund[0].Value.I = 9 },
		breaks: func(p *optimize.Problem) { p.Scenario.Policy.CommuneFund[0].Value.I = 1 },
		plan:   rtPlan(nil), reports: optimize.RuleCommuneFund, filtered: true},
	optimize.RuleVillageFund: {
		key:    func(p *optimize.Problem) { p.Scenario.Policy.VillageFund[0].Value.Standard = 4 },
		breaks: func(p *optimize.Problem) { p.Scenario.Policy.VillageFund[0].Value.Standard = 0.5 },
		plan:   rtPlan(nil), reports: optimize.RuleVillageFund, filtered: true},
	optimize.RuleTerms: {
		key:  func(p *optimize.Problem) { p.Scenario.People[1].Holdings[0].TermEnd = model.MustDate("2025-06-30") },
		plan: rtPlan(map[string]string{"B vh@V1": "E vh@V1"}), reports: optimize.RuleTerms, filtered: true},
	optimize.RuleRecruitment: {
		key:  func(p *optimize.Problem) { p.Scenario.Policy.Recruitment[0].Value.MaxPerUnit = 2 },
		plan: rtPlan(map[string]string{"B vs@V1": "NEW-V1-2 vs@V1"}), reports: optimize.RuleCandidate, filtered: true},
	optimize.RulePin: {
		key:    func(p *optimize.Problem) { p.Pins = append(p.Pins, pin("E", "cv", "C")) },
		breaks: func(p *optimize.Problem) { p.Pins = append(p.Pins, pin("E", "cv", "C")) },
		plan:   rtPlan(nil), reports: optimize.RulePin, filtered: true},
	optimize.RuleForbid: {
		key:    func(p *optimize.Problem) { p.Forbids = append(p.Forbids, pin("A", "cv", "C")) },
		breaks: func(p *optimize.Problem) { p.Forbids = append(p.Forbids, pin("A", "cv", "C")) },
		plan:   rtPlan(nil), reports: optimize.RuleForbid, filtered: true},
	optimize.RulePinOutside: {
		key:    func(p *optimize.Problem) { p.Pins = append(p.Pins, pin("O", "cv", "C")) },
		breaks: func(p *optimize.Problem) { p.Pins = append(p.Pins, pin("O", "cv", "C")) },
		plan:   rtPlan(nil), reports: optimize.RulePin},
	optimize.RuleCoverage: {
		key:  func(p *optimize.Problem) { p.Scenario.Titles[3].Holders.Base = 2 },
		plan: rtPlan(map[string]string{"D vs@V2": ""}), reports: optimize.RuleCoverage},
	optimize.RuleDuplicate: {
		noKey: "a bundle holds each slot once",
		plan:  rtPlan(nil, "A ct@C"), reports: optimize.RuleDuplicate},
	optimize.RuleCandidate: {
		key:  func(p *optimize.Problem) { p.Scenario.People[3].Residence = "X" },
		plan: rtPlan(map[string]string{"A cv@C": "O cv@C"}), reports: optimize.RuleCandidate},
	optimize.RuleEligibility: {
		key:  func(p *optimize.Problem) { p.Scenario.People[3].PartyMember = true },
		plan: rtPlan(map[string]string{"A ct@C": "E ct@C", "A cv@C": "", "B vs@V1": "A vs@V1"}), reports: optimize.RuleEligibility},
	optimize.RuleNoEligible: {noKey: "a note: the requirements and candidates it counts are keyed"},
	optimize.RuleNotMinimal: {noKey: "a note about the search"},
	optimize.RuleNoPlan:     {noKey: "a note about the search"},
}

// TestEveryRuleHandled ranges over every Rule and fails when the pool
// builder, the cache key, the checker, the explanations or the LP writer
// does not handle it (doc.go, "How to add a rule", lists where).
func TestEveryRuleHandled(t *testing.T) {
	full := &optimize.Problem{Scenario: rtScenario(),
		Pins: []optimize.Pin{pin("E", "cv", "C"), pin("O", "cv", "C")}, Forbids: []optimize.Pin{pin("A", "cv", "C")}}
	kinds, err := optimize.PoolRuleKinds(full)
	if err != nil {
		t.Fatal(err)
	}
	var lp bytes.Buffer
	if err := optimize.WriteLP(&lp, full, nil); err != nil {
		t.Fatal(err)
	}
	baseKeys, err := optimize.CacheKeys(&optimize.Problem{Scenario: rtScenario()})
	if err != nil {
		t.Fatal(err)
	}
	if vs := check.Check(&optimize.Problem{Scenario: rtScenario()}, rtPlan(nil)); len(vs) > 0 {
		t.Fatalf("rtValid breaks rules: %v", vs)
	}
	for r := optimize.Rule(1); r < optimize.NumRules; r++ {
		t.Run(r.String(), func(t *testing.T) {
			tc, ok := ruleCases[r]
			if !ok {
				t.Fatalf("no case: say how the builder, the cache key, the checker, the explanations and the LP writer handle %s", r)
			}
			// Its key, which JSON and text show, reads back.
			var back optimize.Rule
			if b, err := r.MarshalText(); err != nil || back.UnmarshalText(b) != nil || back != r || strings.HasPrefix(r.String(), "Rule(") {
				t.Errorf("rule %d has no stable key that reads back: %q, %v", uint8(r), b, err)
			}
			// Pool builder: every relaxable rule has an instance in the pool.
			if r.Relaxable() && !kinds[r] {
				t.Errorf("the pool builder records no %s rule", r)
			}
			// Cache key: whatever the rule reads is encoded.
			switch {
			case tc.key != nil:
				p := &optimize.Problem{Scenario: rtScenario()}
				tc.key(p)
				keys, err := optimize.CacheKeys(p)
				if err != nil {
					t.Fatal(err)
				}
				if slices.Equal(keys, baseKeys) {
					t.Errorf("the cache key does not change with what %s reads: the Assigner would return a stale plan", r)
				}
			case tc.noKey == "":
				t.Errorf("no change to key: say what %s reads, or why nothing", r)
			}
			// Checker: a plan that breaks the rule is reported.
			if tc.reports != 0 {
				p := &optimize.Problem{Scenario: rtScenario()}
				if tc.breaks != nil {
					tc.breaks(p)
				}
				var got []optimize.Rule
				for _, v := range check.Check(p, tc.plan) {
					got = append(got, v.Rule)
				}
				if !slices.Contains(got, tc.reports) {
					t.Errorf("the checker reports %v for a plan that breaks %s, want %s among them", got, r, tc.reports)
				}
			} else if r.Relaxable() || r < optimize.RuleNoEligible {
				t.Errorf("the checker does not check %s", r)
			}
			// Explanations: a relaxable rule is rendered, ranked, tried by
			// the deletion filter and by the binding analysis (or says why
			// not).
			rendered, filtered, binding, why, ranked := optimize.ExplainCoverage(r)
			if r.Relaxable() {
				if !rendered {
					t.Errorf("no explanation sentence renders %s", r)
				}
				if filtered != tc.filtered {
					t.Errorf("the deletion filter tries %s: %v, want %v", r, filtered, tc.filtered)
				}
				if binding == (why != "") {
					t.Errorf("the binding analysis must try %s or say why not (tries: %v, why not: %q)", r, binding, why)
				}
				if r == optimize.RulePinOutside { // its reasons are of kind pin
					_, _, _, _, ranked = optimize.ExplainCoverage(optimize.RulePin)
				}
				if !ranked {
					t.Errorf("reasons of kind %s have no rank within a unit", r)
				}
			}
			// LP writer: the rule is enforced by rows written for it, or by
			// the columns.
			stem, ok := optimize.LPRowStem(r)
			switch {
			case !ok:
				t.Errorf("the LP writer does not know %s", r)
			case stem != "" && stem != "-" && !strings.Contains(lp.String(), "_"+stem):
				t.Errorf("the LP model has no %q row for %s", stem, r)
			}
		})
	}
}
