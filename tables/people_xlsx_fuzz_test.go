package tables

import (
	"bytes"
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// fuzzMaxInput caps a fuzz input: larger ones only slow the fuzzer down
// without reaching new code.
const fuzzMaxInput = 64 << 10

// xlsxSheet is the first sheet of excelize.NewFile.
const xlsxSheet = "Sheet1"

// peopleXLSXHeader is the people header with one holding group.
var peopleXLSXHeader = []any{"id", "name", "birth_date", "sex", "education", "party_member", "residence", "capacity_hours", "title_1", "unit_1", "start_1", "term_end_1", "main_1"}

// xlsxWorkbook builds a workbook with rows on its first sheet, then lets
// edit change it (merge cells, set formulas, switch the date system).
func xlsxWorkbook(tb testing.TB, rows [][]any, edit func(f *excelize.File) error) []byte {
	tb.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(xlsxSheet, cell, &rows[i]); err != nil {
			tb.Fatal(err)
		}
	}
	if edit != nil {
		if err := edit(f); err != nil {
			tb.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// peopleXLSXSeeds are workbooks a planner's Excel gives: a roster written by
// kiemnhiem, dates as serial numbers, merged cells, formulas with and
// without a saved value, the 1904 date system and an empty sheet.
func peopleXLSXSeeds(tb testing.TB) [][]byte {
	var written bytes.Buffer
	if err := WritePeopleXLSX(&written, peopleOdd()); err != nil {
		tb.Fatal(err)
	}
	serial := [][]any{peopleXLSXHeader,
		{"P1", "A", 27744.0, "nữ", "cao đẳng", true, "00001-01", 40.0, "t", "00001-01", 44317.0, "", false},
		{"P2", "B", "16/12/1975", "nam", "đại học", "có", "00001-01", 37.5, "", "", "", "", ""},
	}
	date1904 := func(f *excelize.File) error {
		on := true
		return f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &on})
	}
	merged := func(f *excelize.File) error {
		if err := f.MergeCell(xlsxSheet, "G2", "G3"); err != nil {
			return err
		}
		return f.MergeCell(xlsxSheet, "I1", "J1")
	}
	formulas := func(f *excelize.File) error {
		if err := f.SetCellFormula(xlsxSheet, "H2", "=20+20"); err != nil {
			return err
		}
		if err := f.SetCellFormula(xlsxSheet, "C3", `=DATE(1975,12,16)`); err != nil {
			return err
		}
		return f.SetCellValue(xlsxSheet, "H3", 37.5)
	}
	return [][]byte{
		written.Bytes(),
		xlsxWorkbook(tb, serial, nil),
		xlsxWorkbook(tb, serial, merged),
		xlsxWorkbook(tb, serial, formulas),
		xlsxWorkbook(tb, serial, date1904),
		xlsxWorkbook(tb, nil, nil),
		xlsxWorkbook(tb, [][]any{peopleXLSXHeader}, nil),
	}
}

// FuzzReadPeopleXLSX mutates whole workbooks. Whatever ReadPeopleXLSX
// accepts, WritePeopleXLSX writes and ReadPeopleXLSX reads back the same;
// whatever it refuses, it refuses with the package's positioned errors.
func FuzzReadPeopleXLSX(f *testing.F) {
	for _, b := range peopleXLSXSeeds(f) {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if len(src) > fuzzMaxInput {
			t.Skip("input over 64 KiB")
		}
		checkPeopleXLSX(t, src)
	})
}

// FuzzPeopleXLSXCells builds a workbook from a grid of cells given as CSV,
// so that the fuzzer works on cell values rather than zip bytes. Bits of
// opts store numeric-looking cells as numbers (1), switch to the 1904 date
// system (2), merge the first two cells of row 2 (4) and turn cells that
// begin with "=" into formulas without a saved value (8).
func FuzzPeopleXLSXCells(f *testing.F) {
	f.Add(peopleHeader+"P1,A,1980-01-01,male,university,yes,V1,40,t,V1,2020-01-01,2025-01-01,yes\n", uint8(0))
	f.Add(peopleHeader+"P1,A,27744,male,university,yes,V1,40,t,V1,44317,,no\n", uint8(1))
	f.Add(peopleHeader+"P1,A,27744,male,university,yes,V1,40,t,V1,44317,,no\n", uint8(3))
	f.Add(peopleHeader+"P1,A,1980-01-01,male,university,yes,V1,40,t,V1,,,\nP2,B,1980-01-01,nữ,đại học,có,V1,=20+20,,,,,\n", uint8(12))
	f.Add(peopleHeader+"P1,\"Nguyễn, A\",08/03/1975,nữ,đại học,có,V1,37.5,,,,,\n", uint8(5))
	f.Add("id,name,birth_date,sex,education,party_member,residence,capacity_hours,placed_from_commune\nP1,A,1980-01-01,male,university,yes,V1,40,45870\n", uint8(1))
	f.Add("id,title_0,title_1000\n", uint8(0))
	f.Add("", uint8(0))
	f.Fuzz(func(t *testing.T, src string, opts uint8) {
		if len(src) > fuzzMaxInput {
			t.Skip("input over 64 KiB")
		}
		rows, ok := fuzzGrid(src)
		if !ok {
			t.Skip("not a grid of XML text")
		}
		checkPeopleXLSX(t, gridWorkbook(t, rows, opts))
	})
}

