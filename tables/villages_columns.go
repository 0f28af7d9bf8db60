package tables

import (
	"strings"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// villageColumn is one column of the villages table: its key (the English
// header the writers use), its Vietnamese header, the other spellings the
// reader accepts, whether it must be present, and for a yes/no column the
// flag it sets.
type villageColumn struct {
	key, vi  string
	aliases  []string
	required bool
	flag     model.Flags
	en, viDo string // what the column holds, for the template's guide
}

// villageColumns are the columns in the order the writers use. border and
// island are read as two columns or as one (border_island); both set
// model.BorderIsland, which the writers write as the one column.
var villageColumns = []villageColumn{
	{key: "commune_code", vi: "mã xã", aliases: []string{"commune", "mã đơn vị hành chính cấp xã", "ma xa"}, required: true,
		en: "GSO code of the commune (xã, phường, đặc khu) the village belongs to; format as Text", viDo: "mã xã, phường, đặc khu (mã thống kê) của thôn; định dạng Text"},
	{key: "village_code", vi: "mã thôn", aliases: []string{"code", "mã thôn, tổ dân phố", "mã thôn/tdp", "ma thon"}, required: true,
		en: "the village's code, unique in the file", viDo: "mã thôn, tổ dân phố, không trùng trong bảng"},
	{key: "village_name", vi: "tên thôn", aliases: []string{"name", "tên", "tên thôn, tổ dân phố", "tên thôn/tdp", "ten thon"}, required: true,
		en: "the village's name as the commune's resolution writes it", viDo: "tên thôn, tổ dân phố như nghị quyết của HĐND xã"},
	{key: "type", vi: "loại", aliases: []string{"village_type", "loại thôn", "loai"}, required: true,
		en: "thôn or tổ dân phố, or a traditional name: xóm, làng (thôn); bản, buôn, plei, sóc; ấp; khu phố, khóm (tổ dân phố)", viDo: "thôn hoặc tổ dân phố, hoặc tên truyền thống: xóm, làng, bản, buôn, plei, sóc, ấp, khu phố, khóm"},
	{key: "households", vi: "số hộ", aliases: []string{"so ho", "hộ"}, required: true,
		en: "households now (a whole number ≥ 0)", viDo: "số hộ gia đình hiện nay (số nguyên ≥ 0)"},
	{key: "population", vi: "số nhân khẩu", aliases: []string{"nhân khẩu", "dân số", "so nhan khau"}, required: true,
		en: "residents now (a whole number ≥ 0)", viDo: "số nhân khẩu hiện nay (số nguyên ≥ 0)"},
	{key: "area_km2", vi: "diện tích (km²)", aliases: []string{"area", "diện tích", "diện tích (km2)", "diện tích km2"},
		en: "area in km² (blank when unknown)", viDo: "diện tích tự nhiên, km² (để trống nếu chưa có)"},
	{key: "mountainous", vi: "miền núi", aliases: []string{"mountain", "vùng cao", "miền núi, vùng cao"}, flag: model.Mountainous,
		en: "x or yes: a mountain village (NĐ 272/2025)", viDo: "x hoặc có: thôn miền núi (NĐ 272/2025)"},
	{key: "ethnic_minority", vi: "vùng đồng bào dân tộc thiểu số", aliases: []string{"ethnic-minority", "dân tộc thiểu số", "vùng dtts"}, flag: model.EthnicMinority,
		en: "x or yes: in an ethnic-minority area (NĐ 185 Art. 10(3))", viDo: "x hoặc có: thuộc vùng đồng bào dân tộc thiểu số (Điều 10 khoản 3 NĐ 185)"},
	{key: "particularly_difficult", vi: "đặc biệt khó khăn", aliases: []string{"particularly-difficult", "thôn đặc biệt khó khăn"}, flag: model.ParticularlyDifficult,
		en: "x or yes: a particularly difficult village (NĐ 272/2025)", viDo: "x hoặc có: thôn đặc biệt khó khăn (NĐ 272/2025)"},
	{key: "border_island", vi: "biên giới, hải đảo", aliases: []string{"border-island", "biên giới hải đảo"}, flag: model.BorderIsland,
		en: "x or yes: in a border or island commune (NĐ 185 Art. 15(1))", viDo: "x hoặc có: thuộc xã biên giới, hải đảo (Điều 15 khoản 1 NĐ 185)"},
	{key: "border", vi: "biên giới", flag: model.BorderIsland},
	{key: "island", vi: "hải đảo", flag: model.BorderIsland},
	{key: "key_defence", vi: "trọng điểm quốc phòng", aliases: []string{"key-defence", "key_defense", "xã trọng điểm quốc phòng"}, flag: model.KeyDefence,
		en: "x or yes: in a commune key for national defence (NĐ 185 Art. 15(1))", viDo: "x hoặc có: thuộc xã trọng điểm về quốc phòng (Điều 15 khoản 1 NĐ 185)"},
	{key: "key_security", vi: "trọng điểm an ninh", aliases: []string{"key-security", "trọng điểm, phức tạp về an ninh trật tự"}, flag: model.KeySecurity,
		en: "x or yes: key or complex for security and order", viDo: "x hoặc có: trọng điểm, phức tạp về an ninh trật tự"},
	{key: "fragmented", vi: "địa hình chia cắt", aliases: []string{"chia cắt", "dân cư phân tán"}, flag: model.Fragmented,
		en: "x or yes: fragmented terrain, poor transport, scattered settlement (Art. 10(3))", viDo: "x hoặc có: địa hình chia cắt, giao thông khó khăn, dân cư phân tán (Điều 10 khoản 3)"},
	{key: "resettlement", vi: "tái định cư", aliases: []string{"giải tỏa, di dân, tái định cư", "di dân, tái định cư"}, flag: model.Resettlement,
		en: "x or yes: planned for clearance, relocation or resettlement (Art. 10(3))", viDo: "x hoặc có: vùng quy hoạch giải tỏa, di dân, tái định cư (Điều 10 khoản 3)"},
	{key: "isolated_island", vi: "biệt lập trên đảo", aliases: []string{"isolated-island", "đảo, cồn, bãi", "biệt lập trên đảo, cồn, bãi"}, flag: model.IsolatedIsland,
		en: "x or yes: isolated on an island, islet or sandbank (Art. 10(3))", viDo: "x hoặc có: thôn biệt lập trên đảo, cồn, bãi (Điều 10 khoản 3)"},
	{key: "neighbours", vi: "thôn liền kề", aliases: []string{"neighbors", "liền kề", "giáp ranh", "thôn giáp ranh"},
		en: "codes of the villages of the same commune that share a border, separated by ; or , (blank: none listed)", viDo: "mã các thôn cùng xã có chung ranh giới, cách nhau bởi ; hoặc ,"},
	{key: "lat", vi: "vĩ độ", aliases: []string{"latitude"},
		en: "latitude in degrees north (with lon; blank when unknown)", viDo: "vĩ độ bắc, độ thập phân (cùng kinh độ; để trống nếu chưa có)"},
	{key: "lon", vi: "kinh độ", aliases: []string{"longitude", "lng"},
		en: "longitude in degrees east (with lat)", viDo: "kinh độ đông, độ thập phân (cùng vĩ độ)"},
}

// villageIgnored are the columns planners' sheets have that the reader
// skips: the row number and notes.
var villageIgnored = map[string]bool{"stt": true, "tt": true, "số tt": true, "no.": true, "ghi chú": true, "note": true, "notes": true}

// villageHeaderKey normalises a header for matching: lower case, NFC (done
// by tabHeader), "_" and "-" as spaces, runs of spaces as one.
func villageHeaderKey(h string) string {
	h = strings.NewReplacer("_", " ", "-", " ").Replace(strings.ToLower(h))
	return strings.Join(strings.Fields(h), " ")
}

// villageColumnIndex maps every accepted spelling to its column's index in
// villageColumns.
var villageColumnIndex = func() map[string]int {
	m := map[string]int{}
	for i, c := range villageColumns {
		for _, s := range append([]string{c.key, c.vi}, c.aliases...) {
			m[villageHeaderKey(s)] = i
		}
	}
	return m
}()

// villageHeaders re-keys t's columns by their keys in villageColumns and
// reports unknown, repeated and missing columns and values under a blank
// header. It returns, for each key, the header as written (for messages).
func villageHeaders(t *tabSheet) map[string]string {
	written := map[string]string{}
	col := make(map[string]int, len(t.header))
	for i, h := range t.header {
		if h == "" {
			for ri := range t.rows {
				if i < len(t.rows[ri].cells) && strings.TrimSpace(t.rows[ri].cells[i]) != "" {
					t.add((&Error{File: t.file, Line: t.rows[ri].lines[i], Col: i + 1}).Setf(errorsVi, "a value in a column without a header"))
					break
				}
			}
			continue
		}
		if villageIgnored[villageHeaderKey(h)] {
			continue
		}
		k, ok := villageColumnIndex[villageHeaderKey(h)]
		if !ok {
			t.add((&Error{File: t.file, Line: 1, Col: i + 1, Path: h}).Setf(errorsVi, "unknown column (expected: %s; STT and Ghi chú are skipped)", villageColumnList()))
			continue
		}
		key := villageColumns[k].key
		if j, dup := col[key]; dup {
			t.add((&Error{File: t.file, Line: 1, Col: i + 1, Path: h}).Setf(errorsVi, "column given twice (also column %d, %s)", j+1, written[key]))
			continue
		}
		col[key], written[key] = i, h
	}
	t.col = col
	for _, c := range villageColumns {
		if c.required && !t.has(c.key) {
			t.add((&Error{File: t.file, Line: 1, Col: len(t.header) + 1, Path: c.key}).Setf(errorsVi, "missing column %s (%s); needed: %s", c.key, c.vi, villageRequiredList()))
		}
	}
	if t.has("lat") != t.has("lon") {
		t.add((&Error{File: t.file, Line: 1, Col: len(t.header) + 1}).Setf(errorsVi, "lat and lon (vĩ độ, kinh độ) go together: give both columns or neither"))
	}
	return written
}

func villageColumnList() string {
	var s []string
	for _, c := range villageColumns {
		s = append(s, c.key+" ("+c.vi+")")
	}
	return strings.Join(s, ", ")
}

func villageRequiredList() string {
	var s []string
	for _, c := range villageColumns {
		if c.required {
			s = append(s, c.key)
		}
	}
	return strings.Join(s, ", ")
}

// villageTypes are the spellings of a village's type the reader accepts
// beyond [model.ParseUnitType]'s: khóm, the tổ dân phố of the Mekong
// provinces, is an urban group like a khu phố (policy-facts 9.2); plơi
// (another spelling of plei) and phum (Khmer) are hamlets like bản; tổ is
// short for tổ dân phố.
var villageTypes = map[string]model.UnitType{
	"khóm": model.KhuPho, "khom": model.KhuPho, "thon": model.Thon, "to dan pho": model.ToDanPho,
	"plơi": model.Ban, "phum": model.Ban, "tổ": model.ToDanPho,
}

// villageTypeVi is the Vietnamese name the writers give each village type.
var villageTypeVi = map[model.UnitType]string{model.Thon: "thôn", model.ToDanPho: "tổ dân phố", model.Ap: "ấp", model.Ban: "bản", model.KhuPho: "khu phố"}

// parseVillageType reads a village's type; ok is false for anything that is
// not a village type.
func parseVillageType(s string) (model.UnitType, bool) {
	k := strings.Join(strings.Fields(strings.ToLower(s)), " ")
	if ty, ok := villageTypes[k]; ok {
		return ty, true
	}
	ty, err := model.ParseUnitType(k)
	return ty, err == nil && ty.Level() == model.Village
}
