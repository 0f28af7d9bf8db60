package model

import (
	"math/bits"
	"strings"
)

// Attrs is a set of the attributes a title may ask of a person beyond age,
// sex, education, Party membership and residence: a status (veteran,
// military training) or membership of an organisation whose post it is.
// Each attribute is one bit; a set is their union.
type Attrs uint16

// Attributes.
const (
	// AttrVeteran: served in the People's Army (cựu chiến binh), the
	// condition of membership of the Veterans' Association.
	AttrVeteran Attrs = 1 << iota
	// AttrMilitaryTraining: has military training (militia, self-defence
	// or reserve-officer training, or military service).
	AttrMilitaryTraining
	// AttrWomensUnion: member of the Women's Union (Hội Liên hiệp Phụ nữ).
	AttrWomensUnion
	// AttrYouthUnion: member of the Hồ Chí Minh Communist Youth Union.
	AttrYouthUnion
	// AttrFarmersAssociation: member of the Farmers' Association.
	AttrFarmersAssociation
	// AttrVeteransAssociation: member of the Veterans' Association.
	AttrVeteransAssociation
	// AttrElderlyAssociation: member of the Elderly Association.
	AttrElderlyAssociation
	// AttrRedCross: member of the Red Cross Society.
	AttrRedCross

	attrCount = iota
)

// AllAttrs is the set of every attribute.
const AllAttrs Attrs = 1<<attrCount - 1

// attrInfo names one attribute: canonical key, aliases, and the words of
// explanations.
type attrInfo struct {
	names []string // canonical first; Vietnamese aliases accepted
	has   Text     // a person with it: "là cựu chiến binh"
	lacks Text     // a person without it: "không phải cựu chiến binh"
}

var attrInfos = [attrCount]attrInfo{
	{[]string{"veteran", "cựu chiến binh", "cuu chien binh"},
		Text{Vi: "là cựu chiến binh", En: "a veteran"},
		Text{Vi: "không phải cựu chiến binh", En: "not a veteran"}},
	{[]string{"military-training", "military_training", "đã qua huấn luyện quân sự", "huấn luyện quân sự", "huan luyen quan su"},
		Text{Vi: "đã qua huấn luyện quân sự", En: "military training"},
		Text{Vi: "chưa qua huấn luyện quân sự", En: "without military training"}},
	{[]string{"womens-union", "women", "hội liên hiệp phụ nữ", "hội phụ nữ", "hoi phu nu"},
		Text{Vi: "là hội viên Hội Liên hiệp Phụ nữ", En: "membership of the Women's Union"},
		Text{Vi: "không phải hội viên Hội Liên hiệp Phụ nữ", En: "not a member of the Women's Union"}},
	{[]string{"youth-union", "youth", "đoàn thanh niên", "đoàn tncs", "doan thanh nien"},
		Text{Vi: "là đoàn viên Đoàn TNCS Hồ Chí Minh", En: "membership of the Youth Union"},
		Text{Vi: "không phải đoàn viên", En: "not a member of the Youth Union"}},
	{[]string{"farmers-association", "farmers", "hội nông dân", "hoi nong dan"},
		Text{Vi: "là hội viên Hội Nông dân", En: "membership of the Farmers' Association"},
		Text{Vi: "không phải hội viên Hội Nông dân", En: "not a member of the Farmers' Association"}},
	{[]string{"veterans-association", "hội cựu chiến binh", "hoi cuu chien binh"},
		Text{Vi: "là hội viên Hội Cựu chiến binh", En: "membership of the Veterans' Association"},
		Text{Vi: "không phải hội viên Hội Cựu chiến binh", En: "not a member of the Veterans' Association"}},
	{[]string{"elderly-association", "elderly", "hội người cao tuổi", "hoi nguoi cao tuoi"},
		Text{Vi: "là hội viên Hội Người cao tuổi", En: "membership of the Elderly Association"},
		Text{Vi: "không phải hội viên Hội Người cao tuổi", En: "not a member of the Elderly Association"}},
	{[]string{"red-cross", "hội chữ thập đỏ", "hoi chu thap do"},
		Text{Vi: "là hội viên Hội Chữ thập đỏ", En: "membership of the Red Cross"},
		Text{Vi: "không phải hội viên Hội Chữ thập đỏ", En: "not a member of the Red Cross"}},
}

// Attributes lists the single attributes in a fixed order (veteran first),
// the order of files, columns and explanations.
func Attributes() []Attrs {
	out := make([]Attrs, attrCount)
	for i := range out {
		out[i] = 1 << i
	}
	return out
}

// Has reports whether every attribute of b is in a.
func (a Attrs) Has(b Attrs) bool { return a&b == b }

