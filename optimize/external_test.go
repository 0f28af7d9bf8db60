package optimize

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/kiemnhiem/kiemnhiem/internal/golden"
	"github.com/kiemnhiem/kiemnhiem/model"
)

// needBinary skips the test when an external solver is not installed —
// or fails it under KIEMNHIEM_REQUIRE_TOOLS=1 (.ci/run installs them), so
// CI never passes by skipping the cross-checks.
func needBinary(t *testing.T, bin string) {
	t.Helper()
	if _, err := exec.LookPath(bin); err != nil {
		if os.Getenv("KIEMNHIEM_REQUIRE_TOOLS") == "1" {
			t.Fatalf("%s not on PATH (KIEMNHIEM_REQUIRE_TOOLS=1)", bin)
		}
		t.Skipf("%s not on PATH", bin)
	}
}

// crossCheck solves one random instance natively and with an external
// solver and reports every difference: pool statuses, objectives (exactly,
// level by level), and the external plan against the independent checker.
func crossCheck(t *testing.T, seed uint64, size instanceSize, solver string, set *Settings) {
	t.Helper()
	ctx := context.Background()
	p := randomProblem(seeded(seed), size)
	loose := p.Scenario.Name == "random" // drawn with a feasible plan
	native, err := Solve(ctx, p, set)
	if err != nil {
		t.Fatalf("seed %d: Solve: %v", seed, err)
	}
	ext, err := SolveExternal(ctx, p, solver, set)
	if err != nil {
		t.Fatalf("seed %d: SolveExternal(%s): %v", seed, solver, err)
	}
	if len(native.Pools) != len(ext.Pools) {
		t.Fatalf("seed %d: %d pools native, %d with %s", seed, len(native.Pools), len(ext.Pools), solver)
	}
	mode := set.orDefault()
	for i := range native.Pools {
		n, e := native.Pools[i], ext.Pools[i]
		if n.Commune != e.Commune {
			t.Fatalf("seed %d: pool %d is %s native, %s with %s", seed, i, n.Commune, e.Commune, solver)
		}
		if n.Status != e.Status {
			t.Errorf("seed %d, commune %s: status %v native, %v with %s", seed, n.Commune, n.Status, e.Status, solver)
			continue
		}
		if n.Status != Optimal && n.Status != Infeasible {
			t.Errorf("seed %d, commune %s: status %v; a small instance must be solved to the end", seed, n.Commune, n.Status)
		}
		if loose && n.Status != Optimal {
			t.Errorf("seed %d, commune %s: status %v, but the instance was drawn with a feasible plan", seed, n.Commune, n.Status)
		}
		if n.Status != Optimal {
			continue
		}
		if mode.Mode == Weighted {
			if nw, ew := n.Objective.Weighted(mode.Weights), e.Objective.Weighted(mode.Weights); nw != ew {
				t.Errorf("seed %d, commune %s: weighted objective %v native (%+v), %v with %s (%+v)", seed, n.Commune, nw, n.Objective, ew, solver, e.Objective)
			}
		} else if n.Objective != e.Objective {
			t.Errorf("seed %d, commune %s: objective %+v native, %+v with %s", seed, n.Commune, n.Objective, e.Objective, solver)
		}
		if e.Bound != e.Objective {
			t.Errorf("seed %d, commune %s: optimal with bound %+v ≠ objective %+v", seed, n.Commune, e.Bound, e.Objective)
		}
	}
	if ext.Status != native.Status {
		t.Errorf("seed %d: result status %v native, %v with %s", seed, native.Status, ext.Status, solver)
	}
	if ext.Status != Optimal {
		return
	}
	// The external plan is a plan: the independent checker finds nothing
	// wrong with it and prices it at the objective reported.
	if vs := Check(p, ext.Plan); len(vs) > 0 {
		t.Errorf("seed %d: the %s plan breaks rules: %v", seed, solver, vs)
	}
	if obj, err := EvaluateGoal(p, ext.Plan, ext.Goal); err != nil || obj != ext.Objective {
		t.Errorf("seed %d: the %s plan evaluates to %+v (%v), reported %+v", seed, solver, obj, err, ext.Objective)
	}
	if ext.Gap != 0 || ext.Bound != ext.Objective {
		t.Errorf("seed %d: optimal with gap %v, bound %+v, objective %+v", seed, ext.Gap, ext.Bound, ext.Objective)
	}
	if ext.Titles != native.Titles || ext.People != native.People || ext.Before != native.Before {
		t.Errorf("seed %d: titles/people/before %d/%d/%+v native, %d/%d/%+v with %s",
			seed, native.Titles, native.People, native.Before, ext.Titles, ext.People, ext.Before, solver)
	}
}

