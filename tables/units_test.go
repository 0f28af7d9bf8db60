package tables

import (
	"bytes"
	"errors"
	"io"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/internal/shareddata"
	"github.com/kiemnhiem/kiemnhiem/model"
)

func readSharedUnits(t testing.TB, name string, sel UnitSelect) []model.Unit {
	t.Helper()
	f := shareddata.Open(t, name)
	units, err := ReadUnits(f, name, sel)
	if err != nil {
		t.Fatalf("ReadUnits(%s, %+v): %v", name, sel, err)
	}
	return units
}

func countLevel(units []model.Unit, l model.Level) int {
	n := 0
	for i := range units {
		if units[i].Level == l {
			n++
		}
	}
	return n
}

const unitsHeader = "code,name,level,type,class,parent,population,households,area_km2,flags\n"

func TestUnitsRoundTrip(t *testing.T) {
	// Generated units round-trip in synth's TestGeneratedRoundTrip.
	odd := []model.Unit{
		{Code: "P", Name: `Tỉnh "Thử", có dấu phẩy`, Level: model.Province, Type: model.Tinh, Population: 1, Households: 0, AreaKm2: 0.1 + 0.2},
		{Code: "C1", Name: " leading space\nand a newline", Level: model.Commune, Type: model.ThiTran, Class: model.ClassIII, Parent: "P",
			Population: 123456, Households: 34567, AreaKm2: 1e-7, Flags: model.Mountainous | model.KeySecurity},
		{Code: "C1-01", Name: "", Level: model.Village, Type: model.Ban, Parent: "C1", AreaKm2: 123456.789,
			Flags: model.Mountainous | model.BorderIsland | model.KeySecurity | model.UrbanDistrictWard},
		{Code: "lone", Name: "no parent", Level: model.Commune, Type: model.DacKhu},
	}
	tests := []struct {
		name  string
		units []model.Unit
	}{
		{"odd values", odd},
		{"empty", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteUnits(&buf, tc.units); err != nil {
				t.Fatal(err)
			}
			first := buf.String()
			got, err := ReadUnits(&buf, "units.csv", UnitSelect{})
			if len(tc.units) == 0 {
				// A list of no units is written, but refused when read:
				// no scenario can use it, and the people would be blamed.
				if err == nil || !strings.Contains(err.Error(), "units.csv:2:1: no units") {
					t.Errorf("reading no units: %v, want the no-units error", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tc.units) {
				for i := range min(len(got), len(tc.units)) {
					if !reflect.DeepEqual(got[i], tc.units[i]) {
						t.Fatalf("unit %d: got %+v, want %+v", i, got[i], tc.units[i])
					}
				}
				t.Fatalf("got %d units, want %d", len(got), len(tc.units))
			}
			buf.Reset()
			if err := WriteUnits(&buf, got); err != nil {
				t.Fatal(err)
			}
			if buf.String() != first {
				t.Error("second write differs from the first")
			}
		})
	}
}

func TestUnitsReadSpellings(t *testing.T) {
	// Vietnamese spellings, spaces around enumerations, a byte-order mark,
	// columns in another order and a blank row.
	src := "\ufeffname,code,level,type,class,parent,population,households,area_km2,flags\n" +
		"Tỉnh X,01, tỉnh ,Tỉnh,,,0,0,0,\n" +
		",,,,,,,,,\n" +
		"Xã Y,01001,xã,Xã,2,01,8000,2000,30.5, mountainous | border-island\n" +
		"Bản Z,01001-01,thôn,bản,,01001,100,25,3,\n"
	checkUnits(t, src, "u.csv", UnitSelect{}, []model.Unit{
		{Code: "01", Name: "Tỉnh X", Level: model.Province, Type: model.Tinh},
		{Code: "01001", Name: "Xã Y", Level: model.Commune, Type: model.Xa, Class: model.ClassII, Parent: "01",
			Population: 8000, Households: 2000, AreaKm2: 30.5, Flags: model.Mountainous | model.BorderIsland},
		{Code: "01001-01", Name: "Bản Z", Level: model.Village, Type: model.Ban, Parent: "01001", Population: 100, Households: 25, AreaKm2: 3},
	})
}

func TestUnitsSelect(t *testing.T) {
	src := unitsHeader +
		"01,P1,province,tinh,,,0,0,0,\n" +
		"001,D1,district,huyen,,01,0,0,0,\n" +
		"00001,C1,commune,xa,I,001,0,0,0,\n" +
		"00001-01,V1,village,thon,,00001,0,0,0,\n" +
		"002,D2,district,quan,,01,0,0,0,\n" +
		"00002,C2,commune,phuong,II,002,0,0,0,\n" +
		"02,P2,province,tinh,,,0,0,0,\n" +
		"003,D3,district,huyen,,02,0,0,0,\n"
	codes := func(us []model.Unit) string {
		var s []string
		for _, u := range us {
			s = append(s, u.Code)
		}
		return strings.Join(s, " ")
	}
	tests := []struct {
		sel  UnitSelect
		want string // codes, or the error
	}{
		{UnitSelect{}, "01 001 00001 00001-01 002 00002 02 003"},
		{UnitSelect{Province: "01"}, "01 001 00001 00001-01 002 00002"},
		{UnitSelect{Province: "02"}, "02 003"},
		{UnitSelect{District: "001"}, "01 001 00001 00001-01"},
		{UnitSelect{Province: "01", District: "002"}, "01 002 00002"},
		{UnitSelect{Province: "03"}, `u.csv: province: no province with code "03" in the file`},
		{UnitSelect{Province: "001"}, `u.csv: province: no province with code "001" in the file`},
		{UnitSelect{District: "004"}, `u.csv: district: no district with code "004" in the file`},
		{UnitSelect{Province: "02", District: "001"}, `u.csv: district: district "001" is not in province "02"`},
	}
	for _, tc := range tests {
		got, err := ReadUnits(strings.NewReader(src), "u.csv", tc.sel)
		s := codes(got)
		if err != nil {
			s = err.Error()
		}
		if s != tc.want {
			t.Errorf("%+v: got %s, want %s", tc.sel, s, tc.want)
		}
	}
}

func TestUnitsMalformed(t *testing.T) {
	const p = "01,P,province,tinh,,,0,0,0,\n" // a good province row (line 2)
	tests := []malformedCase{
		{"empty file", "", "units.csv:1:1: empty file: expected a header row"},
		{"unknown header", "a,b,c\n1,2,3\n", "units.csv:1:1: unrecognised header: expected kiemnhiem's units.csv (code,name,level,type,class,parent,population,households,area_km2,flags), the GSO 2024-11 list (with district_type and pop2019) or the GSO 2025-07 list (with population_best)"},
		{"missing column", "code,name,level,type,class,parent,population,households,area_km2\n",
			"units.csv:1:10: flags: missing column (needed: code,name,level,type,class,parent,population,households,area_km2,flags)"},
		{"unknown column", strings.TrimSuffix(unitsHeader, "\n") + ",colour\n",
			"units.csv:1:11: colour: unknown column (expected: code,name,level,type,class,parent,population,households,area_km2,flags)"},
		{"duplicate column", "code,name,level,type,class,parent,population,households,area_km2,flags,code\n",
			"units.csv:1:11: code: column given twice (also column 1)"},
		{"bad population", unitsHeader + "01,P,province,tinh,,,12a,0,0,\n",
			`units.csv:2:7: population: expected a whole number from 0 to 100000000 (write 0 when unknown), got "12a"`},
		{"negative households", unitsHeader + p + "02,Q,province,tinh,,,0,-5,0,\n",
			`units.csv:3:8: households: expected a whole number from 0 to 100000000 (write 0 when unknown), got "-5"`},
		{"blank population", unitsHeader + "01,P,province,tinh,,,,0,0,\n",
			"units.csv:2:7: population: expected a whole number from 0 to 100000000 (write 0 when unknown), got an empty cell"},
		{"bad area", unitsHeader + "01,P,province,tinh,,,0,0,abc,\n",
			`units.csv:2:9: area_km2: expected an area in km² (a number from 0 to 1000000), got "abc"`},
		{"NaN area", unitsHeader + "01,P,province,tinh,,,0,0,NaN,\n",
			`units.csv:2:9: area_km2: expected an area in km² (a number from 0 to 1000000), got "NaN"`},
		{"unknown level", unitsHeader + "01,P,town,tinh,,,0,0,0,\n",
			`units.csv:2:3: level: expected one of province, district, commune, village; got "town"`},
		{"unknown type", unitsHeader + "01,P,province,state,,,0,0,0,\n",
			`units.csv:2:4: type: expected one of tinh, thanh-pho-tw, quan, huyen, thi-xa, thanh-pho, xa, phuong, thi-tran, dac-khu, thon, to-dan-pho, ap, ban, khu-pho; got "state"`},
		{"type of another level", unitsHeader + p + "01001,C,commune,thon,,01,0,0,0,\n",
			"units.csv:3:4: type: thon is a village type, but the unit's level is commune"},
		{"bad class", unitsHeader + p + "01001,C,commune,xa,IV,01,0,0,0,\n",
			`units.csv:3:5: class: expected I, II, III or a blank; got "IV"`},
		{"class outside communes", unitsHeader + "01,P,province,tinh,I,,0,0,0,\n",
			"units.csv:2:5: class: only communes have a class; leave it blank for a province"},
		{"bad flag", unitsHeader + "01,P,province,tinh,,,0,0,0,mountainous|hilly\n",
			`units.csv:2:10: flags: expected flags among mountainous, border-island, key-security, urban-district-ward, key-defence, ethnic-minority, particularly-difficult, fragmented, resettlement, isolated-island joined by "|"; got "mountainous|hilly"`},
		{"too few fields", unitsHeader + p + "02,Q,province,tinh,,,0,0,0\n",
			"units.csv:3:10: expected 10 fields (one per header column), found 9"},
		{"too many fields", unitsHeader + "01,P,province,tinh,,,0,0,0,,x\n",
			"units.csv:2:11: expected 10 fields (one per header column), found 11"},
		{"duplicate code", unitsHeader + p + "01,P again,province,tinh,,,0,0,0,\n",
			`units.csv:3:1: code: unit code "01" is used twice (also on line 2)`},
		{"empty code", unitsHeader + " ,P,province,tinh,,,0,0,0,\n",
			"units.csv:2:1: code: expected a unit code, got an empty cell"},
		{"unknown parent", unitsHeader + p + "01001,C,commune,xa,,99,0,0,0,\n",
			`units.csv:3:6: parent: no unit with code "99" in this file`},
		{"parent of a lower level", unitsHeader + p + "01001,C,commune,xa,,01,0,0,0,\n001,D,district,huyen,,01001,0,0,0,\n",
			"units.csv:4:6: parent: the parent 01001 is a commune; a district's parent must be of a higher level"},
		{"village under a province", unitsHeader + p + "01001-01,V,village,thon,,01,0,0,0,\n",
			"units.csv:3:6: parent: the parent 01 is a province; a village's parent must be a commune"},
		{"village under a district", unitsHeader + p + "001,D,district,huyen,,01,0,0,0,\n001-01,V,village,thon,,001,0,0,0,\n",
			"units.csv:4:6: parent: the parent 001 is a district; a village's parent must be a commune"},
		{"village without a parent", unitsHeader + "01001-01,V,village,thon,,,0,0,0,\n",
			"units.csv:2:6: parent: expected the code of the commune the village belongs to, got an empty cell"},
		{"huge population", unitsHeader + "01,P,province,tinh,,,1000000000000,0,0,\n",
			`units.csv:2:7: population: expected a whole number from 0 to 100000000 (write 0 when unknown), got "1000000000000"`},
		{"infinite area", unitsHeader + "01,P,province,tinh,,,0,0,Inf,\n",
			`units.csv:2:9: area_km2: expected an area in km² (a number from 0 to 1000000), got "Inf"`},
		{"CSV syntax", unitsHeader + "01,P\"x,province,tinh,,,0,0,0,\n",
			"units.csv:2:5: CSV syntax: bare \" in non-quoted-field"},
		{"multi-line cell then bad number", unitsHeader + "01,\"two\nlines\",province,tinh,,,0,0,zero,\n",
			`units.csv:3:9: area_km2: expected an area in km² (a number from 0 to 1000000), got "zero"`},
		{"several errors in order", unitsHeader + "01,P,province,tinh,,,x,y,0,\n",
			"units.csv:2:7: population: expected a whole number from 0 to 100000000 (write 0 when unknown), got \"x\"\n" +
				"units.csv:2:8: households: expected a whole number from 0 to 100000000 (write 0 when unknown), got \"y\""},
		{"GSO 2024-11 bad figures", gso2024Header + "00001,Phường A,Phường,001,Quận B,Quận,01,Thành phố Hà Nội,12.5,3000,-1\n",
			"units.csv:2:9: pop2019: expected a whole number from 0 to 100000000 or a blank, got \"12.5\"\n" +
				"units.csv:2:11: area_km2_gadm: expected an area in km² or a blank (a number from 0 to 1000000), got \"-1\""},
		{"GSO 2024-11 bad types", gso2024Header + "00001,Phường A,Ward,001,Quận B,County,01,Thành phố Hà Nội,1,1,1\n",
			"units.csv:2:3: type: expected Xã, Phường or Thị trấn; got \"Ward\"\n" +
				"units.csv:2:6: district_type: expected Quận, Huyện, Thị xã or Thành phố; got \"County\""},
		{"GSO 2024-11 missing column", "code,name,type,district_code,district,district_type,province_code,province,pop2019,households2019\n",
			"units.csv:1:11: area_km2_gadm: missing column (needed: code,name,type,district_code,district,district_type,province_code,province,pop2019,households2019,area_km2_gadm)"},
		{"GSO 2024-11 district past the bound", gso2024Header +
			"00001,A,Phường,001,Q,Quận,01,Thành phố Hà Nội,60000000,5000,1\n" +
			"00002,B,Phường,001,Q,Quận,01,Thành phố Hà Nội,60000000,5000,1\n",
			"units.csv:3:9: pop2019: province 01 would have over 100000000 residents or households in all: check the figures of its rows\n" +
				"units.csv:3:9: pop2019: district 001 would have over 100000000 residents or households in all: check the figures of its rows"},
		{"GSO 2025-07 households past the bound", gso2025Header + "00004,X,Xã,01,Tỉnh Y,1,20000,1,7000\n",
			"units.csv:2:7: population_best: province 01 would have over 100000000 residents or households in all: check the figures of its rows\n" +
				"units.csv:2:9: households2019_lineage_est: gives 140000000 households (scaled by population_best / pop2019_lineage_est), over 100000000: check the three figures"},
		{"GSO 2025-07 bad type", gso2025Header + "00004,Phường A,Thị trấn,01,Thành phố Hà Nội,2.97,65023,55515,15093\n",
			"units.csv:2:3: type: expected Xã, Phường or Đặc khu; got \"Thị trấn\""},
	}
	checkMalformed(t, tests, "units.csv", func(r io.Reader) ([]model.Unit, error) {
		return ReadUnits(r, "units.csv", UnitSelect{})
	})
}

func TestUnitsTooManyErrors(t *testing.T) {
	var b strings.Builder
	b.WriteString(unitsHeader)
	for range 150 {
		b.WriteString("x,P,province,tinh,,,bad,0,0,\n")
	}
	_, err := ReadUnits(strings.NewReader(b.String()), "u.csv", UnitSelect{})
	errs := Errors(err)
	if len(errs) != tabMaxErrors+1 {
		t.Fatalf("got %d errors, want %d", len(errs), tabMaxErrors+1)
	}
	if last := errs[len(errs)-1].Msg; !strings.Contains(last, "too many errors") {
		t.Errorf("last error %q", last)
	}
}

func TestWriteUnitsRefuses(t *testing.T) {
	good := model.Unit{Code: "01", Level: model.Province, Type: model.Tinh}
	tests := []struct {
		name string
		u    []model.Unit
		want string
	}{
		{"empty code", []model.Unit{{Level: model.Province, Type: model.Tinh}}, "units[0].code: expected a unit code"},
		{"duplicate", []model.Unit{good, good}, `units[1].code: unit code "01" is used twice (also units[0])`},
		{"no level", []model.Unit{{Code: "1", Type: model.Tinh}}, "units[0].level: expected one of"},
		{"type mismatch", []model.Unit{{Code: "1", Level: model.Village, Type: model.Tinh}}, "units[0].type: tinh is a province type"},
		{"negative", []model.Unit{{Code: "1", Level: model.Province, Type: model.Tinh, Population: -1}}, "units[0].population"},
		{"NaN area", []model.Unit{{Code: "1", Level: model.Province, Type: model.Tinh, AreaKm2: math.NaN()}}, "units[0].area_km2"},
		{"unknown flag", []model.Unit{{Code: "1", Level: model.Province, Type: model.Tinh, Flags: 1 << 12}}, "units[0].flags"},
		{"missing parent", []model.Unit{{Code: "1", Level: model.Commune, Type: model.Xa, Parent: "9"}}, `units[0].parent: no unit with code "9"`},
	}
	for _, tc := range tests {
		err := WriteUnits(&bytes.Buffer{}, tc.u)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got %v, want an error containing %q", tc.name, err, tc.want)
		}
	}
}

