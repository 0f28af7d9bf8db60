package model_test

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// enumCase is one enumeration: its values, how to parse a name, and its
// canonical names in value order.
type enumCase struct {
	kind      string
	values    []fmt.Stringer
	parse     func(string) (fmt.Stringer, error)
	canonical []string
}

func wrap[T fmt.Stringer](f func(string) (T, error)) func(string) (fmt.Stringer, error) {
	return func(s string) (fmt.Stringer, error) { return f(s) }
}

func stringers[T fmt.Stringer](vs ...T) []fmt.Stringer {
	out := make([]fmt.Stringer, len(vs))
	for i, v := range vs {
		out[i] = v
	}
	return out
}

func enumCases() []enumCase {
	return []enumCase{
		{
			"education",
			stringers(model.EduNone, model.EduPrimary, model.EduLowerSec, model.EduUpperSec, model.EduIntermediate, model.EduCollege, model.EduUniversity, model.EduPostgraduate),
			wrap(model.ParseEducation),
			[]string{"none", "primary", "lower-secondary", "upper-secondary", "intermediate", "college", "university", "postgraduate"},
		},
		{"sex", stringers(model.SexAny, model.Male, model.Female), wrap(model.ParseSex), []string{"any", "male", "female"}},
		{"term kind", stringers(model.Appointed, model.Elected), wrap(model.ParseTermKind), []string{"appointed", "elected"}},
		{"combination mode", stringers(model.AnyPair, model.AllowedPairs, model.ForbiddenPairs), wrap(model.ParseCombinationMode), []string{"any", "allowed", "forbidden"}},
		{"level", stringers(model.Province, model.District, model.Commune, model.Village), wrap(model.ParseLevel), []string{"province", "district", "commune", "village"}},
		{"class", stringers(model.ClassI, model.ClassII, model.ClassIII), wrap(model.ParseClass), []string{"I", "II", "III"}},
		{
			"unit type",
			stringers(model.Tinh, model.ThanhPhoTW, model.Quan, model.Huyen, model.ThiXa, model.ThanhPhoThuocTinh, model.Xa, model.Phuong, model.ThiTran, model.DacKhu, model.Thon, model.ToDanPho, model.Ap, model.Ban, model.KhuPho),
			wrap(model.ParseUnitType),
			[]string{"tinh", "thanh-pho-tw", "quan", "huyen", "thi-xa", "thanh-pho", "xa", "phuong", "thi-tran", "dac-khu", "thon", "to-dan-pho", "ap", "ban", "khu-pho"},
		},
	}
}

func TestEnumRoundTrip(t *testing.T) {
	for _, ec := range enumCases() {
		for i, v := range ec.values {
			name := v.String()
			if name != ec.canonical[i] {
				t.Errorf("%s %d: String() = %q, want %q", ec.kind, i, name, ec.canonical[i])
			}
			for _, spelling := range []string{name, strings.ToUpper(name), " " + name + "\t"} {
				got, err := ec.parse(spelling)
				if err != nil || got != v {
					t.Errorf("%s: parse(%q) = %v, %v; want %v", ec.kind, spelling, got, err, v)
				}
			}
		}
	}
}

func TestEnumNameLists(t *testing.T) {
	tests := []struct {
		name string
		got  []string
		want []string
	}{
		{"EducationNames", model.EducationNames(), enumCases()[0].canonical},
		{"LevelNames", model.LevelNames(), []string{"province", "district", "commune", "village"}},
		{"UnitTypeNames", model.UnitTypeNames(), enumCases()[6].canonical},
		{"FlagNames", model.FlagNames(), []string{"mountainous", "border-island", "key-security", "urban-district-ward",
			"key-defence", "ethnic-minority", "particularly-difficult", "fragmented", "resettlement", "isolated-island"}},
	}
	for _, tt := range tests {
		if !slices.Equal(tt.got, tt.want) {
			t.Errorf("%s() = %q, want %q", tt.name, tt.got, tt.want)
		}
	}
	// FlagNames returns a copy.
	names := model.FlagNames()
	names[0] = "changed"
	if model.FlagNames()[0] != "mountainous" {
		t.Error("FlagNames shares its slice with the package")
	}
}

