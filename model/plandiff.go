package model

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// PlanDiff is what changes from one plan to another: the titles whose
// holders differ, the people who come in and the people who are released.
type PlanDiff struct {
	Changes  []HolderChange // by unit, then title
	Added    []string       // hold a title in the second plan and none in the first, sorted
	Released []string       // hold a title in the first plan and none in the second, sorted
}

// HolderChange is one title of one unit whose holders differ between two
// plans.
type HolderChange struct {
	Unit, Title   string
	Before, After []string // person IDs, sorted; empty when the title is vacant
}

// Empty reports whether the two plans give every title the same holders.
func (d PlanDiff) Empty() bool {
	return len(d.Changes) == 0 && len(d.Added) == 0 && len(d.Released) == 0
}

// DiffPlans compares plan a with plan b: which titles change hands, who is added
// and who is released. Whether a title is someone's main or concurrent one
// is not compared.
func DiffPlans(a, b Plan) PlanDiff {
	type key struct{ unit, title string }
	holdersOf := func(p Plan) (map[key][]string, map[string]bool) {
		m := map[key][]string{}
		people := map[string]bool{}
		for _, as := range p.Assignments {
			k := key{as.Unit, as.Title}
			if !slices.Contains(m[k], as.Person) {
				m[k] = append(m[k], as.Person)
			}
			people[as.Person] = true
		}
		for k := range m {
			sort.Strings(m[k])
		}
		return m, people
	}
	ha, pa := holdersOf(a)
	hb, pb := holdersOf(b)
	keys := map[key]bool{}
	for k := range ha {
		keys[k] = true
	}
	for k := range hb {
		keys[k] = true
	}
	var d PlanDiff
	for k := range keys {
		if !slices.Equal(ha[k], hb[k]) {
			d.Changes = append(d.Changes, HolderChange{Unit: k.unit, Title: k.title, Before: ha[k], After: hb[k]})
		}
	}
	sort.Slice(d.Changes, func(i, j int) bool {
		if d.Changes[i].Unit != d.Changes[j].Unit {
			return d.Changes[i].Unit < d.Changes[j].Unit
		}
		return d.Changes[i].Title < d.Changes[j].Title
	})
	for p := range pb {
		if !pa[p] {
			d.Added = append(d.Added, p)
		}
	}
	for p := range pa {
		if !pb[p] {
			d.Released = append(d.Released, p)
		}
	}
	sort.Strings(d.Added)
	sort.Strings(d.Released)
	return d
}

// Text renders the diff in language l: a summary line, one line per title
// that changes hands ("unit title: before → after"), then the people added
// and released.
func (d PlanDiff) Text(l Lang) string {
	if d.Empty() {
		return l.Pick("Không có thay đổi.\n", "No changes.\n")
	}
	var b strings.Builder
	n, add, rel := len(d.Changes), len(d.Added), len(d.Released)
	if l == English {
		fmt.Fprintf(&b, "%d %s %s hands; %d %s added; %d released\n", n, plural(n, "title", "titles"), plural(n, "changes", "change"),
			add, plural(add, "person", "people"), rel)
	} else {
		fmt.Fprintf(&b, "%d chức danh đổi người giữ; thêm %d người; %d người thôi giữ chức danh\n", n, add, rel)
	}
	list := func(ids []string) string {
		if len(ids) == 0 {
			return l.Pick("(trống)", "(vacant)")
		}
		return strings.Join(ids, ", ")
	}
	for _, c := range d.Changes {
		fmt.Fprintf(&b, "%s %s: %s → %s\n", c.Unit, c.Title, list(c.Before), list(c.After))
	}
	if add > 0 {
		fmt.Fprintf(&b, "%s: %s\n", l.Pick("thêm", "added"), strings.Join(d.Added, ", "))
	}
	if rel > 0 {
		fmt.Fprintf(&b, "%s: %s\n", l.Pick("thôi giữ chức danh", "released"), strings.Join(d.Released, ", "))
	}
	return b.String()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
