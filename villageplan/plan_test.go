package villageplan_test

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/rearrange"
	"github.com/kiemnhiem/kiemnhiem/villageplan"
)

func TestPlanRefuses(t *testing.T) {
	noFloors := commune(400, 90)
	noFloors.Policy.VillageFloors = nil
	for _, tt := range []struct {
		name string
		s    *model.Scenario
		opt  villageplan.Options
		lang model.Lang
		want string
	}{
		{"K 0", commune(400, 90), villageplan.Options{}, model.English, "MaxMerge (the most villages into one) must be between 1 and 8, got 0"},
		{"K 9, vi", commune(400, 90), villageplan.Options{MaxMerge: 9}, model.Vietnamese, "phải từ 1 đến 8, đang là 9"},
		{"goal", commune(400, 90), villageplan.Options{MaxMerge: 2, Goal: 7}, model.English, "unknown Goal 7"},
		{"window", commune(400, 90), villageplan.Options{MaxMerge: 2, WindowYears: -1}, model.English, "WindowYears must be between 0 and 100, got -1"},
		{"discount 1", commune(400, 90), villageplan.Options{MaxMerge: 2, DiscountRate: 1}, model.English, "DiscountRate must be at least 0 and below 1, got 1"},
		{"discount −0.1, vi", commune(400, 90), villageplan.Options{MaxMerge: 2, DiscountRate: -0.1}, model.Vietnamese, "phải từ 0 đến dưới 1, đang là -0.1"},
		{"no floors", noFloors, villageplan.DefaultOptions(), model.English, "has no village household floors (policy.village_floors, NĐ 185/2026 Art. 10) on 2026-07-01"},
		{"no floors, vi", noFloors, villageplan.DefaultOptions(), model.Vietnamese, "hãy dùng một phương án dựa trên nd185-2026"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r, err := villageplan.Plan(t.Context(), tt.s, tt.opt, tt.lang)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Plan = %v, %v; want an error with %q", r, err, tt.want)
			}
		})
	}
}

func TestPlanCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := villageplan.Plan(ctx, commune(400, 90, 60), villageplan.DefaultOptions(), model.English)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Plan on a cancelled context = %v, want context.Canceled", err)
	}
}

// TestPlan checks what a Result promises on communes with and without
// neighbour lists, under both goals and merge limits.
func TestPlan(t *testing.T) {
	for _, tt := range []struct {
		name      string
		s         *model.Scenario
		opt       villageplan.Options
		adjacency bool // the commune was solved with neighbours only
		after     int
	}{
		{"no neighbours", commune(400, 90, 300, 60, 200), villageplan.DefaultOptions(), false, 4},
		{"neighbours, ignored", chained(commune(400, 90, 300, 60, 200)), villageplan.Options{MaxMerge: 3}, false, 4},
		// 90 and 60 are not neighbours: each joins one that is.
		{"neighbours", chained(commune(400, 90, 300, 60, 200)), villageplan.DefaultOptions(), true, 3},
		{"K 1", commune(400, 90, 300, 60, 200), villageplan.Options{MaxMerge: 1}, false, 5},
		{"consolidation", commune(400, 90, 300, 60, 200), villageplan.Options{MaxMerge: 3, Goal: rearrange.Consolidation, WindowYears: 10}, false, 2},
		{"nothing to merge", commune(400, 300, 200), villageplan.DefaultOptions(), false, 3},
		{"discounted", commune(400, 90, 300, 60, 200), villageplan.Options{MaxMerge: 3, DiscountRate: 0.04}, false, 4},
	} {
		t.Run(tt.name, func(t *testing.T) {
			units := len(tt.s.Units)
			r, err := villageplan.Plan(t.Context(), tt.s, tt.opt, model.English)
			if err != nil {
				t.Fatal(err)
			}
			if len(r.Communes) != 1 || r.Communes[0].Options.Adjacency != tt.adjacency {
				t.Fatalf("communes %+v, want one solved with adjacency %v", r.Communes, tt.adjacency)
			}
			c := r.Communes[0]
			if c.Plan.After != tt.after || len(r.Into) != c.Plan.Before-c.Plan.After || len(c.Floors) != len(c.Commune.Villages) {
				t.Errorf("villages %d -> %d, %d absorbed, %d floors; want %d after", c.Plan.Before, c.Plan.After, len(r.Into), len(c.Floors), tt.after)
			}
			if len(tt.s.Units) != units || len(r.After.Units) != units-len(r.Into) {
				t.Errorf("units %d before, %d after Plan, %d in the world after; want %d, %d", units, len(tt.s.Units), len(r.After.Units), units, units-len(r.Into))
			}
			p := r.People
			window := tt.opt.WindowYears
			if window == 0 {
				window = villageplan.DefaultWindowYears
			}
			if p.WindowYears != window || p.NetSavings != int64(window)*p.SavingPerYear-p.Severance || p.SavingPerYear != p.AllowancesBefore-p.AllowancesAfter {
				t.Errorf("money does not add up: %+v", p)
			}
			// Discounting shrinks every year's saving after the first,
			// never the severance.
			switch d := p.NetSavingsDiscounted - p.NetSavings; {
			case p.DiscountRate != tt.opt.DiscountRate,
				tt.opt.DiscountRate == 0 && d != 0,
				tt.opt.DiscountRate > 0 && p.SavingPerYear > 0 && (d >= 0 || d < -int64(window-1)*p.SavingPerYear):
				t.Errorf("discounted at %v: %d, undiscounted %d", p.DiscountRate, p.NetSavingsDiscounted, p.NetSavings)
			}
			if p.Kept+p.Released != p.PeopleBefore || (len(r.Into) == 0) != (p.Released == 0) {
				t.Errorf("kept %d + released %d of %d people, %d merges", p.Kept, p.Released, p.PeopleBefore, len(r.Into))
			}
		})
	}
}

// TestPlanWorkers: the communes come back in the order of the units, with
// the same plans, whatever the number of workers.
func TestPlanWorkers(t *testing.T) {
	build := func() *model.Scenario {
		s := commune(400, 90, 300, 60, 200)
		for c, hh := range [][]int{{120, 80, 500}, {700}, {30, 40, 50, 60, 70, 80}} {
			code := fmt.Sprintf("2500%d", c+2)
			s.Units = append(s.Units, model.Unit{Code: code, Name: "Xã " + code, Level: model.Commune, Type: model.Xa, Parent: "25"})
			for i, h := range hh {
				s.Units = append(s.Units, model.Unit{Code: fmt.Sprintf("%s-%02d", code, i+1), Level: model.Village, Type: model.Thon, Parent: code, Households: h})
			}
		}
		return s
	}
	var got [][]string
	for _, procs := range []int{1, 4} {
		old := runtime.GOMAXPROCS(procs)
		cs, err := villageplan.Communes(t.Context(), build(), villageplan.DefaultOptions())
		runtime.GOMAXPROCS(old)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, c := range cs {
			out = append(out, fmt.Sprintf("%s %v", c.Unit.Code, c.Plan.Groups))
		}
		got = append(got, out)
	}
	if want := []string{"25001", "25002", "25003", "25004"}; len(got[0]) != len(want) {
		t.Fatalf("communes %v, want %v", got[0], want)
	}
	if !slices.Equal(got[0], got[1]) {
		t.Errorf("1 worker: %v\n4 workers: %v", got[0], got[1])
	}
	for i, code := range []string{"25001", "25002", "25003", "25004"} {
		if !strings.HasPrefix(got[1][i], code+" ") {
			t.Errorf("commune %d is %s, want %s", i, got[1][i], code)
		}
	}
}
