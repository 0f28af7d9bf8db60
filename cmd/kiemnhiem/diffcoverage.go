package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// planDiff is diff's answer: the changes between the units both plans
// arrange, and the units one plan gives nobody (a commune with no plan:
// the optimiser could not arrange it), whose holders are neither released
// nor added.
type planDiff struct {
	model.PlanDiff
	// NoPlanAfter are the units with holders in the first plan and none
	// in the second; NoPlanBefore the reverse. Sorted.
	NoPlanAfter  []string `json:",omitempty"`
	NoPlanBefore []string `json:",omitempty"`
	// Uncounted are the people who hold titles only in those units:
	// not counted as released or added.
	Uncounted []string `json:",omitempty"`
}

// diffCovered compares plans a and b over the units both arrange.
func diffCovered(a, b model.Plan) planDiff {
	ua, ub := planUnits(a), planUnits(b)
	d := planDiff{NoPlanAfter: only(ua, ub), NoPlanBefore: only(ub, ua)}
	if len(d.NoPlanAfter) == 0 && len(d.NoPlanBefore) == 0 {
		d.PlanDiff = model.DiffPlans(a, b)
		return d
	}
	fa, outA := onUnits(a, ub)
	fb, outB := onUnits(b, ua)
	d.PlanDiff = model.DiffPlans(fa, fb)
	for p := range outA {
		if !slices.Contains(d.Uncounted, p) {
			d.Uncounted = append(d.Uncounted, p)
		}
	}
	for p := range outB {
		if !slices.Contains(d.Uncounted, p) {
			d.Uncounted = append(d.Uncounted, p)
		}
	}
	slices.Sort(d.Uncounted)
	return d
}

// planUnits are the units plan gives a holder.
func planUnits(p model.Plan) map[string]bool {
	out := map[string]bool{}
	for _, a := range p.Assignments {
		out[a.Unit] = true
	}
	return out
}

// onUnits keeps the assignments of p in units; left are the people left
// with no title at all.
func onUnits(p model.Plan, units map[string]bool) (model.Plan, map[string]bool) {
	out := model.Plan{Date: p.Date}
	kept, left := map[string]bool{}, map[string]bool{}
	for _, a := range p.Assignments {
		if units[a.Unit] {
			out.Assignments = append(out.Assignments, a)
			kept[a.Person] = true
		} else {
			left[a.Person] = true
		}
	}
	for q := range kept {
		delete(left, q)
	}
	return out, left
}

// Text is the diff as diff prints it: the units with no plan first.
func (d planDiff) Text(l model.Lang, before, after string) string {
	var b strings.Builder
	note := func(units []string, with, without string) {
		if len(units) == 0 {
			return
		}
		fmt.Fprintf(&b, l.Pick("Không có phương án ở %d đơn vị trong %s (có người giữ chức danh trong %s): %s\n",
			"No plan for %d units in %s (they have holders in %s): %s\n"), len(units), without, with, codes(units))
	}
	note(d.NoPlanAfter, before, after)
	note(d.NoPlanBefore, after, before)
	if len(d.Uncounted) > 0 {
		fmt.Fprintf(&b, l.Pick("%d người chỉ giữ chức danh ở các đơn vị đó: không tính là thôi việc hay thêm mới (%s)\n",
			"%d people hold titles only in those units: counted as neither released nor added (%s)\n"), len(d.Uncounted), codes(d.Uncounted))
	}
	b.WriteString(d.PlanDiff.Text(l))
	return b.String()
}
