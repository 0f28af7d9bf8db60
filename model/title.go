package model

// Workload is the weekly hours a title takes in a given unit. Its
// activity form ([ActivityTable]) sums a WISN-style table of tasks, each
// with a frequency, a time and what it scales with (households, residents,
// area, the commune's villages). Its linear form, used when the table has
// no activities, is
// Base + PerThousandHouseholds × households/1000 + PerKm2 × area, with the
// area counted up to AreaCapKm2 (0: no cap).
type Workload struct {
	Base                  Hours
	PerThousandHouseholds Hours
	PerKm2                Hours
	AreaCapKm2            float64
	ActivityTable
}

// For returns the weekly workload of the title in unit u; villages is the
// number of villages of u when u is a commune (see [Index.Villages]), read
// only by activities repeated for each village.
func (w Workload) For(u *Unit, villages int) Hours {
	if len(w.Activities) > 0 {
		return w.ActivityTable.Hours(u, villages)
	}
	area := u.AreaKm2
	if w.AreaCapKm2 > 0 {
		area = min(area, w.AreaCapKm2)
	}
	return w.Base + w.PerThousandHouseholds*Hours(float64(u.Households)/1000) + w.PerKm2*Hours(area)
}

// Education is the highest completed level of schooling or training, in
// increasing order so requirements compare with >=.
type Education uint8

// Education levels.
const (
	EduNone         Education = iota
	EduPrimary                // tiểu học
	EduLowerSec               // trung học cơ sở
	EduUpperSec               // trung học phổ thông
	EduIntermediate           // trung cấp
	EduCollege                // cao đẳng
	EduUniversity             // đại học
	EduPostgraduate           // sau đại học
)

var educationNames = enumNames[Education]{
	{"none", "không"},
	{"primary", "tiểu học"},
	{"lower-secondary", "trung học cơ sở", "thcs"},
	{"upper-secondary", "trung học phổ thông", "thpt"},
	{"intermediate", "trung cấp"},
	{"college", "cao đẳng"},
	{"university", "đại học"},
	{"postgraduate", "sau đại học"},
}

func (e Education) String() string { return educationNames.str(e) }

// ParseEducation parses an education level name.
func ParseEducation(s string) (Education, error) { return educationNames.parse("education", s) }

// EducationNames lists the canonical education names, lowest first.
func EducationNames() []string { return educationNames.canonical() }

// Text names the level for people, as sentences about requirements use
// it ("trình độ từ trung cấp trở lên", "intermediate education or more");
// an unknown level shows its key.
func (e Education) Text() Text {
	if int(e) >= len(educationTexts) {
		return KeyText(e.String())
	}
	return educationTexts[e]
}

var educationTexts = [...]Text{
	EduNone:         {Vi: "không có bằng cấp", En: "no schooling"},
	EduPrimary:      {Vi: "tiểu học", En: "primary"},
	EduLowerSec:     {Vi: "trung học cơ sở", En: "lower-secondary"},
	EduUpperSec:     {Vi: "trung học phổ thông", En: "upper-secondary"},
	EduIntermediate: {Vi: "trung cấp", En: "intermediate"},
	EduCollege:      {Vi: "cao đẳng", En: "college"},
	EduUniversity:   {Vi: "đại học", En: "university"},
	EduPostgraduate: {Vi: "sau đại học", En: "postgraduate"},
}

// Sex of a person; SexAny in a requirement means either.
type Sex uint8

// Sexes.
const (
	SexAny Sex = iota
	Male
	Female
)

var sexNames = enumNames[Sex]{{"any"}, {"male", "m", "nam"}, {"female", "f", "nữ", "nu"}}

func (s Sex) String() string { return sexNames.str(s) }

// ParseSex parses "male", "female" (or "nam", "nữ"); "any" only in
// requirements.
func ParseSex(s string) (Sex, error) { return sexNames.parse("sex", s) }

