package model_test

import (
	"math"
	"reflect"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// geography is a small pre-2025 hierarchy: a province, a district, two
// communes, and villages in each.
func geography() *model.Scenario {
	return &model.Scenario{
		Name: "geography",
		Date: model.MustDate("2025-01-01"),
		Units: []model.Unit{
			{Code: "01", Name: "Hà Nội", Level: model.Province, Type: model.ThanhPhoTW},
			{Code: "001", Name: "Ba Đình", Level: model.District, Type: model.Quan, Parent: "01"},
			{Code: "00001", Name: "Phúc Xá", Level: model.Commune, Type: model.Phuong, Class: model.ClassI, Parent: "001", Population: 20_000},
			{Code: "00004", Name: "Trúc Bạch", Level: model.Commune, Type: model.Phuong, Class: model.ClassII, Parent: "001", Population: 9_000},
			{Code: "00001-1", Name: "Tổ dân phố 1", Level: model.Village, Type: model.ToDanPho, Parent: "00001", Households: 450},
			{Code: "00001-2", Name: "Tổ dân phố 2", Level: model.Village, Type: model.ToDanPho, Parent: "00001", Households: 520},
			{Code: "00004-1", Name: "Tổ dân phố 1", Level: model.Village, Type: model.ToDanPho, Parent: "00004", Households: 300},
		},
	}
}

func mustIndex(t *testing.T, s *model.Scenario) *model.Index {
	t.Helper()
	ix, err := model.NewIndex(s)
	if err != nil {
		t.Fatal(err)
	}
	return ix
}

func TestRequirementsUnmet(t *testing.T) {
	s := geography()
	ix := mustIndex(t, s)
	on := model.MustDate("2025-01-01")
	commune, _ := ix.Unit("00001")
	village, _ := ix.Unit("00001-1")

	req := model.Requirements{PartyMember: true, MinEducation: model.EduUpperSec, Sex: model.Female, MinAge: 21, MaxAge: 55, Resident: true}
	// ok meets every requirement of req for the village, on the date.
	ok := model.Person{ID: "p", Birth: model.MustDate("1985-06-15"), Sex: model.Female, Education: model.EduUniversity, PartyMember: true, Residence: "00001-1"}
	with := func(f func(*model.Person)) model.Person { p := ok; f(&p); return p }

	tests := []struct {
		name string
		req  model.Requirements
		p    model.Person
		u    *model.Unit
		want []model.Requirement
	}{
		{"eligible", req, ok, village, nil},
		{"no requirements", model.Requirements{}, model.Person{Birth: model.MustDate("2020-01-01")}, village, nil},
		{"not a Party member", req, with(func(p *model.Person) { p.PartyMember = false }), village, []model.Requirement{model.ReqPartyMember}},
		{"education too low", req, with(func(p *model.Person) { p.Education = model.EduLowerSec }), village, []model.Requirement{model.ReqEducation}},
		{"education exactly the minimum", req, with(func(p *model.Person) { p.Education = model.EduUpperSec }), village, nil},
		{"wrong sex", req, with(func(p *model.Person) { p.Sex = model.Male }), village, []model.Requirement{model.ReqSex}},
		{"any sex", model.Requirements{Sex: model.SexAny}, with(func(p *model.Person) { p.Sex = model.Male }), village, nil},
		// Age 21 on the birthday, 20 the day before.
		{"21 today", req, with(func(p *model.Person) { p.Birth = model.MustDate("2004-01-01") }), village, nil},
		{"21 tomorrow", req, with(func(p *model.Person) { p.Birth = model.MustDate("2004-01-02") }), village, []model.Requirement{model.ReqMinAge}},
		// MaxAge 55: still eligible at 55 years and 364 days, not at 56.
		{"55 until tomorrow", req, with(func(p *model.Person) { p.Birth = model.MustDate("1969-01-02") }), village, nil},
		{"56 today", req, with(func(p *model.Person) { p.Birth = model.MustDate("1969-01-01") }), village, []model.Requirement{model.ReqMaxAge}},
		{"lives in another village", req, with(func(p *model.Person) { p.Residence = "00001-2" }), village, []model.Requirement{model.ReqResident}},
		{"lives in the commune only", req, with(func(p *model.Person) { p.Residence = "00001" }), village, []model.Requirement{model.ReqResident}},
		{"no residence", req, with(func(p *model.Person) { p.Residence = "" }), village, []model.Requirement{model.ReqResident}},
		{"residence not required", model.Requirements{}, with(func(p *model.Person) { p.Residence = "elsewhere" }), village, nil},
		// A commune title accepts residents of the commune and of its villages.
		{"commune title, lives in the commune", req, with(func(p *model.Person) { p.Residence = "00001" }), commune, nil},
		{"commune title, lives in its village", req, with(func(p *model.Person) { p.Residence = "00001-2" }), commune, nil},
		{"commune title, lives in another commune's village", req, with(func(p *model.Person) { p.Residence = "00004-1" }), commune, []model.Requirement{model.ReqResident}},
		{"commune title, lives in another commune", req, with(func(p *model.Person) { p.Residence = "00004" }), commune, []model.Requirement{model.ReqResident}},
		{"everything fails, in declaration order", req, model.Person{Birth: model.MustDate("2010-01-01"), Sex: model.Male, Residence: "x"}, village,
			[]model.Requirement{model.ReqPartyMember, model.ReqEducation, model.ReqSex, model.ReqMinAge, model.ReqResident}},
		{"old and unqualified", req, model.Person{Birth: model.MustDate("1950-01-01"), Sex: model.Female, Residence: "00001-1", PartyMember: true}, village,
			[]model.Requirement{model.ReqEducation, model.ReqMaxAge}},
	}
	for _, tt := range tests {
		got := tt.req.Unmet(&tt.p, tt.u, on, ix.InCommune)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: Unmet = %v, want %v", tt.name, got, tt.want)
		}
	}

	// Without an InCommune function a commune title needs residence in the
	// commune itself.
	p := with(func(p *model.Person) { p.Residence = "00001-1" })
	if got := req.Unmet(&p, commune, on, nil); !reflect.DeepEqual(got, []model.Requirement{model.ReqResident}) {
		t.Errorf("nil inCommune: Unmet = %v", got)
	}
	// InCommune is not consulted for a village title.
	called := false
	spy := func(string, string) bool { called = true; return true }
	p = with(func(p *model.Person) { p.Residence = "00001-2" })
	if got := req.Unmet(&p, village, on, spy); called || !reflect.DeepEqual(got, []model.Requirement{model.ReqResident}) {
		t.Errorf("village title: Unmet = %v, inCommune called %v", got, called)
	}
}

