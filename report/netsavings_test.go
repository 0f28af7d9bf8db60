package report

import (
	"strings"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/sim"
)

// diffOf makes a difference whose allowance, severance and recruitment
// differences (variant minus baseline) have the given yearly means.
func diffOf(allow, sev, rec []float64) sim.Difference {
	d := sim.Difference{Metrics: make([]sim.Series, int(sim.Cost)+1)}
	set := func(m sim.Metric, xs []float64) {
		for _, x := range xs {
			d.Metrics[m].Years = append(d.Metrics[m].Years, sim.Summary{Mean: x})
		}
	}
	set(sim.Allowance, allow)
	set(sim.Severance, sev)
	set(sim.RecruitmentCost, rec)
	return d
}

func TestSavingsParts(t *testing.T) {
	tests := []struct {
		name            string
		d               sim.Difference
		years           int
		rate            float64
		allow, sev, rec float64
		wantVi, wantEn  string
	}{
		{"releases to save nothing", diffOf([]float64{0, 0}, []float64{92e9, 0}, []float64{0, 0}), 2, 0, 0, 92e9, 0,
			"Số âm: trợ cấp", "exceeds what allowances and recruitment save"},
		{"pays more allowances", diffOf([]float64{3e9, 3e9}, []float64{0.1e9, 0}, []float64{-1e9, 0}), 2, 0, -6e9, 0.1e9, -1e9,
			"chi phụ cấp nhiều hơn phương án gốc", "pays more in allowances than the baseline"},
		{"recruits more than it saves", diffOf([]float64{-1e9, 0}, []float64{0, 0}, []float64{3e9, 0}), 2, 0, 1e9, 0, 3e9,
			"chi tuyển mới nhiều hơn", "recruiting costs more than allowances save"},
		{"nobody released", diffOf([]float64{0, 0}, []float64{0, 0}, []float64{0, 0}), 2, 0, 0, 0, 0,
			"Gần bằng 0", "Close to zero"},
		{"saves allowances, discounted", diffOf([]float64{-10e9, -10e9}, []float64{5e9, 0}, []float64{0, 1e9}), 2, 0.25, 18e9, 5e9, 0.8e9,
			"tiết kiệm ròng 2 năm", "net savings over 2 years"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := partsOf(tt.d, tt.years, tt.rate)
			if !p.ok || !near(p.Allowances, tt.allow) || !near(p.Severance, tt.sev) || !near(p.Recruitment, tt.rec) || !near(p.Net, tt.allow-tt.sev-tt.rec) {
				t.Fatalf("parts = %+v; want allowances %g, severance %g, recruitment %g", p, tt.allow, tt.sev, tt.rec)
			}
			goal := model.ObjectiveRule{Order: model.OrderCost, HorizonYears: 10}
			if got := explainSavings(model.Vietnamese, "X", goal, p); !strings.Contains(got, tt.wantVi) || !strings.Contains(got, "chi phí ròng thấp nhất") {
				t.Errorf("vi: %q lacks %q", got, tt.wantVi)
			}
			if got := explainSavings(model.English, "X", goal, p); !strings.Contains(got, tt.wantEn) || !strings.Contains(got, "lowest net cost") {
				t.Errorf("en: %q lacks %q", got, tt.wantEn)
			}
		})
	}
	if p := partsOf(sim.Difference{}, 10, 0); p.ok || explainSavings(model.English, "X", model.ObjectiveRule{}, p) != "" {
		t.Errorf("a difference without metrics explains itself: %+v", p)
	}
}

func near(a, b float64) bool { return a-b < 1 && b-a < 1 }
