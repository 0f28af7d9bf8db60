package synth

import (
	"bytes"
	"encoding/csv"
	"math"
	"reflect"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/tables"
)

// genTestTitles are a few titles with every kind of requirement.
func genTestTitles() []model.Title {
	elected := func(months int, anchor string) model.TermRule {
		return model.TermRule{Kind: model.Elected, Months: months, Anchor: model.MustDate(anchor)}
	}
	return []model.Title{
		{ID: "van-phong-dang-uy", Level: model.Commune, Requires: model.Requirements{PartyMember: true, MinEducation: model.EduUniversity, MaxAge: 45},
			Holders: model.HoldersRule{Base: 1}},
		{ID: "pho-chu-tich-hoi-lhpn", Level: model.Commune, Requires: model.Requirements{Sex: model.Female, Resident: true},
			Term: elected(60, "2022-10-01"), Holders: model.HoldersRule{Base: 1}},
		{ID: "chu-tich-hoi-nct", Level: model.Commune, Requires: model.Requirements{MinAge: 55, Resident: true},
			Term: elected(60, "2021-06-01"), Holders: model.HoldersRule{Base: 1}},
		{ID: "bi-thu-chi-bo", Level: model.Village, Requires: model.Requirements{PartyMember: true, MinAge: 21, Resident: true},
			Term: elected(30, "2020-05-01"), Holders: model.HoldersRule{Base: 1}},
		{ID: "truong-thon", Level: model.Village, UnitTypes: []model.UnitType{model.Thon}, Requires: model.Requirements{MinAge: 21, Resident: true},
			Term: elected(30, "2022-12-01"), Holders: model.HoldersRule{Base: 1}},
		{ID: "to-truong-tdp", Level: model.Village, UnitTypes: []model.UnitType{model.ToDanPho}, Requires: model.Requirements{MinAge: 21, Resident: true},
			Term: elected(60, "2022-12-01"), Holders: model.HoldersRule{Base: 1}},
		{ID: "cong-an-vien", Level: model.Village, Requires: model.Requirements{MinEducation: model.EduUpperSec, MaxAge: 50},
			Holders: model.HoldersRule{Base: 1, PerPopulation: 1000, Above: 1500, Max: 3}},
	}
}

var genTestDate = model.MustDate("2026-03-15")

func TestGenerateCountsMatchCalibration(t *testing.T) {
	for _, cv := range calibration {
		for _, p := range cv.Provinces {
			units, err := Units(Config{Province: p.Code, Vintage: cv.Vintage, Seed: 1})
			if err != nil {
				t.Fatal(err)
			}
			byType := map[model.UnitType]int{}
			for _, u := range units {
				if u.Level == model.Commune {
					byType[u.Type]++
					byType[model.TypeUnknown]++
				}
			}
			for _, r := range p.Rows {
				if byType[r.Type] != r.N {
					t.Errorf("%s %s %s: %d communes, want %d", cv.Vintage, p.Code, r.Type, byType[r.Type], r.N)
				}
			}
			if got := levels(units)[model.District]; got != len(p.Districts) {
				t.Errorf("%s %s: %d districts, want %d", cv.Vintage, p.Code, got, len(p.Districts))
			}
			if units[0].Level != model.Province || units[0].Code != p.Code {
				t.Errorf("%s %s: first unit %+v", cv.Vintage, p.Code, units[0])
			}
		}
	}
	for _, tc := range []struct {
		vintage, province string
		communes          int
	}{
		{tables.VintagePreReform, "01", 579}, {tables.VintagePostReform, "01", 126},
		{tables.VintagePreReform, "42", 216}, {tables.VintagePostReform, "42", 69},
		{tables.VintagePreReform, "83", 157}, {tables.VintagePreReform, "62", 102},
		{tables.VintagePostReform, "79", 168}, {tables.VintagePreReform, "", 10472}, {tables.VintagePostReform, "", 3321},
	} {
		units, err := Units(Config{Province: tc.province, Vintage: tc.vintage, Seed: 9})
		if err != nil {
			t.Fatal(err)
		}
		if got := levels(units)[model.Commune]; got != tc.communes {
			t.Errorf("%s %q: %d communes, want %d", tc.vintage, tc.province, got, tc.communes)
		}
	}
}

