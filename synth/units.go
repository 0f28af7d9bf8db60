package synth

import (
	"fmt"
	"hash/fnv"
	"math"
	"math/rand/v2"
	"strings"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/tables"
)

// DefaultHouseholdsPerVillage is the one village size that reproduces the
// national count: one village per 296 households (rounded, at least one
// per commune) over the 10,472 communes of the 2024-11 GSO list and their
// 26.78 million 2019 census households gives 90,508 villages, the national
// count at the end of 2021 (policy-facts 6.27). AddVillages no longer uses
// it: it calibrates households per village per province and kind of
// village (see AddVillages); a scenario that wants the old uniform size
// says data.units.households_per_village: 296.
const DefaultHouseholdsPerVillage = 296

// Config configures the synthetic generator. The zero value
// generates every province of the 2024-11 list with seed 0.
type Config struct {
	// Province is the GSO code of the province to generate, in the codes of
	// the vintage (Hà Tĩnh is 42 in both; Hà Giang, 02, exists only in
	// 2024-11). "" generates every province.
	Province string
	// Vintage is tables.VintagePreReform ("2024-11", the default when "") or
	// tables.VintagePostReform ("2025-07").
	Vintage string
	// Seed seeds every random draw; the same configuration gives the same
	// units, villages and people.
	Seed uint64
	// HouseholdsPerVillage, when above 0, is the average size of every
	// village AddVillages makes; 0 (or less) means the calibration per
	// province and kind of village (see AddVillages).
	HouseholdsPerVillage int
}

// calibVintageFor returns the calibration of a vintage ("" = pre-reform).
func calibVintageFor(vintage string) (*calibVintage, error) {
	if vintage == "" {
		vintage = tables.VintagePreReform
	}
	for i := range calibration {
		if calibration[i].Vintage == vintage {
			return &calibration[i], nil
		}
	}
	return nil, fmt.Errorf("synth: unknown vintage %q (want %s or %s)", vintage, tables.VintagePreReform, tables.VintagePostReform)
}

// Units returns a synthetic province (or the whole country when
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
// (see [tables.ReadUnits] and [tables.AssignClasses]).
//
// Figures of a province depend only on the seed, the vintage and the
// province code, so generating the whole country gives each province the
// same units as generating it alone.
func Units(cfg Config) ([]model.Unit, error) {
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
		return nil, &SelectionError{Msg: fmt.Sprintf("synth: no province %q in the %s list (valid codes: %s)", cfg.Province, cv.Vintage, strings.Join(codes, ", "))}
	}
	tables.AssignClasses(out)
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
	return pop, area, fmt.Errorf("synth: no calibration for %s in province %s (%s)", ty, p.Code, cv.Vintage)
}

// genQuantile is the split log-normal quantile function through p10,
// median and p90 described at Units.
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
	g, err := newProvinceGen(cv, p, genStream(seed, "units", cv.Vintage, p.Code))
	if err != nil {
		return nil, err
	}
	prov := model.Unit{Code: p.Code, Name: p.Name, Level: model.Province, Type: tables.ProvinceType(p.Name)}
	var below []model.Unit
	if len(p.Districts) > 0 {
		for _, cd := range p.Districts {
			dist, cs, err := g.district(cd)
			if err != nil {
				return nil, err
			}
			addFigures(&prov, &dist)
			below = append(below, tables.RoundArea(dist))
			below = append(below, cs...)
		}
	} else {
		for _, ty := range []model.UnitType{model.Phuong, model.Xa, model.ThiTran, model.DacKhu} {
			d := g.byType[ty]
			if d == nil {
				continue
			}
			for range len(d.pop) {
				u, err := g.commune(ty, p.Code, model.TypeUnknown)
				if err != nil {
					return nil, err
				}
				addFigures(&prov, &u)
				below = append(below, u)
			}
		}
	}
	for _, row := range p.Rows {
		if d := g.byType[row.Type]; d != nil && d.next != len(d.pop) {
			return nil, fmt.Errorf("synth: calibration of province %s (%s): %d %s drawn but %d placed in districts", p.Code, cv.Vintage, len(d.pop), row.Type, d.next)
		}
	}
	return append([]model.Unit{tables.RoundArea(prov)}, below...), nil
}

// typeDraws are the drawn figures of one commune type of a province, and
// how many of them communes have taken.
type typeDraws struct {
	pop, area []float64
	next      int
}

