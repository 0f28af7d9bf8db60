// Package archtest holds the test that keeps the import graph in the shape
// described in design/architecture.md: which of this module's packages may
// import which, and no math/rand (v1) anywhere.
package archtest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// rule says which packages of this module the packages matching pattern may
// import. Patterns and allow entries are paths relative to the module root:
//
//	"x"      x and every package below it, as one unit;
//	"x/..."  every package below x (not x itself), each child x/y a unit of
//	         its own;
//	"..."    (allow only) any package of this module.
//
// A package follows the most specific rule that matches it. Imports inside a
// package's own unit (optimize/cbc → optimize, say) are always allowed, so
// the table is about the layers between units.
type rule struct {
	pattern string
	allow   []string
}

// rules is the import table of design/architecture.md. A new top-level
// package needs a row here before the test passes; change architecture.md in
// the same commit.
var rules = []rule{
	{"model", nil},
	{"tables", []string{"model"}},
	{"synth", []string{"model", "tables"}},
	{"scenarios", []string{"model", "tables", "synth"}},
	{"optimize", []string{"model"}},
	{"optimize/check", []string{"model", "optimize"}},
	{"sim", []string{"model"}},
	{"rearrange", []string{"model"}},                                      // rearrange/check: the same unit
	{"villageplan", []string{"model", "tables", "optimize", "rearrange"}}, // optimize/check, rearrange/check: the same units
	{"report", []string{"model", "tables", "optimize", "sim", "rearrange", "villageplan"}},
	{"cmd/kiemnhiem", []string{"..."}},
	{"internal/golden", nil},
	{"internal/atomicfile", nil},
	{"internal/rearrangebench", []string{"model", "tables", "synth", "scenarios", "rearrange"}}, // tests only
	{"internal/...", []string{"model"}},
}

// testAllow lists what tests (TestImports and XTestImports) may import in
// addition to their package's own rule and the package itself.
var testAllow = []string{"internal/..."}

// forbidden maps imports that no package of this module may use, in code or
// in tests, to the reason.
var forbidden = map[string]string{
	"math/rand": "use math/rand/v2 with an explicit, seeded source (design/architecture.md, Determinism)",
}

// pkg is the part of `go list -json` output the check needs.
type pkg struct {
	ImportPath   string
	Imports      []string
	TestImports  []string
	XTestImports []string
	Error        *struct{ Err string }
}

func TestImportGraph(t *testing.T) {
	root, module := moduleRoot(t)
	pkgs, err := listPackages(root)
	if err != nil {
		t.Fatal(err)
	}
	if len(pkgs) == 0 {
		t.Fatalf("go list ./... in %s found no packages", root)
	}
	for _, p := range pkgs {
		if p.Error != nil {
			t.Errorf("go list cannot load %s, so its imports may be incomplete; fix the package first:\n\t%s",
				p.ImportPath, strings.ReplaceAll(strings.TrimSpace(p.Error.Err), "\n", "\n\t"))
		}
	}
	for _, problem := range check(module, rules, pkgs) {
		t.Error(problem)
	}
}