// Requirements a person must meet to hold a title.
type Requirements struct {
	PartyMember  bool
	MinEducation Education
	Sex          Sex // SexAny: either
	MinAge       int // years; 0: none
	MaxAge       int // years; 0: none (retirement still applies)
	Resident     bool
	// Attrs are the attributes a holder must have (veteran, military
	// training, membership of the organisation; see attributes.go).
	Attrs Attrs
	// PastRetirement: the title may be held past the retirement age
	// (elected mass-organisation and village posts); false, the zero
	// value: the holder leaves it on retiring (appointed commune posts).
	PastRetirement bool
	// Source says where the requirements come from (decree, charter, or
	// "assumption: …").
	Source string
}

// Unmet lists the requirements p fails for a title in unit u on date d,
// in the order they are declared; nil when p is eligible. Residence means
// living in u or, for a commune title, in any of its villages (inCommune
// reports that). Attributes come last, in attribute order; one the person's
// source does not record (p.Unknown) counts as met. The retirement age is
// not checked here (it needs the policy's schedule): see
// AppendUnmetRetired.
func (r Requirements) Unmet(p *Person, u *Unit, d Date, inCommune func(residence, commune string) bool) []Requirement {
	return r.AppendUnmet(nil, p, p.AgeAt(d), u, inCommune)
}

// AppendUnmet is Unmet for a person aged age on the date, appending to out:
// a caller checking one person against many titles works the age out once
// and reuses out's memory.
func (r Requirements) AppendUnmet(out []Requirement, p *Person, age int, u *Unit, inCommune func(residence, commune string) bool) []Requirement {
	if r.PartyMember && !p.PartyMember {
		out = append(out, ReqPartyMember)
	}
	if p.Education < r.MinEducation {
		out = append(out, ReqEducation)
	}
	if r.Sex != SexAny && p.Sex != r.Sex {
		out = append(out, ReqSex)
	}
	if r.MinAge > 0 && age < r.MinAge {
		out = append(out, ReqMinAge)
	}
	if r.MaxAge > 0 && age > r.MaxAge {
		out = append(out, ReqMaxAge)
	}
	if r.Resident {
		ok := p.Residence == u.Code
		if !ok && u.Level == Commune && inCommune != nil {
			ok = inCommune(p.Residence, u.Code)
		}
		if !ok {
			out = append(out, ReqResident)
		}
	}
	return r.appendUnmetAttrs(out, p)
}

// Requirement names one kind of requirement, for explanations.
type Requirement uint8

// Requirement kinds.
const (
	ReqPartyMember Requirement = iota + 1
	ReqEducation
	ReqSex
	ReqMinAge
	ReqMaxAge
	ReqResident
)

var requirementNames = enumNames[Requirement]{{""}, {"party_member"}, {"min_education"}, {"sex"}, {"min_age"}, {"max_age"}, {"resident"}}

func (r Requirement) String() string {
	if k := requirementKey(r); k != "" {
		return k
	}
	return requirementNames.str(r)
}

// TermKind says how a title is filled.
type TermKind uint8

// Term kinds.
const (
	Appointed TermKind = iota // appointed or hired; may change hands at any time
	Elected                   // elected for a term on a calendar; changes hands at elections
)

var termKindNames = enumNames[TermKind]{{"appointed"}, {"elected"}}

func (k TermKind) String() string { return termKindNames.str(k) }

// ParseTermKind parses "appointed" or "elected".
func ParseTermKind(s string) (TermKind, error) { return termKindNames.parse("term kind", s) }

// TermRule says how long a holder keeps an elected title. Terms run on a
// calendar: elections fall on Anchor + k × Months for whole k (Anchor is any
// past or future election date, e.g. the 2020 Party congresses).
type TermRule struct {
	Kind   TermKind
	Months int  // term length; 30 for a 2.5-year village-head term
	Anchor Date // one election date on the calendar

	// Rounds, when set (by [Calendar.Apply]), replace the anchor calendar:
	// elections fall on the rounds of the title's organisation's congress
	// calendar, earliest first, continued past the last by whole terms of
	// Months.
	Rounds []Round
}

