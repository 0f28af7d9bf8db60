package check

import (
	"strings"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/internal/catalogtest"
	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/optimize"
)

// TestBreachCatalogue fails when a message of the checker has no
// Vietnamese form in breachesVi, listing each.
func TestBreachCatalogue(t *testing.T) {
	uses, err := catalogtest.Scan(".", "add")
	if err != nil {
		t.Fatal(err)
	}
	if missing := catalogtest.Missing(uses, breachesVi); len(missing) > 0 {
		t.Errorf("%d breach messages have no Vietnamese form:\n%s", len(missing), strings.Join(missing, "\n"))
	}
	for _, b := range catalogtest.BadFormats(breachesVi) {
		t.Error(b)
	}
}

// TestBreachTextVi checks a breach said in both languages: the checker's
// message in Vietnamese inside the Vietnamese line, the English unchanged.
func TestBreachTextVi(t *testing.T) {
	c := &planCheck{}
	c.add(optimize.RuleCoverage, "01001", "chu-tich", "", "needs %d holder(s), has %d", 1, 0)
	c.add(optimize.RuleCombination, "01001", "b", "p1", "may not hold %s title %s together with %s title %s: %s (policy.levels)",
		"commune", "b", "village", "a", model.Text{Vi: "không kiêm", En: "no mixing"})
	for i, want := range []model.Text{
		{Vi: "chức danh trống hoặc thừa người (đơn vị 01001, chức danh chu-tich): cần 1 người giữ, có 0",
			En: "title vacant or over-filled (unit 01001, title chu-tich): needs 1 holder(s), has 0"},
		{Vi: "kiêm hai chức danh không được kiêm (đơn vị 01001, chức danh b, người p1): không được giữ chức danh cấp commune b cùng với chức danh cấp village a: không kiêm (policy.levels)",
			En: "holds two titles that may not be combined (unit 01001, title b, person p1): may not hold commune title b together with village title a: no mixing (policy.levels)"},
	} {
		if got := c.out[i].Text(); got != want {
			t.Errorf("breach %d:\n got %+v\nwant %+v", i, got, want)
		}
	}
}