// TestCheck proves the checker, with the real table, fails on bad imports.
func TestCheck(t *testing.T) {
	const m = "github.com/kiemnhiem/kiemnhiem"
	ours := func(rel ...string) []string {
		out := make([]string, len(rel))
		for i, r := range rel {
			out[i] = m + "/" + r
		}
		return out
	}
	tests := []struct {
		name string
		pkg  pkg
		want []string // substrings of the one expected problem; nil: no problem
	}{
		{"model imports only the standard library",
			pkg{ImportPath: m + "/model", Imports: []string{"fmt", "time"}}, nil},
		{"model imports optimize",
			pkg{ImportPath: m + "/model", Imports: ours("optimize")},
			[]string{m + "/model imports " + m + "/optimize", "model may import nothing of this module"}},
		{"scenarios imports model and third-party code",
			pkg{ImportPath: m + "/scenarios", Imports: append(ours("model"), "github.com/goccy/go-yaml")}, nil},
		{"sim imports optimize",
			pkg{ImportPath: m + "/sim", Imports: ours("model", "optimize")},
			[]string{"sim imports " + m + "/optimize", "sim may import only model"}},
		{"optimize imports sim",
			pkg{ImportPath: m + "/optimize", Imports: ours("sim")},
			[]string{"optimize imports " + m + "/sim"}},
		{"optimize imports its own subpackage",
			pkg{ImportPath: m + "/optimize", Imports: ours("model", "optimize/bundle")}, nil},
		{"optimize back end imports optimize",
			pkg{ImportPath: m + "/optimize/cbc", Imports: ours("model", "optimize")}, nil},
		{"report imports everything it may",
			pkg{ImportPath: m + "/report", Imports: ours("model", "optimize", "sim", "sim/events")}, nil},
		{"report imports scenarios",
			pkg{ImportPath: m + "/report", Imports: ours("scenarios")},
			[]string{"report imports " + m + "/scenarios", "report may import only model, tables, optimize, sim, rearrange"}},
		{"cmd imports anything",
			pkg{ImportPath: m + "/cmd/kiemnhiem", Imports: ours("model", "scenarios", "optimize", "sim", "report", "internal/seed")}, nil},
		{"another command has no rule",
			pkg{ImportPath: m + "/cmd/other"},
			[]string{m + "/cmd/other has no rule", "archtest_test.go"}},
		{"unknown top-level package",
			pkg{ImportPath: m + "/util", Imports: []string{"fmt"}},
			[]string{m + "/util has no rule"}},
		{"package at the module root",
			pkg{ImportPath: m},
			[]string{m + " has no rule"}},
		{"a similar module path is not ours",
			pkg{ImportPath: m + "/model", Imports: []string{m + "x/optimize"}}, nil},
		{"internal package imports model",
			pkg{ImportPath: m + "/internal/seed", Imports: ours("model")}, nil},
		{"internal package imports sim",
			pkg{ImportPath: m + "/internal/seed", Imports: ours("sim")},
			[]string{"internal/seed imports " + m + "/sim", "internal/... may import only model"}},
		{"golden imports model",
			pkg{ImportPath: m + "/internal/golden", Imports: ours("model")},
			[]string{"internal/golden imports " + m + "/model", "internal/golden may import nothing"}},
		{"code imports internal test helpers",
			pkg{ImportPath: m + "/optimize", Imports: ours("internal/golden")},
			[]string{"optimize imports " + m + "/internal/golden"}},
		{"tests import internal helpers and the package",
			pkg{ImportPath: m + "/optimize", TestImports: ours("internal/golden", "model"), XTestImports: ours("optimize", "internal/seed")}, nil},
		{"test imports a forbidden layer",
			pkg{ImportPath: m + "/sim", XTestImports: ours("sim", "optimize")},
			[]string{"tests of " + m + "/sim import " + m + "/optimize"}},
		{"math/rand in code",
			pkg{ImportPath: m + "/sim", Imports: []string{"math/rand"}},
			[]string{m + "/sim imports math/rand", "math/rand/v2"}},
		{"math/rand in tests",
			pkg{ImportPath: m + "/model", TestImports: []string{"math/rand"}},
			[]string{"tests of " + m + "/model import math/rand"}},
		{"math/rand in an external test",
			pkg{ImportPath: m + "/cmd/kiemnhiem", XTestImports: []string{"math/rand"}},
			[]string{"math/rand"}},
		{"math/rand/v2 is fine",
			pkg{ImportPath: m + "/sim", Imports: []string{"math/rand/v2"}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := check(m, rules, []pkg{tt.pkg})
			switch {
			case tt.want == nil && len(got) > 0:
				t.Errorf("unexpected problems:\n%s", strings.Join(got, "\n"))
			case tt.want != nil && len(got) != 1:
				t.Errorf("got %d problems, want 1:\n%s", len(got), strings.Join(got, "\n"))
			case tt.want != nil:
				for _, s := range tt.want {
					if !strings.Contains(got[0], s) {
						t.Errorf("problem does not mention %q:\n%s", s, got[0])
					}
				}
			}
		})
	}
}

