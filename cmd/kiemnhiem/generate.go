package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/kiemnhiem/kiemnhiem/internal/atomicfile"
	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/report"
	"github.com/kiemnhiem/kiemnhiem/scenarios"
	"github.com/kiemnhiem/kiemnhiem/synth"
	"github.com/kiemnhiem/kiemnhiem/tables"
)

// generateConfig is what generate runs with, read from its flags.
type generateConfig struct {
	spec     scenarios.DataSpec // defaults filled in
	scenario string             // --scenario, or "" for the default by vintage
	out      string
	asJSON   bool
	force    bool // replace rosters in out that generate did not write
}

// generateFlags reads generate's flags.
func generateFlags(args []string) (*generateConfig, error) {
	fs := newFlags("generate")
	province := fs.String("province", "", "GSO province code (default "+scenarios.DefaultProvince+" for the generator; the whole file with --units)")
	vintage := fs.String("vintage", "", "unit list the generator is calibrated to: "+strings.Join(scenarios.Vintages, " or ")+" (default "+scenarios.DefaultVintage+")")
	unitsFile := fs.String("units", "", "read communes from this CSV instead of generating them")
	district := fs.String("district", "", "GSO district code to keep (pre-2025 lists)")
	scenarioRef := fs.String("scenario", "", "scenario whose titles the generated people hold (default by vintage)")
	seed := fs.Uint64("seed", scenarios.DefaultSeed, "random seed")
	out := fs.String("out", "", "output directory (required)")
	asJSON := fs.Bool("json", false, "print a JSON summary")
	force := fs.Bool("force", false, "replace units.csv and people.csv in --out even if generate did not write them")
	if err := parse(fs, args); err != nil {
		return nil, err
	}
	if fs.NArg() > 0 {
		return nil, usagef("generate takes no arguments, got %q", fs.Args())
	}
	if *out == "" {
		return nil, usagef("--out DIR is required")
	}
	if err := checkOutDir("--out", *out); err != nil {
		return nil, err
	}
	if *vintage != "" && !slices.Contains(scenarios.Vintages, *vintage) {
		return nil, usagef("--vintage must be one of %s, got %q", strings.Join(scenarios.Vintages, ", "), *vintage)
	}
	if *vintage != "" && *unitsFile != "" {
		return nil, usagef("--vintage selects the generator; it cannot be combined with --units")
	}
	spec := scenarios.DataSpec{Seed: *seed, Province: *province, District: *district, UnitsFile: *unitsFile, Vintage: *vintage}
	if *unitsFile == "" {
		if spec.Province == "" {
			spec.Province = scenarios.DefaultProvince
		}
		if spec.Vintage == "" {
			spec.Vintage = scenarios.DefaultVintage
		}
	}
	return &generateConfig{spec: spec, scenario: *scenarioRef, out: *out, asJSON: *asJSON, force: *force}, nil
}

// generateRun writes units.csv and people.csv into the output directory.
func generateRun(ctx context.Context, c *generateConfig, e *env) error {
	spec := c.spec
	unitsPath, peoplePath := filepath.Join(c.out, "units.csv"), filepath.Join(c.out, "people.csv")
	if err := atomicfile.CheckDistinct([]string{spec.UnitsFile}, []string{unitsPath, peoplePath}); err != nil {
		return usagef("%v: choose another --out", err)
	}
	if err := refuseRosters(c.out, "generate", []string{"units.csv", "people.csv"}, c.force); err != nil {
		return err
	}
	units, err := scenarios.BuildUnits(spec)
	var sel *synth.SelectionError
	if errors.As(err, &sel) {
		return usagef("--province or --district: %v", err)
	}
	if err != nil {
		return err
	}
	ref := c.scenario
	if ref == "" {
		ref = defaultScenarioFor(units)
	}
	scen, err := scenarios.Load(ref)
	if err != nil {
		return err
	}
	people, err := scenarios.BuildPeople(spec, units, scen.Titles, scen.Date)
	if err != nil {
		return err
	}
	if err := writeSet(ctx, c.out, "generate", []atomicfile.File{
		{Name: "units.csv", Write: func(w io.Writer) error { return tables.WriteUnits(w, units) }},
		{Name: "people.csv", Write: func(w io.Writer) error { return tables.WritePeople(w, people) }},
	}); err != nil {
		return err
	}
	sum := report.GenerateSummary{Province: spec.Province, Vintage: spec.Vintage, UnitsFile: spec.UnitsFile, Scenario: scen.Name, Seed: spec.Seed,
		People: len(people), Titles: len(scen.Titles), Out: c.out}
	sum.CountUnits(units)
	if c.asJSON {
		return report.WriteJSON(e.stdout, sum)
	}
	fmt.Fprintf(e.stdout, "wrote %s and %s: %d communes, %d villages, %d people holding %s's titles (seed %d)\n",
		unitsPath, peoplePath, sum.Communes, sum.Villages, sum.People, scen.Name, spec.Seed)
	return nil
}

// defaultScenarioFor picks the rule set whose titles today's holders hold:
// commune and village titles before the 2025 reform (lists with districts),
// village titles after it.
func defaultScenarioFor(units []model.Unit) string {
	for i := range units {
		if units[i].Level == model.District {
			return "nd33-2023"
		}
	}
	return "villages-2026"
}
