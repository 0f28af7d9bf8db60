package report

import (
	"slices"
	"strings"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/optimize"
)

// withInfeasible is the fixture with the first commune of the last
// scenario left without a plan: named by its village fund, fixed by
// raising it (the fixture itself is not changed).
func withInfeasible(t *testing.T, lang model.Lang) (*Comparison, string) {
	t.Helper()
	c := *testComparison(t)
	c.Lang = lang
	c.Scenarios = slices.Clone(c.Scenarios)
	s := &c.Scenarios[len(c.Scenarios)-1]
	plan := *s.Plan
	plan.Pools = slices.Clone(plan.Pools)
	p := &plan.Pools[0]
	p.Status = optimize.Infeasible
	p.Explanation = []optimize.Reason{{Kind: optimize.RuleVillageFund, Vi: "quỹ thôn thiếu", En: "village fund short"}}
	p.Fixes = []optimize.Fix{{Kind: optimize.RuleVillageFund, From: 3_000_000, To: 4_830_000, Units: []string{"V1"},
		Vi: "nâng quỹ thôn lên 4.830.000 đồng", En: "raise the village fund to 4,830,000 đồng"}}
	s.Plan = &plan
	return &c, p.Commune
}

// TestHTMLCauses: the report shows, for the communes with no plan, the
// summary by cause with its least change above the per-commune reasons,
// and each commune's fix after its reasons, in both languages.
func TestHTMLCauses(t *testing.T) {
	tests := []struct {
		lang               model.Lang
		title, reason, fix string
	}{
		{model.Vietnamese, "nguyên nhân và thay đổi nhỏ nhất để có phương án (1 xã)", "quỹ thôn thiếu", "có phương án nếu: nâng quỹ thôn lên 4.830.000 đồng"},
		{model.English, "causes and the least change that gives a plan (1 commune)", "village fund short", "a plan if you: raise the village fund to 4,830,000 đồng"},
	}
	for _, tt := range tests {
		t.Run(tt.lang.Pick("vi", "en"), func(t *testing.T) {
			c, _ := withInfeasible(t, tt.lang)
			page, err := HTML(c, nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			html := string(page)
			title, reason, fix := strings.Index(html, tt.title), strings.Index(html, tt.reason), strings.Index(html, tt.fix)
			if title < 0 || reason < 0 || fix < 0 {
				t.Fatalf("title at %d, reason at %d, fix at %d: want all three", title, reason, fix)
			}
			if title > reason || reason > fix {
				t.Errorf("title at %d, reason at %d, fix at %d: want the causes above the reasons, the fix after them", title, reason, fix)
			}
		})
	}
}