// index is the bit index of a single attribute.
func (a Attrs) index() int { return bits.TrailingZeros16(uint16(a)) }

// single reports whether a is exactly one known attribute.
func (a Attrs) single() bool { return a != 0 && a&(a-1) == 0 && a&AllAttrs == a }

// String is the canonical key of a single attribute, or the keys of a set
// joined by "+" ("veteran+veterans-association"); "" for the empty set.
func (a Attrs) String() string {
	var keys []string
	for _, x := range Attributes() {
		if a.Has(x) {
			keys = append(keys, attrInfos[x.index()].names[0])
		}
	}
	return strings.Join(keys, "+")
}

// AttrKey is the canonical key of a single attribute ("veteran").
func AttrKey(a Attrs) string {
	if !a.single() {
		return a.String()
	}
	return attrInfos[a.index()].names[0]
}

// AttrNames lists the canonical attribute keys in order.
func AttrNames() []string {
	out := make([]string, attrCount)
	for i := range out {
		out[i] = attrInfos[i].names[0]
	}
	return out
}

// ParseAttr parses one attribute key or alias (case-insensitive; English
// or Vietnamese: "veteran", "cựu chiến binh", "youth-union", "đoàn thanh niên").
func ParseAttr(s string) (Attrs, error) {
	k := strings.ToLower(strings.TrimSpace(s))
	for i, in := range attrInfos {
		for _, n := range in.names {
			if k == n {
				return 1 << i, nil
			}
		}
	}
	return 0, &EnumError{Kind: "attribute", Value: s, Want: AttrNames()}
}

// HasText says what a title asks for with single attribute a ("a veteran").
func (a Attrs) HasText() Text {
	if !a.single() {
		return KeyText(a.String())
	}
	return attrInfos[a.index()].has
}

// LacksText says what a person without single attribute a is ("not a
// veteran").
func (a Attrs) LacksText() Text {
	if !a.single() {
		return KeyText(a.String())
	}
	return attrInfos[a.index()].lacks
}

// Requirement kinds beyond the first six: the retirement age, and one per
// attribute (ReqVeteran + bit index).
const (
	// ReqRetirement: the holder has reached the retirement age and the
	// title stops there (Requirements.PastRetirement is false).
	ReqRetirement Requirement = iota + ReqResident + 1
	// ReqVeteran is the first attribute requirement; ReqVeteran+i is the
	// requirement of the attribute with bit index i.
	ReqVeteran
	ReqMilitaryTraining
	ReqWomensUnion
	ReqYouthUnion
	ReqFarmersAssociation
	ReqVeteransAssociation
	ReqElderlyAssociation
	ReqRedCross
)

// AttrRequirement is the requirement kind of single attribute a.
func AttrRequirement(a Attrs) Requirement { return ReqVeteran + Requirement(a.index()) }

// Attr returns the attribute a requirement asks for; ok is false for a
// requirement that is not about an attribute.
func (r Requirement) Attr() (a Attrs, ok bool) {
	if r < ReqVeteran || r >= ReqVeteran+attrCount {
		return 0, false
	}
	return 1 << (r - ReqVeteran), true
}

// requirementKey is the name of requirement r beyond the first six, "" when
// r is unknown.
func requirementKey(r Requirement) string {
	if r == ReqRetirement {
		return "retirement_age"
	}
	if a, ok := r.Attr(); ok {
		return AttrKey(a)
	}
	return ""
}

// appendUnmetAttrs appends, in attribute order, the attributes r asks for
// that p neither has nor is unknown for: an attribute a roster does not
// record (p.Unknown) is given the benefit of the doubt, so an old roster
// plans as it did before the attribute existed (its loader warns).
func (r Requirements) appendUnmetAttrs(out []Requirement, p *Person) []Requirement {
	miss := r.Attrs &^ (p.Attrs | p.Unknown)
	for miss != 0 {
		a := miss & -miss
		out = append(out, AttrRequirement(a))
		miss &^= a
	}
	return out
}

// StopsAtRetirement reports whether a holder must leave the title on
// reaching the retirement age: appointed commune posts do; elected
// mass-organisation and village posts do not (the title's
// PastRetirement).
func (r Requirements) StopsAtRetirement() bool { return !r.PastRetirement }

// AppendUnmetRetired is AppendUnmet for a person who has (retired true) or
// has not reached the retirement age on the date: ReqRetirement comes
// first when the title stops at that age.
func (r Requirements) AppendUnmetRetired(out []Requirement, p *Person, age int, retired bool, u *Unit, inCommune func(residence, commune string) bool) []Requirement {
	if retired && r.StopsAtRetirement() {
		out = append(out, ReqRetirement)
	}
	return r.AppendUnmet(out, p, age, u, inCommune)
}
