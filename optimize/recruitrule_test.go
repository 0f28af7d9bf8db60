package optimize

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// Titles of the recruit tests, with the requirements of nd34-2019: the
// Elderly Association chair is 60 or over and held past the retirement
// age, the Youth Union deputy at most 35, the Women's Union deputy female,
// the village head 21 or over, and an appointed post stops at the
// retirement age.
func recruitTitles() []model.Title {
	mk := func(id string, q model.Requirements) model.Title {
		return model.Title{ID: id, Level: model.Commune, Holders: model.HoldersRule{Base: 1},
			Workload: model.Workload{Base: 8}, Allowance: 1, Name: model.Text{Vi: id, En: id}, Requires: q}
	}
	return []model.Title{
		mk("elder", model.Requirements{MinAge: 60, PastRetirement: true}),
		mk("youth", model.Requirements{MaxAge: 35, PastRetirement: true}),
		mk("women", model.Requirements{Sex: model.Female, PastRetirement: true}),
		mk("head", model.Requirements{MinAge: 21, PastRetirement: true}),
		mk("office", model.Requirements{}), // appointed: stops at the retirement age
		mk("men", model.Requirements{Sex: model.Male, PastRetirement: true}),
		mk("old40", model.Requirements{MinAge: 40, PastRetirement: true}),
		mk("odd", model.Requirements{MinAge: 40, MaxAge: 35, PastRetirement: true}),
	}
}

// TestRecruitRule checks which sets of titles one recruit may hold.
func TestRecruitRule(t *testing.T) {
	titles := recruitTitles()
	idx := func(id string) int { return titleIndex(titles, id) }
	// Decree 135/2020 in 2026: men retire at 61y6m, women at 57y; in 2019
	// (before the decree) at 60 and 55.
	y2026, y2019 := model.MustDate("2026-01-01"), model.MustDate("2019-06-01")
	for _, tc := range []struct {
		date model.Date
		ret  model.RetirementSchedule
		set  []string
		want bool
	}{
		{y2026, model.Decree135(), []string{"elder"}, true},
		{y2026, model.Decree135(), []string{"odd"}, false}, // 40 and over, at most 35
		{y2026, model.Decree135(), []string{"elder", "youth"}, false},
		{y2026, model.Decree135(), []string{"youth", "head"}, true},
		{y2026, model.Decree135(), []string{"old40", "youth"}, false},
		{y2026, model.Decree135(), []string{"elder", "women"}, true},
		{y2026, model.Decree135(), []string{"women", "men"}, false},
		{y2026, model.Decree135(), []string{"women", "youth", "head"}, true},
		// A man of 60 or 61 has not retired in 2026; a woman has.
		{y2026, model.Decree135(), []string{"elder", "office"}, true},
		{y2026, model.Decree135(), []string{"elder", "office", "men"}, true},
		// Pairwise possible (a woman for each pair with "women", a man for
		// elder and office), not all three: sex is not pairwise.
		{y2026, model.Decree135(), []string{"elder", "women"}, true},
		{y2026, model.Decree135(), []string{"office", "women"}, true},
		{y2026, model.Decree135(), []string{"elder", "office", "women"}, false},
		// In 2019 a man retired at 60 exactly: 60+ and not retired is
		// impossible.
		{y2019, model.Decree135(), []string{"elder", "office"}, false},
		{y2019, model.Decree135(), []string{"old40", "office"}, true},
		// No retirement schedule: nobody retires.
		{y2019, nil, []string{"elder", "office", "women"}, true},
	} {
		name := fmt.Sprintf("%s %v", tc.date, tc.set)
		r := newRecruitRule(titles, tc.ret, tc.date)
		var ts []int
		for _, id := range tc.set {
			ts = append(ts, idx(id))
		}
		got := r.alone(ts[0])
		for k := 1; k < len(ts); k++ {
			got = got && r.allowsSet(ts[:k], ts[k])
		}
		if got != tc.want {
			t.Errorf("%s: one recruit may hold them: %v, want %v", name, got, tc.want)
		}
		// Any order of adding gives the same answer.
		slices.Reverse(ts)
		back := r.alone(ts[0])
		for k := 1; k < len(ts); k++ {
			back = back && r.allowsSet(ts[:k], ts[k])
		}
		if back != got {
			t.Errorf("%s: reversed order says %v", name, back)
		}
	}
	if (recruitRule{}).binds() || !(recruitRule{}).allowsSet([]int{0}, 1) || !(recruitRule{}).alone(7) {
		t.Error("the zero recruitRule must allow everything")
	}
}

