package model_test

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
)

func TestNewIndexDuplicates(t *testing.T) {
	tests := []struct {
		name string
		s    model.Scenario
		want string
	}{
		{"title", model.Scenario{Titles: []model.Title{{ID: "truong-thon"}, {ID: "bi-thu"}, {ID: "truong-thon"}}}, `title "truong-thon"`},
		{"unit", model.Scenario{Units: []model.Unit{{Code: "00001"}, {Code: "00001"}}}, `unit code "00001"`},
		{"person", model.Scenario{People: []model.Person{{ID: "p1"}, {ID: "p2"}, {ID: "p2"}}}, `person ID "p2"`},
	}
	for _, tt := range tests {
		ix, err := model.NewIndex(&tt.s)
		if err == nil || ix != nil {
			t.Errorf("%s: NewIndex = %v, %v; want an error", tt.name, ix, err)
			continue
		}
		if !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %q does not contain %q", tt.name, err, tt.want)
		}
	}
	// The same ID in different kinds is fine.
	s := model.Scenario{Titles: []model.Title{{ID: "x"}}, Units: []model.Unit{{Code: "x"}}, People: []model.Person{{ID: "x"}}}
	if _, err := model.NewIndex(&s); err != nil {
		t.Errorf("shared ID across kinds: %v", err)
	}
	if _, err := model.NewIndex(&model.Scenario{}); err != nil {
		t.Errorf("empty scenario: %v", err)
	}
}

func TestIndexLookups(t *testing.T) {
	s := geography()
	s.Titles = []model.Title{{ID: "truong-thon", Level: model.Village}}
	s.People = []model.Person{{ID: "p1", Name: "Nguyễn Văn A"}}
	ix := mustIndex(t, s)

	if u, ok := ix.Unit("00004"); !ok || u.Name != "Trúc Bạch" {
		t.Errorf("Unit(00004) = %v, %v", u, ok)
	}
	if ti, ok := ix.Title("truong-thon"); !ok || ti.Level != model.Village {
		t.Errorf("Title = %v, %v", ti, ok)
	}
	if p, ok := ix.Person("p1"); !ok || p.Name != "Nguyễn Văn A" {
		t.Errorf("Person = %v, %v", p, ok)
	}
	if u, ok := ix.Unit("nope"); ok || u != nil {
		t.Errorf("Unit(nope) = %v, %v", u, ok)
	}
	if ti, ok := ix.Title("nope"); ok || ti != nil {
		t.Errorf("Title(nope) = %v, %v", ti, ok)
	}
	if p, ok := ix.Person("nope"); ok || p != nil {
		t.Errorf("Person(nope) = %v, %v", p, ok)
	}
	// Lookups point into the scenario.
	u, _ := ix.Unit("00004")
	u.Population = 1
	if s.Units[3].Population != 1 {
		t.Error("Unit returned a copy")
	}
}

func TestIndexChildren(t *testing.T) {
	ix := mustIndex(t, geography())
	codes := func(us []*model.Unit) []string {
		var out []string
		for _, u := range us {
			out = append(out, u.Code)
		}
		return out
	}
	tests := []struct {
		code string
		want []string
	}{
		{"01", []string{"001"}},
		{"001", []string{"00001", "00004"}},
		{"00001", []string{"00001-1", "00001-2"}},
		{"00004", []string{"00004-1"}},
		{"00001-1", nil},
		{"nope", nil},
		{"", nil}, // units with no parent are not children of ""
	}
	for _, tt := range tests {
		got := ix.Children(tt.code)
		if !slices.Equal(codes(got), tt.want) {
			t.Errorf("Children(%q) = %v, want %v", tt.code, codes(got), tt.want)
		}
	}
}

func TestIndexCommuneOf(t *testing.T) {
	s := geography()
	// A broken hierarchy: two units that are each other's parent, and a
	// village whose parent is missing.
	s.Units = append(s.Units,
		model.Unit{Code: "loop-a", Level: model.Village, Parent: "loop-b"},
		model.Unit{Code: "loop-b", Level: model.Village, Parent: "loop-a"},
		model.Unit{Code: "orphan", Level: model.Village, Parent: "missing"},
	)
	ix := mustIndex(t, s)
	tests := []struct {
		code string
		want string // "" for not found
	}{
		{"00001-1", "00001"},
		{"00001-2", "00001"},
		{"00004-1", "00004"},
		{"00001", "00001"}, // a commune is its own commune
		{"001", ""},        // above the commune level
		{"01", ""},
		{"nope", ""},
		{"", ""},
		{"loop-a", ""},
		{"orphan", ""},
	}
	for _, tt := range tests {
		u, ok := ix.CommuneOf(tt.code)
		got := ""
		if ok {
			got = u.Code
		}
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("CommuneOf(%q) = %q, %v; want %q", tt.code, got, ok, tt.want)
		}
	}
	inTests := []struct {
		residence, commune string
		want               bool
	}{
		{"00001-1", "00001", true},
		{"00001", "00001", true},
		{"00004-1", "00001", false},
		{"00001-1", "00004", false},
		{"", "00001", false},
		{"001", "00001", false},
		{"00001-1", "00001-1", false}, // a village is not a commune
	}
	for _, tt := range inTests {
		if got := ix.InCommune(tt.residence, tt.commune); got != tt.want {
			t.Errorf("InCommune(%q, %q) = %v, want %v", tt.residence, tt.commune, got, tt.want)
		}
	}
}

