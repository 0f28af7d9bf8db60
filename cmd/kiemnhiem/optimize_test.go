package main

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/kiemnhiem/kiemnhiem/report"
)

// tiny is a commune with two villages whose best plans are unique; see the
// comment at the top of the file.
const tiny = "testdata/optimize/tiny.yaml"

// optimizeOK runs optimize with --json and decodes the summary. The fields
// the tests read but the summary's type cannot tell missing from zero are
// checked for presence in the JSON itself.
func optimizeOK(t *testing.T, args ...string) report.OptimizeSummary {
	t.Helper()
	code, out, errOut := cli(t, append(append([]string{"optimize"}, args...), "--json")...)
	if code != exitOK {
		t.Fatalf("optimize %v: exit %d\nstderr:\n%s", args, code, errOut)
	}
	var sum report.OptimizeSummary
	var keys map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatalf("optimize --json is not JSON: %v\n%s", err, out)
	}
	if err := json.Unmarshal([]byte(out), &keys); err != nil {
		t.Fatalf("optimize --json is not an object: %v\n%s", err, out)
	}
	if keys["gap"] == nil || keys["seconds"] == nil || len(sum.Objective) != 3 || len(sum.Bound) != 3 || sum.InfeasiblePools == nil {
		t.Fatalf("summary lacks gap, seconds, objective[3], bound[3] or infeasible_pools:\n%s", out)
	}
	return sum
}

func TestOptimizePresets(t *testing.T) {
	if testing.Short() {
		t.Skip("solves whole provinces")
	}
	// nd33-2023 pays a concurrent title at 100 % and orders by net cost:
	// releasing anyone saves nothing and costs severance, so its plan
	// keeps everyone; fewest people first, it releases people.
	for _, tt := range []struct {
		name  string
		args  []string
		fewer bool
	}{
		{"nd33-2023", nil, false},
		{"nd33-2023", []string{"--objective", "headcount"}, true},
		{"hanoi-2019", nil, true},
	} {
		name := tt.name
		t.Run(strings.Join(append([]string{name}, tt.args...), " "), func(t *testing.T) {
			sum := optimizeOK(t, append([]string{name}, tt.args...)...)
			if sum.Status != "optimal" || sum.Gap != 0 {
				t.Errorf("status %s gap %v, want optimal and 0", sum.Status, sum.Gap)
			}
			if tt.fewer && sum.HeadcountAfter >= sum.HeadcountBefore {
				t.Errorf("headcount %d → %d, want fewer people after", sum.HeadcountBefore, sum.HeadcountAfter)
			}
			if !tt.fewer && (sum.HeadcountAfter != sum.HeadcountBefore || sum.Released != 0 || sum.SeveranceTotal != 0) {
				t.Errorf("headcount %d → %d, %d released for %d đồng; want everyone kept", sum.HeadcountBefore, sum.HeadcountAfter, sum.Released, sum.SeveranceTotal)
			}
			if !slices.Equal(sum.Objective, sum.ObjectiveChecked) {
				t.Errorf("objective %v, but the checker values the plan at %v", sum.Objective, sum.ObjectiveChecked)
			}
			if !slices.Equal(sum.Objective, sum.Bound) {
				t.Errorf("objective %v ≠ bound %v for an optimal result", sum.Objective, sum.Bound)
			}
			if sum.Objective[0] != int64(sum.HeadcountAfter) {
				t.Errorf("objective headcount %v ≠ headcount_after %d", sum.Objective[0], sum.HeadcountAfter)
			}
			if sum.Pools == 0 || sum.Titles == 0 || sum.People == 0 || sum.CostBefore <= 0 || sum.CostAfter <= 0 {
				t.Errorf("empty summary: %+v", sum)
			}
			t.Logf("%s: %d → %d people, cost %d → %d, %d pools, %d titles, %.2f s",
				name, sum.HeadcountBefore, sum.HeadcountAfter, sum.CostBefore, sum.CostAfter, sum.Pools, sum.Titles, sum.Seconds)
		})
	}
}

// readCSV reads a whole CSV file.
func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return recs
}

// holdings maps "person" to the sorted "unit/title" they hold in plan.csv.
func holdings(t *testing.T, plan [][]string) map[string][]string {
	t.Helper()
	if got := strings.Join(plan[0], ","); got != "unit,unit_name,title,title_name,person,person_name,role" &&
		got != "Mã đơn vị,Tên đơn vị,Mã chức danh,Chức danh,Mã cán bộ,Họ và tên,Vai trò" {
		t.Fatalf("plan.csv header = %s", got)
	}
	out := map[string][]string{}
	for _, r := range plan[1:] {
		out[r[4]] = append(out[r[4]], r[0]+"/"+r[2])
	}
	for _, h := range out {
		slices.Sort(h)
	}
	return out
}

