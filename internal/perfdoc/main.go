// Command perfdoc writes docs/performance.md from the raw outputs of
// `go test -bench` kept in docs/bench, so that the figures in the document
// are the ones a reader can regenerate:
//
//	go run ./internal/perfdoc -o docs/performance.md docs/bench
//
// Each argument is an output file or a directory, whose *.txt files are
// read in name order. A file's "command:" line is printed above its
// tables, and a file without results (the command failed or ran out of
// time, its "status:" line says which) is listed as not measured.
// docs/bench/run.sh runs the benchmarks and then this command.
package main

//go:generate go run . -o ../../docs/performance.md ../../docs/bench

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

func main() {
	out := flag.String("o", "", "write the document to this `file` (default: standard output)")
	flag.Usage = func() {
		fmt.Fprintln(flag.CommandLine.Output(), "usage: perfdoc [-o file] file-or-dir...")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() == 0 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(*out, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "perfdoc:", err)
		os.Exit(1)
	}
}

// run renders the outputs named by args to the file out, or to standard
// output when out is "".
func run(out string, args []string) error {
	doc, err := build(args)
	if err != nil {
		return err
	}
	if out == "" {
		_, err = os.Stdout.Write(doc)
		return err
	}
	return os.WriteFile(out, doc, 0o644)
}

// build reads the outputs named by args and renders the document.
func build(args []string) ([]byte, error) {
	paths, err := expand(args)
	if err != nil {
		return nil, err
	}
	files := make([]File, 0, len(paths))
	for _, p := range paths {
		o, err := parseFile(p)
		if err != nil {
			return nil, err
		}
		files = append(files, File{Name: filepath.Base(p), Output: o})
	}
	var b bytes.Buffer
	if err := Render(&b, files); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// expand replaces each directory of args by its *.txt files in name order.
func expand(args []string) ([]string, error) {
	var paths []string
	for _, a := range args {
		st, err := os.Stat(a)
		if err != nil {
			return nil, err
		}
		if !st.IsDir() {
			paths = append(paths, a)
			continue
		}
		m, err := filepath.Glob(filepath.Join(a, "*.txt"))
		if err != nil {
			return nil, err
		}
		// By name without the extension, so that solve.txt comes
		// before solve-country.txt.
		slices.SortFunc(m, func(a, b string) int {
			return strings.Compare(strings.TrimSuffix(a, ".txt"), strings.TrimSuffix(b, ".txt"))
		})
		paths = append(paths, m...)
	}
	return paths, nil
}

func parseFile(path string) (*Output, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	o, err := Parse(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return o, nil
}
