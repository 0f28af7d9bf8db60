package main

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/kiemnhiem/kiemnhiem/report"
	"github.com/kiemnhiem/kiemnhiem/villageplan"
)

// runRearrange runs kiemnhiem rearrange with args and decodes its --json.
func runRearrange(t *testing.T, args ...string) (*report.RearrangeSummary, []byte) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), append([]string{"rearrange"}, args...), strings.NewReader(""), &out, &errb)
	if code != exitOK {
		t.Fatalf("rearrange %v: exit %d: %s", args, code, errb.String())
	}
	var sum report.RearrangeSummary
	if err := json.Unmarshal(out.Bytes(), &sum); err != nil {
		t.Fatalf("rearrange %v: %v", args, err)
	}
	return &sum, out.Bytes()
}

// checkNetSavings checks the window's net savings: undiscounted, and
// discounted as compare --discount discounts (year y's saving ×
// (1+r)^−(y−1)), the severance paid in year 1.
func checkNetSavings(t *testing.T, p *villageplan.People) {
	t.Helper()
	if p.NetSavings != int64(p.WindowYears)*p.SavingPerYear-p.Severance {
		t.Errorf("net savings %d != %d × %d − %d", p.NetSavings, p.WindowYears, p.SavingPerYear, p.Severance)
	}
	pv := 0.0
	for y := range p.WindowYears {
		pv += float64(p.SavingPerYear) / math.Pow(1+p.DiscountRate, float64(y))
	}
	if d := p.NetSavingsDiscounted - (int64(math.Round(pv)) - p.Severance); d < -1 || d > 1 || p.NetSavingsBasis == "" {
		t.Errorf("net savings discounted at %v: %d, want %.0f − %d (basis %q)", p.DiscountRate, p.NetSavingsDiscounted, pv, p.Severance, p.NetSavingsBasis)
	}
}

// checkRearrange checks what the Done-means lines of issue 24 ask of one
// run: villages, bands, people and money before and after; every village
// after at or above its floor or listed with its reason; the files.
func checkRearrange(t *testing.T, sum *report.RearrangeSummary, out string) {
	t.Helper()
	if sum.VillagesBefore == 0 || sum.VillagesAfter > sum.VillagesBefore || sum.VillagesBefore-sum.VillagesAfter != sum.Merges {
		t.Errorf("villages %d -> %d, merges %d", sum.VillagesBefore, sum.VillagesAfter, sum.Merges)
	}
	for _, b := range []report.Bands{sum.BandsBefore, sum.BandsAfter} {
		if b.Meets+b.Half+b.UnderHalf != b.Villages {
			t.Errorf("bands %+v do not add up", b)
		}
	}
	if sum.BandsBefore.Villages != sum.VillagesBefore || sum.BandsAfter.Villages != sum.VillagesAfter {
		t.Errorf("bands count %d/%d villages, want %d/%d", sum.BandsBefore.Villages, sum.BandsAfter.Villages, sum.VillagesBefore, sum.VillagesAfter)
	}
	if sum.Proven+len(sum.Limited) != sum.Communes {
		t.Errorf("%d proven + %d limited != %d communes", sum.Proven, len(sum.Limited), sum.Communes)
	}
	below := map[string]bool{}
	for _, b := range sum.Below {
		if b.Why == "" || b.Households >= b.Floor {
			t.Errorf("below-floor entry %+v", b)
		}
		below[b.Village] = true
	}
	if len(sum.Mapping) != sum.VillagesBefore {
		t.Errorf("%d mapping rows, want %d", len(sum.Mapping), sum.VillagesBefore)
	}
	for _, m := range sum.Mapping {
		if m.NewHouseholds < m.NewFloor && !below[m.NewVillage] {
			t.Errorf("village %s after has %d households, floor %d, and no reason", m.NewVillage, m.NewHouseholds, m.NewFloor)
		}
		if m.Merged != (m.Resolution != "") {
			t.Errorf("village %s: merged %v, resolution %q", m.Village, m.Merged, m.Resolution)
		}
	}
	p := sum.People
	if p == nil {
		t.Fatal("no people and money")
	}
	if p.PeopleBefore == 0 || p.TitlesBefore == 0 || p.AllowancesBefore == 0 || p.FundsBefore == 0 || p.WindowYears == 0 {
		t.Errorf("people before missing: %+v", p)
	}
	if sum.Merges > 0 && (p.AllowancesAfter >= p.AllowancesBefore || p.FundsAfter >= p.FundsBefore || p.Released == 0 || p.Severance == 0) {
		t.Errorf("merges %d but people and money do not fall: %+v", sum.Merges, p)
	}
	checkNetSavings(t, p)
	released, severance := 0, int64(0)
	for _, c := range sum.ByCommune {
		released += c.Released
		severance += c.Severance
	}
	if released != p.Released || severance != p.Severance {
		t.Errorf("by commune %d released, %d severance; in all %d, %d", released, severance, p.Released, p.Severance)
	}
	for _, name := range rearrangeFileNames {
		if _, err := os.Stat(filepath.Join(out, name)); err != nil {
			t.Error(err)
		}
	}
	for _, name := range []string{rearrangeMappingXLSX, rearrangeBandsXLSX, rearrangeDossierXLSX} {
		f, err := excelize.OpenFile(filepath.Join(out, name))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if name == rearrangeDossierXLSX && sum.Merges > 0 && len(f.GetSheetList()) == 0 {
			t.Errorf("dossier has no sheet")
		}
		f.Close()
	}
}

