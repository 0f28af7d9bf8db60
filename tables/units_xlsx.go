package tables

import (
	"github.com/kiemnhiem/kiemnhiem/model"
)

// ReadUnitsXLSX reads a units table from sheet of the XLSX workbook at
// path (the first sheet when sheet is ""), in any format [ReadUnits]
// reads from CSV, with the same checks and errors; rows are Lines and
// columns Cols (A = 1).
func ReadUnitsXLSX(path, sheet string, sel UnitSelect) ([]model.Unit, error) {
	t, err := readSheetXLSX(path, sheet)
	if err != nil {
		return nil, err
	}
	return unitsFromTable(t, path, sel)
}

// unitsFromTable reads t in whichever units format its header is, and
// refuses a table with no units (or none selected).
func unitsFromTable(t *tabSheet, name string, sel UnitSelect) ([]model.Unit, error) {
	canonUnitsHeader(t)
	if len(t.errs) > 0 {
		return nil, t.errs.Err()
	}
	units, err := readUnitsTable(t, name, sel)
	if err == nil && len(units) == 0 {
		// Said here: the people file would otherwise be blamed for every
		// unit it names.
		if sel != (UnitSelect{}) {
			return nil, (&Error{File: name, Line: 1, Col: 1}).Setf(errorsVi, "no unit of the file matches the selection (province %q, district %q)", sel.Province, sel.District)
		}
		return nil, (&Error{File: name, Line: 2, Col: 1}).Setf(errorsVi, "no units: expected at least one row after the header")
	}
	return units, err
}

// unitsAliases maps folded Vietnamese (and spelled-out English) header
// names to the columns of kiemnhiem's units.csv, so that a units table
// typed into the units template in Vietnamese reads as units.csv.
var unitsAliases = map[string]string{
	"ma": "code", "ma don vi": "code", "unit code": "code",
	"ten": "name", "ten don vi": "name",
	"cap": "level", "cap hanh chinh": "level",
	"loai": "type", "loai don vi": "type",
	"phan loai": "class", "xep loai": "class", "loai don vi hanh chinh": "class",
	"ma don vi cap tren": "parent", "ma cap tren": "parent", "don vi cap tren": "parent", "parent code": "parent",
	"dan so": "population", "so dan": "population",
	"so ho": "households", "so ho gia dinh": "households",
	"dien tich (km2)": "area_km2", "dien tich (km²)": "area_km2", "dien tich km2": "area_km2", "dien tich": "area_km2", "area km2": "area_km2", "area (km2)": "area_km2",
	"dac diem": "flags", "dac thu": "flags",
}

// unitsHeaderVi are the Vietnamese headers of unitsColumns, in order.
var unitsHeaderVi = []string{"Mã đơn vị", "Tên đơn vị", "Cấp", "Loại", "Phân loại", "Mã đơn vị cấp trên", "Dân số", "Số hộ", "Diện tích (km²)", "Đặc điểm"}

// canonUnitsHeader renames t's columns that are aliases of units.csv
// columns, and reports two columns naming the same one.
func canonUnitsHeader(t *tabSheet) {
	for i, h := range t.header {
		c, ok := unitsAliases[fold(h)]
		if !ok || c == h {
			continue
		}
		if j, dup := t.col[c]; dup && j != i {
			t.add((&Error{File: t.file, Line: 1, Col: i + 1, Path: c}).Setf(errorsVi, "column %q names %s, as column %d does / cột %q trùng nghĩa với cột %d (%s)", h, c, j+1, h, j+1, c))
			continue
		}
		delete(t.col, h)
		t.header[i] = c
		t.col[c] = i
	}
}
