package optimize

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// caseNamed returns the infeasible case called name.
func caseNamed(t *testing.T, name string) explainCase {
	t.Helper()
	for _, c := range infeasibleCases() {
		if c.name == name {
			return c
		}
	}
	t.Fatalf("no case %q", name)
	return explainCase{}
}

// solved solves prob and fails the test on an error.
func solved(t *testing.T, prob *Problem) *Result {
	t.Helper()
	res, err := Solve(context.Background(), prob, nil)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// fixOf returns the fix of kind k of the only infeasible pool of res.
func fixOf(t *testing.T, res *Result, k Rule) Fix {
	t.Helper()
	for _, p := range res.Pools {
		for _, f := range p.Fixes {
			if f.Kind == k {
				return f
			}
		}
	}
	t.Fatalf("no %s fix; fixes: %+v", k, res.Pools)
	return Fix{}
}

// withPolicy copies the case's scenario with a policy change.
func withPolicy(c explainCase, f func(p *model.Policy)) *Problem {
	s := *c.prob.Scenario
	f(&s.Policy)
	prob := *c.prob
	prob.Scenario = &s
	return &prob
}

// TestFixNumeric checks, for each numeric cause, the least value found:
// with the rule set to it in the scenario the commune has a plan, and one
// step less it has none.
func TestFixNumeric(t *testing.T) {
	cases := []struct {
		name   string
		kind   Rule
		from   int64
		to     int64
		policy func(p *model.Policy, v int)
	}{
		{"village-cap-terms", RuleVillageCap, 3, 4, func(p *model.Policy, v int) { p.VillageCap = model.Const(xFrom, v, "test") }},
		{"commune-cap-terms", RuleCommuneCap, 2, 3, func(p *model.Policy, v int) {
			p.CommuneCap = model.Const(xFrom, model.ByClass[int]{I: v, II: v, III: v}, "test")
		}},
		{"max-titles-terms", RuleMaxTitles, 3, 4, func(p *model.Policy, v int) { p.MaxTitlesPerPerson = model.Const(xFrom, v, "test") }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ec := caseNamed(t, c.name)
			f := fixOf(t, solved(t, ec.prob), c.kind)
			if f.From != c.from || f.To != c.to {
				t.Fatalf("fix %d → %d, want %d → %d", f.From, f.To, c.from, c.to)
			}
			checkFixText(t, f)
			for v, want := range map[int]Status{int(f.To): Optimal, int(f.To) - 1: Infeasible} {
				res := solved(t, withPolicy(ec, func(p *model.Policy) { c.policy(p, v) }))
				if res.Status != want {
					t.Errorf("at %d: %s, want %s", v, res.Status, want)
				}
			}
		})
	}
}

// TestFixFund checks the village fund's fix: 12,870,000 đồng a month (the
// three titles' 5.5 × 2,340,000), a plan there and none 1,000 đồng less.
func TestFixFund(t *testing.T) {
	ec := caseNamed(t, "village-fund")
	f := fixOf(t, solved(t, ec.prob), RuleVillageFund)
	if f.From != 10_530_000 || f.To != 12_870_000 || !slices.Equal(f.Units, []string{"V1"}) {
		t.Fatalf("fix %+v, want 10,530,000 → 12,870,000 in V1", f)
	}
	checkFixText(t, f)
	if !strings.Contains(f.Vi, "12.870.000 đồng") || !strings.Contains(f.En, "12,870,000") {
		t.Errorf("texts %q / %q lack the figure", f.Vi, f.En)
	}
	pools, err := buildPools(ec.prob, nil)
	if err != nil {
		t.Fatal(err)
	}
	set := (&Settings{}).orDefault()
	nr := numericRules[RuleVillageFund]
	for v, want := range map[int64]bool{f.To: true, f.To - 1000: false} {
		r, err := solvePool(context.Background(), nr.set(pools[0], v), &set)
		if err != nil || r.feasible != want {
			t.Errorf("fund %d: feasible %v (%v), want %v", v, r.feasible, err, want)
		}
	}
	// The fund in the scenario: 5.5 × base salary is exactly the fix.
	for k, want := range map[model.Coefficient]Status{5.5: Optimal, 5.49: Infeasible} {
		res := solved(t, withPolicy(ec, func(p *model.Policy) {
			p.VillageFund = model.Const(xFrom, model.VillageFundRule{Standard: k, Large: 6.0, ThonHouseholds: 350}, "test")
		}))
		if res.Status != want {
			t.Errorf("fund %.2f×: %s, want %s", k, res.Status, want)
		}
	}
}

