package model

// Organisation is the body a title belongs to: its holder is elected by
// that organisation's congress (or appointed by it), so the organisation's
// congress calendar sets when an elected holder's term ends.
type Organisation uint8

// Organisations of the commune and village political system.
// OrgUnknown is a title that names none (a scenario file may leave it
// out; the presets name one for every title).
const (
	OrgUnknown          Organisation = iota
	OrgParty                         // Đảng Cộng sản Việt Nam: the commune Party committee, the village Party cell
	OrgPeoplesCommittee              // Ủy ban nhân dân: the commune administration and its military command
	OrgFatherlandFront               // Mặt trận Tổ quốc Việt Nam
	OrgVeterans                      // Hội Cựu chiến binh
	OrgWomen                         // Hội Liên hiệp Phụ nữ
	OrgFarmers                       // Hội Nông dân
	OrgYouth                         // Đoàn Thanh niên Cộng sản Hồ Chí Minh
	OrgElderly                       // Hội Người cao tuổi
	OrgRedCross                      // Hội Chữ thập đỏ
	OrgVillage                       // the village's self-management (tự quản): the village conference elects its head
)

var organisationNames = enumNames[Organisation]{
	{""},
	{"party", "đảng"},
	{"peoples-committee", "ủy ban nhân dân", "ubnd"},
	{"fatherland-front", "mặt trận tổ quốc", "mttq"},
	{"veterans", "hội cựu chiến binh", "ccb"},
	{"women", "hội liên hiệp phụ nữ", "lhpn"},
	{"farmers", "hội nông dân"},
	{"youth", "đoàn thanh niên", "đoàn tncs hồ chí minh"},
	{"elderly", "hội người cao tuổi", "nct"},
	{"red-cross", "hội chữ thập đỏ", "ctđ"},
	{"village", "thôn tự quản", "tự quản"},
}

func (o Organisation) String() string { return organisationNames.str(o) }

// ParseOrganisation parses an organisation's key ("party", "women", …) or
// its Vietnamese name.
func ParseOrganisation(s string) (Organisation, error) {
	o, err := organisationNames.parse("organisation", s)
	if err == nil && o == OrgUnknown {
		return 0, &EnumError{Kind: "organisation", Value: s, Want: organisationNames.canonical()}
	}
	return o, err
}

// OrganisationNames lists the canonical organisation keys.
func OrganisationNames() []string { return organisationNames.canonical() }

// Organisations lists every known organisation, in declaration order.
func Organisations() []Organisation {
	out := make([]Organisation, 0, len(organisationNames)-1)
	for i := 1; i < len(organisationNames); i++ {
		out = append(out, Organisation(i))
	}
	return out
}

// Text names the organisation for people; an unknown one shows its key.
func (o Organisation) Text() Text {
	if o == OrgUnknown || int(o) >= len(organisationTexts) {
		return KeyText(o.String())
	}
	return organisationTexts[o]
}

var organisationTexts = [...]Text{
	OrgParty:            {Vi: "Đảng Cộng sản Việt Nam", En: "Communist Party of Vietnam"},
	OrgPeoplesCommittee: {Vi: "Ủy ban nhân dân", En: "People's Committee"},
	OrgFatherlandFront:  {Vi: "Mặt trận Tổ quốc Việt Nam", En: "Vietnam Fatherland Front"},
	OrgVeterans:         {Vi: "Hội Cựu chiến binh", En: "Veterans' Association"},
	OrgWomen:            {Vi: "Hội Liên hiệp Phụ nữ", En: "Women's Union"},
	OrgFarmers:          {Vi: "Hội Nông dân", En: "Farmers' Union"},
	OrgYouth:            {Vi: "Đoàn Thanh niên Cộng sản Hồ Chí Minh", En: "Ho Chi Minh Communist Youth Union"},
	OrgElderly:          {Vi: "Hội Người cao tuổi", En: "Elderly Association"},
	OrgRedCross:         {Vi: "Hội Chữ thập đỏ", En: "Red Cross Society"},
	OrgVillage:          {Vi: "Thôn, tổ dân phố tự quản", En: "Village self-management"},
}
