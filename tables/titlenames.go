package tables

import (
	"fmt"
	"sort"
	"strings"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// titleNames finds the title a roster cell names: its ID ("truong-thon"),
// its Vietnamese or English name ("Trưởng thôn / Tổ trưởng tổ dân phố",
// "Village head / residential-group head"), or one part of a name that
// joins several with " / " ("Tổ trưởng tổ dân phố"), compared after
// [fold], so case and diacritics do not matter.
type titleNames struct {
	byKey map[string][]*model.Title // folded name → titles
	keys  []string                  // every name as written, for suggestions
	ids   []string                  // every ID, for suggestions to a cell written as one
}

func newTitleNames(titles []model.Title) *titleNames {
	n := &titleNames{byKey: map[string][]*model.Title{}}
	seen := map[string]bool{}
	for i := range titles {
		t := &titles[i]
		n.ids = append(n.ids, t.ID)
		for _, name := range titleAliases(t) {
			k := fold(name)
			if k == "" {
				continue
			}
			if !containsTitle(n.byKey[k], t) {
				n.byKey[k] = append(n.byKey[k], t)
			}
			if !seen[name] {
				seen[name] = true
				n.keys = append(n.keys, name)
			}
		}
	}
	sort.Strings(n.keys)
	return n
}

// titleAliases are the names a cell may give t by.
func titleAliases(t *model.Title) []string {
	out := []string{t.ID, t.Name.Vi, t.Name.En}
	for _, name := range []string{t.Name.Vi, t.Name.En} {
		if parts := strings.Split(name, " / "); len(parts) > 1 {
			out = append(out, parts...)
		}
	}
	return out
}

func containsTitle(ts []*model.Title, t *model.Title) bool {
	for _, x := range ts {
		if x == t {
			return true
		}
	}
	return false
}

// resolve returns the ID of the title cell names in unit u (nil: unknown
// unit), or a message saying why there is none: no such title, with the
// nearest name when the cell looks like a typo of it, or a name that
// several titles of u share.
func (n *titleNames) resolve(cell string, u *model.Unit) (string, model.Text) {
	ts := n.byKey[fold(cell)]
	if len(ts) > 1 && u != nil {
		var in []*model.Title
		for _, t := range ts {
			if t.AppliesTo(u) {
				in = append(in, t)
			}
		}
		if len(in) > 0 {
			ts = in
		}
	}
	switch len(ts) {
	case 1:
		return ts[0].ID, model.Text{}
	case 0:
		msg := fmt.Sprintf("no title %q in the scenario / không có chức danh %q trong kịch bản", cell, cell)
		vi := fmt.Sprintf("không có chức danh %q trong kịch bản", cell)
		keys := n.keys
		if strings.Contains(cell, "-") && !strings.Contains(strings.TrimSpace(cell), " ") {
			keys = n.ids // written as an ID: suggest an ID
		}
		if best, ok := nearest(cell, keys); ok {
			msg += fmt.Sprintf("; did you mean %q? / có phải là %q?", best, best)
			vi += fmt.Sprintf("; có phải là %q?", best)
		}
		return "", model.Text{Vi: vi, En: msg}
	}
	ids := make([]string, len(ts))
	for i, t := range ts {
		ids[i] = t.ID
	}
	list := strings.Join(ids, ", ")
	return "", model.Text{
		Vi: fmt.Sprintf("%q là tên của nhiều chức danh (%s): hãy ghi mã chức danh", cell, list),
		En: fmt.Sprintf("%q names several titles (%s): write the title ID / %q là tên của nhiều chức danh (%s): hãy ghi mã chức danh", cell, list, cell, list)}
}

// unitHint suggests, for a unit code that is no unit, the code it becomes
// with the leading zeros that a number cell drops (Excel turns 00127 into
// 127 unless the column is formatted as Text).
func unitHint(code string, units map[string]*model.Unit) model.Text {
	c := strings.TrimSpace(code)
	if c == "" || strings.Trim(c, "0123456789") != "" {
		return model.Text{}
	}
	for w := len(c) + 1; w <= len(c)+6; w++ {
		padded := strings.Repeat("0", w-len(c)) + c
		if _, ok := units[padded]; ok {
			return model.Text{
				Vi: fmt.Sprintf("; có phải là %q? Hãy định dạng cột mã đơn vị là Text để Excel giữ số 0 ở đầu", padded),
				En: fmt.Sprintf("; did you mean %q? Format unit-code columns as Text so that Excel keeps leading zeros / có phải là %q? Hãy định dạng cột mã đơn vị là Text để Excel giữ số 0 ở đầu", padded, padded)}
		}
	}
	return model.Text{}
}
