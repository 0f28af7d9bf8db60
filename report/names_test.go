package report

import (
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/optimize"
)

func TestScenarioNames(t *testing.T) {
	display := model.Text{Vi: "NĐ 33/2023", En: "Decree 33/2023"}
	tests := []struct {
		name    string
		display model.Text
		status  optimize.Status
		lang    model.Lang
		want    string
	}{
		{"display, Vietnamese", display, optimize.Optimal, model.Vietnamese, "NĐ 33/2023"},
		{"display, English", display, optimize.Optimal, model.English, "Decree 33/2023"},
		{"no display: the name", model.Text{}, optimize.Optimal, model.Vietnamese, "nd33-2023"},
		{"as-is with its display", model.Text{Vi: "Hiện trạng", En: "As it is today"}, optimize.AsIs, model.Vietnamese, "Hiện trạng"},
		{"as-is without", model.Text{}, optimize.AsIs, model.English, "As it is today (nd33-2023)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Scenario{Model: &model.Scenario{Name: "nd33-2023", Display: tt.display}, Plan: &optimize.Result{Status: tt.status}}
			if got := scenarioLabel(s, tt.lang); got != tt.want {
				t.Errorf("scenarioLabel = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestMetricName(t *testing.T) {
	tests := []struct {
		key  string
		lang model.Lang
		want string
	}{
		{"vacant_title_months", model.Vietnamese, "Chức danh trống (chức danh-tháng)"},
		{"headcount", model.English, "Headcount"},
		{"savings", model.Vietnamese, "Tiết kiệm (chi phí gốc − so sánh)"},
		{"nope", model.Vietnamese, "nope"},
	}
	for _, tt := range tests {
		if got := MetricName(tt.key, tt.lang); got != tt.want {
			t.Errorf("MetricName(%q, %s) = %q, want %q", tt.key, tt.lang, got, tt.want)
		}
	}
}

func TestReaderFiles(t *testing.T) {
	got := readerFiles([]string{"presets/nd33-2023.yaml", "my-variant.yaml", "data/people.csv", "presets/nd34-2019.yaml"})
	if len(got) != 2 || got[0] != "my-variant.yaml" || got[1] != "data/people.csv" {
		t.Errorf("readerFiles = %q", got)
	}
}
