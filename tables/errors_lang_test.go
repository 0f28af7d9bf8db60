package tables

import (
	"strings"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/internal/catalogtest"
	"github.com/kiemnhiem/kiemnhiem/model"
)

// TestErrorCatalogue fails when a message of tables has no Vietnamese form
// in errorsVi, or sets Msg without Vi, listing each.
func TestErrorCatalogue(t *testing.T) {
	uses, err := catalogtest.Scan(".", "bad", "errAt", "at", "add", "villageErrorf", "Setf", "setf")
	if err != nil {
		t.Fatal(err)
	}
	if missing := catalogtest.Missing(uses, errorsVi); len(missing) > 0 {
		t.Errorf("%d messages have no Vietnamese form:\n%s", len(missing), strings.Join(missing, "\n"))
	}
}

// TestErrorIn reads bad units files and checks each error in both
// languages: the English is Error() byte for byte, the Vietnamese keeps
// the position and column and says the rest in Vietnamese.
func TestErrorIn(t *testing.T) {
	for _, tc := range []struct {
		name, csv, en, vi string
	}{
		{"bad flag", unitsHeader + "01,P,province,tinh,,,0,0,0,mountainous|hilly\n",
			`units.csv:2:10: flags: expected flags among mountainous, border-island, key-security, urban-district-ward, key-defence, ethnic-minority, particularly-difficult, fragmented, resettlement, isolated-island joined by "|"; got "mountainous|hilly"`,
			`units.csv:2:10: flags: cần các cờ trong mountainous, border-island, key-security, urban-district-ward, key-defence, ethnic-minority, particularly-difficult, fragmented, resettlement, isolated-island nối bằng "|"; nhận được "mountainous|hilly"`},
		{"blank population", unitsHeader + "01,P,province,tinh,,,,0,0,\n",
			"units.csv:2:7: population: expected a whole number from 0 to 100000000 (write 0 when unknown), got an empty cell",
			"units.csv:2:7: population: cần một số nguyên từ 0 đến 100000000 (ghi 0 khi không rõ), nhận được một ô trống"},
		{"bad class", unitsHeader + "01,P,province,tinh,IV,,0,0,0,\n",
			`units.csv:2:5: class: expected I, II, III or a blank; got "IV"`,
			`units.csv:2:5: class: cần I, II, III hoặc để trống; nhận được "IV"`},
		{"duplicate code", unitsHeader + "01,P,province,tinh,,,0,0,0,\n01,P again,province,tinh,,,0,0,0,\n",
			`units.csv:3:1: code: unit code "01" is used twice (also on line 2)`,
			`units.csv:3:1: code: mã đơn vị "01" dùng hai lần (cả ở dòng 2)`},
		{"bare quote", unitsHeader + "01,P\"x,province,tinh,,,0,0,0,\n",
			`units.csv:2:5: CSV syntax: bare " in non-quoted-field`,
			`units.csv:2:5: lỗi cú pháp CSV: dấu " lẻ trong trường không đặt trong ngoặc kép`},
		{"unknown column", "code,name,level,type,class,parent,population,households,area_km2,flags,colour\n",
			"units.csv:1:11: colour: unknown column (expected: code,name,level,type,class,parent,population,households,area_km2,flags)",
			"units.csv:1:11: colour: cột không rõ (cần: code,name,level,type,class,parent,population,households,area_km2,flags)"},
		{"semicolons", "code;name;level\n",
			`units.csv:1:5: the header is one column with semicolons in it: the file is separated by semicolons, not commas: in Excel, save it as "CSV UTF-8 (Comma delimited)" (or as an Excel Workbook, .xlsx)`,
			`units.csv:1:5: dòng tên cột chỉ là một cột có dấu chấm phẩy bên trong: tệp được phân cách bằng dấu chấm phẩy, không phải dấu phẩy: trong Excel, hãy lưu thành "CSV UTF-8 (Comma delimited)" (hoặc thành sổ tính Excel, .xlsx)`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadUnits(strings.NewReader(tc.csv), "units.csv", UnitSelect{})
			list := Errors(err)
			if len(list) == 0 {
				t.Fatalf("got %v, want a positioned error", err)
			}
			e := list[0]
			if got := e.In(model.English); got != tc.en || got != e.Error() {
				t.Errorf("English:\n got %s\nwant %s", got, tc.en)
			}
			if got := e.In(model.Vietnamese); got != tc.vi {
				t.Errorf("Vietnamese:\n got %s\nwant %s", got, tc.vi)
			}
		})
	}
}

// TestCatalogueFormats formats every Vietnamese form with the arguments
// its English takes, and fails on a verb that does not fit ("%!").
func TestCatalogueFormats(t *testing.T) {
	for _, b := range catalogtest.BadFormats(errorsVi) {
		t.Error(b)
	}
}
