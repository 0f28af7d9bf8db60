package optimize

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"testing"
)

// explained renders what res says about its pools (explanations, fixes,
// pins, and the causes summary) in both languages, for comparison.
func explained(res *Result) string {
	var b strings.Builder
	for _, p := range res.Pools {
		fmt.Fprintf(&b, "%s %s\n", p.Commune, p.Status)
		for _, r := range p.Explanation {
			fmt.Fprintf(&b, "  %s %s | %s\n", r.Kind, r.Vi, r.En)
		}
		for _, f := range p.Fixes {
			fmt.Fprintf(&b, "  fix %s %d→%d %v | %s\n", f.Kind, f.From, f.To, f.Units, f.En)
		}
		for _, x := range p.Pins {
			fmt.Fprintf(&b, "  pin %+v\n", x)
		}
	}
	causes, unfixed := res.Causes()
	for _, c := range causes {
		fmt.Fprintf(&b, "cause %s %s | %s\n", c.Kind, c.Vi, c.En)
	}
	fmt.Fprintf(&b, "unfixed %v\n", unfixed)
	return b.String()
}

// TestExplainDeterministic: the explanations and fixes are limited by work
// (solves and states), never by the clock, so they are byte-identical run
// to run and for any GOMAXPROCS — also when the work limit cuts the search
// short.
func TestExplainDeterministic(t *testing.T) {
	defer func(w int) { explainMaxWork = w }(explainMaxWork)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, work := range []int{explainMaxWork, 40, 1} {
		t.Run(fmt.Sprintf("work=%d", work), func(t *testing.T) {
			explainMaxWork = work
			var first string
			for i, procs := range []int{1, 2, 1, 2} {
				runtime.GOMAXPROCS(procs)
				res, err := Solve(context.Background(), fundCommunes(t, 6, 2), nil)
				if err != nil {
					t.Fatal(err)
				}
				got := explained(res)
				if strings.Contains(got, "safety limit") {
					t.Errorf("the time guard fired:\n%s", got)
				}
				if i == 0 {
					first = got
					if !strings.Contains(got, "Infeasible") && !strings.Contains(got, "infeasible") {
						t.Fatalf("no infeasible pool to explain:\n%s", got)
					}
					continue
				}
				if got != first {
					t.Errorf("run %d (GOMAXPROCS %d) differs from run 0:\n%s\nwant\n%s", i, procs, got, first)
				}
			}
		})
	}
}

// TestExplainWorkLimit: a search cut short by the work limit says that its
// set is not proven smallest, without the time guard's note.
func TestExplainWorkLimit(t *testing.T) {
	defer func(w int) { explainMaxWork = w }(explainMaxWork)
	explainMaxWork = 1
	res := solved(t, fundCommunes(t, 1))
	var kinds []string
	for _, p := range res.Pools {
		for _, r := range p.Explanation {
			kinds = append(kinds, r.Kind.String())
			if r.guard {
				t.Errorf("guard note %q, want none", r.En)
			}
		}
	}
	if !strings.Contains(strings.Join(kinds, " "), "not_minimal") {
		t.Errorf("kinds %v, want a not_minimal note", kinds)
	}
}
