package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// tinyWith writes, into a new directory, the tiny scenario reading its
// people from the file people (copied there) and returns its path.
func tinyWith(t *testing.T, people string) string {
	t.Helper()
	dir := t.TempDir()
	src, err := os.ReadFile(tiny)
	if err != nil {
		t.Fatal(err)
	}
	name := filepath.Base(people)
	yaml := strings.Replace(string(src), "file: people.csv", "file: "+name, 1)
	for _, f := range []struct{ from, to string }{{"testdata/optimize/units.csv", "units.csv"}, {people, name}} {
		b, err := os.ReadFile(f.from)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f.to), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(dir, "tiny.yaml")
	if err := os.WriteFile(path, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// Done means (issue 23): a roster filled into the Vietnamese template with
// title names, not IDs, optimises, to tiny's own optimum.
func TestTemplateRosterOptimises(t *testing.T) {
	out := filepath.Join(t.TempDir(), "T")
	if code, _, errOut := cli(t, "template", tiny, "--out", out, "--lang", "vi"); code != exitOK {
		t.Fatalf("template: exit %d: %s", code, errOut)
	}
	f, err := excelize.OpenFile(filepath.Join(out, rosterTemplateFile))
	if err != nil {
		t.Fatal(err)
	}
	sheets := f.GetSheetList()
	if len(sheets) != 3 || sheets[0] != "Danh sách" {
		t.Fatalf("sheets %q", sheets)
	}
	header, _ := f.GetRows(sheets[0])
	if got := strings.Join(header[0][:4], ","); got != "STT,Mã cán bộ,Họ và tên,Ngày sinh" {
		t.Fatalf("header starts %s", got)
	}
	// tiny's people, as a planner types them: Vietnamese values, title
	// names from the template's list.
	people := [][]string{
		{"P01", "Nguyễn Văn An", "15/03/1980", "nam", "đại học", "có", "99001", "30", "Văn phòng Đảng ủy", "99001", "01/06/2015"},
		{"P02", "Trần Thị Bình", "20/07/1990", "nữ", "trung học phổ thông", "không", "99001", "15", "Phụ trách truyền thanh", "99001", "01/01/2018"},
		{"P03", "Lê Văn Cường", "02/11/1975", "nam", "trung học cơ sở", "có", "99001-01", "40", "Bí thư chi bộ", "99001-01", "01/06/2017"},
		{"P04", "Phạm Thị Dung", "10/04/1985", "nữ", "trung học phổ thông", "không", "99001-01", "12", "Trưởng thôn / Tổ trưởng tổ dân phố", "99001-01", "01/12/2022"},
		{"P05", "Hoàng Văn Em", "09/09/1970", "nam", "trung học cơ sở", "không", "99001-01", "12", "Trưởng ban công tác Mặt trận", "99001-01", "01/09/2012"},
		{"P06", "Vũ Thị Phương", "25/01/1978", "nữ", "trung học cơ sở", "có", "99001-02", "40", "Bí thư chi bộ", "99001-02", "01/06/2020"},
		{"P07", "Đặng Văn Giang", "12/12/1988", "nam", "trung học phổ thông", "có", "99001-02", "12", "Trưởng thôn / Tổ trưởng tổ dân phố", "99001-02", "01/01/2023"},
		{"P08", "Bùi Thị Hoa", "05/05/1972", "nữ", "tiểu học", "không", "99001-02", "12", "Trưởng ban công tác Mặt trận", "99001-02", "01/09/2019"},
	}
	col := map[string]int{}
	for i, h := range header[0] {
		col[h] = i + 1
	}
	cols := []string{"Mã cán bộ", "Họ và tên", "Ngày sinh", "Giới tính", "Trình độ", "Đảng viên", "Nơi cư trú", "Số giờ mỗi tuần", "Chức danh 1", "Mã đơn vị 1", "Ngày bắt đầu 1"}
	for r, p := range people {
		set := func(c int, v string) {
			cell, _ := excelize.CoordinatesToCellName(c, r+2)
			if err := f.SetCellStr(sheets[0], cell, v); err != nil {
				t.Fatal(err)
			}
		}
		set(1, string(rune('1'+r)))
		for i, c := range cols {
			if col[c] == 0 {
				t.Fatalf("no column %s in %q", c, header[0])
			}
			set(col[c], p[i])
		}
	}
	roster := filepath.Join(t.TempDir(), "roster.xlsx")
	if err := f.SaveAs(roster); err != nil {
		t.Fatal(err)
	}
	sum := optimizeOK(t, tinyWith(t, roster))
	if sum.HeadcountBefore != 8 || sum.HeadcountAfter != 3 {
		t.Errorf("the roster from the template plans %d → %d people, want tiny's 8 → 3", sum.HeadcountBefore, sum.HeadcountAfter)
	}
}

// Done means: the plan optimize --out writes (people.csv and people.xlsx,
// in Vietnamese) loads back as the next roster, and the next plan keeps it.
func TestPlanLoadsBackAsRoster(t *testing.T) {
	dir := t.TempDir()
	optimizeOK(t, tiny, "--out", dir)
	for _, f := range []string{peopleCSVFile, peopleXLSXFile, appointmentsFile} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Fatalf("--out did not write %s: %v", f, err)
		}
	}
	for _, f := range []string{peopleCSVFile, peopleXLSXFile} {
		t.Run(f, func(t *testing.T) {
			sum := optimizeOK(t, tinyWith(t, filepath.Join(dir, f)))
			if sum.HeadcountBefore != 3 || sum.HeadcountAfter != 3 || sum.Released != 0 {
				t.Errorf("the plan as the next roster: %d → %d people, %d released; want 3 → 3, none", sum.HeadcountBefore, sum.HeadcountAfter, sum.Released)
			}
		})
	}
	app, err := excelize.OpenFile(filepath.Join(dir, appointmentsFile))
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := app.GetRows(app.GetSheetList()[0])
	if len(rows) != 9 || !strings.Contains(strings.Join(rows[0], "|"), "Chức danh sau phương án") {
		t.Errorf("appointment list of the commune: %d rows, header %q", len(rows), rows[0])
	}
}

