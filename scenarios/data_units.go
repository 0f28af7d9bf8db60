package scenarios

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// Vintages of the GSO commune list that the readers and the generator know.
const (
	// VintagePreReform is the GSO list of 1 Nov 2024: 63 provinces,
	// districts, and 10,472 xã, phường and thị trấn.
	VintagePreReform = "2024-11"
	// VintagePostReform is the list in force from 1 Jul 2025: 34 provinces,
	// no districts, and 3,321 xã, phường and đặc khu.
	VintagePostReform = "2025-07"
)

// UnitSelect picks part of a units file by GSO code. An empty field selects
// everything; Province and District may be given together (the district
// must then lie in the province) or alone.
type UnitSelect struct{ Province, District string }

// unitsColumns are the columns of kiemnhiem's own units.csv, in the order
// WriteUnits writes them.
var unitsColumns = []string{"code", "name", "level", "type", "class", "parent", "population", "households", "area_km2", "flags"}

// Columns the GSO lists must have; they may have others, which are ignored.
var (
	units2024Columns = []string{"code", "name", "type", "district_code", "district", "district_type", "province_code", "province", "pop2019", "households2019", "area_km2_gadm"}
	units2025Columns = []string{"code", "name", "type", "province_code", "province", "area_km2_best", "population_best", "pop2019_lineage_est", "households2019_lineage_est"}
)

// ReadUnits reads a units table in CSV. name is the file name used in error
// messages. The format is recognised by its header:
//
//   - kiemnhiem's units.csv, as written by [WriteUnits]: one row per unit,
//     columns code, name, level, type, class, parent, population,
//     households, area_km2, flags (in any order; every column is required
//     and no other is allowed). level, type and class take the spellings of
//     [model.ParseLevel], [model.ParseUnitType] and [model.ParseClass]
//     (Vietnamese names included); class is blank outside communes or when
//     unknown; flags are [model.ParseFlag] names joined by "|". Every number
//     must be given (write 0 when unknown). parent must be the code of a
//     unit of a higher level in the same file, or blank. The file may hold
//     villages. Values are taken as written: no class or flag is derived.
//   - The GSO list of 1 Nov 2024 (shared/data/vn_communes_2024-11_pre_reform.csv):
//     one row per commune with its district and province. ReadUnits emits
//     each province, then each of its districts followed by the district's
//     communes (in order of first appearance in the file). Province and
//     district figures are sums over all of their communes in the file, even
//     when a selection keeps only some. Population is pop2019, households
//     households2019 (2019 census), area area_km2_gadm; a blank figure
//     (7 communes lack census figures and 861 lack GADM area) is read as 0,
//     which means unknown.
//   - The GSO list of 1 Jul 2025 (vn_communes_2025-07_post_reform.csv):
//     provinces and their communes (no districts; a commune's parent is its
//     province). Population is population_best, area area_km2_best.
//     Households are not in the list: they are the 2019 households rolled up
//     along the unit's lineage (households2019_lineage_est) scaled by
//     population_best / pop2019_lineage_est, which keeps each unit's 2019
//     household size; where the lineage figures are missing (5 island
//     units), population_best divided by the province's 2019 household size
//     (its summed pop2019_lineage_est / households2019_lineage_est, e.g.
//     3.31 persons for Hải Phòng; 3.58, the 2019 national mean, if the
//     province has no lineage figures at all).
//
// For the GSO lists the flags and classes, which no public list carries,
// are derived by assumptions (documented in full at unitsMountainous and
// unitsIslandDistricts in data_units.go):
//
//   - mountainous: a xã with fewer than 150 people per km² (between the
//     densities implied by NQ 1211's standards for mountainous and other
//     xã), except in the Mekong-delta provinces, whose sparse xã are
//     wetland; a xã of unknown area is not marked;
//   - border-island: the communes of the 2024-11 island districts (Vân Đồn,
//     Cô Tô, Cát Hải, Trường Sa, Phú Quí, Phú Quốc, Kiên Hải) and every
//     đặc khu of 2025-07; land-border communes are not marked, for want of
//     a public list;
//   - urban-district-ward: every phường of a quận;
//   - key-security: never (it is a provincial designation);
//   - class: see [AssignClasses].
//
// Every bad cell is reported as an [*Error] with its line, column (the
// 1-based index of the field), column name and what was expected; all of
// them are returned together as an [ErrorList]. A selection that matches
// nothing is an error naming the code and the file.
func ReadUnits(r io.Reader, name string, sel UnitSelect) ([]model.Unit, error) {
	t, err := tabReadCSV(r, name)
	if err != nil {
		return nil, err
	}
	switch {
	case t.has("population_best"):
		return units2025(t, sel)
	case t.has("district_type") || t.has("pop2019"):
		return units2024(t, sel)
	case t.has("level") || t.has("parent"):
		return unitsOwn(t, sel)
	}
	return nil, &Error{File: name, Line: 1, Col: 1, Msg: "unrecognised header: expected kiemnhiem's units.csv (" +
		strings.Join(unitsColumns, ",") + "), the GSO 2024-11 list (with district_type and pop2019) or the GSO 2025-07 list (with population_best)"}
}