func TestEnumAliases(t *testing.T) {
	tests := []struct {
		kind string
		s    string
		want fmt.Stringer
		f    func(string) (fmt.Stringer, error)
	}{
		// Unit types as GSO lists spell them.
		{"unit type", "Xã", model.Xa, wrap(model.ParseUnitType)},
		{"unit type", "Phường", model.Phuong, wrap(model.ParseUnitType)},
		{"unit type", "Thị trấn", model.ThiTran, wrap(model.ParseUnitType)},
		{"unit type", "Tổ dân phố", model.ToDanPho, wrap(model.ParseUnitType)},
		{"unit type", "TỔ DÂN PHỐ", model.ToDanPho, wrap(model.ParseUnitType)},
		{"unit type", "TDP", model.ToDanPho, wrap(model.ParseUnitType)},
		{"unit type", "Đặc khu", model.DacKhu, wrap(model.ParseUnitType)},
		{"unit type", "Thôn", model.Thon, wrap(model.ParseUnitType)},
		{"unit type", "Xóm", model.Thon, wrap(model.ParseUnitType)},
		{"unit type", "làng", model.Thon, wrap(model.ParseUnitType)},
		{"unit type", "Ấp", model.Ap, wrap(model.ParseUnitType)},
		{"unit type", "Bản", model.Ban, wrap(model.ParseUnitType)},
		{"unit type", "Buôn", model.Ban, wrap(model.ParseUnitType)},
		{"unit type", "Plei", model.Ban, wrap(model.ParseUnitType)},
		{"unit type", "Sóc", model.Ban, wrap(model.ParseUnitType)},
		{"unit type", "Khu phố", model.KhuPho, wrap(model.ParseUnitType)},
		{"unit type", "Tỉnh", model.Tinh, wrap(model.ParseUnitType)},
		{"unit type", "Thành phố trực thuộc trung ương", model.ThanhPhoTW, wrap(model.ParseUnitType)},
		{"unit type", "Thủ đô", model.ThanhPhoTW, wrap(model.ParseUnitType)},
		{"unit type", "Quận", model.Quan, wrap(model.ParseUnitType)},
		{"unit type", "Huyện", model.Huyen, wrap(model.ParseUnitType)},
		{"unit type", "Thị xã", model.ThiXa, wrap(model.ParseUnitType)},
		{"unit type", "Thành phố", model.ThanhPhoThuocTinh, wrap(model.ParseUnitType)},
		{"unit type", "Thành phố thuộc tỉnh", model.ThanhPhoThuocTinh, wrap(model.ParseUnitType)},
		// Sex.
		{"sex", "nữ", model.Female, wrap(model.ParseSex)},
		{"sex", "Nữ", model.Female, wrap(model.ParseSex)},
		{"sex", "nu", model.Female, wrap(model.ParseSex)},
		{"sex", "F", model.Female, wrap(model.ParseSex)},
		{"sex", "Nam", model.Male, wrap(model.ParseSex)},
		{"sex", "m", model.Male, wrap(model.ParseSex)},
		// Education.
		{"education", "đại học", model.EduUniversity, wrap(model.ParseEducation)},
		{"education", "Đại học", model.EduUniversity, wrap(model.ParseEducation)},
		{"education", "ĐẠI HỌC", model.EduUniversity, wrap(model.ParseEducation)},
		{"education", "sau đại học", model.EduPostgraduate, wrap(model.ParseEducation)},
		{"education", "Cao đẳng", model.EduCollege, wrap(model.ParseEducation)},
		{"education", "  trung cấp ", model.EduIntermediate, wrap(model.ParseEducation)},
		{"education", "THPT", model.EduUpperSec, wrap(model.ParseEducation)},
		{"education", "trung học phổ thông", model.EduUpperSec, wrap(model.ParseEducation)},
		{"education", "THCS", model.EduLowerSec, wrap(model.ParseEducation)},
		{"education", "tiểu học", model.EduPrimary, wrap(model.ParseEducation)},
		{"education", "không", model.EduNone, wrap(model.ParseEducation)},
		// Levels and classes.
		{"level", "Tỉnh", model.Province, wrap(model.ParseLevel)},
		{"level", "huyện", model.District, wrap(model.ParseLevel)},
		{"level", "Xã", model.Commune, wrap(model.ParseLevel)},
		{"level", "thôn", model.Village, wrap(model.ParseLevel)},
		{"class", "1", model.ClassI, wrap(model.ParseClass)},
		{"class", "2", model.ClassII, wrap(model.ParseClass)},
		{"class", "3", model.ClassIII, wrap(model.ParseClass)},
		{"class", "ii", model.ClassII, wrap(model.ParseClass)},
		{"combination mode", "Forbidden", model.ForbiddenPairs, wrap(model.ParseCombinationMode)},
		{"term kind", "ELECTED", model.Elected, wrap(model.ParseTermKind)},
	}
	for _, tt := range tests {
		got, err := tt.f(tt.s)
		if err != nil || got != tt.want {
			t.Errorf("%s: parse(%q) = %v, %v; want %v", tt.kind, tt.s, got, err, tt.want)
		}
	}
}

