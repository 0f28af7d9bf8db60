package scenarios

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/internal/golden"
	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/tables"
)

// TestPresetsGolden pins every resolved preset: a change to a preset or to
// resolution shows up as a diff (go test ./scenarios -update to accept).
func TestPresetsGolden(t *testing.T) {
	for _, name := range Presets() {
		t.Run(name, func(t *testing.T) {
			golden.Assert(t, filepath.Join("testdata", "golden", name+".yaml"), presetYAML(t, name))
		})
	}
}

// presetYAML is preset name, loaded and resolved, as show prints it.
func presetYAML(t *testing.T, name string) []byte {
	t.Helper()
	s, err := Load(name)
	if err != nil {
		t.Fatal(err)
	}
	b, err := s.YAML()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestResolvedRoundTrip checks that show's output is itself a scenario that
// resolves to the same thing.
func TestResolvedRoundTrip(t *testing.T) {
	for _, name := range Presets() {
		t.Run(name, func(t *testing.T) {
			first := presetYAML(t, name)
			again, err := LoadBytes(name+"-resolved.yaml", "", first)
			if err != nil {
				t.Fatalf("resolved %s does not load back: %v", name, err)
			}
			second, err := again.YAML()
			if err != nil {
				t.Fatal(err)
			}
			// The chain line differs; everything else must not.
			strip := func(b []byte) []byte { _, rest, _ := bytes.Cut(b, []byte("\n")); return rest }
			if !bytes.Equal(strip(first), strip(second)) {
				t.Errorf("round trip changed %s:\n%s", name, golden.Diff(strip(first), strip(second)))
			}
		})
	}
}

// TestPresetFacts checks the legal figures the foundation issue names, read
// through the model on the dates they apply.
func TestPresetFacts(t *testing.T) {
	nd33 := mustLoad(t, "nd33-2023")
	salary := []struct {
		date string
		want model.Money
	}{
		{"2019-07-01", 1_490_000},
		{"2023-07-01", 1_800_000},
		{"2024-07-01", 2_340_000},
		{"2026-06-30", 2_340_000},
		{"2026-07-01", 2_530_000},
	}
	for _, tt := range salary {
		got, err := nd33.Policy.BaseSalary.At(model.MustDate(tt.date))
		if err != nil || got != tt.want {
			t.Errorf("nd33-2023 base salary on %s = %v, %v; want %v", tt.date, got, err, tt.want)
		}
	}
	funds := []struct {
		preset, date string
		want         model.ByClass[model.Coefficient]
		caps         model.ByClass[int]
	}{
		{"nd34-2019", "2020-01-01", model.ByClass[model.Coefficient]{I: 16.0, II: 13.7, III: 11.4}, model.ByClass[int]{I: 14, II: 12, III: 10}},
		{"nd33-2023", "2025-01-01", model.ByClass[model.Coefficient]{I: 21.0, II: 18.0, III: 15.0}, model.ByClass[int]{I: 14, II: 12, III: 10}},
	}
	for _, tt := range funds {
		s := mustLoad(t, tt.preset)
		d := model.MustDate(tt.date)
		if got, err := s.Policy.CommuneFund.At(d); err != nil || got != tt.want {
			t.Errorf("%s commune fund on %s = %v, %v; want %v", tt.preset, tt.date, got, err, tt.want)
		}
		if got, err := s.Policy.CommuneCap.At(d); err != nil || got != tt.caps {
			t.Errorf("%s commune cap on %s = %v, %v; want %v", tt.preset, tt.date, got, err, tt.caps)
		}
	}
	// Village funds: NĐ 34/2019 3.0/5.0, NĐ 33/2023 4.5/6.0.
	vf := []struct {
		preset, date    string
		standard, large model.Coefficient
	}{
		{"nd34-2019", "2020-01-01", 3.0, 5.0},
		{"nd33-2023", "2025-01-01", 4.5, 6.0},
		{"villages-2026", "2026-07-01", 4.5, 6.0},
	}
	for _, tt := range vf {
		got, err := mustLoad(t, tt.preset).Policy.VillageFund.At(model.MustDate(tt.date))
		if err != nil || got.Standard != tt.standard || got.Large != tt.large {
			t.Errorf("%s village fund on %s = %+v, %v; want %v/%v", tt.preset, tt.date, got, err, tt.standard, tt.large)
		}
	}
	if rate, _ := nd33.Policy.ConcurrencyRate.At(nd33.Date); rate != 1.0 {
		t.Errorf("nd33-2023 concurrency rate = %v, want 1.0 (Art. 34(4))", rate)
	}
	twoPeople := mustLoad(t, "villages-2026-two-people")
	if c, _ := twoPeople.Policy.VillageCap.At(twoPeople.Date); c != 2 {
		t.Errorf("villages-2026-two-people village cap = %d, want 2", c)
	}
	v26 := mustLoad(t, "villages-2026")
	for _, ti := range v26.Titles {
		if ti.Level != model.Village {
			t.Errorf("villages-2026 keeps commune title %s", ti.ID)
		}
	}
	if len(v26.Titles) != 3 {
		t.Errorf("villages-2026 has %d titles, want the 3 village titles", len(v26.Titles))
	}
}

// TestEverySourceCited walks each resolved preset and fails on a dated value
// or title without a source.
func TestEverySourceCited(t *testing.T) {
	for _, name := range Presets() {
		s := mustLoad(t, name)
		y, err := s.YAML()
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(y, []byte(`source: ""`)) {
			t.Errorf("%s has a value with an empty source", name)
		}
		for _, ti := range s.Titles {
			if strings.TrimSpace(ti.Source) == "" {
				t.Errorf("%s: title %s has no source", name, ti.ID)
			}
		}
	}
}

func TestVariantStacking(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write("a.yaml", `extends: nd33-2023
policy:
  concurrency_rate:
    - {from: 2027-01-01, value: 0.5, source: "assumption: variant a"}
titles:
  - id: truong-thon
    allowance: 1.4
`)
	b := write("b.yaml", `extends: a.yaml
policy:
  concurrency_rate:
    - {from: 2027-01-01, value: 0.7, source: "assumption: variant b"}
titles:
  - id: truong-thon
    workload: {base: 9}
  - id: truong-ban-ctmt
    remove: true
`)
	s, err := Load(b)
	if err != nil {
		t.Fatal(err)
	}
	if got := len(s.Chain); got != 4 {
		t.Errorf("chain = %v, want b, a, nd33-2023, nd34-2019", s.Chain)
	}
	rate, _ := s.Policy.ConcurrencyRate.At(model.MustDate("2027-06-01"))
	old, _ := s.Policy.ConcurrencyRate.At(model.MustDate("2025-01-01"))
	if rate != 0.7 || old != 1.0 {
		t.Errorf("concurrency rate 2027 = %v (want 0.7 from b), 2025 = %v (want 1.0 inherited)", rate, old)
	}
	var th *model.Title
	for i := range s.Titles {
		if s.Titles[i].ID == "truong-ban-ctmt" {
			t.Errorf("truong-ban-ctmt was removed by b.yaml but is still there")
		}
		if s.Titles[i].ID == "truong-thon" {
			th = &s.Titles[i]
		}
	}
	if th == nil {
		t.Fatal("truong-thon missing")
	}
	base := mustLoad(t, "nd33-2023")
	var orig model.Title
	for _, ti := range base.Titles {
		if ti.ID == "truong-thon" {
			orig = ti
		}
	}
	if th.Allowance != 1.4 || th.Workload.Base != 9 || th.Workload.PerThousandHouseholds != orig.Workload.PerThousandHouseholds || th.Name != orig.Name {
		t.Errorf("merged truong-thon = %+v; want allowance 1.4 from a, workload.base 9 from b, the rest from nd33-2023 (%+v)", th, orig)
	}
}

func mustLoad(t *testing.T, ref string) *Scenario {
	t.Helper()
	s, err := Load(ref)
	if err != nil {
		t.Fatalf("Load(%s): %v", ref, err)
	}
	return s
}

func FuzzLoadBytes(f *testing.F) {
	for _, name := range Presets() {
		src, err := PresetSource(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	bad, _ := filepath.Glob("testdata/bad/*.yaml")
	for _, p := range bad {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if len(src) > 64<<10 {
			t.Skip("input over 64 KiB: slow, and no new paths")
		}
		s, err := LoadBytes("fuzz.yaml", "", src)
		if err != nil {
			for _, e := range tables.Errors(err) {
				if e.File == "" || e.Msg == "" {
					t.Fatalf("error without file or message: %#v", e)
				}
			}
			return
		}
		out, err := s.YAML()
		if err != nil {
			t.Fatalf("resolved scenario does not encode: %v", err)
		}
		if _, err := LoadBytes("again.yaml", "", out); err != nil {
			t.Fatalf("resolved scenario does not load back: %v\n%s", err, out)
		}
	})
}

func ExampleLoad() {
	s, err := Load("nd33-2023")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, d := range []string{"2025-01-01", "2026-07-01"} {
		salary, _ := s.Policy.BaseSalary.At(model.MustDate(d))
		fmt.Printf("base salary on %s: %v đồng\n", d, salary)
	}
	fund, _ := s.Policy.CommuneFund.At(s.Date)
	caps, _ := s.Policy.CommuneCap.At(s.Date)
	fmt.Printf("class I commune: at most %d workers, fund %.1f × base salary\n", caps.I, fund.I)
	// Output:
	// base salary on 2025-01-01: 2,340,000 đồng
	// base salary on 2026-07-01: 2,530,000 đồng
	// class I commune: at most 14 workers, fund 21.0 × base salary
}

func ExampleLoadBytes() {
	variant := []byte(`# Proposal A: pay a concurrent title at half rate from 2027.
extends: nd33-2023
name: proposal-a
policy:
  concurrency_rate:
    - {from: 2027-01-01, value: 0.5, source: "assumption: proposal A"}
`)
	s, err := LoadBytes("proposal-a.yaml", "", variant)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, d := range []string{"2025-01-01", "2027-01-01"} {
		e, _ := s.Policy.ConcurrencyRate.Entry(model.MustDate(d))
		fmt.Printf("on %s: %.0f%% from %s\n", d, 100*e.Value, e.From)
	}
	fmt.Println(strings.Join(s.Chain, " → "))
	// Output:
	// on 2025-01-01: 100% from 2023-08-01
	// on 2027-01-01: 50% from 2027-01-01
	// proposal-a.yaml → presets/nd33-2023.yaml → presets/nd34-2019.yaml
}
