package synth

import (
	"math"
	"reflect"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/internal/shareddata"
	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/tables"
)

// TestVillageCalibrationReproducesCounts checks the derivation: at the
// calibrated rates, the table's households give exactly the national
// counts of thôn and tổ dân phố, and each counted province (or group of
// 2024-11 provinces) exactly its count.
func TestVillageCalibrationReproducesCounts(t *testing.T) {
	for _, nat := range villageNationals {
		t.Run(nat.Vintage, func(t *testing.T) {
			cv, err := calibVintageFor(nat.Vintage)
			if err != nil {
				t.Fatal(err)
			}
			vc := villageCalibs()[nat.Vintage]
			villages := map[string]float64{}
			var thon, tdp float64
			for i := range cv.Provinces {
				p := &cv.Provinces[i]
				ht, hd := villageKindHouseholds(p)
				r := vc.byProvince[p.Code]
				if r.Thon <= 0 || r.TDP <= 0 {
					t.Fatalf("province %s: rates %+v", p.Code, r)
				}
				thon += ht / r.Thon
				tdp += hd / r.TDP
				villages[p.Code] = ht/r.Thon + hd/r.TDP
			}
			if math.Abs(thon-float64(nat.Thon)) > 1e-6 || math.Abs(tdp-float64(nat.TDP)) > 1e-6 {
				t.Errorf("%.3f thôn and %.3f tổ dân phố, want %d and %d", thon, tdp, nat.Thon, nat.TDP)
			}
			for _, c := range villageCounts {
				sum := 0.0
				for _, code := range c.Provinces[nat.Vintage] {
					sum += villages[code]
				}
				if math.Abs(sum-float64(c.Villages)) > 1e-6 {
					t.Errorf("%s: %.3f villages, want %d", c.Name, sum, c.Villages)
				}
			}
		})
	}
}

// TestVillageRates pins the calibrated households per village of a few
// provinces, and that counted provinces keep the national ratio of tổ dân
// phố to thôn size.
func TestVillageRates(t *testing.T) {
	for _, tc := range []struct {
		vintage, code string
		thon, tdp     float64 // households per village, to 0.5
	}{
		{tables.VintagePreReform, "01", 303.5, 627.4}, // Hà Nội: 5,467 villages
		{tables.VintagePreReform, "25", 225.4, 465.9}, // Phú Thọ, Vĩnh Phúc and Hòa Bình: 3,606
		{tables.VintagePreReform, "17", 225.4, 465.9},
		{tables.VintagePreReform, "42", 234.0, 478.4}, // no count: the rest of the nation
		{tables.VintagePreReform, "", 237.3, 490.6},   // no province: national
		{tables.VintagePostReform, "01", 385.2, 539.0},
		{tables.VintagePostReform, "25", 285.0, 398.7},
		{tables.VintagePostReform, "42", 312.7, 433.3},
		{tables.VintagePostReform, "17", 315.2, 441.0}, // not a 2025-07 code: national
	} {
		r := villageRateFor(tc.vintage, tc.code)
		if math.Abs(r.Thon-tc.thon) > 0.5 || math.Abs(r.TDP-tc.tdp) > 0.5 {
			t.Errorf("%s %q: %.1f per thôn, %.1f per tổ dân phố; want %.1f, %.1f", tc.vintage, tc.code, r.Thon, r.TDP, tc.thon, tc.tdp)
		}
		nat := villageCalibs()[tc.vintage].national
		if math.Abs(r.TDP/r.Thon-nat.TDP/nat.Thon) > 1e-9 && tc.code != "42" {
			t.Errorf("%s %q: ratio %.4f, national %.4f", tc.vintage, tc.code, r.TDP/r.Thon, nat.TDP/nat.Thon)
		}
	}
}

// villageStats counts the villages of a unit list by province, and their
// households.
type villageStats struct {
	n, thon  int
	byProv   map[string]int
	hhByProv map[string]int
}

func countVillages(units []model.Unit) villageStats {
	prov := provinceOf(units)
	s := villageStats{byProv: map[string]int{}, hhByProv: map[string]int{}}
	for _, u := range units {
		if u.Level != model.Village {
			continue
		}
		s.n++
		if u.Type == model.Thon {
			s.thon++
		}
		s.byProv[prov[u.Parent]]++
		s.hhByProv[prov[u.Parent]] += u.Households
	}
	return s
}

// TestGeneratedVillageCounts checks the generated country against the
// published counts: the national total and the counted provinces within
// tol, and every province's mean households per village within 5 % of
// the calibrated mean. The generator's households are 2–4 % off the
// published ones (see Units), hence a wider tolerance than for the real
// lists.
func TestGeneratedVillageCounts(t *testing.T) {
	for _, vintage := range []string{tables.VintagePreReform, tables.VintagePostReform} {
		t.Run(vintage, func(t *testing.T) {
			cfg := Config{Vintage: vintage, Seed: 1}
			units, err := Units(cfg)
			if err != nil {
				t.Fatal(err)
			}
			checkVillageCounts(t, AddVillages(units, cfg), vintage, 0.03)
			checkProvinceMeans(t, units, vintage, 0.05)
		})
	}
}

// TestRealListVillageCounts is TestGeneratedVillageCounts on the real GSO
// lists, whose communes carry census households.
func TestRealListVillageCounts(t *testing.T) {
	for _, tc := range []struct{ vintage, file string }{
		{tables.VintagePreReform, "vn_communes_2024-11_pre_reform.csv"},
		{tables.VintagePostReform, "vn_communes_2025-07_post_reform.csv"},
	} {
		t.Run(tc.vintage, func(t *testing.T) {
			units, err := tables.ReadUnits(shareddata.Open(t, tc.file), tc.file, tables.UnitSelect{})
			if err != nil {
				t.Fatal(err)
			}
			if got := listVintage(units, Config{}); got != tc.vintage {
				t.Fatalf("list vintage %s, want %s", got, tc.vintage)
			}
			checkVillageCounts(t, AddVillages(units, Config{Seed: 1}), tc.vintage, 0.02)
		})
	}
}