func TestOptimizeTinyFiles(t *testing.T) {
	dir := t.TempDir()
	sum := optimizeOK(t, tiny, "--out", dir)
	if sum.Status != "optimal" || sum.Gap != 0 || sum.HeadcountBefore != 8 || sum.HeadcountAfter != 3 || sum.Titles != 8 || sum.Pools != 1 {
		t.Fatalf("summary = %+v; want optimal, gap 0, 8 → 3 people, 8 titles, 1 pool", sum)
	}
	for _, f := range []string{"plan.csv", "plan.xlsx", "people.csv", "summary.json"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("--out did not write %s: %v", f, err)
		}
	}

	// summary.json is what --json printed.
	raw, err := os.ReadFile(filepath.Join(dir, "summary.json"))
	if err != nil {
		t.Fatal(err)
	}
	var fileSum report.OptimizeSummary
	if err := json.Unmarshal(raw, &fileSum); err != nil || fileSum.Status != sum.Status || fileSum.HeadcountAfter != sum.HeadcountAfter {
		t.Errorf("summary.json = %+v (%v), want the --json summary", fileSum, err)
	}

	// plan.csv: one row per title holder, the unique best plan.
	plan := readCSV(t, filepath.Join(dir, "plan.csv"))
	if len(plan)-1 != sum.Titles {
		t.Errorf("plan.csv has %d rows, want %d (the titles)", len(plan)-1, sum.Titles)
	}
	got := holdings(t, plan)
	want := map[string][]string{
		"P01": {"99001/phu-trach-truyen-thanh", "99001/van-phong-dang-uy"},
		"P03": {"99001-01/bi-thu-chi-bo", "99001-01/truong-ban-ctmt", "99001-01/truong-thon"},
		"P06": {"99001-02/bi-thu-chi-bo", "99001-02/truong-ban-ctmt", "99001-02/truong-thon"},
	}
	if !mapsEqual(got, want) {
		t.Errorf("plan = %v, want %v", got, want)
	}
	mains := map[string]int{}
	for _, r := range plan[1:] {
		if r[6] != "chính" && r[6] != "kiêm nhiệm" {
			t.Errorf("role %q, want chính or kiêm nhiệm (main or concurrent in Vietnamese)", r[6])
		}
		if r[6] == "chính" {
			mains[r[4]]++
		}
		if r[1] == "" || r[3] == "" || r[5] == "" {
			t.Errorf("row %v lacks a name", r)
		}
		if r[2] == "truong-thon" && r[3] != "Trưởng thôn / Tổ trưởng tổ dân phố" {
			t.Errorf("title_name %q, want the Vietnamese name", r[3])
		}
	}
	for p := range want {
		if mains[p] != 1 {
			t.Errorf("%s has %d main titles, want 1", p, mains[p])
		}
	}

	// plan.xlsx reads back as plan.csv.
	f, err := excelize.OpenFile(filepath.Join(dir, "plan.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("plan")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(plan) {
		t.Fatalf("plan.xlsx has %d rows, plan.csv %d", len(rows), len(plan))
	}
	for i := range rows {
		for len(rows[i]) < len(plan[i]) {
			rows[i] = append(rows[i], "")
		}
		if !slices.Equal(rows[i], plan[i]) {
			t.Errorf("plan.xlsx row %d = %q, plan.csv %q", i+1, rows[i], plan[i])
		}
	}

	// people.csv: every person, the released with a severance estimate,
	// in the roster's shape: it loads back with the titles after the plan.
	people := readPeopleOut(t, dir, tiny)
	if len(people) != 8 {
		t.Fatalf("people.csv has %d rows, want 8", len(people))
	}
	var total int64
	for _, r := range people {
		id, status := r.id, r.status
		sev, err := strconv.ParseInt(r.severance, 10, 64)
		if err != nil {
			t.Fatalf("severance %q: %v", r.severance, err)
		}
		_, kept := want[id]
		switch {
		case kept && (status != "kept" || sev != 0):
			t.Errorf("%s: status %s severance %d, want kept and 0", id, status, sev)
		case !kept && (status != "released" || sev <= 0 || len(r.after) != 0):
			t.Errorf("%s: status %s severance %d titles after %q, want released with a positive severance", id, status, sev, r.after)
		}
		if kept && !slices.Equal(r.after, want[id]) {
			t.Errorf("%s: titles after %q, want %q", id, r.after, want[id])
		}
		total += sev
	}
	if sum.Released != 5 || sum.SeveranceTotal != total {
		t.Errorf("summary: %d released, severance %d; people.csv: 5, %d", sum.Released, sum.SeveranceTotal, total)
	}
}