// NextElection returns the first election date strictly after d, or the zero
// Date for an appointed title.
func (t TermRule) NextElection(d Date) Date {
	if t.Kind == Elected && len(t.Rounds) > 0 {
		r, _ := t.RoundAfter(d)
		return r.Date
	}
	if t.Kind != Elected || t.Months <= 0 || t.Anchor.IsZero() {
		return 0
	}
	// Floor of whole terms from the anchor to d gives an election on or
	// before d; step forward to the first one after it.
	m := t.Anchor.MonthsUntil(d)
	k := m / t.Months
	if m < 0 && m%t.Months != 0 {
		k--
	}
	e := t.Anchor.AddMonths(k * t.Months)
	for e <= d {
		k++
		e = t.Anchor.AddMonths(k * t.Months)
	}
	return e
}

// HoldersRule is how many people a title needs in a unit: Base, plus one per
// PerPopulation residents above Above, up to Max (0: no maximum). This
// expresses rules such as several village police helpers in a large village,
// or Decree 33/2023's extra workers tied to population.
type HoldersRule struct {
	Base          int
	PerPopulation int
	Above         int
	Max           int
}

// For returns the number of holders needed in u.
func (h HoldersRule) For(u *Unit) int {
	n := h.Base
	if h.PerPopulation > 0 && u.Population > h.Above {
		n += (u.Population - h.Above) / h.PerPopulation
	}
	if h.Max > 0 && n > h.Max {
		n = h.Max
	}
	return n
}

// Title is a post (chức danh) that exists in every unit of its level (and of
// the listed types, when UnitTypes is not empty).
type Title struct {
	ID        string // stable key used in files, e.g. "bi-thu-chi-bo"
	Level     Level
	Name      Text
	UnitTypes []UnitType // empty: every unit of the level
	Workload  Workload
	Allowance Coefficient // monthly allowance as a multiple of the base salary
	// AllowanceByEducation, when set, replaces Allowance for holders with at
	// least the given education (Hanoi NQ 18/2023 pays by qualification).
	AllowanceByEducation []EducationAllowance
	Requires             Requirements
	Term                 TermRule
	Holders              HoldersRule
	Source               string // where the title and its allowance come from
	// Versions, when the title changed in law, are its versions by date,
	// the first from the beginning; the fields above are the version in
	// force on the scenario's date (see [Title.At]). Nil: never changed.
	Versions []TitleVersion

	// Organisation is whose congress elects (or who appoints) the holder;
	// its congress calendar sets when an elected holder's term ends.
	Organisation Organisation
}

// EducationAllowance is the allowance paid to holders with at least
// MinEducation.
type EducationAllowance struct {
	MinEducation Education
	Allowance    Coefficient
}

// AllowanceFor returns the allowance coefficient for a holder with
// education e: the entry with the highest MinEducation that e meets, or
// Allowance when none applies.
func (t *Title) AllowanceFor(e Education) Coefficient {
	best, found := t.Allowance, false
	var bestEdu Education
	for _, ea := range t.AllowanceByEducation {
		if e >= ea.MinEducation && (!found || ea.MinEducation >= bestEdu) {
			best, bestEdu, found = ea.Allowance, ea.MinEducation, true
		}
	}
	return best
}

// WorkloadPerHolder returns the weekly hours each holder of the title
// carries in unit u: the title's workload shared equally among the holders
// it needs there, so a title that needs more holders in a large unit is not
// heavier for each of them. villages is the number of villages of u when u
// is a commune ([Index.Villages]).
func (t *Title) WorkloadPerHolder(u *Unit, villages int) Hours {
	n := t.Holders.For(u)
	if n < 1 {
		n = 1
	}
	return t.Workload.For(u, villages) / Hours(n)
}

// AppliesTo reports whether the title exists in unit u.
func (t *Title) AppliesTo(u *Unit) bool {
	if u.Level != t.Level {
		return false
	}
	if len(t.UnitTypes) == 0 {
		return true
	}
	for _, ty := range t.UnitTypes {
		if ty == u.Type {
			return true
		}
	}
	return false
}
