package main

import (
	"cmp"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// decidedScenario writes, in dir, rearrange nd185-2026's mapping.csv with
// edits applied (old row → new row, by regexp) and extra rows appended,
// and a scenario that extends nd185-2026 with it as the decided plan of its
// plan date; it returns the scenario's path.
func decidedScenario(t *testing.T, dir string, edits map[string]string, extra string) string {
	t.Helper()
	if code, _, stderr := cli(t, "rearrange", "nd185-2026", "--out", filepath.Join(dir, "plan")); code != exitOK {
		t.Fatalf("rearrange: exit %d\n%s", code, stderr)
	}
	path := filepath.Join(dir, "plan", "mapping.csv")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for old, repl := range edits {
		re := regexp.MustCompile(old)
		if !re.Match(b) {
			t.Fatalf("mapping.csv has no row %q", old)
		}
		b = re.ReplaceAll(b, []byte(repl))
	}
	b = append(b, extra...)
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	yaml := "name: decided\nextends: nd185-2026\ndynamics:\n  mergers:\n    - date: \"2026-07-01\"\n      mapping: plan/mapping.csv\n      source: \"assumption: test\"\n"
	s := filepath.Join(dir, "decided.yaml")
	if err := os.WriteFile(s, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	return s
}

// withRules writes, beside the decided scenario s, a copy named name
// whose mapping merger carries rules (a YAML flow mapping); it returns
// the copy's path.
func withRules(t *testing.T, s, name, rules string) string {
	t.Helper()
	b, err := os.ReadFile(s)
	if err != nil {
		t.Fatal(err)
	}
	y := strings.Replace(string(b), "name: decided\n", "name: "+name+"\n", 1)
	y = strings.Replace(y, "      mapping: plan/mapping.csv\n", "      mapping: plan/mapping.csv\n      rules: "+rules+"\n", 1)
	if !strings.Contains(y, "rules: ") || !strings.Contains(y, name) {
		t.Fatalf("cannot add rules to %s:\n%s", s, y)
	}
	out := filepath.Join(filepath.Dir(s), name+".yaml")
	if err := os.WriteFile(out, []byte(y), 0o644); err != nil {
		t.Fatal(err)
	}
	return out
}

// keepTDP14 keeps Tổ dân phố 14 of Phường Mỹ Sơn (134 households) as it
// is, where rearrange merges it into Tổ dân phố 2 (432): both stay below
// their floor of 450.
var keepTDP14 = map[string]string{tdp14Row: tdp14Kept}

// tdp14Row matches Tổ dân phố 14's row up to its new village; tdp14Kept
// replaces it so that it stays.
const (
	tdp14Row  = `(?m)^(42001,[^,]*,42001-14,[^,]*,\d+,\d+,)42001-02,`
	tdp14Kept = "${1}42001-14,"
)

// TestCompareMapping: compare of nd185-2026 against a scenario whose
// decided plan is rearrange's mapping with one row edited shows both in
// the rearrangement section, the decided plan against the optimum, with
// the two villages it leaves below their floor and why.
func TestCompareMapping(t *testing.T) {
	if testing.Short() {
		t.Skip("plans the embedded province three times")
	}
	dir := t.TempDir()
	s := decidedScenario(t, dir, keepTDP14, "")
	// The same decided plan checked against, and compared with the
	// optimum under, at most 4 villages into one (rules:).
	k4 := withRules(t, s, "decided-k4", "{max_merge: 4}")
	out := filepath.Join(dir, "report")
	code, stdout, stderr := cli(t, "compare", "nd185-2026", s, k4, "--years", "1", "--runs", "2", "--sensitivity-runs", "0",
		"--format", "svg", "--lang", "en", "--quiet", "--out", out)
	if code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	for _, want := range []string{
		"village rearrangement (at most 3 into one): 1,407 → 921 villages, 486 merged away",
		"village rearrangement (at most 3 into one): 1,407 → 922 villages, 485 merged away",
		"581 / 716 / 110 → 920 / 1 / 1",
		"The decided plan merges 485 villages away (leaving 922), leaves 2 below their floor and moves 106,469 households; the NĐ 185/2026 optimum (at most 3 into one as well) merges 486 (leaving 921), leaves 0 below their floor and moves 106,603 households; rule breaches: 0",
		"village rearrangement (at most 4 into one): 1,407 → 922 villages, 485 merged away",
		"the NĐ 185/2026 optimum (at most 4 into one as well)",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
	page, err := os.ReadFile(filepath.Join(out, "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`id="rearrangement"`, "1,407 → 921", "1,407 → 922", "decided (decided plan)",
		"Tổ dân phố 14 (134 households, floor 450): the decided plan leaves it below its floor, where the NĐ 185/2026 optimum brings it to its floor."} {
		if !strings.Contains(string(page), want) {
			t.Errorf("report.html lacks %q", want)
		}
	}
}

// TestRearrangeMapping: rearrange on a scenario whose plan date brings a
// decided plan prices that plan, says so, and lists its breaches (here a
// fourth village, not a neighbour, into one of three, under --max-merge 3)
// and the villages it leaves below their floor; --max-merge 4 lifts the
// size breach. (--adjacency off is left to package villageplan's tests:
// the optimum of the whole province without neighbours takes minutes.)
func TestRearrangeMapping(t *testing.T) {
	dir := t.TempDir()
	// 42001-14 stays; Phường Hồng Ngọc (42002) decides only to merge
	// 42002-01, -03 and -08 into 42002-06 (01 borders none of them), its
	// other villages staying as they are.
	s := decidedScenario(t, dir, map[string]string{tdp14Row: tdp14Kept, `(?m)^42002,.*\n`: ""},
		"42002,Phường Hồng Ngọc,42002-01,Tổ dân phố 1,450,450,42002-06,Tổ dân phố 6,0,450,yes,\n"+
			"42002,Phường Hồng Ngọc,42002-03,Tổ dân phố 3,174,450,42002-06,Tổ dân phố 6,0,450,yes,\n"+
			"42002,Phường Hồng Ngọc,42002-08,Tổ dân phố 8,290,450,42002-06,Tổ dân phố 6,0,450,yes,\n")
	k4 := withRules(t, s, "decided-k4", "{max_merge: 4, goal: fewest-merges}")
	for _, tt := range []struct {
		name     string
		s        string // the scenario, s when empty
		args     []string
		want     []string
		breaches int
	}{
		{"vi", "", []string{"--lang", "vi"}, []string{"Phương án sắp xếp đã quyết định", "Vi phạm quy tắc: 2", "vượt quá tối đa 3 thôn nhập thành một", "không liền kề nhau", "Thôn còn dưới mức chuẩn sau sắp xếp: 6"}, 2},
		{"en", "", []string{"--lang", "en"}, []string{"The decided rearrangement", "Rule breaches: 2",
			"merges 4 villages (Tổ dân phố 6 (42002-06), Tổ dân phố 1 (42002-01), Tổ dân phố 3 (42002-03), Tổ dân phố 8 (42002-08)) into Tổ dân phố 6, more than the 3 into one the option allows",
			"villages that are not neighbours", "Villages still below their floor: 6", "the decided plan leaves it below its floor",
			"Communes whose plan differs from the optimum: 2",
			"Phường Mỹ Sơn (42001): the decided plan merges 5 villages away, leaves 2 below their floor and moves 1,314 households; the optimum: 6, 0, 1,448"}, 2},
		{"K 4", "", []string{"--lang", "en", "--max-merge", "4"}, []string{"Rule breaches: 1", "villages that are not neighbours"}, 1},
		// rules: in the scenario stand where a flag is not given.
		{"rules K 4", k4, []string{"--lang", "en"}, []string{"at most 4 villages into one", "Rule breaches: 1", "villages that are not neighbours"}, 1},
		{"rules K 4, vi", k4, []string{"--lang", "vi"}, []string{"tối đa 4 thôn nhập thành một", "Vi phạm quy tắc: 1"}, 1},
		{"rules K 4, --max-merge 3", k4, []string{"--lang", "en", "--max-merge", "3"}, []string{"at most 3 villages into one", "Rule breaches: 2", "more than the 3 into one"}, 2},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := cmp.Or(tt.s, s)
			code, stdout, stderr := cli(t, append([]string{"rearrange", s}, tt.args...)...)
			if code != exitOK {
				t.Fatalf("exit %d\n%s", code, stderr)
			}
			for _, want := range tt.want {
				if !strings.Contains(stdout, want) {
					t.Errorf("stdout lacks %q:\n%s", want, stdout)
				}
			}
			if strings.Contains(stdout, "proven optimal:") || strings.Contains(stdout, "chứng minh tối ưu:") {
				t.Errorf("a decided plan reported as proven optimal:\n%s", stdout)
			}
			code, stdout, stderr = cli(t, append([]string{"rearrange", s, "--json"}, tt.args...)...)
			if code != exitOK {
				t.Fatalf("--json: exit %d\n%s", code, stderr)
			}
			var sum struct {
				Decided *struct {
					Breaches      []string `json:"breaches"`
					Under         int      `json:"under"`
					OptimumUnder  int      `json:"optimum_under"`
					OptimumProven int      `json:"optimum_communes_proven"`
				} `json:"decided"`
				Below []struct{ Reason string } `json:"below_floor"`
			}
			if err := json.Unmarshal([]byte(stdout), &sum); err != nil {
				t.Fatal(err)
			}
			if d := sum.Decided; d == nil || len(d.Breaches) != tt.breaches || d.Under != 6 || d.OptimumUnder != 0 || d.OptimumProven != 69 || len(sum.Below) != 6 || sum.Below[0].Reason != "decided-plan" {
				t.Errorf("--json decided %+v, below %+v; want %d breaches, 6 under, optimum 0 under, 69 proven", d, sum.Below, tt.breaches)
			}
		})
	}
}
