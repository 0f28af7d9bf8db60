package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"

	"github.com/kiemnhiem/kiemnhiem/internal/atomicfile"
	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/scenarios"
	"github.com/kiemnhiem/kiemnhiem/tables"
)

// Files template writes.
const (
	rosterTemplateFile   = "roster-template.xlsx"
	unitsTemplateFile    = "units-template.xlsx"
	villagesTemplateFile = "villages-template.xlsx"
)

// templateScenario gives the titles and units of the templates when no
// SCENARIO is named.
const templateScenario = "nd33-2023"

// templateConfig is what template runs with.
type templateConfig struct {
	scenario, out string
	lang          model.Lang
}

// templateFlags reads template's flags and arguments.
func templateFlags(args []string) (*templateConfig, error) {
	fs := newFlags("template")
	out := fs.String("out", "", "write "+rosterTemplateFile+", "+unitsTemplateFile+" and "+villagesTemplateFile+" to this directory")
	langArg := langFlag(fs, "language of the headers, lists and notes")
	if err := parse(fs, args); err != nil {
		return nil, err
	}
	if fs.NArg() > 1 {
		return nil, usagef("template takes at most one SCENARIO")
	}
	if *out == "" {
		return nil, usagef("template needs --out DIR")
	}
	if err := checkOutDir("--out", *out); err != nil {
		return nil, err
	}
	lang, err := parseLang(*langArg)
	if err != nil {
		return nil, err
	}
	c := &templateConfig{scenario: templateScenario, out: *out, lang: lang}
	if fs.NArg() == 1 {
		c.scenario = fs.Arg(0)
	}
	return c, nil
}

// templateRun writes the roster and units templates, with the titles and
// units of the scenario in the roster's drop-down lists.
func templateRun(ctx context.Context, c *templateConfig, e *env) error {
	s, err := scenarios.Load(c.scenario)
	if err != nil {
		return err
	}
	units, err := scenarios.BuildUnits(s.Data)
	if err != nil {
		return err
	}
	files := []atomicfile.File{
		{Name: rosterTemplateFile, Write: func(w io.Writer) error { return tables.WriteRosterTemplate(w, units, s.Titles, c.lang) }},
		{Name: unitsTemplateFile, Write: func(w io.Writer) error { return tables.WriteUnitsTemplate(w, c.lang) }},
		{Name: villagesTemplateFile, Write: func(w io.Writer) error { return tables.WriteVillagesTemplate(w, c.lang) }},
	}
	if err := writeSet(ctx, c.out, "template", files); err != nil {
		return err
	}
	L := c.lang.Pick
	fmt.Fprintf(e.stdout, "%s %s, %s, %s (%s %s: %d %s, %d %s)\n", L("Đã ghi", "Wrote"),
		filepath.Join(c.out, rosterTemplateFile), filepath.Join(c.out, unitsTemplateFile), filepath.Join(c.out, villagesTemplateFile),
		L("danh mục theo", "lists from"), s.Name, len(s.Titles), L("chức danh", "titles"), len(units), L("đơn vị", "units"))
	return nil
}
