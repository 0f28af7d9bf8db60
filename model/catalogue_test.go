package model

import "testing"

func TestCatalogueVi(t *testing.T) {
	c := Catalogue{
		"expected %s, got %q":  "cần %s, nhận được %q",
		"a number":             "một số",
		"%s names %s (col %d)": "%[2]s trùng %[1]s",
	}
	for _, tc := range []struct {
		format string
		args   []any
		want   string
	}{
		{"expected %s, got %q", []any{"a number", "x"}, `cần một số, nhận được "x"`},
		{"expected %s, got %q", []any{"a list", "y"}, `cần a list, nhận được "y"`},
		{"%s names %s (col %d)", []any{"a", "b", 3}, "b trùng a"},
		{"unknown %s", []any{"x"}, ""},
		{"expected %s, got %q", []any{"a number", "a number"}, `cần một số, nhận được "a number"`},
		{"expected %s, got %q", []any{Text{Vi: "chữ", En: "text"}, "x"}, `cần chữ, nhận được "x"`},
	} {
		if got := c.Vi(tc.format, tc.args...); got != tc.want {
			t.Errorf("Vi(%q, %v) = %q, want %q", tc.format, tc.args, got, tc.want)
		}
	}
}

func TestEnglishArgs(t *testing.T) {
	args := []any{1, Text{Vi: "chữ", En: "text"}, "s"}
	got := EnglishArgs(args)
	if got[1] != "text" || got[0] != 1 || got[2] != "s" {
		t.Errorf("EnglishArgs(%v) = %v", args, got)
	}
	if _, ok := args[1].(Text); !ok {
		t.Errorf("EnglishArgs changed its argument: %v", args)
	}
}
