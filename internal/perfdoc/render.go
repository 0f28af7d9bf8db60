package main

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
)

// File is one raw output file: its name under docs/bench and its content.
type File struct {
	Name string
	*Output
}

// family is one benchmark function's results in one file.
type family struct {
	name string // BenchmarkSolve
	file *File
	rows []Result
}

// familyOrder puts the benchmarks in the order a reader wants them: the
// optimiser, the simulator, then the re-plans that join them. Families not
// listed follow in alphabetical order.
var familyOrder = []string{"BenchmarkSolve", "BenchmarkSolveObjective", "BenchmarkRun", "BenchmarkReplans", "BenchmarkRearrange", "BenchmarkRearrangeSynth"}

// about says what each known benchmark measures, above its tables.
var about = map[string]string{
	"BenchmarkSolve": "`optimize.Solve` on the real 2024-11 units of `../shared/data` with synthetic villages and today's " +
		"holders, under `nd33-2023` (elected holders keep their titles) and `hanoi-2019` (terms free). " +
		"Sizes: commune (the first commune of Phú Xuyên, Hanoi), district (Phú Xuyên, 27 communes), " +
		"province (Hanoi, 579 communes), country (10,472 communes). `titles` is the title holders placed, " +
		"`%proven` the share of communes whose plan is proven optimal, `%planned` the share with a plan (a commune " +
		"without one is an explained answer, not a failure), `cpu-s/op` the process's CPU time per solve.",
	"BenchmarkSolveObjective": "`optimize.Solve` of `nd33-2023` on the same units and sizes under each planner's objective " +
		"(`--objective`): `headcount` (fewest people first, the search pruned by headcount), `cost` (the lowest net " +
		"cost over 10 years first, severance included; the preset's own objective) and `stability` (fewest changes " +
		"of holder first); the other two search without the headcount pruning. Compare them on `cpu-s/op`.",
	"BenchmarkRun": "`sim.Config.Run` of `nd33-2023` for 10 years on the same sizes (1,000 runs for the commune and " +
		"district, 100 for the province, 40 for the country; `s/1000runs` and `cpu-s/1000runs` extrapolate to " +
		"1,000 runs with the re-plans counted once). `static` keeps today's holders (no optimiser), " +
		"`retirement-only` also sets resignation and death to zero (the yearly pass alone), `replan` re-plans " +
		"with the optimiser at the start, at elections and at mergers. `plan-cpu-s` is the CPU time of the " +
		"re-plans, `person-years/cpu-s` the replications' throughput on CPU time.",
	"BenchmarkReplans": "`optimize.Solve` on the expected worlds the simulator re-plans over 10 years of a preset on " +
		"the embedded default province, then the same worlds in order through one caching `optimize.NewAssigner` " +
		"(`s/replan-assign`, with `%pools-cached` the share of pools its cache answered). Wall clock only.",
	"BenchmarkRearrange": "`rearrange.Solve` (which villages merge, NĐ 185/2026) on synthetic villages of the 3,321 " +
		"post-reform communes of `../shared/data` (each commune's households split log-normally into villages of a mean " +
		"of 300 households or 0.8 × its floor; floors by region and type, one village in 20 exempt on half the floor; " +
		"neighbours: each village's 3 nearest seeded points; `adjacency=false` lets any villages of a commune merge), at most 3 villages into one, fewest merges first, " +
		"100,000 search nodes at most per commune. Sizes: province (Phú Thọ, 148 communes), country. `%proven` is the " +
		"share of communes proven optimal (the others report a bound), `under` the villages left below their floor, " +
		"`after` the villages after, `peak-GiB` the process's peak resident memory, `cpu-s/op` its CPU time per run " +
		"(the search, then, for each commune proven optimal, the tie-break among its optimal plans; the tie-break has " +
		"a node budget of its own).",
	"BenchmarkRearrangeSynth": "`rearrange.Solve` as above on the villages `synth.AddVillages` generates for the same " +
		"communes (seed 185: 90,262 villages, calibrated per province and kind; neighbours: the Gabriel graph of seeded " +
		"points) with the floors of the `nd185-2026` preset (region and type, Art. 10(1); half the floor for a village " +
		"of an Art. 10(3) circumstance), from `internal/rearrangebench`. `below` is the villages below their floor " +
		"before the rearrangement; the other columns as above. `cpu-s/op` is user + system CPU time. `nodes=` is " +
		"the node budget per commune: 100,000, or `default`, the command's own (2,000,000, `rearrange.DefaultMaxNodes`), " +
		"the issue's target being every commune proven.",
}

// intro opens the document.
const intro = `# Performance

Current figures of the benchmarks in ` + "`cmd/kiemnhiem`" + ` and ` + "`rearrange`" + `, one table per command. This file is
generated: ` + "`docs/bench/run.sh`" + ` runs the commands and keeps each one's raw output in
` + "`docs/bench/`" + `, then ` + "`go run ./internal/perfdoc -o docs/performance.md docs/bench`" + ` (also
` + "`go generate ./internal/perfdoc`" + `) writes this file from them. The benchmarks read the real unit
lists in ` + "`../shared/data`" + ` and skip when it is absent.

The machine measured shares its cores with other work and with its host, which takes back a
varying share of them (` + "`steal-%`" + `), so compare versions on the CPU-time columns (` + "`cpu-s/op`" + `,
` + "`plan-cpu-s`, `person-years/cpu-s`, `cpu-s/1000runs`" + `); wall-clock figures (` + "`s/op`" + `, go test's
ns/op in seconds, and the other ` + "`…/s`" + ` columns) depend on the load.
`