// TestGenerateDistrictsMatchRealList checks the district table against the
// real 2024-11 list.
func TestGenerateDistrictsMatchRealList(t *testing.T) {
	real := realPreReform(t)
	gen, err := Units(Config{Vintage: tables.VintagePreReform, Seed: 2})
	if err != nil {
		t.Fatal(err)
	}
	type key struct {
		district string
		ty       model.UnitType
	}
	count := func(units []model.Unit) map[key]int {
		out := map[key]int{}
		for _, u := range units {
			switch u.Level {
			case model.District:
				out[key{u.Code, u.Type}]++
			case model.Commune:
				out[key{u.Parent, u.Type}]++
			}
		}
		return out
	}
	if r, g := count(real), count(gen); !reflect.DeepEqual(r, g) {
		t.Errorf("district structure differs: %d keys in the list, %d generated", len(r), len(g))
	}
}

// TestGenerateMediansMatchCalibration checks that the generated medians
// (and p10, p90) are near the published ones for every province and type
// with enough units.
func TestGenerateMediansMatchCalibration(t *testing.T) {
	quantile := func(xs []float64, q float64) float64 {
		s := slices.Clone(xs)
		slices.Sort(s)
		return s[int(q*float64(len(s)-1)+0.5)]
	}
	checked := 0
	for _, cv := range calibration {
		units, err := Units(Config{Vintage: cv.Vintage, Seed: 11})
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range cv.Provinces {
			for _, r := range p.Rows {
				if r.Type == model.TypeUnknown || r.N < 40 {
					continue
				}
				var pop, area []float64
				for _, u := range units {
					if u.Level == model.Commune && u.Type == r.Type && strings.HasPrefix(u.Code, p.Code) {
						pop = append(pop, float64(u.Population))
						area = append(area, u.AreaKm2)
					}
				}
				for _, c := range []struct {
					what string
					xs   []float64
					s    calibStats
				}{{"population", pop, r.Pop}, {"area", area, r.Area}} {
					if !c.s.HasData {
						continue
					}
					checked++
					for _, q := range []struct {
						q, want, tol float64
					}{{0.5, c.s.Median, 0.05}, {0.1, c.s.P10, 0.25}, {0.9, c.s.P90, 0.25}} {
						got := quantile(c.xs, q.q)
						if math.Abs(got/q.want-1) > q.tol && math.Abs(got-q.want) > 0.05 {
							t.Errorf("%s %s %s %s: q%.0f = %.2f, calibration %.2f", cv.Vintage, p.Code, r.Type, c.what, q.q*100, got, q.want)
						}
					}
				}
			}
		}
	}
	if checked < 200 {
		t.Errorf("only %d rows checked", checked)
	}
}

func TestGenerateErrors(t *testing.T) {
	_, err := Units(Config{Province: "99"})
	if err == nil || !strings.HasPrefix(err.Error(), `synth: no province "99" in the 2024-11 list (valid codes: 01, 02, 04, `) {
		t.Errorf("got %v", err)
	}
	_, err = Units(Config{Province: "02", Vintage: tables.VintagePostReform})
	if err == nil || !strings.Contains(err.Error(), `no province "02" in the 2025-07 list (valid codes: 01, 04, 08,`) {
		t.Errorf("got %v", err)
	}
	_, err = Units(Config{Vintage: "2030-01"})
	if err == nil || err.Error() != `synth: unknown vintage "2030-01" (want 2024-11 or 2025-07)` {
		t.Errorf("got %v", err)
	}
}

// genAll generates units, villages and people for one configuration and
// writes them.
func genAll(t *testing.T, cfg Config) (units, people []byte) {
	t.Helper()
	us, err := Units(cfg)
	if err != nil {
		t.Fatal(err)
	}
	us = AddVillages(us, cfg)
	ps := People(us, genTestTitles(), genTestDate, cfg.Seed)
	var ub, pb bytes.Buffer
	if err := tables.WriteUnits(&ub, us); err != nil {
		t.Fatal(err)
	}
	if err := tables.WritePeople(&pb, ps); err != nil {
		t.Fatal(err)
	}
	return ub.Bytes(), pb.Bytes()
}

func TestGenerateDeterministic(t *testing.T) {
	for _, v := range []string{tables.VintagePreReform, tables.VintagePostReform} {
		cfg := Config{Province: "42", Vintage: v, Seed: 7}
		u1, p1 := genAll(t, cfg)
		prev := runtime.GOMAXPROCS(1)
		u2, p2 := genAll(t, cfg)
		runtime.GOMAXPROCS(prev)
		if !bytes.Equal(u1, u2) || !bytes.Equal(p1, p2) {
			t.Errorf("%s: same seed, different output", v)
		}
		cfg.Seed = 8
		u3, p3 := genAll(t, cfg)
		if bytes.Equal(u1, u3) || bytes.Equal(p1, p3) {
			t.Errorf("%s: seeds 7 and 8 give the same output", v)
		}
	}
}

