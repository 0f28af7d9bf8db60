package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// withEnv makes getenv read env only, for the rest of the test.
func withEnv(t *testing.T, env map[string]string) {
	t.Helper()
	old := getenv
	getenv = func(k string) string { return env[k] }
	t.Cleanup(func() { getenv = old })
}

func TestMessageLang(t *testing.T) {
	tests := []struct {
		name string
		args []string
		env  map[string]string
		want model.Lang
	}{
		{"nothing: English", []string{"help"}, nil, model.English},
		{"C locale", []string{"help"}, map[string]string{"LANG": "C.UTF-8"}, model.English},
		{"Vietnamese locale", []string{"help"}, map[string]string{"LANG": "vi_VN.UTF-8"}, model.Vietnamese},
		{"LC_ALL first", []string{"help"}, map[string]string{"LC_ALL": "en_US.UTF-8", "LANG": "vi_VN.UTF-8"}, model.English},
		{"KIEMNHIEM_LANG over the locale", []string{"help"}, map[string]string{"KIEMNHIEM_LANG": "vi", "LANG": "en_GB"}, model.Vietnamese},
		{"--lang over everything", []string{"optimize", "--lang", "en"}, map[string]string{"KIEMNHIEM_LANG": "vi"}, model.English},
		{"--lang=vi", []string{"optimize", "-h", "--lang=vi"}, nil, model.Vietnamese},
		{"bad --lang ignored", []string{"optimize", "--lang", "fr"}, map[string]string{"LANG": "vi_VN"}, model.Vietnamese},
		{"after --", []string{"validate", "--", "--lang=vi"}, nil, model.English},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			withEnv(t, tt.env)
			if got := messageLang(tt.args); got != tt.want {
				t.Errorf("messageLang(%q) = %s, want %s", tt.args, got, tt.want)
			}
		})
	}
}

func TestLangCLI(t *testing.T) {
	tests := []struct {
		name        string
		args        []string
		env         map[string]string
		code        int
		out, errOut string // substrings; "" for no check
	}{
		{"help in Vietnamese", []string{"--lang", "vi", "help"}, nil, exitOK, "Các lệnh:", ""},
		{"help COMMAND", []string{"--lang=vi", "help", "optimize"}, nil, exitOK, "Cách dùng: kiemnhiem optimize PHƯƠNG_ÁN", ""},
		{"-h under KIEMNHIEM_LANG", []string{"compare", "-h"}, map[string]string{"KIEMNHIEM_LANG": "vi"}, exitOK, "Cách dùng: kiemnhiem compare", ""},
		{"-h with --lang", []string{"simulate", "--lang", "vi", "-h"}, nil, exitOK, "Cách dùng: kiemnhiem simulate", ""},
		{"English help", []string{"--lang", "en", "help", "diff"}, map[string]string{"LANG": "vi_VN.UTF-8"}, exitOK, "Usage: kiemnhiem diff", ""},
		{"usage error", []string{"--lang", "vi", "optimize"}, nil, exitUsage, "", "optimize cần đúng một PHƯƠNG_ÁN"},
		{"pflag error", []string{"validate", "--bogus"}, map[string]string{"LANG": "vi_VN.UTF-8"}, exitUsage, "", "cờ không có: --bogus"},
		{"unknown command", []string{"--lang", "vi", "frob"}, nil, exitUsage, "", "không có lệnh \"frob\""},
		{"global --lang reaches the command", []string{"--lang", "en", "presets"}, nil, exitOK, "Decree 33/2023", ""},
		{"presets default Vietnamese", []string{"presets"}, nil, exitOK, "Không kiêm nhiệm", ""},
		{"KIEMNHIEM_LANG sets --lang", []string{"presets"}, map[string]string{"KIEMNHIEM_LANG": "en"}, exitOK, "No concurrency", ""},
		{"bad global --lang", []string{"--lang", "fr", "presets"}, nil, exitUsage, "", "--lang must be vi or en, got \"fr\""},
		{"--lang without value", []string{"--lang"}, nil, exitUsage, "", "--lang needs vi or en"},
		{"bad KIEMNHIEM_LANG", []string{"presets"}, map[string]string{"KIEMNHIEM_LANG": "vn"}, exitUsage, "", "KIEMNHIEM_LANG must be vi or en"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			withEnv(t, tt.env)
			code, out, errOut := cli(t, tt.args...)
			if code != tt.code || !strings.Contains(out, tt.out) || !strings.Contains(errOut, tt.errOut) {
				t.Errorf("%q: exit %d, stdout %.300q, stderr %.300q; want exit %d, %q, %q", tt.args, code, out, errOut, tt.code, tt.out, tt.errOut)
			}
		})
	}
}

