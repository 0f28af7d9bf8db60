package sim

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// mergerScenario is testScenario's commune of 4 villages (households 200,
// 210, 220, 230), the head's title that of the village's self-management,
// nobody leaving by chance, and merger m; provisional sets Decree 185's
// 6-month provisional head and the rearrangement severance rule.
func mergerScenario(m model.Merger, provisional bool) *model.Scenario {
	s := testScenario(4, 5)
	s.Titles[2].Organisation = model.OrgVillage
	s.Dynamics.Resignation = model.Const(s.Date, model.ResignationRule{}, "")
	s.Dynamics.Death = model.Const(s.Date, 0.0, "")
	s.Dynamics.Growth = model.Const(s.Date, model.GrowthRule{}, "")
	for i := range s.People { // of working age, so release pays severance
		s.People[i].Birth = model.NewDate(1980, 1, 1)
	}
	if provisional {
		s.Policy.VillageHead = model.Const(s.Date, model.VillageHeadRule{TermMonths: 60, ProvisionalMonths: 6}, "")
		s.Policy.RearrangementSeverance = model.Const(s.Date, model.RearrangementSeveranceRule{}, "")
	}
	s.Dynamics.Mergers = []model.Merger{m}
	return s
}

// recorder is an Assigner that records the world it is asked to plan,
// date by date, and keeps everyone's titles.
type recorder struct {
	mu     sync.Mutex
	worlds map[model.Date]*model.Scenario
}

func (r *recorder) Assign(ctx context.Context, s *model.Scenario) (model.Plan, error) {
	r.mu.Lock()
	r.worlds[s.Date] = s
	r.mu.Unlock()
	return s.CurrentPlan(), nil
}

// world returns the world r was asked to plan on date d.
func (r *recorder) world(d model.Date) *model.Scenario {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.worlds[d]
}

// holding returns person id's holding of title in the world s, if any.
func holding(s *model.Scenario, id, title string) (model.Holding, bool) {
	for _, p := range s.People {
		if p.ID == id {
			for _, h := range p.Holdings {
				if h.Title == title {
					return h, true
				}
			}
		}
	}
	return model.Holding{}, false
}

