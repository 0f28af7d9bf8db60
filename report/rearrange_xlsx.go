package report

import (
	"bytes"
	"fmt"
	"math"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/villageplan"
)

// sheetWriter writes tables one under another on one sheet.
type sheetWriter struct {
	f           *excelize.File
	name        string
	row         int
	bold, whole int
}

// newWorkbook makes a workbook whose first sheet is named first.
func newWorkbook(first string) (*excelize.File, int, int, error) {
	f := excelize.NewFile()
	if err := f.SetSheetName("Sheet1", first); err != nil {
		return nil, 0, 0, err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return nil, 0, 0, err
	}
	whole, err := f.NewStyle(&excelize.Style{NumFmt: 3})
	return f, bold, whole, err
}

// line writes one bold line of text.
func (w *sheetWriter) line(s string) error {
	w.row++
	cell, _ := excelize.CoordinatesToCellName(1, w.row)
	if err := w.f.SetCellValue(w.name, cell, s); err != nil {
		return err
	}
	return w.f.SetCellStyle(w.name, cell, cell, w.bold)
}

// table writes t's headers (bold) and rows, then an empty row.
func (w *sheetWriter) table(t *Table) error {
	w.row++
	for i, h := range t.Headers {
		cell, _ := excelize.CoordinatesToCellName(i+1, w.row)
		if err := w.f.SetCellValue(w.name, cell, h); err != nil {
			return err
		}
		if err := w.f.SetCellStyle(w.name, cell, cell, w.bold); err != nil {
			return err
		}
	}
	for _, r := range t.Rows {
		w.row++
		for i, c := range r {
			cell, _ := excelize.CoordinatesToCellName(i+1, w.row)
			var err error
			switch {
			case !c.IsNum:
				err = w.f.SetCellValue(w.name, cell, c.Text)
			case c.Num == math.Trunc(c.Num):
				if err = w.f.SetCellValue(w.name, cell, int64(c.Num)); err == nil {
					err = w.f.SetCellStyle(w.name, cell, cell, w.whole)
				}
			default:
				err = w.f.SetCellValue(w.name, cell, math.Round(c.Num*1e4)/1e4)
			}
			if err != nil {
				return err
			}
		}
	}
	w.row++
	return nil
}

// bytesOf writes the workbook out.
func bytesOf(f *excelize.File) ([]byte, error) {
	defer f.Close()
	var b bytes.Buffer
	if _, err := f.WriteTo(&b); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// TableXLSX writes t as a workbook of one sheet named sheet.
func TableXLSX(t *Table, sheet string) ([]byte, error) {
	f, bold, whole, err := newWorkbook(sheet)
	if err != nil {
		return nil, err
	}
	w := &sheetWriter{f: f, name: sheet, bold: bold, whole: whole}
	if err := w.table(t); err != nil {
		return nil, err
	}
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return nil, err
	}
	return bytesOf(f)
}

// DossierXLSX writes the dossier of NĐ 185/2026 Art. 12(3)(b), one sheet
// per commune that merges villages or keeps one below its floor: the
// households now of each village, the option (the resolution's
// sentences), the names of the villages after, and the plan for each paid
// person. A province with no such commune gets one sheet that says so.
func DossierXLSX(sum *RearrangeSummary, cs []villageplan.Commune) ([]byte, error) {
	lang := sum.Lang
	var f *excelize.File
	var bold, whole int
	persons := map[string][]villageplan.PersonPlan{}
	if sum.People != nil {
		for _, p := range sum.People.Persons {
			persons[p.Commune] = append(persons[p.Commune], p)
		}
	}
	used := map[string]bool{}
	for i := range cs {
		c := &cs[i]
		if c.Plan.Objective.Merges == 0 && len(c.Plan.Explanations) == 0 {
			continue
		}
		name := uniqueSheet(sheetName(c.Unit.Code+" "+c.Unit.Name), used)
		var err error
		if f == nil {
			f, bold, whole, err = newWorkbook(name)
		} else {
			_, err = f.NewSheet(name)
		}
		if err != nil {
			return nil, err
		}
		w := &sheetWriter{f: f, name: name, bold: bold, whole: whole}
		if err := dossierSheet(w, sum, c, persons[c.Unit.Code], lang); err != nil {
			return nil, err
		}
	}
	if f == nil {
		var err error
		if f, _, _, err = newWorkbook(sheetName(lang.Pick("Hồ sơ", "Dossier"))); err != nil {
			return nil, err
		}
		if err := f.SetCellValue(sheetName(lang.Pick("Hồ sơ", "Dossier")), "A1", lang.Pick("Không xã nào phải sắp xếp thôn.", "No commune has villages to rearrange.")); err != nil {
			return nil, err
		}
	}
	return bytesOf(f)
}

