package tables

import (
	"bytes"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// viUnits and viTitles are a commune with two villages and the three
// village titles, for the roster tests.
func viUnits() []model.Unit {
	return []model.Unit{
		{Code: "00127", Name: "Xã Một", Level: model.Commune, Type: model.Xa},
		{Code: "00127-01", Name: "Thôn Đông", Level: model.Village, Type: model.Thon, Parent: "00127"},
		{Code: "00127-02", Name: "Thôn Tây", Level: model.Village, Type: model.Thon, Parent: "00127"},
	}
}

func viTitles() []model.Title {
	one := model.HoldersRule{Base: 1}
	return []model.Title{
		{ID: "bi-thu-chi-bo", Level: model.Village, Name: model.Text{Vi: "Bí thư chi bộ", En: "Party cell secretary"}, Holders: one},
		{ID: "truong-thon", Level: model.Village, Name: model.Text{Vi: "Trưởng thôn / Tổ trưởng tổ dân phố", En: "Village head / residential-group head"}, Holders: one},
		{ID: "truong-ban-ctmt", Level: model.Village, Name: model.Text{Vi: "Trưởng ban công tác Mặt trận", En: "Head of the Front work committee"}, Holders: one},
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Chức danh 1", "chuc danh 1"},
		{"  CHỨC_DANH-1 ", "chuc danh 1"},
		{"Đảng viên", "dang vien"},
		{"Trưởng thôn", "truong thon"},
		{"Tru\u031bo\u031b\u0300ng tho\u0302n", "truong thon"}, // decomposed (NFD) input
		{"", ""},
	}
	for _, tc := range tests {
		if got := fold(tc.in); got != tc.want {
			t.Errorf("fold(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestNearest(t *testing.T) {
	keys := []string{"Bí thư chi bộ", "Trưởng thôn", "Trưởng ban công tác Mặt trận"}
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"truong thn", "Trưởng thôn", true},
		{"Bi thu chi bo xx", "Bí thư chi bộ", true},
		{"Chủ tịch xã", "", false},
	}
	for _, tc := range tests {
		got, ok := nearest(tc.in, keys)
		if ok != tc.ok || (ok && got != tc.want) {
			t.Errorf("nearest(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

// A roster as planners keep it: Vietnamese headers, STT instead of an ID,
// title names in either language, in any case, with or without
// diacritics, or one part of a name joined by " / ".
const viRoster = `STT,Họ và tên,Ngày sinh,Giới tính,Trình độ,Đảng viên,Nơi cư trú,Số giờ mỗi tuần,Chức danh 1,Mã đơn vị 1,Chức danh 2,Mã thôn 2
1,Nguyễn Văn An,15/03/1980,Nam,Đại học,Có,00127-01,40,Bí thư chi bộ,00127-01,truong thon,00127-01
2,Trần Thị Bình,20/07/1990,Nữ,trung học phổ thông,không,00127-02,20,Head of the Front work committee,00127-02,,
3,Lê Văn Cường,02/11/1975,nam,thcs,có,00127-02,20,TỔ TRƯỞNG TỔ DÂN PHỐ,00127-02,truong-ban-ctmt,00127-01
`

func TestReadPeopleVietnamese(t *testing.T) {
	got, err := ReadPeople(strings.NewReader(viRoster), "roster.csv", CheckPeople(viUnits(), viTitles(), model.MustDate("2025-01-01"), nil))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{
		"1": {"bi-thu-chi-bo@00127-01", "truong-thon@00127-01"},
		"2": {"truong-ban-ctmt@00127-02"},
		"3": {"truong-thon@00127-02", "truong-ban-ctmt@00127-01"},
	}
	if len(got) != 3 {
		t.Fatalf("read %d people, want 3", len(got))
	}
	for _, p := range got {
		var hs []string
		for _, h := range p.Holdings {
			hs = append(hs, h.Title+"@"+h.Unit)
		}
		if strings.Join(hs, " ") != strings.Join(want[p.ID], " ") {
			t.Errorf("%s holds %q, want %q", p.ID, hs, want[p.ID])
		}
	}
	if got[1].Sex != model.Female || got[0].Education != model.EduUniversity || !got[0].PartyMember {
		t.Errorf("values: %+v", got[:2])
	}
}

func TestReadPeopleTitleErrors(t *testing.T) {
	tests := []struct {
		name, row, want string
	}{
		{"typo", "1,A,15/03/1980,nam,đại học,có,00127-01,40,Truong thn,00127-01", `roster.csv:2:9: chức danh 1: no title "Truong thn" in the scenario / không có chức danh "Truong thn" trong kịch bản; did you mean "Trưởng thôn"?`},
		{"unknown", "1,A,15/03/1980,nam,đại học,có,00127-01,40,Chủ tịch UBND,00127-01", `no title "Chủ tịch UBND" in the scenario / không có chức danh "Chủ tịch UBND" trong kịch bản`},
		{"lost zeros", "1,A,15/03/1980,nam,đại học,có,00127-01,40,truong-thon,127", `no unit "127" among the scenario's units; did you mean "00127"?`},
	}
	head := "STT,Họ và tên,Ngày sinh,Giới tính,Trình độ,Đảng viên,Nơi cư trú,Số giờ mỗi tuần,Chức danh 1,Mã đơn vị 1\n"
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadPeople(strings.NewReader(head+tc.row+"\n"), "roster.csv", CheckPeople(viUnits(), viTitles(), 0, nil))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error = %v\nwant it to contain %s", err, tc.want)
			}
			if tc.name == "unknown" && strings.Contains(err.Error(), "did you mean") {
				t.Errorf("no name is near %q, yet: %v", tc.row, err)
			}
		})
	}
}

func TestReadPeopleSameColumnTwice(t *testing.T) {
	in := "id,Mã cán bộ,name,birth_date,sex,education,party_member,residence,capacity_hours\n"
	_, err := ReadPeople(strings.NewReader(in), "r.csv", nil)
	if err == nil || !strings.Contains(err.Error(), `r.csv:1:2: id: column "mã cán bộ" names id, as column 1 does`) {
		t.Errorf("error = %v", err)
	}
}

// A units sheet typed into the Vietnamese units template reads as the same
// table in CSV does.
func TestReadUnitsXLSX(t *testing.T) {
	csvText := "code,name,level,type,class,parent,population,households,area_km2,flags\n" +
		"00127,Xã Một,commune,xa,II,,5000,1200,20.5,mountainous\n00127-01,Thôn Đông,village,thon,,00127,800,200,0,\n"
	want, err := ReadUnits(strings.NewReader(csvText), "units.csv", UnitSelect{})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteUnitsTemplate(&buf, model.Vietnamese); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	rows := [][]any{
		{"00127", "Xã Một", "xã", "xã", "2", "", 5000, 1200, 20.5, "mountainous"},
		{"00127-01", "Thôn Đông", "thôn", "thôn", "", "00127", 800, 200, 0, ""},
	}
	for i, r := range rows {
		if err := f.SetSheetRow("Đơn vị", "A"+string(rune('2'+i)), &r); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "units.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	got, err := ReadUnitsXLSX(path, "", UnitSelect{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("read %d units, want %d", len(got), len(want))
	}
	for i := range got {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Errorf("unit %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	if _, err := ReadUnitsXLSX(path, "Ghi chú", UnitSelect{}); err == nil || !strings.Contains(err.Error(), "units.xlsx:1:1") {
		t.Errorf("the notes sheet read as units: %v", err)
	}
}

// The roster template, filled in with title names from its lists, reads
// back; its notes name every column.
func TestRosterTemplate(t *testing.T) {
	for _, lang := range model.Langs {
		t.Run(string(lang), func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteRosterTemplate(&buf, viUnits(), viTitles(), lang); err != nil {
				t.Fatal(err)
			}
			f, err := excelize.OpenReader(&buf)
			if err != nil {
				t.Fatal(err)
			}
			sheets := f.GetSheetList()
			if len(sheets) != 3 {
				t.Fatalf("sheets %q, want roster, lists, notes", sheets)
			}
			dvs, err := f.GetDataValidations(sheets[0])
			if err != nil || len(dvs) < 4 {
				t.Fatalf("%d drop-down lists (%v)", len(dvs), err)
			}
			titleName, _ := f.GetCellValue(sheets[1], "A3")
			row := []any{"1", "P1", "An", "15/03/1980", lang.Pick("nam", "male"), lang.Pick("đại học", "university"), lang.Pick("có", "yes"), "00127-01", 40}
			for range model.Attributes() {
				row = append(row, "")
			}
			row = append(row, "15/08/2025") // placed in the village from a commune post
			row = append(row, titleName, "00127-01", "", "", lang.Pick("có", "yes"))
			if err := f.SetSheetRow(sheets[0], "A2", &row); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(t.TempDir(), "roster.xlsx")
			if err := f.SaveAs(path); err != nil {
				t.Fatal(err)
			}
			got, err := ReadPeopleXLSX(path, "", CheckPeople(viUnits(), viTitles(), 0, nil))
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != 1 || len(got[0].Holdings) != 1 || got[0].Holdings[0].Title != "truong-thon" || !got[0].Holdings[0].Main {
				t.Errorf("read %+v, want P1 holding truong-thon as main", got)
			}
			if len(got) == 1 && got[0].PlacedFromCommune != model.MustDate("2025-08-15") {
				t.Errorf("placed from commune %s, want 2025-08-15", got[0].PlacedFromCommune)
			}
			prompt := false
			for _, dv := range dvs {
				prompt = prompt || (dv.Type == "" && dv.Prompt != nil && strings.Contains(*dv.Prompt, "185/2026"))
			}
			if !prompt {
				t.Error("the placed-from-commune column has no prompt")
			}
			header, _ := f.GetRows(sheets[0])
			notes, _ := f.GetRows(sheets[2])
			if len(notes)-1 != len(header[0]) {
				t.Errorf("%d notes for %d columns", len(notes)-1, len(header[0]))
			}
			for i, n := range notes[1:] {
				if len(n) < 2 || n[1] == "" {
					t.Errorf("column %d has no note", i+1)
				}
			}
		})
	}
}