const (
	gso2024Header = "code,name,type,district_code,district,district_type,province_code,province,pop2019,households2019,area_km2_gadm\n"
	gso2025Header = "code,name,type,province_code,province,area_km2_best,population_best,pop2019_lineage_est,households2019_lineage_est\n"
)

func TestUnitsGSOSmall(t *testing.T) {
	src := gso2024Header +
		"00001,Phường A,Phường,001,Quận B,Quận,01,Thành phố Hà Nội,20000,5000,1.5\n" +
		"00002,Xã C,Xã,002,Huyện D,Huyện,01,Thành phố Hà Nội,3000,700,40\n" +
		"00003,Thị trấn E,Thị trấn,002,Huyện D,Huyện,01,Thành phố Hà Nội,,,\n" +
		"06994,Xã F,Xã,203,Huyện Vân Đồn,Huyện,22,Tỉnh Quảng Ninh,9000,2500,10\n"
	checkUnits(t, src, "gso.csv", UnitSelect{}, []model.Unit{
		{Code: "01", Name: "Thành phố Hà Nội", Level: model.Province, Type: model.ThanhPhoTW, Population: 23000, Households: 5700, AreaKm2: 41.5},
		{Code: "001", Name: "Quận B", Level: model.District, Type: model.Quan, Parent: "01", Population: 20000, Households: 5000, AreaKm2: 1.5},
		{Code: "00001", Name: "Phường A", Level: model.Commune, Type: model.Phuong, Parent: "001", Population: 20000, Households: 5000, AreaKm2: 1.5,
			Flags: model.UrbanDistrictWard, Class: model.ClassII},
		{Code: "002", Name: "Huyện D", Level: model.District, Type: model.Huyen, Parent: "01", Population: 3000, Households: 700, AreaKm2: 40},
		{Code: "00002", Name: "Xã C", Level: model.Commune, Type: model.Xa, Parent: "002", Population: 3000, Households: 700, AreaKm2: 40,
			Flags: model.Mountainous, Class: model.ClassII},
		{Code: "00003", Name: "Thị trấn E", Level: model.Commune, Type: model.ThiTran, Parent: "002", Class: model.ClassIII},
		{Code: "22", Name: "Tỉnh Quảng Ninh", Level: model.Province, Type: model.Tinh, Population: 9000, Households: 2500, AreaKm2: 10},
		{Code: "203", Name: "Huyện Vân Đồn", Level: model.District, Type: model.Huyen, Parent: "22", Population: 9000, Households: 2500, AreaKm2: 10},
		{Code: "06994", Name: "Xã F", Level: model.Commune, Type: model.Xa, Parent: "203", Population: 9000, Households: 2500, AreaKm2: 10,
			Flags: model.BorderIsland, Class: model.ClassII},
	})

	src25 := gso2025Header +
		"00004,Phường Ba Đình,Phường,01,Thành phố Hà Nội,2.97,65023,55515,15093\n" +
		"11948,Đặc khu Bạch Long Vĩ,Đặc khu,31,Thành phố Hải Phòng,3.07,686,,\n" +
		"11111,Xã G,Xã,31,Thành phố Hải Phòng,20,33900,30000,10000\n"
	// Bạch Long Vĩ has no lineage: 686 people at Hải Phòng's 3 persons per
	// household (30000 / 10000) = 229 households; Xã G: 10000 × 33900 /
	// 30000 = 11300.
	checkUnits(t, src25, "gso.csv", UnitSelect{Province: "31"}, []model.Unit{
		{Code: "31", Name: "Thành phố Hải Phòng", Level: model.Province, Type: model.ThanhPhoTW, Population: 34586, Households: 11529, AreaKm2: 23.07},
		{Code: "11948", Name: "Đặc khu Bạch Long Vĩ", Level: model.Commune, Type: model.DacKhu, Parent: "31", Population: 686, Households: 229, AreaKm2: 3.07,
			Flags: model.BorderIsland, Class: model.ClassIII},
		{Code: "11111", Name: "Xã G", Level: model.Commune, Type: model.Xa, Parent: "31", Population: 33900, Households: 11300, AreaKm2: 20, Class: model.ClassII},
	})
	for _, sel := range []struct {
		src  string
		sel  UnitSelect
		want string
	}{
		{src, UnitSelect{Province: "99"}, `gso.csv: province_code: no rows with province code "99"`},
		{src, UnitSelect{District: "999"}, `gso.csv: district_code: no rows with district code "999"`},
		{src, UnitSelect{Province: "22", District: "001"}, `gso.csv: district_code: no rows with district code "001" in province "22"`},
		{src25, UnitSelect{Province: "79"}, `gso.csv: province_code: no rows with province code "79"`},
		{src25, UnitSelect{District: "001"}, `gso.csv: district_code: cannot select district "001": the 2025-07 list has no districts (abolished on 2025-07-01)`},
	} {
		_, err := ReadUnits(strings.NewReader(sel.src), "gso.csv", sel.sel)
		if err == nil || err.Error() != sel.want {
			t.Errorf("%+v: got %v, want %s", sel.sel, err, sel.want)
		}
	}
}