// WriteUnits writes units in kiemnhiem's units.csv format (see [ReadUnits]);
// ReadUnits gives the same units back. It refuses units that could not be
// read back: an empty or duplicate code, an unknown level, type, class or
// flag, a type of another level, a class outside communes, a negative or
// non-finite number, or a parent that is not an earlier-level unit of the
// list.
func WriteUnits(w io.Writer, units []model.Unit) error {
	if err := unitsCheck(units, func(i int, field, msg string) *Error {
		return &Error{File: "units", Path: fmt.Sprintf("units[%d].%s", i, field), Msg: msg}
	}, func(j int) string { return fmt.Sprintf("units[%d]", j) }); err != nil {
		return fmt.Errorf("scenarios: cannot write units: %w", err)
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(unitsColumns); err != nil {
		return err
	}
	for i := range units {
		u := &units[i]
		class := ""
		if u.Class != model.ClassUnknown {
			class = u.Class.String()
		}
		rec := []string{u.Code, u.Name, u.Level.String(), u.Type.String(), class, u.Parent,
			strconv.Itoa(u.Population), strconv.Itoa(u.Households), tabFormatFloat(u.AreaKm2), u.Flags.String()}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// unitsCheck checks what WriteUnits and the units.csv reader both require
// and reports each problem through bad (unit index, column, message); where
// names unit j in a message. It returns the problems as an ErrorList.
func unitsCheck(units []model.Unit, bad func(i int, field, msg string) *Error, where func(j int) string) error {
	var errs ErrorList
	add := func(i int, field, msg string) { errs = append(errs, bad(i, field, msg)) }
	at := make(map[string]int, len(units))
	for i := range units {
		u := &units[i]
		if strings.TrimSpace(u.Code) == "" {
			add(i, "code", "expected a unit code, got an empty cell")
		} else if j, dup := at[u.Code]; dup {
			add(i, "code", fmt.Sprintf("unit code %q is used twice (also %s)", u.Code, where(j)))
		} else {
			at[u.Code] = i
		}
		if u.Level == model.LevelUnknown || u.Level > model.Village {
			add(i, "level", "expected one of "+strings.Join(model.LevelNames(), ", "))
		}
		if u.Type == model.TypeUnknown || u.Type.Level() == model.LevelUnknown {
			add(i, "type", "expected one of "+strings.Join(model.UnitTypeNames(), ", "))
		} else if u.Level != model.LevelUnknown && u.Type.Level() != u.Level {
			add(i, "type", fmt.Sprintf("%s is a %s type, but the unit's level is %s", u.Type, u.Type.Level(), u.Level))
		}
		switch {
		case u.Class > model.ClassIII:
			add(i, "class", "expected I, II, III or blank")
		case u.Class != model.ClassUnknown && u.Level != model.Commune:
			add(i, "class", "only communes have a class; leave it blank for a "+u.Level.String())
		}
		if u.Population < 0 {
			add(i, "population", "expected a whole number ≥ 0")
		}
		if u.Households < 0 {
			add(i, "households", "expected a whole number ≥ 0")
		}
		if math.IsNaN(u.AreaKm2) || math.IsInf(u.AreaKm2, 0) || u.AreaKm2 < 0 {
			add(i, "area_km2", "expected a number ≥ 0")
		}
		if u.Flags>>len(model.FlagNames()) != 0 {
			add(i, "flags", "unknown flag bits; expected flags among "+strings.Join(model.FlagNames(), ", "))
		}
	}
	for i := range units {
		u := &units[i]
		if u.Parent == "" {
			continue
		}
		j, ok := at[u.Parent]
		switch {
		case !ok:
			add(i, "parent", fmt.Sprintf("no unit with code %q in this file", u.Parent))
		case u.Level != model.LevelUnknown && units[j].Level >= u.Level:
			add(i, "parent", fmt.Sprintf("the parent %s is a %s; a %s's parent must be of a higher level", u.Parent, units[j].Level, u.Level))
		}
	}
	return errs.err()
}

// unitsOwn reads kiemnhiem's units.csv.
func unitsOwn(t *tabSheet, sel UnitSelect) ([]model.Unit, error) {
	t.requireExactly(unitsColumns)
	if len(t.errs) > 0 {
		return nil, t.errs.err()
	}
	units := make([]model.Unit, 0, len(t.rows))
	rows := make([]int, 0, len(t.rows)) // index into t.rows of each unit
	for ri := range t.rows {
		c := tabCells{t: t, row: ri}
		u := model.Unit{
			Code:   c.str("code"),
			Name:   c.str("name"),
			Level:  c.level("level"),
			Type:   c.unitType("type"),
			Parent: c.str("parent"),
		}
		if s := strings.TrimSpace(c.str("class")); s != "" {
			u.Class = c.class("class")
		}
		u.Population = c.count("population")
		u.Households = c.count("households")
		u.AreaKm2 = c.area("area_km2")
		u.Flags = c.flags("flags")
		if t.stopped {
			break
		}
		units = append(units, u)
		rows = append(rows, ri)
	}
	if len(t.errs) == 0 {
		// Row-level problems are already reported with their cells; check the
		// rest (codes, levels and parents across rows) only on clean input so
		// that one bad cell is not reported twice.
		err := unitsCheck(units, func(i int, field, msg string) *Error {
			return t.errAt(rows[i], field, "%s", msg)
		}, func(j int) string { return fmt.Sprintf("on line %d", t.rows[rows[j]].lines[0]) })
		if err != nil {
			return nil, err
		}
	}
	if len(t.errs) > 0 {
		return nil, t.errs.err()
	}
	return unitsSelectTree(units, t.file, sel)
}

// unitsSelectTree keeps the selected province or district of a units.csv
// with its ancestors and descendants.
func unitsSelectTree(units []model.Unit, file string, sel UnitSelect) ([]model.Unit, error) {
	if sel.Province == "" && sel.District == "" {
		return units, nil
	}
	at := make(map[string]int, len(units))
	for i := range units {
		at[units[i].Code] = i
	}
	find := func(code string, l model.Level, field string) (int, error) {
		i, ok := at[code]
		if !ok || units[i].Level != l {
			return 0, &Error{File: file, Path: field, Msg: fmt.Sprintf("no %s with code %q in the file", l, code)}
		}
		return i, nil
	}
	// ancestors lists the codes above unit i; levels strictly increase
	// down the tree (unitsCheck), so the walk ends.
	ancestors := func(i int) map[string]bool {
		out := map[string]bool{}
		for p := units[i].Parent; p != ""; {
			out[p] = true
			j, ok := at[p]
			if !ok {
				break
			}
			p = units[j].Parent
		}
		return out
	}
	root := -1
	if sel.Province != "" {
		i, err := find(sel.Province, model.Province, "province")
		if err != nil {
			return nil, err
		}
		root = i
	}
	if sel.District != "" {
		i, err := find(sel.District, model.District, "district")
		if err != nil {
			return nil, err
		}
		if sel.Province != "" && !ancestors(i)[sel.Province] {
			return nil, &Error{File: file, Path: "district", Msg: fmt.Sprintf("district %q is not in province %q", sel.District, sel.Province)}
		}
		root = i
	}
	above := ancestors(root)
	rootCode := units[root].Code
	var out []model.Unit
	for i := range units {
		if i == root || above[units[i].Code] || ancestors(i)[rootCode] {
			out = append(out, units[i])
		}
	}
	return out, nil
}

// unitsGroup collects the communes of one province or district of a GSO
// list with the sums of their figures.
type unitsGroup struct {
	unit     model.Unit
	children []string // district codes of a province (2024-11)
	communes []model.Unit
}

func (g *unitsGroup) addFigures(u *model.Unit) {
	g.unit.Population += u.Population
	g.unit.Households += u.Households
	g.unit.AreaKm2 += u.AreaKm2
}

// unitsProvinceType is the type of a province named as in GSO lists.
func unitsProvinceType(name string) model.UnitType {
	if strings.HasPrefix(name, "Thành phố") {
		return model.ThanhPhoTW
	}
	return model.Tinh
}

// units2024 reads the GSO list of 1 Nov 2024.
func units2024(t *tabSheet, sel UnitSelect) ([]model.Unit, error) {
	t.require(units2024Columns)
	if len(t.errs) > 0 {
		return nil, t.errs.err()
	}
	var (
		provOrder []string
		provs     = map[string]*unitsGroup{}
		dists     = map[string]*unitsGroup{}
		seen      = map[string]int{}
		distProv  = map[string]string{}
	)
	for ri := range t.rows {
		c := tabCells{t: t, row: ri}
		code := c.uniqueCode(seen)
		u := model.Unit{Code: code, Name: c.str("name"), Level: model.Commune}
		u.Type = c.gsoType("type", "Xã, Phường or Thị trấn", model.Xa, model.Phuong, model.ThiTran)
		dcode := c.code("district_code")
		dtype := c.gsoType("district_type", "Quận, Huyện, Thị xã or Thành phố", model.Quan, model.Huyen, model.ThiXa, model.ThanhPhoThuocTinh)
		pcode := c.code("province_code")
		u.Parent = dcode
		u.Population = c.optCount("pop2019")
		u.Households = c.optCount("households2019")
		u.AreaKm2 = c.optArea("area_km2_gadm")
		if p, ok := distProv[dcode]; ok && p != pcode && dcode != "" {
			c.bad("province_code", "district %s was in province %s on an earlier line", dcode, p)
		}
		if t.stopped {
			break
		}
		if u.Type == model.Phuong && dtype == model.Quan {
			u.Flags |= model.UrbanDistrictWard
		}
		if unitsIslandDistricts[dcode] {
			u.Flags |= model.BorderIsland
		}
		if unitsMountainous(VintagePreReform, pcode, &u) {
			u.Flags |= model.Mountainous
		}
		p, ok := provs[pcode]
		if !ok {
			pname := c.str("province")
			p = &unitsGroup{unit: model.Unit{Code: pcode, Name: pname, Level: model.Province, Type: unitsProvinceType(pname)}}
			provs[pcode] = p
			provOrder = append(provOrder, pcode)
		}
		d, ok := dists[dcode]
		if !ok {
			d = &unitsGroup{unit: model.Unit{Code: dcode, Name: c.str("district"), Level: model.District, Type: dtype, Parent: pcode}}
			dists[dcode] = d
			distProv[dcode] = pcode
			p.children = append(p.children, dcode)
		}
		p.addFigures(&u)
		d.addFigures(&u)
		d.communes = append(d.communes, u)
	}
	if len(t.errs) > 0 {
		return nil, t.errs.err()
	}
	if sel.Province != "" && provs[sel.Province] == nil {
		return nil, &Error{File: t.file, Path: "province_code", Msg: fmt.Sprintf("no rows with province code %q", sel.Province)}
	}
	if sel.District != "" {
		d := dists[sel.District]
		if d == nil || (sel.Province != "" && d.unit.Parent != sel.Province) {
			msg := fmt.Sprintf("no rows with district code %q", sel.District)
			if sel.Province != "" {
				msg += fmt.Sprintf(" in province %q", sel.Province)
			}
			return nil, &Error{File: t.file, Path: "district_code", Msg: msg}
		}
	}
	var out []model.Unit
	for _, pc := range provOrder {
		p := provs[pc]
		if sel.Province != "" && pc != sel.Province || sel.District != "" && dists[sel.District].unit.Parent != pc {
			continue
		}
		out = append(out, unitsRound(p.unit))
		for _, dc := range p.children {
			if sel.District != "" && dc != sel.District {
				continue
			}
			d := dists[dc]
			out = append(out, unitsRound(d.unit))
			out = append(out, d.communes...)
		}
	}
	AssignClasses(out)
	return out, nil
}

// unitsRound rounds a summed area to 0.01 km², the precision of the lists,
// so that sums print plainly.
func unitsRound(u model.Unit) model.Unit {
	u.AreaKm2 = math.Round(u.AreaKm2*100) / 100
	return u
}

// nationalHouseholdSize is the 2019 census mean household size:
// 96,208,984 people in 26,870,079 households.
const nationalHouseholdSize = 96208984.0 / 26870079.0

// units2025 reads the GSO list of 1 Jul 2025.
func units2025(t *tabSheet, sel UnitSelect) ([]model.Unit, error) {
	t.require(units2025Columns)
	if len(t.errs) > 0 {
		return nil, t.errs.err()
	}
	if sel.District != "" {
		return nil, &Error{File: t.file, Path: "district_code", Msg: fmt.Sprintf("cannot select district %q: the 2025-07 list has no districts (abolished on 2025-07-01)", sel.District)}
	}
	type lineage struct{ pop, hh int }
	type pending struct {
		province string
		i        int // index in the province's communes
		lineage
	}
	var (
		order []string
		provs = map[string]*unitsGroup{}
		seen  = map[string]int{}
		rows  []pending
		sums  = map[string]*lineage{}
	)
	for ri := range t.rows {
		c := tabCells{t: t, row: ri}
		code := c.uniqueCode(seen)
		u := model.Unit{Code: code, Name: c.str("name"), Level: model.Commune}
		u.Type = c.gsoType("type", "Xã, Phường or Đặc khu", model.Xa, model.Phuong, model.DacKhu)
		pcode := c.code("province_code")
		u.Parent = pcode
		u.Population = c.optCount("population_best")
		u.AreaKm2 = c.optArea("area_km2_best")
		l := lineage{pop: c.optCount("pop2019_lineage_est"), hh: c.optCount("households2019_lineage_est")}
		if t.stopped {
			break
		}
		if u.Type == model.DacKhu {
			u.Flags |= model.BorderIsland // every đặc khu of the 2025 list is an island
		}
		if unitsMountainous(VintagePostReform, pcode, &u) {
			u.Flags |= model.Mountainous
		}
		p, ok := provs[pcode]
		if !ok {
			pname := c.str("province")
			p = &unitsGroup{unit: model.Unit{Code: pcode, Name: pname, Level: model.Province, Type: unitsProvinceType(pname)}}
			provs[pcode] = p
			order = append(order, pcode)
			sums[pcode] = &lineage{}
		}
		if l.pop > 0 && l.hh > 0 {
			sums[pcode].pop += l.pop
			sums[pcode].hh += l.hh
		}
		rows = append(rows, pending{province: pcode, i: len(p.communes), lineage: l})
		p.communes = append(p.communes, u)
	}
	if len(t.errs) > 0 {
		return nil, t.errs.err()
	}
	if sel.Province != "" && provs[sel.Province] == nil {
		return nil, &Error{File: t.file, Path: "province_code", Msg: fmt.Sprintf("no rows with province code %q", sel.Province)}
	}
	// Households, now that every province's lineage sums are known.
	for _, r := range rows {
		p := provs[r.province]
		u := &p.communes[r.i]
		switch s := sums[r.province]; {
		case r.pop > 0 && r.hh > 0:
			u.Households = int(math.Round(float64(r.hh) * float64(u.Population) / float64(r.pop)))
		case s.pop > 0 && s.hh > 0:
			u.Households = int(math.Round(float64(u.Population) * float64(s.hh) / float64(s.pop)))
		default:
			u.Households = int(math.Round(float64(u.Population) / nationalHouseholdSize))
		}
		p.addFigures(u)
	}
	var out []model.Unit
	for _, pc := range order {
		if sel.Province != "" && pc != sel.Province {
			continue
		}
		p := provs[pc]
		out = append(out, unitsRound(p.unit))
		out = append(out, p.communes...)
	}
	AssignClasses(out)
	return out, nil
}

// unitsIslandDistricts are the districts of the 2024-11 list that are
// islands (huyện đảo, and Phú Quốc city): Vân Đồn (203), Cô Tô (207),
// Cát Hải (317), Trường Sa (576), Phú Quí (602), Phú Quốc (911) and Kiên Hải
// (912); they are the districts whose communes became the đặc khu of 2025.
// Their communes get [model.BorderIsland]. Island communes of mainland
// districts and land-border communes are not marked: no public list of them
// was found (an assumption to revisit with a provincial list).
var unitsIslandDistricts = map[string]bool{"203": true, "207": true, "317": true, "576": true, "602": true, "911": true, "912": true}

// unitsMountainDensity is the population density (people per km²) below
// which a xã is taken to be mountainous.
const unitsMountainDensity = 150

// unitsDelta are the provinces (by vintage) whose sparsely populated xã are
// coastal or wetland rather than upland; the density rule does not apply to
// them. 2024-11: the Mekong delta provinces other than An Giang (which has
// the Bảy Núi hills): Long An 80, Tiền Giang 82, Bến Tre 83, Trà Vinh 84,
// Vĩnh Long 86, Đồng Tháp 87, Kiên Giang 91, Cần Thơ 92, Hậu Giang 93,
// Sóc Trăng 94, Bạc Liêu 95, Cà Mau 96. 2025-07: Đồng Tháp 82, Vĩnh Long 86,
// Cần Thơ 92, Cà Mau 96 (the merged An Giang, 91, keeps Bảy Núi).
var unitsDelta = map[string]map[string]bool{
	VintagePreReform:  {"80": true, "82": true, "83": true, "84": true, "86": true, "87": true, "91": true, "92": true, "93": true, "94": true, "95": true, "96": true},
	VintagePostReform: {"82": true, "86": true, "92": true, "96": true},
}

// unitsMountainous reports whether commune u of province (a GSO code of the
// given vintage) counts as mountainous (miền núi, vùng cao).
//
// Assumption: the official list (communes of ethnic-minority and mountainous
// areas, QĐ 861/QĐ-TTg and the Ethnic Committee's decisions) is not in any
// public data set, so the flag is derived: a xã is mountainous when its
// population density is below 150 people per km² and its province is not a
// delta province listed in [unitsDelta]. 150 lies between the densities
// implied by NQ 1211's standards for mountainous xã (5,000 people on
// 50 km²: 100/km²) and for other xã (8,000 on 30 km²: 267/km²). On the
// 2024-11 list this marks 2,385 of the 8,105 xã (29 %), mostly in
// the northern uplands, the Central Highlands and the western parts
// of the central provinces. Only xã are marked, because only the xã
// standards distinguish mountainous areas ([model.Standards]); a xã with
// unknown area is not marked. Thanh Hóa has no GADM area in the 2024-11
// list, so none of its xã is marked there.
func unitsMountainous(vintage, province string, u *model.Unit) bool {
	if u.Type != model.Xa || u.AreaKm2 <= 0 || unitsDelta[vintage][province] {
		return false
	}
	return float64(u.Population)/u.AreaKm2 < unitsMountainDensity
}

// Class scoring standards: population and area of NQ 1211/2016 (as amended
// by NQ 27/2022), policy-facts §1.31–1.32. The township figures (8,000
// people, 14 km²) are remembered, not confirmed; đặc khu are scored as xã.
var (
	classPopStandard  = model.Standards[int]{Xa: 8000, XaMountainous: 5000, UrbanDistrictWard: 15000, Ward: 7000, Township: 8000}
	classAreaStandard = model.Standards[float64]{Xa: 30, XaMountainous: 50, UrbanDistrictWard: 5.5, Ward: 5.5, Township: 14}
)

// classScore is the assumed NQ 1211-style score of a commune; see
// AssignClasses.
func classScore(u *model.Unit) float64 {
	pop := 10 + 20*float64(u.Population)/float64(classPopStandard.Pick(u))
	area := 10 + 16*u.AreaKm2/classAreaStandard.Pick(u)
	special := 0.0
	if u.Flags.Has(model.Mountainous) {
		special += 10
	}
	if u.Flags.Has(model.BorderIsland) {
		special += 10
	}
	if u.Flags.Has(model.KeySecurity) {
		special += 5
	}
	return min(pop, 35) + min(area, 30) + min(special, 35) + 10
}

// AssignClasses gives every commune of units whose class is unknown a class
// (I, II or III); other units and communes that already have a class are
// left alone.
//
// Assumption: the provincial classification decisions are not public data,
// so the class is estimated by a score in the spirit of NQ 1211/2016 (whose
// sub-rules were not retrieved; policy-facts §1.33 gives only the 100-point
// scale with class I at 70 points or more and class II at 50 or more):
//
//   - population: 10 + 20 × population / standard points, at most 35;
//   - area: 10 + 16 × area / standard points, at most 30;
//   - special factors: 10 if mountainous, 10 if border or island, 5 if key
//     for security, at most 35;
//   - 10 points for everything no data speaks to (socio-economic
//     criteria), the same for every commune.
//
// The standards are NQ 1211's (policy-facts §1.31–1.32): xã 8,000 people
// and 30 km², mountainous xã 5,000 and 50 km², phường of a quận 15,000 and
// 5.5 km², other phường 7,000 and 5.5 km², thị trấn 8,000 and 14 km²
// (unconfirmed), đặc khu as xã. A commune exactly at both standards scores
// 30 + 26 + 10 = 66, class II. On the 2024-11 list this gives 2,765 communes
// of class I (26 %), 5,806 of class II (55 %) and 1,901 of class III (18 %);
// on the 2025-07 list, whose communes merge several old ones, 2,933 of
// the 3,321 are class I.
func AssignClasses(units []model.Unit) {
	for i := range units {
		u := &units[i]
		if u.Level != model.Commune || u.Class != model.ClassUnknown {
			continue
		}
		switch s := classScore(u); {
		case s >= 70:
			u.Class = model.ClassI
		case s >= 50:
			u.Class = model.ClassII
		default:
			u.Class = model.ClassIII
		}
	}
}

// ---- tables: CSV and XLSX read into positioned cells ----

// tabMaxErrors is how many cell errors a read collects before it stops.
const tabMaxErrors = 100

// tabSheet is a table read from a CSV file or an XLSX sheet: its header
// and rows, with the position of every cell, and the errors found so far.
type tabSheet struct {
	file    string
	header  []string       // lower-cased, trimmed column names
	col     map[string]int // column name → index
	rows    []tabRow
	errs    ErrorList
	stopped bool // too many errors
}

// tabRow is one data row; lines[i] is the line (row) field i starts on.
type tabRow struct {
	cells []string
	lines []int
}

func (t *tabSheet) has(name string) bool { _, ok := t.col[name]; return ok }

// add records an error unless the table already has tabMaxErrors.
func (t *tabSheet) add(e *Error) {
	if t.stopped {
		return
	}
	if len(t.errs) >= tabMaxErrors {
		t.errs = append(t.errs, &Error{File: t.file, Line: e.Line, Col: e.Col,
			Msg: fmt.Sprintf("too many errors (%d); stopped reading here", tabMaxErrors)})
		t.stopped = true
		return
	}
	t.errs = append(t.errs, e)
}

// errAt returns an error at the named column of data row ri.
func (t *tabSheet) errAt(ri int, column, format string, args ...any) *Error {
	ci, ok := t.col[column]
	e := &Error{File: t.file, Path: column, Msg: fmt.Sprintf(format, args...)}
	if ri >= 0 && ri < len(t.rows) {
		r := &t.rows[ri]
		e.Line = r.lines[0]
		if ok && ci < len(r.lines) {
			e.Line = r.lines[ci]
		}
	}
	if ok {
		e.Col = ci + 1
	}
	return e
}

// tabHeader sets the header of t, lower-casing and trimming the names, and
// reports empty and repeated column names.
func (t *tabSheet) tabHeader(rec []string) {
	t.header = make([]string, len(rec))
	t.col = make(map[string]int, len(rec))
	for i, h := range rec {
		h = strings.ToLower(strings.TrimSpace(norm.NFC.String(h)))
		t.header[i] = h
		if h == "" {
			continue
		}
		if j, dup := t.col[h]; dup {
			t.add(&Error{File: t.file, Line: 1, Col: i + 1, Path: h, Msg: fmt.Sprintf("column given twice (also column %d)", j+1)})
			continue
		}
		t.col[h] = i
	}
}

// require reports each missing column of want.
func (t *tabSheet) require(want []string) {
	for _, w := range want {
		if !t.has(w) {
			t.add(&Error{File: t.file, Line: 1, Col: len(t.header) + 1, Path: w,
				Msg: "missing column (needed: " + strings.Join(want, ",") + ")"})
		}
	}
}

// requireExactly reports missing columns of want and any column not in it.
func (t *tabSheet) requireExactly(want []string) {
	t.require(want)
	for i, h := range t.header {
		ok := false
		for _, w := range want {
			ok = ok || h == w
		}
		if !ok {
			t.add(&Error{File: t.file, Line: 1, Col: i + 1, Path: h,
				Msg: "unknown column (expected: " + strings.Join(want, ",") + ")"})
		}
	}
}

// tabReadCSV reads a whole CSV file: a header row, then data rows with the
// same number of fields. A UTF-8 byte-order mark (as Excel writes) is
// skipped, and rows whose cells are all blank are dropped. A wrong number of
// fields is reported for the row and reading goes on; a CSV syntax error
// stops the read.
func tabReadCSV(r io.Reader, name string) (*tabSheet, error) {
	br := bufio.NewReader(r)
	if b, err := br.Peek(3); err == nil && bytes.Equal(b, []byte("\ufeff")) {
		br.Discard(3)
	}
	cr := csv.NewReader(br)
	t := &tabSheet{file: name}
	head, err := cr.Read()
	if err != nil {
		if err == io.EOF {
			return nil, &Error{File: name, Line: 1, Col: 1, Msg: "empty file: expected a header row"}
		}
		return nil, tabCSVError(name, err)
	}
	t.tabHeader(head)
	for !t.stopped {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) && errors.Is(err, csv.ErrFieldCount) {
			col := len(head) + 1
			if len(rec) < len(head) {
				col = len(rec) + 1
			}
			t.add(&Error{File: name, Line: pe.StartLine, Col: col,
				Msg: fmt.Sprintf("expected %d fields (one per header column), found %d", len(head), len(rec))})
			continue
		}
		if err != nil {
			t.add(tabCSVError(name, err))
			break
		}
		blank := true
		for _, c := range rec {
			blank = blank && strings.TrimSpace(c) == ""
		}
		if blank {
			continue
		}
		row := tabRow{cells: rec, lines: make([]int, len(rec))}
		for i := range rec {
			row.lines[i], _ = cr.FieldPos(i)
		}
		t.rows = append(t.rows, row)
	}
	return t, nil
}

// tabCSVError turns an encoding/csv error into a positioned *Error.
func tabCSVError(name string, err error) *Error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &Error{File: name, Line: pe.Line, Col: pe.Column, Msg: "CSV syntax: " + pe.Err.Error()}
	}
	return &Error{File: name, Msg: "cannot read: " + err.Error()}
}

