package scenarios

import (
	"encoding/csv"
	"slices"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/internal/shareddata"
	"github.com/kiemnhiem/kiemnhiem/model"
)

// TestNd185ProvinceTable checks that nd185-2026 places every post-reform
// province of the shared list in a region, and the floors that gives.
func TestNd185ProvinceTable(t *testing.T) {
	s, err := Load("nd185-2026")
	if err != nil {
		t.Fatal(err)
	}
	rule, err := s.Policy.VillageFloors.At(s.Date)
	if err != nil {
		t.Fatal(err)
	}
	f := shareddata.Open(t, "vn_provinces_2025-07_post_reform.csv")
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var want, got []string
	for _, r := range rows[1:] {
		want = append(want, r[0])
	}
	for _, p := range rule.Provinces {
		got = append(got, p.Province)
	}
	slices.Sort(want)
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("provinces placed = %v, want the shared list's %v", got, want)
	}

	thon := &model.Unit{Level: model.Village, Type: model.Thon}
	tdp := &model.Unit{Level: model.Village, Type: model.ToDanPho}
	mountain := &model.Unit{Level: model.Village, Type: model.Ban, Flags: model.Mountainous | model.EthnicMinority}
	tests := []struct {
		province       string
		thon, tdp, low int
	}{
		{"01", 500, 700, 250}, // Hà Nội
		{"79", 500, 700, 250}, // TP HCM
		{"11", 150, 300, 75},  // Điện Biên
		{"25", 150, 300, 75},  // Phú Thọ: policy-facts 9.7
		{"24", 150, 300, 75},  // Bắc Ninh: centre in Bắc Giang
		{"31", 400, 550, 200}, // Hải Phòng
		{"42", 350, 450, 175}, // Hà Tĩnh
		{"52", 300, 450, 150}, // Gia Lai
		{"75", 400, 550, 200}, // Đồng Nai
		{"80", 400, 550, 200}, // Tây Ninh
		{"86", 400, 550, 200}, // Vĩnh Long
	}
	for _, tt := range tests {
		a, err1 := s.Policy.VillageFloorFor(thon, tt.province, s.Date)
		b, err2 := s.Policy.VillageFloorFor(tdp, tt.province, s.Date)
		c, err3 := s.Policy.VillageFloorFor(mountain, tt.province, s.Date)
		if err1 != nil || err2 != nil || err3 != nil {
			t.Errorf("%s: %v %v %v", tt.province, err1, err2, err3)
			continue
		}
		if a.RegionName.Vi == "" || a.RegionName.En == "" {
			t.Errorf("%s: region %s has no name in both languages", tt.province, a.Region)
		}
		if a.Floor != tt.thon || b.Floor != tt.tdp || c.Floor != tt.low || !c.Exempt || c.Reason != model.Mountainous {
			t.Errorf("%s: floors %d / %d, lower %+v; want %d / %d, lower %d for a mountain bản", tt.province, a.Floor, b.Floor, c, tt.thon, tt.tdp, tt.low)
		}
	}
}

// TestNd185Funds checks the village funds of nd185-2026 on its plan date
// (Art. 15(1), policy-facts 9.4: 20,240,000 and 16,445,000 đồng).
func TestNd185Funds(t *testing.T) {
	s, err := Load("nd185-2026")
	if err != nil {
		t.Fatal(err)
	}
	const large, standard = 20_240_000, 16_445_000
	tests := []struct {
		name string
		v    model.Unit
		want model.Money
	}{
		{"thôn 700", model.Unit{Type: model.Thon, Households: 700}, large},
		{"thôn 699", model.Unit{Type: model.Thon, Households: 699}, standard},
		{"TDP 1,000", model.Unit{Type: model.ToDanPho, Households: 1000}, large},
		{"TDP 999", model.Unit{Type: model.ToDanPho, Households: 999}, standard},
		{"key defence", model.Unit{Type: model.Thon, Households: 80, Flags: model.KeyDefence}, large},
		{"border", model.Unit{Type: model.Thon, Households: 80, Flags: model.BorderIsland}, large},
		{"particularly difficult", model.Unit{Type: model.Ban, Households: 80, Flags: model.ParticularlyDifficult}, large},
		{"key security only", model.Unit{Type: model.Thon, Households: 80, Flags: model.KeySecurity}, standard},
	}
	for _, tt := range tests {
		if got, err := s.Policy.VillageFundFor(&tt.v, s.Date); err != nil || got != tt.want {
			t.Errorf("%s: fund = %v, %v; want %v", tt.name, got, err, tt.want)
		}
	}
	// The three allowances fit the standard fund with the insurance share.
	var sum model.Coefficient
	for _, ti := range s.Titles {
		if ti.Level == model.Village {
			sum += ti.Allowance
		}
	}
	if got := sum.Of(2_530_000); float64(got)*1.14 > standard {
		t.Errorf("village allowances %v a month with 14 %% insurance exceed the standard fund %v", got, model.Money(standard))
	}
	h, err := s.Policy.VillageHead.At(s.Date)
	if err != nil || h != (model.VillageHeadRule{TermMonths: 60, ProvisionalMonths: 6}) {
		t.Errorf("village head = %+v, %v; want 60 and 6 months", h, err)
	}
}

// TestNd185Unchanged checks that the presets before Decree 185 state no
// floors and read their village funds as before.
func TestNd185Unchanged(t *testing.T) {
	for _, name := range []string{"nd34-2019", "nd33-2023", "villages-2026"} {
		s, err := Load(name)
		if err != nil {
			t.Fatal(err)
		}
		p := &s.Policy
		if len(p.VillageFloors)+len(p.ProvinceFloors)+len(p.VillageHead)+len(p.RearrangementSeverance) != 0 {
			t.Errorf("%s states Decree 185 keys", name)
		}
		for _, e := range p.VillageFund {
			if e.Value.KeyDefenceIsLarge || e.Value.ParticularlyDifficultIsLarge {
				t.Errorf("%s: village fund from %s counts Decree 185 categories", name, e.From)
			}
		}
	}
}

