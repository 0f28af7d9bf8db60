package model

import "strconv"

// SpreadsheetSafe returns a CSV cell that a spreadsheet shows as the text
// s instead of running it: text beginning with =, +, -, @, a tab or a
// carriage return is a formula to Excel and LibreOffice, so it gets a
// leading single quote (OWASP's advice against CSV injection). Text that
// already begins with a quote gets one more, as a spreadsheet would need,
// so that [SpreadsheetText] reads every cell back as it was. Numbers,
// negative ones too, are left alone so that they stay numbers.
func SpreadsheetSafe(s string) string {
	if s == "" || !quoted(s[0]) {
		return s
	}
	if _, err := strconv.ParseFloat(s, 64); err == nil {
		return s
	}
	return "'" + s
}

// SpreadsheetText is the text of a CSV cell as a spreadsheet shows it: a
// leading single quote before a character SpreadsheetSafe quotes is not
// part of the text. SpreadsheetText(SpreadsheetSafe(s)) is s.
func SpreadsheetText(s string) string {
	if len(s) >= 2 && s[0] == '\'' && quoted(s[1]) {
		return s[1:]
	}
	return s
}

// quoted reports whether a cell beginning with b needs a leading quote.
func quoted(b byte) bool {
	switch b {
	case '=', '+', '-', '@', '\t', '\r', '\'':
		return true
	}
	return false
}

// SpreadsheetSafeRecord returns rec with every cell made SpreadsheetSafe.
func SpreadsheetSafeRecord(rec []string) []string {
	out := make([]string, len(rec))
	for i, s := range rec {
		out[i] = SpreadsheetSafe(s)
	}
	return out
}
