package rearrange_test

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/rearrange"
	"github.com/kiemnhiem/kiemnhiem/rearrange/check"
)

// needCBC skips the test when cbc is not installed, or fails it under
// KIEMNHIEM_REQUIRE_TOOLS=1 (.ci/run installs it), so CI never passes by
// skipping the cross-check.
func needCBC(t *testing.T) string {
	t.Helper()
	path, err := exec.LookPath("cbc")
	if err != nil {
		if os.Getenv("KIEMNHIEM_REQUIRE_TOOLS") == "1" {
			t.Fatalf("cbc not on PATH (KIEMNHIEM_REQUIRE_TOOLS=1)")
		}
		t.Skip("cbc not on PATH: the MILP cross-check of the rearrangement is skipped (apt-get install coinor-cbc)")
	}
	return path
}

// milpGroup is one column of the set-partitioning MILP: a group of
// villages the rules allow, with its lexicographic cost.
type milpGroup struct {
	members []int
	cost    int64
}

// milpGroups lists every group the rules allow (singletons included) by
// plain enumeration of the subsets of up to K villages, and prices each as
// under·m2 ± merges·m1 + moved, the scalarisation of the lexicographic
// objective (m1 above every disruption, m2 above every merges·m1 +
// disruption; merges count negative under Consolidation).
func milpGroups(c *rearrange.Commune, opt rearrange.Options) []milpGroup {
	n := len(c.Villages)
	htot := 0
	for _, v := range c.Villages {
		htot += v.Households
	}
	m1 := int64(htot + 1)
	m2 := int64(2*n+2) * m1
	var out []milpGroup
	var rec func(start int, set []int)
	rec = func(start int, set []int) {
		if len(set) > 0 && allowed(c, opt, [][]int{set}) {
			o := objective(c, [][]int{set}) // Merges counts len(c)−1 groups: recompute
			merges := int64(len(set) - 1)
			if opt.Goal == rearrange.Consolidation {
				merges = -merges
			}
			cost := int64(o.Under)*m2 + merges*m1 + int64(o.Disruption)
			out = append(out, milpGroup{append([]int(nil), set...), cost})
		}
		if len(set) == max(opt.MaxMerge, 1) {
			return
		}
		for v := start; v < n; v++ {
			rec(v+1, append(set, v))
		}
	}
	rec(0, nil)
	return out
}

// writeLP writes the MILP in CPLEX LP format: minimise Σ cost·x, each
// village in exactly one chosen group, x binary.
func writeLP(n int, groups []milpGroup) []byte {
	var b bytes.Buffer
	b.WriteString("Minimize\n obj:")
	for j, g := range groups {
		fmt.Fprintf(&b, " + %d x%d", g.cost, j)
		if j%8 == 7 {
			b.WriteString("\n")
		}
	}
	b.WriteString("\nSubject To\n")
	for v := range n {
		fmt.Fprintf(&b, " v%d:", v)
		for j, g := range groups {
			for _, m := range g.members {
				if m == v {
					fmt.Fprintf(&b, " + x%d", j)
				}
			}
		}
		b.WriteString(" = 1\n")
	}
	b.WriteString("Binary\n")
	for j := range groups {
		fmt.Fprintf(&b, " x%d\n", j)
	}
	b.WriteString("End\n")
	return b.Bytes()
}

// solveCBC solves the MILP and returns the groups chosen.
func solveCBC(t *testing.T, cbc, dir string, n int, groups []milpGroup) [][]int {
	t.Helper()
	lp, sol := filepath.Join(dir, "r.lp"), filepath.Join(dir, "r.sol")
	if err := os.WriteFile(lp, writeLP(n, groups), 0o644); err != nil {
		t.Fatal(err)
	}
	os.Remove(sol)
	out, err := exec.Command(cbc, lp, "-ratioGap", "0", "-allowableGap", "0.5", "-solve", "-solu", sol).CombinedOutput()
	if err != nil {
		t.Fatalf("cbc: %v\n%s", err, out)
	}
	data, err := os.ReadFile(sol)
	if err != nil {
		t.Fatalf("cbc wrote no solution: %v\n%s", err, out)
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	if !sc.Scan() || !strings.HasPrefix(sc.Text(), "Optimal") {
		t.Fatalf("cbc status %q\n%s", sc.Text(), out)
	}
	var chosen [][]int
	for sc.Scan() {
		f := strings.Fields(strings.TrimPrefix(strings.TrimSpace(sc.Text()), "**"))
		if len(f) < 3 || !strings.HasPrefix(f[1], "x") {
			continue
		}
		j, err1 := strconv.Atoi(f[1][1:])
		v, err2 := strconv.ParseFloat(f[2], 64)
		if err1 != nil || err2 != nil || j >= len(groups) {
			t.Fatalf("cbc solution line %q", sc.Text())
		}
		if math.Abs(v-1) < 1e-6 {
			chosen = append(chosen, groups[j].members)
		}
	}
	return chosen
}

// TestCBC compares the solver with the set-partitioning MILP solved by CBC
// on seeded random communes of 5 to 14 villages, with and without
// adjacency: the same objective values, exactly.
func TestCBC(t *testing.T) {
	cbc := needCBC(t)
	count := 200
	if testing.Short() {
		count = 30
	}
	for _, adjacency := range []bool{false, true} {
		cbcCompare(t, cbc, count, adjacency)
	}
}

// TestCBCEagerBounds repeats the comparison under the adjacency rule with
// the Lagrangian and cluster bounds built at the first node (see
// TestBruteForceEagerBounds): communes of up to 14 villages have clusters
// that do not cover the component.
func TestCBCEagerBounds(t *testing.T) {
	cbc := needCBC(t)
	rearrange.SetEagerBounds(true)
	defer rearrange.SetEagerBounds(false)
	count := 200
	if testing.Short() {
		count = 30
	}
	cbcCompare(t, cbc, count, true)
}

func cbcCompare(t *testing.T, cbc string, count int, adjacency bool) {
	dir := t.TempDir()
	for seed := range uint64(count) {
		r := rand.New(rand.NewPCG(seed, 185))
		c := randomCommune(r, 5+r.IntN(10), adjacency)
		opt := randomOptions(r, adjacency)
		opt.MaxMerge = 2 + r.IntN(2)
		p, err := rearrange.Solve(context.Background(), c, opt)
		if err != nil {
			t.Fatalf("adjacency %v seed %d: %v", adjacency, seed, err)
		}
		if err := check.Check(c, opt, p); err != nil {
			t.Errorf("adjacency %v seed %d: %v", adjacency, seed, err)
		}
		chosen := solveCBC(t, cbc, dir, len(c.Villages), milpGroups(c, opt))
		want := objective(c, chosen)
		if p.Status != rearrange.Optimal || p.Objective != want {
			t.Errorf("adjacency %v seed %d (%d villages, %+v): %v %+v, CBC %+v", adjacency, seed, len(c.Villages), opt, p.Status, p.Objective, want)
		}
	}
}
