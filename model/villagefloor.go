package model

import (
	"fmt"
	"math"
)

// VillageFloorRule is the household floor of Decree 185/2026/NĐ-CP Art. 10:
// a thôn (ấp, bản, xóm) or a tổ dân phố (khu phố) must have at least the
// floor of its region (Art. 10(1)); a village of a circumstance listed in
// Art. 10(3) may have a lower floor set by the province. The decree gives
// the regions' floors but not which province is in which region, so the
// rule carries a province → region table.
type VillageFloorRule struct {
	Regions   []FloorRegion    // the rows of Art. 10(1)
	Provinces []ProvinceRegion // GSO province code → region ID
	// ExemptShare is the lower floor of Art. 10(3) as a share of the
	// floor, for a province that sets none of its own ([ProvinceFloor]).
	ExemptShare float64
	// Exempt are the circumstances that count for Art. 10(3); a village
	// with any of them gets the lower floor.
	Exempt Flags
}

// FloorRegion is one row of Art. 10(1): a region's floors in households.
type FloorRegion struct {
	ID             string
	Name           Text
	Thon, ToDanPho int // thôn (and its traditional names); tổ dân phố (khu phố)
}

// ProvinceRegion places one province in a region.
type ProvinceRegion struct {
	Province string // GSO code, as in the post-reform province list
	Region   string // a FloorRegion ID
}

// ProvinceFloor is a province's own choice of floors, laid over its
// region's: a zero field keeps the region's value (or the rule's share).
type ProvinceFloor struct {
	Province       string
	Thon, ToDanPho int     // 0: the region's floor
	ExemptShare    float64 // the Art. 10(3) lower floor as a share of the floor
	HasExemptShare bool    // ExemptShare was given (0 is a valid share: no floor)
}

// VillageFloor is the floor one village must reach and why.
type VillageFloor struct {
	Region     string // the region ID
	RegionName Text   // the region's name, for people
	Full       int    // the floor of Art. 10(1) (or the province's own)
	Floor      int    // the floor that applies: Full, or the lower one when Exempt
	Exempt     bool   // an Art. 10(3) circumstance lowers the floor
	Reason     Flags  // the circumstance, the first in the decree's order; 0 when not exempt
}

// ReasonText says in words why the floor is what it is.
func (f VillageFloor) ReasonText() Text {
	if !f.Exempt {
		return Text{Vi: "mức chuẩn của vùng (Điều 10 khoản 1)", En: "the region's floor (Art. 10(1))"}
	}
	t := exemptText(f.Reason)
	return Text{Vi: t.Vi + " (Điều 10 khoản 3)", En: t.En + " (Art. 10(3))"}
}

// exemptOrder lists the circumstances of Art. 10(3) in the decree's order,
// with their names.
var exemptOrder = []struct {
	flag Flags
	text Text
}{
	{Mountainous, Text{Vi: "miền núi", En: "mountain area"}},
	{EthnicMinority, Text{Vi: "xã vùng đồng bào dân tộc thiểu số", En: "ethnic-minority commune"}},
	{ParticularlyDifficult, Text{Vi: "thôn đặc biệt khó khăn", En: "particularly difficult village"}},
	{Fragmented, Text{Vi: "địa hình chia cắt, dân cư phân tán", En: "fragmented terrain, scattered settlement"}},
	{BorderIsland, Text{Vi: "biên giới, hải đảo", En: "border or island area"}},
	{Resettlement, Text{Vi: "vùng giải tỏa, di dân, tái định cư", En: "clearance, relocation or resettlement area"}},
	{IsolatedIsland, Text{Vi: "biệt lập trên đảo, cồn, bãi", En: "isolated on an island, islet or sandbank"}},
}

// Art10Exempt are all the circumstances Art. 10(3) names.
const Art10Exempt = Mountainous | EthnicMinority | ParticularlyDifficult | Fragmented | BorderIsland | Resettlement | IsolatedIsland

func exemptText(f Flags) Text {
	for _, e := range exemptOrder {
		if f.Has(e.flag) {
			return e.text
		}
	}
	return Text{Vi: f.String(), En: f.String()}
}

// ErrNoFloor is returned for a village whose floor cannot be determined.
var ErrNoFloor = fmt.Errorf("model: no household floor for this village")

// Region returns the region of province, ok false when the table has none.
func (r VillageFloorRule) Region(province string) (FloorRegion, bool) {
	for _, p := range r.Provinces {
		if p.Province != province {
			continue
		}
		for _, g := range r.Regions {
			if g.ID == p.Region {
				return g, true
			}
		}
	}
	return FloorRegion{}, false
}

// For returns the floor of village v of province, with the province's own
// choices (own, any order; the first entry for the province counts) laid
// over its region's. The lower floor of an exempt village is the share of
// the floor rounded up: a village must reach at least that many households.
func (r VillageFloorRule) For(v *Unit, province string, own []ProvinceFloor) (VillageFloor, error) {
	if v.Type.Level() != Village {
		return VillageFloor{}, fmt.Errorf("%w: %s %q is not a village", ErrNoFloor, v.Code, v.Name)
	}
	g, ok := r.Region(province)
	if !ok {
		return VillageFloor{}, fmt.Errorf("%w: province %q of village %s is in no region", ErrNoFloor, province, v.Code)
	}
	thon, tdp, share := g.Thon, g.ToDanPho, r.ExemptShare
	for _, p := range own {
		if p.Province != province {
			continue
		}
		thon, tdp = orInt(p.Thon, thon), orInt(p.ToDanPho, tdp)
		if p.HasExemptShare {
			share = p.ExemptShare
		}
		break
	}
	out := VillageFloor{Region: g.ID, RegionName: g.Name, Full: thon}
	if v.Type == ToDanPho || v.Type == KhuPho {
		out.Full = tdp
	}
	out.Floor = out.Full
	if hit := v.Flags & r.Exempt; hit != 0 {
		out.Exempt = true
		for _, e := range exemptOrder {
			if hit.Has(e.flag) {
				out.Reason = e.flag
				break
			}
		}
		out.Floor = int(math.Ceil(share*float64(out.Full) - 1e-9))
	}
	return out, nil
}

func orInt(v, def int) int {
	if v > 0 {
		return v
	}
	return def
}

// VillageFloorFor returns village v's floor on date d, v being in province
// (a GSO code): the village_floors rule with the province_floors choices in
// force on d (none: the region's floors).
func (p *Policy) VillageFloorFor(v *Unit, province string, d Date) (VillageFloor, error) {
	rule, err := p.VillageFloors.At(d)
	if err != nil {
		return VillageFloor{}, err
	}
	own, _ := p.ProvinceFloors.At(d)
	return rule.For(v, province, own)
}