// TestCheckReportsEveryProblem checks that problems are not cut short after
// the first one and come out in a stable order.
func TestCheckReportsEveryProblem(t *testing.T) {
	const m = "example.com/mod"
	pkgs := []pkg{
		{ImportPath: m + "/model", Imports: []string{m + "/sim", "math/rand"}},
		{ImportPath: m + "/zzz"},
	}
	got := check(m, rules, pkgs)
	want := []string{"model imports " + m + "/sim", "model imports math/rand", "zzz has no rule"}
	if len(got) != len(want) {
		t.Fatalf("got %d problems, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	for i := range want {
		if !strings.Contains(got[i], want[i]) {
			t.Errorf("problem %d = %q, want it to mention %q", i, got[i], want[i])
		}
	}
}

// check returns one readable message per violation of the table or of the
// forbidden imports, in package order.
func check(module string, rules []rule, pkgs []pkg) []string {
	var problems []string
	for _, p := range pkgs {
		rel, ok := relative(module, p.ImportPath)
		if !ok {
			continue // not ours (go list ./... lists only ours, but be safe)
		}
		r, hasRule := ruleFor(rules, rel)
		unit := unitOf(r.pattern, rel)
		allowed := func(impRel string, test bool) bool {
			if impRel == unit || strings.HasPrefix(impRel, unit+"/") {
				return true
			}
			if slices.ContainsFunc(r.allow, func(a string) bool { return matches(a, impRel) }) {
				return true
			}
			return test && slices.ContainsFunc(testAllow, func(a string) bool { return matches(a, impRel) })
		}
		for _, kind := range []struct {
			subject, verb string
			imports       []string
			test          bool
		}{
			{p.ImportPath, "imports", p.Imports, false},
			{"tests of " + p.ImportPath, "import", p.TestImports, true},
			{"tests of " + p.ImportPath, "import", p.XTestImports, true},
		} {
			for _, imp := range kind.imports {
				if why, bad := forbidden[imp]; bad {
					problems = append(problems, fmt.Sprintf("%s %s %s: %s", kind.subject, kind.verb, imp, why))
					continue
				}
				impRel, ours := relative(module, imp)
				if !hasRule || !ours || allowed(impRel, kind.test) {
					continue
				}
				msg := fmt.Sprintf("%s %s %s, but %s may import %s (design/architecture.md)",
					kind.subject, kind.verb, imp, r.pattern, describe(r.allow))
				if kind.test {
					msg += fmt.Sprintf("; its tests may also import %s", strings.Join(testAllow, ", "))
				}
				problems = append(problems, msg)
			}
		}
		if !hasRule {
			problems = append(problems, fmt.Sprintf(
				"%s has no rule in the import table: add one to rules in internal/archtest/archtest_test.go "+
					"(and to design/architecture.md) saying which packages of this module it may import",
				p.ImportPath))
		}
	}
	return problems
}

// relative returns path relative to the module ("" for the module root) and
// whether path belongs to the module at all.
func relative(module, path string) (string, bool) {
	if path == module {
		return "", true
	}
	rest, ok := strings.CutPrefix(path, module+"/")
	return rest, ok
}

// matches reports whether the package at rel (relative to the module) is
// covered by pattern; see rule for the pattern forms.
func matches(pattern, rel string) bool {
	if pattern == "..." {
		return true
	}
	if base, ok := strings.CutSuffix(pattern, "/..."); ok {
		return strings.HasPrefix(rel, base+"/")
	}
	return rel == pattern || strings.HasPrefix(rel, pattern+"/")
}

// ruleFor returns the most specific rule matching rel: the one with the
// longest fixed prefix.
func ruleFor(rules []rule, rel string) (rule, bool) {
	best, bestLen, found := rule{}, -1, false
	for _, r := range rules {
		if !matches(r.pattern, rel) {
			continue
		}
		if n := len(strings.TrimSuffix(r.pattern, "/...")); n > bestLen {
			best, bestLen, found = r, n, true
		}
	}
	return best, found
}

// unitOf returns the unit that rel belongs to under pattern: the pattern
// itself, or for "x/..." the child x/y that contains rel.
func unitOf(pattern, rel string) string {
	base, ok := strings.CutSuffix(pattern, "/...")
	if !ok {
		return pattern
	}
	child, _, _ := strings.Cut(strings.TrimPrefix(rel, base+"/"), "/")
	return base + "/" + child
}

func describe(allow []string) string {
	switch {
	case len(allow) == 0:
		return "nothing of this module"
	case slices.Contains(allow, "..."):
		return "anything of this module"
	default:
		return "only " + strings.Join(allow, ", ")
	}
}

// moduleRoot returns the directory and path of the main module.
func moduleRoot(t *testing.T) (dir, module string) {
	t.Helper()
	out, err := goCmd("", "env", "GOMOD")
	if err != nil {
		t.Fatal(err)
	}
	gomod := strings.TrimSpace(string(out))
	if gomod == "" || gomod == os.DevNull {
		t.Fatalf("go env GOMOD = %q: not inside a module", gomod)
	}
	dir = filepath.Dir(gomod)
	out, err = goCmd(dir, "mod", "edit", "-json", gomod)
	if err != nil {
		t.Fatal(err)
	}
	var mod struct{ Module struct{ Path string } }
	if err := json.Unmarshal(out, &mod); err != nil || mod.Module.Path == "" {
		t.Fatalf("reading the module path from %s: %v\n%s", gomod, err, out)
	}
	return dir, mod.Module.Path
}

// listPackages runs go list on every package of the module. With -e, a
// package that does not load is still listed, with its Error set, so one
// broken package does not hide the rest.
func listPackages(root string) ([]pkg, error) {
	out, err := goCmd(root, "list", "-e", "-json=ImportPath,Imports,TestImports,XTestImports,Error", "./...")
	if err != nil {
		return nil, err
	}
	var pkgs []pkg
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p pkg
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return nil, fmt.Errorf("decoding go list output: %w", err)
		}
		pkgs = append(pkgs, p)
	}
	return pkgs, nil
}

// goCmd runs the go command in dir and returns its standard output; the error
// includes the command line and its standard error.
func goCmd(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go %s (in %s) failed: %v\n%s", strings.Join(args, " "), dir, err, stderr.Bytes())
	}
	return out, nil
}
