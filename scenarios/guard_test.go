package scenarios

import (
	"errors"
	"strings"
	"testing"
)

// TestTagsRefused checks that every explicit tag is refused at its place
// with its field path; "titles: !!null" crashed go-yaml's decoder.
func TestTagsRefused(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"extends: nd33-2023\ntitles: !!null\n", "s.yaml:2:9: titles: YAML tags (!!null) are not supported: write the value without it"},
		{"extends: nd33-2023\ntitles: !!seq []\n", "s.yaml:2:9: titles: YAML tags (!!seq) are not supported: write the value without it"},
		{"extends: nd33-2023\ntitles: !foo\n", "s.yaml:2:9: titles: YAML tags (!foo) are not supported: write the value without it"},
		{"extends: nd33-2023\nname: !!str x\n", "s.yaml:2:7: name: YAML tags (!!str) are not supported: write the value without it"},
		{"extends: nd33-2023\ndate: !!timestamp 2025-01-01\n", "s.yaml:2:7: date: YAML tags (!!timestamp) are not supported: write the value without it"},
		{"extends: nd33-2023\ntitles:\n  - id: x\n    remove: !!bool true\n", "s.yaml:4:13: titles[0].remove: YAML tags (!!bool) are not supported: write the value without it"},
		{"extends: !!str nd33-2023\n", "s.yaml:1:10: extends: YAML tags (!!str) are not supported: write the value without it"},
	} {
		_, err := LoadBytes("s.yaml", "", []byte(tc.src))
		if err == nil || err.Error() != tc.want {
			t.Errorf("%q: got %v, want %s", tc.src, err, tc.want)
		}
	}
}

// TestGuardedPanic checks the last resort: a panic inside go-yaml becomes
// an error naming the file and carrying the panic value.
func TestGuardedPanic(t *testing.T) {
	err := guarded("s.yaml", func() error { panic("index out of range") })
	want := "s.yaml:1:1: the YAML library failed on this file (index out of range); please report it with the file"
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
	plain := errors.New("plain")
	if err := guarded("s.yaml", func() error { return plain }); err != plain {
		t.Errorf("guarded changed an error: %v", err)
	}
}

// TestScenarioEncodings checks the byte-level checks of scenario files: a
// byte-order mark is skipped (it used to be refused), other encodings and
// oversized text are refused with a position.
func TestScenarioEncodings(t *testing.T) {
	if _, err := LoadBytes("s.yaml", "", []byte("\ufeffextends: nd33-2023\n")); err != nil {
		t.Errorf("byte-order mark: %v", err)
	}
	for _, tc := range []struct{ src, want string }{
		{"\ufeffextends: nd33-2023\nfoo: 1\n", "s.yaml:2:1: foo: unknown field"},
		{"extends: nd33-2023\nname: T\xecnh\n", "s.yaml:2:8: byte 0xEC is not valid UTF-8"},
		{"\xff\xfee\x00x\x00", "s.yaml:1:1: not text but UTF-16 little-endian text"},
		{"name: x\n" + strings.Repeat("#", maxScenarioBytes), "s.yaml:1:1: too large: 262152 bytes, more than the limit of 256 KiB for a scenario"},
	} {
		_, err := LoadBytes("s.yaml", "", []byte(tc.src))
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%.30q: got %v, want %s…", tc.src, err, tc.want)
		}
	}
}