func TestEnumUnknown(t *testing.T) {
	tests := []struct {
		kind string
		s    string
		f    func(string) (fmt.Stringer, error)
		want []string
	}{
		{"unit type", "huyện đảo", wrap(model.ParseUnitType), model.UnitTypeNames()},
		{"unit type", "xa phuong", wrap(model.ParseUnitType), model.UnitTypeNames()},
		{"sex", "", wrap(model.ParseSex), []string{"any", "male", "female"}},
		{"sex", "other", wrap(model.ParseSex), []string{"any", "male", "female"}},
		{"education", "", wrap(model.ParseEducation), model.EducationNames()},
		{"education", "tiến sĩ", wrap(model.ParseEducation), model.EducationNames()},
		{"level", "hamlet", wrap(model.ParseLevel), model.LevelNames()},
		{"class", "IV", wrap(model.ParseClass), []string{"I", "II", "III"}},
		{"class", "0", wrap(model.ParseClass), []string{"I", "II", "III"}},
		{"term kind", "hired", wrap(model.ParseTermKind), []string{"appointed", "elected"}},
		{"combination mode", "some", wrap(model.ParseCombinationMode), []string{"any", "allowed", "forbidden"}},
	}
	for _, tt := range tests {
		_, err := tt.f(tt.s)
		var ee *model.EnumError
		if !errors.As(err, &ee) {
			t.Errorf("%s: parse(%q) error = %v, want *EnumError", tt.kind, tt.s, err)
			continue
		}
		if ee.Kind != tt.kind || ee.Value != tt.s || !slices.Equal(ee.Want, tt.want) {
			t.Errorf("%s: parse(%q) = %+v", tt.kind, tt.s, *ee)
		}
		msg := err.Error()
		if !strings.HasPrefix(msg, "model: unknown "+tt.kind) || !strings.Contains(msg, `"`+tt.s+`"`) || !strings.Contains(msg, strings.Join(tt.want, ", ")) {
			t.Errorf("%s: message %q", tt.kind, msg)
		}
	}
}

// TestEnumEmptyIsUnknown records that a blank level, unit type or class
// parses to the Unknown zero value without an error (callers reading
// optional columns rely on it and reject Unknown where a value is needed);
// the Unknown values have no canonical name.
func TestEnumEmptyIsUnknown(t *testing.T) {
	if l, err := model.ParseLevel(" "); err != nil || l != model.LevelUnknown {
		t.Errorf("ParseLevel(blank) = %v, %v", l, err)
	}
	if ty, err := model.ParseUnitType(""); err != nil || ty != model.TypeUnknown {
		t.Errorf("ParseUnitType(blank) = %v, %v", ty, err)
	}
	if c, err := model.ParseClass(""); err != nil || c != model.ClassUnknown {
		t.Errorf("ParseClass(blank) = %v, %v", c, err)
	}
	for _, s := range []fmt.Stringer{model.LevelUnknown, model.TypeUnknown, model.ClassUnknown} {
		if s.String() != "" {
			t.Errorf("%T unknown String() = %q", s, s.String())
		}
	}
}

func TestEnumOutOfRangeString(t *testing.T) {
	tests := []struct {
		v    fmt.Stringer
		want string
	}{
		{model.Education(200), "200"},
		{model.Sex(9), "9"},
		{model.Level(7), "7"},
		{model.UnitType(99), "99"},
		{model.Class(4), "4"},
		{model.TermKind(2), "2"},
		{model.CombinationMode(3), "3"},
		{model.Requirement(42), "42"},
	}
	for _, tt := range tests {
		if got := tt.v.String(); got != tt.want {
			t.Errorf("%T(%s).String() = %q", tt.v, tt.want, got)
		}
	}
}

func TestRequirementString(t *testing.T) {
	want := map[model.Requirement]string{
		model.ReqPartyMember: "party_member",
		model.ReqEducation:   "min_education",
		model.ReqSex:         "sex",
		model.ReqMinAge:      "min_age",
		model.ReqMaxAge:      "max_age",
		model.ReqResident:    "resident",
		0:                    "",
	}
	for r, s := range want {
		if r.String() != s {
			t.Errorf("Requirement(%d).String() = %q, want %q", r, r.String(), s)
		}
	}
}

