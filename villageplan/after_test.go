package villageplan

import (
	"maps"
	"slices"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/rearrange"
)

// worldFixture is a commune of four villages in a chain A–B–C–D, a holder
// in each, and a plan that merges B into A and D into C.
func worldFixture() (*model.Scenario, []Commune) {
	d := model.MustDate("2026-07-01")
	s := &model.Scenario{Date: d, Units: []model.Unit{
		{Code: "X", Level: model.Commune},
		{Code: "A", Level: model.Village, Parent: "X", Households: 300, Population: 1000, Neighbours: []string{"B"}},
		{Code: "B", Level: model.Village, Parent: "X", Households: 100, Population: 300, Flags: model.ParticularlyDifficult, Neighbours: []string{"A", "C"}},
		{Code: "C", Level: model.Village, Parent: "X", Households: 200, Population: 700, Neighbours: []string{"B", "D"}},
		{Code: "D", Level: model.Village, Parent: "X", Households: 250, Population: 900, Neighbours: []string{"C"}},
	}}
	for _, v := range []string{"A", "B", "C", "D"} {
		s.People = append(s.People, model.Person{ID: "p" + v, Residence: v,
			Holdings: []model.Holding{{Title: "truong-thon", Unit: v, TermEnd: model.MustDate("2029-01-01")}}})
	}
	c := &rearrange.Commune{Code: "X"}
	for _, u := range s.Units[1:] {
		c.Villages = append(c.Villages, rearrange.Village{Code: u.Code, Households: u.Households})
	}
	plan := &rearrange.Plan{Commune: "X", Groups: []rearrange.Group{{Members: []int{0, 1}}, {Members: []int{3, 2}}}}
	return s, []Commune{{Unit: &s.Units[0], Commune: c, Plan: plan}}
}

func TestAfter(t *testing.T) {
	s, cs := worldFixture()
	w, into := After(s, cs)
	if want := map[string]string{"B": "A", "C": "D"}; !maps.Equal(into, want) {
		t.Errorf("into = %v, want %v", into, want)
	}
	units := map[string]model.Unit{}
	for _, u := range w.Units {
		units[u.Code] = u
	}
	for _, tt := range []struct {
		code       string
		households int
		population int
		flags      model.Flags
		neighbours []string
		gone       bool
	}{
		{code: "A", households: 400, population: 1300, flags: model.ParticularlyDifficult, neighbours: []string{"D"}},
		{code: "D", households: 450, population: 1600, neighbours: []string{"A"}},
		{code: "B", gone: true},
		{code: "C", gone: true},
	} {
		u, ok := units[tt.code]
		if ok == tt.gone {
			t.Errorf("%s: present %v, want %v", tt.code, ok, !tt.gone)
			continue
		}
		if tt.gone {
			continue
		}
		if u.Households != tt.households || u.Population != tt.population || u.Flags != tt.flags || !slices.Equal(u.Neighbours, tt.neighbours) {
			t.Errorf("%s = %d hh, %d people, flags %v, neighbours %v; want %d, %d, %v, %v", tt.code, u.Households, u.Population, u.Flags, u.Neighbours,
				tt.households, tt.population, tt.flags, tt.neighbours)
		}
	}
	for _, p := range w.People {
		h := p.Holdings[0]
		if _, ok := units[h.Unit]; !ok || p.Residence != h.Unit {
			t.Errorf("%s holds %s, lives in %s: not moved to the keeper", p.ID, h.Unit, p.Residence)
		}
		if h.TermEnd != w.Date {
			t.Errorf("%s: term ends %v, want the plan date (the village is rearranged)", p.ID, h.TermEnd)
		}
	}
	if s.Units[1].Households != 300 || s.People[1].Holdings[0].Unit != "B" {
		t.Error("After changed the scenario it was given")
	}
}

// TestMergeNeighbourOrder checks that the keeper's neighbour list is the
// same on every call: the absorbed villages are taken in code order, not
// in the order of a map. A absorbs B, C and D, each with an outer
// neighbour of its own.
func TestMergeNeighbourOrder(t *testing.T) {
	s := &model.Scenario{Date: model.MustDate("2026-07-01"), Units: []model.Unit{{Code: "X", Level: model.Commune}}}
	for _, v := range []struct{ code, outer string }{{"A", "P"}, {"B", "Q"}, {"C", "R"}, {"D", "S"}} {
		s.Units = append(s.Units, model.Unit{Code: v.code, Level: model.Village, Parent: "X", Neighbours: []string{v.outer}})
	}
	into := map[string]string{"B": "A", "C": "A", "D": "A"}
	want := []string{"P", "Q", "R", "S"}
	for range 50 {
		w := Merge(s, into)
		if got := w.Units[1].Neighbours; !slices.Equal(got, want) {
			t.Fatalf("A's neighbours %v, want %v", got, want)
		}
	}
	if got := s.Units[1].Neighbours; !slices.Equal(got, []string{"P"}) {
		t.Errorf("Merge changed s: A's neighbours %v", got)
	}
}