// TestFixDrop checks the fixes that drop a rule: dropped from the problem,
// the commune has a plan.
func TestFixDrop(t *testing.T) {
	cases := []struct {
		name   string
		kind   Rule
		people int // people named by the fix
		apply  func(p *Problem, f Fix) *Problem
	}{
		{"pin-ineligible", RulePin, 1, func(p *Problem, f Fix) *Problem { q := *p; q.Pins = nil; return &q }},
		{"forbid", RuleForbid, 1, func(p *Problem, f Fix) *Problem { q := *p; q.Forbids = nil; return &q }},
		{"village-cap-terms", RuleTerms, 1, endTerms},
		{"commune-cap-terms", RuleTerms, 1, endTerms},
		{"max-titles-terms", RuleTerms, 1, endTerms},
		{"workload", RuleWorkload, 0, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ec := caseNamed(t, c.name)
			f := fixOf(t, solved(t, ec.prob), c.kind)
			checkFixText(t, f)
			if len(f.People) != c.people {
				t.Errorf("people %v, want %d", f.People, c.people)
			}
			if c.apply == nil {
				return
			}
			if res := solved(t, c.apply(ec.prob, f)); res.Status != Optimal {
				t.Errorf("with the fix: %s", res.Status)
			}
		})
	}
}

// endTerms ends the terms of the fix's people the day before the plan
// date, so that they no longer bind.
func endTerms(p *Problem, f Fix) *Problem {
	s := *p.Scenario
	s.People = slices.Clone(s.People)
	for i := range s.People {
		if slices.Contains(f.People, s.People[i].ID) {
			s.People[i].Holdings = slices.Clone(s.People[i].Holdings)
			for k := range s.People[i].Holdings {
				s.People[i].Holdings[k].TermEnd = s.Date.AddDays(-1)
			}
		}
	}
	q := *p
	q.Scenario = &s
	return &q
}

func checkFixText(t *testing.T, f Fix) {
	t.Helper()
	checkText(t, Reason{Kind: f.Kind, Vi: f.Vi, En: f.En})
	if f.Vi == f.En {
		t.Errorf("%s: Vietnamese and English alike: %q", f.Kind, f.Vi)
	}
}