func TestMergerEvent(t *testing.T) {
	at := model.MustDate
	into := func(m map[string]string) model.Merger {
		return model.Merger{Date: at("2025-07-01"), Into: m, Source: "test"}
	}
	// People: P001 chu-tich, P002 van-phong, then per village Vnn the
	// head P(2n+1) and the police P(2n+2): V01 P003/P004, V02 P005/P006.
	tests := []struct {
		name        string
		m           model.Merger
		provisional bool
		dropHead    string // a person taken off the roster first
		replans     []string
		merged      int
		rearranged  int   // released because their village was absorbed
		released    int64 // in year 1, every run
		// head is who holds truong-thon in V01 in the world of the
		// re-plan after the provisional period, and the term end it has.
		head    string
		termEnd string
	}{
		{name: "explicit plan, provisional head of the keeper", m: into(map[string]string{"V02": "V01"}), provisional: true,
			replans: []string{"2025-01-01 start", "2025-07-01 merger", "2026-01-01 after-merger", "2026-06-01 election"},
			merged:  1, rearranged: 2, released: 2, head: "P003", termEnd: "2025-07-01"},
		{name: "keeper without a head: the absorbed village's head is provisional", m: into(map[string]string{"V02": "V01"}), provisional: true,
			dropHead: "P003",
			replans:  []string{"2025-01-01 start", "2025-07-01 merger", "2026-01-01 after-merger", "2026-06-01 election"},
			merged:   1, rearranged: 1, released: 1, head: "P005", termEnd: "2025-07-01"},
		{name: "threshold rule, no provisional period: re-plan on the date", m: model.Merger{Date: at("2025-07-01"), BelowHouseholds: 215, Source: "test"},
			replans: []string{"2025-01-01 start", "2025-07-01 merger", "2026-06-01 election"},
			merged:  2, rearranged: 4, released: 4},
		{name: "merger on the start date", m: model.Merger{Date: at("2025-01-01"), Into: map[string]string{"V04": "V03", "V02": "V01"}, Source: "test"}, provisional: true,
			replans: []string{"2025-01-01 start", "2025-07-01 after-merger", "2026-06-01 election"},
			merged:  2, rearranged: 4, released: 4, head: "P003", termEnd: "2025-01-01"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := mergerScenario(tt.m, tt.provisional)
			if tt.dropHead != "" {
				for i := range s.People {
					if s.People[i].ID == tt.dropHead {
						s.People = append(s.People[:i], s.People[i+1:]...)
						break
					}
				}
			}
			rec := &recorder{worlds: map[model.Date]*model.Scenario{}}
			r := mustRun(t, Config{Years: 2, Runs: 3, Assigner: rec}, s)
			var got []string
			merged, rearranged := 0, 0
			for _, rp := range r.Replans {
				got = append(got, rp.Date.String()+" "+string(rp.Reason))
				merged += rp.Merged
				rearranged += rp.Rearranged
				if rp.Rearranged > 0 && tt.provisional && rp.Regime != model.RegimeVillage {
					t.Errorf("regime %v, want the village regime", rp.Regime)
				}
			}
			if strings.Join(got, ", ") != strings.Join(tt.replans, ", ") {
				t.Errorf("re-plans %q, want %q", got, tt.replans)
			}
			if merged != tt.merged || rearranged != tt.rearranged {
				t.Errorf("merged %d, rearranged %d; want %d, %d", merged, rearranged, tt.merged, tt.rearranged)
			}
			for run, ys := range r.Samples(ExitsReleased) {
				if int64(ys[0]) != tt.released {
					t.Errorf("run %d: %v released in year 1, want %d", run, ys[0], tt.released)
				}
				if sev := r.Samples(Severance)[run][0]; (sev > 0) != (tt.released > 0) {
					t.Errorf("run %d: severance %v for %d released", run, sev, tt.released)
				}
			}
			if tt.head == "" {
				return
			}
			after := rec.worlds[model.MustDate(tt.replans[len(tt.replans)-2][:10])]
			if after == nil {
				t.Fatal("the Assigner was not asked after the provisional period")
			}
			h, ok := holding(after, tt.head, "truong-thon")
			if !ok || h.Unit != "V01" || h.TermEnd != at(tt.termEnd) {
				t.Errorf("%s holds %+v (%v) after the provisional period, want truong-thon in V01 ending %s", tt.head, h, ok, tt.termEnd)
			}
			for _, u := range after.Units {
				if u.Code == "V02" {
					t.Error("V02 is still a unit after it merged")
				}
				if u.Code == "V01" && u.Households != 410 {
					t.Errorf("V01 has %d households, want 200 + 210", u.Households)
				}
			}
		})
	}
}

func TestMergerPlanners(t *testing.T) {
	at := model.MustDate
	re := model.Merger{Date: at("2025-07-01"), Rearrange: &model.MergerRearrange{MaxMerge: 3, Adjacency: true}, Source: "test"}
	var asked []model.Date
	planner := MergePlannerFunc(func(_ context.Context, m model.Merger, s *model.Scenario) (map[string]string, error) {
		asked = append(asked, s.Date)
		if m.Rearrange == nil || len(s.Units) != 7 || len(s.People) != 0 {
			t.Errorf("planner asked with %+v on %d units, %d people", m, len(s.Units), len(s.People))
		}
		return map[string]string{"V01": "V02"}, nil
	})
	bad := func(into map[string]string) MergePlanner {
		return MergePlannerFunc(func(context.Context, model.Merger, *model.Scenario) (map[string]string, error) { return into, nil })
	}
	tests := []struct {
		name    string
		planner MergePlanner
		err     string
		merged  int
	}{
		{"no planner", nil, ErrNoMergePlanner.Error(), 0},
		{"the planner's plan", planner, "", 1},
		{"unknown village", bad(map[string]string{"V09": "V01"}), `the plan names village "V09"`, 0},
		{"into itself", bad(map[string]string{"V01": "V01"}), "into itself", 0},
		{"into a commune", bad(map[string]string{"V01": "C1"}), `"C1", which is not a village`, 0},
		{"chain", bad(map[string]string{"V01": "V02", "V02": "V03"}), "which itself merges", 0},
		{"across communes", bad(map[string]string{"V01": "W01"}), "of another commune", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := mergerScenario(re, true)
			s.Units = append(s.Units, model.Unit{Code: "C2", Level: model.Commune, Type: model.Xa, Class: model.ClassII, Population: 900, Households: 200},
				model.Unit{Code: "W01", Level: model.Village, Type: model.Thon, Parent: "C2", Population: 900, Households: 200})
			r, err := Config{Years: 1, Runs: 1, Mergers: tt.planner}.Run(context.Background(), s)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) || !strings.Contains(err.Error(), "merger on 2025-07-01") {
					t.Fatalf("error %v, want one on the merger's date containing %q", err, tt.err)
				}
				if tt.planner == nil && !errors.Is(err, ErrNoMergePlanner) {
					t.Errorf("error %v is not ErrNoMergePlanner", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			for _, rp := range r.Replans {
				n += rp.Merged
			}
			if n != tt.merged {
				t.Errorf("merged %d, want %d", n, tt.merged)
			}
		})
	}
	if len(asked) != 1 || asked[0] != at("2025-07-01") {
		t.Errorf("planner asked on %v, want once on the merger's date", asked)
	}
}