// hasWords reports whether s has a letter outside its format verbs and
// flags, so a translation that equals it is no translation.
func hasWords(s string) bool {
	s = regexp.MustCompile(`%[-+# 0-9.*]*[a-zA-Z]|--[a-z-]+|[A-Z_]{2,}`).ReplaceAllString(s, "")
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}

// TestUsageCatalogue fails when a usagef format of the command has no
// Vietnamese form, or one that is the English again.
func TestUsageCatalogue(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	used := map[string]bool{}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 {
				return true
			}
			if id, ok := call.Fun.(*ast.Ident); !ok || id.Name != "usagef" {
				return true
			}
			lit, ok := call.Args[0].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				t.Errorf("%s: usagef with a format that is not a literal: its Vietnamese form cannot be looked up", fset.Position(call.Pos()))
				return true
			}
			format, _ := strconv.Unquote(lit.Value)
			used[format] = true
			vi, ok := usageVi[format]
			switch {
			case !ok:
				t.Errorf("%s: usage error %q has no Vietnamese form in usageVi", fset.Position(call.Pos()), format)
			case hasWords(format) && vi == format:
				t.Errorf("%s: the Vietnamese form of %q is the English", fset.Position(call.Pos()), format)
			case strings.Count(vi, "%") != strings.Count(format, "%"):
				t.Errorf("usageVi[%q] = %q: the verbs differ", format, vi)
			}
			return true
		})
	}
	for format := range usageVi {
		if !used[format] {
			t.Errorf("usageVi has %q, which no usagef uses", format)
		}
	}
}

// TestHelpVietnamese requires a Vietnamese block for every command that
// names every flag of the English block, and both languages of run's own
// messages.
func TestHelpVietnamese(t *testing.T) {
	flagRE := regexp.MustCompile(`--[a-z][a-z-]*`)
	for _, c := range commands {
		if !hasSection(helpVi, c.name) {
			t.Errorf("help_vi.txt has no block for %s", c.name)
			continue
		}
		vi, en := sectionIn(c.name, model.Vietnamese), sectionIn(c.name, model.English)
		if !strings.HasPrefix(en, "Usage: kiemnhiem "+c.name) {
			t.Errorf("doc.go has no block for %s", c.name)
		}
		firstLine := func(s string) string { return strings.SplitN(s, "\n", 2)[0] }
		for _, f := range flagRE.FindAllString(firstLine(en), -1) {
			if !strings.Contains(firstLine(vi), f) {
				t.Errorf("%s: the Vietnamese usage line lacks %s", c.name, f)
			}
		}
	}
	for _, m := range []model.Text{runMessages.unknownCommand, runMessages.interrupted, runMessages.interruptedAgain,
		runMessages.badLangEnv, runMessages.langNeedsValue} {
		if !m.Complete() || m.Vi == m.En {
			t.Errorf("message %q / %q: want both languages, different", m.Vi, m.En)
		}
	}
	if strings.Contains(helpVi, "    ") && strings.Contains(helpVi, "\n    ") {
		t.Errorf("help_vi.txt indents with spaces; the blocks are found by their tabs")
	}
	if _, err := os.Stat("help_vi.txt"); err != nil {
		t.Fatal(err)
	}
}