func TestRearrangeDefault(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	sum, _ := runRearrange(t, "nd185-2026", "--out", out, "--json", "--lang", "vi")
	checkRearrange(t, sum, out)
	if sum.Merges == 0 || sum.BandsAfter.Meets <= sum.BandsBefore.Meets {
		t.Errorf("the embedded default merges nothing: %d merges, meets %d -> %d", sum.Merges, sum.BandsBefore.Meets, sum.BandsAfter.Meets)
	}
	f, err := excelize.OpenFile(filepath.Join(out, rearrangeDossierXLSX))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	rows, err := f.GetRows(sheets[0])
	if err != nil {
		t.Fatal(err)
	}
	all := ""
	for _, r := range rows {
		all += strings.Join(r, "|") + "\n"
	}
	for _, want := range []string{"Điều 12 khoản 3 điểm b", "Số hộ hiện nay", "Phương án sắp xếp", "Nhập ", "Phương án bố trí từng người", "nghỉ, hưởng chế độ"} {
		if !strings.Contains(all, want) {
			t.Errorf("dossier sheet %s lacks %q", sheets[0], want)
		}
	}
}

// TestRearrangeDiscount: rearrange states its window's net savings
// undiscounted, says so, and with --discount also discounted as compare
// --discount does; a rate out of range is a usage error.
func TestRearrangeDiscount(t *testing.T) {
	tests := []struct {
		args []string
		rate float64
		text []string // in the printed summary
	}{
		{[]string{"--lang", "en"}, 0, []string{"net savings over 5 years (undiscounted)", "Undiscounted: the allowances saved each year"}},
		{[]string{"--lang", "vi"}, 0, []string{"tiết kiệm ròng 5 năm (chưa chiết khấu)", "Chưa chiết khấu: tiết kiệm phụ cấp"}},
		{[]string{"--lang", "en", "--discount", "0.05"}, 0.05, []string{"(undiscounted)", "; discounted at 5.0 %/year: ", "the first year undiscounted"}},
		{[]string{"--lang", "vi", "--discount", "0.1"}, 0.1, []string{"; chiết khấu 10,0 %/năm: ", "năm thứ nhất không chiết khấu"}},
	}
	var undiscounted int64
	for _, tt := range tests {
		sum, _ := runRearrange(t, append([]string{"nd185-2026", "--json"}, tt.args...)...)
		p := sum.People
		checkNetSavings(t, p)
		if undiscounted == 0 {
			undiscounted = p.NetSavings
		}
		switch {
		case p.DiscountRate != tt.rate, p.NetSavings != undiscounted:
			t.Errorf("%v: rate %v, undiscounted %d; want %v, %d", tt.args, p.DiscountRate, p.NetSavings, tt.rate, undiscounted)
		case tt.rate == 0 && p.NetSavingsDiscounted != p.NetSavings, tt.rate > 0 && p.NetSavingsDiscounted >= p.NetSavings:
			t.Errorf("%v: discounted %d, undiscounted %d", tt.args, p.NetSavingsDiscounted, p.NetSavings)
		}
		_, out, errOut := cli(t, append([]string{"rearrange", "nd185-2026"}, tt.args...)...)
		for _, want := range tt.text {
			if !strings.Contains(out, want) {
				t.Errorf("%v: the summary lacks %q:\n%s%s", tt.args, want, out, errOut)
			}
		}
	}
	for _, bad := range []string{"1", "-0.01", "NaN"} {
		code, _, errOut := cli(t, "rearrange", "nd185-2026", "--discount", bad)
		if code != exitUsage || !strings.Contains(errOut, "--discount") {
			t.Errorf("--discount %s: exit %d, %q", bad, code, errOut)
		}
	}
}