// TestMergerPartsAgree: a world with a provisional merger gives the same
// samples however it is split into parts and however many workers run.
func TestMergerPartsAgree(t *testing.T) {
	s := testScenario(12, 9)
	s.Titles[2].Organisation = model.OrgVillage
	s.Policy.VillageHead = model.Const(s.Date, model.VillageHeadRule{TermMonths: 60, ProvisionalMonths: 6}, "")
	s.Dynamics.Mergers = []model.Merger{{Date: s.Date, BelowHouseholds: 235, Source: "test"}}
	run := func(target, workers int) *Result {
		return mustRun(t, Config{Years: 4, Runs: 30, Seed: 3, Workers: workers, Assigner: combineAssigner, hooks: hooks{partPeople: target}}, s)
	}
	whole := run(1<<30, 1)
	if whole.Replans[0].Merged != 4 || whole.Replans[0].Rearranged == 0 {
		t.Fatalf("start re-plan %+v: want 4 villages merged and people released", whole.Replans[0])
	}
	for _, tc := range []struct{ target, workers int }{{1, 1}, {1, 3}, {20, 2}} {
		if got := run(tc.target, tc.workers); !reflect.DeepEqual(got.samples, whole.samples) {
			t.Errorf("parts of %d, %d workers: samples differ from the whole world's", tc.target, tc.workers)
		}
	}
}

// TestMergerWithoutPlan: a merger whose mapping was not read, or that
// gives no plan at all, is an error, not a merger of nothing.
func TestMergerWithoutPlan(t *testing.T) {
	for _, m := range []model.Merger{
		{Date: model.MustDate("2025-07-01"), Mapping: "m.csv", Source: "test"},
		{Date: model.MustDate("2025-07-01"), Source: "test"},
	} {
		_, err := Config{Years: 1, Runs: 1}.Run(context.Background(), mergerScenario(m, false))
		if err == nil || !strings.Contains(err.Error(), "merger on 2025-07-01") {
			t.Errorf("%+v: error %v, want one on the merger", m, err)
		}
	}
}

// TestProvisionalThroughElection: an election during the provisional
// period leaves the merged commune as it is; the re-plan after the period
// re-plans it.
func TestProvisionalThroughElection(t *testing.T) {
	m := model.Merger{Date: model.MustDate("2025-07-01"), Into: map[string]string{"V02": "V01"}, Source: "test"}
	s := mergerScenario(m, true)
	s.Policy.VillageHead = model.Const(s.Date, model.VillageHeadRule{TermMonths: 60, ProvisionalMonths: 14}, "")
	rec := &recorder{worlds: map[model.Date]*model.Scenario{}}
	r := mustRun(t, Config{Years: 2, Runs: 1, Assigner: rec}, s)
	var got []string
	for _, rp := range r.Replans {
		got = append(got, fmt.Sprintf("%s %s provisional %d", rp.Date, rp.Reason, rp.Provisional))
	}
	want := []string{"2025-01-01 start provisional 0", "2025-07-01 merger provisional 1", "2026-06-01 election provisional 1", "2026-09-01 after-merger provisional 0"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("re-plans %q, want %q", got, want)
	}
}

