package tables

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// A people table's header may name its columns as planners do, in
// Vietnamese or English, in any case and with or without diacritics: "STT,
// Họ và tên, Ngày sinh, Giới tính, …, Chức danh 1, Mã đơn vị 1, …" reads as
// "stt, name, birth_date, sex, …, title_1, unit_1, …". The names each
// column takes are in peopleAliases and groupAliases (compared after
// [fold]); the writers' own names (id, title_1, …) are always accepted.
//
// Some columns are read and not used: stt (the row number a Vietnamese
// list starts with; it serves as the id when there is no id column), and
// the columns a plan written as a roster adds (status, reason,
// titles_before, severance_estimate_dong; see [WritePlanRosterCSV]).

// peopleAliases maps folded header names to canonical person columns.
var peopleAliases = map[string]string{
	"id": "id", "ma can bo": "id", "ma nguoi": "id", "ma so": "id", "ma": "id", "person": "id",
	"name": "name", "ho va ten": "name", "ho ten": "name", "full name": "name",
	"birth date": "birth_date", "ngay sinh": "birth_date", "ngay thang nam sinh": "birth_date", "date of birth": "birth_date",
	"sex": "sex", "gioi tinh": "sex", "gender": "sex",
	"education": "education", "trinh do": "education", "trinh do hoc van": "education", "hoc van": "education", "trinh do chuyen mon": "education",
	"party member": "party_member", "dang vien": "party_member",
	"residence": "residence", "noi cu tru": "residence", "noi o": "residence", "ma noi cu tru": "residence", "thon cu tru": "residence",
	"capacity hours": "capacity_hours", "so gio moi tuan": "capacity_hours", "so gio/tuan": "capacity_hours", "gio moi tuan": "capacity_hours", "hours per week": "capacity_hours",
	"stt": colSTT, "so thu tu": colSTT, "no.": colSTT, "no": colSTT,
	"status": colStatus, "trang thai": colStatus,
	"reason": colReason, "ly do": colReason,
	"titles before": colTitlesBefore, "chuc danh truoc": colTitlesBefore, "chuc danh truoc phuong an": colTitlesBefore,
	"severance estimate dong": colSeverance, "ho tro thoi viec (dong)": colSeverance, "ho tro thoi viec uoc tinh (dong)": colSeverance,
}

// The columns a people table may have that the reader does not use.
const (
	colSTT          = "stt"
	colStatus       = "status"
	colReason       = "reason"
	colTitlesBefore = "titles_before"
	colSeverance    = "severance_estimate_dong"
)

// infoColumns are read and not used.
var infoColumns = []string{colSTT, colStatus, colReason, colTitlesBefore, colSeverance}

// groupAliases maps the folded name of a holding group column, without
// its number, to its field.
var groupAliases = map[string]string{
	"title": "title", "chuc danh": "title",
	"unit": "unit", "ma don vi": "unit", "don vi": "unit", "ma xa": "unit", "ma thon": "unit", "ma xa/thon": "unit", "ma xa/ma thon": "unit", "unit code": "unit",
	"start": "start", "ngay bat dau": "start", "ngay nhan chuc": "start", "tu ngay": "start",
	"term end": "term_end", "het nhiem ky": "term_end", "ngay het nhiem ky": "term_end",
	"main": "main", "chinh": "main", "chuc danh chinh": "main", "la chuc danh chinh": "main",
}

var foldedGroupColumn = regexp.MustCompile(`^(.*?) ?([1-9][0-9]{0,2})$`)

// canonPeopleColumn returns the canonical name of header h, or h itself
// when it is no known alias (attribute columns are left to attrOfColumn).
func canonPeopleColumn(h string) string {
	if _, ok := attrOfColumn(h); ok {
		return h
	}
	f := fold(h)
	if c, ok := peopleAliases[f]; ok {
		return c
	}
	if m := foldedGroupColumn.FindStringSubmatch(f); m != nil {
		if field, ok := groupAliases[m[1]]; ok {
			k, _ := strconv.Atoi(m[2])
			return fmt.Sprintf("%s_%d", field, k)
		}
	}
	return h
}