// TestOptimizeSeverance pins one estimate to Decree 154/2025's formula: P05,
// head of the Front work committee (1.0 × 2,340,000 đồng) since 2012-09-01,
// has served 148 months on 2025-01-01 (12 years 4 months: 12.5 years) and is
// a man born 1970-09-09, who retires at 62 at the end of September 2032, 92
// months later: more than 5 years, so the 60-month cap at 0.8 applies.
// A × (0.8 × 60 + 1.5 × 12.5 + 3) = 2,340,000 × 69.75 = 163,215,000.
func TestOptimizeSeverance(t *testing.T) {
	dir := t.TempDir()
	optimizeOK(t, tiny, "--out", dir)
	for _, r := range readPeopleOut(t, dir, tiny) {
		if r.id == "P05" && r.severance != "163215000" {
			t.Errorf("P05 severance = %s, want 163215000", r.severance)
		}
	}
}

func mapsEqual(a, b map[string][]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if !slices.Equal(v, b[k]) {
			return false
		}
	}
	return true
}

func TestOptimizePinForbid(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want map[string][]string
	}{
		{"pin keeps P04 as village head", []string{"--pin", "P04:truong-thon@99001-01"}, map[string][]string{
			"P01": {"99001/phu-trach-truyen-thanh", "99001/van-phong-dang-uy"},
			"P03": {"99001-01/bi-thu-chi-bo", "99001-01/truong-ban-ctmt"},
			"P04": {"99001-01/truong-thon"},
			"P06": {"99001-02/bi-thu-chi-bo", "99001-02/truong-ban-ctmt", "99001-02/truong-thon"},
		}},
		{"forbid moves Thôn Tây's Party cell to P07", []string{"--forbid", "P06:bi-thu-chi-bo@99001-02"}, map[string][]string{
			"P01": {"99001/phu-trach-truyen-thanh", "99001/van-phong-dang-uy"},
			"P03": {"99001-01/bi-thu-chi-bo", "99001-01/truong-ban-ctmt", "99001-01/truong-thon"},
			"P06": {"99001-02/truong-ban-ctmt", "99001-02/truong-thon"},
			"P07": {"99001-02/bi-thu-chi-bo"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			sum := optimizeOK(t, append([]string{tiny, "--out", dir}, tt.args...)...)
			if sum.Status != "optimal" || sum.HeadcountAfter != 4 {
				t.Errorf("status %s, %d people; want optimal, 4", sum.Status, sum.HeadcountAfter)
			}
			if got := holdings(t, readCSV(t, filepath.Join(dir, "plan.csv"))); !mapsEqual(got, tt.want) {
				t.Errorf("plan = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestOptimizeErrors(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantErr  string
	}{
		{"pin without unit", []string{tiny, "--pin", "P04:truong-thon"}, exitUsage, "PERSON:TITLE@UNIT"},
		{"pin without title", []string{tiny, "--pin", "P04@99001-01"}, exitUsage, "PERSON:TITLE@UNIT"},
		{"pin with empty person", []string{tiny, "--pin", ":truong-thon@99001-01"}, exitUsage, "PERSON:TITLE@UNIT"},
		{"forbid with empty unit", []string{tiny, "--forbid", "P04:truong-thon@"}, exitUsage, "PERSON:TITLE@UNIT"},
		{"unknown person", []string{tiny, "--pin", "P99:truong-thon@99001-01"}, exitInput, `no person "P99"`},
		{"unknown title", []string{tiny, "--forbid", "P04:thu-quy@99001-01"}, exitInput, `no title "thu-quy"`},
		{"unknown unit", []string{tiny, "--pin", "P04:truong-thon@99001-09"}, exitInput, `no unit "99001-09"`},
		{"unknown solver", []string{tiny, "--solver", "gurobi"}, exitUsage, "--solver"},
		{"bad language", []string{tiny, "--lang", "fr"}, exitUsage, "--lang"},
		{"no scenario", nil, exitUsage, "exactly one SCENARIO"},
		{"unknown scenario", []string{"nd99-2099"}, exitInput, "nd99-2099"},
		{"out over the scenario's people.csv", []string{tiny, "--out", "testdata/optimize"}, exitUsage, "would overwrite an input"},
	}
	before, err := os.ReadFile("testdata/optimize/people.csv")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := cli(t, append([]string{"optimize"}, tt.args...)...)
			if code != tt.wantCode {
				t.Fatalf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tt.wantCode, out, errOut)
			}
			if !strings.Contains(errOut, tt.wantErr) {
				t.Errorf("stderr does not contain %q:\n%s", tt.wantErr, errOut)
			}
		})
	}
	after, err := os.ReadFile("testdata/optimize/people.csv")
	if err != nil || string(after) != string(before) {
		t.Errorf("testdata/optimize/people.csv changed (%v)", err)
	}
}