func TestUnitsRealPreReform(t *testing.T) {
	const file = "vn_communes_2024-11_pre_reform.csv"
	all := readSharedUnits(t, file, UnitSelect{})
	if got := countLevel(all, model.Commune); got != 10472 {
		t.Errorf("national communes = %d, want 10472", got)
	}
	if got := countLevel(all, model.Province); got != 63 {
		t.Errorf("provinces = %d, want 63", got)
	}
	for _, tc := range []struct {
		sel       UnitSelect
		communes  int
		districts int
	}{
		{UnitSelect{Province: "01"}, 579, 30},
		{UnitSelect{District: "001"}, 14, 1},                 // Ba Đình
		{UnitSelect{Province: "01", District: "004"}, 14, 1}, // Long Biên
		{UnitSelect{District: "280"}, 27, 1},                 // Phú Xuyên
		{UnitSelect{Province: "83"}, 157, 9},                 // Bến Tre
		{UnitSelect{Province: "62"}, 102, 10},                // Kon Tum
	} {
		units := readSharedUnits(t, file, tc.sel)
		if got := countLevel(units, model.Commune); got != tc.communes {
			t.Errorf("%+v: %d communes, want %d", tc.sel, got, tc.communes)
		}
		if got := countLevel(units, model.District); got != tc.districts {
			t.Errorf("%+v: %d districts, want %d", tc.sel, got, tc.districts)
		}
		if units[0].Level != model.Province || countLevel(units, model.Province) != 1 {
			t.Errorf("%+v: want one province first, got %+v", tc.sel, units[0])
		}
	}
	ba := readSharedUnits(t, file, UnitSelect{District: "001"})
	// First commune of Ba Đình: 00001 Phường Phúc Xá, 21946 people, 5863
	// households, 1.09 km², a ward of a quận.
	want := model.Unit{Code: "00001", Name: "Phường Phúc Xá", Level: model.Commune, Type: model.Phuong, Parent: "001",
		Population: 21946, Households: 5863, AreaKm2: 1.09, Flags: model.UrbanDistrictWard, Class: model.ClassII}
	if !reflect.DeepEqual(ba[2], want) {
		t.Errorf("got %+v, want %+v", ba[2], want)
	}
	// Province figures are over the whole province even when one district
	// is selected: Hanoi's 2019 population in this list.
	if ba[0].Code != "01" || ba[0].Population != 8053662 || ba[0].Type != model.ThanhPhoTW {
		t.Errorf("province unit %+v", ba[0])
	}
	// Every commune has a class.
	for _, u := range all {
		if u.Level == model.Commune && u.Class == model.ClassUnknown {
			t.Fatalf("commune %s has no class", u.Code)
		}
	}
}