func TestNextElection(t *testing.T) {
	d := model.MustDate
	party := model.TermRule{Kind: model.Elected, Months: 60, Anchor: d("2020-10-15")}
	village := model.TermRule{Kind: model.Elected, Months: 30, Anchor: d("2024-08-31")}
	tests := []struct {
		name string
		rule model.TermRule
		on   string
		want string
	}{
		// 60-month terms: ..., 2015-10-15, 2020-10-15, 2025-10-15, 2030-10-15, ...
		{"60: mid-term", party, "2024-01-01", "2025-10-15"},
		{"60: the day before", party, "2025-10-14", "2025-10-15"},
		{"60: on an election, strictly after", party, "2025-10-15", "2030-10-15"},
		{"60: on the anchor", party, "2020-10-15", "2025-10-15"},
		{"60: the day after the anchor", party, "2020-10-16", "2025-10-15"},
		{"60: anchor in the future", party, "2018-01-01", "2020-10-15"},
		{"60: on an earlier election", party, "2015-10-15", "2020-10-15"},
		{"60: the day before an earlier election", party, "2015-10-14", "2015-10-15"},
		{"60: far in the past", party, "1999-01-01", "2000-10-15"},
		{"60: far in the future", party, "2051-03-01", "2055-10-15"},
		// 30-month terms from 31 August, clamped in February:
		// ..., 2022-02-28, 2024-08-31, 2027-02-28, 2029-08-31, ...
		{"30: mid-term", village, "2025-06-01", "2027-02-28"},
		{"30: day before a clamped election", village, "2027-02-27", "2027-02-28"},
		{"30: on a clamped election", village, "2027-02-28", "2029-08-31"},
		{"30: before the anchor", village, "2023-01-01", "2024-08-31"},
		{"30: on an earlier clamped election", village, "2022-02-28", "2024-08-31"},
		{"30: day before the earlier one", village, "2022-02-27", "2022-02-28"},
		{"30: two terms back", village, "2021-08-31", "2022-02-28"},
		{"30: on two terms back", village, "2019-08-31", "2022-02-28"},
	}
	for _, tt := range tests {
		if got := tt.rule.NextElection(d(tt.on)); got.String() != tt.want {
			t.Errorf("%s: NextElection(%s) = %s, want %s", tt.name, tt.on, got, tt.want)
		}
	}
	for _, r := range []model.TermRule{
		{Kind: model.Appointed, Months: 60, Anchor: d("2020-10-15")},
		{Kind: model.Elected, Months: 0, Anchor: d("2020-10-15")},
		{Kind: model.Elected, Months: -30, Anchor: d("2020-10-15")},
		{Kind: model.Elected, Months: 60},
		{},
	} {
		if got := r.NextElection(d("2024-01-01")); !got.IsZero() {
			t.Errorf("%+v: NextElection = %s, want zero", r, got)
		}
	}
}

