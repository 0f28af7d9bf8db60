package scenarios

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/tables"
)

// TestMalformed loads every file in testdata/bad and checks that it fails
// with the error its first line announces ("# want: line:col: path: msg",
// or a full "file:line:col: …" when the error is in another file; a
// trailing "..." matches any rest of the message).
func TestMalformed(t *testing.T) {
	files, err := filepath.Glob("testdata/bad/*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 30 {
		t.Fatalf("only %d malformed scenarios in testdata/bad; the foundation issue asks for at least 30", len(files))
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".yaml"), func(t *testing.T) {
			want := wantLine(t, file)
			if want[0] >= '0' && want[0] <= '9' {
				want = file + ":" + want
			}
			_, err := Load(file)
			if err == nil {
				t.Fatalf("Load(%s) succeeded; want error %q", file, want)
			}
			errs := tables.Errors(err)
			if len(errs) == 0 {
				t.Fatalf("Load(%s) = %v, not a positioned error", file, err)
			}
			for _, e := range errs {
				if matchWant(e.Error(), want) {
					return
				}
			}
			t.Errorf("Load(%s) errors:\n%v\nwant one matching:\n%s", file, err, want)
		})
	}
}

func wantLine(t *testing.T, file string) string {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	line, _, _ := bufio.NewReader(bytes.NewReader(b)).ReadLine()
	want, ok := strings.CutPrefix(string(line), "# want: ")
	if !ok {
		t.Fatalf("%s: first line must be \"# want: <error>\"", file)
	}
	return want
}

func matchWant(got, want string) bool {
	if prefix, ok := strings.CutSuffix(want, "..."); ok {
		return strings.HasPrefix(got, prefix)
	}
	return got == want
}
