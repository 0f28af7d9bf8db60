package tables

import (
	"bytes"
	"unicode/utf8"
)

// Text encodings. Inputs are UTF-8. What a Vietnamese planner's Excel
// saves instead — "Unicode Text" (UTF-16), "CSV (Comma delimited)" in
// Windows-1258, an .xls workbook, a semicolon-separated CSV where the comma
// is the decimal mark — would otherwise be read as garbage names or give a
// message that prints garbage; CheckText names the cause and what to save
// instead. Windows-1258 cannot be told from other code pages by its bytes,
// and any non-ASCII text in it is invalid UTF-8, so it is reported as that,
// at the first invalid byte.

// Advice on how to save an input in a form that is read.
const (
	SaveAsCSV  = `in Excel, save it as "CSV UTF-8 (Comma delimited)" (or as an Excel Workbook, .xlsx)`
	SaveAsText = "save it as UTF-8 text"
	SaveAsXLSX = `in Excel, save it as "Excel Workbook (.xlsx)" (or as "CSV UTF-8 (Comma delimited)")`
)

var (
	bomUTF8    = []byte("\ufeff")
	magicOLE2  = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	magicZip   = []byte("PK\x03\x04")
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// CheckText checks that b, the contents of the file name, is UTF-8 text,
// and returns it without the UTF-8 byte-order mark Excel and Notepad write.
// Otherwise it returns an [*Error] at the first offending byte that says
// what the file seems to be and, with advice, what to do.
func CheckText(name string, b []byte, advice string) ([]byte, error) {
	if what := binaryKind(b); what != "" {
		return nil, (&Error{File: name, Line: 1, Col: 1}).Setf(errorsVi, "not text but %s: %s", what, advice)
	}
	b = bytes.TrimPrefix(b, bomUTF8)
	if i := bytes.IndexByte(b, 0); i >= 0 {
		line, col := textPos(b, i)
		return nil, (&Error{File: name, Line: line, Col: col}).Setf(errorsVi, "a NUL byte: this is not a text file: %s", advice)
	}
	if !utf8.Valid(b) {
		i := firstInvalid(b)
		line, col := textPos(b, i)
		return nil, (&Error{File: name, Line: line, Col: col}).Setf(errorsVi,
			"byte 0x%02X is not valid UTF-8: the file is in another encoding (Windows-1258, Vietnamese ANSI?): %s", b[i], advice)
	}
	return b, nil
}

// binaryKind names the format b starts with when it is a known non-UTF-8
// one, or returns "".
func binaryKind(b []byte) string {
	switch {
	case bytes.HasPrefix(b, magicOLE2):
		return "an Excel 97-2003 workbook (.xls) or an encrypted workbook"
	case bytes.HasPrefix(b, magicZip):
		return "a ZIP archive (an .xlsx workbook?)"
	case bytes.HasPrefix(b, bomUTF16LE), len(b) >= 2 && b[0] != 0 && b[1] == 0:
		return `UTF-16 little-endian text (Excel's "Unicode Text")`
	case bytes.HasPrefix(b, bomUTF16BE), len(b) >= 2 && b[0] == 0 && b[1] != 0:
		return "UTF-16 big-endian text"
	}
	return ""
}

// firstInvalid is the index of the first byte of b that is not part of a
// valid UTF-8 sequence; len(b) when there is none.
func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// textPos is the 1-based line and column (in characters, as an editor
// shows them) of byte i of b.
func textPos(b []byte, i int) (line, col int) {
	start := bytes.LastIndexByte(b[:i], '\n') + 1
	line = bytes.Count(b[:start], []byte{'\n'}) + 1
	return line, utf8.RuneCount(b[start:i]) + 1
}
