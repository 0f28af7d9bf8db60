package tables

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// TestPlacedFromCommune reads the placed_from_commune column under its
// names and values, and its errors in both languages.
func TestPlacedFromCommune(t *testing.T) {
	const head = "id,name,birth_date,sex,education,party_member,residence,capacity_hours,"
	tests := []struct {
		name, col, cell string
		want            string // the date read, "" for none
		en, vi          string // the error, when one is expected
	}{
		{name: "canonical, ISO date", col: "placed_from_commune", cell: "2025-08-15", want: "2025-08-15"},
		{name: "Vietnamese header, day first", col: "Ngày bố trí về thôn (nguyên người HĐKCT cấp xã)", cell: "01/07/2025", want: "2025-07-01"},
		{name: "short Vietnamese header", col: "Ngay bo tri ve thon", cell: "29/06/2026", want: "2026-06-29"},
		{name: "long Vietnamese name", col: "Nguyên người hoạt động không chuyên trách cấp xã", cell: "10/10/2025", want: "2025-10-10"},
		{name: "English name", col: "Former commune worker", cell: "2025-09-01", want: "2025-09-01"},
		{name: "blank", col: "placed_from_commune", cell: ""},
		{name: "không", col: "placed_from_commune", cell: "không"},
		{name: "no", col: "placed_from_commune", cell: "No"},
		{name: "yes without a date", col: "Ngày bố trí về thôn", cell: "có",
			en: `p.csv:2:9: ngày bố trí về thôn: expected the date the person was placed in the village post from the commune post (DD/MM/YYYY or YYYY-MM-DD), got "có"`,
			vi: `p.csv:2:9: ngày bố trí về thôn: cần ngày người này được bố trí từ chức danh cấp xã về làm người hoạt động không chuyên trách ở thôn`},
		{name: "x without a date", col: "placed_from_commune", cell: "x", en: `p.csv:2:9: placed_from_commune: expected the date`, vi: "cần ngày người này"},
		{name: "not a date", col: "placed_from_commune", cell: "mid-2025",
			en: `p.csv:2:9: placed_from_commune: expected a date (YYYY-MM-DD or DD/MM/YYYY), got "mid-2025"`, vi: "cần một ngày"},
		{name: "year out of range", col: "placed_from_commune", cell: "2025-08-15x", en: "expected a date", vi: "cần một ngày"},
		{name: "before the 15th birthday", col: "placed_from_commune", cell: "1980-01-01",
			en: "p.csv:2:9: placed_from_commune: placed in the village post on 1980-01-01, before the person's 15th birthday (born 1970-01-01)",
			vi: "p.csv:2:9: placed_from_commune: được bố trí về thôn ngày 1980-01-01, trước sinh nhật 15 tuổi"},
	}
	for _, tt := range tests {
		src := head + tt.col + "\nP1,A,1970-01-01,male,none,no,,40," + tt.cell + "\n"
		got, err := ReadPeople(strings.NewReader(src), "p.csv", nil)
		if tt.en != "" {
			errs := Errors(err)
			if len(errs) != 1 {
				t.Errorf("%s: errors %v, want one", tt.name, err)
				continue
			}
			if en := errs[0].In(model.English); !strings.Contains(en, tt.en) {
				t.Errorf("%s: error %q, want %q", tt.name, en, tt.en)
			}
			if vi := errs[0].In(model.Vietnamese); !strings.Contains(vi, tt.vi) {
				t.Errorf("%s: Vietnamese %q, want %q", tt.name, vi, tt.vi)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if g := got[0].PlacedFromCommune.String(); g != tt.want {
			t.Errorf("%s: placed %q, want %q", tt.name, g, tt.want)
		}
	}
}

// TestPlacedFromCommuneTwice: two columns naming the placement are an error.
func TestPlacedFromCommuneTwice(t *testing.T) {
	src := "id,name,birth_date,sex,education,party_member,residence,capacity_hours,placed_from_commune,Ngày bố trí về thôn\nP1,A,1970-01-01,male,none,no,,40,,\n"
	_, err := ReadPeople(strings.NewReader(src), "p.csv", nil)
	if err == nil || !strings.Contains(err.Error(), `column "ngày bố trí về thôn" names placed_from_commune, as column 9 does`) {
		t.Errorf("two placement columns: %v", err)
	}
}

// TestPlanRosterKeepsPlacement: the plan written as a roster, in either
// language and format, reads back with each person's placement date.
func TestPlanRosterKeepsPlacement(t *testing.T) {
	s := &model.Scenario{Date: model.MustDate("2026-07-01"), Units: viUnits(), Titles: viTitles()}
	s.People = []model.Person{
		{ID: "P1", Name: "An", Birth: model.MustDate("1975-01-01"), Sex: model.Male, Education: model.EduUniversity, Capacity: 40,
			PlacedFromCommune: model.MustDate("2025-08-15"), Unknown: model.AllAttrs,
			Holdings: []model.Holding{{Title: "truong-thon", Unit: "00127-01", Start: model.MustDate("2025-08-15"), Main: true}}},
		{ID: "P2", Name: "Bình", Birth: model.MustDate("1980-01-01"), Sex: model.Female, Education: model.EduUpperSec, Capacity: 40, Unknown: model.AllAttrs,
			Holdings: []model.Holding{{Title: "bi-thu-chi-bo", Unit: "00127-01", Main: true}}},
	}
	ix, err := model.NewIndex(s)
	if err != nil {
		t.Fatal(err)
	}
	plan := model.Plan{Date: s.Date, Assignments: []model.Assignment{
		{Unit: "00127-01", Title: "truong-thon", Person: "P1", Main: true},
		{Unit: "00127-01", Title: "bi-thu-chi-bo", Person: "P2", Main: true},
	}}
	rows := PlanPeople(s, ix, plan, nil, model.Vietnamese)
	for _, lang := range model.Langs {
		var csvBuf, xlsxBuf bytes.Buffer
		if err := WritePlanRosterCSV(&csvBuf, s, ix, rows, lang); err != nil {
			t.Fatal(err)
		}
		if err := WritePlanRosterXLSX(&xlsxBuf, s, ix, rows, lang); err != nil {
			t.Fatal(err)
		}
		header := strings.SplitN(csvBuf.String(), "\n", 2)[0]
		if want := lang.Pick(placedFromCommuneHeaderVi, colPlacedFromCommune); !strings.Contains(header, want) {
			t.Errorf("%s: header %q lacks %q", lang, header, want)
		}
		check := func() PeopleCheck { return CheckPeople(viUnits(), viTitles(), s.Date, nil) }
		fromCSV, err := ReadPeople(&csvBuf, "people.csv", check())
		if err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		path := filepath.Join(t.TempDir(), "people.xlsx")
		if err := os.WriteFile(path, xlsxBuf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		fromXLSX, err := ReadPeopleXLSX(path, "", check())
		if err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		for _, got := range [][]model.Person{fromCSV, fromXLSX} {
			if len(got) != 2 || got[0].PlacedFromCommune != s.People[0].PlacedFromCommune || got[1].PlacedFromCommune != 0 {
				t.Errorf("%s: read back %+v", lang, got)
			}
		}
	}
}

// TestPlacedFromCommuneXLSXSerial: a date Excel stores as a number reads.
func TestPlacedFromCommuneXLSXSerial(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	rows := [][]any{
		{"id", "name", "birth_date", "sex", "education", "party_member", "residence", "capacity_hours", "Ngày bố trí về thôn"},
		{"P1", "A", "1970-01-01", "male", "none", "no", "", 40, 45870},
	}
	for i, r := range rows {
		if err := f.SetSheetRow("Sheet1", fmt.Sprintf("A%d", i+1), &r); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "p.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	got, err := ReadPeopleXLSX(path, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	if got[0].PlacedFromCommune != model.MustDate("2025-08-01") {
		t.Errorf("serial 45870 read as %s, want 2025-08-01", got[0].PlacedFromCommune)
	}
}

// TestCheckPlacedDate: CheckPeople refuses a placement more than a year
// after the plan date, and takes one within the year.
func TestCheckPlacedDate(t *testing.T) {
	const src = "id,name,birth_date,sex,education,party_member,residence,capacity_hours,placed_from_commune\nP1,A,1970-01-01,male,none,no,,40,%s\n"
	for _, tt := range []struct{ placed, err string }{
		{"2026-03-01", ""},
		{"2027-06-30", ""},
		{"2027-07-02", "p.csv:2:9: placed_from_commune: placed in the village post on 2027-07-02, more than a year after the plan date 2026-07-01"},
	} {
		_, err := ReadPeople(strings.NewReader(fmt.Sprintf(src, tt.placed)), "p.csv", CheckPeople(viUnits(), viTitles(), model.MustDate("2026-07-01"), nil))
		if (err == nil) != (tt.err == "") || (err != nil && !strings.Contains(err.Error(), tt.err)) {
			t.Errorf("placed %s: error %v, want %q", tt.placed, err, tt.err)
		}
	}
}
