package main

import (
	"unicode/utf8"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/report"
	"github.com/kiemnhiem/kiemnhiem/scenarios"
)

// metricLabel is how simulate's console tables name a metric: in
// Vietnamese its name for readers (report.MetricName), in English its key
// as in the JSON and CSV files (which the manual lists with their meaning).
func metricLabel(key string, lang model.Lang) string {
	if lang == model.English {
		return key
	}
	return report.MetricName(key, lang)
}

// labelWidth is the width of the metric column: the longest label shown,
// at least 26 characters as the English keys need.
func labelWidth(keys []string, lang model.Lang) int {
	w := 26
	for _, k := range keys {
		w = max(w, utf8.RuneCountInString(metricLabel(k, lang)))
	}
	return w
}

// simModels lists the models of the loaded scenarios, for their display
// names (nil for one not loaded).
func simModels(loaded []*scenarios.Scenario) []*model.Scenario {
	out := make([]*model.Scenario, len(loaded))
	for i, s := range loaded {
		if s != nil {
			out[i] = &s.Scenario
		}
	}
	return out
}