// tabFormatFloat formats f in the shortest decimal form that reads back
// to the same float64.
func tabFormatFloat(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// tabCells reads and checks the cells of one row; a bad cell is recorded
// in the table's errors and its zero value returned.
type tabCells struct {
	t   *tabSheet
	row int
}

func (c tabCells) bad(column, format string, args ...any) {
	c.t.add(c.t.errAt(c.row, column, format, args...))
}

// str returns the cell as written ("" when the column is absent).
func (c tabCells) str(column string) string {
	ci, ok := c.t.col[column]
	if !ok {
		return ""
	}
	cells := c.t.rows[c.row].cells
	if ci >= len(cells) {
		return ""
	}
	return cells[ci]
}

// enumCell is the cell trimmed and NFC-normalised, for matching names.
func (c tabCells) enumCell(column string) string {
	return strings.TrimSpace(norm.NFC.String(c.str(column)))
}

// got describes a cell's value for a message.
func tabGot(s string) string {
	if strings.TrimSpace(s) == "" {
		return "an empty cell"
	}
	return strconv.Quote(s)
}

// code returns a required code cell.
// uniqueCode reads the row's commune code and reports one used on an
// earlier row (seen maps codes to their lines).
func (c tabCells) uniqueCode(seen map[string]int) string {
	code := c.code("code")
	if l, dup := seen[code]; dup && code != "" {
		c.bad("code", "commune code %q is used twice (also on line %d)", code, l)
	} else {
		seen[code] = c.t.rows[c.row].lines[0]
	}
	return code
}

func (c tabCells) code(column string) string {
	s := c.str(column)
	if strings.TrimSpace(s) == "" {
		c.bad(column, "expected a code, got an empty cell")
	}
	return s
}

// count reads a required whole number ≥ 0.
func (c tabCells) count(column string) int {
	s := strings.TrimSpace(c.str(column))
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		c.bad(column, "expected a whole number ≥ 0 (write 0 when unknown), got %s", tabGot(c.str(column)))
		return 0
	}
	return n
}