// TestRearrangeDeterministic: the result is byte-identical whatever the
// number of workers.
func TestRearrangeDeterministic(t *testing.T) {
	prev := runtime.GOMAXPROCS(1)
	defer runtime.GOMAXPROCS(prev)
	_, one := runRearrange(t, "nd185-2026", "--json", "--lang", "en", "--max-merge", "4")
	runtime.GOMAXPROCS(4)
	_, four := runRearrange(t, "nd185-2026", "--json", "--lang", "en", "--max-merge", "4")
	if !bytes.Equal(one, four) {
		t.Error("rearrange --json differs between GOMAXPROCS 1 and 4")
	}
}

// villageRows are a small phường's tổ dân phố, in a chain of neighbours.
var villageRows = [][]any{
	{"42001", "A", "Tổ dân phố An", "tổ dân phố", 520, 2000, "B"},
	{"42001", "B", "Tổ dân phố Bình", "tổ dân phố", 200, 800, "A;C"},
	{"42001", "C", "Tổ dân phố Cường", "tổ dân phố", 300, 1100, "B;D"},
	{"42001", "D", "Tổ dân phố Đông", "tổ dân phố", 150, 600, "C;E"},
	{"42001", "E", "Tổ dân phố Hoà", "tổ dân phố", 470, 1800, "D;F"},
	{"42001", "F", "Tổ dân phố Phú", "tổ dân phố", 60, 250, "E"},
}

// writeVillagesXLSX writes villageRows with Vietnamese headers, with or
// without the neighbours column, and a scenario that reads it.
func writeVillagesXLSX(t *testing.T, dir string, neighbours bool) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	header := []any{"Mã xã", "Mã thôn", "Tên thôn", "Loại", "Số hộ", "Số nhân khẩu", "Thôn liền kề"}
	n := len(header)
	if !neighbours {
		n--
	}
	row := header[:n]
	if err := f.SetSheetRow("Sheet1", "A1", &row); err != nil {
		t.Fatal(err)
	}
	for i, r := range villageRows {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		r = r[:n]
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(filepath.Join(dir, "thon.xlsx")); err != nil {
		t.Fatal(err)
	}
	s := filepath.Join(dir, "s.yaml")
	if err := os.WriteFile(s, []byte("extends: nd185-2026\ndata:\n  villages:\n    file: thon.xlsx\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestRearrangeVillagesXLSX(t *testing.T) {
	for _, tt := range []struct {
		name       string
		neighbours bool
	}{{"with neighbours", true}, {"without neighbours", false}} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			s := writeVillagesXLSX(t, dir, tt.neighbours)
			out := filepath.Join(dir, "out")
			sum, _ := runRearrange(t, s, "--out", out, "--json", "--lang", "en")
			checkRearrange(t, sum, out)
			var c *report.CommuneBands
			for i := range sum.ByCommune {
				if sum.ByCommune[i].Commune == "42001" {
					c = &sum.ByCommune[i]
				}
			}
			if c == nil {
				t.Fatal("commune 42001 not rearranged")
			}
			if c.Before.Villages != len(villageRows) || c.Adjacency != tt.neighbours {
				t.Errorf("commune 42001: %d villages, adjacency %v; want %d, %v", c.Before.Villages, c.Adjacency, len(villageRows), tt.neighbours)
			}
			got := map[string]string{}
			for _, m := range sum.Mapping {
				if m.Commune == "42001" {
					got[m.Village] = m.NewVillage
				}
			}
			if tt.neighbours {
				// F (60) can only join E; D (150) only C or E.
				if got["F"] != "E" {
					t.Errorf("F merged into %s, want E (its only neighbour)", got["F"])
				}
			}
		})
	}
}
