package model_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// nd154 is NĐ 154/2025 Art. 9 as policy-facts 6.3 gives it.
var nd154 = model.SeveranceRule{
	MonthlyFactor:       0.8,
	YearlyFactor:        1.5,
	JobSearchMonths:     3,
	ShortServiceYears:   5,
	NearRetirementYears: 5,
	CapMonths:           60,
}

func TestSeveranceAmount(t *testing.T) {
	// A = 1.5 × 2,340,000 = 3,510,000 đồng, a Hanoi commune title at the
	// 2024 base salary for a holder without intermediate training.
	const a model.Money = 3_510_000
	tests := []struct {
		name             string
		rule             model.SeveranceRule
		a                model.Money
		served, toRetire int
		want             model.Money
	}{
		// (a) 3 years 4 months served (< 5 years): months worked = 40; the
		// 4 months count as half a year, so 3.5 years.
		//   0.8A × 40  = 32A   = 112,320,000
		//   1.5A × 3.5 = 5.25A =  18,427,500
		//   3A                 =  10,530,000
		//   total      = 40.25A = 141,277,500
		{"a: 3y4m served", nd154, a, 40, 200, 141_277_500},
		// (b) 8 years served, 30 months to retirement (< 5 years):
		//   0.8A × 30 = 24A =  84,240,000
		//   1.5A × 8  = 12A =  42,120,000
		//   3A              =  10,530,000
		//   total     = 39A = 136,890,000
		{"b: 8y served, 30 months left", nd154, a, 96, 30, 136_890_000},
		// (c) 12 years 8 months served (8 months > 6 count as a whole year:
		// 13 years), 20 years to retirement (>= 5 years): 60 months.
		//   0.8A × 60 = 48A   = 168,480,000
		//   1.5A × 13 = 19.5A =  68,445,000
		//   3A                =  10,530,000
		//   total     = 70.5A = 247,455,000
		{"c: 12y8m served, 20y left", nd154, a, 152, 240, 247_455_000},

		// Boundaries between the cases.
		// 4y11m: case (a), 59 months; 11 months > 6 → 5 years.
		//   47.2A + 7.5A + 3A = 57.7A = 202,527,000
		{"a: 4y11m served", nd154, a, 59, 200, 202_527_000},
		// 5y0m with 59 months left: case (b), 59 months; 5 years.
		//   47.2A + 7.5A + 3A = 57.7A = 202,527,000
		{"b: 5y served, 59 months left", nd154, a, 60, 59, 202_527_000},
		// 5y0m with exactly 60 months left: case (c), 60 months.
		//   48A + 7.5A + 3A = 58.5A = 205,335,000
		{"c: 5y served, 60 months left", nd154, a, 60, 60, 205_335_000},
		// Case (a) applies by service alone, even close to retirement:
		// 2 years served, 6 months left → 24 months, not 6.
		//   19.2A + 3A + 3A = 25.2A = 88,452,000
		{"a: 2y served, 6 months left", nd154, a, 24, 6, 88_452_000},
		// At retirement age (or past it) no monthly part is due.
		//   0 + 7.5A + 3A = 10.5A = 36,855,000
		{"b: 0 months left", nd154, a, 60, 0, 36_855_000},
		{"b: past retirement", nd154, a, 60, -5, 36_855_000},

		// Half-year counting of the remainder.
		// 5y1m → 5.5 years: 48A + 8.25A + 3A = 59.25A = 207,967,500
		{"5y1m", nd154, a, 61, 200, 207_967_500},
		// 5y6m → 5.5 years (6 months is still half a year).
		{"5y6m", nd154, a, 66, 200, 207_967_500},
		// 5y7m → 6 years: 48A + 9A + 3A = 60A = 210,600,000
		{"5y7m", nd154, a, 67, 200, 210_600_000},
		{"6y0m", nd154, a, 72, 200, 210_600_000},
		// 1 month → half a year: 0.8A + 0.75A + 3A = 4.55A = 15,970,500
		{"1 month", nd154, a, 1, 200, 15_970_500},
		// 7 months → one year: 5.6A + 1.5A + 3A = 10.1A = 35,451,000
		{"7 months", nd154, a, 7, 200, 35_451_000},
		// Nothing served: the job-search months only, 3A = 10,530,000.
		{"0 months", nd154, a, 0, 200, 10_530_000},
		{"negative service", nd154, a, -3, 200, 10_530_000},

		// Other allowances. A = 1.86 × 2,340,000 = 4,352,400 (Hanoi,
		// intermediate), 10 years served, 100 months left (c):
		//   48A + 15A + 3A = 66A = 287,258,400
		{"c: A 4,352,400", nd154, 4_352_400, 120, 100, 287_258_400},
		// An odd A: 9 years served, 31 months left (b):
		//   0.8 × 31 + 1.5 × 9 + 3 = 24.8 + 13.5 + 3 = 41.3
		//   2,789,465 × 41.3 = 115,204,904.5 → 115,204,905 (half away
		//   from zero; float arithmetic alone gives 115,204,904)
		{"b: half a đồng", nd154, 2_789_465, 108, 31, 115_204_905},
		{"zero allowance", nd154, 0, 120, 100, 0},

		// The rule's parameters are honoured: a 36-month cap and 1 month
		// of job search. 10y served, 100 months left:
		//   0.8A × 36 + 1.5A × 10 + 1A = 28.8A + 15A + 1A = 44.8A = 157,248,000
		{"other cap", model.SeveranceRule{MonthlyFactor: 0.8, YearlyFactor: 1.5, JobSearchMonths: 1, ShortServiceYears: 5, NearRetirementYears: 5, CapMonths: 36}, a, 120, 100, 157_248_000},
		{"zero rule", model.SeveranceRule{}, a, 120, 100, 0},
	}
	for _, tt := range tests {
		if got := tt.rule.Amount(tt.a, tt.served, tt.toRetire); got != tt.want {
			t.Errorf("%s: Amount(%s, %d, %d) = %s, want %s", tt.name, tt.a, tt.served, tt.toRetire, got, tt.want)
		}
	}
}

