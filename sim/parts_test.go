package sim

import (
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// communesScenario joins k test communes of different sizes (n, n+1, …
// villages) into one scenario.
func communesScenario(k, n int, seed uint64) *model.Scenario {
	var s *model.Scenario
	for c := range k {
		one := testScenario(n+c, seed+uint64(c))
		pre := fmt.Sprintf("X%d-", c)
		for i := range one.Units {
			one.Units[i].Code = pre + one.Units[i].Code
			if one.Units[i].Parent != "" {
				one.Units[i].Parent = pre + one.Units[i].Parent
			}
		}
		for i := range one.People {
			p := &one.People[i]
			p.ID, p.Residence = pre+p.ID, pre+p.Residence
			for j := range p.Holdings {
				p.Holdings[j].Unit = pre + p.Holdings[j].Unit
			}
		}
		if s == nil {
			s = one
			continue
		}
		s.Units = append(s.Units, one.Units...)
		s.People = append(s.People, one.People...)
	}
	return s
}

// TestPartsAddUp checks that simulating the world part by part gives bit
// for bit what one pass over it gives, however finely it is cut: the
// events of a part must not depend on the others.
func TestPartsAddUp(t *testing.T) {
	s := communesScenario(6, 4, 3)
	run := func(target, workers int) *Result {
		r, err := Config{Years: 6, Runs: 40, Seed: 11, Workers: workers, Assigner: combineAssigner, hooks: hooks{partPeople: target}}.Run(context.Background(), s)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	whole := run(1<<30, 1)
	if whole.Metrics[ExitsResignation].Years[0].P50 == 0 || whole.Metrics[ExitsReleased].Years[0].P95 == 0 {
		t.Fatal("the scenario has no resignations or releases: the test would prove little")
	}
	for _, tc := range []struct{ target, workers int }{{1, 1}, {1, 3}, {20, 2}, {100, 2}} {
		got := run(tc.target, tc.workers)
		if !reflect.DeepEqual(got.samples, whole.samples) {
			t.Errorf("parts of %d people, %d workers: samples differ from one part", tc.target, tc.workers)
		}
		if !reflect.DeepEqual(got.Gaps, whole.Gaps) {
			t.Errorf("parts of %d people, %d workers: gaps differ from one part", tc.target, tc.workers)
		}
	}
}

// TestSplitKeepsEveryone checks that the parts hold every seat and every
// person who ever holds one, each once.
func TestSplitKeepsEveryone(t *testing.T) {
	s := communesScenario(6, 4, 3)
	w := splittableWorld(t, s, 6)
	holders := 0
	for d := range w.people {
		held := d < len(w.initial) && len(w.initial[d]) > 0
		for _, ep := range w.epochs {
			for ci, c := range ep.change {
				held = held || (int(c) == d && len(ep.bundles[ci]) > 0)
			}
		}
		if held {
			holders++
		}
	}
	for _, target := range []int{1, 7, 1 << 30} {
		parts := w.split(target)
		seats, units, people, communes := 0, 0, 0, 0
		for _, p := range parts {
			seats += len(p.w.seatSlot)
			units += len(p.w.units)
			people += len(p.w.people)
			communes += len(p.communes)
		}
		if seats != len(w.seatSlot) || units != len(w.units) || communes != 6 {
			t.Errorf("target %d: %d parts hold %d seats, %d units, %d communes; want %d, %d, 6", target, len(parts), seats, units, communes, len(w.seatSlot), len(w.units))
		}
		if people < holders || people > len(w.people) {
			t.Errorf("target %d: parts hold %d people; %d hold a seat at some time, %d in all", target, people, holders, len(w.people))
		}
		if target == 1 && len(parts) < 2 {
			t.Errorf("target 1: %d parts", len(parts))
		}
	}
}

// TestSplitProjectsTables checks that every part shares the world's
// timeline as it is and gets each of the tables the world has: a field
// added to tables but not projected by split fails here.
func TestSplitProjectsTables(t *testing.T) {
	s := communesScenario(4, 3, 7)
	w := splittableWorld(t, s, 4)
	whole := reflect.ValueOf(w.tables)
	for _, target := range []int{1, 1 << 30} {
		parts := w.split(target)
		for f := range whole.NumField() {
			if whole.Field(f).IsZero() {
				continue
			}
			projected := false
			for _, p := range parts {
				projected = projected || !reflect.ValueOf(p.w.tables).Field(f).IsZero()
			}
			if !projected {
				t.Errorf("target %d: no part has tables.%s", target, whole.Type().Field(f).Name)
			}
		}
		for pi, p := range parts {
			if !reflect.DeepEqual(p.w.timeline, w.timeline) {
				t.Errorf("target %d: part %d's timeline differs from the world's", target, pi)
			}
		}
	}
}

// TestProgress checks the reports: the re-plans, then the replications
// from 0 up to every run, never past it, however finely the world is cut.
func TestProgress(t *testing.T) {
	s := communesScenario(4, 3, 5)
	for _, target := range []int{1, 1 << 30} {
		var mu sync.Mutex
		var got []Progress
		cfg := Config{Years: 3, Runs: 30, Workers: 2, Assigner: combineAssigner, hooks: hooks{partPeople: target}, Progress: func(p Progress) {
			mu.Lock()
			got = append(got, p)
			mu.Unlock()
		}}
		if _, err := cfg.Run(context.Background(), s); err != nil {
			t.Fatal(err)
		}
		var runs []int
		plans := 0
		for _, p := range got {
			switch {
			case p.Stage == "plan" && len(runs) == 0:
				plans++
			case p.Stage == "run" && p.Total == 30 && p.Done >= 0 && p.Done <= 30:
				runs = append(runs, p.Done)
			default:
				t.Fatalf("target %d: unexpected report %+v after %d plans and %d runs", target, p, plans, len(runs))
			}
		}
		if plans == 0 || len(runs) < 2 || runs[0] != 0 || slices.Max(runs) != 30 {
			t.Errorf("target %d: %d plan reports, run reports %v; want plans, then 0 … 30", target, plans, runs)
		}
	}
}

// TestKeptSeatsChangeNothing checks that a re-plan leaving a person's kept
// seats in place (Config.hooks.dropKept off) gives bit for bit what dropping and handing
// back every seat gives, under re-plans that deal each commune's titles
// out afresh: people gain, lose and reorder seats in several units.
func TestKeptSeatsChangeNothing(t *testing.T) {
	for _, tc := range []struct {
		name     string
		as       Assigner
		maxTitle int
	}{
		{"titles joined and split", alternatingAssigner, 2},
		{"titles dealt, two a person", dealingAssigner(2), 2},
		{"titles dealt, three a person", dealingAssigner(3), 3},
	} {
		s := communesScenario(5, 4, 9)
		s.Dynamics.Vacancy = model.Const(s.Date, model.CoverConcurrent, "")
		s.Policy.MaxTitlesPerPerson = model.Const(s.Date, tc.maxTitle, "")
		run := func(keep bool) *Result {
			r, err := Config{Years: 10, Runs: 200, Seed: 5, Workers: 2, Assigner: tc.as, hooks: hooks{dropKept: !keep}}.Run(context.Background(), s)
			if err != nil {
				t.Fatal(err)
			}
			return r
		}
		want, got := run(false), run(true)
		if !reflect.DeepEqual(got.samples, want.samples) {
			t.Errorf("%s: samples differ when kept seats stay in place", tc.name)
		}
		if !reflect.DeepEqual(got.Gaps, want.Gaps) {
			t.Errorf("%s: gaps differ when kept seats stay in place", tc.name)
		}
		var covered, released float64
		for y := range want.Metrics[CoveredTitleMonths].Years {
			covered += want.Metrics[CoveredTitleMonths].Years[y].P95
			released += want.Metrics[ExitsReleased].Years[y].P95
		}
		if covered == 0 || released == 0 {
			t.Fatalf("%s: covers %v, releases %v: the test would prove little", tc.name, covered, released)
		}
	}
}

// dealingAssigner deals each commune's titles, in an order drawn from the
// re-plan's date, to its present holders and a few recruits, up to limit
// titles a person: plans that move titles across units and reorder what
// people hold.
func dealingAssigner(limit int) Assigner {
	return AssignerFunc(func(_ context.Context, s *model.Scenario) (model.Plan, error) {
		g := rand.New(rand.NewPCG(uint64(s.Date), 3))
		commune := map[string]string{}
		for _, u := range s.Units {
			commune[u.Code] = u.Code
			if u.Level == model.Village {
				commune[u.Code] = u.Parent
			}
		}
		type seat struct{ title, unit string }
		seats := map[string][]seat{}
		people := map[string][]string{}
		for _, u := range s.Units {
			for _, t := range s.Titles {
				if t.Level == u.Level {
					seats[commune[u.Code]] = append(seats[commune[u.Code]], seat{t.ID, u.Code})
				}
			}
		}
		for _, p := range s.People {
			if len(p.Holdings) > 0 {
				c := commune[p.Holdings[0].Unit]
				people[c] = append(people[c], p.ID)
			}
		}
		plan := model.Plan{Date: s.Date}
		for _, u := range s.Units {
			if u.Level != model.Commune {
				continue
			}
			ss, ps := seats[u.Code], people[u.Code]
			g.Shuffle(len(ss), func(i, j int) { ss[i], ss[j] = ss[j], ss[i] })
			for r := range len(ss)/limit + 1 { // enough for every title, whoever has left
				ps = append(ps, fmt.Sprintf("NEW-%s-%d", u.Code, r))
			}
			held := map[string]int{}
			for _, st := range ss {
				id := ps[g.IntN(len(ps))]
				for held[id] == limit {
					id = ps[g.IntN(len(ps))]
				}
				held[id]++
				plan.Assignments = append(plan.Assignments, model.Assignment{Person: id, Title: st.title, Unit: st.unit, Main: held[id] == 1})
			}
		}
		// In a fixed order of units and titles, as a solver lists them:
		// a person who keeps titles then often keeps them at the head of
		// their list, which is what leaving kept seats in place saves work on.
		slices.SortStableFunc(plan.Assignments, func(a, b model.Assignment) int {
			return strings.Compare(a.Unit+"/"+a.Title, b.Unit+"/"+b.Title)
		})
		return plan, nil
	})
}

// alternatingAssigner joins each village's two titles in one person at
// re-plans in even months (as combineAssigner does) and splits them in
// odd ones, listing the police title first, so that people gain, lose and
// reorder seats from one re-plan to the next.
var alternatingAssigner = AssignerFunc(func(ctx context.Context, s *model.Scenario) (model.Plan, error) {
	plan, err := combineAssigner(ctx, s)
	if err != nil || s.Date.Month()%2 == 0 {
		return plan, err
	}
	holder := map[[2]string]string{}
	for _, p := range s.People {
		for _, h := range p.Holdings {
			holder[[2]string{h.Title, h.Unit}] = p.ID
		}
	}
	var out []model.Assignment
	for _, a := range plan.Assignments {
		if a.Title != "cong-an" {
			out = append(out, a)
			continue
		}
		id, ok := holder[[2]string{"cong-an", a.Unit}]
		if !ok || id == a.Person {
			id = "NEW-" + a.Unit + "-cong-an"
		}
		out = append([]model.Assignment{{Person: id, Title: "cong-an", Unit: a.Unit, Main: true}}, out...)
	}
	plan.Assignments = out
	return plan, nil
})

// splittableWorld builds s's world over years, re-planned by
// combineAssigner, ready to split.
func splittableWorld(t *testing.T, s *model.Scenario, years int) *world {
	t.Helper()
	w, err := buildWorld(context.Background(), s, Config{Years: years, Runs: 1, Assigner: combineAssigner}.withDefaults(s), func(Progress) {})
	if err != nil {
		t.Fatal(err)
	}
	w.stride = w.seatStride()
	return w
}
