package villageplan_test

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/rearrange"
	"github.com/kiemnhiem/kiemnhiem/villageplan"
)

// TestFromMappingOptimal: a decided plan equal to the solver's gives the
// figures Plan gives, with no breach and no reason of its own.
func TestFromMappingOptimal(t *testing.T) {
	for _, tt := range []struct {
		name string
		s    func() *model.Scenario
		opt  villageplan.Options
	}{
		{"no neighbours", func() *model.Scenario { return commune(400, 90, 300, 60, 200) }, villageplan.DefaultOptions()},
		{"neighbours", func() *model.Scenario { return chained(commune(400, 90, 300, 60, 200)) }, villageplan.DefaultOptions()},
		{"one left below", func() *model.Scenario { return commune(40, 30) }, villageplan.DefaultOptions()},
		{"consolidation", func() *model.Scenario { return commune(400, 90, 300, 60, 200) }, villageplan.Options{MaxMerge: 3, Goal: rearrange.Consolidation}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			want, err := villageplan.Plan(t.Context(), tt.s(), tt.opt, model.English)
			if err != nil {
				t.Fatal(err)
			}
			got, err := villageplan.FromMapping(t.Context(), tt.s(), want.Into, tt.opt, model.English)
			if err != nil {
				t.Fatal(err)
			}
			if !got.Decided || len(got.Breaches) != 0 || len(got.Optimal) != 1 {
				t.Fatalf("decided %v, breaches %v, %d optimal plans; want decided, none, 1", got.Decided, got.Breaches, len(got.Optimal))
			}
			wp, gp := want.Communes[0].Plan, got.Communes[0].Plan
			if wp.Objective != gp.Objective || wp.Before != gp.Before || wp.After != gp.After || !slices.EqualFunc(wp.Groups, gp.Groups, sameGroup) {
				t.Errorf("decided plan %+v\nsolver's plan %+v", gp, wp)
			}
			if !slices.Equal(wp.Explanations, gp.Explanations) {
				t.Errorf("explanations %v, want %v", gp.Explanations, wp.Explanations)
			}
			if got.Optimal[0].Objective != wp.Objective {
				t.Errorf("optimum %+v, want %+v", got.Optimal[0].Objective, wp.Objective)
			}
			if w, g := *want.People, *got.People; !reflect.DeepEqual(w, g) {
				t.Errorf("people %+v\nwant %+v", g, w)
			}
		})
	}
}

func sameGroup(a, b rearrange.Group) bool {
	return slices.Equal(a.Members, b.Members) && a.Households == b.Households && a.Floor == b.Floor && a.Below == b.Below
}

