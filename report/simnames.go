package report

import "github.com/kiemnhiem/kiemnhiem/model"

// The names a reader sees in a simulation summary: the metrics' names and
// the scenarios' display names in the summary's language, next to the keys
// and ids a program reads (which never change with the language).

// nameMetrics names every metric series and window of the summary in its
// language (MetricName).
func (s *SimulateSummary) nameMetrics() {
	name := func(ms SimMetrics, ws []SimWindow) {
		for i := range ms {
			ms[i].Name = MetricName(ms[i].Metric, s.Lang)
		}
		for i := range ws {
			ws[i].Name = MetricName(ws[i].Metric, s.Lang)
		}
	}
	for _, r := range s.Results() {
		name(r.Metrics, r.Windows)
	}
	if d := s.Difference; d != nil {
		name(d.Metrics, d.NetSavings)
		d.Savings.Name = MetricName(d.Savings.Metric, s.Lang)
	}
}

// NameScenarios sets the display names (ScenarioName, in the summary's
// language) of the summary's scenarios from their models, matched by id;
// a scenario without a model keeps its id as its name.
func (s *SimulateSummary) NameScenarios(models ...*model.Scenario) {
	name := func(id string) string {
		for _, m := range models {
			if m != nil && m.Name == id {
				return ScenarioName(m, s.Lang)
			}
		}
		return id
	}
	s.Name = name(s.Scenario)
	for _, r := range s.Results() {
		r.Name = name(r.Scenario)
	}
	if d := s.Difference; d != nil {
		d.VariantName, d.BaselineName = name(d.Variant), name(d.Baseline)
	}
}

// DisplayName is the scenario's name for readers: its display name when
// NameScenarios set one, its id otherwise.
func (r *SimResult) DisplayName() string {
	if r.Name != "" {
		return r.Name
	}
	return r.Scenario
}
