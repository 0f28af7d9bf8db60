package model_test

import (
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
)

func TestRegimeOf(t *testing.T) {
	d := model.MustDate
	r := model.RearrangementSeveranceRule{TransitionFrom: d("2025-07-01"), TransitionBefore: d("2026-06-30")}
	tests := []struct {
		name   string
		person model.Person
		want   model.SeveranceRegime
	}{
		{"not recorded", model.Person{}, model.RegimeVillage},
		{"placed in the window", model.Person{PlacedFromCommune: d("2025-08-15")}, model.RegimeCommune},
		{"placed on the first day", model.Person{PlacedFromCommune: d("2025-07-01")}, model.RegimeCommune},
		{"placed on 30/6/2026", model.Person{PlacedFromCommune: d("2026-06-30")}, model.RegimeVillage},
		{"placed in the 2019 mergers", model.Person{PlacedFromCommune: d("2019-12-01")}, model.RegimeVillage},
		{"window on placement, not on the current title", model.Person{PlacedFromCommune: d("2025-08-15"),
			Holdings: []model.Holding{{Title: "head", Unit: "V", Start: d("2026-03-01"), Main: true}}}, model.RegimeCommune},
		{"current title in the window, not placed from a commune", model.Person{
			Holdings: []model.Holding{{Title: "head", Unit: "V", Start: d("2025-09-01"), Main: true}}}, model.RegimeVillage},
	}
	for _, tt := range tests {
		if got := r.RegimeOf(&tt.person); got != tt.want {
			t.Errorf("%s: RegimeOf = %s, want %s", tt.name, got, tt.want)
		}
		if got := tt.person.FormerCommuneWorker(); got != !tt.person.PlacedFromCommune.IsZero() {
			t.Errorf("%s: FormerCommuneWorker = %v", tt.name, got)
		}
	}
	if got := (model.RearrangementSeveranceRule{}).RegimeOf(&model.Person{PlacedFromCommune: d("2025-08-15")}); got != model.RegimeVillage {
		t.Errorf("no transition window: RegimeOf = %s, want village", got)
	}
}

func TestReleasedRegimes(t *testing.T) {
	d := model.MustDate
	r := model.RearrangementSeveranceRule{TransitionFrom: d("2025-07-01"), TransitionBefore: d("2026-06-30")}
	in, out := &model.Person{PlacedFromCommune: d("2025-08-15")}, &model.Person{PlacedFromCommune: d("2019-12-01")}
	tests := []struct {
		name     string
		released []*model.Person
		wantEn   string
	}{
		{"none", nil, model.RegimeVillage.Text().En},
		{"no former commune worker in the window", []*model.Person{out, {}}, model.RegimeVillage.Text().En},
		{"two of three", []*model.Person{in, out, in}, model.RegimeVillage.Text().En + "; 2 of them " + model.RegimeCommune.Text().En},
	}
	for _, tt := range tests {
		got := r.ReleasedRegimes(tt.released)
		if got.En != tt.wantEn {
			t.Errorf("%s: En %q, want %q", tt.name, got.En, tt.wantEn)
		}
		if got.Vi == "" || (len(tt.released) == 3) != (got.Vi != model.RegimeVillage.Text().Vi) {
			t.Errorf("%s: Vi %q", tt.name, got.Vi)
		}
	}
}