// crossCheckSeeds runs crossCheck on seeds 1..n in parallel subtests.
func crossCheckSeeds(t *testing.T, n int, size instanceSize, solver string, set *Settings) {
	for seed := uint64(1); seed <= uint64(n); seed++ {
		t.Run(strconv.FormatUint(seed, 10), func(t *testing.T) {
			t.Parallel()
			crossCheck(t, seed, size, solver, set)
		})
	}
}

// TestNativeMatchesCBC is the reference check of the native solver: on
// 240 random instances, the same status per pool and the same optimum on
// all three levels as CBC on the same bundle model.
func TestNativeMatchesCBC(t *testing.T) {
	needBinary(t, "cbc")
	crossCheckSeeds(t, 240, sizeSmall, "cbc", &Settings{Workers: 1})
}

// TestNativeMatchesCBCObjectives: the same on 100 random instances for
// each planner's objective, the cost level counting the net cost over a
// horizon (discounted, with insurance support and the severance of those
// released) under the cost and stability orders.
func TestNativeMatchesCBCObjectives(t *testing.T) {
	needBinary(t, "cbc")
	for _, o := range model.ObjectiveOrders() {
		t.Run(o.String(), func(t *testing.T) {
			crossCheckSeeds(t, 100, sizeSmall, "cbc", &Settings{Workers: 1, Order: &o})
		})
	}
}

func TestNativeMatchesCBCWeighted(t *testing.T) {
	needBinary(t, "cbc")
	crossCheckSeeds(t, 60, sizeSmall, "cbc", &Settings{Workers: 1, Mode: Weighted})
}

func TestNativeMatchesGLPK(t *testing.T) {
	needBinary(t, "glpsol")
	crossCheckSeeds(t, 20, sizeTiny, "glpk", &Settings{Workers: 1})
}

// TestInstanceMix keeps the generator honest: roughly a quarter of the
// instances tight, the others drawn with a plan that meets every rule
// (crossCheck then requires them to be feasible) or "risky".
func TestInstanceMix(t *testing.T) {
	kinds := map[string]int{}
	const n = 400
	for seed := uint64(1); seed <= n; seed++ {
		s, witness := randomInstance(seeded(seed), sizeSmall)
		kinds[s.Name]++
		if (witness != nil) != (s.Name == "random") {
			t.Errorf("seed %d: %s instance with plan %v", seed, s.Name, witness)
		}
		if len(s.People) == 0 || len(s.Titles) == 0 {
			t.Errorf("seed %d: %d people, %d titles", seed, len(s.People), len(s.Titles))
		}
	}
	if tight := kinds["random-tight"]; tight < n/6 || tight > n/3 {
		t.Errorf("%d of %d instances tight, want about a quarter", tight, n)
	}
	if risky := kinds["random-risky"]; risky < n/8 || risky > n/3 {
		t.Errorf("%d of %d instances risky, want about a fifth", risky, n)
	}
	// Same seed, same scenario.
	a, b := randomScenario(seeded(7), sizeSmall), randomScenario(seeded(7), sizeSmall)
	if fmt.Sprint(a) != fmt.Sprint(b) {
		t.Error("randomScenario is not deterministic")
	}
}

