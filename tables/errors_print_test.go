package tables

import "testing"

// TestErrorPrintable: an error quoting input with control characters
// prints them escaped, so that it cannot drive the terminal.
func TestErrorPrintable(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain Tiếng Việt", "plain Tiếng Việt"},
		{"\x1b[31mred", `\x1b[31mred`},
		{"a\rb\nc\td", `a\x0db\x0ac\x09d`},
		{"del\x7f", `del\x7f`},
		{"c1\u009b", `c1\u009b`},
		{"bad\xffutf8", `bad\xffutf8`},
	}
	for _, tt := range tests {
		if got := Printable(tt.in); got != tt.want {
			t.Errorf("Printable(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	e := &Error{File: "p\x1b.csv", Line: 1, Col: 2, Path: "x\x1by", Msg: "m\x1b"}
	if got, want := e.Error(), `p\x1b.csv:1:2: x\x1by: m\x1b`; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}