// uniqueSheet returns name, or name with a number when it is taken.
func uniqueSheet(name string, used map[string]bool) string {
	out := name
	for i := 2; used[strings.ToLower(out)]; i++ {
		suffix := fmt.Sprintf(" (%d)", i)
		r := []rune(name)
		if len(r)+len(suffix) > 31 {
			r = r[:31-len(suffix)]
		}
		out = string(r) + suffix
	}
	used[strings.ToLower(out)] = true
	return out
}

// dossierSheet writes one commune's dossier.
func dossierSheet(w *sheetWriter, sum *RearrangeSummary, c *villageplan.Commune, persons []villageplan.PersonPlan, lang model.Lang) error {
	L := lang.Pick
	if err := w.line(fmt.Sprintf(L("Hồ sơ sắp xếp thôn, tổ dân phố — %s (%s), ngày %s (NĐ 185/2026 Điều 12 khoản 3 điểm b)",
		"Village rearrangement dossier — %s (%s), %s (NĐ 185/2026 Art. 12(3)(b))"), c.Unit.Name, c.Unit.Code, sum.Date)); err != nil {
		return err
	}
	w.row++
	sections := []struct {
		title model.Text
		table *Table
	}{
		{model.Text{Vi: "1. Số hộ hiện nay của từng thôn, tổ dân phố", En: "1. Households now, by village"}, dossierVillages(c, lang)},
		{model.Text{Vi: "2. Phương án sắp xếp", En: "2. The option"}, dossierOption(sum, c, lang)},
		{model.Text{Vi: "3. Tên thôn, tổ dân phố sau sắp xếp", En: "3. The names of the villages after"}, dossierNames(c, lang)},
		{model.Text{Vi: "4. Phương án bố trí từng người hưởng phụ cấp", En: "4. The plan for each paid person"}, dossierPeople(persons, lang)},
	}
	for _, s := range sections {
		if err := w.line(s.title.In(lang)); err != nil {
			return err
		}
		if err := w.table(s.table); err != nil {
			return err
		}
	}
	return nil
}

// dossierVillages is section 1: every village now, its floor and band.
func dossierVillages(c *villageplan.Commune, lang model.Lang) *Table {
	t := newTable([]column{
		{"village", model.Text{Vi: "Mã thôn", En: "Village code"}, ""},
		{"name", model.Text{Vi: "Tên thôn", En: "Village"}, ""},
		{"households", model.Text{Vi: "Số hộ", En: "Households"}, ""},
		{"floor", model.Text{Vi: "Mức chuẩn", En: "Floor"}, ""},
		{"share", model.Text{Vi: "Tỷ lệ so với mức chuẩn", En: "Share of the floor"}, ""},
		{"band", model.Text{Vi: "Nhóm", En: "Band"}, ""},
		{"floor_why", model.Text{Vi: "Căn cứ mức chuẩn", En: "Why this floor"}, ""},
	}, lang)
	for i, v := range c.Commune.Villages {
		share := 1.0
		if v.Floor > 0 {
			share = float64(v.Households) / float64(v.Floor)
		}
		t.Rows = append(t.Rows, []Cell{text(v.Code), text(v.Name), num(float64(v.Households)), num(float64(v.Floor)), num(share),
			text(c.Floors[i].Band(v.Households).Text().In(lang)), text(c.Floors[i].ReasonText().In(lang))})
	}
	return t
}