// Render writes the Markdown document for files, in the order given.
func Render(w io.Writer, files []File) error {
	var b strings.Builder
	b.WriteString(intro)
	last := ""
	for _, f := range families(files) {
		if f.name != last {
			fmt.Fprintf(&b, "\n## %s\n", f.name)
			if s := about[f.name]; s != "" {
				b.WriteString("\n" + s + "\n")
			}
			last = f.name
		}
		writeFamily(&b, f)
	}
	var missing []*File
	for i := range files {
		if len(files[i].Results) == 0 {
			missing = append(missing, &files[i])
		}
	}
	if len(missing) > 0 {
		b.WriteString("\n## Not measured in this version\n\n")
		for _, f := range missing {
			fmt.Fprintf(&b, "- `%s`", f.Config["command"])
			if s := f.Config["status"]; s != "" {
				fmt.Fprintf(&b, " (%s)", s)
			}
			b.WriteString("\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// families groups the results of files by benchmark function, each
// file's results apart, in familyOrder.
func families(files []File) []family {
	var out []family
	for i := range files {
		f := &files[i]
		at := map[string]int{}
		for _, r := range f.Results {
			name, _, _ := strings.Cut(r.Name, "/")
			j, ok := at[name]
			if !ok {
				j = len(out)
				at[name] = j
				out = append(out, family{name: name, file: f})
			}
			out[j].rows = append(out[j].rows, r)
		}
	}
	rank := func(name string) int {
		if i := slices.Index(familyOrder, name); i >= 0 {
			return i
		}
		return len(familyOrder)
	}
	slices.SortStableFunc(out, func(a, b family) int {
		if c := rank(a.name) - rank(b.name); c != 0 {
			return c
		}
		return strings.Compare(a.name, b.name)
	})
	return out
}

// writeFamily writes one family's command, machine and table.
func writeFamily(b *strings.Builder, f family) {
	b.WriteString("\n")
	if c := f.file.Config["command"]; c != "" {
		fmt.Fprintf(b, "```sh\n%s\n```\n\n", c)
	}
	fmt.Fprintf(b, "%s\n\n", machine(f))
	units := columns(f.rows)
	b.WriteString("| benchmark | runs |")
	for _, u := range units {
		fmt.Fprintf(b, " %s |", unitLabel(u))
	}
	b.WriteString("\n|---|---:|" + strings.Repeat("---:|", len(units)) + "\n")
	for _, r := range f.rows {
		_, sub, _ := strings.Cut(r.Name, "/")
		if sub == "" {
			sub = r.Name
		}
		fmt.Fprintf(b, "| %s | %d |", escape(sub), r.Iterations)
		for _, u := range units {
			cell := ""
			for _, m := range r.Metrics {
				if m.Unit == u {
					cell = formatValue(scale(m))
					break
				}
			}
			fmt.Fprintf(b, " %s |", cell)
		}
		b.WriteString("\n")
	}
}

// machine describes where a family was measured, from its file's header.
func machine(f family) string {
	c := f.file.Config
	parts := []string{}
	if c["goos"] != "" || c["goarch"] != "" {
		parts = append(parts, c["goos"]+"/"+c["goarch"])
	}
	if c["cpu"] != "" {
		parts = append(parts, c["cpu"])
	}
	if len(f.rows) > 0 {
		parts = append(parts, "GOMAXPROCS "+strconv.Itoa(f.rows[0].Procs))
	}
	return "Machine: " + strings.Join(parts, ", ") + "."
}

// columns lists the units of rows in order of first appearance.
func columns(rows []Result) []string {
	var units []string
	for _, r := range rows {
		for _, m := range r.Metrics {
			if !slices.Contains(units, m.Unit) {
				units = append(units, m.Unit)
			}
		}
	}
	return units
}

// scale shows ns/op in seconds, which the long benchmarks need.
func scale(m Metric) float64 {
	if m.Unit == "ns/op" {
		return m.Value / 1e9
	}
	return m.Value
}

func unitLabel(u string) string {
	if u == "ns/op" {
		return "s/op"
	}
	return escape(u)
}

// escape keeps a cell's text from breaking the table.
func escape(s string) string { return strings.ReplaceAll(s, "|", `\|`) }

// formatValue writes v with three significant digits (trailing zeros
// dropped), or as a whole number with thousands separators from 100 up.
func formatValue(v float64) string {
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0):
		return strconv.FormatFloat(v, 'g', -1, 64)
	case v == 0:
		return "0"
	case math.Abs(v) >= 100:
		return group(strconv.FormatFloat(math.Round(v), 'f', 0, 64))
	}
	digits := max(2-int(math.Floor(math.Log10(math.Abs(v)))), 0)
	s := strconv.FormatFloat(v, 'f', digits, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

// group puts a comma between each three digits of a whole number.
func group(s string) string {
	sign := ""
	if s[0] == '-' {
		sign, s = "-", s[1:]
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return sign + b.String()
}
