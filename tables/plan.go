package tables

import (
	"encoding/csv"
	"errors"
	"io"
	"strings"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// PlanRow is one line of a plan file (plan.csv, plan.xlsx): an assignment
// with the names people read beside the codes.
type PlanRow struct {
	Unit, UnitName, Title, TitleName, Person, PersonName string
	Role                                                 string // "main" or "concurrent"
}

// planColumns is the header of plan.csv and plan.xlsx.
var planColumns = []string{"unit", "unit_name", "title", "title_name", "person", "person_name", "role"}

// planXLSX lays plan.xlsx out: the columns of plan.csv, widened for names,
// every cell text.
var planXLSX = sheetLayout{name: "plan", header: planColumns, widths: []float64{12, 28, 28, 40, 12, 28, 12}, text: true}

func (r PlanRow) record() []string {
	return []string{r.Unit, r.UnitName, r.Title, r.TitleName, r.Person, r.PersonName, r.Role}
}

// PlanRows lists plan's assignments in order with the names of their unit,
// title (in lang) and person; a recruit of the plan is named
// as such.
func PlanRows(s *model.Scenario, ix *model.Index, plan model.Plan, lang model.Lang) []PlanRow {
	rows := make([]PlanRow, 0, len(plan.Assignments))
	for _, a := range plan.Assignments {
		r := PlanRow{Unit: a.Unit, Title: a.Title, Person: a.Person, Role: "concurrent"}
		if a.Main {
			r.Role = "main"
		}
		if u, ok := ix.Unit(a.Unit); ok {
			r.UnitName = u.Name
		}
		if t, ok := ix.Title(a.Title); ok {
			r.TitleName = t.Name.In(lang)
		}
		if p, ok := ix.Person(a.Person); ok {
			r.PersonName = p.Name
		} else if isRecruit(a.Person) {
			r.PersonName = recruitName(lang)
		}
		rows = append(rows, r)
	}
	return rows
}

// isRecruit reports whether id names a recruit of the plan (NEW-unit-n).
func isRecruit(id string) bool { return strings.HasPrefix(id, "NEW-") }

func recruitName(lang model.Lang) string { return lang.Pick("Người mới tuyển", "New recruit") }

// WritePlanCSV writes rows as plan.csv: a header, then one line per row.
func WritePlanCSV(w io.Writer, rows []PlanRow) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(planColumns); err != nil {
		return err
	}
	for _, r := range rows {
		if err := cw.Write(model.SpreadsheetSafeRecord(r.record())); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// WritePlanXLSX writes the plan as one sheet, "plan", with the columns of
// plan.csv, a bold frozen header and every cell formatted as text so that
// codes keep their leading zeros.
func WritePlanXLSX(w io.Writer, rows []PlanRow) error {
	cells := make([][]any, len(rows))
	for n, r := range rows {
		rec := r.record()
		cells[n] = make([]any, len(rec))
		for i, v := range rec {
			cells[n][i] = v
		}
	}
	return planXLSX.write(w, cells)
}

// ReadPlanCSV reads a plan written by [WritePlanCSV] from r, named name in
// errors: the unit, title, person and role columns, in any order; other
// columns are ignored. The plan comes back sorted. Problems are reported as
// an [ErrorList], each with File set to name.
func ReadPlanCSV(r io.Reader, name string) (model.Plan, error) {
	var plan model.Plan
	cr := csv.NewReader(r)
	header, err := cr.Read()
	if err != nil {
		return plan, ErrorList{(&Error{File: name, Line: 1, Col: 1}).Setf(errorsVi, "expected a header row with unit, title, person and role columns")}
	}
	col := map[string]int{}
	for i, h := range header {
		col[canonPlanColumn(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))] = i
	}
	for _, need := range []string{"unit", "title", "person", "role"} {
		if _, ok := col[need]; !ok {
			return plan, ErrorList{(&Error{File: name, Line: 1, Col: 1, Path: need}).Setf(errorsVi, "missing column (a plan.csv written by kiemnhiem optimize has unit, title, person and role)")}
		}
	}
	var errs ErrorList
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			errs = append(errs, csvReadError(name, err))
			break
		}
		line, _ := cr.FieldPos(0)
		for i, c := range rec {
			rec[i] = model.SpreadsheetText(c)
		}
		role := rec[col["role"]]
		main, ok := planRole(role)
		if !ok {
			_, c := cr.FieldPos(col["role"])
			errs = append(errs, (&Error{File: name, Line: line, Col: c, Path: "role"}).Setf(errorsVi, "expected main or concurrent (chính, kiêm nhiệm), got %q", role))
			continue
		}
		plan.Assignments = append(plan.Assignments, model.Assignment{Unit: rec[col["unit"]], Title: rec[col["title"]], Person: rec[col["person"]], Main: main})
	}
	if len(errs) > 0 {
		return plan, errs
	}
	plan.Sort()
	return plan, nil
}

// csvReadError positions a failed read: FieldPos has no record to point
// into then, but a *csv.ParseError knows where the parser stopped.
func csvReadError(name string, err error) *Error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return (&Error{File: name, Line: pe.Line, Col: pe.Column}).Setf(errorsVi, "%s", pe.Err.Error())
	}
	return (&Error{File: name, Line: 1, Col: 1}).Setf(errorsVi, "%s", err.Error())
}
