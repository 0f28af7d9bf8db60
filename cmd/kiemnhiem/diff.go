package main

import (
	"context"
	"errors"
	"io"
	"os"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/report"
	"github.com/kiemnhiem/kiemnhiem/tables"
)

// diffConfig is what diff runs with, read from its flags.
type diffConfig struct {
	before, after string // plan.csv files
	lang          model.Lang
	asJSON        bool
}

// diffFlags reads diff's flags and arguments.
func diffFlags(args []string) (*diffConfig, error) {
	fs := newFlags("diff")
	langArg := langFlag(fs, "language of the text")
	asJSON := fs.Bool("json", false, "print the changes as JSON")
	if err := parse(fs, args); err != nil {
		return nil, err
	}
	if fs.NArg() != 2 {
		return nil, usagef("diff needs two plan.csv files")
	}
	lang, err := parseLang(*langArg)
	if err != nil {
		return nil, err
	}
	return &diffConfig{before: fs.Arg(0), after: fs.Arg(1), lang: lang, asJSON: *asJSON}, nil
}

// diffRun prints what changes from one plan to the other.
func diffRun(_ context.Context, c *diffConfig, e *env) error {
	a, err := readPlanFile(c.before)
	if err != nil {
		return err
	}
	b, err := readPlanFile(c.after)
	if err != nil {
		return err
	}
	// A unit one plan gives nobody has no plan there: its holders are not
	// released (diffcoverage.go).
	d := diffCovered(a, b)
	if c.asJSON {
		return report.WriteJSON(e.stdout, d)
	}
	_, err = io.WriteString(e.stdout, d.Text(c.lang, c.before, c.after))
	return err
}

// readPlanFile reads a plan written by optimize --out (plan.csv), its
// problems positioned in path as scenario errors are.
func readPlanFile(path string) (model.Plan, error) {
	f, err := os.Open(path)
	if err != nil {
		return model.Plan{}, tables.ErrorList{{File: path, Msg: "cannot read plan: " + unwrapPath(err)}}
	}
	defer f.Close()
	return tables.ReadPlanCSV(f, path)
}

func unwrapPath(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