// provinceGen makes the communes of one province from its draws.
type provinceGen struct {
	cv     *calibVintage
	p      *calibProvince
	r      *rand.Rand
	byType map[model.UnitType]*typeDraws
	names  map[string]bool // commune names taken
	seq    int             // communes made
}

// newProvinceGen draws the figures of every commune type of province p.
func newProvinceGen(cv *calibVintage, p *calibProvince, r *rand.Rand) (*provinceGen, error) {
	g := &provinceGen{cv: cv, p: p, r: r, byType: map[model.UnitType]*typeDraws{}, names: map[string]bool{}}
	for _, row := range p.Rows {
		if row.Type == model.TypeUnknown {
			continue
		}
		ps, as, err := genStats(cv, p, row.Type)
		if err != nil {
			return nil, err
		}
		g.byType[row.Type] = &typeDraws{pop: genSample(r, ps, row.N), area: genSample(r, as, row.N)}
	}
	return g, nil
}

// district makes district cd and its communes, wards and townships.
func (g *provinceGen) district(cd calibDistrict) (model.Unit, []model.Unit, error) {
	dist := model.Unit{Code: cd.Code, Name: cd.Name, Level: model.District, Type: cd.Type, Parent: g.p.Code}
	var cs []model.Unit
	for _, k := range []struct {
		ty model.UnitType
		n  int
	}{{model.Phuong, cd.Phuong}, {model.ThiTran, cd.ThiTran}, {model.Xa, cd.Xa}} {
		for range k.n {
			u, err := g.commune(k.ty, cd.Code, cd.Type)
			if err != nil {
				return dist, nil, err
			}
			addFigures(&dist, &u)
			cs = append(cs, u)
		}
	}
	return dist, cs, nil
}

// commune makes the next commune of type ty under parent, a district of
// districtType (TypeUnknown: none).
func (g *provinceGen) commune(ty model.UnitType, parent string, districtType model.UnitType) (model.Unit, error) {
	cv, p := g.cv, g.p
	d := g.byType[ty]
	if d == nil || d.next >= len(d.pop) {
		return model.Unit{}, fmt.Errorf("synth: calibration of province %s (%s) has too few %s", p.Code, cv.Vintage, ty)
	}
	g.seq++
	u := model.Unit{
		Code:       fmt.Sprintf("%s%03d", p.Code, g.seq),
		Level:      model.Commune,
		Type:       ty,
		Parent:     parent,
		Population: max(1, int(math.Round(d.pop[d.next]))),
		AreaKm2:    max(0.01, math.Round(d.area[d.next]*100)/100),
	}
	d.next++
	u.Households = max(1, int(math.Round(float64(u.Population)/p.HouseholdSize)))
	u.Name = g.name(ty)
	if ty == model.Phuong && districtType == model.Quan {
		u.Flags |= model.UrbanDistrictWard
	}
	if ty == model.DacKhu || tables.IslandDistrict(parent) && cv.Vintage == tables.VintagePreReform {
		u.Flags |= model.BorderIsland
	}
	if tables.Mountainous(cv.Vintage, p.Code, &u) {
		u.Flags |= model.Mountainous
	}
	return u, nil
}

// name draws a name for a commune of type ty not yet taken in the
// province.
func (g *provinceGen) name(ty model.UnitType) string {
	name := ""
	for try := 0; try < 6 && (name == "" || g.names[name]); try++ {
		a := genSyllables[g.r.IntN(len(genSyllables))]
		b := genSyllables[g.r.IntN(len(genSyllables))]
		if a != b {
			name = genTypeName(ty) + " " + a + " " + b
		}
	}
	for k := 2; name == "" || g.names[name]; k++ {
		name = fmt.Sprintf("%s %s %d", genTypeName(ty), genSyllables[g.seq%len(genSyllables)], k)
	}
	g.names[name] = true
	return name
}

// addFigures adds u's population, households and area to sum.
func addFigures(sum, u *model.Unit) {
	sum.Population += u.Population
	sum.Households += u.Households
	sum.AreaKm2 += u.AreaKm2
}

// SelectionError is a province or district asked for that the unit list
// does not have: a bad choice of the caller (a command's flag), not bad
// data.
type SelectionError struct{ Msg string }

func (e *SelectionError) Error() string { return e.Msg }
