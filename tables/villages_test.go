package tables

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// villageCommunes are the scenario units the village tests read against.
var villageCommunes = []model.Unit{
	{Code: "P", Level: model.Province, Type: model.Tinh},
	{Code: "00004", Level: model.Commune, Type: model.Phuong, Parent: "P"},
	{Code: "10001", Level: model.Commune, Type: model.Xa, Parent: "P", Flags: model.BorderIsland | model.Mountainous},
	{Code: "10002", Level: model.Commune, Type: model.Phuong, Parent: "P"},
}

const (
	villagesViHeader = "Mã xã,Mã thôn,Tên thôn,Loại,Số hộ,Số nhân khẩu,Diện tích (km²),Miền núi,Đặc biệt khó khăn,Thôn liền kề\n"
	villagesEnHeader = "commune_code,village_code,village_name,type,households,population,area_km2,mountainous,particularly_difficult,neighbours\n"
	villagesRows     = "10001,T1,Thôn Đông,thôn,120,480,3.5,x,có,T2\n" +
		"10001,T2,Xóm Tây,xóm,80,300,,1,,T1;T3\n" +
		"10001,T3,Bản Nà,bản,40,170,2,yes,no,T2\n" +
		"10002,K1,Khóm 1,khóm,900,3000,,,,\n"
)

func TestReadVillages(t *testing.T) {
	want := []model.Unit{
		{Code: "T1", Name: "Thôn Đông", Level: model.Village, Type: model.Thon, Parent: "10001", Households: 120, Population: 480, AreaKm2: 3.5,
			Flags: model.BorderIsland | model.Mountainous | model.ParticularlyDifficult, Neighbours: []string{"T2"}},
		{Code: "T2", Name: "Xóm Tây", Level: model.Village, Type: model.Thon, Parent: "10001", Households: 80, Population: 300,
			Flags: model.BorderIsland | model.Mountainous, Neighbours: []string{"T1", "T3"}},
		{Code: "T3", Name: "Bản Nà", Level: model.Village, Type: model.Ban, Parent: "10001", Households: 40, Population: 170, AreaKm2: 2,
			Flags: model.BorderIsland | model.Mountainous, Neighbours: []string{"T2"}},
		{Code: "K1", Name: "Khóm 1", Level: model.Village, Type: model.KhuPho, Parent: "10002", Households: 900, Population: 3000},
	}
	tests := []struct{ name, csv string }{
		{"Vietnamese headers", villagesViHeader + villagesRows},
		{"row numbers and notes", "STT," + strings.TrimSuffix(villagesViHeader, "\n") + ",Ghi chú\n" + prefixRows(villagesRows, "1,", ",sáp nhập?")},
		{"English headers", villagesEnHeader + villagesRows},
		{"decomposed Vietnamese, odd spacing", strings.ReplaceAll(villagesViHeader, "Mã thôn", "  MÃ   THÔN ") + villagesRows},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var warn ErrorList
			got, err := ReadVillages(strings.NewReader(tc.csv), "v.csv", villageCommunes, &warn)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("got\n%+v\nwant\n%+v", got, want)
			}
			if len(warn) != 0 {
				t.Errorf("warnings %v, want none", warn)
			}
		})
	}
}

// prefixRows puts before and after around every line of rows.
func prefixRows(rows, before, after string) string {
	var b strings.Builder
	for _, l := range strings.SplitAfter(strings.TrimSuffix(rows, "\n"), "\n") {
		b.WriteString(before + strings.TrimSuffix(l, "\n") + after + "\n")
	}
	return b.String()
}

