package model

import (
	"fmt"
	"slices"
	"sort"
)

// Scenario is a fully resolved planning problem: a policy, the titles it
// defines, the units they exist in and the people who may hold them, on a
// plan date.
type Scenario struct {
	Name        string
	Description string
	Date        Date // the plan date: eligibility, terms and policy values are read on it
	Policy      Policy
	Dynamics    Dynamics // what the simulator plays out; unused by the optimiser
	Calendar    Calendar // the organisations' congress rounds; already applied to Titles
	Titles      []Title
	Units       []Unit
	People      []Person

	// DescriptionVi is Description in Vietnamese (DescriptionIn picks);
	// Display is the short name readers see in both languages, empty for
	// the Name (see DisplayName).
	DescriptionVi string
	Display       Text
}

// Clone returns a copy of s whose titles, units, people and holdings can be
// changed without touching s; the dated policy and dynamics series are
// shared.
func (s *Scenario) Clone() *Scenario {
	c := *s
	c.Titles = slices.Clone(s.Titles)
	c.Units = slices.Clone(s.Units)
	c.People = slices.Clone(s.People)
	for i := range c.People {
		c.People[i].Holdings = slices.Clone(c.People[i].Holdings)
	}
	return &c
}

// Index gives fast lookups into a scenario's titles, units and people. It
// is built once and must be rebuilt if the scenario's slices change.
type Index struct {
	s        *Scenario
	title    map[string]int
	unit     map[string]int
	person   map[string]int
	children map[string][]int
}

// NewIndex indexes s. Duplicate IDs or codes are reported as errors.
func NewIndex(s *Scenario) (*Index, error) {
	ix := &Index{
		s:        s,
		title:    make(map[string]int, len(s.Titles)),
		unit:     make(map[string]int, len(s.Units)),
		person:   make(map[string]int, len(s.People)),
		children: make(map[string][]int),
	}
	for i, t := range s.Titles {
		if _, dup := ix.title[t.ID]; dup {
			return nil, fmt.Errorf("model: title %q defined twice", t.ID)
		}
		ix.title[t.ID] = i
	}
	for i, u := range s.Units {
		if _, dup := ix.unit[u.Code]; dup {
			return nil, fmt.Errorf("model: unit code %q used twice", u.Code)
		}
		ix.unit[u.Code] = i
		if u.Parent != "" {
			ix.children[u.Parent] = append(ix.children[u.Parent], i)
		}
	}
	for i, p := range s.People {
		if _, dup := ix.person[p.ID]; dup {
			return nil, fmt.Errorf("model: person ID %q used twice", p.ID)
		}
		ix.person[p.ID] = i
	}
	return ix, nil
}

// Title returns the title with the given ID.
func (ix *Index) Title(id string) (*Title, bool) {
	i, ok := ix.title[id]
	if !ok {
		return nil, false
	}
	return &ix.s.Titles[i], true
}

// Unit returns the unit with the given code.
func (ix *Index) Unit(code string) (*Unit, bool) {
	i, ok := ix.unit[code]
	if !ok {
		return nil, false
	}
	return &ix.s.Units[i], true
}

// Person returns the person with the given ID.
func (ix *Index) Person(id string) (*Person, bool) {
	i, ok := ix.person[id]
	if !ok {
		return nil, false
	}
	return &ix.s.People[i], true
}

// Children returns the units whose parent is code, in scenario order.
func (ix *Index) Children(code string) []*Unit {
	idx := ix.children[code]
	out := make([]*Unit, len(idx))
	for k, i := range idx {
		out[k] = &ix.s.Units[i]
	}
	return out
}

// CommuneOf returns the commune that contains unit code (the unit itself
// when it is a commune).
func (ix *Index) CommuneOf(code string) (*Unit, bool) {
	for range 8 { // the hierarchy is at most four deep; the bound guards cycles
		u, ok := ix.Unit(code)
		if !ok {
			return nil, false
		}
		if u.Level == Commune {
			return u, true
		}
		code = u.Parent
	}
	return nil, false
}