// tinyProblem is a hand-made commune with one village: two commune titles
// that one person could combine but for the commune cap of one, and a
// village title.
func tinyProblem() *Problem {
	d := model.MustDate("2025-01-01")
	from := model.MustDate("2020-01-01")
	s := &model.Scenario{Name: "tiny", Date: d}
	s.Units = []model.Unit{
		{Code: "01", Name: "Tỉnh", Level: model.Province, Type: model.Tinh},
		{Code: "00001", Name: "Xã Một", Level: model.Commune, Type: model.Xa, Class: model.ClassII, Parent: "01", Households: 1000, Population: 4000, AreaKm2: 10},
		{Code: "0000101", Name: "Thôn Một", Level: model.Village, Type: model.Thon, Parent: "00001", Households: 200, Population: 800, AreaKm2: 2},
	}
	s.Titles = []model.Title{
		{ID: "chu-tich", Level: model.Commune, Workload: model.Workload{Base: 20}, Allowance: 1.5, Holders: model.HoldersRule{Base: 1},
			Term: model.TermRule{Kind: model.Elected, Months: 60, Anchor: model.MustDate("2021-05-23")}},
		{ID: "van-phong", Level: model.Commune, Workload: model.Workload{Base: 16}, Allowance: 1.2, Holders: model.HoldersRule{Base: 1}},
		{ID: "truong-thon", Level: model.Village, Workload: model.Workload{Base: 10}, Allowance: 0.7, Holders: model.HoldersRule{Base: 1},
			Requires: model.Requirements{Resident: true}},
	}
	born := model.MustDate("1980-03-01")
	s.People = []model.Person{
		{ID: "A", Birth: born, Sex: model.Male, Education: model.EduUniversity, Residence: "0000101", Capacity: 40,
			Holdings: []model.Holding{{Title: "chu-tich", Unit: "00001", Main: true, TermEnd: model.MustDate("2026-05-23")}}},
		{ID: "B", Birth: born, Sex: model.Female, Education: model.EduCollege, Residence: "00001", Capacity: 40,
			Holdings: []model.Holding{{Title: "van-phong", Unit: "00001", Main: true}}},
		{ID: "C", Birth: born, Sex: model.Male, Education: model.EduUpperSec, Residence: "0000101", Capacity: 30,
			Holdings: []model.Holding{{Title: "truong-thon", Unit: "0000101", Main: true}}},
	}
	s.Policy = flatPolicy{base: 2_340_000, maxTitles: 2, rate: 0.5, communeCap: 1, communeFund: 3, villageCap: 0, villageFund: 1, fundBinds: true}.policy(from, "test")
	return &Problem{Scenario: s}
}

// TestWriteGolden keeps the text of a tiny model: any change to the model
// or the formats shows in review (go test ./optimize -run TestWriteGolden
// -update to accept one).
func TestWriteGolden(t *testing.T) {
	for _, tt := range []struct {
		file  string
		write func(io.Writer, *Problem, *Settings) error
		set   *Settings
	}{
		{"tiny.lp", WriteLP, nil},
		{"tiny.mps", WriteMPS, nil},
		{"tiny-weighted.lp", WriteLP, &Settings{Mode: Weighted}},
	} {
		var buf bytes.Buffer
		if err := tt.write(&buf, tinyProblem(), tt.set); err != nil {
			t.Fatal(err)
		}
		golden.Assert(t, filepath.Join("testdata", "external", tt.file), buf.Bytes())
	}
}

// TestTinyExternal solves the tiny model with every back end.
func TestTinyExternal(t *testing.T) {
	p := tinyProblem()
	native, err := Solve(context.Background(), p, nil)
	if err != nil {
		t.Fatal(err)
	}
	// A holds both commune titles (36 h of 40, the cap of one commune
	// holder), C the village: 2 people, A paid 1.5 + 0.5·1.2, C 0.7.
	want := Objective{Headcount: 2, Cost: 12 * (3_510_000 + 1_404_000 + 1_638_000), Disruption: 2}
	if native.Status != Optimal || native.Objective != want {
		t.Errorf("native: %v %+v, want optimal %+v", native.Status, native.Objective, want)
	}
	for _, solver := range []struct{ name, bin string }{{"cbc", "cbc"}, {"glpk", "glpsol"}} {
		t.Run(solver.name, func(t *testing.T) {
			needBinary(t, solver.bin)
			r, err := SolveExternal(context.Background(), p, solver.name, nil)
			if err != nil {
				t.Fatal(err)
			}
			if r.Status != Optimal || r.Objective != want || r.Bound != want || r.Gap != 0 {
				t.Errorf("%v %+v bound %+v gap %v, want optimal %+v", r.Status, r.Objective, r.Bound, r.Gap, want)
			}
			if len(r.Plan.Assignments) != 3 || r.AnnualCostAfter != want.Cost || len(r.Pools) != 1 || r.Titles != 3 || r.People != 3 {
				t.Errorf("plan %v, annual %v, %d pools, %d titles, %d people", r.Plan.Assignments, r.AnnualCostAfter, len(r.Pools), r.Titles, r.People)
			}
			if r.Before != native.Before || r.AnnualCostBefore != native.AnnualCostBefore {
				t.Errorf("before %+v %v, native %+v %v", r.Before, r.AnnualCostBefore, native.Before, native.AnnualCostBefore)
			}
		})
	}
}

