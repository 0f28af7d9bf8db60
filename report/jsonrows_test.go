package report

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// The compact layout is only a layout: the JSON means what the plain
// indented encoding means.
func TestEncodeJSONRows(t *testing.T) {
	v := map[string]any{
		"list": []float64{1, 2.5, -3}, "empty": []int{}, "objects": []map[string]any{{"a": 1, "b": "x["}, {"c": []int{1}}},
		"nested": [][]int{{1, 2}, {3}}, "s": "a\nb",
	}
	rows, err := EncodeJSONRows(v)
	if err != nil {
		t.Fatal(err)
	}
	var plain bytes.Buffer
	if err := WriteJSON(&plain, v); err != nil {
		t.Fatal(err)
	}
	var a, b any
	if err := json.Unmarshal(rows, &a); err != nil {
		t.Fatalf("%v\n%s", err, rows)
	}
	if err := json.Unmarshal(plain.Bytes(), &b); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a, b) {
		t.Errorf("compact JSON means something else:\n%s\nplain:\n%s", rows, plain.Bytes())
	}
	if !strings.Contains(string(rows), `"list": [1, 2.5, -3]`) || !strings.Contains(string(rows), `{"a": 1, "b": "x["}`) {
		t.Errorf("lists or simple objects not on one line:\n%s", rows)
	}
}