func TestUnitsRealPostReform(t *testing.T) {
	const file = "vn_communes_2025-07_post_reform.csv"
	hn := readSharedUnits(t, file, UnitSelect{Province: "01"})
	if got := countLevel(hn, model.Commune); got != 126 {
		t.Errorf("Hà Nội 2025-07: %d communes, want 126", got)
	}
	if countLevel(hn, model.District) != 0 {
		t.Error("districts in the 2025-07 list")
	}
	// 00004 Phường Ba Đình: population_best 65023, area 2.97 km²;
	// households 15093 × 65023 / 55515 = 17678.
	want := model.Unit{Code: "00004", Name: "Phường Ba Đình", Level: model.Commune, Type: model.Phuong, Parent: "01",
		Population: 65023, Households: 17678, AreaKm2: 2.97, Class: model.ClassII}
	if !reflect.DeepEqual(hn[1], want) {
		t.Errorf("got %+v, want %+v", hn[1], want)
	}
	all := readSharedUnits(t, file, UnitSelect{})
	if got := countLevel(all, model.Commune); got != 3321 {
		t.Errorf("national communes = %d, want 3321", got)
	}
	if got := countLevel(all, model.Province); got != 34 {
		t.Errorf("provinces = %d, want 34", got)
	}
	for _, u := range all {
		if u.Type == model.DacKhu && !u.Flags.Has(model.BorderIsland) {
			t.Errorf("đặc khu %s not marked as island", u.Code)
		}
	}
}

