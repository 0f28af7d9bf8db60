package report

import (
	"slices"
	"strings"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/sim"
)

// TestConclusion: the conclusion names the coverage, each variant's people
// and money on its plan date and averaged a year, where the money goes,
// and the caveats; in each language.
func TestConclusion(t *testing.T) {
	for _, tc := range []struct {
		lang model.Lang
		want []string
	}{
		{model.English, []string{"over 4 / 4 communes", "a year on average", "Where the money goes", "on its plan date", "The tornado chart", "every commune has a plan"}},
		{model.Vietnamese, []string{"trên 4 / 4 xã", "bình quân", "Tiền đi đâu", "ở ngày phương án", "biểu đồ độ nhạy", "mọi xã đều có phương án"}},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			c := *testComparison(t)
			c.Lang = tc.lang
			paras, err := Conclusion(&c)
			if err != nil {
				t.Fatal(err)
			}
			text := strings.Join(paras, "\n")
			for _, w := range tc.want {
				if !strings.Contains(text, w) {
					t.Errorf("conclusion lacks %q:\n%s", w, text)
				}
			}
			if got, want := len(paras), 1+len(c.Scenarios)-1+1; got < want {
				t.Errorf("%d paragraphs, want at least %d", got, want)
			}
		})
	}
}

// TestCoverageLeftOut: communes left out are counted per scenario, named,
// and said in every headline.
func TestCoverageLeftOut(t *testing.T) {
	c := *testComparison(t)
	c.Lang = model.English
	c.Coverage = Coverage{Total: 5, Left: []LeftOut{{Code: "X9", Name: "Xã Chín", Scenarios: []string{c.Scenarios[0].Model.Name}}}}
	c.UnitDifferences = []model.Text{{Vi: "khác", En: "units differ here"}}
	if got := c.Coverage.LeftBy(c.Scenarios[0].Model.Name); got != 1 {
		t.Errorf("LeftBy baseline = %d, want 1", got)
	}
	table, err := SummaryTable(&c)
	if err != nil {
		t.Fatal(err)
	}
	for i, key := range table.Columns {
		if strings.HasPrefix(key, "headcount") || strings.HasPrefix(key, "net_savings") || strings.Contains(key, "cost") {
			if !strings.Contains(table.Headers[i], "[4 / 5 communes]") {
				t.Errorf("header %q of %s does not say its coverage", table.Headers[i], key)
			}
		}
	}
	paras, err := Conclusion(&c)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(paras, "\n")
	for _, w := range []string{"4 / 5 communes", "Xã Chín (X9)", "units differ here"} {
		if !strings.Contains(text, w) {
			t.Errorf("conclusion lacks %q:\n%s", w, text)
		}
	}
}

// TestSpokenMoney: the conclusion says amounts in one scale per size.
func TestSpokenMoney(t *testing.T) {
	for _, tc := range []struct {
		lang model.Lang
		x    float64
		want string
	}{
		{model.Vietnamese, -188_333_440, "-188,3 triệu đồng"},
		{model.English, 336_511_632, "336.5 million đồng"},
		{model.Vietnamese, 1_880_000_000, "1,88 tỷ đồng"},
		{model.Vietnamese, 0, "0 đồng"},
		{model.Vietnamese, 999_999, "999.999 đồng"},
	} {
		if got := spokenMoney(tc.lang, tc.x); got != tc.want {
			t.Errorf("spokenMoney(%s, %v) = %q, want %q", tc.lang, tc.x, got, tc.want)
		}
	}
}

// TestConclusionVacancies: a variant that saves allowances while leaving
// more titles vacant is told so; the same variant with the baseline's
// vacancies is not.
func TestConclusionVacancies(t *testing.T) {
	const warn = "Part of the allowances saved is titles left vacant"
	for _, more := range []bool{false, true} {
		c := *testComparison(t)
		c.Lang = model.English
		y := c.Sim.Baseline.Years
		base := c.Sim.Baseline.Metrics[sim.VacantTitleMonths].Years[y-1].P50
		for i := range c.Sim.Variants {
			v := *c.Sim.Variants[i]
			v.Metrics = slices.Clone(v.Metrics)
			m := v.Metrics[sim.VacantTitleMonths]
			m.Years = slices.Clone(m.Years)
			m.Years[y-1].P50 = base
			if more {
				m.Years[y-1].P50 = 2*base + 120
			}
			v.Metrics[sim.VacantTitleMonths] = m
			c.Sim.Variants[i] = &v
		}
		sim2 := *c.Sim
		c.Sim = &sim2
		paras, err := Conclusion(&c)
		if err != nil {
			t.Fatal(err)
		}
		said := strings.Contains(strings.Join(paras, "\n"), warn)
		if said != more {
			t.Errorf("more vacancies %v: warning said %v", more, said)
		}
	}
}
