package tables

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// TemplateGroups is how many holding groups (Chức danh 1 … 3) the roster
// template has; a person with more titles adds groups to the right.
const TemplateGroups = 3

// templateRows is how many rows of the template carry the drop-down lists
// and the text format.
const templateRows = 2000

// WriteRosterTemplate writes an empty roster (people table) as an XLSX
// workbook for a planner to fill in: a sheet with the header in lang
// (STT, Mã cán bộ, Họ và tên, …, Chức danh 1, Mã đơn vị 1, …), drop-down
// lists of the title names (in lang) and unit codes of the scenario and
// of the values of sex, education and the yes/no columns, code and date
// columns formatted as text (so that 00127 keeps its zeros); a sheet
// listing the titles and units; and a notes sheet saying what each column
// means. What is filled in reads with [ReadPeopleXLSX].
func WriteRosterTemplate(w io.Writer, units []model.Unit, titles []model.Title, lang model.Lang) error {
	f := excelize.NewFile()
	defer f.Close()
	roster, lists, notes := lang.Pick("Danh sách", "Roster"), lang.Pick("Danh mục", "Lists"), lang.Pick("Ghi chú", "Notes")
	if err := f.SetSheetName("Sheet1", roster); err != nil {
		return err
	}
	header := append([]string{lang.Pick("STT", "No.")}, rosterHeader(TemplateGroups, lang)...)
	if err := headerRow(f, roster, header); err != nil {
		return err
	}
	if _, err := f.NewSheet(lists); err != nil {
		return err
	}
	nTitles, nUnits, err := writeLists(f, lists, units, titles, lang)
	if err != nil {
		return err
	}
	if err := rosterValidation(f, roster, lists, len(header), nTitles, nUnits, lang); err != nil {
		return err
	}
	if _, err := f.NewSheet(notes); err != nil {
		return err
	}
	if err := writeNotes(f, notes, header, rosterNotes(lang)); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}

// headerRow writes a bold, frozen header row with every column as text.
func headerRow(f *excelize.File, sheet string, header []string) error {
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, NumFmt: 49, Alignment: &excelize.Alignment{WrapText: true}})
	if err != nil {
		return err
	}
	text, err := f.NewStyle(&excelize.Style{NumFmt: 49})
	if err != nil {
		return err
	}
	for i, h := range header {
		cell, _ := excelize.CoordinatesToCellName(i+1, 1)
		if err := f.SetCellValue(sheet, cell, h); err != nil {
			return err
		}
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColStyle(sheet, col, text); err != nil {
			return err
		}
		if err := f.SetColWidth(sheet, col, col, max(12, float64(len([]rune(h)))+2)); err != nil {
			return err
		}
	}
	last, _ := excelize.CoordinatesToCellName(len(header), 1)
	if err := f.SetCellStyle(sheet, "A1", last, bold); err != nil {
		return err
	}
	return f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}

// writeLists writes the title names (column A) and the unit codes with
// their names and levels (columns B to D) the drop-down lists point at.
func writeLists(f *excelize.File, sheet string, units []model.Unit, titles []model.Title, lang model.Lang) (nTitles, nUnits int, err error) {
	head := []any{lang.Pick("Chức danh", "Title"), lang.Pick("Mã đơn vị", "Unit code"), lang.Pick("Tên đơn vị", "Unit name"), lang.Pick("Cấp", "Level"), lang.Pick("Mã chức danh", "Title ID")}
	if err := f.SetSheetRow(sheet, "A1", &head); err != nil {
		return 0, 0, err
	}
	text, err := f.NewStyle(&excelize.Style{NumFmt: 49})
	if err != nil {
		return 0, 0, err
	}
	if err := f.SetColStyle(sheet, "B", text); err != nil {
		return 0, 0, err
	}
	for i := range titles {
		row := []any{titles[i].Name.In(lang)}
		if err := f.SetSheetRow(sheet, fmt.Sprintf("A%d", i+2), &row); err != nil {
			return 0, 0, err
		}
		if err := f.SetCellStr(sheet, fmt.Sprintf("E%d", i+2), titles[i].ID); err != nil {
			return 0, 0, err
		}
	}
	for i := range units {
		u := &units[i]
		row := []any{u.Code, u.Name, levelText(u.Level, lang)}
		if err := f.SetSheetRow(sheet, fmt.Sprintf("B%d", i+2), &row); err != nil {
			return 0, 0, err
		}
	}
	for col, w := range map[string]float64{"A": 40, "B": 14, "C": 28, "D": 10, "E": 30} {
		if err := f.SetColWidth(sheet, col, col, w); err != nil {
			return 0, 0, err
		}
	}
	return len(titles), len(units), nil
}