// optCount reads a whole number ≥ 0, blank meaning 0 (unknown).
func (c tabCells) optCount(column string) int {
	if strings.TrimSpace(c.str(column)) == "" {
		return 0
	}
	s := strings.TrimSpace(c.str(column))
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		c.bad(column, "expected a whole number ≥ 0 or a blank, got %s", tabGot(c.str(column)))
		return 0
	}
	return n
}

// number reads a required finite number ≥ 0; what names it in messages.
func (c tabCells) number(column, what string) float64 {
	s := strings.TrimSpace(c.str(column))
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) || f < 0 {
		c.bad(column, "expected %s (a number ≥ 0), got %s", what, tabGot(c.str(column)))
		return 0
	}
	return f
}

// area reads a required area in km².
func (c tabCells) area(column string) float64 { return c.number(column, "an area in km²") }

// optArea reads an area in km², blank meaning 0 (unknown).
func (c tabCells) optArea(column string) float64 {
	if strings.TrimSpace(c.str(column)) == "" {
		return 0
	}
	return c.number(column, "an area in km² or a blank")
}

func (c tabCells) level(column string) model.Level {
	l, err := model.ParseLevel(c.enumCell(column))
	if err != nil || l == model.LevelUnknown {
		c.bad(column, "expected one of %s; got %s", strings.Join(model.LevelNames(), ", "), tabGot(c.str(column)))
		return model.LevelUnknown
	}
	return l
}