// editor is an Assigner that keeps everyone's titles except on date at,
// when it drops the assignments of the people in drop, or every
// assignment when dropAll is set (the test world is one commune).
type editor struct {
	recorder
	at      model.Date
	drop    []string
	dropAll bool
}

func (e *editor) Assign(ctx context.Context, s *model.Scenario) (model.Plan, error) {
	plan, _ := e.recorder.Assign(ctx, s)
	if s.Date != e.at {
		return plan, nil
	}
	if e.dropAll {
		plan.Assignments = nil
	}
	plan.Assignments = slices.DeleteFunc(plan.Assignments, func(a model.Assignment) bool { return slices.Contains(e.drop, a.Person) })
	return plan, nil
}

// holdersAfter plays w's re-plans up to and including epoch e and returns,
// for each person of the roster, the titles they hold ("title@unit").
func holdersAfter(w *world, e int) map[string][]string {
	cur := slices.Clone(w.initial)
	cur = append(cur, make([][]seatRef, len(w.people)-len(cur))...)
	for _, ep := range w.epochs[:e+1] {
		for ci, d := range ep.change {
			cur[d] = ep.bundles[ci]
		}
	}
	out := map[string][]string{}
	for d, refs := range cur {
		for _, r := range refs {
			sl := w.seatSlot[r>>1]
			out[w.people[d].id] = append(out[w.people[d].id], w.titles[w.slotTitle[sl]].ID+"@"+w.units[w.slotUnit[sl]].Code)
		}
	}
	return out
}

