package scenarios

import (
	"fmt"
	"hash/fnv"
	"math"
	"math/rand/v2"
	"strings"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// DefaultHouseholdsPerVillage is the average village size AddVillages uses
// when GenerateConfig.HouseholdsPerVillage is 0. With it, one village per
// 296 households (rounded, at least one per commune) over the 10,472
// communes of the 2024-11 GSO list and their 26.78 million 2019 census
// households gives 90,508 villages, the national count at the end of 2021
// (policy-facts 6.27).
const DefaultHouseholdsPerVillage = 296

// GenerateConfig configures the synthetic generator. The zero value
// generates every province of the 2024-11 list with seed 0.
type GenerateConfig struct {
	// Province is the GSO code of the province to generate, in the codes of
	// the vintage (Hà Tĩnh is 42 in both; Hà Giang, 02, exists only in
	// 2024-11). "" generates every province.
	Province string
	// Vintage is VintagePreReform ("2024-11", the default when "") or
	// VintagePostReform ("2025-07").
	Vintage string
	// Seed seeds every random draw; the same configuration gives the same
	// units, villages and people.
	Seed uint64
	// HouseholdsPerVillage is the average village size AddVillages uses;
	// 0 (or less) means DefaultHouseholdsPerVillage.
	HouseholdsPerVillage int
}

// calibVintageFor returns the calibration of a vintage ("" = pre-reform).
func calibVintageFor(vintage string) (*calibVintage, error) {
	if vintage == "" {
		vintage = VintagePreReform
	}
	for i := range calibration {
		if calibration[i].Vintage == vintage {
			return &calibration[i], nil
		}
	}
	return nil, fmt.Errorf("scenarios: unknown vintage %q (want %s or %s)", vintage, VintagePreReform, VintagePostReform)
}

// GenerateUnits returns a synthetic province (or the whole country when
// cfg.Province is ""): the province unit, for 2024-11 its districts, and
// its communes, with no villages (see AddVillages). The structure is the
// real one: the number of communes of each type per province is the GSO
// list's, and for 2024-11 the districts are the real districts (GSO code,
// name and type) with their real number of xã, phường and thị trấn. Names
// and codes of communes are synthetic: codes are the province code followed
// by a three-digit number (01001, 01002, …); names are drawn from common
// place-name syllables.
//
// Population and area are drawn per province and commune type from the
// published calibration (calibration_table.go): a split log-normal with
// the calibration's median, whose lower half has the p10 and upper half the
// p90 (log X = ln median + z·σ, σ = ln(median/p10)/1.2816 for z < 0 and
// ln(p90/median)/1.2816 for z ≥ 0, z standard normal clamped to ±3). It
// reproduces p10, median and p90 exactly in the limit and keeps the right
// skew of both quantities. The mean is not fitted: over the rows of 20
// units or more, the generated mean is 2 % (population) to 4 % (area) off
// the published one in the median row and within 7–15 % in nine rows out
// of ten. The draws are
// stratified (the i-th of n draws takes its quantile from [i/n, (i+1)/n))
// and then shuffled, so even a small province has the calibrated spread;
// population and area are drawn independently. Where the calibration has
// no figure (area in Thanh Hóa and Khánh Hòa for 2024-11, population of
// Hoàng Sa for 2025-07) the national figures of the same type are used.
// Households are population divided by the province's 2019 census mean
// household size (HouseholdSize in the table, e.g. 3.62 for Hà Nội),
// rounded. Flags and classes follow the same rules as for the real lists
// (see ReadUnits and AssignClasses).
//
// Figures of a province depend only on the seed, the vintage and the
// province code, so generating the whole country gives each province the
// same units as generating it alone.
func GenerateUnits(cfg GenerateConfig) ([]model.Unit, error) {
	cv, err := calibVintageFor(cfg.Vintage)
	if err != nil {
		return nil, err
	}
	var out []model.Unit
	found := false
	for i := range cv.Provinces {
		p := &cv.Provinces[i]
		if cfg.Province != "" && p.Code != cfg.Province {
			continue
		}
		found = true
		units, err := genProvince(cv, p, cfg.Seed)
		if err != nil {
			return nil, err
		}
		out = append(out, units...)
	}
	if !found {
		codes := make([]string, len(cv.Provinces))
		for i, p := range cv.Provinces {
			codes[i] = p.Code
		}
		return nil, fmt.Errorf("scenarios: no province %q in the %s list (valid codes: %s)", cfg.Province, cv.Vintage, strings.Join(codes, ", "))
	}
	AssignClasses(out)
	return out, nil
}

// genStream returns a PCG stream for one part of the generation, keyed by
// the seed and the names in key, so that the draws for one province or
// commune do not depend on what else is generated.
func genStream(seed uint64, key ...string) *rand.Rand {
	h := fnv.New64a()
	for _, k := range key {
		h.Write([]byte(k))
		h.Write([]byte{0})
	}
	return rand.New(rand.NewPCG(seed, h.Sum64()))
}

// genStats returns the calibration of type ty in province p, falling back to
// the national row of the vintage where the province's figures are blank.
func genStats(cv *calibVintage, p *calibProvince, ty model.UnitType) (pop, area calibStats, err error) {
	var nat *calibRow
	for i := range cv.National {
		if cv.National[i].Type == ty {
			nat = &cv.National[i]
		}
	}
	for _, r := range p.Rows {
		if r.Type != ty {
			continue
		}
		pop, area = r.Pop, r.Area
		if !pop.HasData && nat != nil {
			pop = nat.Pop
		}
		if !area.HasData && nat != nil {
			area = nat.Area
		}
		if !pop.HasData || !area.HasData {
			break
		}
		return pop, area, nil
	}
	return pop, area, fmt.Errorf("scenarios: no calibration for %s in province %s (%s)", ty, p.Code, cv.Vintage)
}

// genQuantile is the split log-normal quantile function through p10,
// median and p90 described at GenerateUnits.
func genQuantile(s calibStats, u float64) float64 {
	const z90 = 1.2815515655446004 // standard normal 90th percentile
	z := math.Sqrt2 * math.Erfinv(2*u-1)
	z = max(-3, min(3, z))
	var sigma float64
	if z < 0 {
		if s.P10 > 0 && s.Median > s.P10 {
			sigma = math.Log(s.Median/s.P10) / z90
		}
	} else if s.Median > 0 && s.P90 > s.Median {
		sigma = math.Log(s.P90/s.Median) / z90
	}
	return s.Median * math.Exp(z*sigma)
}

// genSample draws n stratified values from the calibration s, shuffled.
func genSample(r *rand.Rand, s calibStats, n int) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = genQuantile(s, (float64(i)+r.Float64())/float64(n))
	}
	r.Shuffle(n, func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

// genSyllables are common syllables of Vietnamese commune names.
var genSyllables = []string{
	"An", "Bình", "Đông", "Hòa", "Hưng", "Long", "Minh", "Nam", "Phú", "Phúc",
	"Quang", "Tân", "Thạnh", "Thanh", "Thành", "Thịnh", "Thuận", "Trung", "Vĩnh", "Xuân",
	"Yên", "Đại", "Hồng", "Kim", "Lạc", "Mỹ", "Ngọc", "Phong", "Sơn", "Tiến",
	"Hải", "Hiệp", "Lợi", "Nghĩa", "Phước", "Quý", "Thái", "Thọ", "Trường", "Văn",
}

// genTypeName is the Vietnamese name of a unit type as it prefixes names.
func genTypeName(ty model.UnitType) string {
	switch ty {
	case model.Xa:
		return "Xã"
	case model.Phuong:
		return "Phường"
	case model.ThiTran:
		return "Thị trấn"
	case model.DacKhu:
		return "Đặc khu"
	case model.Thon:
		return "Thôn"
	case model.ToDanPho:
		return "Tổ dân phố"
	}
	return ty.String()
}

// genProvince generates one province.
func genProvince(cv *calibVintage, p *calibProvince, seed uint64) ([]model.Unit, error) {
	r := genStream(seed, "units", cv.Vintage, p.Code)
	// Draw the figures of every commune type of the province.
	type draws struct {
		pop, area []float64
		next      int
	}
	byType := map[model.UnitType]*draws{}
	for _, row := range p.Rows {
		if row.Type == model.TypeUnknown {
			continue
		}
		ps, as, err := genStats(cv, p, row.Type)
		if err != nil {
			return nil, err
		}
		byType[row.Type] = &draws{pop: genSample(r, ps, row.N), area: genSample(r, as, row.N)}
	}
	names := map[string]bool{}
	seq := 0
	commune := func(ty model.UnitType, parent string, districtType model.UnitType) (model.Unit, error) {
		d := byType[ty]
		if d == nil || d.next >= len(d.pop) {
			return model.Unit{}, fmt.Errorf("scenarios: calibration of province %s (%s) has too few %s", p.Code, cv.Vintage, ty)
		}
		seq++
		u := model.Unit{
			Code:       fmt.Sprintf("%s%03d", p.Code, seq),
			Level:      model.Commune,
			Type:       ty,
			Parent:     parent,
			Population: max(1, int(math.Round(d.pop[d.next]))),
			AreaKm2:    max(0.01, math.Round(d.area[d.next]*100)/100),
		}
		d.next++
		u.Households = max(1, int(math.Round(float64(u.Population)/p.HouseholdSize)))
		name := ""
		for try := 0; try < 6 && (name == "" || names[name]); try++ {
			a := genSyllables[r.IntN(len(genSyllables))]
			b := genSyllables[r.IntN(len(genSyllables))]
			if a != b {
				name = genTypeName(ty) + " " + a + " " + b
			}
		}
		for k := 2; name == "" || names[name]; k++ {
			name = fmt.Sprintf("%s %s %d", genTypeName(ty), genSyllables[seq%len(genSyllables)], k)
		}
		names[name] = true
		u.Name = name
		if ty == model.Phuong && districtType == model.Quan {
			u.Flags |= model.UrbanDistrictWard
		}
		if ty == model.DacKhu || unitsIslandDistricts[parent] && cv.Vintage == VintagePreReform {
			u.Flags |= model.BorderIsland
		}
		if unitsMountainous(cv.Vintage, p.Code, &u) {
			u.Flags |= model.Mountainous
		}
		return u, nil
	}
	add := func(sum *model.Unit, u *model.Unit) {
		sum.Population += u.Population
		sum.Households += u.Households
		sum.AreaKm2 += u.AreaKm2
	}
	prov := model.Unit{Code: p.Code, Name: p.Name, Level: model.Province, Type: unitsProvinceType(p.Name)}
	var below []model.Unit
	if len(p.Districts) > 0 {
		for _, cd := range p.Districts {
			dist := model.Unit{Code: cd.Code, Name: cd.Name, Level: model.District, Type: cd.Type, Parent: p.Code}
			var cs []model.Unit
			for _, k := range []struct {
				ty model.UnitType
				n  int
			}{{model.Phuong, cd.Phuong}, {model.ThiTran, cd.ThiTran}, {model.Xa, cd.Xa}} {
				for range k.n {
					u, err := commune(k.ty, cd.Code, cd.Type)
					if err != nil {
						return nil, err
					}
					add(&dist, &u)
					cs = append(cs, u)
				}
			}
			add(&prov, &dist)
			below = append(below, unitsRound(dist))
			below = append(below, cs...)
		}
	} else {
		for _, ty := range []model.UnitType{model.Phuong, model.Xa, model.ThiTran, model.DacKhu} {
			d := byType[ty]
			if d == nil {
				continue
			}
			for range len(d.pop) {
				u, err := commune(ty, p.Code, model.TypeUnknown)
				if err != nil {
					return nil, err
				}
				add(&prov, &u)
				below = append(below, u)
			}
		}
	}
	for _, row := range p.Rows {
		if d := byType[row.Type]; d != nil && d.next != len(d.pop) {
			return nil, fmt.Errorf("scenarios: calibration of province %s (%s): %d %s drawn but %d placed in districts", p.Code, cv.Vintage, len(d.pop), row.Type, d.next)
		}
	}
	return append([]model.Unit{unitsRound(prov)}, below...), nil
}

// AddVillages returns units with synthetic villages added under every
// commune that has none: round(households / HouseholdsPerVillage) of them,
// at least one. Each village follows its commune in the result. A village
// of a xã or đặc khu is a thôn, of a phường or thị trấn a tổ dân phố; its
// code is the commune's code followed by "-01", "-02", …, its name "Thôn 1",
// "Tổ dân phố 2", …. The commune's households, population and area are split
// among its villages at random (each village's share of households and
// population is drawn uniformly from 0.5 to 1.5 times the mean, area
// independently so), summing exactly to the commune's (area to 0.01 km²).
// Villages inherit the commune's mountainous, border-island and
// key-security flags; they have no class. The split of one commune depends
// only on cfg.Seed and the commune's code.
func AddVillages(units []model.Unit, cfg GenerateConfig) []model.Unit {
	hpv := cfg.HouseholdsPerVillage
	if hpv <= 0 {
		hpv = DefaultHouseholdsPerVillage
	}
	has := map[string]bool{}
	for i := range units {
		if units[i].Level == model.Village && units[i].Parent != "" {
			has[units[i].Parent] = true
		}
	}
	out := make([]model.Unit, 0, len(units)*5)
	for i := range units {
		u := &units[i]
		out = append(out, *u)
		if u.Level != model.Commune || has[u.Code] {
			continue
		}
		out = append(out, genVillages(u, hpv, cfg.Seed)...)
	}
	return out
}

// genVillages splits commune c into villages.
func genVillages(c *model.Unit, hpv int, seed uint64) []model.Unit {
	r := genStream(seed, "villages", c.Code)
	n := max(1, int(math.Round(float64(c.Households)/float64(hpv))))
	ty := model.Thon
	if c.Type == model.Phuong || c.Type == model.ThiTran {
		ty = model.ToDanPho
	}
	w := make([]float64, n)
	wa := make([]float64, n)
	for i := range w {
		w[i] = 0.5 + r.Float64()
		wa[i] = 0.5 + r.Float64()
	}
	hh := genSplit(c.Households, w)
	pop := genSplit(c.Population, w)
	area := genSplit(int(math.Round(c.AreaKm2*100)), wa)
	inherit := c.Flags & (model.Mountainous | model.BorderIsland | model.KeySecurity)
	out := make([]model.Unit, n)
	for i := range out {
		out[i] = model.Unit{
			Code:       fmt.Sprintf("%s-%02d", c.Code, i+1),
			Name:       fmt.Sprintf("%s %d", genTypeName(ty), i+1),
			Level:      model.Village,
			Type:       ty,
			Parent:     c.Code,
			Population: pop[i],
			Households: hh[i],
			AreaKm2:    float64(area[i]) / 100,
			Flags:      inherit,
		}
	}
	return out
}

// genSplit splits total into len(w) whole parts proportional to w that sum
// to total exactly (largest remainders, ties to the lower index).
func genSplit(total int, w []float64) []int {
	sum := 0.0
	for _, x := range w {
		sum += x
	}
	out := make([]int, len(w))
	frac := make([]float64, len(w))
	left := total
	for i, x := range w {
		share := float64(total) * x / sum
		out[i] = int(math.Floor(share))
		frac[i] = share - float64(out[i])
		left -= out[i]
	}
	for ; left > 0; left-- {
		best := 0
		for i := range frac {
			if frac[i] > frac[best] {
				best = i
			}
		}
		out[best]++
		frac[best] = -1
	}
	return out
}

// Assumed mixes of the people generator. No public statistics of the
// non-specialised workforce by age, sex or schooling were found; these are
// assumptions to revisit with a province's staff list.
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

// GeneratePeople returns today's holders of titles in units on date: for
// every unit and every title that exists there (title.AppliesTo), as many
// people as the title needs (title.Holders.For), each holding that one
// title as their main title. People are numbered P000001, P000002, … in
// unit order, then title order.
//
// Every person is eligible for their title on date: the sex, Party
// membership, minimum education, age and residence requirements of
// title.Requires are met, and the person has not reached the Decree
// 135/2020 retirement age (their age in whole years is at most that age
// less one). A holder of a village title lives in the village; a
// holder of a commune title in one of the commune's villages drawn at
// random (in the commune itself when it has none); other holders in their
// unit. The mixes are assumptions (no public statistics of this
// workforce were found): ages uniform between 25 and 60 within the limits
// above; 55 % men where the title allows either sex; 40 % Party members
// where the title does not require membership; schooling lower secondary
// 5 %, upper secondary 35 %, intermediate 25 %, college 10 %, university
// 23 %, postgraduate 2 %, restricted to the levels at or above the title's
// minimum; capacity 40 hours a week. The holding started at the latest election on or before date, or
// one or two terms earlier, for an elected title (TermEnd is the next
// election, title.Term.NextElection(date)), and up to eight years before
// date for an appointed one, never before the holder turned 18. Names are
// Vietnamese (family, middle and given names), in NFC.
//
// The people of one unit depend only on seed and the unit's code.
func GeneratePeople(units []model.Unit, titles []model.Title, date model.Date, seed uint64) []model.Person {
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
		for j := range titles {
			t := &titles[j]
			if !t.AppliesTo(u) {
				continue
			}
			for range t.Holders.For(u) {
				p := genPerson(r, u, t, date, villages[u.Code], retire)
				p.ID = fmt.Sprintf("P%06d", len(people)+1)
				people = append(people, p)
			}
		}
	}
	return people
}

