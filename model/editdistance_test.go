package model

import "testing"

func TestEditDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"truong-thon", "truong-thon", 0},
		{"truong-thon", "truong-thonn", 1},
		{"truong-thon", "truomg-thon", 1},
		{"kitten", "sitting", 3},
		{"Trưởng thôn", "Truong thon", 3},
		{"thôn", "", 4},
	} {
		if got := EditDistance(c.a, c.b); got != c.want {
			t.Errorf("EditDistance(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
		if got := EditDistance(c.b, c.a); got != c.want {
			t.Errorf("EditDistance(%q, %q) = %d, want %d", c.b, c.a, got, c.want)
		}
	}
}
