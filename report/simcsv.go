package report

import (
	"encoding/csv"
	"io"
	"slices"
	"strconv"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// Row kinds in percentiles.csv and windows.csv.
const (
	kindLevel      = "level"      // a scenario's own values
	kindDifference = "difference" // variant minus baseline, run by run (savings: baseline cost minus variant cost)
)

var (
	percentilesColumns = []string{"scenario", "kind", "metric", "unit", "year", "date", "p5", "p25", "p50", "p75", "p95", "mean", "metric_name"}
	windowsColumns     = []string{"scenario", "kind", "metric", "unit", "years", "discount_rate", "p5", "p25", "p50", "p75", "p95", "mean", "metric_name"}
)

// WritePercentilesCSV writes percentiles.csv: one row per scenario, metric
// and year, the levels of every scenario, then the differences of the
// variant (its metrics, then its savings).
func WritePercentilesCSV(w io.Writer, sum *SimulateSummary) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(percentilesColumns); err != nil {
		return err
	}
	var years []yearOfPlan
	rows := func(scenario, kind string, ms []SimSeries) error {
		for _, m := range ms {
			for i, y := range years {
				rec := []string{scenario, kind, m.Metric, m.Unit, strconv.Itoa(y.n), y.start.String(),
					FormatValue(m.Unit, m.P5[i]), FormatValue(m.Unit, m.P25[i]), FormatValue(m.Unit, m.P50[i]),
					FormatValue(m.Unit, m.P75[i]), FormatValue(m.Unit, m.P95[i]), FormatValue(m.Unit, m.Mean[i]),
					MetricName(m.Metric, sum.Lang)}
				if err := cw.Write(model.SpreadsheetSafeRecord(rec)); err != nil {
					return err
				}
			}
		}
		return nil
	}
	for _, r := range sum.Results() {
		years = r.years
		if err := rows(r.Scenario, kindLevel, r.Metrics); err != nil {
			return err
		}
	}
	if d := sum.Difference; d != nil {
		if err := rows(d.Variant, kindDifference, append(slices.Clone(d.Metrics), d.Savings)); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteWindowsCSV writes windows.csv, the 5- and 10-year totals at the
// summary's discount rate: every scenario's cost and allowance, then the
// variant's net savings.
func WriteWindowsCSV(w io.Writer, sum *SimulateSummary) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(windowsColumns); err != nil {
		return err
	}
	r := strconv.FormatFloat(sum.DiscountRate, 'f', -1, 64)
	rows := func(scenario, kind string, ws []SimWindow) error {
		for _, x := range ws {
			rec := []string{scenario, kind, x.Metric, x.Unit, strconv.Itoa(x.Years), r,
				FormatValue(x.Unit, x.P5), FormatValue(x.Unit, x.P25), FormatValue(x.Unit, x.P50),
				FormatValue(x.Unit, x.P75), FormatValue(x.Unit, x.P95), FormatValue(x.Unit, x.Mean),
				MetricName(x.Metric, sum.Lang)}
			if err := cw.Write(model.SpreadsheetSafeRecord(rec)); err != nil {
				return err
			}
		}
		return nil
	}
	for _, res := range sum.Results() {
		if err := rows(res.Scenario, kindLevel, res.Windows); err != nil {
			return err
		}
	}
	if d := sum.Difference; d != nil {
		if err := rows(d.Variant, kindDifference, d.NetSavings); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
