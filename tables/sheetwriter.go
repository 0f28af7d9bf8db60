package tables

import (
	"io"

	"github.com/xuri/excelize/v2"
)

// sheetLayout is how a table the package writes looks as the one sheet of
// an XLSX workbook: a bold header row, frozen, over the rows.
type sheetLayout struct {
	name   string
	header []string
	widths []float64 // column widths from the first column; nil keeps the default
	// text formats every cell as text ("@"), so that codes keep their
	// leading zeros even when a user types over them.
	text bool
}

// write writes rows (cells of string or float64) under the header as a
// workbook to w.
func (l sheetLayout) write(w io.Writer, rows [][]any) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", l.name); err != nil {
		return err
	}
	headStyle := &excelize.Style{Font: &excelize.Font{Bold: true}}
	if l.text {
		headStyle.NumFmt = 49
	}
	bold, err := f.NewStyle(headStyle)
	if err != nil {
		return err
	}
	text := 0
	if l.text {
		if text, err = f.NewStyle(&excelize.Style{NumFmt: 49}); err != nil {
			return err
		}
	}
	sw, err := f.NewStreamWriter(l.name)
	if err != nil {
		return err
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	for i, width := range l.widths {
		if err := sw.SetColWidth(i+1, i+1, width); err != nil {
			return err
		}
	}
	cells := make([]any, len(l.header))
	for i, h := range l.header {
		cells[i] = excelize.Cell{StyleID: bold, Value: h}
	}
	if err := sw.SetRow("A1", cells); err != nil {
		return err
	}
	for n, row := range rows {
		if l.text {
			for i, v := range row {
				row[i] = excelize.Cell{StyleID: text, Value: v}
			}
		}
		cell, err := excelize.CoordinatesToCellName(1, n+2)
		if err != nil {
			return err
		}
		if err := sw.SetRow(cell, row); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}
