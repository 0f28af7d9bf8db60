package sim

import (
	"math"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// TestDatedTitleAllowance: a title whose allowance the law doubles from
// 2027 costs twice as much from that month on, and the same before it.
// With no hazards but retirement the runs are otherwise the same.
func TestDatedTitleAllowance(t *testing.T) {
	plain := testScenario(10, 4)
	plain.Dynamics.Resignation = model.Const(plain.Date, model.ResignationRule{}, "")
	plain.Dynamics.Death = model.Const(plain.Date, 0.0, "")
	dated := *plain
	dated.Titles = make([]model.Title, len(plain.Titles))
	change := model.MustDate("2027-01-01")
	for i, ti := range plain.Titles {
		doubled := ti
		doubled.Allowance *= 2
		for k := range doubled.AllowanceByEducation {
			doubled.AllowanceByEducation[k].Allowance *= 2
		}
		dated.Titles[i] = ti
		dated.Titles[i].Versions = []model.TitleVersion{{Title: ti}, {From: change, Title: doubled}}
	}
	cfg := Config{Years: 4, Runs: 3}
	a, b := mustRun(t, cfg, plain), mustRun(t, cfg, &dated)
	for k, row := range a.Samples(Allowance) {
		for y, v := range row {
			want := 1.0
			if y >= 2 {
				want = 2
			}
			if got := b.Samples(Allowance)[k][y] / v; math.Abs(got-want) > 1e-6 {
				t.Errorf("run %d year %d: allowances dated / undated = %.9f, want %v", k, y+1, got, want)
			}
		}
	}
}
