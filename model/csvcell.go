package model

import "strconv"

// SpreadsheetSafe returns a CSV cell that a spreadsheet shows as the text
// s instead of running it: text beginning with =, +, -, @, a tab or a
// carriage return is a formula to Excel and LibreOffice, so it gets a
// leading single quote (OWASP's advice against CSV injection). Numbers,
// negative ones too, are left alone so that they stay numbers.
func SpreadsheetSafe(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		if _, err := strconv.ParseFloat(s, 64); err == nil {
			return s
		}
		return "'" + s
	}
	return s
}

// SpreadsheetSafeRecord returns rec with every cell made SpreadsheetSafe.
func SpreadsheetSafeRecord(rec []string) []string {
	out := make([]string, len(rec))
	for i, s := range rec {
		out[i] = SpreadsheetSafe(s)
	}
	return out
}
