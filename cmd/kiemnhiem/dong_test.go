package main

import (
	"regexp"
	"strings"
	"testing"
)

// englishDong finds money written "dong" in English console text; the
// currency is "đồng" in every language (as in the report and the model).
var englishDong = regexp.MustCompile(`\bdong\b`)

// TestEnglishConsoleSaysĐồng runs the commands that print money in
// English and finds "đồng", never "dong".
func TestEnglishConsoleSaysĐồng(t *testing.T) {
	dir := t.TempDir()
	rearr, _ := writeArt19Roster(t, dir)
	for _, tt := range []struct {
		name string
		args []string
	}{
		{"optimize", []string{"optimize", tiny, "--lang", "en"}},
		{"optimize net cost", []string{"optimize", tiny, "--objective", "cost", "--lang", "en"}},
		{"rearrange", []string{"rearrange", rearr, "--lang", "en"}},
	} {
		code, out, errOut := cli(t, tt.args...)
		if code != exitOK {
			t.Fatalf("%s: exit %d: %s", tt.name, code, errOut)
		}
		if !strings.Contains(out, " đồng") {
			t.Errorf("%s: no amount in đồng:\n%s", tt.name, out)
		}
		if m := englishDong.FindString(out); m != "" {
			t.Errorf("%s: money written %q:\n%s", tt.name, m, out)
		}
	}
}
