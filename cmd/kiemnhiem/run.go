package main

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/pflag"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/scenarios"
	"github.com/kiemnhiem/kiemnhiem/tables"
)

// Exit codes.
const (
	exitOK    = 0
	exitInput = 1 // bad input: a scenario or data file with errors
	exitUsage = 2 // an unknown command or flag, or a bad flag value
	// exitInterrupted: a signal (Ctrl-C, SIGTERM, SIGHUP) stopped the
	// command before it wrote anything; 128 + SIGINT as shells report it.
	exitInterrupted = 130
)

//go:embed doc.go
var docSource string

// manual is the package comment of doc.go: the one text that is both the
// godoc page and what --help prints.
func manual() string {
	start := strings.Index(docSource, "/*\n")
	end := strings.Index(docSource, "*/")
	if start < 0 || end < start {
		return "kiemnhiem: see doc.go\n"
	}
	return strings.TrimLeft(docSource[start+3:end], "\n")
}

// section returns the manual's block about one command: the line that
// starts with its name and the indented lines under it.
func section(cmd string) string { return findSection(manual(), cmd, "Usage: kiemnhiem ") }

// findSection returns the block of text about cmd, after usage; the whole
// text when it has none.
func findSection(text, cmd, usage string) string {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		if l != cmd && !strings.HasPrefix(l, cmd+" ") {
			continue
		}
		j := i + 1
		for j < len(lines) && (lines[j] == "" || strings.HasPrefix(lines[j], "\t")) {
			j++
		}
		return usage + strings.TrimRight(strings.Join(lines[i:j], "\n"), "\n") + "\n"
	}
	return text
}

type command struct {
	name string
	run  func(ctx context.Context, args []string, env *env) error
}

// env carries the streams a command writes to.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	lang           model.Lang // of errors and warnings: messageLang
}

var commands = []command{
	{"presets", runPresets},
	{"validate", runValidate},
	{"show", runShow},
	{"generate", subcommand(generateFlags, generateRun)},
	{"optimize", subcommand(optimizeFlags, optimizeRun)},
	{"simulate", subcommand(simulateFlags, simulateRun)},
	{"compare", subcommand(compareFlags, compareRun)},
	{"diff", subcommand(diffFlags, diffRun)},
	{"template", subcommand(templateFlags, templateRun)},
	{"check", subcommand(checkFlags, checkRun)},
	{"rearrange", subcommand(rearrangeFlags, rearrangeRun)},
}

// subcommand makes a command's run of its two halves: flags reads the
// arguments into a configuration, run does the work with it.
func subcommand[C any](flags func(args []string) (C, error), run func(context.Context, C, *env) error) func(context.Context, []string, *env) error {
	return func(ctx context.Context, args []string, e *env) error {
		c, err := flags(args)
		if err != nil {
			return err
		}
		return run(ctx, c, e)
	}
}

// usageError marks an error in how the command was called (exit 2).
// Its format is the key of its Vietnamese form in usageVi.
type usageError struct {
	format string
	args   []any
}

func (e *usageError) Error() string { return fmt.Sprintf(e.format, e.args...) }

func usagef(format string, args ...any) error { return &usageError{format, args} }

// errInterrupted means the caller's context was cancelled: the command
// stopped and wrote nothing.
var errInterrupted = errors.New("stopped by a signal")

// errReported means the command already printed its errors.
var errReported = errors.New("errors reported")

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr}
	args, lang, bad := startArgs(args)
	e.lang = lang
	if bad != "" {
		fmt.Fprint(stderr, bad)
		return exitUsage
	}
	if len(args) == 0 {
		fmt.Fprint(stderr, manualIn(lang))
		return exitUsage
	}
	switch args[0] {
	case "-h", "--help", "help":
		if len(args) > 1 {
			fmt.Fprint(stdout, sectionIn(args[1], lang))
		} else {
			fmt.Fprint(stdout, manualIn(lang))
		}
		return exitOK
	}
	for _, c := range commands {
		if c.name != args[0] {
			continue
		}
		err := c.run(ctx, args[1:], e)
		var ue *usageError
		switch {
		case err == nil:
			return exitOK
		case errors.Is(err, pflag.ErrHelp):
			fmt.Fprint(stdout, sectionIn(c.name, lang))
			return exitOK
		case ctx.Err() != nil && (errors.Is(err, context.Canceled) || errors.Is(err, errInterrupted)):
			fmt.Fprintf(stderr, runMessages.interrupted.In(lang), c.name, err)
			return exitInterrupted
		case errors.As(err, &ue):
			fmt.Fprintf(stderr, "kiemnhiem %s: %s\n%s", c.name, tables.Printable(ue.in(lang)), sectionIn(c.name, lang))
			return exitUsage
		case errors.Is(err, errReported):
			return exitInput
		default:
			reportErr(stderr, err, lang)
			return exitInput
		}
	}
	fmt.Fprintf(stderr, runMessages.unknownCommand.In(lang), args[0], commandNames())
	return exitUsage
}

// reportErr prints an error in lang; positioned errors one per line.
func reportErr(w io.Writer, err error, lang model.Lang) {
	if list := tables.Errors(err); len(list) > 0 {
		for _, e := range list {
			fmt.Fprintln(w, e.In(lang))
		}
		return
	}
	// Any error may quote input: its control characters are shown escaped,
	// line by line.
	lines := strings.Split(err.Error(), "\n")
	for i, l := range lines {
		lines[i] = tables.Printable(l)
	}
	fmt.Fprintf(w, "kiemnhiem: %s\n", strings.Join(lines, "\n"))
}

// reportWarnings prints, to w, what the scenarios' data checks accepted
// but a planner should know (issue 21).
func reportWarnings(w io.Writer, lang model.Lang, loaded ...*scenarios.Scenario) {
	for _, s := range loaded {
		for _, e := range s.Warnings {
			fmt.Fprintln(w, e.WarningIn(lang))
		}
	}
}

func commandNames() string {
	names := make([]string, len(commands))
	for i, c := range commands {
		names[i] = c.name
	}
	return strings.Join(names, ", ")
}

// newFlags returns a FlagSet for a subcommand that reports problems as
// errors instead of exiting, so run decides the exit code.
func newFlags(name string) *pflag.FlagSet {
	fs := pflag.NewFlagSet(name, pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.SortFlags = false
	return fs
}

// parse parses flags, turning pflag errors other than --help into usage
// errors.
func parse(fs *pflag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return err
		}
		return usagef("%v", err)
	}
	return nil
}