func (c tabCells) unitType(column string) model.UnitType {
	ty, err := model.ParseUnitType(c.enumCell(column))
	if err != nil || ty == model.TypeUnknown {
		c.bad(column, "expected one of %s; got %s", strings.Join(model.UnitTypeNames(), ", "), tabGot(c.str(column)))
		return model.TypeUnknown
	}
	return ty
}

// gsoType reads a unit type of a GSO list, which must be one of allowed.
func (c tabCells) gsoType(column, want string, allowed ...model.UnitType) model.UnitType {
	ty, err := model.ParseUnitType(c.enumCell(column))
	if err == nil {
		for _, a := range allowed {
			if ty == a {
				return ty
			}
		}
	}
	c.bad(column, "expected %s; got %s", want, tabGot(c.str(column)))
	return model.TypeUnknown
}

func (c tabCells) class(column string) model.Class {
	cl, err := model.ParseClass(c.enumCell(column))
	if err != nil || cl == model.ClassUnknown {
		c.bad(column, "expected I, II, III or a blank; got %s", tabGot(c.str(column)))
		return model.ClassUnknown
	}
	return cl
}

func (c tabCells) flags(column string) model.Flags {
	s := c.enumCell(column)
	if s == "" {
		return 0
	}
	var f model.Flags
	for part := range strings.SplitSeq(s, "|") {
		g, err := model.ParseFlag(part)
		if err != nil || strings.TrimSpace(part) == "" {
			c.bad(column, "expected flags among %s joined by \"|\"; got %s", strings.Join(model.FlagNames(), ", "), tabGot(c.str(column)))
			return 0
		}
		f |= g
	}
	return f
}