// standards33 are the NQ 1211/2016 (as amended) standards of policy-facts
// 1.31-1.32; the township figures are test values.
var standards33 = model.ExtraWorkerRule{
	Population:            model.Standards[int]{Xa: 8_000, XaMountainous: 5_000, UrbanDistrictWard: 15_000, Ward: 7_000, Township: 8_000},
	Area:                  model.Standards[float64]{Xa: 30, XaMountainous: 50, UrbanDistrictWard: 5.5, Ward: 5.5, Township: 14},
	PopulationStep:        0.5,
	UrbanDistrictWardStep: 1.0 / 3,
	AreaStep:              1.0,
}

func TestStandardsPick(t *testing.T) {
	s := model.Standards[string]{Xa: "xa", XaMountainous: "xa-mountain", UrbanDistrictWard: "quan-ward", Ward: "ward", Township: "township"}
	tests := []struct {
		u    model.Unit
		want string
	}{
		{model.Unit{Type: model.Xa}, "xa"},
		{model.Unit{Type: model.Xa, Flags: model.Mountainous}, "xa-mountain"},
		{model.Unit{Type: model.Xa, Flags: model.Mountainous | model.BorderIsland}, "xa-mountain"},
		{model.Unit{Type: model.Phuong}, "ward"},
		{model.Unit{Type: model.Phuong, Flags: model.UrbanDistrictWard}, "quan-ward"},
		{model.Unit{Type: model.Phuong, Flags: model.Mountainous}, "ward"},
		{model.Unit{Type: model.ThiTran}, "township"},
		{model.Unit{Type: model.ThiTran, Flags: model.Mountainous}, "township"},
		{model.Unit{Type: model.DacKhu}, "xa"},
		{model.Unit{Type: model.Xa, Flags: model.UrbanDistrictWard}, "xa"}, // the flag means nothing on a xã
	}
	for _, tt := range tests {
		if got := s.Pick(&tt.u); got != tt.want {
			t.Errorf("Pick(%s %s) = %s, want %s", tt.u.Type, tt.u.Flags, got, tt.want)
		}
	}
}