// TestGenerateProvinceIndependent checks that a province's units do not
// depend on which other provinces are generated.
func TestGenerateProvinceIndependent(t *testing.T) {
	all, err := Units(Config{Vintage: tables.VintagePostReform, Seed: 5})
	if err != nil {
		t.Fatal(err)
	}
	one, err := Units(Config{Province: "42", Vintage: tables.VintagePostReform, Seed: 5})
	if err != nil {
		t.Fatal(err)
	}
	var part []model.Unit
	for _, u := range all {
		if u.Code == "42" || u.Parent == "42" {
			part = append(part, u)
		}
	}
	if !reflect.DeepEqual(part, one) {
		t.Error("Hà Tĩnh generated alone differs from Hà Tĩnh generated with the country")
	}
}

func TestGenerateUnitsConsistent(t *testing.T) {
	units, err := Units(Config{Province: "01", Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	ix, err := model.NewIndex(&model.Scenario{Units: units})
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range units {
		if u.Level == model.Commune {
			if u.Class == model.ClassUnknown || u.Population <= 0 || u.Households <= 0 || u.AreaKm2 <= 0 {
				t.Errorf("commune %+v", u)
			}
			if p, ok := ix.Unit(u.Parent); !ok || p.Level != model.District {
				t.Errorf("commune %s parent %q", u.Code, u.Parent)
			}
			if u.Type == model.Phuong {
				d, _ := ix.Unit(u.Parent)
				if d.Type == model.Quan != u.Flags.Has(model.UrbanDistrictWard) {
					t.Errorf("ward %s in %s: flags %v", u.Code, d.Type, u.Flags)
				}
			}
		}
		if !norm.NFC.IsNormalString(u.Name) {
			t.Errorf("name %q not NFC", u.Name)
		}
		if u.Level == model.Province || u.Level == model.District {
			sum := 0
			for _, c := range ix.Children(u.Code) {
				sum += c.Population
			}
			if sum != u.Population {
				t.Errorf("%s %s: population %d, children sum %d", u.Level, u.Code, u.Population, sum)
			}
		}
	}
}

func TestAddVillages(t *testing.T) {
	units, err := Units(Config{Province: "42", Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	// One commune already has a village: it keeps it and gets no more.
	given := model.Unit{Code: "given-village", Level: model.Village, Type: model.Thon, Parent: units[2].Code}
	units = append(units, given)
	prov := provinceOf(units)
	for _, hpv := range []int{0, 150, 1000} {
		cfg := Config{Seed: 3, HouseholdsPerVillage: hpv}
		out := AddVillages(units, cfg)
		ix, err := model.NewIndex(&model.Scenario{Units: out})
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range out {
			if c.Level != model.Commune {
				continue
			}
			vs := ix.Children(c.Code)
			if c.Code == units[2].Code {
				if len(vs) != 1 || vs[0].Code != "given-village" {
					t.Errorf("commune with a village got %d villages", len(vs))
				}
				continue
			}
			size := float64(hpv)
			if hpv == 0 {
				size = villageSize(cfg, tables.VintagePreReform, prov[c.Code], villageType(c.Type))
			}
			if want := max(1, int(math.Round(float64(c.Households)/size))); len(vs) != want {
				t.Fatalf("commune %s: %d villages, want %d", c.Code, len(vs), want)
			}
			hh, pop, area := 0, 0, 0.0
			for k, v := range vs {
				hh += v.Households
				pop += v.Population
				area += v.AreaKm2
				if want := c.Code + "-" + strconv.Itoa(k + 101)[1:]; v.Code != want && k < 99 {
					t.Errorf("village code %s, want %s", v.Code, want)
				}
				wantType := model.Thon
				if c.Type != model.Xa {
					wantType = model.ToDanPho
				}
				if v.Type != wantType || v.Flags&^(model.EthnicMinority|model.ParticularlyDifficult) != c.Flags&^model.UrbanDistrictWard || v.Class != model.ClassUnknown {
					t.Errorf("village %+v of %+v", v, c)
				}
			}
			if hh != c.Households || pop != c.Population || math.Abs(area-c.AreaKm2) > 1e-6 {
				t.Errorf("commune %s: villages sum to %d households, %d people, %.4f km²; commune %d, %d, %.4f",
					c.Code, hh, pop, area, c.Households, c.Population, c.AreaKm2)
			}
		}
	}
}

func TestGeneratePeople(t *testing.T) {
	cfg := Config{Province: "42", Seed: 12}
	units, err := Units(cfg)
	if err != nil {
		t.Fatal(err)
	}
	units = AddVillages(units, cfg)
	titles := genTestTitles()
	people := People(units, titles, genTestDate, cfg.Seed)
	s := &model.Scenario{Date: genTestDate, Units: units, Titles: titles, People: people}
	ix, err := model.NewIndex(s)
	if err != nil {
		t.Fatal(err)
	}
	need := 0
	for _, sl := range s.Slots() {
		need += sl.Holders
	}
	if len(people) != need {
		t.Errorf("%d people for %d needed holders", len(people), need)
	}
	retire := model.Decree135()
	females, party := 0, 0
	for i, p := range people {
		if want := "P" + strconv.Itoa(1000001 + i)[1:]; p.ID != want {
			t.Fatalf("ID %s, want %s", p.ID, want)
		}
		if len(p.Holdings) != 1 || !p.Holdings[0].Main {
			t.Fatalf("%s holdings %+v", p.ID, p.Holdings)
		}
		h := p.Holdings[0]
		ti, _ := ix.Title(h.Title)
		u, _ := ix.Unit(h.Unit)
		if unmet := ti.Requires.Unmet(&p, u, genTestDate, ix.InCommune); unmet != nil {
			t.Errorf("%s (%s, born %s, %s, %s) not eligible for %s in %s: %v", p.ID, p.Sex, p.Birth, p.Education, strconv.FormatBool(p.PartyMember), h.Title, h.Unit, unmet)
		}
		if rd := retire.RetirementDate(p.Birth, p.Sex); rd <= genTestDate {
			t.Errorf("%s retired on %s", p.ID, rd)
		}
		if age := p.AgeAt(genTestDate); age < 21 || age > 60 {
			t.Errorf("%s is %d", p.ID, age)
		}
		if h.Start >= genTestDate || h.Start < p.Birth.AddMonths(18*12) {
			t.Errorf("%s started %s, born %s", p.ID, h.Start, p.Birth)
		}
		if elected := ti.Term.Kind == model.Elected; elected != (h.TermEnd > genTestDate) || !elected && !h.TermEnd.IsZero() {
			t.Errorf("%s (%s) term end %s: want after %s for an elected title, none for an appointed one", p.ID, ti.Term.Kind, h.TermEnd, genTestDate)
		}
		switch u.Level {
		case model.Village:
			if p.Residence != u.Code {
				t.Errorf("%s lives in %s, holds in village %s", p.ID, p.Residence, u.Code)
			}
		case model.Commune:
			if r, ok := ix.Unit(p.Residence); !ok || r.Level != model.Village || r.Parent != u.Code {
				t.Errorf("%s lives in %s, holds in commune %s", p.ID, p.Residence, u.Code)
			}
		}
		if p.Capacity != 40 {
			t.Errorf("capacity %v", p.Capacity)
		}
		if f := strings.Fields(p.Name); len(f) != 3 || !norm.NFC.IsNormalString(p.Name) {
			t.Errorf("name %q", p.Name)
		}
		if p.Sex == model.Female {
			females++
		}
		if p.PartyMember {
			party++
		}
	}
	if females == 0 || females == len(people) || party == 0 || party == len(people) {
		t.Errorf("%d women and %d Party members among %d", females, party, len(people))
	}
}

func TestGenSplit(t *testing.T) {
	for _, tc := range []struct {
		total int
		w     []float64
		want  []int
	}{
		{10, []float64{1, 1, 1}, []int{4, 3, 3}},
		{0, []float64{1, 2}, []int{0, 0}},
		{7, []float64{1}, []int{7}},
		{5, []float64{1, 1, 2}, []int{1, 1, 3}},
	} {
		if got := genSplit(tc.total, tc.w); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("genSplit(%d, %v) = %v, want %v", tc.total, tc.w, got, tc.want)
		}
	}
}

// TestGeneratePeopleCSVShape checks the people file of a generated province
// has one holding group.
func TestGeneratePeopleCSVShape(t *testing.T) {
	_, p := genAll(t, Config{Province: "01", Vintage: tables.VintagePostReform, Seed: 1})
	rows, err := csv.NewReader(bytes.NewReader(p)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := "id,name,birth_date,sex,education,party_member,residence,capacity_hours," +
		"veteran,military_training,womens_union,youth_union,farmers_association,veterans_association,elderly_association,red_cross,placed_from_commune," +
		"title_1,unit_1,start_1,term_end_1,main_1"
	if got := strings.Join(rows[0], ","); got != want {
		t.Errorf("header %s", got)
	}
}
