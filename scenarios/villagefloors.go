package scenarios

// The policy keys of Decree 185/2026/NĐ-CP on villages: the household
// floors by region (village_floors, Art. 10), a province's own floors
// (province_floors), the village head's term and provisional head
// (village_head, Art. 4) and the severance regime of people leaving because
// their village is rearranged (rearrangement_severance, Art. 16(4), 19).
// Each is optional: presets before the decree leave them out.

import (
	"fmt"
	"regexp"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/tables"
)

// fileVillageFloors is model.VillageFloorRule.
type fileVillageFloors struct {
	Regions     []fileFloorRegion    `yaml:"regions,omitempty"`
	Provinces   []fileProvinceRegion `yaml:"provinces,omitempty"`
	ExemptShare *float64             `yaml:"exempt_share,omitempty"`
	ExemptFlags []string             `yaml:"exempt_flags,omitempty"`
}

type fileFloorRegion struct {
	ID       *string   `yaml:"id,omitempty"`
	Name     *fileText `yaml:"name,omitempty"`
	Thon     *int      `yaml:"thon,omitempty"`
	ToDanPho *int      `yaml:"to_dan_pho,omitempty"`
}

type fileProvinceRegion struct {
	Province *string `yaml:"province,omitempty"`
	Region   *string `yaml:"region,omitempty"`
}

// fileProvinceFloor is model.ProvinceFloor: absent fields keep the region's.
type fileProvinceFloor struct {
	Province    *string  `yaml:"province,omitempty"`
	Thon        *int     `yaml:"thon,omitempty"`
	ToDanPho    *int     `yaml:"to_dan_pho,omitempty"`
	ExemptShare *float64 `yaml:"exempt_share,omitempty"`
}

type fileVillageHead struct {
	TermMonths        *int `yaml:"term_months,omitempty"`
	ProvisionalMonths *int `yaml:"provisional_months,omitempty"`
}

type fileRearrangementSeverance struct {
	TransitionFrom   *string `yaml:"transition_from,omitempty"`
	TransitionBefore *string `yaml:"transition_before,omitempty"`
}

// provinceCodePattern is a GSO province code (the ranges of the numbers
// are in resolve_ranges.go).
var provinceCodePattern = regexp.MustCompile(`^[0-9]{2}$`)

// convNd185Policy converts the Decree 185/2026 keys into out.
func convNd185Policy(c checker, p *filePolicy, out *model.Policy) {
	out.VillageFloors = series(c, "policy.village_floors", p.VillageFloors, func(path string, v *fileVillageFloors) model.VillageFloorRule {
		return convVillageFloors(c, path, v)
	})
	out.ProvinceFloors = series(c, "policy.province_floors", p.ProvinceFloors, func(path string, v *[]fileProvinceFloor) []model.ProvinceFloor {
		return convProvinceFloors(c, path, *v)
	})
	out.VillageHead = series(c, "policy.village_head", p.VillageHead, func(path string, v *fileVillageHead) model.VillageHeadRule {
		return model.VillageHeadRule{
			TermMonths:        reqCount(c, path+".term_months", v.TermMonths, termMonthsSpan),
			ProvisionalMonths: reqCount(c, path+".provisional_months", v.ProvisionalMonths, provisionalSpan),
		}
	})
	out.RearrangementSeverance = series(c, "policy.rearrangement_severance", p.RearrangementSeverance,
		func(path string, v *fileRearrangementSeverance) model.RearrangementSeveranceRule {
			r := model.RearrangementSeveranceRule{
				TransitionFrom:   c.date(path+".transition_from", v.TransitionFrom, true),
				TransitionBefore: c.date(path+".transition_before", v.TransitionBefore, true),
			}
			if r.TransitionFrom != 0 && r.TransitionBefore != 0 && r.TransitionBefore <= r.TransitionFrom {
				c.fail(path+".transition_before", "expected a date after transition_from %s, got %s", r.TransitionFrom, r.TransitionBefore)
			}
			return r
		})
}

func convVillageFloors(c checker, path string, v *fileVillageFloors) model.VillageFloorRule {
	r := model.VillageFloorRule{ExemptShare: reqNum(c, path+".exempt_share", v.ExemptShare, floorShareSpan)}
	if len(v.Regions) == 0 {
		c.fail(path+".regions", "required: at least one region {id, name, thon, to_dan_pho}")
	}
	ids := map[string]bool{}
	for i, g := range v.Regions {
		p := fmt.Sprintf("%s.regions[%d]", path, i)
		fr := model.FloorRegion{
			ID:       reqID(c, p+".id", g.ID),
			Thon:     reqCount(c, p+".thon", g.Thon, floorSpan),
			ToDanPho: reqCount(c, p+".to_dan_pho", g.ToDanPho, floorSpan),
		}
		if g.Name == nil || g.Name.Vi == nil || g.Name.En == nil {
			c.fail(p+".name", "required: the region's name {vi, en}")
		} else {
			fr.Name = model.Text{Vi: *g.Name.Vi, En: *g.Name.En}
		}
		if fr.ID != "" && ids[fr.ID] {
			c.fail(p+".id", "region %q is listed twice", fr.ID)
		}
		ids[fr.ID] = true
		r.Regions = append(r.Regions, fr)
	}
	if len(v.Provinces) == 0 {
		c.fail(path+".provinces", "required: at least one province {province, region}")
	}
	seen := map[string]bool{}
	for i, pr := range v.Provinces {
		p := fmt.Sprintf("%s.provinces[%d]", path, i)
		code := provinceCode(c, p+".province", pr.Province, seen)
		region := reqID(c, p+".region", pr.Region)
		if region != "" && !ids[region] {
			c.fail(p+".region", "unknown region %q (want one of the ids under %s.regions)", region, path)
		}
		r.Provinces = append(r.Provinces, model.ProvinceRegion{Province: code, Region: region})
	}
	for i, name := range v.ExemptFlags {
		f, err := model.ParseFlag(name)
		if err != nil {
			c.fail(fmt.Sprintf("%s.exempt_flags[%d]", path, i), "expected a flag name (%s), got %q", joinNames(model.FlagNames()), name)
		}
		r.Exempt |= f
	}
	return r
}

