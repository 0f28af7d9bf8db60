package main

import (
	"context"
	"fmt"
	"text/tabwriter"

	"github.com/kiemnhiem/kiemnhiem/scenarios"
)

func runPresets(_ context.Context, args []string, e *env) error {
	fs := newFlags("presets")
	langArg := langFlag(fs, "language of the display names and descriptions")
	if err := parse(fs, args); err != nil {
		return err
	}
	lang, err := parseLang(*langArg)
	if err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("presets takes no arguments")
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	for _, name := range scenarios.Presets() {
		s, err := scenarios.Load(name)
		if err != nil {
			return fmt.Errorf("embedded preset %s is broken: %w", name, err)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\n", name, s.DisplayName(lang), s.DescriptionIn(lang))
	}
	return tw.Flush()
}

func runValidate(_ context.Context, args []string, e *env) error {
	fs := newFlags("validate")
	langFlag(fs, "language of usage errors")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usagef("validate needs at least one SCENARIO")
	}
	failed := false
	for _, ref := range fs.Args() {
		s, err := scenarios.Load(ref)
		if err == nil {
			err = s.LoadData()
		}
		if err == nil {
			reportWarnings(e.stderr, e.lang, s)
		}
		if err != nil {
			reportErr(e.stderr, err, e.lang)
			failed = true
		}
	}
	if failed {
		return errReported
	}
	return nil
}

func runShow(_ context.Context, args []string, e *env) error {
	fs := newFlags("show")
	asJSON := fs.Bool("json", false, "print JSON instead of YAML")
	langFlag(fs, "language of usage errors (sources are printed as written)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usagef("show needs exactly one SCENARIO")
	}
	s, err := scenarios.Load(fs.Arg(0))
	if err != nil {
		return err
	}
	var out []byte
	if *asJSON {
		out, err = s.JSON()
	} else {
		out, err = s.YAML()
	}
	if err != nil {
		return err
	}
	_, err = e.stdout.Write(out)
	return err
}