// TestMergerPlanPicks: on a merger's re-plan the Assigner's plan picks the
// merged villages' holders among everyone of them, and whoever it does
// not keep is released under the rearrangement regime; with no plan for
// the merged commune the keeper's holders stay, its head provisional.
// V02 merges into V01 on 2025-07-01; V01's head is P003 and police P004,
// V02's head P005 and police P006.
func TestMergerPlanPicks(t *testing.T) {
	at := model.MustDate
	date := at("2025-07-01")
	tests := []struct {
		name     string
		assigner func() Assigner
		planOnce bool
		dropHead string // a person taken off the roster first
		// head and police of the merged V01 after the merger's re-plan,
		// and who of the four village holders holds nothing.
		head, police string
		released     []string
	}{
		{name: "a plan that keeps everyone: the keeper's holders keep the seats",
			assigner: func() Assigner { return &recorder{worlds: map[model.Date]*model.Scenario{}} },
			head:     "P003", police: "P004", released: []string{"P005", "P006"}},
		{name: "the plan keeps the absorbed village's holders and releases the keeper's",
			assigner: func() Assigner {
				return &editor{recorder{worlds: map[model.Date]*model.Scenario{}}, date, []string{"P003", "P004"}, false}
			},
			head: "P005", police: "P006", released: []string{"P003", "P004"}},
		{name: "the plan keeps the absorbed head and the keeper's police",
			assigner: func() Assigner {
				return &editor{recorder{worlds: map[model.Date]*model.Scenario{}}, date, []string{"P003", "P006"}, false}
			},
			head: "P005", police: "P004", released: []string{"P003", "P006"}},
		{name: "no Assigner: the keeper's holders stay",
			assigner: func() Assigner { return nil },
			head:     "P003", police: "P004", released: []string{"P005", "P006"}},
		{name: "no Assigner, keeper without a head: the absorbed head is provisional",
			assigner: func() Assigner { return nil }, dropHead: "P003",
			head: "P005", police: "P004", released: []string{"P006"}},
		{name: "plan once: the keeper's holders stay",
			assigner: func() Assigner {
				return &editor{recorder{worlds: map[model.Date]*model.Scenario{}}, date, []string{"P003", "P004"}, false}
			},
			planOnce: true, head: "P003", police: "P004", released: []string{"P005", "P006"}},
		{name: "the plan leaves the commune out: the keeper's holders stay",
			assigner: func() Assigner {
				return &editor{recorder{worlds: map[model.Date]*model.Scenario{}}, date, nil, true}
			},
			head: "P003", police: "P004", released: []string{"P005", "P006"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := mergerScenario(model.Merger{Date: date, Into: map[string]string{"V02": "V01"}, Source: "test"}, true)
			if tt.dropHead != "" {
				s.People = slices.DeleteFunc(s.People, func(p model.Person) bool { return p.ID == tt.dropHead })
			}
			cfg := Config{Years: 2, Runs: 2, Assigner: tt.assigner(), PlanOnce: tt.planOnce}
			w, err := buildWorld(context.Background(), s, cfg.withDefaults(s), func(Progress) {})
			if err != nil {
				t.Fatal(err)
			}
			e := slices.IndexFunc(w.replans, func(r Replan) bool { return r.Date == date })
			if e < 0 || w.replans[e].Reason != "merger" || w.replans[e].Provisional != 1 {
				t.Fatalf("re-plans %+v: want the merger's on %s, one commune provisional", w.replans, date)
			}
			hold := holdersAfter(w, e)
			if got := hold[tt.head]; !slices.Contains(got, "truong-thon@V01") {
				t.Errorf("%s holds %v, want the head of V01", tt.head, got)
			}
			if got := hold[tt.police]; !slices.Contains(got, "cong-an@V01") {
				t.Errorf("%s holds %v, want V01's police", tt.police, got)
			}
			var released []string
			for _, id := range []string{"P003", "P004", "P005", "P006"} {
				if id != tt.dropHead && len(hold[id]) == 0 {
					released = append(released, id)
				}
			}
			if !slices.Equal(released, tt.released) || w.replans[e].Rearranged != len(tt.released) {
				t.Errorf("released %v, %d rearranged; want %v", released, w.replans[e].Rearranged, tt.released)
			}
			if w.replans[e].Regime != model.RegimeVillage {
				t.Errorf("regime %v, want the village regime", w.replans[e].Regime)
			}
			// The simulation releases them in year 1, every run.
			r := mustRun(t, cfg, s)
			for run, ys := range r.Samples(ExitsReleased) {
				if int(ys[0]) != len(tt.released) {
					t.Errorf("run %d: %v released in year 1, want %d", run, ys[0], len(tt.released))
				}
			}
			// The head the plan gives is provisional: after the period the
			// Assigner sees the term ended on the merger date.
			rec, ok := cfg.Assigner.(interface {
				world(model.Date) *model.Scenario
			})
			if !ok || tt.planOnce {
				return
			}
			after := rec.world(at("2026-01-01"))
			if h, ok := holding(after, tt.head, "truong-thon"); !ok || h.Unit != "V01" || h.TermEnd != date {
				t.Errorf("%s holds %+v (%v) after the provisional period, want truong-thon in V01 ending %s", tt.head, h, ok, date)
			}
		})
	}
}

// TestMergerWorldOnKeeper: the world the Assigner plans on a merger's
// date has the absorbed village's holders on the keeper, terms ended.
func TestMergerWorldOnKeeper(t *testing.T) {
	date := model.MustDate("2025-07-01")
	s := mergerScenario(model.Merger{Date: date, Into: map[string]string{"V02": "V01"}, Source: "test"}, true)
	rec := &recorder{worlds: map[model.Date]*model.Scenario{}}
	mustRun(t, Config{Years: 1, Runs: 1, Assigner: rec}, s)
	w := rec.world(date)
	for _, c := range []struct{ id, title string }{{"P003", "truong-thon"}, {"P004", "cong-an"}, {"P005", "truong-thon"}, {"P006", "cong-an"}} {
		h, ok := holding(w, c.id, c.title)
		if !ok || h.Unit != "V01" || h.TermEnd != date || !h.Main {
			t.Errorf("%s holds %+v (%v) on the merger's date, want %s in V01 ending %s, main", c.id, h, ok, c.title, date)
		}
	}
	if h, _ := holding(w, "P005", "truong-thon"); h.Start.IsZero() {
		t.Errorf("P005's head holding %+v lost its start", h)
	}
}