func convProvinceFloors(c checker, path string, v []fileProvinceFloor) []model.ProvinceFloor {
	out := make([]model.ProvinceFloor, 0, len(v))
	seen := map[string]bool{}
	for i, e := range v {
		p := fmt.Sprintf("%s[%d]", path, i)
		pf := model.ProvinceFloor{Province: provinceCode(c, p+".province", e.Province, seen)}
		if e.Thon == nil && e.ToDanPho == nil && e.ExemptShare == nil {
			c.fail(p, "expected at least one of thon, to_dan_pho, exempt_share")
		}
		if e.Thon != nil {
			pf.Thon = c.countInt(p+".thon", *e.Thon, floorSpan)
		}
		if e.ToDanPho != nil {
			pf.ToDanPho = c.countInt(p+".to_dan_pho", *e.ToDanPho, floorSpan)
		}
		if e.ExemptShare != nil {
			pf.ExemptShare, pf.HasExemptShare = c.num(p+".exempt_share", *e.ExemptShare, floorShareSpan), true
		}
		out = append(out, pf)
	}
	return out
}

// provinceCode checks a two-digit GSO province code, listed once.
func provinceCode(c checker, path string, s *string, seen map[string]bool) string {
	switch {
	case s == nil:
		c.fail(path, "required: a two-digit GSO province code such as \"01\"")
		return ""
	case !provinceCodePattern.MatchString(*s):
		c.fail(path, "expected a two-digit GSO province code such as \"01\", got %q", *s)
		return ""
	case seen[*s]:
		c.fail(path, "province %q is listed twice", *s)
	}
	seen[*s] = true
	return *s
}

func reqID(c checker, path string, s *string) string {
	if s == nil || !idPattern.MatchString(*s) {
		c.fail(path, "required: an id of lower-case letters, digits and hyphens")
		return ""
	}
	return *s
}

func joinNames(n []string) string {
	out := ""
	for i, s := range n {
		if i > 0 {
			out += ", "
		}
		out += s
	}
	return out
}

// showNd185Policy writes the Decree 185/2026 keys of p back in the file
// format.
func showNd185Policy(p *model.Policy, fp *filePolicy) {
	fp.VillageFloors = toDated(p.VillageFloors, func(r model.VillageFloorRule) fileVillageFloors {
		f := fileVillageFloors{ExemptShare: ptr(r.ExemptShare)}
		for _, g := range r.Regions {
			f.Regions = append(f.Regions, fileFloorRegion{ID: ptr(g.ID), Name: &fileText{Vi: ptr(g.Name.Vi), En: ptr(g.Name.En)},
				Thon: ptr(g.Thon), ToDanPho: ptr(g.ToDanPho)})
		}
		for _, pr := range r.Provinces {
			f.Provinces = append(f.Provinces, fileProvinceRegion{Province: ptr(pr.Province), Region: ptr(pr.Region)})
		}
		for i, n := range model.FlagNames() {
			if r.Exempt&(1<<i) != 0 {
				f.ExemptFlags = append(f.ExemptFlags, n)
			}
		}
		return f
	})
	fp.ProvinceFloors = toDated(p.ProvinceFloors, func(v []model.ProvinceFloor) []fileProvinceFloor {
		out := []fileProvinceFloor{}
		for _, pf := range v {
			f := fileProvinceFloor{Province: ptr(pf.Province), Thon: optPtr(pf.Thon), ToDanPho: optPtr(pf.ToDanPho)}
			if pf.HasExemptShare {
				f.ExemptShare = ptr(pf.ExemptShare)
			}
			out = append(out, f)
		}
		return out
	})
	fp.VillageHead = toDated(p.VillageHead, func(r model.VillageHeadRule) fileVillageHead {
		return fileVillageHead{TermMonths: ptr(r.TermMonths), ProvisionalMonths: ptr(r.ProvisionalMonths)}
	})
	fp.RearrangementSeverance = toDated(p.RearrangementSeverance, func(r model.RearrangementSeveranceRule) fileRearrangementSeverance {
		return fileRearrangementSeverance{TransitionFrom: ptr(r.TransitionFrom.String()), TransitionBefore: ptr(r.TransitionBefore.String())}
	})
}

// checkProvinceFloors reports, where each layer wrote it, a province of
// province_floors that the village_floors table in force on the entry's
// date does not place in a region (its floors would never apply), or an
// entry with no village_floors in force at all.
func checkProvinceFloors(p *model.Policy, layers []*layer) tables.ErrorList {
	var errs tables.ErrorList
	for _, l := range layers {
		for i, e := range l.policy.ProvinceFloors {
			path := fmt.Sprintf("policy.province_floors[%d]", i)
			rule, err := p.VillageFloors.At(e.From)
			if err != nil {
				errs = append(errs, l.f.errAt(path+".from", "no village_floors in force on %s: a province's floors lie over its region's", e.From))
				continue
			}
			for j, pf := range e.Value {
				if _, ok := rule.Region(pf.Province); !ok && pf.Province != "" {
					errs = append(errs, l.f.errAt(fmt.Sprintf("%s.value[%d].province", path, j),
						"province %q is in no region of the village_floors in force on %s", pf.Province, e.From))
				}
			}
		}
	}
	return errs
}
