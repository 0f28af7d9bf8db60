package report

import (
	"strings"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
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
