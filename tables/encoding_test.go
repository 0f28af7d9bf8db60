package tables

import (
	"strings"
	"testing"
	"unicode/utf16"
)

// utf16LE encodes s as UTF-16 little-endian, as Excel's "Unicode Text".
func utf16LE(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

func TestCheckText(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   []byte
		want string // the text returned, or "error: " and the error
	}{
		{"utf8", []byte("id,name\nP1,Nguyễn Văn An\n"), "id,name\nP1,Nguyễn Văn An\n"},
		{"bom", []byte("\ufeffid\n"), "id\n"},
		{"empty", nil, ""},
		{"windows-1258", []byte("id,name\nP1,Nguy\xea\xden\n"),
			"error: f:2:8: byte 0xEA is not valid UTF-8: the file is in another encoding (Windows-1258, Vietnamese ANSI?): advice"},
		{"stray byte after bom", []byte("\ufeffab\n\xffc"), "error: f:2:1: byte 0xFF is not valid UTF-8: the file is in another encoding (Windows-1258, Vietnamese ANSI?): advice"},
		{"truncated sequence", []byte("ab\xe1\xbb"), "error: f:1:3: byte 0xE1 is not valid UTF-8: the file is in another encoding (Windows-1258, Vietnamese ANSI?): advice"},
		{"utf-16le bom", append([]byte{0xFF, 0xFE}, utf16LE("id\n")...), `error: f:1:1: not text but UTF-16 little-endian text (Excel's "Unicode Text"): advice`},
		{"utf-16le", utf16LE("id\n"), `error: f:1:1: not text but UTF-16 little-endian text (Excel's "Unicode Text"): advice`},
		{"utf-16be bom", []byte{0xFE, 0xFF, 0, 'i'}, "error: f:1:1: not text but UTF-16 big-endian text: advice"},
		{"utf-16be", []byte{0, 'i', 0, 'd'}, "error: f:1:1: not text but UTF-16 big-endian text: advice"},
		{"xls", []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0}, "error: f:1:1: not text but an Excel 97-2003 workbook (.xls) or an encrypted workbook: advice"},
		{"xlsx", []byte("PK\x03\x04\x14\x00"), "error: f:1:1: not text but a ZIP archive (an .xlsx workbook?): advice"},
		{"nul", []byte("id\nab\x00c"), "error: f:2:3: a NUL byte: this is not a text file: advice"},
	} {
		got, err := CheckText("f", tc.in, "advice")
		s := string(got)
		if err != nil {
			s = "error: " + err.Error()
		}
		if s != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, s, tc.want)
		}
	}
}

// TestCSVFormats checks that the CSV readers name a file saved in the
// wrong format, where they used to print garbage.
func TestCSVFormats(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"semicolons", "code;name;level\n1;A;province\n", "u.csv:1:5: the header is one column with semicolons in it: the file is separated by semicolons, not commas: " + SaveAsCSV},
		{"tabs", "code\tname\n", "u.csv:1:5: the header is one column with tabs in it: the file is separated by tabs, not commas: " + SaveAsCSV},
		{"bom accepted", "\ufeffcode,name\n", "u.csv:1:1: unrecognised header"},
	} {
		_, err := ReadUnits(strings.NewReader(tc.in), "u.csv", UnitSelect{})
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%s: got %v, want %s…", tc.name, err, tc.want)
		}
	}
	_, err := ReadPeople(strings.NewReader("id;name\n"), "p.csv", nil)
	if err == nil || !strings.HasPrefix(err.Error(), "p.csv:1:3: the header is one column with semicolons") {
		t.Errorf("people with semicolons: %v", err)
	}
}

func FuzzCheckText(f *testing.F) {
	for _, s := range []string{"id\n", "\ufeffid", "\xff\xfei\x00", "a\x00b", "P1,Nguy\xea\xden"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		got, err := CheckText("f", b, "advice")
		if err != nil {
			e := err.(*Error)
			if e.Line < 1 || e.Col < 1 {
				t.Fatalf("error without a position: %v", err)
			}
			return
		}
		if strings.HasPrefix(string(got), "\ufeff") && !strings.HasPrefix(string(b), "\ufeff\ufeff") {
			t.Fatalf("byte-order mark kept")
		}
	})
}