func TestAssignClasses(t *testing.T) {
	units := []model.Unit{
		{Code: "a", Level: model.Commune, Type: model.Xa, Population: 8000, AreaKm2: 30},                                       // 30+26+10 = 66
		{Code: "b", Level: model.Commune, Type: model.Xa, Population: 16000, AreaKm2: 60},                                      // 35+30+10 = 75
		{Code: "c", Level: model.Commune, Type: model.Xa, Population: 2000, AreaKm2: 5},                                        // 15+12.7+10
		{Code: "d", Level: model.Commune, Type: model.Xa, Population: 5000, AreaKm2: 50, Flags: model.Mountainous},             // 30+26+10+10 = 76
		{Code: "e", Level: model.Commune, Type: model.Phuong, Population: 15000, AreaKm2: 5.5, Flags: model.UrbanDistrictWard}, // 66
		{Code: "f", Level: model.Commune, Type: model.Xa, Class: model.ClassIII, Population: 1e6, AreaKm2: 1e3},
		{Code: "g", Level: model.Village, Type: model.Thon, Population: 1e6},
	}
	AssignClasses(units)
	want := []model.Class{model.ClassII, model.ClassI, model.ClassIII, model.ClassI, model.ClassII, model.ClassIII, model.ClassUnknown}
	for i, u := range units {
		if u.Class != want[i] {
			t.Errorf("%s: class %v (score %.1f), want %v", u.Code, u.Class, classScore(&u), want[i])
		}
	}
}