func TestIndexHomeCommune(t *testing.T) {
	ix := mustIndex(t, geography())
	tests := []struct {
		name string
		p    model.Person
		want string
	}{
		{"main holding first", model.Person{Residence: "00004-1", Holdings: []model.Holding{{Unit: "00001-1", Main: true}}}, "00001"},
		{"the first holding when none is main", model.Person{Residence: "00004-1", Holdings: []model.Holding{{Unit: "00001-1"}}}, "00001"},
		{"residence without a holding", model.Person{Residence: "00004-1"}, "00004"},
		{"main holding outside communes", model.Person{Residence: "00004-1", Holdings: []model.Holding{{Unit: "001", Main: true}}}, "00004"},
		{"nowhere", model.Person{Residence: "nope"}, ""},
	}
	for _, tt := range tests {
		if got := ix.HomeCommune(&tt.p); got != tt.want {
			t.Errorf("%s: HomeCommune = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestScenarioCount(t *testing.T) {
	s := geography()
	for l, want := range map[model.Level]int{model.Province: 1, model.District: 1, model.Commune: 2, model.Village: 3, model.LevelUnknown: 0} {
		if got := s.Count(l); got != want {
			t.Errorf("Count(%s) = %d, want %d", l, got, want)
		}
	}
}

func TestScenarioSlots(t *testing.T) {
	s := geography()
	s.Titles = []model.Title{
		{ID: "truong-thon", Level: model.Village, Holders: model.HoldersRule{Base: 1}},
		{ID: "cong-an-vien", Level: model.Village, Holders: model.HoldersRule{Base: 1, PerPopulation: 1, Above: 500, Max: 2}},
		{ID: "van-phong", Level: model.Commune, Holders: model.HoldersRule{Base: 1}},
		{ID: "bao-ve-dan-pho", Level: model.Commune, UnitTypes: []model.UnitType{model.Phuong}, Holders: model.HoldersRule{Base: 2}},
		{ID: "thu-y", Level: model.Commune, UnitTypes: []model.UnitType{model.Xa}, Holders: model.HoldersRule{Base: 1}},
		{ID: "unfilled", Level: model.Village}, // needs nobody
	}
	// Village populations for the police helper: 0 → 1 holder, 600 → 2 (capped).
	s.Units[5].Population = 600
	want := []model.Slot{
		{Unit: "00001", Title: "van-phong", Holders: 1},
		{Unit: "00001", Title: "bao-ve-dan-pho", Holders: 2},
		{Unit: "00004", Title: "van-phong", Holders: 1},
		{Unit: "00004", Title: "bao-ve-dan-pho", Holders: 2},
		{Unit: "00001-1", Title: "truong-thon", Holders: 1},
		{Unit: "00001-1", Title: "cong-an-vien", Holders: 1},
		{Unit: "00001-2", Title: "truong-thon", Holders: 1},
		{Unit: "00001-2", Title: "cong-an-vien", Holders: 2},
		{Unit: "00004-1", Title: "truong-thon", Holders: 1},
		{Unit: "00004-1", Title: "cong-an-vien", Holders: 1},
	}
	if got := s.Slots(); !reflect.DeepEqual(got, want) {
		t.Errorf("Slots() =\n%v\nwant\n%v", got, want)
	}
	if got := (&model.Scenario{Units: s.Units}).Slots(); got != nil {
		t.Errorf("no titles: Slots() = %v", got)
	}
}

func TestPlanHeadcount(t *testing.T) {
	tests := []struct {
		name string
		as   []model.Assignment
		want int
	}{
		{"empty", nil, 0},
		{"one", []model.Assignment{{Person: "a", Title: "t", Unit: "u"}}, 1},
		{"one person, three titles", []model.Assignment{{Person: "a", Title: "t1"}, {Person: "a", Title: "t2"}, {Person: "a", Title: "t3", Unit: "v"}}, 1},
		{"three people", []model.Assignment{{Person: "a", Title: "t1"}, {Person: "b", Title: "t1"}, {Person: "a", Title: "t2"}, {Person: "c", Title: "t3"}}, 3},
	}
	for _, tt := range tests {
		p := model.Plan{Assignments: tt.as}
		if got := p.Headcount(); got != tt.want {
			t.Errorf("%s: Headcount = %d, want %d", tt.name, got, tt.want)
		}
	}
}

func TestPlanSort(t *testing.T) {
	want := []model.Assignment{
		{Unit: "u1", Title: "a", Person: "p1", Main: true},
		{Unit: "u1", Title: "a", Person: "p2"},
		{Unit: "u1", Title: "b", Person: "p1"},
		{Unit: "u2", Title: "a", Person: "p0"},
		{Unit: "u2", Title: "a", Person: "p3", Main: true}, // a main and a concurrent
		{Unit: "u2", Title: "a", Person: "p3"},             // copy of one triple: main first
	}
	// Every rotation and the reversal sort to the same order.
	for r := range len(want) {
		in := append(slices.Clone(want[r:]), want[:r]...)
		for _, order := range [][]model.Assignment{in, reversed(in)} {
			p := model.Plan{Assignments: slices.Clone(order)}
			p.Sort()
			if !reflect.DeepEqual(p.Assignments, want) {
				t.Fatalf("Sort(%v) = %v", order, p.Assignments)
			}
		}
	}
	var empty model.Plan
	empty.Sort() // no panic
}

func reversed[T any](s []T) []T {
	out := slices.Clone(s)
	slices.Reverse(out)
	return out
}

func TestCurrentPlan(t *testing.T) {
	s := geography()
	s.People = []model.Person{
		{ID: "p2", Holdings: []model.Holding{
			{Title: "truong-thon", Unit: "00001-2", Main: true},
			{Title: "bi-thu", Unit: "00001-2"},
		}},
		{ID: "p1", Holdings: []model.Holding{{Title: "truong-thon", Unit: "00001-1", Main: true}}},
		{ID: "p3"}, // holds nothing
	}
	p := s.CurrentPlan()
	want := model.Plan{Date: s.Date, Assignments: []model.Assignment{
		{Person: "p1", Title: "truong-thon", Unit: "00001-1", Main: true},
		{Person: "p2", Title: "bi-thu", Unit: "00001-2"},
		{Person: "p2", Title: "truong-thon", Unit: "00001-2", Main: true},
	}}
	if !reflect.DeepEqual(p, want) {
		t.Errorf("CurrentPlan() = %+v\nwant %+v", p, want)
	}
	if p.Headcount() != 2 {
		t.Errorf("Headcount = %d, want 2", p.Headcount())
	}
	if got := (&model.Scenario{Date: s.Date}).CurrentPlan(); got.Date != s.Date || len(got.Assignments) != 0 {
		t.Errorf("empty CurrentPlan = %+v", got)
	}
}

func TestPersonMainHolding(t *testing.T) {
	a := model.Holding{Title: "a", Unit: "u"}
	b := model.Holding{Title: "b", Unit: "u", Main: true}
	c := model.Holding{Title: "c", Unit: "u"}
	tests := []struct {
		name     string
		holdings []model.Holding
		want     model.Holding
		ok       bool
	}{
		{"none", nil, model.Holding{}, false},
		{"marked main", []model.Holding{a, b, c}, b, true},
		{"no main: the first", []model.Holding{c, a}, c, true},
	}
	for _, tt := range tests {
		p := model.Person{Holdings: tt.holdings}
		got, ok := p.MainHolding()
		if got != tt.want || ok != tt.ok {
			t.Errorf("%s: MainHolding = %+v, %v", tt.name, got, ok)
		}
	}
}

// TestCloneIsIndependent changes every slice of a clone and checks the
// original is untouched.
func TestCloneIsIndependent(t *testing.T) {
	s := &model.Scenario{Name: "a",
		Titles: []model.Title{{ID: "t"}}, Units: []model.Unit{{Code: "u"}},
		People: []model.Person{{ID: "p", Holdings: []model.Holding{{Title: "t", Unit: "u"}}}}}
	c := s.Clone()
	c.Name, c.Titles[0].ID, c.Units[0].Code = "b", "t2", "u2"
	c.People[0].ID, c.People[0].Holdings[0].Unit = "p2", "u2"
	if s.Name != "a" || s.Titles[0].ID != "t" || s.Units[0].Code != "u" || s.People[0].ID != "p" || s.People[0].Holdings[0].Unit != "u" {
		t.Errorf("changing the clone changed the original: %+v", s)
	}
}
