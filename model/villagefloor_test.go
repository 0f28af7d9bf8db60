package model_test

import (
	"errors"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// nd185Floors is Art. 10(1) of Decree 185/2026 for three regions, with
// Hà Nội (01), Phú Thọ (25) and Cần Thơ (92) placed in them.
var nd185Floors = model.VillageFloorRule{
	Regions: []model.FloorRegion{
		{ID: "ha-noi-hcm", Thon: 500, ToDanPho: 700},
		{ID: "northern-midlands", Thon: 150, ToDanPho: 300},
		{ID: "mekong-delta", Thon: 400, ToDanPho: 550},
	},
	Provinces: []model.ProvinceRegion{
		{Province: "01", Region: "ha-noi-hcm"},
		{Province: "25", Region: "northern-midlands"},
		{Province: "92", Region: "mekong-delta"},
	},
	ExemptShare: 0.5,
	Exempt:      model.Art10Exempt,
}

func TestVillageFloorFor(t *testing.T) {
	thon := func(f model.Flags) *model.Unit {
		return &model.Unit{Code: "v1", Level: model.Village, Type: model.Thon, Households: 120, Flags: f}
	}
	tdp := &model.Unit{Code: "v2", Level: model.Village, Type: model.ToDanPho, Households: 600}
	khuPho := &model.Unit{Code: "v3", Level: model.Village, Type: model.KhuPho}
	ap := &model.Unit{Code: "v4", Level: model.Village, Type: model.Ap}
	own := []model.ProvinceFloor{
		{Province: "92", Thon: 300},
		{Province: "25", ExemptShare: 0.6, HasExemptShare: true},
		{Province: "01", ExemptShare: 0, HasExemptShare: true},
	}
	tests := []struct {
		name     string
		v        *model.Unit
		province string
		own      []model.ProvinceFloor
		want     model.VillageFloor
	}{
		{"Hà Nội thôn", thon(0), "01", nil, model.VillageFloor{Region: "ha-noi-hcm", Full: 500, Floor: 500}},
		{"Hà Nội TDP", tdp, "01", nil, model.VillageFloor{Region: "ha-noi-hcm", Full: 700, Floor: 700}},
		{"khu phố takes the TDP floor", khuPho, "92", nil, model.VillageFloor{Region: "mekong-delta", Full: 550, Floor: 550}},
		{"ấp takes the thôn floor", ap, "92", nil, model.VillageFloor{Region: "mekong-delta", Full: 400, Floor: 400}},
		{"Phú Thọ thôn", thon(0), "25", nil, model.VillageFloor{Region: "northern-midlands", Full: 150, Floor: 150}},
		// Half of 150 is 75.
		{"mountain thôn", thon(model.Mountainous), "25", nil,
			model.VillageFloor{Region: "northern-midlands", Full: 150, Floor: 75, Exempt: true, Reason: model.Mountainous}},
		// The first circumstance in the decree's order is the reason.
		{"island and resettlement", thon(model.Resettlement | model.BorderIsland), "92", nil,
			model.VillageFloor{Region: "mekong-delta", Full: 400, Floor: 200, Exempt: true, Reason: model.BorderIsland}},
		// Key for defence is a fund category, not a floor one.
		{"key defence is not exempt", thon(model.KeyDefence | model.KeySecurity), "01", nil,
			model.VillageFloor{Region: "ha-noi-hcm", Full: 500, Floor: 500}},
		// The province's own thôn floor; its TDP floor stays the region's.
		{"own thôn floor", thon(0), "92", own, model.VillageFloor{Region: "mekong-delta", Full: 300, Floor: 300}},
		{"own floor, TDP kept", tdp, "92", own, model.VillageFloor{Region: "mekong-delta", Full: 550, Floor: 550}},
		// 0.6 × 150 = 90.
		{"own share", thon(model.EthnicMinority), "25", own,
			model.VillageFloor{Region: "northern-midlands", Full: 150, Floor: 90, Exempt: true, Reason: model.EthnicMinority}},
		// A share of 0: no floor for an exempt village.
		{"own share 0", thon(model.IsolatedIsland), "01", own,
			model.VillageFloor{Region: "ha-noi-hcm", Full: 500, Floor: 0, Exempt: true, Reason: model.IsolatedIsland}},
	}
	for _, tt := range tests {
		got, err := nd185Floors.For(tt.v, tt.province, tt.own)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if got != tt.want {
			t.Errorf("%s: For = %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

func TestVillageFloorRounding(t *testing.T) {
	// One third of 400 is 133.33: the lower floor is 134 households.
	r := nd185Floors
	r.ExemptShare = 1.0 / 3
	got, err := r.For(&model.Unit{Level: model.Village, Type: model.Thon, Flags: model.Fragmented}, "92", nil)
	if err != nil || got.Floor != 134 {
		t.Errorf("For = %+v, %v; want floor 134", got, err)
	}
	// Exempt flags are the rule's: without them nothing is exempt.
	r.Exempt = 0
	got, _ = r.For(&model.Unit{Level: model.Village, Type: model.Thon, Flags: model.Fragmented}, "92", nil)
	if got.Exempt || got.Floor != 400 {
		t.Errorf("no exempt flags: For = %+v, want floor 400 and not exempt", got)
	}
}

func TestVillageFloorErrors(t *testing.T) {
	tests := []struct {
		name     string
		v        model.Unit
		province string
	}{
		{"commune", model.Unit{Code: "00001", Level: model.Commune, Type: model.Xa}, "01"},
		{"unknown province", model.Unit{Code: "v", Level: model.Village, Type: model.Thon}, "99"},
	}
	for _, tt := range tests {
		if _, err := nd185Floors.For(&tt.v, tt.province, nil); !errors.Is(err, model.ErrNoFloor) {
			t.Errorf("%s: err = %v, want ErrNoFloor", tt.name, err)
		}
	}
	// A region the table names but does not define.
	bad := nd185Floors
	bad.Provinces = []model.ProvinceRegion{{Province: "01", Region: "nowhere"}}
	if _, err := bad.For(&model.Unit{Level: model.Village, Type: model.Thon}, "01", nil); !errors.Is(err, model.ErrNoFloor) {
		t.Errorf("undefined region: err = %v, want ErrNoFloor", err)
	}
}

func TestVillageFloorReasonText(t *testing.T) {
	tests := []struct {
		f      model.VillageFloor
		vi, en string
	}{
		{model.VillageFloor{}, "mức chuẩn của vùng (Điều 10 khoản 1)", "the region's floor (Art. 10(1))"},
		{model.VillageFloor{Exempt: true, Reason: model.ParticularlyDifficult}, "thôn đặc biệt khó khăn (Điều 10 khoản 3)", "particularly difficult village (Art. 10(3))"},
	}
	for _, tt := range tests {
		if got := tt.f.ReasonText(); got.Vi != tt.vi || got.En != tt.en {
			t.Errorf("ReasonText(%+v) = %+v, want {%s, %s}", tt.f, got, tt.vi, tt.en)
		}
	}
}

func TestPolicyVillageFloorFor(t *testing.T) {
	d := func(s string) model.Date { return model.MustDate(s) }
	p := model.Policy{
		VillageFloors:  model.Series[model.VillageFloorRule]{{From: d("2026-05-26"), Value: nd185Floors, Source: "NĐ 185/2026 Art. 10"}},
		ProvinceFloors: model.Series[[]model.ProvinceFloor]{{From: d("2026-07-01"), Value: []model.ProvinceFloor{{Province: "01", Thon: 600}}, Source: "assumption: test"}},
	}
	v := &model.Unit{Level: model.Village, Type: model.Thon}
	tests := []struct {
		date    string
		want    int
		wantErr bool
	}{
		{"2026-05-25", 0, true}, // before the decree
		{"2026-06-01", 500, false},
		{"2026-07-01", 600, false}, // the province's own floor
	}
	for _, tt := range tests {
		got, err := p.VillageFloorFor(v, "01", d(tt.date))
		if (err != nil) != tt.wantErr || got.Floor != tt.want {
			t.Errorf("%s: VillageFloorFor = %+v, %v; want floor %d, error %v", tt.date, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestVillageFundNd185(t *testing.T) {
	nd185 := model.VillageFundRule{Standard: 6.5, Large: 8.0, ThonHouseholds: 700, ToDanPhoHouseholds: 1000,
		KeySecurityIsLarge: false, BorderIslandIsLarge: true, KeyDefenceIsLarge: true, ParticularlyDifficultIsLarge: true}
	nd33 := model.VillageFundRule{Standard: 4.5, Large: 6.0, ThonHouseholds: 350, ToDanPhoHouseholds: 500, KeySecurityIsLarge: true, BorderIslandIsLarge: true}
	tests := []struct {
		name        string
		v           model.Unit
		nd185, nd33 bool
	}{
		{"thôn 699", model.Unit{Type: model.Thon, Households: 699}, false, true},
		{"thôn 700", model.Unit{Type: model.Thon, Households: 700}, true, true},
		{"TDP 999", model.Unit{Type: model.ToDanPho, Households: 999}, false, true},
		{"TDP 1000", model.Unit{Type: model.ToDanPho, Households: 1000}, true, true},
		{"key defence", model.Unit{Type: model.Thon, Households: 100, Flags: model.KeyDefence}, true, false},
		{"particularly difficult", model.Unit{Type: model.Thon, Households: 100, Flags: model.ParticularlyDifficult}, true, false},
		{"border", model.Unit{Type: model.Thon, Households: 100, Flags: model.BorderIsland}, true, true},
		{"key security only", model.Unit{Type: model.Thon, Households: 100, Flags: model.KeySecurity}, false, true},
		{"mountainous", model.Unit{Type: model.Thon, Households: 100, Flags: model.Mountainous}, false, false},
	}
	for _, tt := range tests {
		if got := nd185.IsLarge(&tt.v); got != tt.nd185 {
			t.Errorf("%s: NĐ 185 IsLarge = %v, want %v", tt.name, got, tt.nd185)
		}
		if got := nd33.IsLarge(&tt.v); got != tt.nd33 {
			t.Errorf("%s: NĐ 33 IsLarge = %v, want %v", tt.name, got, tt.nd33)
		}
	}
}

func TestVillageHeadProvisional(t *testing.T) {
	r := model.VillageHeadRule{TermMonths: 60, ProvisionalMonths: 6}
	tests := []struct{ from, want string }{
		{"2026-07-01", "2027-01-01"},
		{"2026-08-31", "2027-02-28"},
	}
	for _, tt := range tests {
		if got := r.ProvisionalUntil(model.MustDate(tt.from)); got != model.MustDate(tt.want) {
			t.Errorf("ProvisionalUntil(%s) = %s, want %s", tt.from, got, tt.want)
		}
	}
}

func TestRearrangementRegime(t *testing.T) {
	d := model.MustDate
	r := model.RearrangementSeveranceRule{TransitionFrom: d("2025-07-01"), TransitionBefore: d("2026-06-30")}
	tests := []struct {
		name   string
		placed model.Date
		former bool
		want   model.SeveranceRegime
	}{
		{"village worker", d("2019-01-01"), false, model.RegimeVillage},
		{"former commune, placed 2025-07-01", d("2025-07-01"), true, model.RegimeCommune},
		{"former commune, placed 2026-06-29", d("2026-06-29"), true, model.RegimeCommune},
		{"former commune, placed 2026-06-30", d("2026-06-30"), true, model.RegimeVillage},
		{"former commune, placed 2025-06-30", d("2025-06-30"), true, model.RegimeVillage},
		{"placed in the window, not a former commune worker", d("2025-09-01"), false, model.RegimeVillage},
		{"placement unknown", 0, true, model.RegimeVillage},
	}
	for _, tt := range tests {
		if got := r.Regime(tt.placed, tt.former); got != tt.want {
			t.Errorf("%s: Regime = %s, want %s", tt.name, got, tt.want)
		}
	}
	for _, g := range []model.SeveranceRegime{model.RegimeNone, model.RegimeVillage, model.RegimeCommune} {
		if tx := g.Text(); tx.Vi == "" || tx.En == "" {
			t.Errorf("%s: Text = %+v, want both languages", g, tx)
		}
	}
}

func TestFloorBand(t *testing.T) {
	tests := []struct {
		floor, households int
		want              model.FloorBand
	}{
		{350, 350, model.BandMeets},
		{350, 900, model.BandMeets},
		{350, 349, model.BandHalf},
		{350, 175, model.BandHalf}, // exactly half
		{350, 174, model.BandUnderHalf},
		{351, 175, model.BandUnderHalf}, // 175.5 is half
		{351, 176, model.BandHalf},
		{0, 0, model.BandMeets}, // no floor
		{150, 0, model.BandUnderHalf},
	}
	for _, tt := range tests {
		if got := (model.VillageFloor{Floor: tt.floor}).Band(tt.households); got != tt.want {
			t.Errorf("floor %d, %d households: Band = %s, want %s", tt.floor, tt.households, got, tt.want)
		}
	}
	for _, b := range model.FloorBands {
		if tx := b.Text(); tx.Vi == "" || tx.En == "" || tx.Vi == tx.En {
			t.Errorf("%s: Text = %+v, want both languages", b, tx)
		}
	}
}