// genPerson draws one eligible holder of title t in unit u.
func genPerson(r *rand.Rand, u *model.Unit, t *model.Title, date model.Date, villages []string, retire model.RetirementSchedule) model.Person {
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
	// the retirement age in force on date.
	lo, hi := max(genMinAge, req.MinAge), genMaxAge
	if req.MaxAge > 0 {
		hi = min(hi, req.MaxAge)
	}
	retYears, _ := retire.AgeIn(p.Sex, date.Year()).YearsMonths()
	hi = min(hi, retYears-1)
	if lo > hi {
		lo = hi
		if req.MinAge > hi {
			lo, hi = req.MinAge, req.MinAge // no age is eligible; keep the minimum
		}
	}
	age := lo + r.IntN(hi-lo+1)
	p.Birth = date.AddMonths(-(age*12 + r.IntN(12))).AddDays(-r.IntN(28))
	for age > lo && !(retire.RetirementDate(p.Birth, p.Sex) > date) {
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
	if next := t.Term.NextElection(date); !next.IsZero() {
		h.TermEnd = next
		k := []int{0, 0, 1, 2}[r.IntN(4)]
		h.Start = next.AddMonths(-t.Term.Months * (k + 1))
		for k > 0 && h.Start < adult {
			k--
			h.Start = next.AddMonths(-t.Term.Months * (k + 1))
		}
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
