package scenarios

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/tables"
)

const tinyVillages = `Mã xã,Mã thôn,Tên thôn,Loại,Số hộ,Số nhân khẩu,Miền núi,Thôn liền kề
42001,V1,Thôn Bắc,thôn,700,2800,x,V2
42001,V2,Xóm Nam,xóm,1000,3600,,V3
42001,V3,Thôn Giữa,thôn,800,2600,,
`

func TestLoadDataVillagesFile(t *testing.T) {
	tests := []struct {
		name, units, villages, wantErr string
		wantWarn                       []string
	}{
		// The units file's two villages give way to the file's three.
		{name: "replaces the units file's", units: "units.csv", villages: tinyVillages,
			wantWarn: []string{"thôn liền kề: village V1 lists V2", "thôn liền kề: village V2 lists V3"}},
		{name: "unknown commune", units: "units.csv", villages: strings.Replace(tinyVillages, "42001,V3", "42009,V3", 1),
			wantErr: `villages.csv:4:1: mã xã: no commune "42009" among the scenario's units`},
		{name: "code of a unit", units: "units.csv", villages: strings.Replace(tinyVillages, "V3", "42", 2),
			wantErr: `data.villages: village 42 of`},
		// One commune of the generated province from the file, the rest generated.
		{name: "generated units", villages: strings.ReplaceAll(tinyVillages, "42001", firstXa(t)),
			wantWarn: []string{"lists V2", "lists V3", "215 communes of the scenario have no villages"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			write(t, dir, "units.csv", tinyUnits)
			write(t, dir, "villages.csv", tt.villages)
			data := "data:\n  villages: {file: villages.csv}\n"
			if tt.units != "" {
				data += "  units: {file: units.csv}\n"
			}
			s, err := Load(write(t, dir, "s.yaml", "extends: nd33-2023\n"+data))
			if err != nil {
				t.Fatal(err)
			}
			err = s.LoadData()
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("LoadData error %v, want %s", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			commune := "42001"
			if tt.units == "" {
				commune = firstXa(t)
			}
			for _, u := range s.Units {
				if u.Parent == commune {
					got = append(got, u.Code)
				}
			}
			if strings.Join(got, " ") != "V1 V2 V3" {
				t.Errorf("villages of %s: %v, want V1 V2 V3", commune, got)
			}
			if len(s.Warnings) != len(tt.wantWarn) {
				t.Fatalf("warnings %v, want %d", s.Warnings, len(tt.wantWarn))
			}
			for i, w := range tt.wantWarn {
				if !strings.Contains(s.Warnings[i].Error(), w) {
					t.Errorf("warning %d = %v, want %q", i, s.Warnings[i], w)
				}
			}
		})
	}
}

// firstXa is the code of the first xã of the default generated province.
func firstXa(t *testing.T) string {
	t.Helper()
	units, err := BuildUnits(DataSpec{Province: DefaultProvince, Vintage: DefaultVintage, Seed: DefaultSeed})
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range units {
		if u.Type == model.Xa {
			return u.Code
		}
	}
	t.Fatal("no xã")
	return ""
}

// TestLoadDataVillagesXLSX reads the villages from a workbook with
// Vietnamese headers, as a planner fills in the template.
func TestLoadDataVillagesXLSX(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "units.csv", tinyUnits)
	vs, err := tables.ReadVillages(strings.NewReader(tinyVillages), "v.csv", nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := tables.WriteVillagesXLSX(&buf, vs, model.Vietnamese); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "thon.xlsx"), buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Load(write(t, dir, "s.yaml", "extends: nd33-2023\ndata:\n  units: {file: units.csv}\n  villages: {file: thon.xlsx, sheet: thôn}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.LoadData(); err != nil {
		t.Fatal(err)
	}
	if n := s.Count(model.Village); n != 3 {
		t.Errorf("%d villages, want 3", n)
	}
	out, err := s.YAML()
	if err != nil || !strings.Contains(string(out), "thon.xlsx") {
		t.Errorf("resolved scenario does not name the villages file: %v\n%s", err, out)
	}
}

func TestVillagesDataChecks(t *testing.T) {
	tests := []struct{ name, data, want string }{
		{"no file", "  villages: {sheet: a}\n", "data.villages.file"},
		{"sheet of a CSV", "  villages: {file: v.csv, sheet: a}\n", "data.villages.sheet: sheet applies only to an .xlsx villages file"},
		{"missing file", "  villages: {file: nowhere.csv}\n", "cannot read"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			s, err := Load(write(t, dir, "s.yaml", "extends: nd33-2023\ndata:\n"+tt.data))
			if err == nil {
				err = s.LoadData()
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want %s", err, tt.want)
			}
		})
	}
}
