package tables

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// The people table, in CSV (ReadPeople, WritePeople) or as an XLSX sheet
// (ReadPeopleXLSX, WritePeopleXLSX), has one row per person and these
// columns, in any order:
//
//	id              required, unique: the person's key, e.g. P000123
//	name            full name (may be blank)
//	birth_date      required: 1975-03-08, or 08/03/1975 (day first); in XLSX
//	                also a date typed into Excel
//	sex             required: male or female (nam, nữ, m, f)
//	education       required: none, primary, lower-secondary, upper-secondary,
//	                intermediate, college, university, postgraduate, or the
//	                Vietnamese names (tiểu học, thcs, thpt, trung cấp, cao đẳng,
//	                đại học, sau đại học)
//	party_member    required: yes or no (true/false, 1/0, có/không)
//	residence       code of the village (or commune) the person lives in
//	capacity_hours  required: weekly hours the person can give to titles
//	                (0 to 168)
//
// then the optional attribute columns (veteran, military_training and the
// memberships; see people_attrs.go), the optional placed_from_commune (the
// date a former commune worker was placed in a village post; see
// people_commune.go), followed by one group of columns per title the person holds today,
// numbered from 1, as many groups as the person with most titles needs:
//
//	title_1, unit_1, start_1, term_end_1, main_1, title_2, unit_2, …
//
// title_k is a title of the scenario, by ID or by name in either language
// ([CheckPeople] turns a name into the ID; see titlenames.go), and unit_k
// a unit code (both
// required in a group that is used); start_k is the date the person took
// the title and term_end_k the end of the current elected term (blank for
// appointed titles or when unknown); every date lies in 1900 to 2100 (and
// [CheckPeople] checks them against the plan date); main_k says whether it
// is the person's main title (blank means no; when no title is marked, the
// first is the main one). A group whose cells are all blank is no holding,
// so people with fewer titles leave the later groups empty. start_k, term_end_k and main_k
// columns may be left out of the header altogether.
//
// Headers may be the planners' Vietnamese ones (STT, Họ và tên, Ngày sinh,
// …, Chức danh 1, Mã đơn vị 1, …; see people_headers.go), and a plan
// written as a roster reads back (its extra columns are ignored, and a
// recruit's row without a birth date is skipped).
//
// This "one row per person, numbered column groups" shape is what planners
// already keep in spreadsheets (Chức danh 1, Chức danh 2, …): a person's
// attributes are written once, and a concurrent title is one more group to
// the right. Unit codes must be text: format those columns as Text in Excel
// so that 00001 keeps its leading zeros.
//
// WritePeople and WritePeopleXLSX write every column, booleans as yes/no,
// enumerations by their canonical English names and dates as YYYY-MM-DD;
// reading their output gives the same people back (with nil Holdings for a
// person who holds nothing).

// peopleColumns are the person columns in the order the writers use.
var peopleColumns = []string{"id", "name", "birth_date", "sex", "education", "party_member", "residence", "capacity_hours"}

// peopleHoldingFields are the columns of one holding group, in order.
var peopleHoldingFields = []string{"title", "unit", "start", "term_end", "main"}

var peopleGroupColumn = regexp.MustCompile(`^(title|unit|start|term_end|main)_([1-9][0-9]{0,2})$`)

// ReadPeople reads the people table (see the format above) from CSV; name is
// the file name used in error messages. check, when not nil, is a further
// check of each person (see [CheckPeople]). Every bad cell is reported as an
// [*Error] with its line, column index and column name, all together as an
// [ErrorList].
func ReadPeople(r io.Reader, name string, check PeopleCheck) ([]model.Person, error) {
	t, err := tabReadCSV(r, name)
	if err != nil {
		return nil, err
	}
	return peopleFromTable(t, false, check)
}

// PeopleCheck is a further check of each person read, against a scenario's
// units and titles; it reports errors through bad, which positions the
// error at the named column of the person's row, and may build other
// messages (warnings) positioned the same way with at, which records
// nothing. groups[k] is the column group number of p.Holdings[k].
type PeopleCheck func(p *model.Person, groups []int, bad func(column, format string, args ...any), at func(column, format string, args ...any) *Error)

