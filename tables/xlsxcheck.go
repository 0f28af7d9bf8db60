package tables

import (
	"strings"

	"github.com/xuri/excelize/v2"
)

// titleAbove reports a title row above the header: row 1 holding one
// value in cells merged across several columns ("Danh sách cán bộ …"),
// which would otherwise be read as a header of one unknown column and
// every real column reported missing.
func titleAbove(f *excelize.File, path, sheet string, first []string) *Error {
	n := 0
	for _, c := range first {
		if strings.TrimSpace(c) != "" {
			n++
		}
	}
	if n != 1 {
		return nil
	}
	merged, err := f.GetMergeCells(sheet)
	if err != nil {
		return nil
	}
	for _, m := range merged {
		_, row, err := excelize.CellNameToCoordinates(m.GetStartAxis())
		if err == nil && row == 1 && m.GetStartAxis() != m.GetEndAxis() {
			return (&Error{File: path, Line: 1, Col: 1}).Setf(errorsVi, "row 1 is a title (%q in merged cells %s:%s), not the header: delete the rows above the header row",
				m.GetCellValue(), m.GetStartAxis(), m.GetEndAxis())
		}
	}
	return nil
}

// unsavedFormula reports a cell among the first width of row rec (0-based
// index i in the sheet) that
// reads as empty because it holds a formula whose value was never saved
// (a workbook written by a program, not by Excel): the value is unknown,
// not blank.
func unsavedFormula(f *excelize.File, path, sheet string, i, width int, rec []string) *Error {
	for j := range width {
		if j < len(rec) && rec[j] != "" {
			continue
		}
		cell, err := excelize.CoordinatesToCellName(j+1, i+1)
		if err != nil {
			continue
		}
		if formula, err := f.GetCellFormula(sheet, cell); err == nil && formula != "" {
			return (&Error{File: path, Line: i + 1, Col: j + 1}).Setf(errorsVi, "cell %s holds the formula =%s with no saved value: open and save the workbook in Excel or LibreOffice, or paste the values", cell, formula)
		}
	}
	return nil
}