func TestReadVillagesErrors(t *testing.T) {
	h := villagesEnHeader
	tests := []struct {
		name, csv string
		want      []string // each must appear in the error text
	}{
		{"unknown commune", h + "99999,T1,A,thôn,1,1,,,,\n", []string{"v.csv:2:1: commune_code:", `no commune "99999"`}},
		{"duplicate village", h + "10001,T1,A,thôn,1,1,,,,\n10001,T1,B,thôn,1,1,,,,\n", []string{"v.csv:3:2: village_code:", "used twice (also on line 2)"}},
		{"village code of a commune", h + "10001,10002,A,thôn,1,1,,,,\n", []string{"v.csv:2:2:", "code of a commune"}},
		{"missing neighbour", h + "10001,T1,A,thôn,1,1,,,,T9\n", []string{"v.csv:2:10: neighbours:", `no village "T9"`}},
		{"neighbour in another commune", h + "10001,T1,A,thôn,1,1,,,,K1\n10002,K1,B,tdp,1,1,,,,T1\n", []string{"v.csv:2:10:", "in commune 10002, not 10001"}},
		{"itself", h + "10001,T1,A,thôn,1,1,,,,T1\n", []string{"lists itself"}},
		{"negative households", h + "10001,T1,A,thôn,-5,1,,,,\n", []string{"v.csv:2:5: households:", "whole number"}},
		{"bad type", h + "10001,T1,A,xã,1,1,,,,\n", []string{"v.csv:2:4: type:", "traditional name"}},
		{"bad flag", h + "10001,T1,A,thôn,1,1,,maybe,,\n", []string{"v.csv:2:8: mountainous:", "yes or no"}},
		{"empty name", h + "10001,T1,,thôn,1,1,,,,\n", []string{"v.csv:2:3: village_name:"}},
		{"missing column", "commune_code,village_code,village_name,type,population\n10001,T1,A,thôn,1\n", []string{"missing column households"}},
		{"unknown column", h[:len(h)-1] + ",colour\n10001,T1,A,thôn,1,1,,,,,red\n", []string{"v.csv:1:11: colour: unknown column"}},
		{"column twice", "mã xã,commune_code,village_code,village_name,type,households,population\n1,1,T1,A,thôn,1,1\n", []string{"v.csv:1:2: commune_code: column given twice (also column 1, mã xã)"}},
		{"lat without lon", h[:len(h)-1] + ",lat\n10001,T1,A,thôn,1,1,,,,,21\n", []string{"lat and lon"}},
		{"latitude outside", h[:len(h)-1] + ",vĩ độ,kinh độ\n10001,T1,A,thôn,1,1,,,,,48.8,2.3\n", []string{"v.csv:2:11: vĩ độ:", "v.csv:2:12: kinh độ:"}},
		{"Vietnamese path", villagesViHeader + "10001,T1,A,thôn,nhiều,1,,,,\n", []string{"v.csv:2:5: số hộ:"}},
		{"no rows", h, []string{"no villages"}},
		{"lost zeros", h + "4,T1,A,thôn,1,1,,,,\n", []string{`no commune "4"`, "4 lost its leading zeros? Format the column as Text and type 00004"}},
		{"swapped counts", h + "10001,T1,A,thôn,400,120,,,,\n", []string{"v.csv:2:6: population: 120 residents in 400 households", "swapped"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadVillages(strings.NewReader(tc.csv), "v.csv", villageCommunes, nil)
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
		})
	}
}

func TestReadVillagesSymmetric(t *testing.T) {
	csv := villagesEnHeader + "10001,T1,A,thôn,1,1,,,,T2;T3\n10001,T2,B,thôn,1,1,,,,\n10001,T3,C,thôn,1,1,,,,T1\n10001,T4,D,thôn,1,1,,,,\n"
	var warn ErrorList
	got, err := ReadVillages(strings.NewReader(csv), "v.csv", villageCommunes, &warn)
	if err != nil {
		t.Fatal(err)
	}
	nb := map[string][]string{}
	for _, v := range got {
		nb[v.Code] = v.Neighbours
	}
	want := map[string][]string{"T1": {"T2", "T3"}, "T2": {"T1"}, "T3": {"T1"}, "T4": {}}
	if !reflect.DeepEqual(nb, want) {
		t.Errorf("neighbours %v, want %v", nb, want)
	}
	if len(warn) != 1 || !strings.Contains(warn[0].Error(), "v.csv:2:10: neighbours: village T1 lists T2") {
		t.Errorf("warnings %v, want one at T1's cell", warn)
	}
}