// ReadPeopleXLSX reads the people table from sheet of the XLSX workbook at
// path (the first sheet when sheet is ""), with check as for [ReadPeople].
// Errors carry the row as Line and the column number as Col (A = 1).
func ReadPeopleXLSX(path, sheet string, check PeopleCheck) ([]model.Person, error) {
	t, err := readSheetXLSX(path, sheet)
	if err != nil {
		return nil, err
	}
	return peopleFromTable(t, true, check)
}

// peopleGroups checks the header of a people table and returns the holding
// group numbers it has, in increasing order.
func peopleGroups(t *tabSheet) []int {
	canonPeopleHeader(t)
	t.require(peopleColumns)
	present := map[int]bool{}
	for i, h := range t.header {
		if h == "" {
			t.add((&Error{File: t.file, Line: 1, Col: i + 1}).Setf(errorsVi, "column without a name"))
			continue
		}
		_, isPerson := attrOfColumn(h)
		isPerson = isPerson || isInfoColumn(h) || h == colPlacedFromCommune
		for _, c := range peopleColumns {
			isPerson = isPerson || h == c
		}
		if isPerson {
			continue
		}
		m := peopleGroupColumn.FindStringSubmatch(h)
		if m == nil {
			t.add((&Error{File: t.file, Line: 1, Col: i + 1, Path: h}).Setf(errorsVi, "unknown column (expected %s and holding groups title_1,unit_1,start_1,term_end_1,main_1,title_2,…)", strings.Join(peopleColumns, ",")))
			continue
		}
		k, _ := strconv.Atoi(m[2])
		present[k] = true
	}
	var groups []int
	for k := 1; k <= 999; k++ {
		if !present[k] {
			continue
		}
		groups = append(groups, k)
		for _, f := range []string{"title", "unit"} {
			if c := fmt.Sprintf("%s_%d", f, k); !t.has(c) {
				t.add((&Error{File: t.file, Line: 1, Col: len(t.header) + 1, Path: c}).Setf(errorsVi, "missing column: holding group %d needs title_%d and unit_%d", k, k, k))
			}
		}
	}
	return groups
}

// peopleFromTable reads people from a table; xlsx allows Excel date serials;
// check, when not nil, is run on every person read.
func peopleFromTable(t *tabSheet, xlsx bool, check PeopleCheck) ([]model.Person, error) {
	before := len(t.errs)
	groups := peopleGroups(t)
	attrCols := attrColumns(t)
	if len(t.errs) > before {
		return nil, t.errs.Err()
	}
	people := make([]model.Person, 0, len(t.rows))
	seen := map[string]int{}
	for ri := range t.rows {
		c := tabCells{t: t, row: ri}
		if vacancyRow(c) {
			continue
		}
		p := model.Person{ID: c.str("id"), Name: c.str("name")}
		if strings.TrimSpace(p.ID) == "" {
			c.bad("id", "expected a person ID, got an empty cell")
		} else if l, dup := seen[p.ID]; dup {
			c.bad("id", "person ID %q is used twice (also on line %d)", p.ID, l)
		} else {
			seen[p.ID] = t.rows[ri].lines[0]
		}
		p.Birth = c.date("birth_date", true, xlsx)
		p.Sex = c.sex("sex")
		p.Education = c.education("education")
		p.PartyMember = c.boolean("party_member", true)
		p.Residence = c.str("residence")
		p.Capacity = model.Hours(c.number("capacity_hours", "weekly hours", maxHours))
		p.Attrs, p.Unknown = readAttrs(c, attrCols)
		p.PlacedFromCommune = c.placedFromCommune(xlsx)
		c.checkPlacedFromCommune(&p)
		var used []int
		for _, k := range groups {
			col := func(f string) string { return fmt.Sprintf("%s_%d", f, k) }
			blank := true
			for _, f := range peopleHoldingFields {
				blank = blank && strings.TrimSpace(c.str(col(f))) == ""
			}
			if blank {
				continue
			}
			h := model.Holding{Title: c.str(col("title")), Unit: c.str(col("unit"))}
			if strings.TrimSpace(h.Title) == "" {
				c.bad(col("title"), "expected a title ID: holding %d has other cells filled in", k)
			}
			if strings.TrimSpace(h.Unit) == "" {
				c.bad(col("unit"), "expected a unit code: holding %d has other cells filled in", k)
			}
			h.Start = c.date(col("start"), false, xlsx)
			h.TermEnd = c.date(col("term_end"), false, xlsx)
			h.Main = c.boolean(col("main"), false)
			p.Holdings = append(p.Holdings, h)
			used = append(used, k)
		}
		if check != nil {
			check(&p, used, c.bad, func(column, format string, args ...any) *Error {
				return t.errAt(ri, column, format, args...)
			})
		}
		if t.stopped {
			break
		}
		people = append(people, p)
	}
	if len(t.errs) > 0 {
		return nil, t.errs.Err()
	}
	return people, nil
}

