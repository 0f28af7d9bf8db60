package tables

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

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
//     must be given (write 0 when unknown): population and households at
//     most 100,000,000, area_km2 at most 1,000,000. parent must be the code
//     of a unit of a higher level in the same file, or blank; a village's
//     must be its commune. The file may hold villages. Values are taken as written: no class or flag is derived.
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
// are derived by assumptions (documented in full at [Mountainous] and
// [IslandDistrict] in derive.go):
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
// nothing is an error naming the code and the file, and so is a file with
// a header and no units.
func ReadUnits(r io.Reader, name string, sel UnitSelect) ([]model.Unit, error) {
	t, err := tabReadCSV(r, name)
	if err != nil {
		return nil, err
	}
	return unitsFromTable(t, name, sel)
}

// readUnitsTable reads t in whichever units format its header is.
func readUnitsTable(t *tabSheet, name string, sel UnitSelect) ([]model.Unit, error) {
	switch {
	case t.has("population_best"):
		return units2025(t, sel)
	case t.has("district_type") || t.has("pop2019"):
		return units2024(t, sel)
	case t.has("level") || t.has("parent"):
		return unitsOwn(t, sel)
	}
	return nil, (&Error{File: name, Line: 1, Col: 1}).Setf(errorsVi, "unrecognised header: expected kiemnhiem's units.csv (%s), the GSO 2024-11 list (with district_type and pop2019) or the GSO 2025-07 list (with population_best)", strings.Join(unitsColumns, ","))
}

// WriteUnits writes units in kiemnhiem's units.csv format (see [ReadUnits]);
// ReadUnits gives the same units back. It refuses units that could not be
// read back: an empty or duplicate code, an unknown level, type, class or
// flag, a type of another level, a class outside communes, a negative or
// non-finite number, or a parent that is not an earlier-level unit of the
// list.
func WriteUnits(w io.Writer, units []model.Unit) error {
	if err := unitsCheck(units, func(i int, field, format string, args ...any) *Error {
		return (&Error{File: "units", Path: fmt.Sprintf("units[%d].%s", i, field)}).Setf(nil, format, args...) // English only: a program error
	}, func(j int) model.Text { return model.KeyText(fmt.Sprintf("units[%d]", j)) }); err != nil {
		return fmt.Errorf("tables: cannot write units: %w", err)
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
		if err := cw.Write(model.SpreadsheetSafeRecord(rec)); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// unitsCheck checks what WriteUnits and the units.csv reader both require
// and reports each problem through bad (unit index, column, message format
// and arguments); where names unit j in a message. It returns the problems
// as an ErrorList.
func unitsCheck(units []model.Unit, bad func(i int, field, format string, args ...any) *Error, where func(j int) model.Text) error {
	var errs ErrorList
	add := func(i int, field, format string, args ...any) { errs = append(errs, bad(i, field, format, args...)) }
	at := make(map[string]int, len(units))
	for i := range units {
		u := &units[i]
		if strings.TrimSpace(u.Code) == "" {
			add(i, "code", "expected a unit code, got an empty cell")
		} else if j, dup := at[u.Code]; dup {
			add(i, "code", "unit code %q is used twice (also %s)", u.Code, where(j))
		} else {
			at[u.Code] = i
		}
		if u.Level == model.LevelUnknown || u.Level > model.Village {
			add(i, "level", "expected one of %s", strings.Join(model.LevelNames(), ", "))
		}
		if u.Type == model.TypeUnknown || u.Type.Level() == model.LevelUnknown {
			add(i, "type", "expected one of %s", strings.Join(model.UnitTypeNames(), ", "))
		} else if u.Level != model.LevelUnknown && u.Type.Level() != u.Level {
			add(i, "type", "%s is a %s type, but the unit's level is %s", u.Type, u.Type.Level(), u.Level)
		}
		switch {
		case u.Class > model.ClassIII:
			add(i, "class", "expected I, II, III or blank")
		case u.Class != model.ClassUnknown && u.Level != model.Commune:
			add(i, "class", "only communes have a class; leave it blank for a %s", u.Level.String())
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
			add(i, "flags", "unknown flag bits; expected flags among %s", strings.Join(model.FlagNames(), ", "))
		}
	}
	for i := range units {
		u := &units[i]
		if u.Parent == "" {
			if u.Level == model.Village {
				add(i, "parent", "expected the code of the commune the village belongs to, got an empty cell")
			}
			continue
		}
		j, ok := at[u.Parent]
		switch {
		case !ok:
			add(i, "parent", "no unit with code %q in this file", u.Parent)
		case u.Level != model.LevelUnknown && units[j].Level >= u.Level:
			add(i, "parent", "the parent %s is a %s; a %s's parent must be of a higher level", u.Parent, units[j].Level, u.Level)
		case u.Level == model.Village && units[j].Level != model.Commune:
			// A village's titles and funds belong to its commune: under a
			// district or province it would have no commune, and its seats
			// could never be filled.
			add(i, "parent", "the parent %s is a %s; a village's parent must be a commune", u.Parent, units[j].Level)
		}
	}
	return errs.Err()
}

// unitsOwn reads kiemnhiem's units.csv.
func unitsOwn(t *tabSheet, sel UnitSelect) ([]model.Unit, error) {
	t.requireExactly(unitsColumns)
	if len(t.errs) > 0 {
		return nil, t.errs.Err()
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
		err := unitsCheck(units, func(i int, field, format string, args ...any) *Error {
			return t.errAt(rows[i], field, format, args...)
		}, func(j int) model.Text {
			line := t.rows[rows[j]].lines[0]
			return model.Text{Vi: fmt.Sprintf("ở dòng %d", line), En: fmt.Sprintf("on line %d", line)}
		})
		if err != nil {
			return nil, err
		}
	}
	if len(t.errs) > 0 {
		return nil, t.errs.Err()
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
			return 0, (&Error{File: file, Path: field}).Setf(errorsVi, "no %s with code %q in the file", l, code)
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
			return nil, (&Error{File: file, Path: "district"}).Setf(errorsVi, "district %q is not in province %q", sel.District, sel.Province)
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