// Done means: check on a plan with a breach exits 1 and names it; on the
// plan optimize wrote, 0.
func TestCheckPlan(t *testing.T) {
	dir := t.TempDir()
	optimizeOK(t, tiny, "--out", dir)
	for _, f := range []string{planCSVFile, peopleCSVFile, peopleXLSXFile} {
		code, out, errOut := cli(t, "check", tiny, "--plan", filepath.Join(dir, f))
		if code != exitOK || !strings.Contains(out, "không vi phạm") {
			t.Errorf("check %s: exit %d\n%s%s", f, code, out, errOut)
		}
	}
	// Thôn Đông's head left out: the title is unfilled.
	plan := readCSV(t, filepath.Join(dir, planCSVFile))
	var kept []string
	for _, r := range plan {
		if !(r[0] == "99001-01" && r[2] == "truong-thon") {
			kept = append(kept, strings.Join(r, ","))
		}
	}
	bad := filepath.Join(t.TempDir(), "plan.csv")
	if err := os.WriteFile(bad, []byte(strings.Join(kept, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, _ := cli(t, "check", tiny, "--plan", bad, "--lang", "en")
	if code != exitInput || !strings.Contains(out, "1 breaches") || !strings.Contains(out, "99001-01") || !strings.Contains(out, "Village head") {
		t.Errorf("check of a plan without Thôn Đông's head: exit %d\n%s", code, out)
	}
	for _, tc := range []struct {
		args []string
		code int
	}{
		{[]string{"check", tiny}, exitUsage},
		{[]string{"check", "--plan", bad}, exitUsage},
		{[]string{"check", tiny, "--plan", filepath.Join(dir, "missing.csv")}, exitInput},
	} {
		if code, _, _ := cli(t, tc.args...); code != tc.code {
			t.Errorf("%q: exit %d, want %d", tc.args, code, tc.code)
		}
	}
}