func TestExtraWorkers(t *testing.T) {
	xa := func(pop int, area float64) model.Unit {
		return model.Unit{Type: model.Xa, Level: model.Commune, Population: pop, AreaKm2: area}
	}
	quanWard := func(pop int) model.Unit {
		return model.Unit{Type: model.Phuong, Level: model.Commune, Flags: model.UrbanDistrictWard, Population: pop, AreaKm2: 1}
	}
	noUrbanStep := standards33
	noUrbanStep.UrbanDistrictWardStep = 0
	noArea := standards33
	noArea.Area = model.Standards[float64]{}
	tests := []struct {
		name string
		rule model.ExtraWorkerRule
		u    model.Unit
		want int
	}{
		// Population: floor((pop − std) / (step × std)).
		// xã, standard 8,000, step 1/2 → one per further 4,000.
		{"xã 16,000", standards33, xa(16_000, 30), 2}, // 8,000 / 4,000 = 2
		{"xã 15,999", standards33, xa(15_999, 30), 1}, // 7,999 / 4,000 = 1.99…
		{"xã 12,000", standards33, xa(12_000, 30), 1}, // 4,000 / 4,000 = 1
		{"xã 11,999", standards33, xa(11_999, 30), 0}, // 3,999 / 4,000 < 1
		{"xã 8,000", standards33, xa(8_000, 30), 0},   // at the standard
		{"xã 5,000", standards33, xa(5_000, 10), 0},   // below it: never negative
		{"xã 40,000", standards33, xa(40_000, 30), 8}, // 32,000 / 4,000
		{"xã empty", standards33, xa(0, 0), 0},
		// Mountainous xã: standard 5,000 → one per further 2,500.
		{"mountain 7,500", standards33, model.Unit{Type: model.Xa, Flags: model.Mountainous, Population: 7_500}, 1},
		{"mountain 7,499", standards33, model.Unit{Type: model.Xa, Flags: model.Mountainous, Population: 7_499}, 0},
		// Phường thuộc quận: standard 15,000, step 1/3 → one per further 5,000.
		{"quận ward 30,000", standards33, quanWard(30_000), 3}, // 15,000 / 5,000
		{"quận ward 29,999", standards33, quanWard(29_999), 2},
		{"quận ward 20,000", standards33, quanWard(20_000), 1},
		{"quận ward 19,999", standards33, quanWard(19_999), 0},
		{"quận ward 15,000", standards33, quanWard(15_000), 0},
		// Without a ward step, the general step applies: 15,000 / 7,500.
		{"quận ward, no 1/3 step", noUrbanStep, quanWard(30_000), 2},
		// Other wards: standard 7,000, step 1/2 → one per further 3,500.
		{"ward 14,000", standards33, model.Unit{Type: model.Phuong, Population: 14_000, AreaKm2: 5.5}, 2},
		{"ward 10,499", standards33, model.Unit{Type: model.Phuong, Population: 10_499, AreaKm2: 5.5}, 0},
		// Township: standard 8,000 → one per further 4,000.
		{"thị trấn 12,000", standards33, model.Unit{Type: model.ThiTran, Population: 12_000, AreaKm2: 14}, 1},
		// Area: floor((area − std) / (1.0 × std)): one per further 100 %.
		{"area 65 vs 30", standards33, xa(8_000, 65), 1}, // 35 / 30
		{"area 60 vs 30", standards33, xa(8_000, 60), 1}, // 30 / 30
		{"area 59.9 vs 30", standards33, xa(8_000, 59.9), 0},
		{"area 90 vs 30", standards33, xa(8_000, 90), 2},
		{"area 29 vs 30", standards33, xa(8_000, 29), 0},
		{"mountain area 120 vs 50", standards33, model.Unit{Type: model.Xa, Flags: model.Mountainous, Population: 5_000, AreaKm2: 120}, 1},
		{"ward area 16.5 vs 5.5", standards33, model.Unit{Type: model.Phuong, Population: 7_000, AreaKm2: 16.5}, 2},
		// Both together add up.
		{"xã 16,000 and 65 km²", standards33, xa(16_000, 65), 3},
		{"quận ward 30,000 and 11 km²", standards33, model.Unit{Type: model.Phuong, Flags: model.UrbanDistrictWard, Population: 30_000, AreaKm2: 11}, 4},
		// A rule without area standards adds only by population.
		{"no area standard", noArea, xa(16_000, 65), 2},
		// The zero rule adds none.
		{"zero rule", model.ExtraWorkerRule{}, xa(100_000, 1_000), 0},
	}
	for _, tt := range tests {
		if got := tt.rule.For(&tt.u); got != tt.want {
			t.Errorf("%s: For = %d, want %d", tt.name, got, tt.want)
		}
	}
}

