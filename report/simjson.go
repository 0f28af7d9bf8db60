package report

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/sim"
)

// SimulateSummary is the summary of a simulation as JSON (what kiemnhiem
// simulate --json prints and --out writes as summary.json). Without a
// baseline the scenario's result is inline; with one, it is under baseline
// and variant, and difference holds the paired differences.
type SimulateSummary struct {
	Scenario     string  `json:"scenario"`
	Name         string  `json:"name,omitempty"` // the scenario's display name in Lang (NameScenarios)
	Start        string  `json:"start"`
	Years        int     `json:"years"`
	Runs         int     `json:"runs"`
	Seed         uint64  `json:"seed"`
	DiscountRate float64 `json:"discount_rate"`
	Replan       bool    `json:"replan"`
	*SimResult
	Baseline   *SimResult     `json:"baseline,omitempty"`
	Variant    *SimResult     `json:"variant,omitempty"`
	Difference *SimDifference `json:"difference,omitempty"`

	Lang model.Lang `json:"-"` // language of a human summary
}

// SimResult is one scenario's result in a [SimulateSummary].
type SimResult struct {
	Scenario         string       `json:"scenario"`
	Name             string       `json:"name,omitempty"` // display name in the summary's language
	InitialHeadcount int          `json:"initial_headcount"`
	Seats            int          `json:"seats"`
	Replans          []SimReplan  `json:"replans"`
	Metrics          SimMetrics   `json:"metrics"`
	Windows          []SimWindow  `json:"windows"`
	years            []yearOfPlan // for the CSV files
}

// SimDifference is a variant against the baseline in a [SimulateSummary].
type SimDifference struct {
	Variant      string      `json:"variant"`
	Baseline     string      `json:"baseline"`
	VariantName  string      `json:"variant_name,omitempty"`  // display names in the
	BaselineName string      `json:"baseline_name,omitempty"` // summary's language
	Metrics      SimMetrics  `json:"metrics"`
	Savings      SimSeries   `json:"savings"`
	NetSavings   []SimWindow `json:"net_savings"`
}

// SimReplan is one re-plan of a simulation: its date, why, and the plan's
// headcount and changes.
type SimReplan struct {
	Date      string           `json:"date"`
	Reason    sim.ReplanReason `json:"reason"`
	Headcount int              `json:"headcount"`
	Changed   int              `json:"changed"`
	Kept      int              `json:"kept"`
	// A village rearrangement on this date: villages absorbed, communes
	// under a provisional head until provisional_until, people released
	// because their village was absorbed and the severance regime.
	Merged           int    `json:"merged,omitempty"`
	Provisional      int    `json:"provisional_communes,omitempty"`
	ProvisionalUntil string `json:"provisional_until,omitempty"`
	Rearranged       int    `json:"released_by_rearrangement,omitempty"`
	Regime           string `json:"severance_regime,omitempty"`
}

// SimSeries is one metric's distribution: element y of each list is year
// y+1. Values are rounded as [Round] does.
type SimSeries struct {
	Metric string    `json:"-"`    // the key in SimMetrics
	Name   string    `json:"name"` // the metric's name for readers, in the summary's language
	Unit   string    `json:"unit"`
	P5     []float64 `json:"p5"`
	P25    []float64 `json:"p25"`
	P50    []float64 `json:"p50"`
	P75    []float64 `json:"p75"`
	P95    []float64 `json:"p95"`
	Mean   []float64 `json:"mean"`
}

// SimMetrics is an object keyed by metric name, in the order of
// sim.Metrics (a Go map would be sorted by name).
type SimMetrics []SimSeries

// MarshalJSON writes the metrics as an object in their order.
func (ms SimMetrics) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, s := range ms {
		if i > 0 {
			b.WriteByte(',')
		}
		k, err := json.Marshal(s.Metric)
		if err != nil {
			return nil, err
		}
		v, err := json.Marshal(s)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// UnmarshalJSON reads the object MarshalJSON writes, in its order, each
// series' Metric set to its key, so a summary.json reads back as a
// [SimulateSummary].
func (ms *SimMetrics) UnmarshalJSON(data []byte) error {
	if string(bytes.TrimSpace(data)) == "null" {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return fmt.Errorf("report: metrics: expected an object, got %v (%v)", tok, err)
	}
	out := SimMetrics{}
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return fmt.Errorf("report: metrics: %w", err)
		}
		s := SimSeries{Metric: key.(string)} // in an object, a key is a string
		if err := dec.Decode(&s); err != nil {
			return fmt.Errorf("report: metrics: %s: %w", s.Metric, err)
		}
		out = append(out, s)
	}
	*ms = out
	return nil
}

