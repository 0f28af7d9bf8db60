package main

import (
	"math"
	"reflect"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		config map[string]string
		want   []Result
	}{
		{
			name: "header and custom units",
			in: "command: go test -bench .\ngoos: linux\ngoarch: amd64\npkg: example.org/x\ncpu: Some CPU @ 2.0GHz   \n" +
				"BenchmarkSolve/nd33-2023/commune-2 \t 3\t 723794 ns/op\t 100.0 %proven\t 0.0008897 cpu-s/op\t 324170 B/op\n" +
				"PASS\nok  \texample.org/x\t2.4s\n",
			config: map[string]string{"command": "go test -bench .", "goos": "linux", "goarch": "amd64", "pkg": "example.org/x", "cpu": "Some CPU @ 2.0GHz"},
			want: []Result{{Name: "BenchmarkSolve/nd33-2023/commune", Procs: 2, Iterations: 3, Metrics: []Metric{
				{723794, "ns/op"}, {100, "%proven"}, {0.0008897, "cpu-s/op"}, {324170, "B/op"}}}},
		},
		{
			name:   "no procs suffix, dashes in the name",
			in:     "BenchmarkReplans/hanoi-2019-8 1 0.17 s/replan 17 replans\nBenchmarkX 5 1e3 person-years/cpu-s\n",
			config: map[string]string{},
			want: []Result{
				{Name: "BenchmarkReplans/hanoi-2019", Procs: 8, Iterations: 1, Metrics: []Metric{{0.17, "s/replan"}, {17, "replans"}}},
				{Name: "BenchmarkX", Procs: 1, Iterations: 5, Metrics: []Metric{{1000, "person-years/cpu-s"}}},
			},
		},
		{
			name: "lines that are not results",
			in: "Benchmarking is fun 1 2\nBenchmarkA-2 0 1 ns/op\nBenchmarkB-2 x 1 ns/op\nBenchmarkC-2 1 1\n" +
				"BenchmarkD-2 1 one ns/op\n--- SKIP: BenchmarkE/country\nBenchmarkF-2\nstatus: not measured\nstatus: again\nKey: upper\nsome key: spaced\n",
			config: map[string]string{"status": "not measured"},
		},
		{
			name:   "empty",
			in:     "",
			config: map[string]string{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse(strings.NewReader(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got.Config, tt.config) {
				t.Errorf("config = %q, want %q", got.Config, tt.config)
			}
			if !reflect.DeepEqual(got.Results, tt.want) {
				t.Errorf("results = %+v, want %+v", got.Results, tt.want)
			}
		})
	}
}

func TestSplitProcs(t *testing.T) {
	tests := []struct {
		in    string
		name  string
		procs int
	}{
		{"BenchmarkA-2", "BenchmarkA", 2},
		{"BenchmarkA", "BenchmarkA", 1},
		{"BenchmarkA-", "BenchmarkA-", 1},
		{"BenchmarkA-0", "BenchmarkA-0", 1},
		{"BenchmarkA-+2", "BenchmarkA-+2", 1},
		{"BenchmarkA/b-c-16", "BenchmarkA/b-c", 16},
	}
	for _, tt := range tests {
		name, procs := splitProcs(tt.in)
		if name != tt.name || procs != tt.procs {
			t.Errorf("splitProcs(%q) = %q, %d; want %q, %d", tt.in, name, procs, tt.name, tt.procs)
		}
	}
}

func TestFormatValue(t *testing.T) {
	tests := []struct {
		in   float64
		want string
	}{
		{0, "0"},
		{28, "28"},
		{0.0008897, "0.00089"},
		{0.01671, "0.0167"},
		{2.45, "2.45"},
		{99.4, "99.4"},
		{100, "100"},
		{158710.4, "158,710"},
		{-1234567, "-1,234,567"},
		{-0.5, "-0.5"},
		{math.NaN(), "NaN"},
		{math.Inf(1), "+Inf"},
	}
	for _, tt := range tests {
		if got := formatValue(tt.in); got != tt.want {
			t.Errorf("formatValue(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add("goos: linux\nBenchmarkSolve/a-2 3 723794 ns/op 100.0 %proven\n")
	f.Add("command: x\nstatus: not measured\n")
	f.Add("BenchmarkA-2 1 NaN x/op -Inf y|z\nBenchmark 1 1 a\n")
	f.Fuzz(func(t *testing.T, in string) {
		o, err := Parse(strings.NewReader(in))
		if err != nil {
			return // a line over the scanner's limit
		}
		for _, r := range o.Results {
			if !strings.HasPrefix(r.Name, "Benchmark") || r.Iterations <= 0 || r.Procs <= 0 || len(r.Metrics) == 0 {
				t.Fatalf("bad result %+v from %q", r, in)
			}
			for _, m := range r.Metrics {
				if m.Unit == "" || strings.ContainsAny(m.Unit, " \t\n") {
					t.Fatalf("bad unit %q from %q", m.Unit, in)
				}
			}
		}
		var b strings.Builder
		if err := Render(&b, []File{{Name: "f.txt", Output: o}}); err != nil {
			t.Fatal(err)
		}
	})
}
