package sim

import "testing"

// TestMetricKeys checks that every metric's String is its key in files,
// that MetricIndex finds it by that key, and that the keys are distinct.
func TestMetricKeys(t *testing.T) {
	seen := map[string]bool{}
	for m := range numMetrics {
		key := m.String()
		if key == "" || key != Metrics[m].Name || seen[key] {
			t.Errorf("metric %d: key %q (Metrics: %q, seen before: %v)", int(m), key, Metrics[m].Name, seen[key])
		}
		seen[key] = true
		if got, ok := MetricIndex(key); !ok || got != m {
			t.Errorf("MetricIndex(%q) = %v, %v; want %v", key, got, ok, m)
		}
	}
	for _, tc := range []struct {
		m    Metric
		want string
	}{{Headcount, "headcount"}, {ExitsReleased, "exits_released"}, {-1, "Metric(-1)"}, {numMetrics, "Metric(17)"}} {
		if got := tc.m.String(); got != tc.want {
			t.Errorf("Metric(%d).String() = %q, want %q", int(tc.m), got, tc.want)
		}
	}
	if _, ok := MetricIndex("no_such_metric"); ok {
		t.Error("MetricIndex found a metric that does not exist")
	}
}
