package tables

import (
	"strings"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// The attribute columns of the people table (issue 22 item 2), after
// capacity_hours and before the holding groups, one per attribute, each
// optional:
//
//	veteran                yes or no: a veteran (cựu chiến binh)
//	military_training      yes or no: has military training
//	womens_union           yes or no: member of the Women's Union
//	youth_union            yes or no: member of the Youth Union
//	farmers_association    yes or no: member of the Farmers' Association
//	veterans_association   yes or no: member of the Veterans' Association
//	elderly_association    yes or no: member of the Elderly Association
//	red_cross              yes or no: member of the Red Cross
//
// A header may also use the Vietnamese names ("cựu chiến binh", "huấn
// luyện quân sự", "hội phụ nữ", "đoàn thanh niên", "hội nông dân", "hội
// cựu chiến binh", "hội người cao tuổi", "hội chữ thập đỏ") or the
// attribute keys with hyphens. A missing column, or a blank cell, means
// the attribute is not known for the person (model.Person.Unknown): a
// title's requirement of it is then taken as met, so a roster written
// before these columns existed plans as it did; [CheckPeople] warns where
// that is the case. The writers write every column, yes, no, or blank for
// unknown.

// attrColumn is the canonical column name of single attribute a.
func attrColumn(a model.Attrs) string { return strings.ReplaceAll(model.AttrKey(a), "-", "_") }

// attrOfColumn returns the attribute a header names, if any.
func attrOfColumn(h string) (model.Attrs, bool) {
	if h == "" {
		return 0, false
	}
	a, err := model.ParseAttr(strings.ReplaceAll(h, "_", "-"))
	if err != nil {
		a, err = model.ParseAttr(h)
	}
	return a, err == nil
}

// attrColumns maps each attribute with a column in t to that column's
// header; a second column for one attribute is reported.
func attrColumns(t *tabSheet) map[model.Attrs]string {
	out := map[model.Attrs]string{}
	for i, h := range t.header {
		a, ok := attrOfColumn(h)
		if !ok {
			continue
		}
		if prev, dup := out[a]; dup {
			t.add((&Error{File: t.file, Line: 1, Col: i + 1, Path: h}).Setf(errorsVi, "column for %s given twice (also %q)", attrColumn(a), prev))
			continue
		}
		out[a] = h
	}
	return out
}

// readAttrs reads a person's attribute cells: yes or no (as the other yes/no
// columns); a blank cell or a missing column leaves the attribute unknown.
func readAttrs(c tabCells, cols map[model.Attrs]string) (attrs, unknown model.Attrs) {
	for _, a := range model.Attributes() {
		col, ok := cols[a]
		if !ok || strings.TrimSpace(c.str(col)) == "" {
			unknown |= a
			continue
		}
		if c.boolean(col, true) {
			attrs |= a
		}
	}
	return attrs, unknown
}

// attrHeader lists the attribute columns in the writers' order.
func attrHeader() []string {
	var out []string
	for _, a := range model.Attributes() {
		out = append(out, attrColumn(a))
	}
	return out
}

// attrCells writes p's attributes: yes, no, or blank when unknown.
func attrCells(p *model.Person) []string {
	var out []string
	for _, a := range model.Attributes() {
		switch {
		case p.Unknown.Has(a):
			out = append(out, "")
		case p.Attrs.Has(a):
			out = append(out, "yes")
		default:
			out = append(out, "no")
		}
	}
	return out
}

// attrWarner returns the part of [CheckPeople] that warns, at the first
// person for whom attributes some title requires are unknown, in one
// warning for all of them: those requirements are taken as met for
// everyone without the attribute. A later person is warned about only
// attributes not warned about before (a blank cell in a column the first
// people filled in), so an old roster without the columns gets one warning.
func attrWarner(titles []model.Title, warnings *ErrorList) func(p *model.Person, at func(column, format string, args ...any) *Error) {
	var needed model.Attrs
	for i := range titles {
		needed |= titles[i].Requires.Attrs
	}
	var warned model.Attrs
	return func(p *model.Person, at func(column, format string, args ...any) *Error) {
		miss := p.Unknown & needed &^ warned
		if warnings == nil || miss == 0 {
			return
		}
		warned |= miss
		var cols, ids []string
		for _, a := range model.Attributes() {
			if miss.Has(a) {
				cols = append(cols, attrColumn(a))
			}
		}
		for i := range titles {
			if titles[i].Requires.Attrs&miss != 0 {
				ids = append(ids, titles[i].ID)
			}
		}
		c, t := strings.Join(cols, ", "), strings.Join(ids, ", ")
		*warnings = append(*warnings, at("id",
			"%s: not recorded (no column, or a blank cell): %s; for this person and everyone else without them, what titles %s require of these is taken as met / không có thông tin (thiếu cột hoặc ô trống): %s; với người này và những người khác thiếu thông tin, yêu cầu của các chức danh %s về các thông tin này được coi là đáp ứng",
			p.ID, c, t, c, t))
	}
}