// date reads a date: YYYY-MM-DD or DD/MM/YYYY, and in XLSX an Excel date
// serial. A blank cell is an error when required and the zero Date
// otherwise.
func (c tabCells) date(column string, required, xlsx bool) model.Date {
	s := strings.TrimSpace(c.str(column))
	if s == "" {
		if required {
			c.bad(column, "expected a date (YYYY-MM-DD or DD/MM/YYYY), got an empty cell")
		}
		return 0
	}
	d := parseCellDate(s, xlsx, c.t.date1904)
	switch {
	case d == 0:
		c.bad(column, "expected a date (YYYY-MM-DD or DD/MM/YYYY), got %s", tabGot(c.str(column)))
	case d.Year() < minYear || d.Year() > maxYear:
		c.bad(column, "expected a date in the years %d to %d, got %s", minYear, maxYear, tabGot(c.str(column)))
		d = 0
	}
	return d
}

// The years a date of a people table may lie in: nobody alive was born
// before 1900, and no term runs past 2100. Year 0, 1800 or 9999 is a typo.
const (
	minYear = 1900
	maxYear = 2100
)

// parseCellDate parses a date cell, or returns 0. An XLSX serial counts
// from 1904 in a workbook with date1904 set, else from 1900.
func parseCellDate(s string, xlsx, date1904 bool) model.Date {
	if d, err := model.ParseDate(s); err == nil {
		return d
	}
	if t, err := time.Parse("2/1/2006", s); err == nil {
		return model.DateOf(t)
	}
	if xlsx {
		if f, err := strconv.ParseFloat(s, 64); err == nil && f >= 1 && f < 2958466 {
			if t, err := excelize.ExcelDateToTime(f, date1904); err == nil {
				return model.DateOf(t)
			}
		}
	}
	return 0
}

// boolean reads yes/no, true/false, 1/0 or có/không, in any case. A blank
// cell is an error when required and false otherwise.
func (c tabCells) boolean(column string, required bool) bool {
	s := strings.ToLower(c.enumCell(column))
	switch s {
	case "yes", "true", "1", "có", "co", "y", "x":
		return true
	case "no", "false", "0", "không", "khong", "n":
		return false
	case "":
		if !required {
			return false
		}
	}
	c.bad(column, "expected yes or no (true/false, 1/0, có/không), got %s", tabGot(c.str(column)))
	return false
}

func (c tabCells) sex(column string) model.Sex {
	return enumOf(c, column, model.ParseSex, model.SexAny, "expected male or female (nam, nữ), got %s")
}

func (c tabCells) education(column string) model.Education {
	e, err := model.ParseEducation(c.enumCell(column))
	if err != nil || strings.TrimSpace(c.str(column)) == "" {
		c.bad(column, "expected one of %s (or the Vietnamese name), got %s", strings.Join(model.EducationNames(), ", "), tabGot(c.str(column)))
		return model.EduNone
	}
	return e
}