func levelText(l model.Level, lang model.Lang) string {
	vi := map[model.Level]string{model.Province: "tỉnh", model.District: "huyện", model.Commune: "xã", model.Village: "thôn"}
	if lang == model.English {
		return l.String()
	}
	return vi[l]
}

// dropList is a drop-down list on column i of the roster header: list, or
// the cells ref points at.
type dropList struct {
	i    int
	list []string
	ref  string
}

// rosterValidation adds the drop-down lists to the roster's columns: the
// header has STT first, then the person columns, the attributes and the
// holding groups; the placed_from_commune column, a date, gets a prompt.
func rosterValidation(f *excelize.File, sheet, lists string, width, nTitles, nUnits int, lang model.Lang) error {
	col := func(i int) string { c, _ := excelize.ColumnNumberToName(i + 2); return c } // i: index in rosterHeader
	rng := func(i int) string { return fmt.Sprintf("%s2:%s%d", col(i), col(i), templateRows+1) }
	yesNo := []string{lang.Pick("có", "yes"), lang.Pick("không", "no")}
	sexes := []string{lang.Pick("nam", "male"), lang.Pick("nữ", "female")}
	edu := model.EducationNames()
	if lang != model.English {
		edu = eduVi[:]
	}
	add := func(i int, list []string, ref string) error {
		dv := excelize.NewDataValidation(true)
		dv.Sqref = rng(i)
		if ref != "" {
			dv.SetSqrefDropList(ref)
		} else if err := dv.SetDropList(list); err != nil {
			return err
		}
		return f.AddDataValidation(sheet, dv)
	}
	unitsRef := fmt.Sprintf("'%s'!$B$2:$B$%d", lists, max(nUnits, 1)+1)
	titlesRef := fmt.Sprintf("'%s'!$A$2:$A$%d", lists, max(nTitles, 1)+1)
	steps := []dropList{{3, sexes, ""}, {4, edu, ""}, {5, yesNo, ""}, {6, nil, unitsRef}}
	for a := range model.Attributes() {
		steps = append(steps, dropList{len(peopleColumns) + a, yesNo, ""})
	}
	placed := len(peopleColumns) + len(model.Attributes())
	base := placed + 1
	for k := range TemplateGroups {
		g := base + k*len(peopleHoldingFields)
		steps = append(steps, dropList{g, nil, titlesRef}, dropList{g + 1, nil, unitsRef}, dropList{g + 4, yesNo, ""})
	}
	for _, s := range steps {
		if s.i+1 >= width {
			continue
		}
		if err := add(s.i, s.list, s.ref); err != nil {
			return err
		}
	}
	return placedPrompt(f, sheet, rng(placed), lang)
}

// writeNotes writes one row per column: its header and what it means.
func writeNotes(f *excelize.File, sheet string, header []string, notes []string) error {
	head := []any{"Cột / Column", "Ý nghĩa / Meaning"}
	if err := f.SetSheetRow(sheet, "A1", &head); err != nil {
		return err
	}
	for i, h := range header {
		note := ""
		if i < len(notes) {
			note = notes[i]
		}
		row := []any{h, note}
		if err := f.SetSheetRow(sheet, fmt.Sprintf("A%d", i+2), &row); err != nil {
			return err
		}
	}
	if err := f.SetColWidth(sheet, "A", "A", 28); err != nil {
		return err
	}
	return f.SetColWidth(sheet, "B", "B", 110)
}
