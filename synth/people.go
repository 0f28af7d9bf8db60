package synth

import (
	"fmt"
	"math/rand/v2"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// Assumed mixes of the people generator. No public statistics of the
// non-specialised workforce by age, sex or schooling were found; these are
// assumptions to revisit with a province's staff list.
//
// Generated people are never former commune workers placed in villages
// (model.Person.PlacedFromCommune stays zero, so NĐ 185/2026 Art. 19 never
// applies to them): policy-facts has no figure for how many of the about
// 120,500 commune non-specialised workers of 2025 (row 6.22) were placed
// in village posts, and a share is not invented here. A roster records it.
var (
	// genMaleShare is the share of men among holders of titles open to
	// either sex (assumption: 55 %).
	genMaleShare = 0.55
	// genPartyShare is the share of Party members among holders of titles
	// that do not require membership (assumption: 40 %).
	genPartyShare = 0.40
	// genEducation is the schooling mix of holders (assumption): lower
	// secondary 5 %, upper secondary 35 %, intermediate 25 %, college 10 %,
	// university 23 %, postgraduate 2 %. A title's minimum education is
	// met by drawing from the part of the mix at or above it.
	genEducation = []struct {
		edu   model.Education
		share float64
	}{
		{model.EduLowerSec, 0.05}, {model.EduUpperSec, 0.35}, {model.EduIntermediate, 0.25},
		{model.EduCollege, 0.10}, {model.EduUniversity, 0.23}, {model.EduPostgraduate, 0.02},
	}
)

// Ages of generated holders: uniform from genMinAge to genMaxAge years
// (narrowed by the title's own limits and to a year before the Decree
// 135/2020 retirement age), an assumption.
const (
	genMinAge = 25
	genMaxAge = 60
	// genCapacity is the weekly hours every generated person can give to
	// titles: a full working week (assumption).
	genCapacity = model.Hours(40)
)

// Vietnamese names: family names with their approximate shares, and
// middle and given names by sex. All literals are NFC.
var (
	genFamily = []struct {
		name  string
		share float64
	}{
		{"Nguyễn", 38}, {"Trần", 11}, {"Lê", 9.5}, {"Phạm", 7}, {"Hoàng", 5}, {"Phan", 4.5},
		{"Vũ", 3.9}, {"Đặng", 2.1}, {"Bùi", 2}, {"Đỗ", 1.4}, {"Hồ", 1.3}, {"Ngô", 1.3},
		{"Dương", 1}, {"Lý", 0.5}, {"Đinh", 1}, {"Trương", 1}, {"Võ", 1.5}, {"Lương", 0.5},
	}
	genMiddle = [...][]string{
		model.Male:   {"Văn", "Đức", "Minh", "Quang", "Hữu", "Công", "Thanh", "Xuân", "Đình", "Ngọc"},
		model.Female: {"Thị", "Thu", "Ngọc", "Thanh", "Minh", "Hồng", "Thị", "Kim", "Phương", "Thúy"},
	}
	genGiven = [...][]string{
		model.Male: {"An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Hưng", "Khánh", "Long", "Minh",
			"Nam", "Phong", "Quân", "Sơn", "Thắng", "Tuấn", "Việt", "Hiếu", "Đức", "Toàn", "Thành", "Trung"},
		model.Female: {"Anh", "Chi", "Dung", "Hà", "Hạnh", "Hoa", "Hương", "Lan", "Linh", "Mai",
			"Ngọc", "Nhung", "Oanh", "Phương", "Thảo", "Trang", "Vân", "Yến", "Huyền", "Thủy", "Hằng", "Loan"},
	}
)

// People returns today's holders of titles in units on date: for
// every unit and every title that exists there (title.AppliesTo), as many
// people as the title needs (title.Holders.For), each holding that one
// title as their main title. People are numbered P000001, P000002, … in
// unit order, then title order.
//
// Every person is eligible for their title on date: the sex, Party
// membership, minimum education, age, residence and attribute
// requirements of title.Requires are met, and, for a title that stops at
// the retirement age, the person has not reached the Decree 135/2020
// retirement age (their age in whole years is at most that age less one;
// a title held past it, such as an elected mass-organisation or village
// post, draws up to 60, and a minimum age past 60, such as the Elderly
// Association chair's, up to 12 years above it). Attributes (veteran,
// military training, memberships) are drawn at the assumed rates of
// attrs.go from a stream of their own, so the other draws are unchanged,
// and the title's own requirements are then given (the Veterans'
// vice-chair is a veteran). A holder of a village title lives in the village; a
// holder of a commune title in one of the commune's villages drawn at
// random (in the commune itself when it has none); other holders in their
// unit. The mixes are assumptions (no public statistics of this
// workforce were found): ages uniform between 25 and 60 within the limits
// above; 55 % men where the title allows either sex; 40 % Party members
// where the title does not require membership; schooling lower secondary
// 5 %, upper secondary 35 %, intermediate 25 %, college 10 %, university
// 23 %, postgraduate 2 %, restricted to the levels at or above the title's
// minimum; capacity 40 hours a week. An elected holding runs from the
// unit's latest congress of the title's organisation on or before date to
// its next one, each on the unit's own day in the round's window, with
// by-elections and re-elections as genTerm says; an appointed holding
// started up to eight years before date; never before the holder turned 18. Names are
// Vietnamese (family, middle and given names), in NFC.
//
// The people of one unit depend only on seed and the unit's code.
func People(units []model.Unit, titles []model.Title, date model.Date, seed uint64) []model.Person {
	villages := map[string][]string{}
	for i := range units {
		if units[i].Level == model.Village && units[i].Parent != "" {
			villages[units[i].Parent] = append(villages[units[i].Parent], units[i].Code)
		}
	}
	retire := model.Decree135()
	var people []model.Person
	for i := range units {
		u := &units[i]
		r := genStream(seed, "people", u.Code)
		ra := genStream(seed, "attributes", u.Code) // apart, so the draws above stay as they were
		place := genCongressPlaces(seed, u.Code)
		for j := range titles {
			t := &titles[j]
			if !t.AppliesTo(u) {
				continue
			}
			for range t.Holders.For(u) {
				p := genPerson(r, u, t, date, villages[u.Code], retire, place[t.Organisation])
				genAttrs(ra, &p, t, date)
				p.ID = fmt.Sprintf("P%06d", len(people)+1)
				people = append(people, p)
			}
		}
	}
	return people
}

// genPerson draws one eligible holder of title t in unit u.
func genPerson(r *rand.Rand, u *model.Unit, t *model.Title, date model.Date, villages []string, retire model.RetirementSchedule, frac float64) model.Person {
	req := t.Requires
	p := model.Person{Capacity: genCapacity}
	p.Sex = req.Sex
	if p.Sex == model.SexAny {
		p.Sex = model.Female
		if r.Float64() < genMaleShare {
			p.Sex = model.Male
		}
	}
	// Age window: the assumption, the title's limits, and a year short of
	// the retirement age in force on date for a title that stops there.
	retYears, _ := retire.AgeIn(p.Sex, date.Year()).YearsMonths()
	lo, hi := genAgeWindow(req, retYears)
	age := lo + r.IntN(hi-lo+1)
	p.Birth = date.AddMonths(-(age*12 + r.IntN(12))).AddDays(-r.IntN(28))
	for age > lo && req.StopsAtRetirement() && !(retire.RetirementDate(p.Birth, p.Sex) > date) {
		age--
		p.Birth = date.AddMonths(-(age*12 + r.IntN(12))).AddDays(-r.IntN(28))
	}
	p.PartyMember = req.PartyMember || r.Float64() < genPartyShare
	p.Education = genDrawEducation(r, req.MinEducation)
	switch {
	case u.Level == model.Commune && len(villages) > 0:
		p.Residence = villages[r.IntN(len(villages))]
	default:
		p.Residence = u.Code
	}
	p.Name = genName(r, p.Sex)
	h := model.Holding{Title: t.ID, Unit: u.Code, Main: true}
	adult := p.Birth.AddMonths(12 * max(18, req.MinAge))
	if start, end, ok := genTerm(r, t, date, adult, frac); ok {
		h.Start, h.TermEnd = start, end
	} else {
		h.Start = date.AddDays(-1 - r.IntN(8*365))
		if h.Start < adult {
			h.Start = min(adult, date.AddDays(-1))
		}
	}
	p.Holdings = []model.Holding{h}
	return p
}

// genDrawEducation draws from the part of genEducation at or above least.
func genDrawEducation(r *rand.Rand, least model.Education) model.Education {
	total := 0.0
	for _, e := range genEducation {
		if e.edu >= least {
			total += e.share
		}
	}
	if total == 0 {
		return least
	}
	x := r.Float64() * total
	for _, e := range genEducation {
		if e.edu < least {
			continue
		}
		if x < e.share {
			return e.edu
		}
		x -= e.share
	}
	return genEducation[len(genEducation)-1].edu
}

// genName draws a Vietnamese full name for sex s.
func genName(r *rand.Rand, s model.Sex) string {
	total := 0.0
	for _, f := range genFamily {
		total += f.share
	}
	x := r.Float64() * total
	family := genFamily[len(genFamily)-1].name
	for _, f := range genFamily {
		if x < f.share {
			family = f.name
			break
		}
		x -= f.share
	}
	mid := genMiddle[s][r.IntN(len(genMiddle[s]))]
	given := genGiven[s][r.IntN(len(genGiven[s]))]
	return family + " " + mid + " " + given
}
