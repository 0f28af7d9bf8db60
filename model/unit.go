package model

import "strings"

// Level is the tier of an administrative unit.
type Level uint8

// Levels from the top. District exists only before the 2025 reform; village
// (thôn, tổ dân phố, ấp, bản) is a self-governing community, not an
// administrative level, but titles and funds are attached to it.
const (
	LevelUnknown Level = iota
	Province
	District
	Commune
	Village
)

var levelNames = enumNames[Level]{{""}, {"province", "tỉnh"}, {"district", "huyện"}, {"commune", "xã"}, {"village", "thôn"}}

func (l Level) String() string { return levelNames.str(l) }

// ParseLevel parses "province", "district", "commune" or "village".
func ParseLevel(s string) (Level, error) { return levelNames.parse("level", s) }

// LevelNames lists the canonical level names.
func LevelNames() []string { return levelNames.canonical() }

// UnitType is the legal kind of a unit within its level.
type UnitType uint8

// Unit types. The commune level has xã (rural commune), phường (ward),
// thị trấn (township, pre-2025) and đặc khu (special zone, post-2025); the
// village level has thôn, tổ dân phố, ấp, bản and khu phố.
const (
	TypeUnknown       UnitType = iota
	Tinh                       // province
	ThanhPhoTW                 // centrally governed city
	Quan                       // urban district
	Huyen                      // rural district
	ThiXa                      // district-level town
	ThanhPhoThuocTinh          // provincial city
	Xa                         // rural commune
	Phuong                     // ward
	ThiTran                    // township
	DacKhu                     // special zone
	Thon                       // village
	ToDanPho                   // residential group
	Ap                         // hamlet (south)
	Ban                        // hamlet (northern uplands)
	KhuPho                     // urban quarter (south)
)

var unitTypeNames = enumNames[UnitType]{
	{""},
	{"tinh", "tỉnh"},
	{"thanh-pho-tw", "thành phố trực thuộc trung ương", "thủ đô"},
	{"quan", "quận"},
	{"huyen", "huyện"},
	{"thi-xa", "thị xã"},
	{"thanh-pho", "thành phố", "thành phố thuộc tỉnh"},
	{"xa", "xã"},
	{"phuong", "phường"},
	{"thi-tran", "thị trấn"},
	{"dac-khu", "đặc khu"},
	{"thon", "thôn", "xóm", "làng"},
	{"to-dan-pho", "tổ dân phố", "tdp"},
	{"ap", "ấp"},
	{"ban", "bản", "buôn", "plei", "sóc"},
	{"khu-pho", "khu phố"},
}

var unitTypeLevel = [...]Level{
	TypeUnknown: LevelUnknown, Tinh: Province, ThanhPhoTW: Province,
	Quan: District, Huyen: District, ThiXa: District, ThanhPhoThuocTinh: District,
	Xa: Commune, Phuong: Commune, ThiTran: Commune, DacKhu: Commune,
	Thon: Village, ToDanPho: Village, Ap: Village, Ban: Village, KhuPho: Village,
}

func (t UnitType) String() string { return unitTypeNames.str(t) }

// Level returns the level a unit of this type belongs to.
func (t UnitType) Level() Level {
	if int(t) < len(unitTypeLevel) {
		return unitTypeLevel[t]
	}
	return LevelUnknown
}

// Urban reports whether the type is an urban one (ward, township, residential
// group, urban quarter); the village fund rule treats tổ dân phố differently
// from thôn.
func (t UnitType) Urban() bool {
	switch t {
	case Phuong, ThiTran, ToDanPho, KhuPho, Quan, ThiXa, ThanhPhoThuocTinh, ThanhPhoTW:
		return true
	}
	return false
}

// ParseUnitType parses a canonical name ("xa", "to-dan-pho") or a Vietnamese
// name as it appears in GSO lists ("Xã", "Phường", "Thị trấn", "Tổ dân phố").
func ParseUnitType(s string) (UnitType, error) { return unitTypeNames.parse("unit type", s) }

// UnitTypeNames lists the canonical unit type names.
func UnitTypeNames() []string { return unitTypeNames.canonical() }

// Class is the classification of an administrative unit (loại I/II/III)
// under NQ 1211/2016/UBTVQH13; caps and funds depend on it.
type Class uint8

