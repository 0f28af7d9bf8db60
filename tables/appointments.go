package tables

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// appointmentHeader is the header of a commune's appointment list.
var appointmentHeader = model.Text{
	Vi: "STT|Mã cán bộ|Họ và tên|Chức danh trước phương án|Chức danh sau phương án|Trạng thái|Lý do",
	En: "No.|ID|Name|Titles before the plan|Titles after the plan|Status|Reason",
}

// WriteAppointmentsXLSX writes the per-commune appointment lists (danh
// sách bố trí) of a plan as one workbook: a sheet per commune, in code
// order, named by its code and name, listing everyone whose home commune
// it is (and the recruits of its titles): names, titles before and after
// the plan, status, and the reason for each change. A commune whose people
// are all unassigned candidates is left out.
func WriteAppointmentsXLSX(w io.Writer, ix *model.Index, rows []PlanPerson, lang model.Lang) error {
	byCommune := map[string][]*PlanPerson{}
	for i := range rows {
		r := &rows[i]
		if r.Status == PersonUnassigned {
			continue
		}
		byCommune[r.Commune] = append(byCommune[r.Commune], r)
	}
	codes := make([]string, 0, len(byCommune))
	for c := range byCommune {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	f := excelize.NewFile()
	defer f.Close()
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return err
	}
	wrap, err := f.NewStyle(&excelize.Style{NumFmt: 49, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return err
	}
	if len(codes) == 0 {
		codes = []string{""}
	}
	used := map[string]bool{}
	for n, code := range codes {
		name := sheetName(ix, code, used, lang)
		if n == 0 {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(name); err != nil {
			return err
		}
		if err := appointmentSheet(f, name, ix, byCommune[code], lang, bold, wrap); err != nil {
			return err
		}
	}
	_, err = f.WriteTo(w)
	return err
}

// appointmentSheet fills one commune's list.
func appointmentSheet(f *excelize.File, sheet string, ix *model.Index, people []*PlanPerson, lang model.Lang, bold, wrap int) error {
	header := strings.Split(appointmentHeader.In(lang), "|")
	widths := []float64{6, 12, 26, 45, 45, 16, 60}
	for i, h := range header {
		cell, _ := excelize.CoordinatesToCellName(i+1, 1)
		if err := f.SetCellValue(sheet, cell, h); err != nil {
			return err
		}
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(sheet, col, col, widths[i]); err != nil {
			return err
		}
	}
	if err := f.SetCellStyle(sheet, "A1", fmt.Sprintf("%c1", 'A'+len(header)-1), bold); err != nil {
		return err
	}
	for i, r := range people {
		rec := []any{i + 1, r.Person.ID, r.Person.Name, holdingsText(ix, r.Before, lang), holdingsText(ix, r.Person.Holdings, lang),
			StatusText(r.Status).In(lang), r.Reason.In(lang)}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := f.SetSheetRow(sheet, cell, &rec); err != nil {
			return err
		}
	}
	if len(people) > 0 {
		end, _ := excelize.CoordinatesToCellName(len(header), len(people)+1)
		if err := f.SetCellStyle(sheet, "B2", end, wrap); err != nil {
			return err
		}
	}
	return f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}

// sheetName names a commune's sheet: its code and name, cut to Excel's 31
// characters, without the characters Excel refuses, and unique.
func sheetName(ix *model.Index, code string, used map[string]bool, lang model.Lang) string {
	name := code
	if u, ok := ix.Unit(code); ok && u.Name != "" {
		name += " " + u.Name
	}
	if code == "" {
		name = lang.Pick("Không thuộc xã nào", "No commune")
	}
	name = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\'`, r) {
			return '-'
		}
		return r
	}, name)
	if r := []rune(name); len(r) > 31 {
		name = string(r[:31])
	}
	base := []rune(name)
	for k := 2; used[name]; k++ {
		suffix := fmt.Sprintf(" %d", k)
		name = string(base[:min(len(base), 31-len(suffix))]) + suffix
	}
	used[name] = true
	return name
}
