package tables

import (
	"cmp"
	"io"
	"slices"
)

// A village mapping is a rearrangement already decided: one row per old
// village with the code of the village it belongs to after (itself when
// it stays), as kiemnhiem rearrange writes mapping.csv and mapping.xlsx.
// Only the two code columns are read; the others (names, households,
// the resolution's sentence) are ignored.

// mappingColumnNames are the accepted spellings of the two columns, keyed
// as villageHeaderKey normalises them.
var mappingColumnNames = map[string]string{
	"village": "village", "mã thôn cũ": "village", "old village code": "village", "mã thôn": "village",
	"new village": "new_village", "mã thôn mới": "new_village", "new village code": "new_village",
}

// ReadMapping reads a village mapping from a CSV file and returns absorbed
// village code → keeper village code for the villages that merge.
func ReadMapping(r io.Reader, name string) (map[string]string, error) {
	t, err := tabReadCSV(r, name)
	if err != nil {
		return nil, err
	}
	return mappingFromTable(t)
}

// ReadMappingXLSX reads a village mapping from sheet of an XLSX workbook
// (the first sheet when sheet is "").
func ReadMappingXLSX(path, sheet string) (map[string]string, error) {
	t, err := readSheetXLSX(path, sheet)
	if err != nil {
		return nil, err
	}
	return mappingFromTable(t)
}

// mappingFromTable reads the mapping's rows: both codes given, each old
// village once, and no keeper that itself merges into another village.
func mappingFromTable(t *tabSheet) (map[string]string, error) {
	col := map[string]int{}
	for i, h := range t.header {
		if k, ok := mappingColumnNames[villageHeaderKey(h)]; ok {
			if _, dup := col[k]; !dup {
				col[k] = i
			}
		}
	}
	for _, k := range []string{"village", "new_village"} {
		if _, ok := col[k]; !ok {
			t.add((&Error{File: t.file, Line: 1, Col: len(t.header) + 1, Path: k}).Setf(errorsVi,
				"missing column (needed: village or Mã thôn cũ, and new_village or Mã thôn mới)"))
		}
	}
	if len(t.errs) > 0 {
		return nil, t.errs.Err()
	}
	into := map[string]string{}
	seen := map[string]int{}
	row := map[string]int{}
	cell := func(ri int, k string) string {
		if c := col[k]; c < len(t.rows[ri].cells) {
			return nfcTrim(t.rows[ri].cells[c])
		}
		return ""
	}
	for ri := range t.rows {
		old, keeper := cell(ri, "village"), cell(ri, "new_village")
		switch {
		case old == "":
			t.add(t.errAt(ri, t.header[col["village"]], "required: the old village's code"))
			continue
		case keeper == "":
			t.add(t.errAt(ri, t.header[col["new_village"]], "required: the code of the village it belongs to after (its own when it stays)"))
			continue
		}
		if j, dup := seen[old]; dup {
			t.add(t.errAt(ri, t.header[col["village"]], "village %s is listed twice (also row %d)", old, t.rows[j].lines[0]))
			continue
		}
		seen[old] = ri
		if keeper != old {
			into[old] = keeper
			row[old] = ri
		}
	}
	for old, keeper := range into {
		if next, ok := into[keeper]; ok {
			t.add(t.errAt(row[old], t.header[col["new_village"]], "village %s merges into %s, which itself merges into %s: name the village after", old, keeper, next))
		}
	}
	if len(t.errs) > 0 {
		sortErrors(t.errs)
		return nil, t.errs.Err()
	}
	return into, nil
}

// sortErrors orders errors by line and column, so a map's order never
// shows.
func sortErrors(errs ErrorList) {
	slices.SortStableFunc(errs, func(a, b *Error) int {
		if c := cmp.Compare(a.Line, b.Line); c != 0 {
			return c
		}
		return cmp.Compare(a.Col, b.Col)
	})
}
