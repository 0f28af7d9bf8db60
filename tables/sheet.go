package tables

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// tabMaxErrors is how many cell errors a read collects before it stops.
const tabMaxErrors = 100

// tabSheet is a table read from a CSV file or an XLSX sheet: its header
// and rows, with the position of every cell, and the errors found so far.
type tabSheet struct {
	file    string
	header  []string       // lower-cased, trimmed column names
	col     map[string]int // column name → index
	rows    []tabRow
	errs    ErrorList
	stopped bool // too many errors
	// date1904 is set for an XLSX workbook whose date serials count from
	// 1904-01-01 rather than 1900-01-00.
	date1904 bool
	// shown maps a column renamed to its canonical name (people_headers.go)
	// to the header as written, which errors name.
	shown map[string]string
}

// tabRow is one data row; lines[i] is the line (row) field i starts on.
type tabRow struct {
	cells []string
	lines []int
}

func (t *tabSheet) has(name string) bool { _, ok := t.col[name]; return ok }

// add records an error unless the table already has tabMaxErrors.
func (t *tabSheet) add(e *Error) {
	if t.stopped {
		return
	}
	if len(t.errs) >= tabMaxErrors {
		t.errs = append(t.errs, (&Error{File: t.file, Line: e.Line, Col: e.Col}).Setf(errorsVi, "too many errors (%d); stopped reading here", tabMaxErrors))
		t.stopped = true
		return
	}
	t.errs = append(t.errs, e)
}

// errAt returns an error at the named column of data row ri.
func (t *tabSheet) errAt(ri int, column, format string, args ...any) *Error {
	ci, ok := t.col[column]
	e := (&Error{File: t.file, Path: column}).Setf(errorsVi, format, args...)
	if h, ok := t.shown[column]; ok {
		e.Path = h
	}
	if ri >= 0 && ri < len(t.rows) {
		r := &t.rows[ri]
		e.Line = r.lines[0]
		if ok && ci < len(r.lines) {
			e.Line = r.lines[ci]
		}
	}
	if ok {
		e.Col = ci + 1
	}
	return e
}

// tabHeader sets the header of t, lower-casing and trimming the names, and
// reports empty and repeated column names.
func (t *tabSheet) tabHeader(rec []string) {
	t.header = make([]string, len(rec))
	t.col = make(map[string]int, len(rec))
	for i, h := range rec {
		h = strings.ToLower(strings.TrimSpace(norm.NFC.String(h)))
		t.header[i] = h
		if h == "" {
			continue
		}
		if j, dup := t.col[h]; dup {
			t.add((&Error{File: t.file, Line: 1, Col: i + 1, Path: h}).Setf(errorsVi, "column given twice (also column %d)", j+1))
			continue
		}
		t.col[h] = i
	}
}

// require reports each missing column of want.
func (t *tabSheet) require(want []string) {
	for _, w := range want {
		if !t.has(w) {
			t.add((&Error{File: t.file, Line: 1, Col: len(t.header) + 1, Path: w}).Setf(errorsVi, "missing column (needed: %s)", strings.Join(want, ",")))
		}
	}
}

// requireExactly reports missing columns of want and any column not in it.
func (t *tabSheet) requireExactly(want []string) {
	t.require(want)
	for i, h := range t.header {
		ok := false
		for _, w := range want {
			ok = ok || h == w
		}
		if !ok {
			t.add((&Error{File: t.file, Line: 1, Col: i + 1, Path: h}).Setf(errorsVi, "unknown column (expected: %s)", strings.Join(want, ",")))
		}
	}
}

// tabReadCSV reads a whole CSV file: a header row, then data rows with the
// same number of fields. The file must be UTF-8 text of at most
// MaxCSVBytes (see [CheckText]); a UTF-8 byte-order mark (as Excel writes)
// is skipped, and rows whose cells are all blank are dropped. A wrong
// number of fields is reported for the row and reading goes on; a CSV
// syntax error stops the read.
func tabReadCSV(r io.Reader, name string) (*tabSheet, error) {
	b, err := readCapped(r, name, MaxCSVBytes)
	if err != nil {
		return nil, err
	}
	if b, err = CheckText(name, b, SaveAsCSV); err != nil {
		return nil, err
	}
	cr := csv.NewReader(bytes.NewReader(b))
	t := &tabSheet{file: name}
	head, err := cr.Read()
	if err != nil {
		if err == io.EOF {
			return nil, (&Error{File: name, Line: 1, Col: 1}).Setf(errorsVi, "empty file: expected a header row")
		}
		return nil, tabCSVError(name, err)
	}
	if err := otherSeparator(name, head); err != nil {
		return nil, err
	}
	t.tabHeader(head)
	for !t.stopped {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) && errors.Is(err, csv.ErrFieldCount) {
			col := len(head) + 1
			if len(rec) < len(head) {
				col = len(rec) + 1
			}
			t.add((&Error{File: name, Line: pe.StartLine, Col: col}).Setf(errorsVi, "expected %d fields (one per header column), found %d", len(head), len(rec)))
			continue
		}
		if err != nil {
			t.add(tabCSVError(name, err))
			break
		}
		blank := true
		for i, c := range rec {
			rec[i] = model.SpreadsheetText(c)
			blank = blank && strings.TrimSpace(c) == ""
		}
		if blank {
			continue
		}
		row := tabRow{cells: rec, lines: make([]int, len(rec))}
		for i := range rec {
			row.lines[i], _ = cr.FieldPos(i)
		}
		t.rows = append(t.rows, row)
	}
	return t, nil
}

// otherSeparator reports a header that is one column holding semicolons
// or tabs: a file separated by them, as Excel writes "CSV" where the comma
// is the decimal mark, and "Text (Tab delimited)".
func otherSeparator(name string, head []string) error {
	if len(head) != 1 {
		return nil
	}
	for _, sep := range []struct{ char, name string }{{";", "semicolons"}, {"\t", "tabs"}} {
		if i := strings.Index(head[0], sep.char); i >= 0 {
			return (&Error{File: name, Line: 1, Col: utf8.RuneCountInString(head[0][:i]) + 1}).Setf(errorsVi, "the header is one column with %s in it: the file is separated by %s, not commas: %s", sep.name, sep.name, SaveAsCSV)
		}
	}
	return nil
}

// tabCSVError turns an encoding/csv error into a positioned *Error.
func tabCSVError(name string, err error) *Error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return (&Error{File: name, Line: pe.Line, Col: pe.Column}).Setf(errorsVi, "CSV syntax: %s", pe.Err.Error())
	}
	return (&Error{File: name}).Setf(errorsVi, "cannot read: %s", err.Error())
}

// tabFormatFloat formats f in the shortest decimal form that reads back
// to the same float64.
func tabFormatFloat(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
