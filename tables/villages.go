package tables

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// The villages table, in CSV (ReadVillages, WriteVillages) or as an XLSX
// sheet (ReadVillagesXLSX, WriteVillagesXLSX, WriteVillagesTemplate), is a
// commune's (or a province's) list of thôn and tổ dân phố as planners keep
// it: one row per village, with these columns in any order, headed in
// English or Vietnamese (case, spaces, "_" and "-" do not matter; headers
// and cells are NFC-normalised):
//
//	commune_code    mã xã            required: the commune's GSO code
//	village_code    mã thôn          required, unique in the file
//	village_name    tên thôn         required
//	type            loại             required: thôn, tổ dân phố, or a
//	                                 traditional name: xóm, làng (thôn);
//	                                 bản, buôn, plei, sóc (bản); ấp; khu
//	                                 phố, khóm (urban, as tổ dân phố)
//	households      số hộ            required: whole number ≥ 0
//	population      số nhân khẩu     required: whole number ≥ 0
//	area_km2        diện tích (km²)  optional: blank = unknown
//	mountainous, ethnic_minority, particularly_difficult, border_island
//	(or border and island), key_defence, key_security, fragmented,
//	resettlement, isolated_island (miền núi, vùng đồng bào dân tộc thiểu
//	số, đặc biệt khó khăn, biên giới, hải đảo, trọng điểm quốc phòng,
//	trọng điểm an ninh, địa hình chia cắt, tái định cư, biệt lập trên đảo):
//	                                 optional yes/no flags: x, có, 1, yes
//	                                 (or không, 0, no, blank)
//	neighbours      thôn liền kề     optional: codes of bordering villages
//	                                 of the same commune, split by ; or ,
//	lat, lon        vĩ độ, kinh độ   optional, together: degrees, within
//	                                 6–24 °N and 102–118 °E
//
// A row-number column (STT, TT) and a notes column (Ghi chú, notes) are
// skipped; any other column is an error. A commune code that is a number
// short of its leading zeros (Excel's 4 for 00004) is named as such.
//
// A village also takes its commune's border-island, key-defence,
// key-security and ethnic-minority flags: Decree 185 attaches the fund
// and the lower floor to villages of such communes (Art. 10(3), 15(1)).
//
// Neighbours are checked across rows: each code must be a village of the
// file in the same commune, and not the village itself. A link listed on
// one side only is made symmetric, with a warning at the cell that lists
// it (a planner who writes "B borders A" on A's row means both ways;
// refusing would make them retype half of the table). In a commune where
// no village lists neighbours but every village has coordinates, the
// neighbours are the Gabriel graph of the points ([model.GabrielNeighbours]
// on an equirectangular projection; assumption: two villages share a
// border when no other village lies in the circle through them); with
// neither, Neighbours is nil, which the planners read as "any two
// villages of the commune may merge".
//
// Every bad cell is an [*Error] at its line (row) and column with the
// column's header as written and what was expected, all returned together
// as an [ErrorList]; what is accepted with a change is added to warnings
// (when not nil) in the same form.

// ReadVillages reads a villages table from CSV; name is the file name used
// in messages. communes are the scenario's units: every commune_code must
// be the code of a commune among them (nil accepts any code and inherits
// no flags). The villages come back in the order of the file.
func ReadVillages(r io.Reader, name string, communes []model.Unit, warnings *ErrorList) ([]model.Unit, error) {
	t, err := tabReadCSV(r, name)
	if err != nil {
		return nil, err
	}
	return villagesFromTable(t, communes, warnings)
}

// ReadVillagesXLSX reads a villages table from sheet of the XLSX workbook
// at path (the first sheet when ""), as [ReadVillages] does.
func ReadVillagesXLSX(path, sheet string, communes []model.Unit, warnings *ErrorList) ([]model.Unit, error) {
	t, err := readSheetXLSX(path, sheet)
	if err != nil {
		return nil, err
	}
	return villagesFromTable(t, communes, warnings)
}