// TestNextElectionBruteForce compares NextElection with the definition:
// the smallest Anchor.AddMonths(k × Months) after d.
func TestNextElectionBruteForce(t *testing.T) {
	anchors := []string{"2020-10-15", "2024-08-31", "2021-01-31", "2020-02-29", "2022-12-30", "2025-03-01"}
	for _, a := range anchors {
		for _, months := range []int{1, 12, 30, 60} {
			r := model.TermRule{Kind: model.Elected, Months: months, Anchor: model.MustDate(a)}
			var elections []model.Date
			for k := -300; k <= 300; k++ {
				elections = append(elections, r.Anchor.AddMonths(k*months))
			}
			for on := model.MustDate("2016-01-01"); on <= model.MustDate("2030-12-31"); on = on.AddDays(1) {
				var want model.Date
				for _, e := range elections {
					if e > on && (want.IsZero() || e < want) {
						want = e
					}
				}
				if got := r.NextElection(on); got != want {
					t.Fatalf("anchor %s, %d months: NextElection(%s) = %s, want %s", a, months, on, got, want)
				}
			}
		}
	}
}

func TestHoldersFor(t *testing.T) {
	u := func(pop int) *model.Unit { return &model.Unit{Population: pop} }
	police := model.HoldersRule{Base: 1, PerPopulation: 1000, Above: 2000, Max: 3}
	tests := []struct {
		name string
		h    model.HoldersRule
		pop  int
		want int
	}{
		{"zero rule", model.HoldersRule{}, 5000, 0},
		{"base only", model.HoldersRule{Base: 1}, 50_000, 1},
		{"at the threshold", police, 2000, 1},
		{"just above", police, 2999, 1},
		{"one step above", police, 3000, 2},
		{"at the cap", police, 4000, 3},
		{"over the cap", police, 100_000, 3},
		{"below the threshold", police, 500, 1},
		{"no cap", model.HoldersRule{Base: 1, PerPopulation: 1000, Above: 2000}, 10_500, 9},
		{"cap below base", model.HoldersRule{Base: 2, Max: 1}, 0, 1},
		{"step without base", model.HoldersRule{PerPopulation: 2000}, 5_000, 2},
	}
	for _, tt := range tests {
		if got := tt.h.For(u(tt.pop)); got != tt.want {
			t.Errorf("%s: For(pop %d) = %d, want %d", tt.name, tt.pop, got, tt.want)
		}
	}
}

func TestTitleAppliesTo(t *testing.T) {
	anyVillage := model.Title{ID: "truong-thon", Level: model.Village}
	ruralVillage := model.Title{ID: "truong-ban", Level: model.Village, UnitTypes: []model.UnitType{model.Thon, model.Ban}}
	wardOnly := model.Title{ID: "truong-ban-bvdp", Level: model.Commune, UnitTypes: []model.UnitType{model.Phuong}}
	thon := &model.Unit{Level: model.Village, Type: model.Thon}
	ban := &model.Unit{Level: model.Village, Type: model.Ban}
	tdp := &model.Unit{Level: model.Village, Type: model.ToDanPho}
	xa := &model.Unit{Level: model.Commune, Type: model.Xa}
	phuong := &model.Unit{Level: model.Commune, Type: model.Phuong}
	odd := &model.Unit{Level: model.Village, Type: model.Phuong} // a type at the wrong level
	tests := []struct {
		title *model.Title
		u     *model.Unit
		want  bool
	}{
		{&anyVillage, thon, true},
		{&anyVillage, tdp, true},
		{&anyVillage, xa, false},
		{&ruralVillage, thon, true},
		{&ruralVillage, ban, true},
		{&ruralVillage, tdp, false},
		{&ruralVillage, xa, false},
		{&wardOnly, phuong, true},
		{&wardOnly, xa, false},
		{&wardOnly, odd, false},
	}
	for _, tt := range tests {
		if got := tt.title.AppliesTo(tt.u); got != tt.want {
			t.Errorf("%s.AppliesTo(%s %s) = %v, want %v", tt.title.ID, tt.u.Level, tt.u.Type, got, tt.want)
		}
	}
}