// TestFromMapping checks the breaches and the villages below their floor
// of decided plans (commune 25001 of Phú Thọ, thôn floor 150).
func TestFromMapping(t *testing.T) {
	for _, tt := range []struct {
		name       string
		s          *model.Scenario
		into       map[string]string
		breaches   []string // substrings, one per breach, in order
		below      map[int]rearrange.Reason
		under      int
		merges     int
		moved      int
		optMerges  int
		optUnder   int
		wantInText string
	}{
		{
			name: "4 into one, not neighbours", s: chained(commune(400, 90, 80, 60, 200)),
			into: map[string]string{"25001-02": "25001-01", "25001-04": "25001-01", "25001-05": "25001-01"},
			breaches: []string{
				"merges 4 villages (Thôn 1 (25001-01), Thôn 2 (25001-02), Thôn 4 (25001-04), Thôn 5 (25001-05)) into Thôn 1, more than the 3 into one",
				"merges Thôn 1 (25001-01), Thôn 2 (25001-02), Thôn 4 (25001-04), Thôn 5 (25001-05) into Thôn 1, villages that are not neighbours",
			},
			below: map[int]rearrange.Reason{2: rearrange.ReasonDecided}, under: 1, merges: 3, moved: 90 + 60 + 200, optMerges: 2, optUnder: 0,
			wantInText: "the decided plan leaves it below its floor",
		},
		{
			name: "neighbours ignored", s: chained(commune(400, 90, 80, 60, 200)),
			into:  map[string]string{"25001-02": "25001-01", "25001-04": "25001-05", "25001-03": "25001-05"},
			below: map[int]rearrange.Reason{}, merges: 3, moved: 90 + 60 + 80, optMerges: 2,
		},
		{
			name: "merged, still below", s: commune(400, 50, 300, 60, 200),
			into:  map[string]string{"25001-04": "25001-02"},
			below: map[int]rearrange.Reason{1: rearrange.ReasonDecided, 3: rearrange.ReasonDecided}, under: 2, merges: 1, moved: 60, optMerges: 2,
			wantInText: "merges it into Thôn 2, a village of 110 households, still below its floor of 150",
		},
		{
			name: "nothing decided", s: commune(400, 90, 300),
			into:  map[string]string{},
			below: map[int]rearrange.Reason{1: rearrange.ReasonDecided}, under: 1, optMerges: 1,
		},
		{
			name: "below in the optimum too", s: commune(40, 30),
			into:  map[string]string{},
			below: map[int]rearrange.Reason{0: rearrange.ReasonTooFewInCommune, 1: rearrange.ReasonTooFewInCommune}, under: 2, optUnder: 2,
			wantInText: "have only 70 households together",
		},
		{
			name: "keeper smaller than the absorbed", s: commune(100, 300),
			into:  map[string]string{"25001-02": "25001-01"},
			below: map[int]rearrange.Reason{}, merges: 1, moved: 300, optMerges: 1,
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			opt := villageplan.DefaultOptions()
			if tt.name == "neighbours ignored" {
				opt.Adjacency = false
			}
			r, err := villageplan.FromMapping(t.Context(), tt.s, tt.into, opt, model.English)
			if err != nil {
				t.Fatal(err)
			}
			if len(r.Breaches) != len(tt.breaches) {
				t.Fatalf("breaches %v, want %d", r.Breaches, len(tt.breaches))
			}
			for i, b := range r.Breaches {
				if !strings.Contains(b.En, tt.breaches[i]) || !strings.Contains(b.Vi, "Xã Thanh Sơn") {
					t.Errorf("breach %d = %+v, want it to say %q", i, b, tt.breaches[i])
				}
			}
			c := r.Communes[0]
			got := map[int]rearrange.Reason{}
			text := ""
			for _, e := range c.Plan.Explanations {
				got[e.Village] = e.Reason
				text += e.Text.En
				if e.Text.Vi == "" {
					t.Errorf("explanation %v has no Vietnamese", e)
				}
			}
			if len(got) != len(tt.below) {
				t.Errorf("explained %v, want %v", got, tt.below)
			}
			for v, reason := range tt.below {
				if got[v] != reason {
					t.Errorf("village %d: reason %v, want %v", v, got[v], reason)
				}
			}
			if !strings.Contains(text, tt.wantInText) {
				t.Errorf("explanations %q, want %q in them", text, tt.wantInText)
			}
			o := c.Plan.Objective
			if o.Under != tt.under || o.Merges != tt.merges || o.Disruption != tt.moved || c.Plan.After != c.Plan.Before-tt.merges {
				t.Errorf("objective %+v, %d → %d villages; want under %d, merges %d, moved %d", o, c.Plan.Before, c.Plan.After, tt.under, tt.merges, tt.moved)
			}
			if opt := r.Optimal[0].Objective; opt.Merges != tt.optMerges || opt.Under != tt.optUnder {
				t.Errorf("optimum %+v, want %d merges, %d under", opt, tt.optMerges, tt.optUnder)
			}
			if len(r.Into) != tt.merges || len(r.After.Units) != len(tt.s.Units)-tt.merges {
				t.Errorf("%d absorbed, %d units after; want %d absorbed", len(r.Into), len(r.After.Units), tt.merges)
			}
			if p := r.People; p.Kept+p.Released != p.PeopleBefore || (tt.merges == 0) != (p.Released == 0) {
				t.Errorf("kept %d + released %d of %d people, %d merges", p.Kept, p.Released, p.PeopleBefore, tt.merges)
			}
		})
	}
}

// TestFromMappingRefuses: a mapping that names no village of the scenario
// or absorbs a keeper is an error, in the language asked for.
func TestFromMappingRefuses(t *testing.T) {
	noFloors := commune(400, 90)
	noFloors.Policy.VillageFloors = nil
	for _, tt := range []struct {
		name string
		s    *model.Scenario
		into map[string]string
		opt  villageplan.Options
		lang model.Lang
		want string
	}{
		{"unknown", commune(400, 90), map[string]string{"25001-02": "25001-09"}, villageplan.DefaultOptions(), model.English, "25001-09 is not a village of the scenario's data"},
		{"unknown, vi", commune(400, 90), map[string]string{"25001-07": "25001-01"}, villageplan.DefaultOptions(), model.Vietnamese, "25001-07 không phải là thôn"},
		{"chain", commune(400, 90, 60), map[string]string{"25001-03": "25001-02", "25001-02": "25001-01"}, villageplan.DefaultOptions(), model.English, "village 25001-03 merges into 25001-02, which itself merges into 25001-01"},
		{"no floors", noFloors, map[string]string{}, villageplan.DefaultOptions(), model.English, "has no village household floors"},
		{"K 0", commune(400, 90), map[string]string{}, villageplan.Options{}, model.English, "MaxMerge (the most villages into one) must be between 1 and 8"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r, err := villageplan.FromMapping(t.Context(), tt.s, tt.into, tt.opt, tt.lang)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("FromMapping = %v, %v; want an error with %q", r, err, tt.want)
			}
		})
	}
}
