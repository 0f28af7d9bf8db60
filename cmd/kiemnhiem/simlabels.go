package main

import (
	"unicode/utf8"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/sim"
)

// savingsText names the savings series of a comparison (not one of
// sim.Metrics: the baseline's cost minus the variant's).
var savingsText = model.Text{Vi: "Tiết kiệm (chi phí gốc − so sánh)", En: "savings"}

// metricLabel is how simulate's console tables name a metric: in
// Vietnamese its name for readers, in English its key as in the JSON and
// CSV files (which the manual lists with their meaning).
func metricLabel(key string, lang model.Lang) string {
	if lang == model.English {
		return key
	}
	if key == "savings" {
		return savingsText.Vi
	}
	if m, ok := sim.MetricIndex(key); ok {
		return m.Text().In(lang)
	}
	return key
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