// TestProvinceFloorsOverride lays a province's own floors over nd185-2026
// in a variant.
func TestProvinceFloorsOverride(t *testing.T) {
	src := `extends: nd185-2026
policy:
  province_floors:
    - from: "2026-07-01"
      value:
        - {province: "01", thon: 300}
        - {province: "42", exempt_share: 0.3}
      source: "assumption: a stricter and a looser province"
`
	s, err := LoadBytes("variant.yaml", "", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		province string
		v        model.Unit
		want     int
	}{
		{"01", model.Unit{Level: model.Village, Type: model.Thon}, 300},
		{"01", model.Unit{Level: model.Village, Type: model.ToDanPho}, 700},
		{"42", model.Unit{Level: model.Village, Type: model.Thon, Flags: model.Resettlement}, 105}, // 0.3 × 350
		{"42", model.Unit{Level: model.Village, Type: model.Thon}, 350},
		// The variant's list replaces the preset's from its date: Phú
		// Thọ keeps its region's floors.
		{"25", model.Unit{Level: model.Village, Type: model.Thon}, 150},
	}
	for _, tt := range tests {
		got, err := s.Policy.VillageFloorFor(&tt.v, tt.province, s.Date)
		if err != nil || got.Floor != tt.want {
			t.Errorf("%s %s: floor = %+v, %v; want %d", tt.province, tt.v.Type, got, err, tt.want)
		}
	}
}

// TestNd185Strict checks the stricter variant against the decree's
// defaults: no lower floor, Bắc Ninh on the Red River Delta row, the rest
// as nd185-2026.
func TestNd185Strict(t *testing.T) {
	base, err := Load("nd185-2026")
	if err != nil {
		t.Fatal(err)
	}
	strict, err := Load("nd185-2026-strict")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		province             string
		v                    model.Unit
		wantBase, wantStrict int
	}{
		{"24", model.Unit{Level: model.Village, Type: model.Thon}, 150, 400},
		{"24", model.Unit{Level: model.Village, Type: model.ToDanPho}, 300, 550},
		{"25", model.Unit{Level: model.Village, Type: model.Thon}, 150, 150},
		{"11", model.Unit{Level: model.Village, Type: model.Ban, Flags: model.Mountainous}, 75, 150},
		{"01", model.Unit{Level: model.Village, Type: model.Thon, Flags: model.Resettlement}, 250, 500},
		{"01", model.Unit{Level: model.Village, Type: model.Thon}, 500, 500},
	}
	for _, tt := range tests {
		b, err1 := base.Policy.VillageFloorFor(&tt.v, tt.province, base.Date)
		s, err2 := strict.Policy.VillageFloorFor(&tt.v, tt.province, strict.Date)
		if err1 != nil || err2 != nil || b.Floor != tt.wantBase || s.Floor != tt.wantStrict {
			t.Errorf("%s %s %s: floors %d (%v) and %d (%v), want %d and %d", tt.province, tt.v.Type, tt.v.Flags,
				b.Floor, err1, s.Floor, err2, tt.wantBase, tt.wantStrict)
		}
	}
	bf, _ := base.Policy.VillageFund.At(base.Date)
	sf, _ := strict.Policy.VillageFund.At(strict.Date)
	if bf != sf || len(base.Titles) != len(strict.Titles) {
		t.Error("the strict variant changes more than the floors")
	}
}

// TestNd185Ranges loads each new number with a value outside its range.
func TestNd185Ranges(t *testing.T) {
	floors := func(share, thon string) string {
		return "policy:\n  village_floors:\n    - from: 2025-01-01\n      value:\n        exempt_share: " + share +
			"\n        regions: [{id: r, name: {vi: a, en: b}, thon: " + thon + ", to_dan_pho: 300}]\n        provinces: [{province: \"01\", region: r}]\n      source: x\n"
	}
	tests := []struct {
		name, body, want string
	}{
		{"NaN share", floors(".nan", "150"), "policy.village_floors[0].value.exempt_share: expected a share of the floor between 0 and 1, got .nan"},
		{"negative share", floors("-0.1", "150"), "policy.village_floors[0].value.exempt_share: expected a share of the floor between 0 and 1, got -0.1"},
		{"huge floor", floors("0.5", "1000000"), "policy.village_floors[0].value.regions[0].thon: expected a whole number of households from 1 to 100000, got 1000000"},
		{"province share", "policy:\n  province_floors:\n    - {from: 2025-01-01, value: [{province: \"01\", exempt_share: .inf}], source: x}\n",
			"policy.province_floors[0].value[0].exempt_share: expected a share of the floor between 0 and 1, got .inf"},
		{"empty province entry", "policy:\n  province_floors:\n    - {from: 2025-01-01, value: [{province: \"01\"}], source: x}\n",
			"policy.province_floors[0].value[0]: expected at least one of thon, to_dan_pho, exempt_share"},
		{"term", "policy:\n  village_head:\n    - {from: 2025-01-01, value: {term_months: 0, provisional_months: 6}, source: x}\n",
			"policy.village_head[0].value.term_months: expected a number of months from 1 to 120, got 0"},
		{"missing provisional", "policy:\n  village_head:\n    - {from: 2025-01-01, value: {term_months: 60}, source: x}\n",
			"policy.village_head[0].value.provisional_months: required: a number of months from 0 to 24"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { wantLoadError(t, tt.body, tt.want) })
	}
}