// villageRow is a village read from a row, with what the cross-row
// checks need.
type villageRow struct {
	u      model.Unit
	row    int  // index into t.rows
	coords bool // lat and lon given
}

// villagesFromTable reads the villages of t.
func villagesFromTable(t *tabSheet, communes []model.Unit, warnings *ErrorList) ([]model.Unit, error) {
	written := villageHeaders(t)
	if len(t.errs) > 0 {
		return nil, villageErrs(t.errs, written)
	}
	if len(t.rows) == 0 {
		return nil, (&Error{File: t.file, Line: 2, Col: 1}).Setf(errorsVi, "no villages: expected at least one row after the header")
	}
	byCode := map[string]*model.Unit{}
	for i := range communes {
		if communes[i].Level == model.Commune {
			byCode[communes[i].Code] = &communes[i]
		}
	}
	seen := map[string]int{}
	rows := make([]villageRow, 0, len(t.rows))
	for ri := range t.rows {
		v := villageFromRow(tabCells{t: t, row: ri}, communes != nil, byCode, seen)
		if t.stopped {
			break
		}
		rows = append(rows, v)
	}
	if len(t.errs) == 0 {
		var warn ErrorList
		villageKinds(t, rows, byCode, &warn)
		villageLinks(t, rows, &warn)
		if warnings != nil {
			*warnings = append(*warnings, villageErrs(warn, written)...)
		}
	}
	if len(t.errs) > 0 {
		return nil, villageErrs(t.errs, written)
	}
	out := make([]model.Unit, len(rows))
	for i := range rows {
		out[i] = rows[i].u
	}
	return out, nil
}

// villageErrs names the column of each error of a data row by its header
// as written (lower case).
func villageErrs(errs ErrorList, written map[string]string) ErrorList {
	for _, e := range errs {
		if h, ok := written[e.Path]; ok && e.Line > 1 {
			e.Path = h
		}
	}
	return errs
}

// villageFromRow reads the cells of one row; check says whether the
// commune must be among byCode; seen maps village codes to their lines.
func villageFromRow(c tabCells, check bool, byCode map[string]*model.Unit, seen map[string]int) villageRow {
	v := villageRow{row: c.row, u: model.Unit{Level: model.Village}}
	u := &v.u
	u.Parent = nfcTrim(c.code("commune_code"))
	if com, ok := byCode[u.Parent]; ok {
		u.Flags |= com.Flags & (model.BorderIsland | model.KeyDefence | model.KeySecurity | model.EthnicMinority)
	} else if check && u.Parent != "" {
		c.bad("commune_code", "no commune %q among the scenario's units (%d communes)%s", u.Parent, len(byCode), lostZeros(u.Parent, byCode))
	}
	u.Code = nfcTrim(c.code("village_code"))
	if l, dup := seen[u.Code]; dup && u.Code != "" {
		c.bad("village_code", "village code %q is used twice (also on line %d)", u.Code, l)
	} else if strings.ContainsAny(u.Code, ";,") {
		c.bad("village_code", "expected a code without ; or , (they separate neighbours), got %s", tabGot(u.Code))
	} else if _, isCommune := byCode[u.Code]; isCommune {
		c.bad("village_code", "%q is the code of a commune; give the village a code of its own", u.Code)
	} else {
		seen[u.Code] = c.t.rows[c.row].lines[0]
	}
	u.Name = nfcTrim(c.str("village_name"))
	if u.Name == "" {
		c.bad("village_name", "expected the village's name, got an empty cell")
	}
	ty, ok := parseVillageType(c.enumCell("type"))
	if !ok {
		c.bad("type", "expected thôn, tổ dân phố or a traditional name (xóm, làng, bản, buôn, plei, sóc, ấp, khu phố, khóm); got %s", tabGot(c.str("type")))
	}
	u.Type = ty
	u.Households = c.whole("households", "(the village's households now)")
	u.Population = c.whole("population", "(the village's residents now)")
	if u.Population > 0 && u.Population < u.Households {
		c.bad("population", "%d residents in %d households: fewer residents than households (are the two columns swapped?)", u.Population, u.Households)
	}
	u.AreaKm2 = c.optArea("area_km2")
	for _, col := range villageColumns {
		if col.flag != 0 && c.boolean(col.key, false) {
			u.Flags |= col.flag
		}
	}
	u.Neighbours = splitCodes(c.str("neighbours"))
	v.coords = villageCoords(c, u)
	return v
}

