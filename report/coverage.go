package report

import (
	"fmt"
	"slices"
	"strings"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/optimize"
)

// Coverage says which communes a comparison's figures cover: those
// planned in every scenario. A commune that one scenario cannot arrange is
// left out of every scenario's figures (plan and simulation alike), so
// that no figure compares people in one place with nobody in another.
type Coverage struct {
	// Total is the number of communes of the scenarios' units.
	Total int
	// Left are the communes left out, by code.
	Left []LeftOut
}

// LeftOut is a commune left out of a comparison's figures: some scenario
// has no plan there.
type LeftOut struct {
	Code, Name string
	// Scenarios are the names of the scenarios with no plan there.
	Scenarios []string
}

// Covered is the number of communes the figures cover.
func (v Coverage) Covered() int { return v.Total - len(v.Left) }

// Full reports whether every commune is covered.
func (v Coverage) Full() bool { return len(v.Left) == 0 }

// Text is the coverage as a headline shows it: "216 / 216 xã".
func (v Coverage) Text(lang model.Lang) string {
	return fmt.Sprintf("%s / %s %s", lang.Int(int64(v.Covered())), lang.Int(int64(v.Total)), lang.Pick("xã", "communes"))
}

// LeftBy counts the communes left out because scenario name has no plan
// there.
func (v Coverage) LeftBy(name string) int {
	n := 0
	for _, l := range v.Left {
		if slices.Contains(l.Scenarios, name) {
			n++
		}
	}
	return n
}

// Sentence says what the figures cover and, when communes are left out,
// how many and why, naming the first few (all when first is 0, none when
// it is negative).
func (v Coverage) Sentence(lang model.Lang, first int) string {
	if v.Full() {
		return fmt.Sprintf(lang.Pick("Số liệu tính trên %s: mọi xã đều có phương án ở mọi phương án.",
			"Figures cover %s: every commune has a plan in every scenario."), v.Text(lang))
	}
	s := fmt.Sprintf(lang.Pick("Số liệu tính trên %s có phương án ở mọi phương án; %s xã bị loại khỏi mọi số liệu vì ít nhất một phương án không sắp xếp được",
		"Figures cover the %s planned in every scenario; %s communes are left out of every figure because at least one scenario cannot arrange them"),
		v.Text(lang), lang.Int(int64(len(v.Left))))
	if first < 0 {
		return s + "."
	}
	var names []string
	for i, l := range v.Left {
		if first > 0 && i == first {
			names = append(names, "…")
			break
		}
		names = append(names, l.label())
	}
	return s + ": " + strings.Join(names, "; ") + "."
}

// label names a left-out commune and the scenarios without a plan there.
func (l LeftOut) label() string {
	s := l.Code
	if l.Name != "" {
		s = l.Name + " (" + l.Code + ")"
	}
	return s + " [" + strings.Join(l.Scenarios, ", ") + "]"
}

// coverage is c.Coverage, or, when the caller gave none (Total 0), the
// one the plans show: every commune of the first scenario, less those
// some plan could not arrange.
func (c *Comparison) coverage() Coverage {
	if c.Coverage.Total > 0 {
		return c.Coverage
	}
	v := Coverage{Total: c.Scenarios[0].Model.Count(model.Commune)}
	left := map[string]*LeftOut{}
	var order []string
	for _, s := range c.Scenarios {
		for _, p := range s.Plan.Pools {
			if !unplannedPool(p) {
				continue
			}
			l, ok := left[p.Commune]
			if !ok {
				l = &LeftOut{Code: p.Commune, Name: unitName(s.Model, p.Commune)}
				left[p.Commune] = l
				order = append(order, p.Commune)
			}
			l.Scenarios = append(l.Scenarios, s.Model.Name)
		}
	}
	slices.Sort(order)
	for _, code := range order {
		v.Left = append(v.Left, *left[code])
	}
	return v
}

// unplannedPool reports whether a pool has no plan: infeasible, or stopped
// before a plan was found.
func unplannedPool(p optimize.PoolResult) bool {
	return p.Status == optimize.Infeasible || ((p.Status == optimize.TimeLimit || p.Status == optimize.Interrupted) && p.Objective.Headcount == 0)
}

// unitName is the name of unit code in s, or "".
func unitName(s *model.Scenario, code string) string {
	for i := range s.Units {
		if s.Units[i].Code == code {
			return s.Units[i].Name
		}
	}
	return ""
}

// CoverageOf lists the communes of the scenarios' units that some plan
// could not arrange (pools with no plan), each with the scenarios that
// could not; Total counts the first scenario's communes.
func CoverageOf(scenarios []Scenario) Coverage {
	if len(scenarios) == 0 {
		return Coverage{}
	}
	c := &Comparison{Scenarios: scenarios}
	return c.coverage()
}
