package main

import (
	"fmt"
	"io"

	"github.com/kiemnhiem/kiemnhiem/report"
)

// printCauses writes the summary of the communes with no plan before their
// detail: one line per rule their explanations name, with the least change
// of it that gives them a plan, then how many no single change fixes.
func printCauses(w io.Writer, sum *report.OptimizeSummary) {
	if len(sum.Causes) == 0 {
		return
	}
	L, n := sum.Lang.Pick, sum.Lang.Int
	communes := "communes"
	if len(sum.InfeasiblePools) == 1 {
		communes = "commune"
	}
	fmt.Fprintf(w, "%s (%s %s):\n", L("Nguyên nhân và thay đổi nhỏ nhất để có phương án", "Causes and the least change that gives a plan"),
		n(int64(len(sum.InfeasiblePools))), L("xã", communes))
	for _, c := range sum.Causes {
		fmt.Fprintf(w, "  - %s\n", c.Text)
	}
	if k := len(sum.Unfixed); k > 0 {
		fmt.Fprintf(w, "  - %s %s\n", n(int64(k)), L("xã không có phương án khi chỉ thay đổi một quy định (xem chi tiết)",
			"communes get no plan from any single change (see the detail)"))
	}
}

// printFixes writes one infeasible commune's single changes that give it a
// plan, under its reasons.
func printFixes(w io.Writer, sum *report.OptimizeSummary, p report.PoolReasons) {
	for _, f := range p.Fixes {
		fmt.Fprintf(w, "    → %s: %s\n", sum.Lang.Pick("có phương án nếu", "a plan if you"), f)
	}
}

// printPinEffects writes what each pin and forbid changes, flagging those
// that change nothing.
func printPinEffects(w io.Writer, sum *report.OptimizeSummary) {
	if len(sum.PinEffects) == 0 {
		return
	}
	fmt.Fprintf(w, "%s:\n", sum.Lang.Pick("Tác dụng của ghim và lệnh loại", "What the pins and forbids change"))
	for _, e := range sum.PinEffects {
		mark := ""
		if e.NoEffect {
			mark = sum.Lang.Pick("[không tác dụng] ", "[no effect] ")
		}
		fmt.Fprintf(w, "  - %s%s\n", mark, e.Text)
	}
}