// recruitProblem is commune C with the titles named, no people, recruits
// up to perUnit, at most three titles a person and any pair combinable.
func recruitProblem(perUnit int, ids ...string) *Problem {
	from := model.MustDate("2020-01-01")
	s := &model.Scenario{
		Date: model.MustDate("2026-01-01"),
		Units: []model.Unit{
			{Code: "C", Level: model.Commune, Type: model.Xa, Class: model.ClassI, Population: 5000, Households: 1000, AreaKm2: 10},
		},
	}
	for _, t := range recruitTitles() {
		if slices.Contains(ids, t.ID) {
			s.Titles = append(s.Titles, t)
		}
	}
	s.Policy = flatPolicy{base: 2_340_000, maxTitles: 3, rate: 0.3, communeCap: 5, communeFund: 50, villageCap: 3, villageFund: 3}.policy(from, "")
	s.Policy.Recruitment = model.Const(from, model.RecruitmentRule{Allowed: true, MaxPerUnit: perUnit, Cost: 1_000_000}, "")
	s.Policy.Retirement = model.Const(from, model.Decree135(), "NĐ 135/2020/NĐ-CP")
	return &Problem{Scenario: s}
}

// TestRecruitIsOnePerson: the Elderly chair and the Youth deputy need two
// recruits, not one who is both 60+ and at most 35; with one recruit
// allowed there is no plan. The native solver and the brute force agree.
func TestRecruitIsOnePerson(t *testing.T) {
	for _, tc := range []struct {
		perUnit  int
		ids      []string
		feasible bool
		people   int
	}{
		{2, []string{"elder", "youth"}, true, 2},
		{1, []string{"elder", "youth"}, false, 0},
		{1, []string{"elder", "women"}, true, 1},
		{2, []string{"elder", "office", "women"}, true, 2},
		{1, []string{"youth", "head", "women"}, true, 1},
	} {
		name := fmt.Sprintf("%d recruits for %v", tc.perUnit, tc.ids)
		prob := recruitProblem(tc.perUnit, tc.ids...)
		bf := bfCompare(t, name, prob)
		if bf.feasible != tc.feasible {
			t.Errorf("%s: feasible %v, want %v", name, bf.feasible, tc.feasible)
		}
		if tc.feasible && bf.lex.Headcount != tc.people {
			t.Errorf("%s: %d people, want %d", name, bf.lex.Headcount, tc.people)
		}
		// The LP writer's bundles keep the rule too: CBC and GLPK agree.
		for _, solver := range []struct{ name, bin string }{{"cbc", "cbc"}, {"glpk", "glpsol"}} {
			t.Run(name+"/"+solver.name, func(t *testing.T) {
				needBinary(t, solver.bin)
				r, err := SolveExternal(context.Background(), prob, solver.name, nil)
				if err != nil {
					t.Fatal(err)
				}
				want := Infeasible
				if tc.feasible {
					want = Optimal
				}
				if r.Status != want || (tc.feasible && r.Objective != bf.lex) {
					t.Errorf("%v %+v, brute force feasible %v %+v", r.Status, r.Objective, bf.feasible, bf.lex)
				}
			})
		}
	}
}

