package tables

import "github.com/kiemnhiem/kiemnhiem/model"

// unitsIslandDistricts are the districts of the 2024-11 list that are
// islands (huyện đảo, and Phú Quốc city): Vân Đồn (203), Cô Tô (207),
// Cát Hải (317), Trường Sa (576), Phú Quí (602), Phú Quốc (911) and Kiên Hải
// (912); they are the districts whose communes became the đặc khu of 2025.
// Their communes get [model.BorderIsland]. Island communes of mainland
// districts and land-border communes are not marked: no public list of them
// was found (an assumption to revisit with a provincial list).
var unitsIslandDistricts = map[string]bool{"203": true, "207": true, "317": true, "576": true, "602": true, "911": true, "912": true}

// IslandDistrict reports whether code is one of the island districts of the
// 2024-11 list (see unitsIslandDistricts), whose communes are border-island.
func IslandDistrict(code string) bool { return unitsIslandDistricts[code] }

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

// Mountainous reports whether commune u of province (a GSO code of the
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
func Mountainous(vintage, province string, u *model.Unit) bool {
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