// fuzzGrid reads src as CSV rows, at most 64 rows of 64 cells, each cell
// text an XML document can hold.
func fuzzGrid(src string) ([][]string, bool) {
	cr := csv.NewReader(strings.NewReader(src))
	cr.FieldsPerRecord = -1
	rows, err := cr.ReadAll()
	if err != nil || len(rows) > 64 {
		return nil, false
	}
	for _, r := range rows {
		if len(r) > 64 {
			return nil, false
		}
		for _, c := range r {
			if !xmlText(c) {
				return nil, false
			}
		}
	}
	return rows, true
}

// xmlText reports whether s is valid UTF-8 of characters XML 1.0 allows,
// the only text a cell can hold.
func xmlText(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0xFFFE || r == 0xFFFF {
			return false
		}
	}
	return true
}

// gridWorkbook writes rows as the first sheet of a workbook, as opts says
// (see FuzzPeopleXLSXCells).
func gridWorkbook(t *testing.T, rows [][]string, opts uint8) []byte {
	cells := make([][]any, len(rows))
	for i, r := range rows {
		cells[i] = make([]any, len(r))
		for j, c := range r {
			cells[i][j] = c
			if v, err := strconv.ParseFloat(c, 64); err == nil && opts&1 != 0 {
				cells[i][j] = v
			}
		}
	}
	return xlsxWorkbook(t, cells, func(f *excelize.File) error {
		if opts&2 != 0 {
			on := true
			if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &on}); err != nil {
				return err
			}
		}
		if opts&4 != 0 && len(rows) > 1 {
			if err := f.MergeCell(xlsxSheet, "A2", "B2"); err != nil {
				return err
			}
		}
		if opts&8 == 0 {
			return nil
		}
		for i, r := range rows {
			for j, c := range r {
				if strings.HasPrefix(c, "=") {
					cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
					// A formula excelize cannot store stays a text cell.
					_ = f.SetCellFormula(xlsxSheet, cell, c)
				}
			}
		}
		return nil
	})
}

// requireTableError fails t unless err is the package's positioned error
// or list of them, each naming its file and saying what is wrong.
func requireTableError(t *testing.T, err error) {
	t.Helper()
	var list ErrorList
	var one *Error
	if !errors.As(err, &list) && !errors.As(err, &one) {
		t.Fatalf("error of type %T: %v", err, err)
	}
	for _, e := range Errors(err) {
		if e.File == "" || e.Msg == "" {
			t.Fatalf("error without file or message: %#v", e)
		}
	}
}

// checkPeopleXLSX reads workbook: a refusal must be positioned, and people
// read must be written by WritePeopleXLSX and read back unchanged.
func checkPeopleXLSX(t *testing.T, workbook []byte) {
	t.Helper()
	people, err := readPeopleXLSXBytes(t, workbook)
	if err != nil {
		requireTableError(t, err)
		return
	}
	var buf bytes.Buffer
	if err := WritePeopleXLSX(&buf, people); err != nil {
		t.Fatalf("people read cannot be written: %v", err)
	}
	back, err := readPeopleXLSXBytes(t, buf.Bytes())
	if err != nil {
		t.Fatalf("reading written people: %v", err)
	}
	if len(people) == 0 && len(back) == 0 {
		return
	}
	if !reflect.DeepEqual(back, people) {
		t.Fatalf("round trip differs:\n%+v\n%+v", people, back)
	}
}

// readPeopleXLSXBytes reads the first sheet of workbook with ReadPeopleXLSX,
// which takes a path.
func readPeopleXLSXBytes(t *testing.T, workbook []byte) ([]model.Person, error) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "people.xlsx")
	if err := os.WriteFile(path, workbook, 0o600); err != nil {
		t.Fatal(err)
	}
	return ReadPeopleXLSX(path, "", nil)
}