// exportProblem has three communes, so the exported file holds several
// pools.
func exportProblem() *Problem {
	size := sizeTiny
	size.communes = 3
	return randomProblem(seeded(11), size)
}

var (
	cbcObjective  = regexp.MustCompile(`(?m)^Optimal - objective value (\S+)`)
	glpkObjective = regexp.MustCompile(`(?m)^s mip \d+ \d+ o (\S+)`)
	lpConstant    = regexp.MustCompile(`objective constant \(not in the model\): (\S+)`)
)

// TestWriteParses writes the first-level model of several pools as LP and
// MPS and has cbc and glpsol read and solve each file: no read errors, and
// the optimum plus the constant in the comment is the native headcount (or
// weighted value).
func TestWriteParses(t *testing.T) {
	p := exportProblem()
	for mode, name := range map[Mode]string{Lexicographic: "lexicographic", Weighted: "weighted"} {
		set := &Settings{Mode: mode}
		native, err := Solve(context.Background(), p, set)
		if err != nil {
			t.Fatal(err)
		}
		if native.Status != Optimal || len(native.Pools) != 3 {
			t.Fatalf("native status %v, %d pools; the export test wants a feasible problem of 3 pools", native.Status, len(native.Pools))
		}
		want := float64(native.Objective.Headcount)
		if mode == Weighted {
			want = native.Objective.Weighted(set.orDefault().Weights)
		}
		for _, format := range []struct {
			ext   string
			write func(io.Writer, *Problem, *Settings) error
			glpk  string
		}{{"lp", WriteLP, "--lp"}, {"mps", WriteMPS, "--freemps"}} {
			dir := t.TempDir()
			path := filepath.Join(dir, "model."+format.ext)
			var buf bytes.Buffer
			if err := format.write(&buf, p, set); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			constant := 0.0
			if m := lpConstant.FindSubmatch(buf.Bytes()); m != nil {
				constant, _ = strconv.ParseFloat(string(m[1]), 64)
			}
			checkNames(t, buf.String(), format.ext)
			t.Run(name+"/"+format.ext+"/cbc", func(t *testing.T) {
				needBinary(t, "cbc")
				sol := filepath.Join(dir, "cbc.sol")
				out, err := exec.Command("cbc", path, "-ratioGap", "0", "-allowableGap", "1e-6", "-solve", "-solu", sol).CombinedOutput()
				if err != nil || (format.ext == "mps" && !bytes.Contains(out, []byte("read with 0 errors"))) {
					t.Fatalf("cbc: %v\n%s", err, out)
				}
				got := readObjective(t, sol, cbcObjective)
				if got+constant != want {
					t.Errorf("cbc optimum %v + constant %v, want %v", got, constant, want)
				}
			})
			t.Run(name+"/"+format.ext+"/glpk", func(t *testing.T) {
				needBinary(t, "glpsol")
				sol := filepath.Join(dir, "glpk.sol")
				out, err := exec.Command("glpsol", format.glpk, path, "--mipgap", "0", "-w", sol).CombinedOutput()
				if err != nil {
					t.Fatalf("glpsol: %v\n%s", err, out)
				}
				got := readObjective(t, sol, glpkObjective)
				if got+constant != want {
					t.Errorf("glpsol optimum %v + constant %v, want %v", got, constant, want)
				}
			})
		}
	}
}

