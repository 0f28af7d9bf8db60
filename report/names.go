package report

import (
	"strings"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/optimize"
	"github.com/kiemnhiem/kiemnhiem/sim"
)

// ScenarioName is the name readers see for a scenario in lang: its display
// name ("NĐ 33/2023", "Decree 33/2023"), or its name when it has none.
// Chart legends, table rows and headings use it; file names keep the
// scenario's name.
func ScenarioName(s *model.Scenario, lang model.Lang) string {
	if s == nil {
		return ""
	}
	return s.DisplayName(lang)
}

// scenarioLabel names a scenario for the reader: its display name, and
// for the as-is plan (today's holdings, status optimize.AsIs) without a
// display name of its own "As it is today" before its name.
func scenarioLabel(s Scenario, lang model.Lang) string {
	name := ScenarioName(s.Model, lang)
	if s.Plan != nil && s.Plan.Status == optimize.AsIs && s.Model.Display == (model.Text{}) {
		return lang.Pick("Hiện trạng", "As it is today") + " (" + name + ")"
	}
	return name
}

// namedSim is a simulation whose results carry their scenarios' labels.
type namedSim struct{ *sim.Comparison }

// result is the i-th result, the baseline first.
func (n namedSim) result(i int) *sim.Result {
	if i == 0 {
		return n.Baseline
	}
	return n.Variants[i-1]
}

// labelledSim is c's simulation with every result and difference named by
// its scenario's label, for the charts' legends and titles; the results'
// figures are shared, not copied.
func (c *Comparison) labelledSim() namedSim {
	label := func(i int, r *sim.Result) *sim.Result {
		if r == nil || i >= len(c.Scenarios) {
			return r
		}
		cp := *r
		cp.Scenario = scenarioLabel(c.Scenarios[i], c.Lang)
		return &cp
	}
	out := &sim.Comparison{Baseline: label(0, c.Sim.Baseline)}
	for i, v := range c.Sim.Variants {
		out.Variants = append(out.Variants, label(i+1, v))
	}
	for i, d := range c.Sim.Differences {
		if i+1 < len(c.Scenarios) {
			d.Variant = scenarioLabel(c.Scenarios[i+1], c.Lang)
		}
		out.Differences = append(out.Differences, d)
	}
	return namedSim{out}
}

// readerFiles are the files a scenario read that a reader can open: the
// user's own scenario and data files. The embedded presets (presets/…)
// are the program's, named in the report by their display names and
// cited by their documents instead.
func readerFiles(files []string) []string {
	var out []string
	for _, f := range files {
		if !strings.HasPrefix(f, "presets/") {
			out = append(out, f)
		}
	}
	return out
}

// savingsName names the savings series of a comparison (not one of
// sim.Metrics: the baseline's cost minus the variant's).
var savingsName = model.Text{Vi: "Tiết kiệm (chi phí gốc − so sánh)", En: "Savings (baseline − variant cost)"}

// MetricName is a simulation metric's name for readers in lang, by its key
// in the files ("vacant_title_months" → "Chức danh trống
// (chức danh-tháng)"); an unknown key is shown as it is.
func MetricName(key string, lang model.Lang) string {
	if key == "savings" {
		return savingsName.In(lang)
	}
	if m, ok := sim.MetricIndex(key); ok {
		return m.Text().In(lang)
	}
	return key
}
