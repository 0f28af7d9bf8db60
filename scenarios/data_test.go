package scenarios

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/tables"
)

const tinyUnits = `code,name,level,type,class,parent,population,households,area_km2,flags
42,Tỉnh Hà Tĩnh,province,tinh,,,9000,2500,40,
42001,Xã Thử,commune,xa,II,42,9000,2500,40,
42001-01,Thôn Đông,village,thon,,42001,4500,1250,20,
42001-02,Thôn Tây,village,thon,,42001,4500,1250,20,
`

func TestLoadDataFiles(t *testing.T) {
	tests := []struct {
		name    string
		people  string
		wantErr string // "" for success
	}{
		{"good", `id,name,birth_date,sex,education,party_member,residence,capacity_hours,title_1,unit_1
P1,Nguyễn Văn A,1980-01-01,male,university,yes,42001-01,40,truong-thon,42001-01
`, ""},
		{"unknown title", `id,name,birth_date,sex,education,party_member,residence,capacity_hours,title_1,unit_1
P1,Nguyễn Văn A,1980-01-01,male,university,yes,42001-01,40,truong-thon,42001-01
P2,Trần Thị B,1985-01-01,female,college,no,42001-02,40,truong-xom,42001-02
`, "people.csv:3:9: title_1: no title \"truong-xom\" in the scenario / không có chức danh \"truong-xom\" trong kịch bản; did you mean \"truong-thon\"? / có phải là \"truong-thon\"?"},
		{"unknown unit", `id,name,birth_date,sex,education,party_member,residence,capacity_hours,title_1,unit_1
P1,Nguyễn Văn A,1980-01-01,male,university,yes,42001-01,40,truong-thon,42001-09
`, "people.csv:2:10: unit_1: no unit \"42001-09\" among the scenario's units"},
		{"village title in a commune", `id,name,birth_date,sex,education,party_member,residence,capacity_hours,title_1,unit_1
P1,Nguyễn Văn A,1980-01-01,male,university,yes,42001-01,40,truong-thon,42001
`, "people.csv:2:9: title_1: title truong-thon does not exist in commune 42001 (xa)"},
		{"unknown residence", `id,name,birth_date,sex,education,party_member,residence,capacity_hours
P1,Nguyễn Văn A,1980-01-01,male,university,yes,99999,40
`, "people.csv:2:7: residence: no unit \"99999\" among the scenario's units"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			write(t, dir, "units.csv", tinyUnits)
			write(t, dir, "people.csv", tt.people)
			scen := write(t, dir, "s.yaml", "extends: nd33-2023\ndata:\n  units: {file: units.csv}\n  people: {file: people.csv}\n")
			s, err := Load(scen)
			if err != nil {
				t.Fatal(err)
			}
			err = s.LoadData()
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("LoadData: %v", err)
				}
				if len(s.Units) != 4 || len(s.People) != 1 || s.People[0].Holdings[0].Title != "truong-thon" {
					t.Errorf("units %d, people %+v", len(s.Units), s.People)
				}
				return
			}
			if err == nil {
				t.Fatalf("LoadData succeeded, want %s", tt.wantErr)
			}
			got := tables.Errors(err)
			if len(got) != 1 || got[0].Error() != filepath.Join(dir, tt.wantErr) {
				t.Errorf("LoadData error:\n%v\nwant:\n%s", err, filepath.Join(dir, tt.wantErr))
			}
		})
	}
}

func TestLoadDataMissingFile(t *testing.T) {
	dir := t.TempDir()
	scen := write(t, dir, "s.yaml", "extends: nd33-2023\ndata:\n  units:\n    file: nowhere.csv\n")
	s, err := Load(scen)
	if err != nil {
		t.Fatal(err)
	}
	err = s.LoadData()
	want := scen + ":4:11: data.units.file: cannot read " + filepath.Join(dir, "nowhere.csv") + ": no such file or directory"
	if err == nil || err.Error() != want {
		t.Errorf("LoadData error = %v\nwant %s", err, want)
	}
}

func TestLoadDataDefault(t *testing.T) {
	s, err := Load("nd33-2023")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.LoadData(); err != nil {
		t.Fatal(err)
	}
	if got := s.Count(model.Commune); got != 216 {
		t.Errorf("default data: %d communes, want Hà Tĩnh's 216 on the 2024-11 list", got)
	}
	if s.Units[0].Code != DefaultProvince {
		t.Errorf("first unit %s, want province %s", s.Units[0].Code, DefaultProvince)
	}
	slots := 0
	for _, sl := range s.Slots() {
		slots += sl.Holders
	}
	if slots != len(s.People) {
		t.Errorf("%d title holders needed, %d people generated: want one person per holder", slots, len(s.People))
	}
}

func write(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(strings.TrimLeft(text, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}