func TestTitleAllowanceFor(t *testing.T) {
	// Hanoi NQ 18/2023 (policy-facts 3.5): university or higher 2.40,
	// college 2.10, intermediate 1.86, anything else 1.50. The tiers are
	// listed out of order on purpose.
	hanoi := model.Title{ID: "van-phong-dang-uy", Allowance: 1.50, AllowanceByEducation: []model.EducationAllowance{
		{MinEducation: model.EduCollege, Allowance: 2.10},
		{MinEducation: model.EduUniversity, Allowance: 2.40},
		{MinEducation: model.EduIntermediate, Allowance: 1.86},
	}}
	flat := model.Title{ID: "truong-thon", Allowance: 1.2}
	tests := []struct {
		title *model.Title
		e     model.Education
		want  model.Coefficient
	}{
		{&hanoi, model.EduPostgraduate, 2.40},
		{&hanoi, model.EduUniversity, 2.40},
		{&hanoi, model.EduCollege, 2.10},
		{&hanoi, model.EduIntermediate, 1.86},
		{&hanoi, model.EduUpperSec, 1.50},
		{&hanoi, model.EduPrimary, 1.50},
		{&hanoi, model.EduNone, 1.50},
		{&flat, model.EduUniversity, 1.2},
		{&flat, model.EduNone, 1.2},
	}
	for _, tt := range tests {
		if got := tt.title.AllowanceFor(tt.e); got != tt.want {
			t.Errorf("%s.AllowanceFor(%s) = %v, want %v", tt.title.ID, tt.e, got, tt.want)
		}
	}
	// The coefficients in đồng at the 2024 base salary.
	base := model.Money(2_340_000)
	for e, want := range map[model.Education]model.Money{
		model.EduUniversity: 5_616_000, model.EduCollege: 4_914_000, model.EduIntermediate: 4_352_400, model.EduUpperSec: 3_510_000,
	} {
		if got := hanoi.AllowanceFor(e).Of(base); got != want {
			t.Errorf("allowance for %s = %s, want %s", e, got, want)
		}
	}
}

func TestWorkloadFor(t *testing.T) {
	w := model.Workload{Base: 10, PerThousandHouseholds: 2, PerKm2: 0.1}
	tests := []struct {
		households int
		area       float64
		want       model.Hours
	}{
		{0, 0, 10},
		{1500, 0, 13},
		{0, 20, 12},
		{1500, 20, 15},
		{250, 2.5, 10.75},
	}
	for _, tt := range tests {
		got := w.For(&model.Unit{Households: tt.households, AreaKm2: tt.area}, 0)
		if math.Abs(float64(got-tt.want)) > 1e-9 {
			t.Errorf("For(%d households, %v km²) = %v, want %v", tt.households, tt.area, got, tt.want)
		}
	}
	if got := (model.Workload{}).For(&model.Unit{Households: 1000, AreaKm2: 10}, 0); got != 0 {
		t.Errorf("zero workload = %v", got)
	}
}

func TestTextIn(t *testing.T) {
	both := model.Text{Vi: "Trưởng thôn", En: "Village head"}
	viOnly := model.Text{Vi: "Trưởng thôn"}
	tests := []struct {
		t    model.Text
		lang model.Lang
		want string
	}{
		{both, "vi", "Trưởng thôn"},
		{both, "en", "Village head"},
		{both, "ja", "Trưởng thôn"},
		{both, "", "Trưởng thôn"},
		{viOnly, "en", "Trưởng thôn"},
	}
	for _, tt := range tests {
		if got := tt.t.In(tt.lang); got != tt.want {
			t.Errorf("%+v.In(%q) = %q, want %q", tt.t, tt.lang, got, tt.want)
		}
	}
}
