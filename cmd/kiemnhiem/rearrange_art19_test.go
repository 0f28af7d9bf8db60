package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/tables"
)

// art19Placed is each roster person's placement from a commune post, by
// village: in the Art. 19 window (1/7/2025 to before 30/6/2026), before it
// (the 2019 mergers), or none; art19Start the start of their title when
// it is not the placement: B's people are village workers who took their
// titles in the window, and are not covered.
var (
	art19Placed = map[string]string{"A": "", "B": "", "C": "01/08/2025", "D": "15/12/2019", "E": "", "F": "20/08/2025"}
	art19Start  = map[string]string{"B": "01/09/2025"}
)

// writeArt19Roster writes, with Vietnamese headers, a roster of the three
// titles of every village of villageRows, each holder with the village's
// placement date of art19Placed, and a scenario reading it and thon.xlsx.
func writeArt19Roster(t *testing.T, dir string) (scenario string, placed map[string]model.Date) {
	t.Helper()
	writeVillagesXLSX(t, dir, true)
	f := excelize.NewFile()
	defer f.Close()
	header := []any{"Mã cán bộ", "Họ và tên", "Ngày sinh", "Giới tính", "Trình độ", "Đảng viên", "Nơi cư trú", "Số giờ mỗi tuần",
		"Ngày bố trí về thôn (nguyên người HĐKCT cấp xã)", "Chức danh 1", "Mã đơn vị 1", "Ngày bắt đầu 1"}
	if err := f.SetSheetRow("Sheet1", "A1", &header); err != nil {
		t.Fatal(err)
	}
	placed = map[string]model.Date{}
	row := 2
	for i, v := range villageRows {
		code := v[1].(string)
		for k, title := range []string{"bi-thu-chi-bo", "truong-thon", "truong-ban-ctmt"} {
			id := fmt.Sprintf("P%s%d", code, k)
			start := "01/01/2022"
			if d, ok := art19Start[code]; ok {
				start = d
			}
			if d := art19Placed[code]; d != "" {
				start = d
				p, err := model.ParseDate(d[6:] + "-" + d[3:5] + "-" + d[:2])
				if err != nil {
					t.Fatal(err)
				}
				placed[id] = p
			}
			r := []any{id, "Người " + id, fmt.Sprintf("01/0%d/19%d", k+1, 70+i*3+k), []string{"nam", "nữ"}[k%2], "trung học phổ thông", "có",
				code, 40, art19Placed[code], title, code, start}
			cell, _ := excelize.CoordinatesToCellName(1, row)
			if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
				t.Fatal(err)
			}
			row++
		}
	}
	if err := f.SaveAs(filepath.Join(dir, "nhan-su.xlsx")); err != nil {
		t.Fatal(err)
	}
	s := filepath.Join(dir, "s.yaml")
	yaml := "extends: nd185-2026\ndata:\n  villages:\n    file: thon.xlsx\n  people:\n    file: nhan-su.xlsx\n"
	if err := os.WriteFile(s, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	return s, placed
}

// Issue 24, NĐ 185/2026 Art. 19: a released former commune worker placed
// in a village in the window gets the commune regime, in the JSON and in
// the dossier; everyone else released gets the streamlining regime.
func TestRearrangeArt19Regime(t *testing.T) {
	dir := t.TempDir()
	s, placed := writeArt19Roster(t, dir)
	out := filepath.Join(dir, "out")
	sum, _ := runRearrange(t, s, "--out", out, "--json", "--lang", "vi")
	rule := model.RearrangementSeveranceRule{TransitionFrom: model.MustDate("2025-07-01"), TransitionBefore: model.MustDate("2026-06-30")}
	communeText := model.RegimeCommune.Text().Vi
	villageText := model.RegimeVillage.Text().Vi
	byRegime := map[string]int{}
	for _, p := range sum.People.Persons {
		if p.Regime == "" {
			continue
		}
		want := rule.Regime(placed[p.ID], placed[p.ID] != 0).Text().Vi
		if p.Regime != want {
			t.Errorf("%s (placed %s): regime %q, want %q", p.ID, placed[p.ID], p.Regime, want)
		}
		byRegime[p.Regime]++
	}
	if byRegime[communeText] == 0 || byRegime[villageText] == 0 {
		t.Fatalf("released by regime %v: want some of each (Art. 19 and Art. 16(4))", byRegime)
	}
	if want := fmt.Sprintf("; %d người theo %s", byRegime[communeText], communeText); !strings.Contains(sum.People.SeveranceRegime, want) {
		t.Errorf("severance regime %q lacks %q", sum.People.SeveranceRegime, want)
	}
	d, err := excelize.OpenFile(filepath.Join(out, rearrangeDossierXLSX))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	all := ""
	for _, sh := range d.GetSheetList() {
		rows, _ := d.GetRows(sh)
		for _, r := range rows {
			all += strings.Join(r, "|") + "\n"
		}
	}
	if !strings.Contains(all, communeText) {
		t.Errorf("the dossier does not name the commune regime %q", communeText)
	}
}

// The plan optimize --out writes as a roster keeps each person's
// placement from a commune post, and loads back with it.
func TestPlanRosterKeepsArt19Placement(t *testing.T) {
	src, err := os.ReadFile("testdata/optimize/people.csv")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(src)), "\n")
	for i, l := range lines {
		cells := strings.SplitN(l, ",", 9)
		extra := ""
		switch {
		case i == 0:
			extra = "placed_from_commune"
		case cells[0] == "P04":
			extra = "2025-08-15"
		}
		lines[i] = strings.Join(cells[:8], ",") + "," + extra + "," + cells[8]
	}
	roster := filepath.Join(t.TempDir(), "people.csv")
	if err := os.WriteFile(roster, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s := tinyWith(t, roster)
	out := filepath.Join(t.TempDir(), "out")
	optimizeOK(t, s, "--out", out)
	for _, name := range []string{peopleCSVFile, peopleXLSXFile} {
		var people []model.Person
		var err error
		if name == peopleXLSXFile {
			people, err = tables.ReadPeopleXLSX(filepath.Join(out, name), "", nil)
		} else {
			f, ferr := os.Open(filepath.Join(out, name))
			if ferr != nil {
				t.Fatal(ferr)
			}
			people, err = tables.ReadPeople(f, name, nil)
			f.Close()
		}
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		placed := map[string]model.Date{}
		for _, p := range people {
			if p.PlacedFromCommune != 0 {
				placed[p.ID] = p.PlacedFromCommune
			}
		}
		if len(placed) != 1 || placed["P04"] != model.MustDate("2025-08-15") {
			t.Errorf("%s: placements %v, want P04 on 2025-08-15", name, placed)
		}
	}
	sum := optimizeOK(t, tinyWith(t, filepath.Join(out, peopleXLSXFile)))
	if sum.HeadcountBefore != 3 {
		t.Errorf("the plan as the next roster holds %d people, want 3", sum.HeadcountBefore)
	}
}