// TestExtraWorkersFloor checks the floor semantics against integer
// arithmetic for every population of a xã and of a quận ward up to five
// times the standard.
func TestExtraWorkersFloor(t *testing.T) {
	for pop := 0; pop <= 40_000; pop++ {
		u := model.Unit{Type: model.Xa, Population: pop}
		want := 0
		if pop > 8_000 {
			want = (pop - 8_000) / 4_000
		}
		if got := standards33.For(&u); got != want {
			t.Fatalf("xã %d: %d extra, want %d", pop, got, want)
		}
	}
	for pop := 0; pop <= 75_000; pop++ {
		u := model.Unit{Type: model.Phuong, Flags: model.UrbanDistrictWard, Population: pop}
		want := 0
		if pop > 15_000 {
			want = (pop - 15_000) * 3 / 15_000
		}
		if got := standards33.For(&u); got != want {
			t.Fatalf("quận ward %d: %d extra, want %d", pop, got, want)
		}
	}
}

// TestExtraWorkersSaturate checks that a tiny step or standard gives a
// bounded count instead of an undefined conversion of a huge quotient.
func TestExtraWorkersSaturate(t *testing.T) {
	tests := []struct {
		name string
		r    model.ExtraWorkerRule
		u    model.Unit
		want int
	}{
		{"tiny population step", model.ExtraWorkerRule{Population: model.Standards[int]{Xa: 1}, PopulationStep: 1e-300},
			model.Unit{Type: model.Xa, Population: 100_000}, 10_000},
		{"tiny area standard", model.ExtraWorkerRule{Area: model.Standards[float64]{Xa: 1e-300}, AreaStep: 1e-300},
			model.Unit{Type: model.Xa, AreaKm2: 100}, 10_000},
		{"both", model.ExtraWorkerRule{Population: model.Standards[int]{Xa: 1}, PopulationStep: 1e-300, Area: model.Standards[float64]{Xa: 1e-300}, AreaStep: 1e-300},
			model.Unit{Type: model.Xa, Population: 100_000, AreaKm2: 100}, 20_000},
	}
	for _, tt := range tests {
		if got := tt.r.For(&tt.u); got != tt.want {
			t.Errorf("%s: %d extra, want %d", tt.name, got, tt.want)
		}
	}
}

