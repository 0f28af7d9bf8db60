package tables

import (
	"bytes"
	"io"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/kiemnhiem/kiemnhiem/model"
)

const peopleHeader = "id,name,birth_date,sex,education,party_member,residence,capacity_hours,title_1,unit_1,start_1,term_end_1,main_1\n"

// peopleOdd are people that exercise every column: several holdings, none
// marked main, zero dates, awkward names.
func peopleOdd() []model.Person {
	return []model.Person{
		{ID: "A1", Name: `Nguyễn "Tí", con`, Birth: model.MustDate("1970-02-28"), Sex: model.Male, Education: model.EduNone,
			PartyMember: true, Residence: "00001-01", Capacity: 37.5, PlacedFromCommune: model.MustDate("2025-08-15"),
			Attrs: model.AttrVeteran | model.AttrMilitaryTraining | model.AttrVeteransAssociation, Unknown: model.AttrRedCross,
			Holdings: []model.Holding{
				{Title: "bi-thu-chi-bo", Unit: "00001-01", Start: model.MustDate("2022-05-01"), TermEnd: model.MustDate("2027-05-01"), Main: true},
				{Title: "truong-thon", Unit: "00001-01"},
				{Title: "truong-ban-ctmt", Unit: "00001-01", Start: model.MustDate("2019-12-31")},
			}},
		{ID: "A2", Name: " Trần Thị\nHai ", Birth: model.MustDate("1990-12-01"), Sex: model.Female, Education: model.EduPostgraduate,
			Capacity: 0.1 + 0.2, Unknown: model.AllAttrs, Holdings: []model.Holding{{Title: "t", Unit: "u", Main: false}}},
		{ID: "A3", Birth: model.MustDate("2000-01-01"), Sex: model.Female, Education: model.EduIntermediate},
	}
}

func TestPeopleRoundTrip(t *testing.T) {
	// Generated people round-trip in synth's TestGeneratedRoundTrip.
	tests := []struct {
		name   string
		people []model.Person
	}{
		{"odd", peopleOdd()},
		{"none", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name+"/csv", func(t *testing.T) {
			var buf bytes.Buffer
			if err := WritePeople(&buf, tc.people); err != nil {
				t.Fatal(err)
			}
			first := buf.String()
			got, err := ReadPeople(&buf, "people.csv", nil)
			if err != nil {
				t.Fatal(err)
			}
			comparePeople(t, got, tc.people)
			buf.Reset()
			if err := WritePeople(&buf, got); err != nil {
				t.Fatal(err)
			}
			if buf.String() != first {
				t.Error("second write differs from the first")
			}
		})
		t.Run(tc.name+"/xlsx", func(t *testing.T) {
			people := tc.people
			path := filepath.Join(t.TempDir(), "people.xlsx")
			f, err := os.Create(path)
			if err != nil {
				t.Fatal(err)
			}
			if err := WritePeopleXLSX(f, people); err != nil {
				t.Fatal(err)
			}
			if err := f.Close(); err != nil {
				t.Fatal(err)
			}
			for _, sheet := range []string{"", "people"} {
				got, err := ReadPeopleXLSX(path, sheet, nil)
				if err != nil {
					t.Fatal(err)
				}
				comparePeople(t, got, people)
			}
		})
	}
}

func comparePeople(t *testing.T, got, want []model.Person) {
	t.Helper()
	if len(got) == 0 && len(want) == 0 {
		return
	}
	if len(got) != len(want) {
		t.Fatalf("got %d people, want %d", len(got), len(want))
	}
	for i := range got {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Fatalf("person %d:\ngot  %+v\nwant %+v", i, got[i], want[i])
		}
	}
}

