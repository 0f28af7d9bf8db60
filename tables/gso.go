package tables

import (
	"math"
	"strings"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// unitsGroup collects the communes of one province or district of a GSO
// list with the sums of their figures.
type unitsGroup struct {
	unit     model.Unit
	children []string // district codes of a province (2024-11)
	communes []model.Unit
	over     bool // a sum has passed maxCount (reported once)
}

func (g *unitsGroup) addFigures(u *model.Unit) {
	g.unit.Population += u.Population
	g.unit.Households += u.Households
	g.unit.AreaKm2 += u.AreaKm2
}

// addChecked adds commune u, read on row c, to group g and reports on
// that row a sum past the bound of a units table's counts, which the
// units.csv written from these units could not hold.
func (g *unitsGroup) addChecked(c tabCells, column string, u *model.Unit) {
	g.addFigures(u)
	if !g.over && (g.unit.Population > maxCount || g.unit.Households > maxCount) {
		g.over = true
		c.bad(column, "%s %s would have over %d residents or households in all: check the figures of its rows", g.unit.Level, g.unit.Code, maxCount)
	}
}

// provinces gathers the provinces of a GSO list in the order they first
// appear.
type provinces struct {
	order  []string
	byCode map[string]*unitsGroup
}

// get returns province pcode's group, adding it, named from row c, when it
// is new.
func (ps *provinces) get(c tabCells, pcode string) (p *unitsGroup, added bool) {
	if p, ok := ps.byCode[pcode]; ok {
		return p, false
	}
	if ps.byCode == nil {
		ps.byCode = map[string]*unitsGroup{}
	}
	pname := c.str("province")
	p = &unitsGroup{unit: model.Unit{Code: pcode, Name: pname, Level: model.Province, Type: ProvinceType(pname)}}
	ps.byCode[pcode] = p
	ps.order = append(ps.order, pcode)
	return p, true
}

// missing is the error when sel names a province the list lacks.
func (ps *provinces) missing(t *tabSheet, sel UnitSelect) error {
	if sel.Province != "" && ps.byCode[sel.Province] == nil {
		return (&Error{File: t.file, Path: "province_code"}).Setf(errorsVi, "no rows with province code %q", sel.Province)
	}
	return nil
}

// commune reads the code, name and type of a GSO list's commune; the type
// must be one of allowed.
func (c tabCells) commune(seen map[string]int, want string, allowed ...model.UnitType) model.Unit {
	u := model.Unit{Code: c.uniqueCode(seen), Name: c.str("name"), Level: model.Commune}
	u.Type = c.gsoType("type", want, allowed...)
	return u
}

// ProvinceType is the type of a province named as in GSO lists.
func ProvinceType(name string) model.UnitType {
	if strings.HasPrefix(name, "Thành phố") {
		return model.ThanhPhoTW
	}
	return model.Tinh
}

// units2024 reads the GSO list of 1 Nov 2024.
func units2024(t *tabSheet, sel UnitSelect) ([]model.Unit, error) {
	t.require(units2024Columns)
	if len(t.errs) > 0 {
		return nil, t.errs.Err()
	}
	var (
		provs    provinces
		dists    = map[string]*unitsGroup{}
		seen     = map[string]int{}
		distProv = map[string]string{}
	)
	for ri := range t.rows {
		c := tabCells{t: t, row: ri}
		u := c.commune(seen, "Xã, Phường or Thị trấn", model.Xa, model.Phuong, model.ThiTran)
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
		if IslandDistrict(dcode) {
			u.Flags |= model.BorderIsland
		}
		if Mountainous(VintagePreReform, pcode, &u) {
			u.Flags |= model.Mountainous
		}
		p, _ := provs.get(c, pcode)
		d, ok := dists[dcode]
		if !ok {
			d = &unitsGroup{unit: model.Unit{Code: dcode, Name: c.str("district"), Level: model.District, Type: dtype, Parent: pcode}}
			dists[dcode] = d
			distProv[dcode] = pcode
			p.children = append(p.children, dcode)
		}
		p.addChecked(c, "pop2019", &u)
		d.addChecked(c, "pop2019", &u)
		d.communes = append(d.communes, u)
	}
	if len(t.errs) > 0 {
		return nil, t.errs.Err()
	}
	if err := provs.missing(t, sel); err != nil {
		return nil, err
	}
	if err := missingDistrict(t, dists, sel); err != nil {
		return nil, err
	}
	out := select2024(&provs, dists, sel)
	AssignClasses(out)
	return out, nil
}

// missingDistrict is the error when sel names a district the 2024-11 list
// lacks, or one outside the province sel names.
func missingDistrict(t *tabSheet, dists map[string]*unitsGroup, sel UnitSelect) error {
	if sel.District == "" {
		return nil
	}
	d := dists[sel.District]
	if d == nil || (sel.Province != "" && d.unit.Parent != sel.Province) {
		e := &Error{File: t.file, Path: "district_code"}
		if sel.Province != "" {
			return e.Setf(errorsVi, "no rows with district code %q in province %q", sel.District, sel.Province)
		}
		return e.Setf(errorsVi, "no rows with district code %q", sel.District)
	}
	return nil
}

// select2024 lists the selected provinces, districts and communes of the
// 2024-11 list, each province before its districts and each district
// before its communes.
func select2024(provs *provinces, dists map[string]*unitsGroup, sel UnitSelect) []model.Unit {
	var out []model.Unit
	for _, pc := range provs.order {
		p := provs.byCode[pc]
		if sel.Province != "" && pc != sel.Province || sel.District != "" && dists[sel.District].unit.Parent != pc {
			continue
		}
		out = append(out, RoundArea(p.unit))
		for _, dc := range p.children {
			if sel.District != "" && dc != sel.District {
				continue
			}
			d := dists[dc]
			out = append(out, RoundArea(d.unit))
			out = append(out, d.communes...)
		}
	}
	return out
}

// RoundArea rounds a summed area to 0.01 km², the precision of the lists,
// so that sums print plainly.
func RoundArea(u model.Unit) model.Unit {
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
		return nil, t.errs.Err()
	}
	if sel.District != "" {
		return nil, (&Error{File: t.file, Path: "district_code"}).Setf(errorsVi, "cannot select district %q: the 2025-07 list has no districts (abolished on 2025-07-01)", sel.District)
	}
	type lineage struct{ pop, hh int }
	type pending struct {
		province string
		i        int // index in the province's communes
		row      int
		lineage
	}
	var (
		provs provinces
		seen  = map[string]int{}
		rows  []pending
		sums  = map[string]*lineage{}
	)
	for ri := range t.rows {
		c := tabCells{t: t, row: ri}
		u := c.commune(seen, "Xã, Phường or Đặc khu", model.Xa, model.Phuong, model.DacKhu)
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
		if Mountainous(VintagePostReform, pcode, &u) {
			u.Flags |= model.Mountainous
		}
		p, added := provs.get(c, pcode)
		if added {
			sums[pcode] = &lineage{}
		}
		if l.pop > 0 && l.hh > 0 {
			sums[pcode].pop += l.pop
			sums[pcode].hh += l.hh
		}
		rows = append(rows, pending{province: pcode, i: len(p.communes), row: ri, lineage: l})
		p.communes = append(p.communes, u)
	}
	if len(t.errs) > 0 {
		return nil, t.errs.Err()
	}
	if err := provs.missing(t, sel); err != nil {
		return nil, err
	}
	// Households, now that every province's lineage sums are known.
	for _, r := range rows {
		p := provs.byCode[r.province]
		u := &p.communes[r.i]
		switch s := sums[r.province]; {
		case r.pop > 0 && r.hh > 0:
			u.Households = int(math.Round(float64(r.hh) * float64(u.Population) / float64(r.pop)))
		case s.pop > 0 && s.hh > 0:
			u.Households = int(math.Round(float64(u.Population) * float64(s.hh) / float64(s.pop)))
		default:
			u.Households = int(math.Round(float64(u.Population) / nationalHouseholdSize))
		}
		c := tabCells{t: t, row: r.row}
		if u.Households > maxCount {
			c.bad("households2019_lineage_est", "gives %d households (scaled by population_best / pop2019_lineage_est), over %d: check the three figures", u.Households, maxCount)
		}
		p.addChecked(c, "population_best", u)
		if t.stopped {
			break
		}
	}
	if len(t.errs) > 0 {
		return nil, t.errs.Err()
	}
	var out []model.Unit
	for _, pc := range provs.order {
		if sel.Province != "" && pc != sel.Province {
			continue
		}
		p := provs.byCode[pc]
		out = append(out, RoundArea(p.unit))
		out = append(out, p.communes...)
	}
	AssignClasses(out)
	return out, nil
}