func TestVillageFundIsLarge(t *testing.T) {
	nd33 := model.VillageFundRule{Standard: 4.5, Large: 6.0, ThonHouseholds: 350, ToDanPhoHouseholds: 500, KeySecurityIsLarge: true, BorderIslandIsLarge: true}
	nd34 := model.VillageFundRule{Standard: 3.0, Large: 5.0, ThonHouseholds: 350}
	v := func(ty model.UnitType, hh int, f model.Flags) model.Unit {
		return model.Unit{Level: model.Village, Type: ty, Households: hh, Flags: f}
	}
	tests := []struct {
		name string
		rule model.VillageFundRule
		v    model.Unit
		want bool
	}{
		{"thôn 350", nd33, v(model.Thon, 350, 0), true},
		{"thôn 349", nd33, v(model.Thon, 349, 0), false},
		{"ấp 350", nd33, v(model.Ap, 350, 0), true},
		{"bản 351", nd33, v(model.Ban, 351, 0), true},
		{"tổ dân phố 350", nd33, v(model.ToDanPho, 350, 0), false},
		{"tổ dân phố 499", nd33, v(model.ToDanPho, 499, 0), false},
		{"tổ dân phố 500", nd33, v(model.ToDanPho, 500, 0), true},
		{"khu phố 500", nd33, v(model.KhuPho, 500, 0), true},
		{"khu phố 499", nd33, v(model.KhuPho, 499, 0), false},
		{"key security thôn 100", nd33, v(model.Thon, 100, model.KeySecurity), true},
		{"border tổ dân phố 100", nd33, v(model.ToDanPho, 100, model.BorderIsland), true},
		{"mountainous thôn 100", nd33, v(model.Thon, 100, model.Mountainous), false},
		// NĐ 34/2019 as confirmed: only thôn ≥ 350 households.
		{"nd34 thôn 350", nd34, v(model.Thon, 350, 0), true},
		{"nd34 key security thôn 100", nd34, v(model.Thon, 100, model.KeySecurity), false},
		{"nd34 border thôn 100", nd34, v(model.Thon, 100, model.BorderIsland), false},
		{"nd34 tổ dân phố 1,000", nd34, v(model.ToDanPho, 1_000, 0), false}, // no threshold set
		{"zero rule thôn 1,000", model.VillageFundRule{}, v(model.Thon, 1_000, 0), false},
	}
	for _, tt := range tests {
		if got := tt.rule.IsLarge(&tt.v); got != tt.want {
			t.Errorf("%s: IsLarge = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// testPolicy is a small hand-built policy: NĐ 34/2019 from 25/6/2019 and
// NĐ 33/2023 from 1/8/2023, with the base salaries of policy-facts §2.
func testPolicy() model.Policy {
	d := model.MustDate
	return model.Policy{
		BaseSalary:   baseSalary(),
		CommuneCap:   model.Const(d("2019-06-25"), model.ByClass[int]{I: 14, II: 12, III: 10}, "NĐ 34/2019; NĐ 33/2023 Art. 33(1)"),
		ExtraWorkers: model.Const(d("2023-08-01"), standards33, "NĐ 33/2023 Art. 33(2)"),
		CommuneFund: model.Series[model.ByClass[model.Coefficient]]{
			{From: d("2019-06-25"), Value: model.ByClass[model.Coefficient]{I: 16.0, II: 13.7, III: 11.4}, Source: "NĐ 34/2019"},
			{From: d("2023-08-01"), Value: model.ByClass[model.Coefficient]{I: 21.0, II: 18.0, III: 15.0}, Source: "NĐ 33/2023 Art. 34(1)"},
		},
		ExtraWorkerFund: model.Const[model.Coefficient](d("2023-08-01"), 1.5, "NĐ 33/2023 Art. 34(1)"),
		VillageFund: model.Series[model.VillageFundRule]{
			{From: d("2019-06-25"), Value: model.VillageFundRule{Standard: 3.0, Large: 5.0, ThonHouseholds: 350}, Source: "NĐ 34/2019; TT 13/2019"},
			{From: d("2023-08-01"), Value: model.VillageFundRule{Standard: 4.5, Large: 6.0, ThonHouseholds: 350, ToDanPhoHouseholds: 500, KeySecurityIsLarge: true, BorderIslandIsLarge: true}, Source: "NĐ 33/2023 Art. 34(2)"},
		},
	}
}

func TestCommuneCapFor(t *testing.T) {
	p := testPolicy()
	big := model.Unit{Code: "00001", Name: "Xã Lớn", Level: model.Commune, Type: model.Xa, Class: model.ClassI, Population: 16_000, AreaKm2: 65}
	small := model.Unit{Code: "00002", Name: "Xã Nhỏ", Level: model.Commune, Type: model.Xa, Class: model.ClassIII, Population: 6_000, AreaKm2: 20}
	ward := model.Unit{Code: "00003", Name: "Phường Một", Level: model.Commune, Type: model.Phuong, Class: model.ClassII, Flags: model.UrbanDistrictWard, Population: 30_000, AreaKm2: 2}
	tests := []struct {
		name string
		u    model.Unit
		on   string
		want int
	}{
		{"class I + 2 by population + 1 by area", big, "2024-01-01", 14 + 3},
		{"class I before NĐ 33: no extras", big, "2023-07-31", 14},
		{"class I on the day NĐ 33 applies", big, "2023-08-01", 17},
		{"class III, no extras", small, "2024-01-01", 10},
		{"class II quận ward + 3", ward, "2025-01-01", 12 + 3},
	}
	for _, tt := range tests {
		got, err := p.CommuneCapFor(&tt.u, model.MustDate(tt.on))
		if err != nil || got != tt.want {
			t.Errorf("%s: CommuneCapFor = %d, %v; want %d", tt.name, got, err, tt.want)
		}
	}

	noClass := big
	noClass.Class = model.ClassUnknown
	_, err := p.CommuneCapFor(&noClass, model.MustDate("2024-01-01"))
	if !errors.Is(err, model.ErrNoCap) {
		t.Errorf("ClassUnknown: error %v, want ErrNoCap", err)
	} else if !strings.Contains(err.Error(), "00001") || !strings.Contains(err.Error(), "Xã Lớn") {
		t.Errorf("ClassUnknown: error %q does not name the commune", err)
	}
	if _, err := p.CommuneCapFor(&big, model.MustDate("2019-01-01")); !errors.Is(err, model.ErrNoValue) {
		t.Errorf("before the cap series: error %v, want ErrNoValue", err)
	}
}

func TestCommuneFundFor(t *testing.T) {
	p := testPolicy()
	big := model.Unit{Code: "00001", Name: "Xã Lớn", Level: model.Commune, Type: model.Xa, Class: model.ClassI, Population: 16_000, AreaKm2: 65}
	classII := model.Unit{Code: "00004", Level: model.Commune, Type: model.Xa, Class: model.ClassII, Population: 8_000, AreaKm2: 30}
	classIII := model.Unit{Code: "00005", Level: model.Commune, Type: model.Xa, Class: model.ClassIII, Population: 3_000, AreaKm2: 10}
	tests := []struct {
		name string
		u    model.Unit
		on   string
		want model.Money
	}{
		// 21.0 × 2,340,000 = 49,140,000, plus 3 extra workers × 1.5 × 2,340,000
		// (3,510,000 each, 10,530,000) = 59,670,000.
		{"NĐ 33, class I, 3 extras, 2024", big, "2024-08-01", 59_670_000},
		// 21.0 × 1,800,000 = 37,800,000 + 3 × 2,700,000 = 45,900,000.
		{"NĐ 33, class I, 3 extras, 2023", big, "2023-08-01", 45_900_000},
		// 21.0 × 2,530,000 = 53,130,000 + 3 × 3,795,000 = 64,515,000.
		{"NĐ 33, class I, 3 extras, 2026", big, "2026-07-01", 64_515_000},
		// NĐ 34: 16.0 × 1,800,000 = 28,800,000; no extra-worker fund yet.
		{"NĐ 34, class I, 2023-07", big, "2023-07-31", 28_800_000},
		// NĐ 34: 13.7 × 1,490,000 = 20,413,000.
		{"NĐ 34, class II, 2020", classII, "2020-01-01", 20_413_000},
		// NĐ 34: 11.4 × 1,490,000 = 16,986,000.
		{"NĐ 34, class III, 2020", classIII, "2020-01-01", 16_986_000},
		// NĐ 33: 18.0 × 2,340,000 = 42,120,000 (no extras at the standard).
		{"NĐ 33, class II, 2025", classII, "2025-01-01", 42_120_000},
		// NĐ 33: 15.0 × 2,340,000 = 35,100,000.
		{"NĐ 33, class III, 2025", classIII, "2025-01-01", 35_100_000},
	}
	for _, tt := range tests {
		got, err := p.CommuneFundFor(&tt.u, model.MustDate(tt.on))
		if err != nil || got != tt.want {
			t.Errorf("%s: CommuneFundFor = %s, %v; want %s", tt.name, got, err, tt.want)
		}
	}

	noClass := big
	noClass.Class = model.ClassUnknown
	if _, err := p.CommuneFundFor(&noClass, model.MustDate("2024-08-01")); !errors.Is(err, model.ErrNoCap) {
		t.Errorf("ClassUnknown: error %v, want ErrNoCap", err)
	}
	// The fund series starts on 2019-06-25 but the base salary only on
	// 2019-07-01.
	if _, err := p.CommuneFundFor(&big, model.MustDate("2019-06-30")); !errors.Is(err, model.ErrNoValue) {
		t.Errorf("before the base salary: error %v, want ErrNoValue", err)
	}
	noFund := p
	noFund.CommuneFund = nil
	if _, err := noFund.CommuneFundFor(&big, model.MustDate("2024-08-01")); !errors.Is(err, model.ErrNoValue) {
		t.Errorf("no fund series: error %v, want ErrNoValue", err)
	}
	// An extra-worker fund without an extra-worker rule adds nothing.
	noRule := p
	noRule.ExtraWorkers = nil
	if got, err := noRule.CommuneFundFor(&big, model.MustDate("2024-08-01")); err != nil || got != 49_140_000 {
		t.Errorf("no extra-worker rule: %s, %v; want 49,140,000", got, err)
	}
}

func TestVillageFundFor(t *testing.T) {
	p := testPolicy()
	v := func(ty model.UnitType, hh int, f model.Flags) model.Unit {
		return model.Unit{Code: "v", Level: model.Village, Type: ty, Households: hh, Flags: f}
	}
	tests := []struct {
		name string
		v    model.Unit
		on   string
		want model.Money
	}{
		// NĐ 33 at 2,340,000 (policy-facts 1.25): 6.0× = 14,040,000; 4.5× = 10,530,000.
		{"thôn 400", v(model.Thon, 400, 0), "2024-08-01", 14_040_000},
		{"thôn 200", v(model.Thon, 200, 0), "2024-08-01", 10_530_000},
		{"tổ dân phố 450", v(model.ToDanPho, 450, 0), "2024-08-01", 10_530_000},
		{"tổ dân phố 500", v(model.ToDanPho, 500, 0), "2024-08-01", 14_040_000},
		{"key-security thôn 50", v(model.Thon, 50, model.KeySecurity), "2024-08-01", 14_040_000},
		{"border thôn 50", v(model.Thon, 50, model.BorderIsland), "2024-08-01", 14_040_000},
		// 6.0 × 2,530,000 = 15,180,000; 4.5 × 2,530,000 = 11,385,000.
		{"thôn 400, 2026", v(model.Thon, 400, 0), "2026-07-01", 15_180_000},
		{"thôn 200, 2026", v(model.Thon, 200, 0), "2026-07-01", 11_385_000},
		// NĐ 34 at 1,490,000: 5.0× = 7,450,000; 3.0× = 4,470,000.
		{"NĐ 34 thôn 400", v(model.Thon, 400, 0), "2020-01-01", 7_450_000},
		{"NĐ 34 thôn 200", v(model.Thon, 200, 0), "2020-01-01", 4_470_000},
		{"NĐ 34 border thôn 50", v(model.Thon, 50, model.BorderIsland), "2020-01-01", 4_470_000},
		// 2023-07: NĐ 34 coefficients at the new 1,800,000: 5.0× = 9,000,000.
		{"NĐ 34 thôn 400, 2023-07", v(model.Thon, 400, 0), "2023-07-31", 9_000_000},
	}
	for _, tt := range tests {
		got, err := p.VillageFundFor(&tt.v, model.MustDate(tt.on))
		if err != nil || got != tt.want {
			t.Errorf("%s: VillageFundFor = %s, %v; want %s", tt.name, got, err, tt.want)
		}
	}
	thon := v(model.Thon, 400, 0)
	if _, err := p.VillageFundFor(&thon, model.MustDate("2019-06-30")); !errors.Is(err, model.ErrNoValue) {
		t.Errorf("before the base salary: %v", err)
	}
	noRule := p
	noRule.VillageFund = nil
	if _, err := noRule.VillageFundFor(&thon, model.MustDate("2024-08-01")); !errors.Is(err, model.ErrNoValue) {
		t.Errorf("no village fund: %v", err)
	}
}

func TestCombinationAllows(t *testing.T) {
	const bt, tt_, mt, ca = "bi-thu-chi-bo", "truong-thon", "truong-ban-mt", "cong-an-vien"
	allowed := model.CombinationRule{Mode: model.AllowedPairs, Pairs: [][2]string{{bt, tt_}, {mt, bt}}}
	forbidden := model.CombinationRule{Mode: model.ForbiddenPairs, Pairs: [][2]string{{bt, ca}}}
	anyRule := model.CombinationRule{Mode: model.AnyPair, Pairs: [][2]string{{bt, tt_}}}
	tests := []struct {
		name string
		rule model.CombinationRule
		a, b string
		want bool
	}{
		{"any", anyRule, bt, ca, true},
		{"any, listed pair", anyRule, bt, tt_, true},
		{"zero rule", model.CombinationRule{}, bt, ca, true},
		{"allowed listed", allowed, bt, tt_, true},
		{"allowed listed, reversed", allowed, tt_, bt, true},
		{"allowed listed the other way round", allowed, bt, mt, true},
		{"allowed not listed", allowed, tt_, mt, false},
		{"allowed not listed, reversed", allowed, mt, tt_, false},
		{"allowed, unknown title", allowed, bt, "x", false},
		{"allowed, same title", allowed, ca, ca, true},
		{"allowed, empty list", model.CombinationRule{Mode: model.AllowedPairs}, bt, tt_, false},
		{"forbidden listed", forbidden, bt, ca, false},
		{"forbidden listed, reversed", forbidden, ca, bt, false},
		{"forbidden not listed", forbidden, bt, tt_, true},
		{"forbidden, same title", forbidden, bt, bt, true},
		{"forbidden, empty list", model.CombinationRule{Mode: model.ForbiddenPairs}, bt, ca, true},
	}
	for _, tc := range tests {
		if got := tc.rule.Allows(tc.a, tc.b); got != tc.want {
			t.Errorf("%s: Allows(%s, %s) = %v, want %v", tc.name, tc.a, tc.b, got, tc.want)
		}
		if got := tc.rule.Allows(tc.b, tc.a); got != tc.want {
			t.Errorf("%s: Allows is not symmetric for (%s, %s)", tc.name, tc.a, tc.b)
		}
	}
}

func TestRecruitmentRuleZero(t *testing.T) {
	// The zero rule forbids recruitment.
	var r model.RecruitmentRule
	if r.Allowed || r.MaxPerUnit != 0 || r.Cost != 0 {
		t.Errorf("zero RecruitmentRule = %+v", r)
	}
}