func TestPeopleReadSpellings(t *testing.T) {
	// Vietnamese enumerations and booleans, day-first dates, columns in
	// another order, two holding groups with optional columns left out,
	// blank later groups and a decomposed (NFD) "nữ".
	src := "ID,Name,Sex,Birth_Date,Education,Party_Member,Residence,Capacity_Hours,title_1,unit_1,main_1,title_2,unit_2,term_end_2\n" +
		"1,Lê Văn A,Nam,08/03/1975,đại học,có,00001-01,40,bi-thu-chi-bo,00001-01,x,truong-thon,00001-01,2027-05-01\n" +
		"2,Phạm Thị B,Nu\u031b\u0303,1980-01-31,THPT,không,00001-02,20,,,,,,\n" +
		"3,C,f,1985-06-01,Trung cấp,1,,40,t,u,,,,\n" +
		"4,D,M,1986-06-01,sau đại học,FALSE,,40,t,u,no,,,\n"
	got, err := ReadPeople(strings.NewReader(src), "p.csv", nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []model.Person{
		{ID: "1", Name: "Lê Văn A", Birth: model.MustDate("1975-03-08"), Sex: model.Male, Education: model.EduUniversity, PartyMember: true,
			Residence: "00001-01", Capacity: 40, Holdings: []model.Holding{
				{Title: "bi-thu-chi-bo", Unit: "00001-01", Main: true},
				{Title: "truong-thon", Unit: "00001-01", TermEnd: model.MustDate("2027-05-01")},
			}},
		{ID: "2", Name: "Phạm Thị B", Birth: model.MustDate("1980-01-31"), Sex: model.Female, Education: model.EduUpperSec, Residence: "00001-02", Capacity: 20},
		{ID: "3", Name: "C", Birth: model.MustDate("1985-06-01"), Sex: model.Female, Education: model.EduIntermediate, PartyMember: true, Capacity: 40,
			Holdings: []model.Holding{{Title: "t", Unit: "u"}}},
		{ID: "4", Name: "D", Birth: model.MustDate("1986-06-01"), Sex: model.Male, Education: model.EduPostgraduate, Capacity: 40,
			Holdings: []model.Holding{{Title: "t", Unit: "u"}}},
	}
	// No attribute columns: every attribute is unknown.
	for i := range want {
		want[i].Unknown = model.AllAttrs
	}
	comparePeople(t, got, want)
}

func TestPeopleMalformed(t *testing.T) {
	const ok = "P1,A,1980-01-01,male,university,yes,V1,40,t,V1,2020-01-01,2025-01-01,yes\n" // line 2
	tests := []malformedCase{
		{"empty", "", "people.csv:1:1: empty file: expected a header row"},
		{"missing column", "id,name,birth_date,sex,education,party_member,residence\n",
			"people.csv:1:8: capacity_hours: missing column (needed: id,name,birth_date,sex,education,party_member,residence,capacity_hours)"},
		{"unknown column", strings.TrimSuffix(peopleHeader, "\n") + ",phone\n",
			"people.csv:1:14: phone: unknown column (expected id,name,birth_date,sex,education,party_member,residence,capacity_hours and holding groups title_1,unit_1,start_1,term_end_1,main_1,title_2,…)"},
		{"group without unit column", "id,name,birth_date,sex,education,party_member,residence,capacity_hours,title_2\n",
			"people.csv:1:10: unit_2: missing column: holding group 2 needs title_2 and unit_2"},
		{"bad sex", peopleHeader + "P1,A,1980-01-01,any,university,yes,V1,40,,,,,\n",
			`people.csv:2:4: sex: expected male or female (nam, nữ), got "any"`},
		{"bad date", peopleHeader + "P1,A,1980-13-01,male,university,yes,V1,40,,,,,\n",
			`people.csv:2:3: birth_date: expected a date (YYYY-MM-DD or DD/MM/YYYY), got "1980-13-01"`},
		{"missing birth date", peopleHeader + "P1,A,,male,university,yes,V1,40,,,,,\n",
			"people.csv:2:3: birth_date: expected a date (YYYY-MM-DD or DD/MM/YYYY), got an empty cell"},
		{"bad education", peopleHeader + "P1,A,1980-01-01,male,phd,yes,V1,40,,,,,\n",
			`people.csv:2:5: education: expected one of none, primary, lower-secondary, upper-secondary, intermediate, college, university, postgraduate (or the Vietnamese name), got "phd"`},
		{"bad boolean", peopleHeader + "P1,A,1980-01-01,male,university,maybe,V1,40,,,,,\n",
			`people.csv:2:6: party_member: expected yes or no (true/false, 1/0, có/không), got "maybe"`},
		{"negative capacity", peopleHeader + "P1,A,1980-01-01,male,university,yes,V1,-1,,,,,\n",
			`people.csv:2:8: capacity_hours: expected weekly hours (a number from 0 to 168), got "-1"`},
		{"decimal comma", peopleHeader + "P1,A,1980-01-01,male,university,yes,V1,\"37,5\",,,,,\n",
			`people.csv:2:8: capacity_hours: expected weekly hours (a number from 0 to 168), got "37,5"`},
		{"holding without title", peopleHeader + "P1,A,1980-01-01,male,university,yes,V1,40,,V1,,,\n",
			"people.csv:2:9: title_1: expected a title ID: holding 1 has other cells filled in"},
		{"bad term end", peopleHeader + "P1,A,1980-01-01,male,university,yes,V1,40,t,V1,2020-01-01,soon,yes\n",
			`people.csv:2:12: term_end_1: expected a date (YYYY-MM-DD or DD/MM/YYYY), got "soon"`},
		{"duplicate id", peopleHeader + ok + strings.Replace(ok, "A,", "B,", 1),
			`people.csv:3:1: id: person ID "P1" is used twice (also on line 2)`},
		{"empty id", peopleHeader + " ,A,1980-01-01,male,university,yes,V1,40,,,,,\n",
			"people.csv:2:1: id: expected a person ID, got an empty cell"},
		{"field count", peopleHeader + ok + "P2,B,1980-01-01\n",
			"people.csv:3:4: expected 13 fields (one per header column), found 3"},
		{"several", peopleHeader + "P1,A,1980-02-30,woman,university,yes,V1,40,,,,,\n",
			"people.csv:2:3: birth_date: expected a date (YYYY-MM-DD or DD/MM/YYYY), got \"1980-02-30\"\n" +
				"people.csv:2:4: sex: expected male or female (nam, nữ), got \"woman\""},
	}
	checkMalformed(t, tests, "people.csv", func(r io.Reader) ([]model.Person, error) {
		return ReadPeople(r, "people.csv", nil)
	})
}

func TestPeopleXLSXErrorsAndDates(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "p.xlsx")
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", "Danh sách")
	f.NewSheet("Khác")
	rows := [][]any{
		{"id", "name", "birth_date", "sex", "education", "party_member", "residence", "capacity_hours", "title_1", "unit_1", "start_1", "term_end_1", "main_1"},
		{"P1", "A", 27744.0, "nữ", "cao đẳng", true, "00001-01", 40.0, "t", "00001-01", "2021-05-01", "", false}, // 27744 = 1975-12-16
		{},
		{"P2", "B", "1980-01-01", "nam", "đại học", "yes", "00001-01", "abc", "", "", "", "", ""},
		{"P3", "C", "1980-01-01", "nam", "đại học", "yes", "00001-01", 40.0, "", "", "", "", "", "stray"},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Danh sách", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	f.Close()
	_, err := ReadPeopleXLSX(path, "", nil)
	want := path + `:4:8: capacity_hours: expected weekly hours (a number from 0 to 168), got "abc"` + "\n" +
		path + ":5:14: a value outside the header's columns"
	if err == nil || err.Error() != want {
		t.Errorf("got\n%v\nwant\n%s", err, want)
	}
	_, err = ReadPeopleXLSX(path, "Khác", nil)
	if err == nil || err.Error() != path+`:1:1: sheet "Khác" is empty: expected a header row` {
		t.Errorf("empty sheet: %v", err)
	}
	_, err = ReadPeopleXLSX(path, "Nope", nil)
	if err == nil || err.Error() != path+`: no sheet "Nope" (sheets: Danh sách, Khác)` {
		t.Errorf("missing sheet: %v", err)
	}
	_, err = ReadPeopleXLSX(filepath.Join(dir, "absent.xlsx"), "", nil)
	if err == nil || !strings.HasPrefix(err.Error(), filepath.Join(dir, "absent.xlsx")+": cannot open as an XLSX workbook: ") {
		t.Errorf("absent file: %v", err)
	}

	// Only the good row: the Excel date serial and boolean cells read.
	f, _ = excelize.OpenFile(path)
	f.RemoveRow("Danh sách", 5)
	f.RemoveRow("Danh sách", 4)
	f.Save()
	f.Close()
	got, err := ReadPeopleXLSX(path, "Danh sách", nil)
	if err != nil {
		t.Fatal(err)
	}
	wantP := []model.Person{{ID: "P1", Name: "A", Birth: model.MustDate("1975-12-16"), Sex: model.Female, Education: model.EduCollege,
		PartyMember: true, Residence: "00001-01", Capacity: 40,
		Holdings: []model.Holding{{Title: "t", Unit: "00001-01", Start: model.MustDate("2021-05-01")}}, Unknown: model.AllAttrs}}
	comparePeople(t, got, wantP)
}

func TestWritePeopleRefuses(t *testing.T) {
	good := model.Person{ID: "1", Birth: model.MustDate("1980-01-01"), Sex: model.Male}
	tests := []struct {
		name string
		p    []model.Person
		want string
	}{
		{"empty id", []model.Person{{Birth: good.Birth, Sex: model.Male}}, "people[0].id: empty ID"},
		{"duplicate", []model.Person{good, good}, `people[1].id: ID "1" is also used by people[0]`},
		{"no birth", []model.Person{{ID: "1", Sex: model.Male}}, "people[0].birth"},
		{"bad birth", []model.Person{{ID: "1", Birth: 19801340, Sex: model.Male}}, "people[0].birth"},
		{"any sex", []model.Person{{ID: "1", Birth: good.Birth}}, "people[0].sex"},
		{"NaN capacity", []model.Person{{ID: "1", Birth: good.Birth, Sex: model.Male, Capacity: model.Hours(math.NaN())}}, "people[0].capacity"},
		{"holding without unit", []model.Person{{ID: "1", Birth: good.Birth, Sex: model.Male, Holdings: []model.Holding{{Title: "t"}}}}, "people[0].holdings[0]"},
	}
	for _, tc := range tests {
		for _, write := range []func([]model.Person) error{
			func(p []model.Person) error { return WritePeople(&bytes.Buffer{}, p) },
			func(p []model.Person) error { return WritePeopleXLSX(&bytes.Buffer{}, p) },
		} {
			if err := write(tc.p); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("%s: got %v, want an error containing %q", tc.name, err, tc.want)
			}
		}
	}
}

