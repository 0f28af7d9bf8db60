package model_test

import (
	"math"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
)

func TestActivityYearly(t *testing.T) {
	commune := &model.Unit{Level: model.Commune, Households: 2000, Population: 8000, AreaKm2: 20}
	village := &model.Unit{Level: model.Village, Households: 300, Population: 1200, AreaKm2: 3}
	tr := model.Travel{Kmh: 20}
	trip := 4 * math.Sqrt(20/math.Pi) / (3 * 20) // round trip in the commune, hours
	tests := []struct {
		name     string
		a        model.Activity
		u        *model.Unit
		villages int
		want     float64
	}{
		{"monthly meeting", model.Activity{Times: 1, Period: model.PerMonth, Hours: 3}, commune, 8, 36},
		{"weekly duty", model.Activity{Times: 2, Period: model.PerWeek, Hours: 1.5}, commune, 8, 2 * 52 * 1.5},
		{"quarterly report", model.Activity{Times: 1, Period: model.PerQuarter, Hours: 4}, commune, 8, 16},
		{"each village a month", model.Activity{Times: 1, Period: model.PerMonth, Each: model.EachVillage, Hours: 2}, commune, 8, 12 * 8 * 2},
		{"each village in a village", model.Activity{Times: 1, Period: model.PerMonth, Each: model.EachVillage, Hours: 2}, village, 0, 24},
		{"each household a year", model.Activity{Times: 1, Period: model.PerYear, Each: model.EachHousehold, Hours: 0.25}, village, 0, 75},
		{"households capped", model.Activity{Times: 1, Period: model.PerYear, Each: model.EachHousehold, UpTo: 1000, Hours: 0.1}, commune, 8, 100},
		{"each resident", model.Activity{Times: 0.01, Period: model.PerYear, Each: model.EachResident, Hours: 2}, commune, 8, 160},
		{"each km2", model.Activity{Times: 1, Period: model.PerQuarter, Each: model.EachKm2, Hours: 0.5}, commune, 8, 40},
		{"with travel", model.Activity{Times: 1, Period: model.PerMonth, Each: model.EachVillage, Hours: 2, Travel: true}, commune, 8, 12 * 8 * (2 + trip)},
		{"no villages", model.Activity{Times: 1, Period: model.PerMonth, Each: model.EachVillage, Hours: 2}, commune, 0, 0},
		{"unknown period", model.Activity{Times: 1, Hours: 2}, commune, 0, 0},
	}
	for _, tt := range tests {
		got := float64(tt.a.Yearly(tt.u, tt.villages, tr))
		if math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("%s: Yearly = %v, want %v", tt.name, got, tt.want)
		}
		if w := float64(tt.a.Weekly(tt.u, tt.villages, tr)); math.Abs(w-tt.want/model.WeeksPerYear) > 1e-9 {
			t.Errorf("%s: Weekly = %v, want %v", tt.name, w, tt.want/model.WeeksPerYear)
		}
	}
}

