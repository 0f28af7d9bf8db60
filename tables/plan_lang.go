package tables

import (
	"encoding/csv"
	"io"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// planColumnsVi are the Vietnamese headers of planColumns, in order;
// [ReadPlanCSV] and [ReadPlanFile] read them as the English ones.
var planColumnsVi = []string{"Mã đơn vị", "Tên đơn vị", "Mã chức danh", "Chức danh", "Mã cán bộ", "Họ và tên", "Vai trò"}

// planAliases maps folded Vietnamese plan headers to planColumns.
var planAliases = map[string]string{
	"ma don vi": "unit", "ten don vi": "unit_name", "ma chuc danh": "title", "chuc danh": "title_name",
	"ma can bo": "person", "ho va ten": "person_name", "vai tro": "role",
}

// canonPlanColumn is the plan column header h names ("" for none of the
// Vietnamese ones: h itself, trimmed).
func canonPlanColumn(h string) string {
	if c, ok := planAliases[fold(h)]; ok {
		return c
	}
	return h
}

// roleText is a plan row's role in lang: main or concurrent (chính, kiêm
// nhiệm).
func roleText(role string, lang model.Lang) string {
	if lang == model.English {
		return role
	}
	if role == "main" {
		return "chính"
	}
	return "kiêm nhiệm"
}

// planRole reads a role cell in either language: main (chính) is true,
// concurrent (kiêm nhiệm) false; ok is false for anything else.
func planRole(s string) (main, ok bool) {
	switch fold(s) {
	case "main", "chinh":
		return true, true
	case "concurrent", "kiem nhiem":
		return false, true
	}
	return false, false
}

// planHeader is the plan's header in lang.
func planHeader(lang model.Lang) []string {
	if lang == model.English {
		return planColumns
	}
	return planColumnsVi
}

// localRecord is r's record with the role in lang.
func (r PlanRow) localRecord(lang model.Lang) []string {
	rec := r.record()
	rec[6] = roleText(r.Role, lang)
	return rec
}

// WritePlanCSVIn writes rows as plan.csv with its headers and roles in
// lang (Vietnamese: Mã đơn vị, …, Vai trò; chính, kiêm nhiệm);
// [ReadPlanCSV] reads either language.
func WritePlanCSVIn(w io.Writer, rows []PlanRow, lang model.Lang) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(planHeader(lang)); err != nil {
		return err
	}
	for _, r := range rows {
		if err := cw.Write(model.SpreadsheetSafeRecord(r.localRecord(lang))); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// WritePlanXLSXIn writes the plan as plan.xlsx does, headers and roles in
// lang.
func WritePlanXLSXIn(w io.Writer, rows []PlanRow, lang model.Lang) error {
	cells := make([][]any, len(rows))
	for n, r := range rows {
		rec := r.localRecord(lang)
		cells[n] = make([]any, len(rec))
		for i, v := range rec {
			cells[n][i] = v
		}
	}
	layout := planXLSX
	layout.header = planHeader(lang)
	return layout.write(w, cells)
}