func FuzzReadPeople(f *testing.F) {
	f.Add(peopleHeader + "P1,A,1980-01-01,male,university,yes,V1,40,t,V1,2020-01-01,2025-01-01,yes\n")
	f.Add(peopleHeader + "P1,\"Nguyễn, A\",08/03/1975,nữ,đại học,có,V1,37.5,,,,,\n")
	f.Add("id,name,birth_date,sex,education,party_member,residence,capacity_hours,title_1,unit_1,title_2,unit_2\nP,,1999-09-09,f,none,0,,0,a,b,c,d\n")
	f.Add(peopleHeader + "P1,A,1980-13-01,any,phd,maybe,V1,-1,,V1,,soon,\n")
	f.Add(peopleHeader + "P1,A\n")
	f.Add("id,title_0,title_1000\n")
	f.Add("id,name,birth_date,sex,education,party_member,residence,capacity_hours,cựu chiến binh,military_training,đoàn thanh niên,red_cross\nP,,1999-09-09,f,none,0,,0,có,,no,maybe\n")
	f.Add("id,name,birth_date,sex,education,party_member,residence,capacity_hours,Ngày bố trí về thôn,title_1,unit_1\nP,,1970-01-01,m,none,no,,0,15/08/2025,t,u\nQ,,1970-01-01,m,none,no,,0,có,,\nR,,1970-01-01,m,none,no,,0,1980-01-01,,\n")
	f.Add("")
	f.Fuzz(func(t *testing.T, src string) {
		read := func(r io.Reader) ([]model.Person, error) { return ReadPeople(r, "f.csv", nil) }
		fuzzRoundTrip(t, src, "people", read, WritePeople, true)
	})
}