func readObjective(t *testing.T, path string, re *regexp.Regexp) float64 {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	m := re.FindSubmatch(b)
	if m == nil {
		t.Fatalf("no optimal objective in %s:\n%s", path, lastLines(b, 5))
	}
	v, err := strconv.ParseFloat(string(m[1]), 64)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

var lpNameChars = regexp.MustCompile(`^[A-Za-z0-9_]{1,255}$`)

// checkNames checks that every column and row name is short and plain.
func checkNames(t *testing.T, text, format string) {
	t.Helper()
	for line := range strings.SplitSeq(text, "\n") {
		f := strings.Fields(line)
		var names []string
		switch {
		case format == "mps" && len(f) >= 2 && !strings.HasPrefix(line, "*") && line[0] == ' ':
			names = f[:2]
			if f[0] == "UP" || f[0] == "RHS" {
				names = f[1:3]
			}
			if f[0] == "MARKER" {
				names = nil
			}
		case format == "lp" && len(f) >= 1 && strings.HasSuffix(f[0], ":"):
			names = append(names, strings.TrimSuffix(f[0], ":"))
		}
		for _, n := range names {
			if !lpNameChars.MatchString(n) {
				t.Errorf("%s: name %q in line %q", format, n, line)
			}
		}
	}
}

func TestSolveExternalErrors(t *testing.T) {
	p := tinyProblem()
	if _, err := SolveExternal(context.Background(), p, "gurobi", nil); err == nil || !strings.Contains(err.Error(), `unknown solver "gurobi"`) {
		t.Errorf("unknown solver: %v", err)
	}
	t.Setenv("PATH", t.TempDir())
	for _, tt := range []struct{ solver, want string }{
		{"cbc", "optimize: cbc not found on PATH (install Debian's coinor-cbc)"},
		{"glpk", "optimize: glpsol not found on PATH (install Debian's glpk-utils)"},
	} {
		_, err := SolveExternal(context.Background(), p, tt.solver, nil)
		if err == nil || err.Error() != tt.want || !errors.Is(err, exec.ErrNotFound) {
			t.Errorf("%s without the binary: %v, want %q", tt.solver, err, tt.want)
		}
	}
	if _, err := SolveExternal(context.Background(), &Problem{}, "cbc", nil); err == nil {
		t.Error("no scenario: no error")
	}
}

// TestSolveExternalTimeLimit: a time limit that has passed before the
// solver could run stops every pool, and nothing is called optimal.
func TestSolveExternalTimeLimit(t *testing.T) {
	needBinary(t, "cbc")
	r, err := SolveExternal(context.Background(), exportProblem(), "cbc", &Settings{TimeLimit: time.Nanosecond})
	if err != nil {
		t.Fatal(err)
	}
	if r.Status != TimeLimit {
		t.Errorf("status %v, want time_limit", r.Status)
	}
	for _, pr := range r.Pools {
		if pr.Status == Optimal {
			t.Errorf("pool %s optimal under an expired time limit", pr.Commune)
		}
	}
}

// TestParseSolutions reads the status lines the solvers write.
func TestParseSolutions(t *testing.T) {
	m := &lpModel{cols: []string{"a", "b"}}
	for _, tt := range []struct {
		text    string
		limited bool
		status  extStatus
		x       []bool // nil: no solution
		err     bool
	}{
		{"Optimal - objective value 1.00000000\n      0 a                      1                       1\n      1 b                      0                       2\n", false, extOptimal, []bool{true, false}, false},
		{"Optimal - objective value 1\n** 0 a 0.9999999 1\n", false, extOptimal, []bool{true, false}, false},
		{"Infeasible - objective value 3.00000000\n      0 a 1 0\n", false, extInfeasible, nil, false},
		{"Integer infeasible - objective value 0\n", false, extInfeasible, nil, false},
		{"Stopped on time - objective value 2.00000000\n 1 b 1 0\n", true, extStopped, []bool{false, true}, false},
		{"Stopped on time (no integer solution - continuous used) - objective value 2185.09645670\n 0 a 0.25 0\n", true, extStopped, nil, false},
		{"Stopped on time - objective value 2\n", false, 0, nil, true}, // no limit was set
		{"Unbounded - objective value 0\n", false, 0, nil, true},
		{"Optimal - objective value 1\n 0 c 1 0\n", false, 0, nil, true},   // unknown column
		{"Optimal - objective value 1\n 0 a 0.5 0\n", false, 0, nil, true}, // fractional
		{"", false, 0, nil, true},
	} {
		r, err := parseCBC([]byte(tt.text), m, tt.limited)
		if (err != nil) != tt.err || (err == nil && (r.status != tt.status || fmt.Sprint(r.x) != fmt.Sprint(tt.x))) {
			t.Errorf("cbc %q: %+v, %v", tt.text, r, err)
		}
	}
	for _, tt := range []struct {
		text    string
		limited bool
		status  extStatus
		x       []bool
		err     bool
	}{
		{"c Status:     INTEGER OPTIMAL\ns mip 2 2 o 1\ni 1 1\nj 1 1\nj 2 0\ne o f\n", false, extOptimal, []bool{true, false}, false},
		{"c Status:     INTEGER EMPTY\ns mip 2 2 n 0\nj 1 0\nj 2 0\n", false, extInfeasible, nil, false},
		{"c Status:     INTEGER NON-OPTIMAL\ns mip 2 2 f 1\nj 1 0\nj 2 1\n", true, extStopped, []bool{false, true}, false},
		{"c Status:     INTEGER UNDEFINED\ns mip 2 2 u 0\nj 1 0\nj 2 0\n", true, extStopped, nil, false},
		{"c Status:     INTEGER NON-OPTIMAL\ns mip 2 2 f 1\n", false, 0, nil, true},
		{"s mip 2 2 o 1\nj 3 1\n", false, 0, nil, true},
		{"j 1 1\n", false, 0, nil, true},
	} {
		r, err := parseGLPK([]byte(tt.text), m, tt.limited)
		if (err != nil) != tt.err || (err == nil && (r.status != tt.status || fmt.Sprint(r.x) != fmt.Sprint(tt.x))) {
			t.Errorf("glpk %q: %+v, %v", tt.text, r, err)
		}
	}
}

// FuzzBuildPools: random scenarios, bent by the fuzz bytes into
// degenerate ones, never make the builder, the bundle model or the solver
// panic.
func FuzzBuildPools(f *testing.F) {
	for _, b := range [][]byte{
		{}, {1}, {2, 0, 0, 0, 0, 0, 0, 0, 9},
		[]byte("kiemnhiem-fuzz-seed\x00\x01\x02\x03"),
		{3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x21, 0x13, 0x35, 0x57, 0x7a, 0x9c, 0xbe, 0xdf},
		{5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x01, 0x11, 0x21, 0x31},
		{6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x12, 0x22, 0x32, 0x42},
	} {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p := fuzzProblem(data)
		pools, err := buildPools(p, nil)
		if err != nil {
			return
		}
		for i, pl := range pools {
			bm, err := newBundleModel(pl, poolPrefix(i, pl))
			if err != nil {
				continue
			}
			for _, lvl := range []int{levelHeadcount, levelCost, levelDisruption, levelWeighted} {
				fixed := []int{levelHeadcount, levelCost}
				if lvl == levelHeadcount {
					fixed = []int{levelDisruption}
				}
				m := bm.level(lvl, Weights{Headcount: 1e9, Cost: 1, Disruption: 1e6}, fixed, Objective{1, 1, 1})
				if err := m.writeLP(io.Discard); err != nil {
					t.Fatal(err)
				}
				if err := m.writeMPS(io.Discard); err != nil {
					t.Fatal(err)
				}
			}
		}
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		if _, err := Solve(ctx, p, &Settings{MaxStates: 2000, Workers: 1}); err != nil {
			t.Fatalf("Solve after buildPools succeeded: %v", err)
		}
	})
}