func TestOptimizeHumanSummary(t *testing.T) {
	tests := []struct {
		lang string
		want []string
	}{
		// 8 titles × 12 months of allowance, grouped the local way.
		{"vi", []string{"tối ưu", "Số người: 8 → 3", "266.760.000 đồng → 266.760.000 đồng", "Thôi việc: 5"}},
		{"en", []string{"optimal", "People: 8 → 3", "266,760,000 đồng → 266,760,000 đồng", "Released: 5"}},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			code, out, errOut := cli(t, "optimize", tiny, "--lang", tt.lang)
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("summary does not contain %q:\n%s", w, out)
				}
			}
		})
	}
}

// An infeasible commune is a valid answer: exit 0, the commune listed with
// its reasons, an empty plan, its people unplanned.
func TestOptimizeInfeasible(t *testing.T) {
	dir := t.TempDir()
	// P04 is no Party member: the pin cannot be met.
	sum := optimizeOK(t, tiny, "--pin", "P04:bi-thu-chi-bo@99001-01", "--out", dir, "--lang", "en")
	if sum.Status != "infeasible" || sum.UnplannedPools != 1 || len(sum.InfeasiblePools) != 1 {
		t.Fatalf("status %s, %d unplanned, infeasible pools %+v; want infeasible, 1, [99001]", sum.Status, sum.UnplannedPools, sum.InfeasiblePools)
	}
	if p := sum.InfeasiblePools[0]; p.Commune != "99001" || p.CommuneName != "Xã Thử Nghiệm" || p.Reasons == nil {
		t.Errorf("infeasible pool = %+v", p)
	}
	for _, r := range sum.InfeasiblePools[0].Reasons {
		if strings.TrimSpace(r) == "" {
			t.Errorf("empty reason in %q", sum.InfeasiblePools[0].Reasons)
		}
	}
	if plan := readCSV(t, filepath.Join(dir, "plan.csv")); len(plan) != 1 {
		t.Errorf("plan.csv has %d rows, want the header only", len(plan))
	}
	for _, r := range readPeopleOut(t, dir, tiny) {
		if r.status != "unplanned" || r.severance != "0" || len(r.after) == 0 {
			t.Errorf("%s: status %s severance %s titles %q, want unplanned, 0 and today's titles", r.id, r.status, r.severance, r.after)
		}
	}
	code, out, errOut := cli(t, "optimize", tiny, "--pin", "P04:bi-thu-chi-bo@99001-01")
	if code != exitOK || !strings.Contains(out, "Xã Thử Nghiệm") || !strings.Contains(out, "không khả thi") {
		t.Errorf("human summary: exit %d\n%s%s", code, out, errOut)
	}
}

// A time limit that has passed before the search starts is still a valid
// answer: whatever the solver returns passes the checker.
func TestOptimizeTimeLimit(t *testing.T) {
	sum := optimizeOK(t, tiny, "--time-limit", "1ns")
	if sum.Status != "time_limit" && sum.Status != "optimal" {
		t.Errorf("status %s, want time_limit (or optimal if the solve beat the clock)", sum.Status)
	}
}

func TestOptimizeWeighted(t *testing.T) {
	sum := optimizeOK(t, tiny, "--weighted")
	if sum.Mode != "weighted" || sum.Status != "optimal" || sum.HeadcountAfter != 3 {
		t.Errorf("mode %s status %s, %d people; want weighted, optimal, 3", sum.Mode, sum.Status, sum.HeadcountAfter)
	}
}

