package report

import (
	"encoding/json"
	"reflect"
	"testing"
)

// SimMetrics reads back what it writes, in its order (not sorted by name).
func TestSimMetricsRoundTrip(t *testing.T) {
	tests := []struct {
		name string
		ms   SimMetrics
	}{
		{"none", SimMetrics{}},
		{"out of name order", SimMetrics{
			{Metric: "headcount", Unit: "people", P5: []float64{1, 2}, P25: []float64{2, 3}, P50: []float64{3, 4}, P75: []float64{4, 5}, P95: []float64{5, 6}, Mean: []float64{3, 4}},
			{Metric: "cost", Unit: "dong", P50: []float64{1e9}},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := json.Marshal(tt.ms)
			if err != nil {
				t.Fatal(err)
			}
			var got SimMetrics
			if err := json.Unmarshal(b, &got); err != nil {
				t.Fatalf("%s: %v", b, err)
			}
			if !reflect.DeepEqual(got, tt.ms) {
				t.Errorf("read back %+v\nwant %+v", got, tt.ms)
			}
		})
	}
}

func TestSimMetricsUnmarshalJSONErrors(t *testing.T) {
	for _, in := range []string{`[]`, `{"cost": 1}`, `{"cost": {"p50": "x"}}`} {
		var ms SimMetrics
		if err := json.Unmarshal([]byte(in), &ms); err == nil {
			t.Errorf("%s read as %+v, want an error", in, ms)
		}
	}
	ms := SimMetrics{{Metric: "cost"}}
	if err := json.Unmarshal([]byte(`null`), &ms); err != nil || len(ms) != 1 {
		t.Errorf("null: %v, %+v; want no change", err, ms)
	}
}
