package tables

import (
	"strings"

	"github.com/xuri/excelize/v2"
)

// readSheetXLSX reads sheet of the XLSX workbook at path (the first sheet
// when sheet is "") as a table: row 1 the header, blank rows dropped, a
// title above the header, a value outside the header's columns and a
// formula with no saved value reported. Errors carry the row as Line and
// the column number as Col (A = 1).
func readSheetXLSX(path, sheet string) (*tabSheet, error) {
	f, date1904, err := openWorkbook(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if sheet == "" {
		if len(sheets) == 0 {
			return nil, (&Error{File: path}).Setf(errorsVi, "the workbook has no sheet")
		}
		sheet = sheets[0]
	}
	idx, err := f.GetSheetIndex(sheet)
	if err != nil || idx < 0 {
		return nil, (&Error{File: path}).Setf(errorsVi, "no sheet %q (sheets: %s)", sheet, strings.Join(sheets, ", "))
	}
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, (&Error{File: path}).Setf(errorsVi, "cannot read sheet %q: %s", sheet, err)
	}
	t := &tabSheet{file: path, date1904: date1904}
	if len(rows) == 0 {
		return nil, (&Error{File: path, Line: 1, Col: 1}).Setf(errorsVi, "sheet %q is empty: expected a header row", sheet)
	}
	if e := titleAbove(f, path, sheet, rows[0]); e != nil {
		return nil, e
	}
	t.tabHeader(rows[0])
	width := len(rows[0])
	for i := 1; i < len(rows) && !t.stopped; i++ {
		rec := rows[i]
		if e := unsavedFormula(f, path, sheet, i, width, rec); e != nil {
			t.add(e)
		}
		blank := true
		for j, c := range rec {
			if strings.TrimSpace(c) == "" {
				continue
			}
			blank = false
			if j >= width {
				t.add((&Error{File: path, Line: i + 1, Col: j + 1}).Setf(errorsVi, "a value outside the header's columns"))
			}
		}
		if blank {
			continue
		}
		row := tabRow{cells: make([]string, width), lines: make([]int, width)}
		copy(row.cells, rec)
		for j := range row.lines {
			row.lines[j] = i + 1
		}
		t.rows = append(t.rows, row)
	}
	return t, nil
}
