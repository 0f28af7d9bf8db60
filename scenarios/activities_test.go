package scenarios

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// Reference units for the activity tables: the embedded province's smallest
// and largest communes (about its 10th and 90th percentiles and beyond),
// a mountainous commune, the largest ward that still has one holder per
// title (40,000 residents and 13,000 households, about the 99th percentile of the 2024-11 list; titles get a second holder only from 80,000 residents),
// and small, large and mountainous villages.
var (
	smallCommune  = model.Unit{Code: "small", Level: model.Commune, Type: model.Xa, Population: 3000, Households: 880, AreaKm2: 5}
	medianCommune = model.Unit{Code: "median", Level: model.Commune, Type: model.Xa, Population: 5400, Households: 1600, AreaKm2: 14}
	largeCommune  = model.Unit{Code: "large", Level: model.Commune, Type: model.Xa, Population: 14800, Households: 4300, AreaKm2: 60}
	mountain      = model.Unit{Code: "mountain", Level: model.Commune, Type: model.Xa, Population: 6000, Households: 1300, AreaKm2: 300, Flags: model.Mountainous}
	bigWard       = model.Unit{Code: "ward", Level: model.Commune, Type: model.Phuong, Population: 40000, Households: 13000, AreaKm2: 10}
	smallVillage  = model.Unit{Code: "v-small", Level: model.Village, Type: model.Thon, Population: 500, Households: 130, AreaKm2: 0.5}
	largeVillage  = model.Unit{Code: "v-large", Level: model.Village, Type: model.ToDanPho, Population: 6000, Households: 2000, AreaKm2: 2}
	hillVillage   = model.Unit{Code: "v-hill", Level: model.Village, Type: model.Ban, Population: 900, Households: 200, AreaKm2: 110, Flags: model.Mountainous}
)

// villagesOf is the number of villages the generator gives a commune
// (one per 296 households, at least one).
func villagesOf(u *model.Unit) int { return max(1, int(math.Round(float64(u.Households)/296))) }

// TestActivityHours checks each preset title's weekly hours in small and
// large units: every title has an activity table, hours grow with the
// unit, no holder of one title needs more than 40 hours even in the
// largest ward kept to one holder, and the titles do not all weigh the
// same.
func TestActivityHours(t *testing.T) {
	s, err := Load("nd34-2019")
	if err != nil {
		t.Fatal(err)
	}
	const capacity = 40
	var small []float64
	for i := range s.Titles {
		ti := &s.Titles[i]
		if len(ti.Workload.Activities) == 0 {
			t.Errorf("%s: no activity table", ti.ID)
			continue
		}
		units := []*model.Unit{&smallCommune, &medianCommune, &largeCommune, &mountain, &bigWard}
		if ti.Level == model.Village {
			units = []*model.Unit{&smallVillage, &largeVillage, &hillVillage}
		}
		var line []string
		hours := make([]float64, len(units))
		for k, u := range units {
			hours[k] = float64(ti.WorkloadPerHolder(u, villagesOf(u)))
			line = append(line, fmt.Sprintf("%s %.1f h", u.Code, hours[k]))
			if hours[k] > capacity {
				t.Errorf("%s in %s: %.1f h a week per holder, above a %d-hour week", ti.ID, u.Code, hours[k], capacity)
			}
			if hours[k] <= 0 {
				t.Errorf("%s in %s: %.1f h a week", ti.ID, u.Code, hours[k])
			}
		}
		t.Logf("%-28s %s", ti.ID, strings.Join(line, ", "))
		if hours[1] <= hours[0] {
			t.Errorf("%s: %.1f h in the larger unit, not more than %.1f h in the smaller", ti.ID, hours[1], hours[0])
		}
		if ti.Level == model.Commune {
			small = append(small, hours[0])
		}
	}
	if slices.Min(small) == slices.Max(small) {
		t.Errorf("every commune title takes %.1f h in a small commune: the tables do not tell the titles apart", small[0])
	}
}

// TestActivityHoursTable pins one title's weekly hours in small and large
// communes, worked out by hand from its rows, so a change to the
// computation or the table shows.
func TestActivityHoursTable(t *testing.T) {
	s, err := Load("nd34-2019")
	if err != nil {
		t.Fatal(err)
	}
	ix, err := model.NewIndex(&s.Scenario)
	if err != nil {
		t.Fatal(err)
	}
	ti, ok := ix.Title("phu-trach-truyen-thanh")
	if !ok {
		t.Fatal("no phu-trach-truyen-thanh")
	}
	trip := func(area, kmh float64) float64 { return 4 * math.Sqrt(area/math.Pi) / (3 * kmh) }
	// WISN: yearly hours over 47.4 working weeks, over 1 − 0.21 support.
	wisn := func(yearly float64) float64 { return yearly / 47.4 / (1 - 0.21) }
	tests := []struct {
		u        model.Unit
		villages int
		want     float64
	}{
		// 14 broadcasts × 0.75 h + 2 bulletins × 2 h a week, a loudspeaker
		// check of 1 h plus the trip in each village monthly, a 2-hour
		// special broadcast monthly.
		{smallCommune, 3, wisn(52*(14*0.75+2*2) + 12*3*(1+trip(5, 25)) + 12*2)},
		{largeCommune, 15, wisn(52*(14*0.75+2*2) + 12*15*(1+trip(60, 25)) + 12*2)},
		{mountain, 4, wisn(52*(14*0.75+2*2) + 12*4*(1+trip(300, 12)) + 12*2)},
		{bigWard, 60, wisn(52*(14*0.75+2*2) + 12*40*(1+trip(10, 25)) + 12*2)}, // visits counted up to 40 villages
	}
	for _, tt := range tests {
		if got := float64(ti.Workload.For(&tt.u, tt.villages)); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("%s with %d villages: %.4f h, want %.4f h", tt.u.Code, tt.villages, got, tt.want)
		}
	}
}

// TestActivityVariants checks how a variant lays a workload over an
// inherited activity table: an activity table replaces it whole, and so
// does the linear form (the two are never mixed).
func TestActivityVariants(t *testing.T) {
	tests := []struct {
		name     string
		workload string
		rows     int
		base     model.Hours
	}{
		{"table over table", `
    workload:
      source: "assumption: test"
      activities:
        - {id: only, name: {vi: Một, en: One}, times: 1, per: week, hours: 5, source: "assumption: test"}`, 1, 0},
		{"linear over table", `
    workload: {base: 9}`, 0, 9},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := "extends: nd34-2019\ntitles:\n  - id: truong-thon" + tt.workload + "\n"
			s, err := LoadBytes("variant.yaml", ".", []byte(src))
			if err != nil {
				t.Fatal(err)
			}
			ix, err := model.NewIndex(&s.Scenario)
			if err != nil {
				t.Fatal(err)
			}
			ti, _ := ix.Title("truong-thon")
			w := ti.Workload
			if len(w.Activities) != tt.rows || w.Base != tt.base {
				t.Errorf("workload = %d activities, base %v; want %d, %v", len(w.Activities), w.Base, tt.rows, tt.base)
			}
			if tt.rows == 0 && (w.Source != "" || w.WorkingWeeks != 0) {
				t.Errorf("the inherited table's parameters survived: %+v", w.ActivityTable)
			}
			if other, _ := ix.Title("bi-thu-chi-bo"); len(other.Workload.Activities) == 0 {
				t.Error("bi-thu-chi-bo lost its inherited table")
			}
		})
	}
}
