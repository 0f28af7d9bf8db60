package synth

import "github.com/kiemnhiem/kiemnhiem/tables"

// The published counts of villages (thôn and tổ dân phố) that AddVillages
// is calibrated to. No public list gives households per village for any
// province (policy-facts 9.19), so households per village are derived:
// the generator's households of a province (calibration_table.go) divided
// by the published number of its villages. The derivation is in
// village_calibration.go; the record is here, every figure with its source.

// villageNational is the national count of villages in the provinces of one
// vintage, split into thôn (under xã and đặc khu) and tổ dân phố (under
// phường and, before 2025, thị trấn).
type villageNational struct {
	Vintage   string
	Thon, TDP int
	Source    string
}

// villageNationals are the national counts. The end-2021 count (after the
// 2019–2021 mergers) is kept for both vintages: villages were kept as they
// were through the 2025 reform until the 2026 rearrangement (MOHA letter
// 4168/BNV-CQDP of 23/6/2025; policy-facts 6.27). What the 2025 reform
// changed is which villages are thôn: a thôn of a xã merged into a new
// phường became a tổ dân phố.
var villageNationals = []villageNational{
	{tables.VintagePreReform, 69580, 20928,
		"MOHA, end of 2021: 90,508 villages, 69,580 thôn and 20,928 tổ dân phố (policy-facts 6.27 and 9.17; " +
			"news.laodong.vn/…-1506511.ldo; another source splits them 69,961 + 20,547)"},
	{tables.VintagePostReform, 63619, 90508 - 63619,
		"thôn: 63,619 in the 2,634 xã and đặc khu at 1/7/2025, 2025 rural and agricultural census, preliminary " +
			"report (baodautu.vn, \"Cả nước có 2.634 xã và 63.619 thôn sau sáp nhập\"; policy-facts 9.17); " +
			"tổ dân phố: 90,508 − 63,619 = 26,889, assumption: the end-2021 total of 90,508 unchanged to 1/7/2025 " +
			"(villages kept as they were, CV 4168/BNV-CQDP 23/6/2025)"},
}

// villageCount is a published count of the villages of one province.
type villageCount struct {
	Name      string
	Villages  int                 // thôn and tổ dân phố together
	Provinces map[string][]string // per vintage, the GSO codes of the provinces the count covers
	Source    string
}

// villageCounts are the provinces with a published count. A count made
// after the 2025 merger of provinces covers, in the 2024-11 list, all the
// provinces merged into the new one (NQ 202/2025/QH15 and the provinces'
// Đề án; shared/data/vn_provinces_2025-07_post_reform.csv, merged_from);
// they then share one number of households per village. Both counts were
// made before each province's 2026 rearrangement, of villages formed in the
// 2019–2021 mergers, so they are used for both vintages like the national
// count.
var villageCounts = []villageCount{
	{"Hà Nội", 5467, map[string][]string{tables.VintagePreReform: {"01"}, tables.VintagePostReform: {"01"}},
		"5,467 thôn and tổ dân phố before the city's 2026 rearrangement " +
			"(NQ 21/2026/NQ-HĐND of Hà Nội, 2/6/2026; dantri.com.vn 2025-10-20; policy-facts 9.17; " +
			"LacGO/VietNamTDP docs/SOURCES.md); the city was not merged in 2025"},
	{"Phú Thọ", 3606, map[string][]string{tables.VintagePreReform: {"17", "25", "26"}, tables.VintagePostReform: {"25"}},
		"3,606 thôn and tổ dân phố of the new province before its 2026 rearrangement " +
			"(KH 192/KH-UBND of Phú Thọ, 28/5/2026; policy-facts 9.17; LacGO/VietNamTDP docs/SOURCES.md); " +
			"the new Phú Thọ merged Phú Thọ (25), Vĩnh Phúc (26) and Hòa Bình (17) (Đề án 387/ĐA-CP, 9/5/2025)"},
}

// villageBands is a published split of a set of villages by their size
// against the household standard: at least 100 %, 50 to under 100 %, and
// under 50 % of it (the bands provinces reported their 2019–2021
// rearrangements in; policy-facts 9.18).
type villageBands struct {
	Where           string
	Full, Half, Low int // villages at ≥ 100 %, 50–< 100 %, < 50 % of the standard
	Source          string
}

// villageSpreads are the bands the spread of village sizes is fitted to:
// rural hamlets (xóm, bản) for thôn and the blocks (khối) of a city for tổ
// dân phố. See [villageSigma] for the fit.
var (
	thonBands = villageBands{"14 districts of Nghệ An, June 2019", 262, 1943, 1845,
		"4,050 hamlets: 262 at ≥ 100 %, 1,943 at 50–< 100 %, 1,845 below 50 % of the standard (baonghean.vn, 2019; policy-facts 9.18)"}
	tdpBands = villageBands{"Vinh city, June 2019", 90, 226, 55,
		"371 blocks: 90 at ≥ 100 %, 226 at 50–< 100 %, 55 below 50 % of the standard (baonghean.vn, 2019; policy-facts 9.18)"}
)