// TestBruteForceRecruits compares Solve with the brute force on tiny
// random instances whose titles ask for ages, sexes and retirement rules
// that one recruit may or may not meet together.
func TestBruteForceRecruits(t *testing.T) {
	instances := uint64(150)
	if testing.Short() {
		instances = 50
	}
	stats := map[string]int{}
	for seed := uint64(1); seed <= instances; seed++ {
		prob := bfGenerate(seed)
		r := rand.New(rand.NewPCG(seed, 0x7265637275697473))
		from := model.MustDate("2020-01-01")
		s := prob.Scenario
		rec, _ := s.Policy.Recruitment.At(s.Date)
		rec.Allowed, rec.MaxPerUnit = true, 1+r.IntN(2)
		s.Policy.Recruitment = model.Const(from, rec, "")
		for i := range s.Titles {
			q := &s.Titles[i].Requires
			q.MinAge = []int{0, 0, 21, 40, 60}[r.IntN(5)]
			q.MaxAge = []int{0, 0, 0, 35, 55}[r.IntN(5)]
			q.Sex = model.Sex([]int{0, 0, 0, 1, 2}[r.IntN(5)])
			q.PastRetirement = r.IntN(2) == 0
		}
		bf := bfCompare(t, fmt.Sprintf("seed %d", seed), prob)
		if bf.feasible {
			stats["feasible"]++
		} else {
			stats["infeasible"]++
		}
	}
	t.Logf("%d instances: %v", instances, stats)
	if stats["feasible"] < int(instances)/4 || stats["infeasible"] < int(instances)/20 {
		t.Errorf("the generator is unbalanced: %v", stats)
	}
}

// TestRecruitExplained: with one recruit allowed, the Elderly chair and the
// Youth deputy have no plan, and the explanation names the combination
// rules with the two titles, or the recruitment limit.
func TestRecruitExplained(t *testing.T) {
	res, err := Solve(context.Background(), recruitProblem(1, "elder", "youth"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Status != Infeasible || len(res.Pools) != 1 {
		t.Fatalf("status %v, %d pools; want infeasible, 1 pool", res.Status, len(res.Pools))
	}
	kinds := map[Rule]string{}
	for _, r := range res.Pools[0].Explanation {
		kinds[r.Kind] = r.En
		if r.Vi == "" || r.En == "" {
			t.Errorf("reason %v lacks a language: %q / %q", r.Kind, r.Vi, r.En)
		}
	}
	en, ok := kinds[RuleCombination]
	if !ok || !strings.Contains(en, "elder") || !strings.Contains(en, "youth") {
		t.Errorf("explanation %v: want a combination reason naming elder and youth", res.Pools[0].Explanation)
	}
	if _, ok := kinds[RuleRecruitment]; !ok {
		t.Errorf("explanation %v: want the recruitment limit too", res.Pools[0].Explanation)
	}
}

// TestRecruitRuleKeyed: what the recruit rule reads — the titles' sex and
// age requirements, the date's retirement ages — enters the cache key, so
// an Assigner never returns a plan made under another rule.
func TestRecruitRuleKeyed(t *testing.T) {
	base, err := CacheKeys(recruitProblem(2, "elder", "office"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		edit func(p *Problem)
	}{
		// 2026: a man of 60 may hold both; 2020: men retire at 60.
		{"date", func(p *Problem) { p.Scenario.Date = model.MustDate("2020-06-01") }},
		{"min age", func(p *Problem) { p.Scenario.Titles[0].Requires.MinAge = 62 }},
		{"sex", func(p *Problem) { p.Scenario.Titles[0].Requires.Sex = model.Female }},
		{"retirement", func(p *Problem) { p.Scenario.Titles[1].Requires.PastRetirement = true }},
	} {
		p := recruitProblem(2, "elder", "office")
		tc.edit(p)
		keys, err := CacheKeys(p)
		if err != nil {
			t.Fatal(err)
		}
		if slices.Equal(keys, base) {
			t.Errorf("%s: the cache key does not change", tc.name)
		}
	}
}