// dossierOption is section 2: the resolution's sentence for each merged
// village, and why each village left below its floor stays.
func dossierOption(sum *RearrangeSummary, c *villageplan.Commune, lang model.Lang) *Table {
	t := newTable([]column{{"option", model.Text{Vi: "Nội dung", En: "Option"}, ""}}, lang)
	vs := c.Commune.Villages
	for _, g := range c.Plan.Groups {
		if len(g.Members) > 1 {
			t.Rows = append(t.Rows, []Cell{text(Resolution(vs, g, lang))})
		}
	}
	for _, e := range c.Plan.Explanations {
		v := vs[e.Village]
		t.Rows = append(t.Rows, []Cell{text(fmt.Sprintf(lang.Pick("Giữ nguyên %s (%s hộ, mức chuẩn %s): %s", "Keep %s (%s households, floor %s): %s"),
			villageNamed(v, lang), lang.Int(int64(v.Households)), lang.Int(int64(v.Floor)), e.Text.In(lang)))})
	}
	t.Rows = append(t.Rows, []Cell{text(fmt.Sprintf(lang.Pick("Mục tiêu: %s; tối đa %d thôn nhập thành một; kết quả: %s.", "Goal: %s; at most %d villages into one; result: %s."),
		sum.GoalText, sum.MaxMerge, c.Plan.Status.Text().In(lang)))})
	return t
}

// dossierNames is section 3: the villages after.
func dossierNames(c *villageplan.Commune, lang model.Lang) *Table {
	t := newTable([]column{
		{"village", model.Text{Vi: "Mã thôn", En: "Village code"}, ""},
		{"name", model.Text{Vi: "Tên thôn sau sắp xếp", En: "Village after"}, ""},
		{"households", model.Text{Vi: "Số hộ", En: "Households"}, ""},
		{"floor", model.Text{Vi: "Mức chuẩn", En: "Floor"}, ""},
		{"from", model.Text{Vi: "Hình thành từ", En: "Formed from"}, ""},
	}, lang)
	vs := c.Commune.Villages
	for _, g := range c.Plan.Groups {
		k := vs[g.Members[0]]
		var from []string
		for _, m := range g.Members {
			from = append(from, vs[m].Name)
		}
		t.Rows = append(t.Rows, []Cell{text(k.Code), text(k.Name), num(float64(g.Households)), num(float64(g.Floor)), text(strings.Join(from, ", "))})
	}
	return t
}

// dossierPeople is section 4: each paid person's plan.
func dossierPeople(persons []villageplan.PersonPlan, lang model.Lang) *Table {
	t := newTable([]column{
		{"id", model.Text{Vi: "Mã người", En: "Person ID"}, ""},
		{"name", model.Text{Vi: "Họ và tên", En: "Name"}, ""},
		{"titles_before", model.Text{Vi: "Chức danh hiện nay", En: "Titles now"}, ""},
		{"plan", model.Text{Vi: "Phương án", En: "Plan"}, ""},
		{"titles_after", model.Text{Vi: "Chức danh sau sắp xếp", En: "Titles after"}, ""},
		{"severance", model.Text{Vi: "Trợ cấp thôi việc (đồng)", En: "Severance (đồng)"}, moneyUnit},
		{"regime", model.Text{Vi: "Chế độ", En: "Regime"}, ""},
	}, lang)
	for _, p := range persons {
		t.Rows = append(t.Rows, []Cell{text(p.ID), text(p.Name), text(strings.Join(orCodes(p.Held, p.TitlesBefore), "; ")), text(personPlanText(p.Status, lang)),
			text(strings.Join(orCodes(p.Holds, p.TitlesAfter), "; ")), num(float64(p.Severance)), text(p.Regime)})
	}
	return t
}

// personPlanText names a person's outcome.
func personPlanText(status string, lang model.Lang) string {
	switch status {
	case "kept":
		return lang.Pick("tiếp tục bố trí", "kept")
	case "released":
		return lang.Pick("nghỉ, hưởng chế độ", "released with severance")
	case "new":
		return lang.Pick("tuyển mới", "new recruit")
	case "appointed":
		return lang.Pick("bố trí mới", "appointed")
	}
	return status
}

// orCodes is names when there are as many as codes, else codes.
func orCodes(names, codes []string) []string {
	if len(names) == len(codes) {
		return names
	}
	return codes
}
