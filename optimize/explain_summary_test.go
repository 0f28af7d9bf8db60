package optimize

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// fundCommunes copies the village-fund case into n communes, C1…Cn with
// one village each; the villages listed in large have 400 households, and
// so the large fund (6.0 ×), which the titles' 5.5 × fits.
func fundCommunes(t *testing.T, n int, large ...int) *Problem {
	t.Helper()
	src := caseNamed(t, "village-fund").prob.Scenario
	s := *src
	s.Units, s.People = nil, nil
	for i := 1; i <= n; i++ {
		c, v := fmt.Sprintf("C%d", i), fmt.Sprintf("V%d", i)
		cu, vu := src.Units[0], src.Units[1]
		cu.Code, cu.Name = c, fmt.Sprintf("Xã %d", i)
		vu.Code, vu.Name, vu.Parent = v, fmt.Sprintf("Thôn %d", i), c
		if slices.Contains(large, i) {
			vu.Households = 400
		}
		s.Units = append(s.Units, cu, vu)
		for _, p := range src.People {
			p.ID = fmt.Sprintf("%s-%s", p.ID, c)
			p.Residence = v
			p.Holdings = slices.Clone(p.Holdings)
			for k := range p.Holdings {
				p.Holdings[k].Unit = v
			}
			s.People = append(s.People, p)
		}
	}
	return &Problem{Scenario: &s}
}

// TestCausesMany solves five communes of which two have a large village
// fund: the other three are summarised in one line, with the one change
// that gives all three a plan.
func TestCausesMany(t *testing.T) {
	res := solved(t, fundCommunes(t, 5, 2, 4))
	if res.Status != Infeasible {
		t.Fatalf("status %s", res.Status)
	}
	causes, unfixed := res.Causes()
	if len(unfixed) != 0 {
		t.Errorf("unfixed %v", unfixed)
	}
	if len(causes) == 0 {
		t.Fatal("no causes")
	}
	c := causes[0]
	if c.Kind != RuleVillageFund || !slices.Equal(c.Fixed, []string{"C1", "C3", "C5"}) || c.Units != 3 ||
		c.From != 10_530_000 || c.Most != 12_870_000 || c.Least != 12_870_000 {
		t.Fatalf("first cause %+v", c)
	}
	for _, want := range []string{"nêu ở 3 xã", "12.870.000 đồng", "ở 3 thôn thì 3 xã có phương án"} {
		if !strings.Contains(c.Vi, want) {
			t.Errorf("vi %q lacks %q", c.Vi, want)
		}
	}
	for _, want := range []string{"named in 3 communes", "12,870,000", "in 3 villages gives 3 of them a plan"} {
		if !strings.Contains(c.En, want) {
			t.Errorf("en %q lacks %q", c.En, want)
		}
	}
}

// TestCausesGrouping checks the grouping on a hand-made result: the rule
// that fixes most communes first, the range of least values, a rule named
// that no change of fixes, and the communes no single change fixes.
func TestCausesGrouping(t *testing.T) {
	fund := func(to int64, villages ...string) Fix {
		return Fix{Kind: RuleVillageFund, From: 3_000_000, To: to, Units: villages, what: model.Text{Vi: "quỹ", En: "fund"}}
	}
	res := &Result{Pools: []PoolResult{
		{Commune: "A", Status: Infeasible, Explanation: []Reason{{Kind: RuleVillageFund}, {Kind: RuleTerms}},
			Fixes: []Fix{fund(4_000_000, "A1", "A2"), {Kind: RuleTerms, People: []string{"p"}}}},
		{Commune: "B", Status: Infeasible, Explanation: []Reason{{Kind: RuleVillageFund}}, Fixes: []Fix{fund(4_830_000, "B1")}},
		{Commune: "C", Status: Infeasible, Explanation: []Reason{{Kind: RuleRequirement}, {Kind: RuleNotMinimal}}},
		{Commune: "D", Status: Optimal, Explanation: []Reason{{Kind: RuleWorkload}}},
	}}
	causes, unfixed := res.Causes()
	if !slices.Equal(unfixed, []string{"C"}) {
		t.Errorf("unfixed %v, want [C]", unfixed)
	}
	var kinds []Rule
	for _, c := range causes {
		kinds = append(kinds, c.Kind)
	}
	if want := []Rule{RuleVillageFund, RuleTerms, RuleRequirement}; !slices.Equal(kinds, want) {
		t.Fatalf("kinds %v, want %v", kinds, want)
	}
	f := causes[0]
	if f.Units != 3 || f.Least != 4_000_000 || f.Most != 4_830_000 || len(f.Fixed) != 2 {
		t.Errorf("fund cause %+v", f)
	}
	if !strings.Contains(f.En, "from 4,000,000 đồng to 4,830,000 đồng") {
		t.Errorf("no range in %q", f.En)
	}
	if r := causes[2]; len(r.Fixed) != 0 || !strings.Contains(r.En, "no change of this rule alone") || !strings.Contains(r.Vi, "không thay đổi riêng") {
		t.Errorf("requirement cause %+v", r)
	}
}
