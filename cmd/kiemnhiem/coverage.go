package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/report"
)

// shownLeftOut is how many left-out communes compare names on the console.
const shownLeftOut = 5

// restrictToCoverage makes every figure of the comparison cover the same
// communes: those planned in every scenario. When some scenario has no
// plan in a commune, every scenario is restricted to the communes the
// others planned too and planned again there (pools are solved commune by
// commune, so the plans of the communes kept do not change), and the
// simulation runs on the restricted worlds. It returns the coverage, and
// fails when no commune is planned in every scenario.
func restrictToCoverage(ctx context.Context, c *compareConfig, models []*model.Scenario, scs []report.Scenario, rs []*report.RearrangeSummary) (report.Coverage, error) {
	cov := report.CoverageOf(scs)
	if cov.Full() {
		return cov, nil
	}
	if cov.Covered() <= 0 {
		return cov, noCoverageError(cov, scs, c.lang)
	}
	keep := map[string]bool{}
	left := map[string]bool{}
	for _, l := range cov.Left {
		left[l.Code] = true
	}
	for _, m := range models {
		for i := range m.Units {
			if u := &m.Units[i]; u.Level == model.Commune && !left[u.Code] {
				keep[u.Code] = true
			}
		}
	}
	for i, m := range models {
		r, err := m.Restrict(keep)
		if err != nil {
			return cov, fmt.Errorf("%s: %w", m.Name, err)
		}
		sc, rsum, err := planCompared(ctx, c, r, io.Discard) // as-is breaches were printed once
		if err != nil {
			return cov, err
		}
		sc.Files, sc.Breaches = scs[i].Files, scs[i].Breaches
		models[i], scs[i], rs[i] = r, sc, rsum
	}
	return cov, nil
}

// noCoverageError says that no commune has a plan in every scenario and
// which scenarios have none.
func noCoverageError(cov report.Coverage, scs []report.Scenario, lang model.Lang) error {
	var who []string
	for _, s := range scs {
		if n := cov.LeftBy(s.Model.Name); n > 0 {
			who = append(who, fmt.Sprintf(lang.Pick("%s không có phương án ở %d / %d xã", "%s has no plan in %d of %d communes"), s.Model.Name, n, cov.Total))
		}
	}
	return fmt.Errorf(lang.Pick("compare: không xã nào có phương án ở mọi phương án (%s), nên không có số liệu nào so sánh được; xem lý do bằng kiemnhiem optimize",
		"compare: no commune has a plan in every scenario (%s), so no figure can be compared; see why with kiemnhiem optimize"), strings.Join(who, "; "))
}

// printCoverage prints what the console's figures cover and, when
// communes are left out, how many and the first few.
func printCoverage(w io.Writer, cov report.Coverage, lang model.Lang) {
	fmt.Fprintln(w, cov.Sentence(lang, shownLeftOut))
}
