package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/optimize"
	"github.com/kiemnhiem/kiemnhiem/optimize/check"
	"github.com/kiemnhiem/kiemnhiem/scenarios"
	"github.com/kiemnhiem/kiemnhiem/tables"
)

// checkConfig is what check runs with.
type checkConfig struct {
	scenario, plan string
	lang           model.Lang
}

// checkFlags reads check's flags and arguments.
func checkFlags(args []string) (*checkConfig, error) {
	fs := newFlags("check")
	plan := fs.String("plan", "", "FILE: the plan to check: plan.csv/plan.xlsx, or a roster (people.csv/people.xlsx) with each person's titles under the plan")
	langArg := langFlag(fs, "language of the breaches listed")
	if err := parse(fs, args); err != nil {
		return nil, err
	}
	if fs.NArg() != 1 {
		return nil, usagef("check needs exactly one SCENARIO")
	}
	if *plan == "" {
		return nil, usagef("check needs --plan FILE")
	}
	lang, err := parseLang(*langArg)
	if err != nil {
		return nil, err
	}
	return &checkConfig{scenario: fs.Arg(0), plan: *plan, lang: lang}, nil
}

// checkRun checks the plan against every rule of the scenario with the
// independent checker and lists each breach; a breach fails the command
// (exit 1), a clean plan prints that it breaks no rule.
func checkRun(_ context.Context, c *checkConfig, e *env) error {
	s, err := scenarios.Load(c.scenario)
	if err != nil {
		return err
	}
	if err := s.LoadData(); err != nil {
		return err
	}
	reportWarnings(e.stderr, e.lang, s)
	plan, err := tables.ReadPlanFile(c.plan, s.Units, s.Titles, s.Date)
	if err != nil {
		return err
	}
	ix, err := model.NewIndex(&s.Scenario)
	if err != nil {
		return err
	}
	vs := check.Check(&optimize.Problem{Scenario: &s.Scenario}, plan)
	printPlanBreaches(e.stdout, s.Name, c.plan, ix, vs, c.lang)
	if len(vs) > 0 {
		return errReported
	}
	return nil
}

// printPlanBreaches lists every breach of a plan, in planner language,
// with the names of the person, title and unit it concerns.
func printPlanBreaches(w io.Writer, scenario, file string, ix *model.Index, vs []check.Violation, lang model.Lang) {
	L := lang.Pick
	if len(vs) == 0 {
		fmt.Fprintf(w, L("%s: phương án %s không vi phạm quy định nào\n", "%s: the plan %s breaks no rule\n"), scenario, file)
		return
	}
	fmt.Fprintf(w, L("%s: phương án %s có %s vi phạm:\n", "%s: the plan %s has %s breaches:\n"), scenario, file, lang.Int(int64(len(vs))))
	for _, v := range vs {
		fmt.Fprintf(w, "  - %s\n", v.Text().In(lang))
		if who := breachNames(ix, v, lang); who != "" {
			fmt.Fprintf(w, "    %s\n", who)
		}
	}
}

// breachNames names the person, title and unit of a breach for people.
func breachNames(ix *model.Index, v check.Violation, lang model.Lang) string {
	var parts []string
	if p, ok := ix.Person(v.Person); ok && p.Name != "" {
		parts = append(parts, p.Name)
	}
	if t, ok := ix.Title(v.Title); ok {
		parts = append(parts, t.Name.In(lang))
	}
	if u, ok := ix.Unit(v.Unit); ok && u.Name != "" {
		parts = append(parts, u.Name)
	}
	return strings.Join(parts, " · ")
}