func TestOptimizeHelp(t *testing.T) {
	code, out, _ := cli(t, "optimize", "--help")
	if code != exitOK || !strings.HasPrefix(out, "Usage: kiemnhiem optimize SCENARIO") || !strings.Contains(out, "infeasible_pools") {
		t.Errorf("optimize --help: exit %d\n%s", code, out)
	}
}

// TestOptimizeCBC compares the native solver with CBC on the tiny
// scenario, plain and with a forbid.
func TestOptimizeCBC(t *testing.T) {
	requireCBC(t)
	for _, extra := range [][]string{nil, {"--forbid", "P06:bi-thu-chi-bo@99001-02"}, {"--pin", "P04:truong-thon@99001-01"}} {
		native := optimizeOK(t, append([]string{tiny}, extra...)...)
		cbc := optimizeOK(t, append([]string{tiny, "--solver", "cbc"}, extra...)...)
		if cbc.Solver != "cbc" || cbc.Status != "optimal" || !slices.Equal(cbc.Objective, native.Objective) {
			t.Errorf("%v: cbc %s %s %v, native %s %v", extra, cbc.Solver, cbc.Status, cbc.Objective, native.Status, native.Objective)
		}
	}
}

// TestOptimizeExport writes the model as MPS and LP and has CBC solve both.
func TestOptimizeExport(t *testing.T) {
	dir := t.TempDir()
	mps, lp := filepath.Join(dir, "tiny.mps"), filepath.Join(dir, "tiny.lp")
	optimizeOK(t, tiny, "--export-mps", mps)
	optimizeOK(t, tiny, "--export-mps", lp)
	for _, f := range []string{mps, lp} {
		info, err := os.Stat(f)
		if err != nil || info.Size() == 0 {
			t.Fatalf("--export-mps %s: %v", f, err)
		}
	}
	head, _ := os.ReadFile(mps)
	if !strings.Contains(string(head), "ROWS") || !strings.Contains(string(head), "COLUMNS") {
		t.Errorf("%s does not look like MPS:\n%.400s", mps, head)
	}
	requireCBC(t)
	for _, f := range []string{mps, lp} {
		out, err := exec.Command("cbc", f, "solve").CombinedOutput()
		if err != nil || !strings.Contains(string(out), "Optimal") {
			t.Errorf("cbc %s solve: %v\n%s", f, err, out)
		}
	}
}

func TestDiffCommand(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.csv")
	b := filepath.Join(dir, "b.csv")
	write := func(p, text string) {
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(a, "unit,unit_name,title,title_name,person,person_name,role\nV1,Thôn Đông,truong-thon,Trưởng thôn,P1,An,main\nV1,Thôn Đông,bi-thu-chi-bo,Bí thư,P2,Bình,main\n")
	write(b, "unit,unit_name,title,title_name,person,person_name,role\nV1,Thôn Đông,truong-thon,Trưởng thôn,P2,Bình,concurrent\nV1,Thôn Đông,bi-thu-chi-bo,Bí thư,P2,Bình,main\n")
	code, out, errOut := cli(t, "diff", a, b, "--lang", "en")
	if code != exitOK {
		t.Fatalf("diff: exit %d: %s", code, errOut)
	}
	for _, want := range []string{"V1 truong-thon: P1 → P2", "released: P1"} {
		if !strings.Contains(out, want) {
			t.Errorf("diff output lacks %q:\n%s", want, out)
		}
	}
	write(b, "unit,title,person,role\nV1,truong-thon,P2,boss\n")
	code, _, errOut = cli(t, "diff", a, b)
	if code != exitInput || !strings.Contains(errOut, b+":2:") || !strings.Contains(errOut, "role: expected main or concurrent") {
		t.Errorf("bad role: exit %d, stderr %q", code, errOut)
	}
	if code, _, _ := cli(t, "diff", a); code != exitUsage {
		t.Errorf("one file: exit %d, want %d", code, exitUsage)
	}
}

// requireCBC skips a test that needs Debian's cbc when it is missing, or
// fails it under KIEMNHIEM_REQUIRE_TOOLS=1 (.ci/run installs cbc).
func requireCBC(t *testing.T) { requireTool(t, "cbc") }

// requireTool is requireCBC for any program.
func requireTool(t *testing.T, name string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		if os.Getenv("KIEMNHIEM_REQUIRE_TOOLS") == "1" {
			t.Fatalf("%s not on PATH (KIEMNHIEM_REQUIRE_TOOLS=1)", name)
		}
		t.Skipf("%s not on PATH", name)
	}
}