func TestReadVillagesTypeWarning(t *testing.T) {
	csv := villagesEnHeader + "10002,T1,A,thôn,1,1,,,,\n10001,K1,B,khóm,1,1,,,,\n10001,T2,C,ấp,1,1,,,,\n"
	var warn ErrorList
	if _, err := ReadVillages(strings.NewReader(csv), "v.csv", villageCommunes, &warn); err != nil {
		t.Fatal(err)
	}
	if len(warn) != 2 || !strings.Contains(warn[0].Error(), "v.csv:2:4: type: a thôn in commune 10002 (phuong)") || !strings.Contains(warn[1].Error(), "v.csv:3:4: type: a khu phố in commune 10001 (xa)") {
		t.Errorf("warnings %v, want a thôn in a phường and a khóm in a xã", warn)
	}
}

func TestReadVillagesCoordinates(t *testing.T) {
	// Four villages on a line: the Gabriel graph is the path.
	csv := "commune_code,village_code,village_name,type,households,population,lat,lon\n" +
		"10001,A,A,thôn,1,1,21.00,105.80\n10001,B,B,thôn,1,1,21.01,105.80\n10001,C,C,thôn,1,1,21.02,105.80\n10001,D,D,thôn,1,1,21.03,105.80\n" +
		"10002,E,E,tdp,1,1,21.00,105.90\n"
	got, err := ReadVillages(strings.NewReader(csv), "v.csv", villageCommunes, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"B"}, {"A", "C"}, {"B", "D"}, {"C"}, nil}
	for i, v := range got {
		if !reflect.DeepEqual(v.Neighbours, want[i]) {
			t.Errorf("%s: neighbours %v, want %v", v.Code, v.Neighbours, want[i])
		}
	}
}

func TestReadVillagesTooManyLocated(t *testing.T) {
	var b strings.Builder
	b.WriteString("commune_code,village_code,village_name,type,households,population,lat,lon\n")
	for i := range maxGabrielVillages + 1 {
		fmt.Fprintf(&b, "10001,V%d,V,thôn,1,1,%.4f,%.4f\n", i, 20+float64(i%100)/200, 105+float64(i/100)/400)
	}
	_, err := ReadVillages(strings.NewReader(b.String()), "v.csv", villageCommunes, nil)
	if err == nil || !strings.Contains(err.Error(), "v.csv:2:7: lat: commune 10001 has 1001 villages located") {
		t.Errorf("error %v, want the limit at the commune's first row", err)
	}
}

func TestVillagesRoundTrip(t *testing.T) {
	var warn ErrorList
	villages, err := ReadVillages(strings.NewReader(villagesViHeader+villagesRows), "v.csv", villageCommunes, &warn)
	if err != nil {
		t.Fatal(err)
	}
	villages[0].Lat, villages[0].Lon = 21.5, 105.25
	villages[1].Lat, villages[1].Lon = 21.25, 105.5
	villages[3].Flags |= model.KeyDefence | model.IsolatedIsland | model.Resettlement | model.Fragmented | model.EthnicMinority | model.KeySecurity
	dir := t.TempDir()
	for _, lang := range model.Langs {
		t.Run("csv "+string(lang), func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteVillages(&buf, villages, lang); err != nil {
				t.Fatal(err)
			}
			got, err := ReadVillages(&buf, "w.csv", villageCommunes, nil)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, villages) {
				t.Errorf("got\n%+v\nwant\n%+v", got, villages)
			}
		})
		t.Run("xlsx "+string(lang), func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteVillagesXLSX(&buf, villages, lang); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(dir, "v-"+string(lang)+".xlsx")
			if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			got, err := ReadVillagesXLSX(path, "", villageCommunes, nil)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, villages) {
				t.Errorf("got\n%+v\nwant\n%+v", got, villages)
			}
		})
	}
}

