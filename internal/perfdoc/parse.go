package main

import (
	"bufio"
	"io"
	"strconv"
	"strings"
	"unicode"
)

// Output is one file of `go test -bench` output: the configuration lines
// of its header and its results, in order.
type Output struct {
	// Config holds the first value of each "key: value" line: goos,
	// goarch, cpu and pkg as go test prints them, and the command and
	// status lines docs/bench/run.sh adds.
	Config  map[string]string
	Results []Result
}

// Result is one benchmark result line.
type Result struct {
	Name       string // full name without the GOMAXPROCS suffix, e.g. BenchmarkSolve/nd33-2023/commune
	Procs      int    // the -N suffix of the name; 1 when absent
	Iterations int
	Metrics    []Metric
}

// Metric is one value–unit pair of a result line: ns/op, B/op and the
// custom units of b.ReportMetric alike.
type Metric struct {
	Value float64
	Unit  string
}

// Parse reads benchmark output in the standard format
// (golang.org/design/14313-benchmark-format): configuration lines
// "key: value", whose key starts with a lower-case letter and has no
// space or upper-case letter, and result lines "BenchmarkName-N
// iterations value unit [value unit]...". Every other line (PASS, ok,
// logs) is skipped, as is a line that starts like a result but does not
// parse as one. Only reading r can fail.
func Parse(r io.Reader) (*Output, error) {
	out := &Output{Config: map[string]string{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if res, ok := parseResult(line); ok {
			out.Results = append(out.Results, res)
			continue
		}
		if k, v, ok := parseConfig(line); ok {
			if _, seen := out.Config[k]; !seen {
				out.Config[k] = v
			}
		}
	}
	return out, sc.Err()
}

// parseConfig splits a configuration line into its key and value.
func parseConfig(line string) (key, value string, ok bool) {
	key, value, ok = strings.Cut(line, ":")
	if !ok || key == "" || key[0] < 'a' || key[0] > 'z' {
		return "", "", false
	}
	for _, r := range key {
		if unicode.IsSpace(r) || unicode.IsUpper(r) {
			return "", "", false
		}
	}
	return key, strings.TrimSpace(value), true
}

// parseResult parses a result line.
func parseResult(line string) (Result, bool) {
	f := strings.Fields(line)
	if len(f) < 4 || len(f)%2 != 0 || !isBenchmarkName(f[0]) {
		return Result{}, false
	}
	n, err := strconv.Atoi(f[1])
	if err != nil || n <= 0 {
		return Result{}, false
	}
	res := Result{Iterations: n}
	res.Name, res.Procs = splitProcs(f[0])
	for i := 2; i < len(f); i += 2 {
		v, err := strconv.ParseFloat(f[i], 64)
		if err != nil {
			return Result{}, false
		}
		res.Metrics = append(res.Metrics, Metric{Value: v, Unit: f[i+1]})
	}
	return res, true
}

// isBenchmarkName reports whether s is "Benchmark" followed by nothing or
// by a character that is not a lower-case letter, as go test requires.
func isBenchmarkName(s string) bool {
	rest, ok := strings.CutPrefix(s, "Benchmark")
	if !ok {
		return false
	}
	return rest == "" || !unicode.IsLower([]rune(rest)[0])
}

// splitProcs removes the "-N" that go test appends to a name when
// GOMAXPROCS is not 1. Run with GOMAXPROCS=1 a name that ends in digits
// after a dash ("hanoi-2019") would be read as a suffix, as benchstat
// also does; the benchmarks here run with more than one CPU.
func splitProcs(name string) (string, int) {
	i := strings.LastIndexByte(name, '-')
	if i < 0 || i == len(name)-1 {
		return name, 1
	}
	n, err := strconv.Atoi(name[i+1:])
	if err != nil || n <= 0 || name[i+1] == '+' {
		return name, 1
	}
	return name[:i], n
}
