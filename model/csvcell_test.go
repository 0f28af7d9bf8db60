package model

import "testing"

func TestSpreadsheetSafe(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"Nguyễn Văn An", "Nguyễn Văn An"},
		{"=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"},
		{"+cmd", "'+cmd"},
		{"-1+2", "'-1+2"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\tx", "'\tx"},
		{"\rx", "'\rx"},
		{"-5", "-5"},
		{"-1234.5", "-1234.5"},
		{"+3", "+3"},
		{"2025-01-01", "2025-01-01"},
	}
	for _, tt := range tests {
		if got := SpreadsheetSafe(tt.in); got != tt.want {
			t.Errorf("SpreadsheetSafe(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestSpreadsheetTextRoundTrip: every cell SpreadsheetSafe writes reads
// back as it was, quotes and formula characters included.
func TestSpreadsheetTextRoundTrip(t *testing.T) {
	for _, s := range []string{"", "a", "'", "''", "'x", "''x", "'=x", "=SUM(A1)", "@", "@x", "+84 912",
		"-5", "-x", "\tx", "\rx", "'-5", "Nguyễn Văn An", "42011-01"} {
		if got := SpreadsheetText(SpreadsheetSafe(s)); got != s {
			t.Errorf("SpreadsheetText(SpreadsheetSafe(%q)) = %q", s, got)
		}
	}
}
