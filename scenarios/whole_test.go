package scenarios

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
	"github.com/kiemnhiem/kiemnhiem/tables"
)

// intLeaf is one whole-number field of the file format: its path with every
// list at index 0, and a document holding only it, set to a placeholder.
type intLeaf struct {
	path string
	t    reflect.Type
	doc  func(v any) any
}

// intLeaves lists every integer field reachable from t, entering each
// struct type once on a path (a title's changes are titles).
func intLeaves(t reflect.Type, path string, wrap func(any) any, within ...reflect.Type) []intLeaf {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch {
	case isInteger(t):
		return []intLeaf{{path, t, wrap}}
	case t.Kind() == reflect.Slice:
		return intLeaves(t.Elem(), path+"[0]", func(v any) any { return wrap([]any{v}) }, within...)
	case t.Kind() == reflect.Struct:
		if slices.Contains(within, t) {
			return nil
		}
		within = append(within[:len(within):len(within)], t)
		var out []intLeaf
		for i := range t.NumField() {
			name := strings.Split(t.Field(i).Tag.Get("yaml"), ",")[0]
			p := name
			if path != "" {
				p = path + "." + name
			}
			out = append(out, intLeaves(t.Field(i).Type, p, func(v any) any { return wrap(map[string]any{name: v}) }, within...)...)
		}
		return out
	}
	return nil
}

// TestWholeNumberFields checks that every integer field of the file format
// rejects a number with a fraction, at its path, and takes a whole number
// written as a float.
func TestWholeNumberFields(t *testing.T) {
	leaves := intLeaves(reflect.TypeOf(fileDoc{}), "", func(v any) any { return v })
	if len(leaves) < 30 {
		t.Fatalf("found only %d integer fields in the file format", len(leaves))
	}
	for _, leaf := range leaves {
		t.Run(leaf.path, func(t *testing.T) {
			for _, tt := range []struct {
				value any
				want  string // "" for success
			}{
				{2.5, "expected " + describeType(leaf.t) + ", got the number 2.5"},
				{"7.25", "expected " + describeType(leaf.t) + ", got \"7.25\""},
				{-1e30, "number -1e+30 is out of range for " + describeType(leaf.t)},
				{3.0, ""},
			} {
				src, err := yaml.Marshal(leaf.doc(tt.value))
				if err != nil {
					t.Fatal(err)
				}
				_, err = parseFile("x.yaml", "", false, src)
				if tt.want == "" {
					if err != nil {
						t.Errorf("%s\n%v, want no error", src, err)
					}
					continue
				}
				e, ok := err.(*tables.Error)
				if !ok {
					t.Fatalf("%s\ngot %v, want a positioned error", src, err)
				}
				if e.Path != leaf.path || e.Msg != tt.want || e.Line < 1 {
					t.Errorf("%s\ngot %v\nwant x.yaml:…: %s: %s", src, e, leaf.path, tt.want)
				}
			}
		})
	}
}

func TestDecimalIsWhole(t *testing.T) {
	for _, tt := range []struct {
		s         string
		whole, ok bool
	}{
		{"2340000.5", false, true},
		{"2340000.0", true, true},
		{"2340000.0000000001", false, true},
		{"2.34e6", true, true},
		{"2.345678e3", false, true},
		{"1500e-2", true, true},
		{"1510e-2", false, true},
		{"0.05e2", true, true},
		{"0.005e2", false, true},
		{"-0.0", true, true},
		{".5", false, true},
		{"5.", true, true},
		{"+1_000.5", false, true},
		{"1_000.0", true, true},
		{"0x10", false, false},
		{".inf", false, false},
		{"1e99999", false, false},
		{".", false, false},
	} {
		whole, ok := decimalIsWhole(tt.s)
		if whole != tt.whole || ok != tt.ok {
			t.Errorf("decimalIsWhole(%q) = %v, %v; want %v, %v", tt.s, whole, ok, tt.whole, tt.ok)
		}
	}
}