func FuzzReadUnits(f *testing.F) {
	f.Add(unitsHeader + "01,P,province,tinh,,,0,0,0,\n01001,C,commune,xa,I,01,10,3,1.5,mountainous\n")
	f.Add(unitsHeader + "01,\"a,b\",province,tinh,,,0,0,0,\n01001-01,V,village,thon,,01,1,1,0.25,border-island|key-security\n")
	f.Add(unitsHeader + "01,P,province,tinh,,,12a,0,0,\n")
	f.Add(unitsHeader + "01,P,province,tinh,,,0,0,0\n")
	f.Add(unitsHeader + "01,P\"x,province,tinh,,,0,0,0,\n")
	f.Add(unitsHeader + "01,P,province,tinh,,02,0,0,0,\n02,Q,province,tinh,,01,0,0,0,\n")
	f.Add(gso2024Header + "00001,Phường A,Phường,001,Quận B,Quận,01,Thành phố Hà Nội,20000,5000,1.5\n")
	f.Add(gso2024Header + "01,Phường A,Phường,01,Quận B,Quận,01,Thành phố Hà Nội,,,\n")
	f.Add(gso2025Header + "00004,Phường Ba Đình,Phường,01,Thành phố Hà Nội,2.97,65023,55515,15093\n")
	f.Add(gso2025Header + "00004,X,Đặc khu,01,Tỉnh Y,1e400,0,0,\n")
	f.Add("\ufeff" + unitsHeader)
	f.Add("")
	f.Fuzz(func(t *testing.T, src string) {
		read := func(r io.Reader) ([]model.Unit, error) { return ReadUnits(r, "f.csv", UnitSelect{}) }
		// GSO lists may reuse a code across levels (a province and a
		// commune both "01"); kiemnhiem's own format may not.
		own := strings.HasPrefix(strings.TrimPrefix(src, "\ufeff"), "code,name,level")
		fuzzRoundTrip(t, src, "units", read, WriteUnits, own)
	})
}