// TestPinEffects checks that pins and forbids that change nothing are
// flagged, and those that do are not.
func TestPinEffects(t *testing.T) {
	base := func() *xs {
		return newXS().oneVillage().
			title(tBiThu, 8, 1.2, model.Requirements{PartyMember: true}, false).
			title(tTruongThon, 8, 1.2, model.Requirements{}, false).
			person("P1", "Nguyễn Văn An", 50, true, "V1", tBiThu+"@V1").
			person("P2", "Lê Thị Bình", 41, false, "V1", tTruongThon+"@V1")
	}
	cases := []struct {
		name     string
		pins     []Pin
		forbids  []Pin
		noEffect bool
		word     string // in the English text
	}{
		{"pin-anyway", []Pin{{"P1", tBiThu, "V1"}}, nil, true, "anyway"},
		{"pin-costs", []Pin{{"P2", tTruongThon, "V1"}}, nil, false, "2 people (1 without it)"},
		{"forbid-ineligible", nil, []Pin{{"P2", tBiThu, "V1"}}, true, "cannot bind"},
		{"forbid-costs", nil, []Pin{{"P1", tTruongThon, "V1"}}, false, "makes the plan worse"},
		{"forbid-anyway", nil, []Pin{{"P2", tTruongThon, "V1"}}, true, "does not give"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			x := base()
			res := solved(t, &Problem{Scenario: &x.s, Pins: c.pins, Forbids: c.forbids})
			if res.Status != Optimal {
				t.Fatalf("status %s", res.Status)
			}
			var got []PinEffect
			for _, p := range res.Pools {
				got = append(got, p.Pins...)
			}
			if len(got) != 1 {
				t.Fatalf("effects %+v, want 1", got)
			}
			e := got[0]
			checkText(t, Reason{Kind: e.Kind, Vi: e.Vi, En: e.En})
			if e.NoEffect != c.noEffect || !strings.Contains(e.En, c.word) {
				t.Errorf("no effect %v, text %q; want %v and %q", e.NoEffect, e.En, c.noEffect, c.word)
			}
		})
	}
}

// TestPinAgainstTerm pins a Party member to the Party cell of a village
// whose secretary is elected until 2027: the explanation names the pin and
// the holder's term it collides with, and either change is a fix.
func TestPinAgainstTerm(t *testing.T) {
	x := newXS().oneVillage().
		title(tBiThu, 8, 1.2, model.Requirements{PartyMember: true}, true).
		person("P1", "Nguyễn Văn An", 50, true, "V1", tBiThu+"@V1 until 2027-06-01").
		person("P2", "Hoàng Văn Em", 38, true, "V1")
	prob := &Problem{Scenario: &x.s, Pins: []Pin{{Person: "P2", Title: tBiThu, Unit: "V1"}}}
	res := solved(t, prob)
	if res.Status != Infeasible {
		t.Fatalf("status %s", res.Status)
	}
	kinds := map[Rule][]string{}
	for _, r := range res.Pools[0].Explanation {
		checkText(t, r)
		kinds[r.Kind] = r.People
	}
	ex := res.Pools[0].Explanation
	if len(ex) != 1 || !slices.Equal(kinds[RulePin], []string{"P2", "P1"}) ||
		!strings.Contains(ex[0].En, "but Nguyễn Văn An holds it on an elected term to") || !strings.Contains(ex[0].Vi, "không thể cho thôi trước khi hết nhiệm kỳ") {
		t.Fatalf("explanation %+v, want one sentence: the pin of P2 against the term of P1", ex)
	}
	if f := fixOf(t, res, RuleTerms); !slices.Equal(f.People, []string{"P1"}) || !strings.Contains(f.En, "2027") {
		t.Errorf("terms fix %+v", f)
	}
	if f := fixOf(t, res, RulePin); !slices.Equal(f.People, []string{"P2"}) {
		t.Errorf("pin fix %+v", f)
	}
}

// TestFixPinOutside pins a person of Xã 2 to a title of Xã 1: dropping
// the pin is the fix, naming the person.
func TestFixPinOutside(t *testing.T) {
	prob := fundCommunes(t, 2, 1, 2) // large funds: both communes have a plan
	prob.Pins = []Pin{{Person: "P1-C2", Title: tBiThu, Unit: "V1"}}
	res := solved(t, prob)
	if res.Status != Infeasible {
		t.Fatalf("status %s", res.Status)
	}
	f := fixOf(t, res, RulePin)
	checkFixText(t, f)
	if !slices.Equal(f.People, []string{"P1-C2"}) || !strings.Contains(f.En, "drop the pin of Nguyễn Văn An to Party cell secretary") {
		t.Errorf("fix %+v", f)
	}
	if res := solved(t, &Problem{Scenario: prob.Scenario}); res.Status != Optimal {
		t.Errorf("without the pin: %s", res.Status)
	}
}