// peopleRecords checks people and lays them out as rows under a header,
// with the number of holding groups the fullest person needs (at least 1).
func peopleRecords(people []model.Person) (header []string, rows [][]string, err error) {
	var errs ErrorList
	refuse := func(i int, field, format string, args ...any) {
		errs = append(errs, (&Error{File: "people", Path: fmt.Sprintf("people[%d].%s", i, field)}).Setf(nil, format, args...)) // English only: a program error, not input
	}
	okDate := func(d model.Date) bool {
		if d == 0 {
			return true
		}
		back, err := model.ParseDate(d.String())
		return err == nil && back == d
	}
	groups := 1
	seen := map[string]int{}
	for i := range people {
		p := &people[i]
		groups = max(groups, len(p.Holdings))
		if strings.TrimSpace(p.ID) == "" {
			refuse(i, "id", "empty ID")
		} else if j, dup := seen[p.ID]; dup {
			refuse(i, "id", "ID %q is also used by people[%d]", p.ID, j)
		} else {
			seen[p.ID] = i
		}
		if p.Birth == 0 || !okDate(p.Birth) {
			refuse(i, "birth", "expected a valid birth date, got %d", int32(p.Birth))
		}
		if !okDate(p.PlacedFromCommune) {
			refuse(i, "placed_from_commune", "invalid date %d", int32(p.PlacedFromCommune))
		}
		if p.Sex != model.Male && p.Sex != model.Female {
			refuse(i, "sex", "expected male or female")
		}
		if p.Education > model.EduPostgraduate {
			refuse(i, "education", "unknown education level %d", uint8(p.Education))
		}
		if c := float64(p.Capacity); math.IsNaN(c) || math.IsInf(c, 0) || c < 0 {
			refuse(i, "capacity", "expected a number of hours ≥ 0")
		}
		for k, h := range p.Holdings {
			if strings.TrimSpace(h.Title) == "" || strings.TrimSpace(h.Unit) == "" {
				refuse(i, fmt.Sprintf("holdings[%d]", k), "a holding needs a title and a unit")
			}
			if !okDate(h.Start) || !okDate(h.TermEnd) {
				refuse(i, fmt.Sprintf("holdings[%d]", k), "invalid start or term-end date")
			}
		}
	}
	if len(errs) > 0 {
		return nil, nil, fmt.Errorf("tables: cannot write people: %w", errs.Err())
	}
	header = append(append(append([]string(nil), peopleColumns...), attrHeader()...), colPlacedFromCommune)
	for k := 1; k <= groups; k++ {
		for _, f := range peopleHoldingFields {
			header = append(header, fmt.Sprintf("%s_%d", f, k))
		}
	}
	yesNo := func(b bool) string {
		if b {
			return "yes"
		}
		return "no"
	}
	rows = make([][]string, len(people))
	for i := range people {
		p := &people[i]
		rec := make([]string, 0, len(header))
		rec = append(rec, p.ID, p.Name, p.Birth.String(), p.Sex.String(), p.Education.String(), yesNo(p.PartyMember),
			p.Residence, tabFormatFloat(float64(p.Capacity)))
		rec = append(rec, attrCells(p)...)
		rec = append(rec, p.PlacedFromCommune.String())
		for k := range groups {
			if k < len(p.Holdings) {
				h := p.Holdings[k]
				rec = append(rec, h.Title, h.Unit, h.Start.String(), h.TermEnd.String(), yesNo(h.Main))
			} else {
				rec = append(rec, "", "", "", "", "")
			}
		}
		rows[i] = rec
	}
	return header, rows, nil
}

// WritePeople writes people as a CSV people table (see ReadPeople). It
// refuses people that could not be read back: an empty or repeated ID, a
// missing or invalid birth date, a sex other than male or female, an
// unknown education level, a negative or non-finite capacity, or a holding
// without a title or unit.
func WritePeople(w io.Writer, people []model.Person) error {
	header, rows, err := peopleRecords(people)
	if err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(header); err != nil {
		return err
	}
	for _, r := range rows {
		if err := cw.Write(model.SpreadsheetSafeRecord(r)); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// peopleSheet is the sheet name WritePeopleXLSX uses.
const peopleSheet = "people"

// WritePeopleXLSX writes people as an XLSX workbook with one sheet,
// "people", laid out as the CSV table (see ReadPeople), with a bold, frozen
// header row. capacity_hours is a number cell; every other cell is text, so
// codes keep their leading zeros. ReadPeopleXLSX gives the same people back.
func WritePeopleXLSX(w io.Writer, people []model.Person) error {
	header, rows, err := peopleRecords(people)
	if err != nil {
		return err
	}
	capCol := 7 // index of capacity_hours in peopleColumns
	cells := make([][]any, len(rows))
	for r, rec := range rows {
		cells[r] = make([]any, len(rec))
		for i, s := range rec {
			cells[r][i] = s
		}
		cells[r][capCol] = float64(people[r].Capacity)
	}
	return sheetLayout{name: peopleSheet, header: header}.write(w, cells)
}
