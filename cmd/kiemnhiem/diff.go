package main

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/optimize"
	"github.com/kiemnhiem/kiemnhiem/tables"
)

func runDiff(_ context.Context, args []string, e *env) error {
	fs := newFlags("diff")
	lang := fs.String("lang", "vi", "language of the text: vi or en")
	asJSON := fs.Bool("json", false, "print the changes as JSON")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 2 {
		return usagef("diff needs two plan.csv files")
	}
	if *lang != "vi" && *lang != "en" {
		return usagef("--lang must be vi or en, got %q", *lang)
	}
	a, err := readPlanCSV(fs.Arg(0))
	if err != nil {
		return err
	}
	b, err := readPlanCSV(fs.Arg(1))
	if err != nil {
		return err
	}
	d := optimize.Diff(a, b)
	if *asJSON {
		return writeJSON(e.stdout, d)
	}
	_, err = io.WriteString(e.stdout, d.Text(*lang))
	return err
}

// readPlanCSV reads a plan written by optimize --out (plan.csv): the unit,
// title, person and role columns, in any order.
func readPlanCSV(path string) (model.Plan, error) {
	var plan model.Plan
	f, err := os.Open(path)
	if err != nil {
		return plan, tables.ErrorList{{File: path, Msg: "cannot read plan: " + unwrapPath(err)}}
	}
	defer f.Close()
	r := csv.NewReader(f)
	header, err := r.Read()
	if err != nil {
		return plan, tables.ErrorList{{File: path, Line: 1, Col: 1, Msg: "expected a header row with unit, title, person and role columns"}}
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))] = i
	}
	for _, need := range []string{"unit", "title", "person", "role"} {
		if _, ok := col[need]; !ok {
			return plan, tables.ErrorList{{File: path, Line: 1, Col: 1, Path: need, Msg: "missing column (a plan.csv written by kiemnhiem optimize has unit, title, person and role)"}}
		}
	}
	var errs tables.ErrorList
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		line, _ := r.FieldPos(0)
		if err != nil {
			errs = append(errs, &tables.Error{File: path, Line: line, Col: 1, Msg: err.Error()})
			break
		}
		role := rec[col["role"]]
		if role != "main" && role != "concurrent" {
			_, c := r.FieldPos(col["role"])
			errs = append(errs, &tables.Error{File: path, Line: line, Col: c, Path: "role", Msg: fmt.Sprintf("expected main or concurrent, got %q", role)})
			continue
		}
		plan.Assignments = append(plan.Assignments, model.Assignment{Unit: rec[col["unit"]], Title: rec[col["title"]], Person: rec[col["person"]], Main: role == "main"})
	}
	if len(errs) > 0 {
		return plan, errs
	}
	plan.Sort()
	return plan, nil
}

func unwrapPath(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
