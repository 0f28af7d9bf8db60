package tables_test

import (
	"fmt"
	"strings"

	"github.com/kiemnhiem/kiemnhiem/tables"
)

// Read a small units table in kiemnhiem's own format: a province, one of
// its communes and a village of that commune.
func ExampleReadUnits() {
	const src = `code,name,level,type,class,parent,population,households,area_km2,flags
42,Tỉnh Hà Tĩnh,province,tỉnh,,,1288866,350000,5994.4,
42001,Xã Thử,commune,xã,II,42,7200,1900,31.5,mountainous
42001-01,Thôn 1,village,thôn,,42001,1200,320,0,
`
	units, err := tables.ReadUnits(strings.NewReader(src), "units.csv", tables.UnitSelect{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, u := range units {
		fmt.Printf("%s: %s %s, class %q, parent %q\n", u.Code, u.Level, u.Type, u.Class, u.Parent)
	}
	// Output:
	// 42: province tinh, class "", parent ""
	// 42001: commune xa, class "II", parent "42"
	// 42001-01: village thon, class "", parent "42001"
}

// A bad cell is reported with its file, line, column and column name.
func ExampleErrors() {
	const src = "code,name,level,type,class,parent,population,households,area_km2,flags\n42,Tỉnh Hà Tĩnh,province,tỉnh,,,many,0,0,\n"
	_, err := tables.ReadUnits(strings.NewReader(src), "units.csv", tables.UnitSelect{})
	for _, e := range tables.Errors(err) {
		fmt.Println(e)
	}
	// Output:
	// units.csv:2:7: population: expected a whole number from 0 to 100000000 (write 0 when unknown), got "many"
}
