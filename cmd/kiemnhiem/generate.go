package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/kiemnhiem/kiemnhiem/internal/atomicfile"
	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/scenarios"
	"github.com/kiemnhiem/kiemnhiem/tables"
)

// generateSummary is what generate --json prints.
type generateSummary struct {
	Province  string `json:"province"`
	Vintage   string `json:"vintage,omitempty"`
	UnitsFile string `json:"units_file,omitempty"`
	Scenario  string `json:"scenario"`
	Seed      uint64 `json:"seed"`
	Provinces int    `json:"provinces"`
	Districts int    `json:"districts"`
	Communes  int    `json:"communes"`
	Villages  int    `json:"villages"`
	People    int    `json:"people"`
	Titles    int    `json:"titles"`
	Out       string `json:"out"`
}

func runGenerate(_ context.Context, args []string, e *env) error {
	fs := newFlags("generate")
	province := fs.String("province", "", "GSO province code (default "+scenarios.DefaultProvince+" for the generator; the whole file with --units)")
	vintage := fs.String("vintage", "", "unit list the generator is calibrated to: "+strings.Join(scenarios.Vintages, " or ")+" (default "+scenarios.DefaultVintage+")")
	unitsFile := fs.String("units", "", "read communes from this CSV instead of generating them")
	district := fs.String("district", "", "GSO district code to keep (pre-2025 lists)")
	scenarioRef := fs.String("scenario", "", "scenario whose titles the generated people hold (default by vintage)")
	seed := fs.Uint64("seed", scenarios.DefaultSeed, "random seed")
	out := fs.String("out", "", "output directory (required)")
	asJSON := fs.Bool("json", false, "print a JSON summary")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("generate takes no arguments, got %q", fs.Args())
	}
	if *out == "" {
		return usagef("--out DIR is required")
	}
	if *vintage != "" && !slices.Contains(scenarios.Vintages, *vintage) {
		return usagef("--vintage must be one of %s, got %q", strings.Join(scenarios.Vintages, ", "), *vintage)
	}
	if *vintage != "" && *unitsFile != "" {
		return usagef("--vintage selects the generator; it cannot be combined with --units")
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
	unitsPath, peoplePath := filepath.Join(*out, "units.csv"), filepath.Join(*out, "people.csv")
	if err := atomicfile.CheckDistinct([]string{*unitsFile}, []string{unitsPath, peoplePath}); err != nil {
		return usagef("%v: choose another --out", err)
	}
	units, err := scenarios.BuildUnits(spec)
	if err != nil {
		return err
	}
	ref := *scenarioRef
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
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return err
	}
	if err := atomicfile.Write(unitsPath, func(w io.Writer) error { return tables.WriteUnits(w, units) }); err != nil {
		return err
	}
	if err := atomicfile.Write(peoplePath, func(w io.Writer) error { return tables.WritePeople(w, people) }); err != nil {
		return err
	}
	sum := generateSummary{Province: spec.Province, Vintage: spec.Vintage, UnitsFile: spec.UnitsFile, Scenario: scen.Name, Seed: spec.Seed,
		People: len(people), Titles: len(scen.Titles), Out: *out}
	for _, u := range units {
		switch u.Level {
		case model.Province:
			sum.Provinces++
		case model.District:
			sum.Districts++
		case model.Commune:
			sum.Communes++
		case model.Village:
			sum.Villages++
		}
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(sum)
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
