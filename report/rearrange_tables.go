package report

import (
	"strings"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// column is one column of a rearrangement table: its machine key, its
// header in both languages and its unit ("" for text and counts).
type column struct {
	key  string
	head model.Text
	unit string
}

// newTable makes an empty table of cols with headers in lang.
func newTable(cols []column, lang model.Lang) *Table {
	t := &Table{}
	for _, c := range cols {
		t.Columns = append(t.Columns, c.key)
		t.Headers = append(t.Headers, c.head.In(lang))
		t.Units = append(t.Units, c.unit)
	}
	return t
}

var mappingColumns = []column{
	{"commune", model.Text{Vi: "Mã xã", En: "Commune code"}, ""},
	{"commune_name", model.Text{Vi: "Tên xã", En: "Commune"}, ""},
	{"village", model.Text{Vi: "Mã thôn cũ", En: "Old village code"}, ""},
	{"name", model.Text{Vi: "Tên thôn cũ", En: "Old village"}, ""},
	{"households", model.Text{Vi: "Số hộ hiện nay", En: "Households now"}, ""},
	{"floor", model.Text{Vi: "Mức chuẩn số hộ", En: "Household floor"}, ""},
	{"new_village", model.Text{Vi: "Mã thôn mới", En: "New village code"}, ""},
	{"new_name", model.Text{Vi: "Tên thôn mới", En: "New village"}, ""},
	{"new_households", model.Text{Vi: "Số hộ thôn mới", En: "Households of the new village"}, ""},
	{"new_floor", model.Text{Vi: "Mức chuẩn thôn mới", En: "Floor of the new village"}, ""},
	{"merged", model.Text{Vi: "Sáp nhập", En: "Merged"}, ""},
	{"resolution", model.Text{Vi: "Nội dung nghị quyết", En: "Resolution"}, ""},
}

// MappingTable is the old → new village mapping, one row per old village,
// with the sentence of the commune HĐND resolution.
func MappingTable(sum *RearrangeSummary) *Table {
	t := newTable(mappingColumns, sum.Lang)
	yes := func(b bool) string {
		if b {
			return sum.Lang.Pick("có", "yes")
		}
		return sum.Lang.Pick("không", "no")
	}
	for _, r := range sum.Mapping {
		t.Rows = append(t.Rows, []Cell{text(r.Commune), text(r.CommuneName), text(r.Village), text(r.Name),
			num(float64(r.Households)), num(float64(r.Floor)), text(r.NewVillage), text(r.NewName),
			num(float64(r.NewHouseholds)), num(float64(r.NewFloor)), text(yes(r.Merged)), text(r.Resolution)})
	}
	return t
}

// bandColumns are the columns of the bands table after the commune's.
func bandColumns() []column {
	cols := []column{
		{"commune", model.Text{Vi: "Mã xã", En: "Commune code"}, ""},
		{"commune_name", model.Text{Vi: "Tên xã", En: "Commune"}, ""},
	}
	for _, when := range []model.Text{{Vi: "trước", En: "before"}, {Vi: "sau", En: "after"}} {
		k := "_" + when.En
		cols = append(cols,
			column{"villages" + k, model.Text{Vi: "Số thôn " + when.Vi, En: "Villages " + when.En}, ""},
			column{"meets" + k, model.Text{Vi: "Đạt ≥ 100 % " + when.Vi, En: "≥ 100 % " + when.En}, ""},
			column{"half" + k, model.Text{Vi: "50 đến < 100 % " + when.Vi, En: "50 to < 100 % " + when.En}, ""},
			column{"under_half" + k, model.Text{Vi: "< 50 % " + when.Vi, En: "< 50 % " + when.En}, ""},
			column{"meets_share" + k, model.Text{Vi: "Tỷ lệ đạt " + when.Vi, En: "Share at the floor " + when.En}, ""})
	}
	return append(cols,
		column{"merges", model.Text{Vi: "Số thôn được nhập", En: "Villages merged away"}, ""},
		column{"people_before", model.Text{Vi: "Số người trước", En: "People before"}, ""},
		column{"people_after", model.Text{Vi: "Số người sau", En: "People after"}, ""},
		column{"released", model.Text{Vi: "Số người nghỉ", En: "Released"}, ""},
		column{"severance", model.Text{Vi: "Trợ cấp thôi việc (đồng)", En: "Severance (đồng)"}, moneyUnit},
		column{"status", model.Text{Vi: "Kết quả giải", En: "Solve status"}, ""},
		column{"gap", model.Text{Vi: "Khoảng cách", En: "Gap"}, ""})
}

// BandsTable is the table provinces report: villages at ≥ 100 %, 50 to
// < 100 % and < 50 % of their floor, before and after, by commune and for
// the province (the last row).
func BandsTable(sum *RearrangeSummary) *Table {
	t := newTable(bandColumns(), sum.Lang)
	row := func(c CommuneBands) []Cell {
		r := []Cell{text(c.Commune), text(c.CommuneName)}
		for _, b := range []Bands{c.Before, c.After} {
			r = append(r, num(float64(b.Villages)), num(float64(b.Meets)), num(float64(b.Half)), num(float64(b.UnderHalf)), num(b.MeetsShare))
		}
		return append(r, num(float64(c.Merges)), num(float64(c.PeopleBefore)), num(float64(c.PeopleAfter)), num(float64(c.Released)),
			num(float64(c.Severance)), text(c.Status), num(float64(c.Gap)))
	}
	total := CommuneBands{CommuneName: sum.Lang.Pick("Toàn tỉnh", "Province total"), Before: sum.BandsBefore, After: sum.BandsAfter,
		Merges: sum.Merges, Status: "optimal"}
	for _, c := range sum.ByCommune {
		t.Rows = append(t.Rows, row(c))
		total.Gap += c.Gap
		total.PeopleBefore += c.PeopleBefore
		total.PeopleAfter += c.PeopleAfter
		total.Released += c.Released
		total.Severance += c.Severance
	}
	if len(sum.Limited) > 0 {
		total.Status = "limited"
	}
	t.Rows = append(t.Rows, row(total))
	return t
}

// sheetName makes an XLSX sheet name of s: at most 31 characters, none of
// those Excel forbids.
func sheetName(s string) string {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) {
			return '-'
		}
		return r
	}, s)
	if r := []rune(s); len(r) > 31 {
		s = string(r[:31])
	}
	return strings.TrimSpace(s)
}
