package tables

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// villageWritten are the columns the writers write: every column but
// border and island, which border_island stands for.
func villageWritten() []villageColumn {
	var out []villageColumn
	for _, c := range villageColumns {
		if c.key != "border" && c.key != "island" {
			out = append(out, c)
		}
	}
	return out
}

// villageHeader is the header row in lang.
func villageHeader(lang model.Lang) []string {
	cols := villageWritten()
	h := make([]string, len(cols))
	for i, c := range cols {
		h[i] = lang.Pick(c.vi, c.key)
	}
	return h
}

// villageRecord is v's row: text for codes, names and flags, and for the
// numbers a float64 when num is set (XLSX) or their text (CSV); blank for
// an unknown area or location.
func villageRecord(v *model.Unit, lang model.Lang, num bool) []any {
	yes := lang.Pick("x", "yes")
	number := func(f float64, blankZero bool) any {
		switch {
		case blankZero && f == 0:
			return ""
		case num:
			return f
		}
		return tabFormatFloat(f)
	}
	located := v.Lat != 0 || v.Lon != 0
	var rec []any
	for _, c := range villageWritten() {
		var cell any = ""
		switch c.key {
		case "commune_code":
			cell = v.Parent
		case "village_code":
			cell = v.Code
		case "village_name":
			cell = v.Name
		case "type":
			cell = lang.Pick(villageTypeVi[v.Type], v.Type.String())
		case "households":
			cell = number(float64(v.Households), false)
		case "population":
			cell = number(float64(v.Population), false)
		case "area_km2":
			cell = number(v.AreaKm2, true)
		case "neighbours":
			cell = strings.Join(v.Neighbours, "; ")
		case "lat":
			cell = number(v.Lat, !located)
		case "lon":
			cell = number(v.Lon, !located)
		default:
			if v.Flags.Has(c.flag) {
				cell = yes
			}
		}
		rec = append(rec, cell)
	}
	return rec
}

// villagesCheck refuses villages the readers could not give back.
func villagesCheck(villages []model.Unit) error {
	seen := map[string]bool{}
	for i := range villages {
		v := &villages[i]
		refuse := func(format string, args ...any) error {
			return fmt.Errorf("tables: cannot write villages: villages[%d] (%q): %s", i, v.Code, fmt.Sprintf(format, args...))
		}
		switch {
		case v.Level != model.Village || v.Type.Level() != model.Village:
			return refuse("not a village (level %s, type %s)", v.Level, v.Type)
		case !villageCell(v.Code) || strings.ContainsAny(v.Code, ";,"):
			return refuse("expected a code, NFC, without surrounding spaces, ; or ,")
		case seen[v.Code]:
			return refuse("code used twice")
		case !villageCell(v.Parent) || !villageCell(v.Name):
			return refuse("expected a commune code and a name, NFC, without surrounding spaces")
		case v.Households < 0 || v.Population < 0 || v.Households > maxCount || v.Population > maxCount:
			return refuse("households and population must be from 0 to %d", maxCount)
		case math.IsNaN(v.AreaKm2) || v.AreaKm2 < 0 || v.AreaKm2 > maxArea:
			return refuse("area must be from 0 to %d km²", maxArea)
		case (v.Lat != 0 || v.Lon != 0) && (v.Lat < 6 || v.Lat > 24 || v.Lon < 102 || v.Lon > 118):
			return refuse("location %g, %g is outside Việt Nam", v.Lat, v.Lon)
		}
		seen[v.Code] = true
	}
	return nil
}

// villageCell reports whether s reads back as itself: not blank, NFC, no
// surrounding spaces.
func villageCell(s string) bool { return s != "" && nfcTrim(s) == s }

// WriteVillages writes villages as a CSV villages table (see
// [ReadVillages]) headed in lang, flags as x (vi) or yes (en);
// ReadVillages gives the same villages back (given the communes whose flags
// they took). It refuses what could not be read back.
func WriteVillages(w io.Writer, villages []model.Unit, lang model.Lang) error {
	if err := villagesCheck(villages); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(villageHeader(lang)); err != nil {
		return err
	}
	for i := range villages {
		rec := villageRecord(&villages[i], lang, false)
		s := make([]string, len(rec))
		for j, c := range rec {
			s[j] = c.(string)
		}
		if err := cw.Write(model.SpreadsheetSafeRecord(s)); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// villagesSheet is the name of the data sheet the XLSX writers use.
func villagesSheet(lang model.Lang) string { return lang.Pick("thôn", "villages") }

// WriteVillagesXLSX writes villages as an XLSX workbook of one sheet laid
// out as the CSV table, numbers as number cells; [ReadVillagesXLSX] gives
// them back.
func WriteVillagesXLSX(w io.Writer, villages []model.Unit, lang model.Lang) error {
	if err := villagesCheck(villages); err != nil {
		return err
	}
	rows := make([][]any, len(villages))
	for i := range villages {
		rows[i] = villageRecord(&villages[i], lang, true)
	}
	return sheetLayout{name: villagesSheet(lang), header: villageHeader(lang), widths: villageWidths()}.write(w, rows)
}

// villageWidths are the column widths of the XLSX writers.
func villageWidths() []float64 {
	cols := villageWritten()
	out := make([]float64, len(cols))
	for i, c := range cols {
		out[i] = 12
		switch c.key {
		case "village_name", "neighbours":
			out[i] = 24
		case "commune_code", "village_code", "type":
			out[i] = 14
		}
	}
	return out
}

// villageGuide is the template's second sheet: one row per column.
func villageGuide(lang model.Lang) [][]any {
	var rows [][]any
	for _, c := range villageWritten() {
		need := lang.Pick("không bắt buộc", "optional")
		if c.required {
			need = lang.Pick("bắt buộc", "required")
		}
		rows = append(rows, []any{lang.Pick(c.vi, c.key), need, lang.Pick(c.viDo, c.en), lang.Pick(c.key, c.vi)})
	}
	return rows
}

// villageGuideHeader heads the guide sheet.
func villageGuideHeader(lang model.Lang) []string {
	if lang == model.English {
		return []string{"column", "required", "what it holds", "Vietnamese header"}
	}
	return []string{"cột", "bắt buộc", "nội dung", "tên cột tiếng Anh"}
}