// Classes. ClassUnknown is the zero value so a missing class is never read
// as class I.
const (
	ClassUnknown Class = iota
	ClassI
	ClassII
	ClassIII
)

var classNames = enumNames[Class]{{""}, {"I", "1"}, {"II", "2"}, {"III", "3"}}

func (c Class) String() string { return classNames.str(c) }

// ParseClass parses "I", "II", "III" (or 1, 2, 3).
func ParseClass(s string) (Class, error) { return classNames.parse("class", s) }

// Classes lists the three classes in order.
var Classes = [...]Class{ClassI, ClassII, ClassIII}

// ByClass holds one value per commune class.
type ByClass[T any] struct{ I, II, III T }

// Get returns the value for class c; ok is false for ClassUnknown.
func (b ByClass[T]) Get(c Class) (v T, ok bool) {
	switch c {
	case ClassI:
		return b.I, true
	case ClassII:
		return b.II, true
	case ClassIII:
		return b.III, true
	}
	return v, false
}

// Flags are the special circumstances that change a unit's standards, caps
// or funds.
type Flags uint16

// Unit flags. The first four come from the 2019–2023 decrees; the rest are
// the circumstances Decree 185/2026 names for a village's household floor
// (Art. 10(3): a province may set a lower one) and its fund (Art. 15(1)).
const (
	Mountainous           Flags = 1 << iota // miền núi, vùng cao: lower population and area standards
	BorderIsland                            // biên giới, hải đảo: larger village fund
	KeySecurity                             // trọng điểm, phức tạp về an ninh trật tự: larger village fund
	UrbanDistrictWard                       // phường thuộc quận: 1/3 population step for extra workers
	KeyDefence                              // xã trọng điểm về quốc phòng: larger village fund (NĐ 185 Art. 15)
	EthnicMinority                          // xã vùng đồng bào dân tộc thiểu số: lower floor allowed
	ParticularlyDifficult                   // thôn đặc biệt khó khăn (NĐ 272/2025): larger fund, lower floor
	Fragmented                              // địa hình chia cắt, giao thông khó khăn, dân cư phân tán: lower floor
	Resettlement                            // vùng quy hoạch giải tỏa, di dân, tái định cư: lower floor
	IsolatedIsland                          // thôn biệt lập trên đảo, cồn, bãi: lower floor
)

var flagNames = []string{"mountainous", "border-island", "key-security", "urban-district-ward",
	"key-defence", "ethnic-minority", "particularly-difficult", "fragmented", "resettlement", "isolated-island"}

// Has reports whether all of g are set in f.
func (f Flags) Has(g Flags) bool { return f&g == g }

func (f Flags) String() string {
	var parts []string
	for i, n := range flagNames {
		if f&(1<<i) != 0 {
			parts = append(parts, n)
		}
	}
	return strings.Join(parts, "|")
}

// ParseFlag parses one flag name.
func ParseFlag(s string) (Flags, error) {
	k := strings.ToLower(strings.TrimSpace(s))
	for i, n := range flagNames {
		if k == n {
			return 1 << i, nil
		}
	}
	return 0, &EnumError{Kind: "flag", Value: s, Want: flagNames}
}

// FlagNames lists the flag names.
func FlagNames() []string { return append([]string(nil), flagNames...) }

// EnumError reports a value outside a small enumeration.
type EnumError struct {
	Kind, Value string
	Want        []string
}

func (e *EnumError) Error() string {
	return "model: unknown " + e.Kind + " \"" + e.Value + "\" (want one of " + strings.Join(e.Want, ", ") + ")"
}

// Unit is one administrative unit or village.
type Unit struct {
	Code       string // GSO code for provinces, districts and communes; scenario-assigned for villages
	Name       string
	Level      Level
	Type       UnitType
	Class      Class  // communes; ClassUnknown elsewhere
	Parent     string // code of the enclosing unit; "" at the top
	Population int
	Households int
	AreaKm2    float64
	Flags      Flags
	// Neighbours are the codes of the villages that share a border with a
	// village, in its commune, listed both ways: nil when unknown (then any
	// two villages of the commune may merge), empty when it borders none.
	// Lat and Lon are a village's location in degrees (WGS 84), both 0 when
	// unknown. Other levels leave them empty.
	Neighbours []string
	Lat, Lon   float64
}