func TestTravelRoundTrip(t *testing.T) {
	tests := []struct {
		name string
		tr   model.Travel
		u    model.Unit
		want float64
	}{
		// A disc of π km² has radius 1 km: mean distance 2/3 km, a round
		// trip 4/3 km.
		{"plain", model.Travel{Kmh: 20}, model.Unit{AreaKm2: math.Pi}, 4.0 / 3 / 20},
		{"mountain speed", model.Travel{Kmh: 20, Mountain: 10}, model.Unit{AreaKm2: math.Pi, Flags: model.Mountainous}, 4.0 / 3 / 10},
		{"mountain without its own speed", model.Travel{Kmh: 20}, model.Unit{AreaKm2: math.Pi, Flags: model.Mountainous}, 4.0 / 3 / 20},
		{"no speed", model.Travel{}, model.Unit{AreaKm2: 100}, 0},
		{"no area", model.Travel{Kmh: 20}, model.Unit{}, 0},
		{"large", model.Travel{Kmh: 30}, model.Unit{AreaKm2: 400 * math.Pi}, 4.0 * 20 / 3 / 30},
	}
	for _, tt := range tests {
		if got := float64(tt.tr.RoundTrip(&tt.u)); math.Abs(got-tt.want) > 1e-12 {
			t.Errorf("%s: RoundTrip = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestWorkloadActivitiesReplaceLinear(t *testing.T) {
	w := model.Workload{Base: 100, PerThousandHouseholds: 100, ActivityTable: model.ActivityTable{Activities: []model.Activity{
		{ID: "a", Times: 1, Period: model.PerWeek, Hours: 4},
		{ID: "b", Times: 1, Period: model.PerMonth, Each: model.EachVillage, Hours: 2},
	}}}
	u := &model.Unit{Level: model.Commune, Households: 3000}
	for _, tt := range []struct {
		villages int
		want     float64
	}{{0, 4}, {6, 4 + 12*6*2/52.0}, {20, 4 + 12*20*2/52.0}} {
		if got := float64(w.For(u, tt.villages)); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("For(%d villages) = %v, want %v", tt.villages, got, tt.want)
		}
	}
}

func TestParsePeriodBasis(t *testing.T) {
	for _, s := range model.PeriodNames() {
		p, err := model.ParsePeriod(s)
		if err != nil || p.String() != s || p.PerYear() <= 0 {
			t.Errorf("ParsePeriod(%q) = %v, %v", s, p, err)
		}
	}
	for _, s := range model.BasisNames() {
		b, err := model.ParseBasis(s)
		if err != nil || b.String() != s {
			t.Errorf("ParseBasis(%q) = %v, %v", s, b, err)
		}
	}
	if _, err := model.ParsePeriod("fortnight"); err == nil {
		t.Error("ParsePeriod(fortnight) accepted")
	}
	if _, err := model.ParseBasis("street"); err == nil {
		t.Error("ParseBasis(street) accepted")
	}
}

func TestVillagesOfCommune(t *testing.T) {
	s := &model.Scenario{Units: []model.Unit{
		{Code: "D", Level: model.District},
		{Code: "C1", Level: model.Commune, Parent: "D"},
		{Code: "C1-1", Level: model.Village, Parent: "C1"},
		{Code: "C1-2", Level: model.Village, Parent: "C1"},
		{Code: "C2", Level: model.Commune, Parent: "D"},
		{Code: "C1-3", Level: model.Village, Parent: "C1"},
	}}
	ix, err := model.NewIndex(s)
	if err != nil {
		t.Fatal(err)
	}
	for code, want := range map[string]int{"C1": 3, "C2": 0, "C1-1": 0, "X": 0} {
		if got := ix.Villages(code); got != want {
			t.Errorf("Villages(%s) = %d, want %d", code, got, want)
		}
	}
	got := model.CommuneVillages(s.Units, nil)
	want := []int{0, 3, 0, 0, 0, 0}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("CommuneVillages[%d] = %d, want %d", i, got[i], want[i])
		}
	}
	alive := []bool{true, true, true, false, true, true}
	if got := model.CommuneVillages(s.Units, alive); got[1] != 2 {
		t.Errorf("CommuneVillages with a merged village = %d, want 2", got[1])
	}
}

// TestActivityTableWISN checks the WISN steps: yearly hours over the weeks
// worked, divided by 1 − the support share.
func TestActivityTableWISN(t *testing.T) {
	acts := []model.Activity{{ID: "a", Times: 1, Period: model.PerYear, Hours: 474}}
	u := &model.Unit{Level: model.Commune}
	tests := []struct {
		name    string
		weeks   float64
		support float64
		want    float64
	}{
		{"52 weeks by default", 0, 0, 474.0 / 52},
		{"weeks worked", 47.4, 0, 10},
		{"support share", 47.4, 0.2, 12.5},
		{"support only", 0, 0.5, 474.0 / 52 * 2},
	}
	for _, tt := range tests {
		tb := model.ActivityTable{Activities: acts, WorkingWeeks: tt.weeks, SupportShare: tt.support}
		if got := float64(tb.Hours(u, 0)); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("%s: Hours = %v, want %v", tt.name, got, tt.want)
		}
	}
}
