package tables

import (
	"io"

	"github.com/xuri/excelize/v2"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// villageTemplateRows is how many rows under the header the template
// formats as text in its code columns, so that codes typed into them keep
// their leading zeros.
const villageTemplateRows = 2000

// WriteVillagesTemplate writes an empty villages table as an XLSX workbook
// for a planner to fill in: the first sheet ("thôn" or "villages") has the
// header row in lang, bold and frozen, with the code and neighbours
// columns formatted as text; the second ("hướng dẫn" or "guide") says for
// each column whether it is required, what it holds and its header in the
// other language. [ReadVillagesXLSX] reads the filled-in first sheet.
func WriteVillagesTemplate(w io.Writer, lang model.Lang) error {
	f := excelize.NewFile()
	defer f.Close()
	data := villagesSheet(lang)
	if err := f.SetSheetName("Sheet1", data); err != nil {
		return err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	text, err := f.NewStyle(&excelize.Style{NumFmt: 49})
	if err != nil {
		return err
	}
	header := villageHeader(lang)
	for i, h := range header {
		cell, _ := excelize.CoordinatesToCellName(i+1, 1)
		if err := f.SetCellStr(data, cell, h); err != nil {
			return err
		}
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(data, col, col, villageWidths()[i]); err != nil {
			return err
		}
		switch villageWritten()[i].key {
		case "commune_code", "village_code", "neighbours":
			last, _ := excelize.CoordinatesToCellName(i+1, villageTemplateRows+1)
			if err := f.SetCellStyle(data, col+"2", last, text); err != nil {
				return err
			}
		}
	}
	last, _ := excelize.CoordinatesToCellName(len(header), 1)
	if err := f.SetCellStyle(data, "A1", last, bold); err != nil {
		return err
	}
	if err := f.SetPanes(data, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	if err := villageGuideSheet(f, lang, bold); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}

// villageGuideSheet adds the template's guide sheet to f.
func villageGuideSheet(f *excelize.File, lang model.Lang, bold int) error {
	guide := lang.Pick("hướng dẫn", "guide")
	if _, err := f.NewSheet(guide); err != nil {
		return err
	}
	rows := append([][]any{stringsToAny(villageGuideHeader(lang))}, villageGuide(lang)...)
	for r, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, r+1)
		if err := f.SetSheetRow(guide, cell, &row); err != nil {
			return err
		}
	}
	for i, w := range []float64{28, 14, 90, 28} {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(guide, col, col, w); err != nil {
			return err
		}
	}
	return f.SetCellStyle(guide, "A1", "D1", bold)
}

func stringsToAny(s []string) []any {
	out := make([]any, len(s))
	for i, x := range s {
		out[i] = x
	}
	return out
}