// fuzzProblem turns fuzz bytes into a problem: the first 16 bytes seed the
// generator, the next picks the size, and each further byte applies one
// change, many of them degenerate.
func fuzzProblem(data []byte) *Problem {
	var seed [16]byte
	copy(seed[:], data)
	rest := data[min(len(data), 16):]
	s1, s2 := uint64(0), uint64(0)
	for i := range 8 {
		s1 = s1<<8 | uint64(seed[i])
		s2 = s2<<8 | uint64(seed[8+i])
	}
	size := sizeTiny
	if len(rest) > 0 {
		b := rest[0]
		rest = rest[1:]
		size.villages = [2]int{int(b & 3), int(b & 3)}         // 0–3 villages
		size.people = [2]int{int(b >> 2 & 7), int(b>>2&7) + 2} // 0–9 people
		size.communes = 1 + int(b>>5&1)
	}
	r := newRand(s1, s2)
	p := randomProblem(r, size)
	s := p.Scenario
	from := model.MustDate("2019-01-01")
	for _, b := range rest {
		arg := int(b >> 4)
		pick := func(n int) int { return arg % max(n, 1) }
		switch b & 15 {
		case 0:
			if len(s.People) > 0 {
				s.People[pick(len(s.People))].Capacity = 0
			}
		case 1:
			s.People = nil
		case 2:
			if len(s.Titles) > 0 {
				s.Titles[pick(len(s.Titles))].Holders = model.HoldersRule{}
			}
		case 3:
			switch arg % 4 {
			case 0:
				s.Policy.BaseSalary = nil
			case 1:
				s.Policy.MaxTitlesPerPerson = nil
			case 2:
				s.Policy.ConcurrencyRate = nil
			case 3:
				s.Policy.Retirement = nil
			}
		case 4:
			s.Policy.MaxTitlesPerPerson = model.Const(from, arg-2, "fuzz")
		case 5:
			s.Policy.Combination = model.Const(from, model.CombinationRule{Mode: model.CombinationMode(arg % 4)}, "fuzz")
		case 6:
			if arg%2 == 0 {
				s.Policy.CommuneCap = nil
			} else {
				s.Policy.CommuneCap = model.Const(from, model.ByClass[int]{}, "fuzz")
			}
		case 7:
			s.Policy.FundBinds = model.Const(from, true, "fuzz")
			s.Policy.VillageFund = model.Const(from, model.VillageFundRule{}, "fuzz")
			s.Policy.CommuneFund = model.Const(from, model.ByClass[model.Coefficient]{I: model.Coefficient(arg) / 4}, "fuzz")
		case 8:
			s.Policy.Recruitment = model.Const(from, model.RecruitmentRule{Allowed: true, MaxPerUnit: arg % 4, Cost: model.Money(arg) * 1000}, "fuzz")
		case 9:
			if len(s.People) > 0 && len(s.Units) > 0 {
				s.People[pick(len(s.People))].Residence = []string{"", "nowhere", "01", s.Units[pick(len(s.Units))].Code}[arg%4]
			}
		case 10:
			if len(s.People) > 0 && len(s.Titles) > 0 {
				p := &s.People[pick(len(s.People))]
				p.Holdings = append(p.Holdings, model.Holding{Title: []string{"no-such-title", s.Titles[0].ID}[arg%2], Unit: []string{"no-such-unit", "00001"}[arg/2%2], Main: arg%3 == 0, TermEnd: s.Date.AddMonths(arg)})
			}
		case 11:
			if len(s.Titles) > 0 {
				t := &s.Titles[pick(len(s.Titles))]
				t.Workload = model.Workload{Base: model.Hours(arg*8 - 40)}
				t.Allowance = model.Coefficient(arg) / 2
			}
		case 12:
			if len(s.People) > 0 {
				s.People = append(s.People, s.People[pick(len(s.People))]) // duplicate ID
			}
		case 13:
			s.Policy.TermsBind = model.Const(from, true, "fuzz")
			for i := range s.Titles {
				s.Titles[i].Term = model.TermRule{Kind: model.Elected, Months: 60, Anchor: from}
			}
			for i := range s.People {
				for k := range s.People[i].Holdings {
					s.People[i].Holdings[k].TermEnd = s.Date.AddMonths(1 + arg)
				}
			}
		case 14:
			switch arg % 3 {
			case 0: // drop the villages
				kept := s.Units[:0]
				for _, u := range s.Units {
					if u.Level != model.Village {
						kept = append(kept, u)
					}
				}
				s.Units = kept
			case 1:
				for i := range s.Units {
					s.Units[i].Class = model.ClassUnknown
				}
			case 2:
				s.Units = nil
			}
		case 15:
			if len(s.People) > 0 && len(s.Titles) > 0 && len(s.Units) > 1 {
				pin := Pin{Person: s.People[pick(len(s.People))].ID, Title: s.Titles[pick(len(s.Titles))].ID, Unit: s.Units[1+pick(len(s.Units)-1)].Code}
				if arg%2 == 0 {
					p.Pins = append(p.Pins, pin)
				} else {
					p.Forbids = append(p.Forbids, pin)
				}
			}
		}
	}
	return p
}