// checkUnits reads src as file with sel and compares the units with want.
func checkUnits(t *testing.T, src, file string, sel UnitSelect, want []model.Unit) {
	t.Helper()
	got, err := ReadUnits(strings.NewReader(src), file, sel)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%+v\nwant\n%+v", got, want)
	}
}

// checkReadError fails t unless err is an ErrorList or an *Error: the
// only errors the readers promise.
func checkReadError(t *testing.T, err error) {
	t.Helper()
	var list ErrorList
	var one *Error
	if !errors.As(err, &list) && !errors.As(err, &one) {
		t.Fatalf("error of type %T: %v", err, err)
	}
}

// fuzzRoundTrip reads src: what reads without error must write (unless
// mustWrite is false) and read back the same.
func fuzzRoundTrip[T any](t *testing.T, src, what string, read func(io.Reader) ([]T, error), write func(io.Writer, []T) error, mustWrite bool) {
	t.Helper()
	if len(src) > fuzzMaxInput {
		t.Skip("input over 64 KiB")
	}
	got, err := read(strings.NewReader(src))
	if err != nil {
		checkReadError(t, err)
		return
	}
	var buf bytes.Buffer
	if err := write(&buf, got); err != nil {
		if mustWrite {
			t.Fatalf("%s read cannot be written: %v", what, err)
		}
		return
	}
	back, err := read(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatalf("reading written %s: %v\n%s", what, err, buf.String())
	}
	if len(got) == 0 && len(back) == 0 {
		return
	}
	if !reflect.DeepEqual(back, got) {
		t.Fatalf("round trip differs:\n%+v\n%+v", got, back)
	}
}