func checkVillageCounts(t *testing.T, units []model.Unit, vintage string, tol float64) {
	t.Helper()
	s := countVillages(units)
	for _, nat := range villageNationals {
		if nat.Vintage != vintage {
			continue
		}
		if math.Abs(float64(s.n)/float64(nat.Thon+nat.TDP)-1) > tol || math.Abs(float64(s.thon)/float64(nat.Thon)-1) > tol {
			t.Errorf("%d villages, %d thôn; want %d and %d ± %.0f %%", s.n, s.thon, nat.Thon+nat.TDP, nat.Thon, tol*100)
		}
	}
	for _, c := range villageCounts {
		n := 0
		for _, code := range c.Provinces[vintage] {
			n += s.byProv[code]
		}
		if math.Abs(float64(n)/float64(c.Villages)-1) > tol {
			t.Errorf("%s: %d villages, want %d ± %.0f %%", c.Name, n, c.Villages, tol*100)
		}
	}
}

// checkProvinceMeans checks every province's generated thôn and tổ dân phố
// against its calibrated mean size, where it has at least 100 of them.
func checkProvinceMeans(t *testing.T, communes []model.Unit, vintage string, tol float64) {
	t.Helper()
	units := AddVillages(communes, Config{Vintage: vintage, Seed: 2})
	prov := provinceOf(units)
	type key struct {
		prov string
		ty   model.UnitType
	}
	hh, n := map[key]int{}, map[key]int{}
	for _, u := range units {
		if u.Level == model.Village {
			k := key{prov[u.Parent], u.Type}
			hh[k] += u.Households
			n[k]++
		}
	}
	checked := 0
	for k, c := range n {
		if c < 100 {
			continue
		}
		checked++
		r := villageRateFor(vintage, k.prov)
		want := r.Thon
		if k.ty == model.ToDanPho {
			want = r.TDP
		}
		if got := float64(hh[k]) / float64(c); math.Abs(got/want-1) > tol {
			t.Errorf("province %s, %s: %.1f households per village over %d, calibrated %.1f", k.prov, k.ty, got, c, want)
		}
	}
	if checked < 40 {
		t.Errorf("only %d provinces and kinds checked", checked)
	}
}

// TestVillagesDeterministic checks the same configuration gives the same
// villages, and a province's villages are the same generated alone or
// with the country.
func TestVillagesDeterministic(t *testing.T) {
	for _, vintage := range []string{tables.VintagePreReform, tables.VintagePostReform} {
		country, err := Units(Config{Vintage: vintage, Seed: 4})
		if err != nil {
			t.Fatal(err)
		}
		one, err := Units(Config{Vintage: vintage, Province: "01", Seed: 4})
		if err != nil {
			t.Fatal(err)
		}
		cfg := Config{Vintage: vintage, Seed: 4}
		a, b := AddVillages(one, cfg), AddVillages(one, cfg)
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%s: two runs differ", vintage)
		}
		inCountry := map[string]model.Unit{}
		for _, u := range AddVillages(country, cfg) {
			if u.Level == model.Village {
				inCountry[u.Code] = u
			}
		}
		for _, u := range a {
			if u.Level == model.Village && !reflect.DeepEqual(u, inCountry[u.Code]) {
				t.Fatalf("%s: village %+v alone, %+v with the country", vintage, u, inCountry[u.Code])
			}
		}
		if c := AddVillages(one, Config{Vintage: vintage, Seed: 5}); reflect.DeepEqual(a, c) {
			t.Errorf("%s: seeds 4 and 5 give the same villages", vintage)
		}
	}
}

func TestListVintageAndProvince(t *testing.T) {
	prov := model.Unit{Code: "42", Level: model.Province}
	dist := model.Unit{Code: "436", Level: model.District, Parent: "42"}
	c1 := model.Unit{Code: "18073", Level: model.Commune, Parent: "436"}
	c2 := model.Unit{Code: "18074", Level: model.Commune, Parent: "42"}
	c3 := model.Unit{Code: "18075", Level: model.Commune, Parent: "999"}
	c4 := model.Unit{Code: "18076", Level: model.Commune}
	for _, tc := range []struct {
		name    string
		units   []model.Unit
		cfg     Config
		vintage string
		prov    map[string]string
	}{
		{"districts", []model.Unit{prov, dist, c1}, Config{}, tables.VintagePreReform, map[string]string{"18073": "42"}},
		{"no districts", []model.Unit{prov, c2}, Config{}, tables.VintagePostReform, map[string]string{"18074": "42"}},
		{"generator says", []model.Unit{prov, c2}, Config{Vintage: tables.VintagePreReform}, tables.VintagePreReform, map[string]string{"18074": "42"}},
		{"district without its province", []model.Unit{dist, c1}, Config{}, tables.VintagePreReform, map[string]string{"18073": "42"}},
		{"parent not listed", []model.Unit{c3}, Config{}, tables.VintagePreReform, map[string]string{"18075": "999"}},
		{"no parent", []model.Unit{c4}, Config{}, tables.VintagePreReform, map[string]string{"18076": ""}},
	} {
		if got := listVintage(tc.units, tc.cfg); got != tc.vintage {
			t.Errorf("%s: vintage %s, want %s", tc.name, got, tc.vintage)
		}
		if got := provinceOf(tc.units); !reflect.DeepEqual(got, tc.prov) {
			t.Errorf("%s: provinces %v, want %v", tc.name, got, tc.prov)
		}
	}
}