// canonPeopleHeader renames t's columns to their canonical names, reports
// two columns that name the same thing, and takes stt as the id when the
// table has no id column.
func canonPeopleHeader(t *tabSheet) {
	t.col = make(map[string]int, len(t.header))
	for i, h := range t.header {
		if h == "" {
			continue
		}
		c := canonPeopleColumn(h)
		if j, dup := t.col[c]; dup {
			t.add((&Error{File: t.file, Line: 1, Col: i + 1, Path: c}).Setf(errorsVi, "column %q names %s, as column %d does / cột %q trùng nghĩa với cột %d (%s)", h, c, j+1, h, j+1, c))
			continue
		}
		if c != h {
			if t.shown == nil {
				t.shown = map[string]string{}
			}
			t.shown[c] = h
		}
		t.header[i] = c
		t.col[c] = i
	}
	if _, ok := t.col["id"]; !ok {
		if i, ok := t.col[colSTT]; ok {
			t.header[i] = "id"
			t.col["id"] = i
			delete(t.col, colSTT)
			if t.shown == nil {
				t.shown = map[string]string{}
			}
			t.shown["id"] = colSTT
		}
	}
}

// isInfoColumn reports whether h is a column the reader does not use.
func isInfoColumn(h string) bool {
	for _, c := range infoColumns {
		if h == c {
			return true
		}
	}
	return false
}

// peopleHeaderVi are the Vietnamese headers of the person columns, in the
// order of peopleColumns.
var peopleHeaderVi = []string{"Mã cán bộ", "Họ và tên", "Ngày sinh", "Giới tính", "Trình độ", "Đảng viên", "Nơi cư trú", "Số giờ mỗi tuần"}

// holdingHeaderVi are the Vietnamese headers of a holding group's columns,
// in the order of peopleHoldingFields, before the group number.
var holdingHeaderVi = []string{"Chức danh", "Mã đơn vị", "Ngày bắt đầu", "Hết nhiệm kỳ", "Chức danh chính"}

// attrHeaderVi are the Vietnamese headers of the attribute columns, in
// the order of model.Attributes; each parses with model.ParseAttr.
var attrHeaderVi = []string{"Cựu chiến binh", "Huấn luyện quân sự", "Hội phụ nữ", "Đoàn thanh niên", "Hội nông dân", "Hội cựu chiến binh", "Hội người cao tuổi", "Hội chữ thập đỏ"}

// rosterHeader is the header of a people table with groups holding
// groups, in lang: the writers' own names in English, planners' names in
// Vietnamese.
func rosterHeader(groups int, lang model.Lang) []string {
	var h []string
	if lang == model.Vietnamese {
		h = append(h, peopleHeaderVi...)
		h = append(h, attrHeaderVi[:len(model.Attributes())]...)
		h = append(h, placedFromCommuneHeaderVi)
	} else {
		h = append(append(h, peopleColumns...), attrHeader()...)
		h = append(h, colPlacedFromCommune)
	}
	for k := 1; k <= groups; k++ {
		for i, f := range peopleHoldingFields {
			if lang == model.Vietnamese {
				h = append(h, fmt.Sprintf("%s %d", holdingHeaderVi[i], k))
			} else {
				h = append(h, fmt.Sprintf("%s_%d", f, k))
			}
		}
	}
	return h
}

// vacancyRow reports a row of a plan written as a roster that is a seat to
// recruit for, not a person yet: status new (tuyển mới) and no birth date.
func vacancyRow(c tabCells) bool {
	if !c.t.has(colStatus) || strings.TrimSpace(c.str("birth_date")) != "" {
		return false
	}
	s := fold(c.str(colStatus))
	return s == "new" || s == "tuyen moi"
}