func TestWriteVillagesRefuses(t *testing.T) {
	ok := model.Unit{Code: "T1", Name: "A", Level: model.Village, Type: model.Thon, Parent: "10001"}
	tests := []struct {
		name string
		edit func(*model.Unit)
	}{
		{"commune", func(u *model.Unit) { u.Level, u.Type = model.Commune, model.Xa }},
		{"blank code", func(u *model.Unit) { u.Code = " " }},
		{"code with a comma", func(u *model.Unit) { u.Code = "T,1" }},
		{"negative households", func(u *model.Unit) { u.Households = -1 }},
		{"padded name", func(u *model.Unit) { u.Name = " A" }},
		{"outside Việt Nam", func(u *model.Unit) { u.Lat, u.Lon = 48.8, 2.3 }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			u := ok
			tc.edit(&u)
			if err := WriteVillages(&bytes.Buffer{}, []model.Unit{u}, model.English); err == nil {
				t.Error("no error")
			}
		})
	}
}

func TestVillagesTemplate(t *testing.T) {
	for _, lang := range model.Langs {
		t.Run(string(lang), func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteVillagesTemplate(&buf, lang); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(t.TempDir(), "template.xlsx")
			if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			// The empty template's header is understood: the only error is
			// that it has no villages yet.
			_, err := ReadVillagesXLSX(path, "", villageCommunes, nil)
			if err == nil || !strings.Contains(err.Error(), "no villages") || len(Errors(err)) != 1 {
				t.Errorf("reading the empty template: %v", err)
			}
		})
	}
}

// TestReadVillagesXLSXErrors checks that a bad cell of a workbook is
// reported at its row and column (A = 1) under its header as written.
func TestReadVillagesXLSXErrors(t *testing.T) {
	villages, err := ReadVillages(strings.NewReader(villagesViHeader+villagesRows), "v.csv", villageCommunes, nil)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteVillagesXLSX(&buf, villages, model.Vietnamese); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellValue("thôn", "E3", -5); err != nil { // households of T2
		t.Fatal(err)
	}
	if err := f.SetCellValue("thôn", "A5", "99999"); err != nil { // commune of K1
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "v.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	_, err = ReadVillagesXLSX(path, "", villageCommunes, nil)
	for _, want := range []string{path + ":3:5: số hộ: expected a whole number", path + `:5:1: mã xã: no commune "99999"`} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error %v, want %s", err, want)
		}
	}
	if _, err := ReadVillagesXLSX(path, "nowhere", villageCommunes, nil); err == nil || !strings.Contains(err.Error(), `no sheet "nowhere"`) {
		t.Errorf("unknown sheet: %v", err)
	}
}

func TestParseVillageType(t *testing.T) {
	tests := []struct {
		in   string
		want model.UnitType
		ok   bool
	}{
		{"thôn", model.Thon, true}, {"Xóm", model.Thon, true}, {"làng", model.Thon, true}, {"thon", model.Thon, true},
		{"Tổ dân phố", model.ToDanPho, true}, {"TDP", model.ToDanPho, true}, {"tổ", model.ToDanPho, true},
		{"bản", model.Ban, true}, {"buôn", model.Ban, true}, {"plei", model.Ban, true}, {"plơi", model.Ban, true}, {"sóc", model.Ban, true},
		{"ấp", model.Ap, true}, {"khu phố", model.KhuPho, true}, {"Khóm", model.KhuPho, true},
		{"xã", 0, false}, {"", 0, false}, {"village", 0, false},
	}
	for _, tc := range tests {
		got, ok := parseVillageType(tc.in)
		if ok != tc.ok || (ok && tc.want != 0 && got != tc.want) {
			t.Errorf("parseVillageType(%q) = %v, %v; want %v, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}