// SimWindow is a total over the first Years years (cost, allowance or net
// savings).
type SimWindow struct {
	Metric string  `json:"metric"`
	Name   string  `json:"name"` // the metric's name for readers, in the summary's language
	Unit   string  `json:"unit"`
	Years  int     `json:"years"`
	P5     float64 `json:"p5"`
	P25    float64 `json:"p25"`
	P50    float64 `json:"p50"`
	P75    float64 `json:"p75"`
	P95    float64 `json:"p95"`
	Mean   float64 `json:"mean"`
}

// yearOfPlan is one simulated year: its number from 1 and its first day.
type yearOfPlan struct {
	n     int
	start model.Date
}

// NewSimulateSummary turns the simulator's answer into the summary: cmp
// holds a baseline alone (Config.Run) or a baseline and one variant
// (Config.Compare); cfg is the configuration it ran with.
func NewSimulateSummary(cmp *sim.Comparison, cfg sim.Config, lang model.Lang) *SimulateSummary {
	b := cmp.Baseline
	sum := &SimulateSummary{
		Scenario: b.Scenario, Start: b.Start.String(), Years: b.Years, Runs: b.Runs, Seed: b.Seed,
		DiscountRate: cfg.DiscountRate, Replan: cfg.Assigner != nil, Lang: lang,
	}
	if len(cmp.Variants) == 0 {
		sum.SimResult = resultJSON(b)
		sum.nameMetrics()
		return sum
	}
	v := cmp.Variants[0]
	sum.Scenario = v.Scenario
	sum.Baseline, sum.Variant = resultJSON(b), resultJSON(v)
	sum.Difference = differenceJSON(&cmp.Differences[0], b.Scenario)
	sum.nameMetrics()
	return sum
}

// Results lists the scenarios' own results, baseline first.
func (s *SimulateSummary) Results() []*SimResult {
	if s.SimResult != nil {
		return []*SimResult{s.SimResult}
	}
	return []*SimResult{s.Baseline, s.Variant}
}

func seriesJSON(s sim.Series) SimSeries {
	out := SimSeries{Metric: s.Metric, Unit: s.Unit}
	for _, y := range s.Years {
		out.P5 = append(out.P5, Round(s.Unit, y.P5))
		out.P25 = append(out.P25, Round(s.Unit, y.P25))
		out.P50 = append(out.P50, Round(s.Unit, y.P50))
		out.P75 = append(out.P75, Round(s.Unit, y.P75))
		out.P95 = append(out.P95, Round(s.Unit, y.P95))
		out.Mean = append(out.Mean, Round(s.Unit, y.Mean))
	}
	return out
}

func metricsJSON(ss []sim.Series) SimMetrics {
	out := make(SimMetrics, len(ss))
	for i, s := range ss {
		out[i] = seriesJSON(s)
	}
	return out
}

// windowUnit is the unit of a window's metric: every window is money.
func windowUnit(metric string) string {
	if i, ok := sim.MetricIndex(metric); ok {
		return sim.Metrics[i].Unit
	}
	return moneyUnit // savings
}

func windowsJSON(ws []sim.Window) []SimWindow {
	out := make([]SimWindow, len(ws))
	for i, w := range ws {
		u := windowUnit(w.Metric)
		out[i] = SimWindow{Metric: w.Metric, Unit: u, Years: w.Years,
			P5: Round(u, w.P5), P25: Round(u, w.P25), P50: Round(u, w.P50),
			P75: Round(u, w.P75), P95: Round(u, w.P95), Mean: Round(u, w.Mean)}
	}
	return out
}

func resultJSON(r *sim.Result) *SimResult {
	out := &SimResult{
		Scenario: r.Scenario, InitialHeadcount: r.InitialHeadcount, Seats: r.Seats,
		Replans: []SimReplan{}, Metrics: metricsJSON(r.Metrics), Windows: windowsJSON(r.Windows),
	}
	for _, p := range r.Replans {
		out.Replans = append(out.Replans, mergerJSON(SimReplan{Date: p.Date.String(), Reason: p.Reason, Headcount: p.Headcount, Changed: p.Changed, Kept: p.Kept}, p))
	}
	for y := range r.Years {
		out.years = append(out.years, yearOfPlan{y + 1, r.Start.AddMonths(12 * y)})
	}
	return out
}

func differenceJSON(d *sim.Difference, baseline string) *SimDifference {
	return &SimDifference{
		Variant: d.Variant, Baseline: baseline,
		Metrics: metricsJSON(d.Metrics), Savings: seriesJSON(d.Savings), NetSavings: windowsJSON(d.NetSavings),
	}
}
