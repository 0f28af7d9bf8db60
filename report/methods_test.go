package report

import (
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// TestTitleParametersByVersion: a title the law changed is listed once per
// version, each from its date with its own source.
func TestTitleParametersByVersion(t *testing.T) {
	v0 := model.Title{ID: "x", Name: model.Text{Vi: "X", En: "X"}, Allowance: 1, Source: "2019 rate"}
	v1 := v0
	v1.Allowance, v1.Source = 1.5, "2023 rate"
	dated := v1
	dated.Versions = []model.TitleVersion{{Title: v0}, {From: model.MustDate("2023-08-01"), Title: v1}}
	s := &model.Scenario{Titles: []model.Title{v0, dated}}
	got := Parameters(s, model.English)
	if len(got) != 3 {
		t.Fatalf("%d parameters, want 3: %+v", len(got), got)
	}
	want := []Parameter{
		{Name: "titles.x", Source: "2019 rate"},
		{Name: "titles.x", Source: "2019 rate"},
		{Name: "titles.x", From: "2023-08-01", Source: "2023 rate"},
	}
	for i := range want {
		if got[i].Name != want[i].Name || got[i].From != want[i].From || got[i].Source != want[i].Source {
			t.Errorf("parameter %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}