func TestEducationOrder(t *testing.T) {
	// Requirements compare education with >=, so the levels must rise.
	levels := []model.Education{model.EduNone, model.EduPrimary, model.EduLowerSec, model.EduUpperSec, model.EduIntermediate, model.EduCollege, model.EduUniversity, model.EduPostgraduate}
	if !slices.IsSorted(levels) {
		t.Errorf("education levels out of order: %v", levels)
	}
}

func TestUnitTypeLevelAndUrban(t *testing.T) {
	tests := []struct {
		ty    model.UnitType
		level model.Level
		urban bool
	}{
		{model.TypeUnknown, model.LevelUnknown, false},
		{model.Tinh, model.Province, false},
		{model.ThanhPhoTW, model.Province, true},
		{model.Quan, model.District, true},
		{model.Huyen, model.District, false},
		{model.ThiXa, model.District, true},
		{model.ThanhPhoThuocTinh, model.District, true},
		{model.Xa, model.Commune, false},
		{model.Phuong, model.Commune, true},
		{model.ThiTran, model.Commune, true},
		{model.DacKhu, model.Commune, false},
		{model.Thon, model.Village, false},
		{model.ToDanPho, model.Village, true},
		{model.Ap, model.Village, false},
		{model.Ban, model.Village, false},
		{model.KhuPho, model.Village, true},
		{model.UnitType(200), model.LevelUnknown, false},
	}
	for _, tt := range tests {
		if got := tt.ty.Level(); got != tt.level {
			t.Errorf("%s.Level() = %s, want %s", tt.ty, got, tt.level)
		}
		if got := tt.ty.Urban(); got != tt.urban {
			t.Errorf("%s.Urban() = %v, want %v", tt.ty, got, tt.urban)
		}
	}
}

func TestFlags(t *testing.T) {
	tests := []struct {
		f    model.Flags
		want string
	}{
		{0, ""},
		{model.Mountainous, "mountainous"},
		{model.BorderIsland, "border-island"},
		{model.KeySecurity, "key-security"},
		{model.UrbanDistrictWard, "urban-district-ward"},
		{model.Mountainous | model.KeySecurity, "mountainous|key-security"},
		{model.Mountainous | model.BorderIsland | model.KeySecurity | model.UrbanDistrictWard, "mountainous|border-island|key-security|urban-district-ward"},
	}
	for _, tt := range tests {
		if got := tt.f.String(); got != tt.want {
			t.Errorf("Flags(%d).String() = %q, want %q", tt.f, got, tt.want)
		}
	}
	for _, name := range model.FlagNames() {
		f, err := model.ParseFlag(" " + strings.ToUpper(name) + " ")
		if err != nil || f.String() != name {
			t.Errorf("ParseFlag(%q) = %v, %v", name, f, err)
		}
	}
	_, err := model.ParseFlag("coastal")
	var ee *model.EnumError
	if !errors.As(err, &ee) || ee.Kind != "flag" || ee.Value != "coastal" || !reflect.DeepEqual(ee.Want, model.FlagNames()) {
		t.Errorf("ParseFlag(coastal) error = %v", err)
	}
	both := model.Mountainous | model.BorderIsland
	if !both.Has(model.Mountainous) || !both.Has(both) || both.Has(model.KeySecurity) || both.Has(model.Mountainous|model.KeySecurity) {
		t.Error("Has is wrong")
	}
	if !both.Has(0) {
		t.Error("every flag set has the empty set")
	}
}

func TestByClassGet(t *testing.T) {
	b := model.ByClass[int]{I: 14, II: 12, III: 10}
	tests := []struct {
		c    model.Class
		want int
		ok   bool
	}{
		{model.ClassI, 14, true},
		{model.ClassII, 12, true},
		{model.ClassIII, 10, true},
		{model.ClassUnknown, 0, false},
		{model.Class(9), 0, false},
	}
	for _, tt := range tests {
		if got, ok := b.Get(tt.c); got != tt.want || ok != tt.ok {
			t.Errorf("Get(%s) = %d, %v", tt.c, got, ok)
		}
	}
	if model.Classes != [3]model.Class{model.ClassI, model.ClassII, model.ClassIII} {
		t.Errorf("Classes = %v", model.Classes)
	}
}