// villageKinds warns of a thôn (or ấp, bản) in a phường and a tổ dân
// phố (or khu phố, khóm) in a xã: Decree 185 Art. 2 puts thôn in xã and
// tổ dân phố in phường (đặc khu choose), and the floor and fund follow the
// type as written, so a slip in the type column changes them.
func villageKinds(t *tabSheet, rows []villageRow, byCode map[string]*model.Unit, warn *ErrorList) {
	for i := range rows {
		u := &rows[i].u
		com, ok := byCode[u.Parent]
		if !ok || com.Type == model.DacKhu || com.Type == model.TypeUnknown {
			continue
		}
		if u.Type.Urban() != com.Type.Urban() {
			*warn = append(*warn, villageErrorf(t, rows[i].row, "type",
				"a %s in commune %s (%s): Decree 185 Art. 2 puts thôn in xã and tổ dân phố in phường; read as a %s, whose floor and fund apply",
				villageTypeVi[u.Type], u.Parent, com.Type, villageTypeVi[u.Type]))
		}
	}
}

// lostZeros suggests the commune code a number lost its leading zeros
// from (Excel turns 00004 into 4), or nothing.
func lostZeros(code string, byCode map[string]*model.Unit) model.Text {
	for n := len(code) + 1; n <= 5; n++ {
		p := strings.Repeat("0", n-len(code)) + code
		if _, ok := byCode[p]; ok && strings.Trim(code, "0123456789") == "" {
			return model.Text{
				Vi: fmt.Sprintf(": %s bị mất số 0 ở đầu? Hãy định dạng cột là Text và gõ %s", code, p),
				En: fmt.Sprintf(": %s lost its leading zeros? Format the column as Text and type %s", code, p)}
		}
	}
	return model.Text{}
}

// villageCoords reads lat and lon into u; both blank is no location.
func villageCoords(c tabCells, u *model.Unit) bool {
	la, lo := strings.TrimSpace(c.str("lat")), strings.TrimSpace(c.str("lon"))
	if la == "" && lo == "" {
		return false
	}
	u.Lat = c.degrees("lat", la, 6, 24, "latitude north")
	u.Lon = c.degrees("lon", lo, 102, 118, "longitude east")
	return u.Lat != 0 && u.Lon != 0
}

// degrees reads a coordinate s of the column in [lo, hi] (Việt Nam with
// its islands); 0 on error.
func (c tabCells) degrees(column, s string, lo, hi float64, what string) float64 {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(f) || f < lo || f > hi {
		c.bad(column, "expected a %s in degrees from %g to %g (Việt Nam), got %s", what, lo, hi, tabGot(c.str(column)))
		return 0
	}
	return f
}

// splitCodes splits a list of codes at ; and , dropping blanks and
// repeats.
func splitCodes(s string) []string {
	var out []string
	seen := map[string]bool{}
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == ',' }) {
		p = nfcTrim(p)
		if p != "" && !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	return out
}

func nfcTrim(s string) string { return strings.TrimSpace(norm.NFC.String(s)) }

// villageErrorf is a message positioned at row ri's column of t.
func villageErrorf(t *tabSheet, ri int, column, format string, args ...any) *Error {
	return t.errAt(ri, column, format, args...)
}