// HomeCommune is the code of the commune whose pool p belongs to: that of
// the main holding, or else of the residence; "" for none. The optimiser
// splits pools by it and the people file marks the unplanned by it.
func (ix *Index) HomeCommune(p *Person) string {
	if h, ok := p.MainHolding(); ok {
		if c, ok := ix.CommuneOf(h.Unit); ok {
			return c.Code
		}
	}
	if c, ok := ix.CommuneOf(p.Residence); ok {
		return c.Code
	}
	return ""
}

// InCommune reports whether residence is commune or lies within it; it has
// the signature [Requirements.Unmet] expects.
func (ix *Index) InCommune(residence, commune string) bool {
	c, ok := ix.CommuneOf(residence)
	return ok && c.Code == commune
}

// Count returns the number of units at each level.
func (s *Scenario) Count(l Level) int {
	n := 0
	for i := range s.Units {
		if s.Units[i].Level == l {
			n++
		}
	}
	return n
}

// Slot is one (unit, title) pair that needs Holders people.
type Slot struct {
	Unit    string
	Title   string
	Holders int
}

// Slots lists every title of every unit with the number of holders it needs
// on the scenario's date, in unit order then title order.
func (s *Scenario) Slots() []Slot {
	var out []Slot
	for i := range s.Units {
		u := &s.Units[i]
		for j := range s.Titles {
			t := &s.Titles[j]
			if !t.AppliesTo(u) {
				continue
			}
			if n := t.Holders.For(u); n > 0 {
				out = append(out, Slot{Unit: u.Code, Title: t.ID, Holders: n})
			}
		}
	}
	return out
}

// Assignment gives one title in one unit to one person.
type Assignment struct {
	Person string
	Title  string
	Unit   string
	Main   bool // the person's main title; their other titles are concurrent
}

// Plan is who holds what on a date.
type Plan struct {
	Date        Date
	Assignments []Assignment
}

// Headcount returns the number of distinct people in the plan.
func (p *Plan) Headcount() int {
	seen := make(map[string]bool)
	for _, a := range p.Assignments {
		seen[a.Person] = true
	}
	return len(seen)
}

// Sort orders assignments by unit, title and person (a main assignment
// before a concurrent one of the same triple), so plans compare and print
// deterministically whatever order they were built in.
func (p *Plan) Sort() {
	sort.Slice(p.Assignments, func(i, j int) bool {
		a, b := p.Assignments[i], p.Assignments[j]
		if a.Unit != b.Unit {
			return a.Unit < b.Unit
		}
		if a.Title != b.Title {
			return a.Title < b.Title
		}
		if a.Person != b.Person {
			return a.Person < b.Person
		}
		return a.Main && !b.Main
	})
}

// CurrentPlan returns the plan the people's holdings describe today.
func (s *Scenario) CurrentPlan() Plan {
	p := Plan{Date: s.Date}
	for i := range s.People {
		for _, h := range s.People[i].Holdings {
			p.Assignments = append(p.Assignments, Assignment{Person: s.People[i].ID, Title: h.Title, Unit: h.Unit, Main: h.Main})
		}
	}
	p.Sort()
	return p
}

// HeadcountByCommune counts, for each commune (by unit code), the people
// plan gives titles in the commune or its villages. Someone holding titles
// in two communes counts in both; units outside any commune are left out.
func (s *Scenario) HeadcountByCommune(plan Plan) map[string]int {
	commune := make(map[string]string, len(s.Units))
	for _, u := range s.Units {
		switch u.Level {
		case Commune:
			commune[u.Code] = u.Code
		case Village:
			commune[u.Code] = u.Parent
		}
	}
	seen := map[[2]string]bool{}
	out := map[string]int{}
	for _, a := range plan.Assignments {
		c, ok := commune[a.Unit]
		if !ok || seen[[2]string{c, a.Person}] {
			continue
		}
		seen[[2]string{c, a.Person}] = true
		out[c]++
	}
	return out
}
