package scenarios

import (
	"fmt"
	"reflect"
	"sort"
	"strings"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/tables"
)

// A title's changes are the law's changes to it by date (an allowance
// raised by a decree, a requirement added, an elected post made an
// appointed one). Each entry of `changes` holds the fields that changed,
// from its date on; the title's version on a date is its own fields with
// every change up to that date laid over them in date order, field by field
// as a variant is laid over the file it extends, except that a `term` is
// replaced whole (a term rule is one rule: an appointed title has no term
// length), and so is a workload where an activity table is involved. A
// variant's change on the same date as an inherited one
// replaces it; others are added. A field a variant sets outside changes
// holds on every date: it is taken out of the inherited changes (a change
// left with nothing but its date and source is dropped), so "allowance:
// 1.4" in a variant means 1.4, not 1.4 until the next inherited change.

// datedChange is one change of a merged title with where it was written.
type datedChange struct {
	from   model.Date
	ft     *fileTitle
	origin titleOrigin
}

// checkTitleChanges checks the changes of title t at path in one file:
// each has a date (no two the same), a source, and only fields a change
// may have.
func checkTitleChanges(c checker, path string, t *fileTitle) {
	if t.From != nil {
		c.fail(path+".from", "from applies only to an entry of changes (the title's fields from a date)")
	}
	seen := map[model.Date]int{}
	for j := range t.Changes {
		ch := &t.Changes[j]
		p := fmt.Sprintf("%s.changes[%d]", path, j)
		for _, f := range []struct {
			set  bool
			name string
		}{{ch.ID != nil, "id"}, {ch.Level != nil, "level"}, {ch.Remove != nil, "remove"}, {ch.Changes != nil, "changes"}} {
			if f.set {
				c.fail(p+"."+f.name, "a change cannot set %s: it changes the fields of the title it is in", f.name)
			}
		}
		d := c.date(p+".from", ch.From, true)
		if k, dup := seen[d]; dup && d != 0 {
			c.fail(p+".from", "changes[%d] already changes the title on %s", k, d)
		}
		seen[d] = j
		if ch.Source == nil || strings.TrimSpace(*ch.Source) == "" {
			c.fail(p+".source", "required: where the change comes from (decree, or \"assumption: …\")")
		}
		convTitle(c, p, ch, false)
	}
}

// addChanges lays the changes of file f's title at path over the merged
// ones, by date, after taking the fields t sets on every date out of them.
func addChanges(old []datedChange, f *srcFile, path string, t *fileTitle) []datedChange {
	var out []datedChange
	for _, dc := range old {
		cp := *dc.ft
		clearSet(reflect.ValueOf(&cp).Elem(), reflect.ValueOf(t).Elem())
		if !reflect.DeepEqual(cp, fileTitle{From: cp.From, Source: cp.Source}) {
			dc.ft = &cp
			out = append(out, dc)
		}
	}
	for j := range t.Changes {
		ch := &t.Changes[j]
		d, _ := model.ParseDate(strOr(ch.From, "")) // checked in checkFile
		dc := datedChange{from: d, ft: ch, origin: titleOrigin{f, fmt.Sprintf("%s.changes[%d]", path, j)}}
		i := sort.Search(len(out), func(i int) bool { return out[i].from >= d })
		if i < len(out) && out[i].from == d {
			out[i] = dc
			continue
		}
		out = append(out, datedChange{})
		copy(out[i+1:], out[i:])
		out[i] = dc
	}
	return out
}

// clearSet clears in dst every field src sets, leaf by leaf within nested
// fields (a variant's requires.min_age leaves a change's requires.sex), a
// term and a workload whole; a nested field left empty is cleared. Identity and bookkeeping
// fields (id, from, source, changes, remove) are kept.
func clearSet(dst, src reflect.Value) {
	for i := range src.NumField() {
		switch dst.Type().Field(i).Name {
		case "ID", "From", "Source", "Changes", "Remove":
			continue
		}
		sf, df := src.Field(i), dst.Field(i)
		if sf.IsZero() || df.IsZero() {
			continue
		}
		if name := dst.Type().Field(i).Name; sf.Kind() == reflect.Pointer && sf.Elem().Kind() == reflect.Struct && name != "Term" && name != "Workload" {
			cp := reflect.New(df.Elem().Type())
			cp.Elem().Set(df.Elem())
			clearSet(cp.Elem(), sf.Elem())
			if !cp.Elem().IsZero() {
				df.Set(cp)
				continue
			}
		}
		df.SetZero()
	}
}

// layTitle lays src over the merged title dst field by field, a term
// whole.
func layTitle(dst, src *fileTitle) {
	if src.Term != nil {
		dst.Term = nil
	}
	layWorkload(dst, src)
	mergeStruct(reflect.ValueOf(dst).Elem(), reflect.ValueOf(src).Elem())
}

// titleVersions converts the merged title t (base) with its changes into
// the title in force on date, carrying every version. Errors of a version
// are reported at the change that made it, unless the base already failed.
func titleVersions(c checker, o titleOrigin, t *fileTitle, changes []datedChange, date model.Date) model.Title {
	n := len(*c.errs)
	base := convTitle(checker{f: o.f, errs: c.errs}, o.path, t, true)
	if len(changes) == 0 {
		return base
	}
	baseFailed := len(*c.errs) > n
	versions := []model.TitleVersion{{Title: base}}
	cum := *t
	for _, ch := range changes {
		chc := *ch.ft
		chc.From = nil
		layTitle(&cum, &chc)
		vc := checker{f: ch.origin.f, errs: c.errs}
		if baseFailed {
			vc.errs = new(tables.ErrorList)
		}
		versions = append(versions, model.TitleVersion{From: ch.from, Title: convTitle(vc, ch.origin.path, &cum, true)})
	}
	out := model.Title{Versions: versions}
	return out.At(date)
}

// titleFileDated writes title t with its changes: its first version as the
// title's fields and each later version, from its date, as a change of the
// fields that differ from the version before it.
func titleFileDated(t *model.Title) fileTitle {
	if len(t.Versions) == 0 {
		return titleFile(t)
	}
	ft := titleFile(&t.Versions[0].Title)
	prev := ft
	for _, v := range t.Versions[1:] {
		cur := titleFile(&v.Title)
		ch := cur
		keepChanged(reflect.ValueOf(&ch).Elem(), reflect.ValueOf(prev))
		ch.ID, ch.Level, ch.Source, ch.From = nil, nil, cur.Source, ptr(v.From.String())
		ft.Changes = append(ft.Changes, ch)
		prev = cur
	}
	return ft
}

// keepChanged clears every field of ch equal to the one in prev.
func keepChanged(ch, prev reflect.Value) {
	for i := range ch.NumField() {
		if reflect.DeepEqual(ch.Field(i).Interface(), prev.Field(i).Interface()) {
			ch.Field(i).SetZero()
		}
	}
}
