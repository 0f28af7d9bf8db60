package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// cli runs the command in-process and returns its exit code and output.
func cli(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(context.Background(), args, strings.NewReader(""), &out, &errOut)
	return code, out.String(), errOut.String()
}

var wantPresets = []string{"hanoi-2019", "nd185-2026", "nd185-2026-pairs", "nd185-2026-strict", "nd33-2023", "nd34-2019", "no-concurrency", "villages-2026", "villages-2026-two-people"}

func TestPresetsCommand(t *testing.T) {
	code, out, errOut := cli(t, "presets")
	if code != exitOK {
		t.Fatalf("presets exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != len(wantPresets) {
		t.Fatalf("presets printed %d lines, want %d:\n%s", len(lines), len(wantPresets), out)
	}
	for i, name := range wantPresets {
		fields := strings.Fields(lines[i])
		if len(fields) < 2 || fields[0] != name {
			t.Errorf("line %d = %q, want %s and a description", i, lines[i], name)
		}
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantErr  []string // substrings of stderr
	}{
		{"every preset", append([]string{"validate"}, wantPresets...), exitOK, nil},
		{"unknown field on line 3", []string{"validate", "testdata/unknown-field-line3.yaml"}, exitInput,
			[]string{"testdata/unknown-field-line3.yaml:3:1: allowance_fund: unknown field \"allowance_fund\""}},
		{"missing file", []string{"validate", "testdata/nope.yaml"}, exitInput, []string{"testdata/nope.yaml: cannot read scenario"}},
		{"unknown preset", []string{"validate", "nd35-2030"}, exitInput, []string{"no preset \"nd35-2030\""}},
		{"no arguments", []string{"validate"}, exitUsage, []string{"at least one SCENARIO"}},
		{"bad flag", []string{"validate", "--frobnicate", "nd33-2023"}, exitUsage, []string{"unknown flag"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := cli(t, tt.args...)
			if code != tt.wantCode {
				t.Fatalf("exit %d, want %d; stderr:\n%s", code, tt.wantCode, errOut)
			}
			if tt.wantCode == exitOK && (out != "" || errOut != "") {
				t.Errorf("validate is not silent on success: stdout %q stderr %q", out, errOut)
			}
			for _, w := range tt.wantErr {
				if !strings.Contains(errOut, w) {
					t.Errorf("stderr does not contain %q:\n%s", w, errOut)
				}
			}
		})
	}
}

func TestShowJSON(t *testing.T) {
	code, out, errOut := cli(t, "show", "nd33-2023", "--json")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var doc struct {
		Policy struct {
			BaseSalary []struct {
				From   string `json:"from"`
				Value  int64  `json:"value"`
				Source string `json:"source"`
			} `json:"base_salary"`
			CommuneCap []struct {
				From   string         `json:"from"`
				Value  map[string]int `json:"value"`
				Source string         `json:"source"`
			} `json:"commune_cap"`
			CommuneFund []struct {
				From   string             `json:"from"`
				Value  map[string]float64 `json:"value"`
				Source string             `json:"source"`
			} `json:"commune_fund"`
		} `json:"policy"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("show --json is not JSON: %v\n%s", err, out)
	}
	salary := map[string]int64{}
	for _, e := range doc.Policy.BaseSalary {
		if e.Source == "" {
			t.Errorf("base salary from %s has no source", e.From)
		}
		salary[e.From] = e.Value
	}
	if salary["2024-07-01"] != 2_340_000 || salary["2026-07-01"] != 2_530_000 {
		t.Errorf("base salary = %v; want 2,340,000 from 2024-07-01 and 2,530,000 from 2026-07-01", salary)
	}
	last := doc.Policy.CommuneCap[len(doc.Policy.CommuneCap)-1]
	if last.Value["I"] != 14 || last.Value["II"] != 12 || last.Value["III"] != 10 || last.Source == "" {
		t.Errorf("commune cap = %+v, want 14/12/10 with a source", last)
	}
	fund := doc.Policy.CommuneFund[len(doc.Policy.CommuneFund)-1]
	if fund.Value["I"] != 21 || fund.Value["II"] != 18 || fund.Value["III"] != 15 || fund.From != "2023-08-01" || fund.Source == "" {
		t.Errorf("commune fund = %+v, want 21.0/18.0/15.0 from 2023-08-01 with a source", fund)
	}
}

func TestShowRoundTrip(t *testing.T) {
	code, out, errOut := cli(t, "show", "hanoi-2019")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	p := filepath.Join(t.TempDir(), "frozen.yaml")
	if err := os.WriteFile(p, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := cli(t, "validate", p); code != exitOK {
		t.Errorf("show's output does not validate: %s", errOut)
	}
}

type summary struct {
	Communes, Villages, People, Districts int
}

func generate(t *testing.T, args ...string) (summary, string) {
	t.Helper()
	dir := t.TempDir()
	code, out, errOut := cli(t, append([]string{"generate", "--out", dir, "--json"}, args...)...)
	if code != exitOK {
		t.Fatalf("generate %v: exit %d: %s", args, code, errOut)
	}
	var s summary
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatalf("generate --json: %v\n%s", err, out)
	}
	return s, dir
}

func TestGenerate(t *testing.T) {
	tests := []struct {
		vintage      string
		wantCommunes int
	}{
		{"2024-11", 579},
		{"2025-07", 126},
	}
	for _, tt := range tests {
		t.Run(tt.vintage, func(t *testing.T) {
			s, dir := generate(t, "--province", "01", "--vintage", tt.vintage, "--seed", "1")
			if s.Communes != tt.wantCommunes {
				t.Errorf("communes = %d, want %d", s.Communes, tt.wantCommunes)
			}
			if s.Villages < s.Communes || s.People == 0 {
				t.Errorf("villages = %d, people = %d: want villages under every commune and people holding titles", s.Villages, s.People)
			}
			_, dir2 := generate(t, "--province", "01", "--vintage", tt.vintage, "--seed", "1")
			for _, f := range []string{"units.csv", "people.csv"} {
				a, _ := os.ReadFile(filepath.Join(dir, f))
				b, _ := os.ReadFile(filepath.Join(dir2, f))
				if len(a) == 0 || !bytes.Equal(a, b) {
					t.Errorf("%s differs between two runs with seed 1 (or is empty)", f)
				}
			}
		})
	}
}

func TestGenerateRealUnits(t *testing.T) {
	const file = "../../../shared/data/vn_communes_2025-07_post_reform.csv"
	if _, err := os.Stat(file); err != nil {
		t.Skipf("real data not present: %v", err)
	}
	s, dir := generate(t, "--units", file, "--province", "01")
	if s.Communes != 126 {
		t.Errorf("communes = %d, want 126", s.Communes)
	}
	units, err := os.ReadFile(filepath.Join(dir, "units.csv"))
	if err != nil {
		t.Fatal(err)
	}
	// Phường Ba Đình (00004) has population_best 65,023 in the real list.
	if !strings.Contains(string(units), "00004,Phường Ba Đình,commune,phuong,") || !strings.Contains(string(units), ",65023,") {
		t.Errorf("units.csv lacks Phường Ba Đình with its real population 65,023")
	}
}

func TestUsage(t *testing.T) {
	tests := []struct {
		args []string
		code int
		want string
	}{
		{nil, exitUsage, "Usage:"},
		{[]string{"frobnicate"}, exitUsage, "unknown command"},
		{[]string{"generate"}, exitUsage, "--out DIR is required"},
		{[]string{"generate", "--out", "x", "--vintage", "2019"}, exitUsage, "--vintage must be one of"},
		{[]string{"show"}, exitUsage, "exactly one SCENARIO"},
	}
	for _, tt := range tests {
		code, _, errOut := cli(t, tt.args...)
		if code != tt.code || !strings.Contains(errOut, tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d and %q", tt.args, code, errOut, tt.code, tt.want)
		}
	}
}

func TestHelp(t *testing.T) {
	code, out, _ := cli(t, "--help")
	if code != exitOK || !strings.Contains(out, "Commands:") || strings.Contains(out, "package main") {
		t.Errorf("--help: exit %d, output:\n%s", code, out)
	}
	code, out, _ = cli(t, "generate", "--help")
	if code != exitOK || !strings.HasPrefix(out, "Usage: kiemnhiem generate --out DIR") {
		t.Errorf("generate --help: exit %d, output:\n%s", code, out)
	}
}
