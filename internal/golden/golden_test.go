package golden

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	many := func(prefix string, n int) string {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, "%s %d\n", prefix, i)
		}
		return b.String()
	}
	tests := []struct {
		name    string
		file    *string // golden file contents before the call; nil: no file
		got     string
		update  bool
		wantErr []string // substrings of the error; none: no error
		wantNot []string // substrings the error must not contain
		after   *string  // golden file contents after the call; nil: unchanged
	}{
		{
			name: "equal",
			file: ptr("a\nb\nc\n"),
			got:  "a\nb\nc\n",
		},
		{
			name:    "missing file",
			got:     "x\n",
			wantErr: []string{"does not exist", "-update"},
		},
		{
			name: "one line changed",
			file: ptr("l1\nl2\nl3\nl4\nl5\nl6\n"),
			got:  "l1\nl2\nl3\nCHANGED\nl5\nl6\n",
			wantErr: []string{
				"differs", "-update", "first difference at line 4",
				"     2 | l2\n", "     3 | l3\n",
				"-    4 | l4\n", "+    4 | CHANGED\n",
				"     5 | l5\n",
			},
			wantNot: []string{"| l1\n"}, // only two lines of context
		},
		{
			name:    "line inserted",
			file:    ptr("a\nb\n"),
			got:     "a\nnew\nb\n",
			wantErr: []string{"first difference at line 2", "+    2 | new\n", "     2 | b\n"},
			wantNot: []string{"-    2"},
		},
		{
			name:    "missing final newline",
			file:    ptr("a\nb\n"),
			got:     "a\nb",
			wantErr: []string{"-    2 | b\n", "+    2 | b\n\\ No newline at end of file"},
		},
		{
			name:    "carriage return made visible",
			file:    ptr("a\n"),
			got:     "a\r\n",
			wantErr: []string{"-    1 | a\n", `+    1 | "a\r"`},
		},
		{
			name:    "long difference truncated",
			file:    ptr(many("want", 30)),
			got:     many("got", 30),
			wantErr: []string{"-    1 | want 0\n", "-   10 | want 9\n", "… 20 more lines", "+   10 | got 9\n"},
			wantNot: []string{"want 10\n", "got 10\n"},
		},
		{
			name:   "update writes the file",
			file:   ptr("old\n"),
			got:    "new\n",
			update: true,
			after:  ptr("new\n"),
		},
		{
			name:   "update creates directories",
			got:    "fresh\n",
			update: true,
			after:  ptr("fresh\n"),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "testdata", "sub", "out.golden")
			if tt.file != nil {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(*tt.file), 0o644); err != nil {
					t.Fatal(err)
				}
			}

			err := check(path, []byte(tt.got), tt.update)

			if len(tt.wantErr) == 0 && err != nil {
				t.Fatalf("unexpected error: %v", err)
			}
			if len(tt.wantErr) > 0 {
				if err == nil {
					t.Fatalf("no error, want one containing %q", tt.wantErr)
				}
				for _, s := range tt.wantErr {
					if !strings.Contains(err.Error(), s) {
						t.Errorf("error does not contain %q:\n%v", s, err)
					}
				}
				for _, s := range tt.wantNot {
					if strings.Contains(err.Error(), s) {
						t.Errorf("error contains %q but should not:\n%v", s, err)
					}
				}
			}

			want := tt.file
			if tt.after != nil {
				want = tt.after
			}
			if want != nil {
				b, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				if string(b) != *want {
					t.Errorf("golden file holds %q, want %q", b, *want)
				}
				if fi, err := os.Stat(path); err == nil && fi.Mode().Perm() != 0o644 && tt.update {
					t.Errorf("golden file mode %v, want 0644", fi.Mode().Perm())
				}
			}
			// An update leaves no temporary files behind.
			entries, _ := os.ReadDir(filepath.Dir(path))
			for _, e := range entries {
				if e.Name() != "out.golden" {
					t.Errorf("stray file %s left next to the golden file", e.Name())
				}
			}
		})
	}
}

func TestDiffEqual(t *testing.T) {
	if d := Diff([]byte("same\n"), []byte("same\n")); d != "" {
		t.Errorf("Diff of equal inputs = %q, want empty", d)
	}
}

// recorder is a testing.TB that records errors instead of failing.
type recorder struct {
	testing.TB
	errs []string
}

func (r *recorder) Helper()           {}
func (r *recorder) Error(args ...any) { r.errs = append(r.errs, fmt.Sprint(args...)) }

func TestAssert(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a", "b.golden")

	// -update creates the file, after which Assert passes on the same bytes.
	old := *Update
	*Update = true
	Assert(t, path, []byte("hello\n"))
	*Update = old
	if *Update {
		t.Skip("-update is set: the comparison half of this test would be meaningless")
	}
	Assert(t, path, []byte("hello\n"))

	// A mismatch is reported through the TB.
	r := &recorder{TB: t}
	Assert(r, path, []byte("bye\n"))
	if len(r.errs) != 1 || !strings.Contains(r.errs[0], "+    1 | bye") {
		t.Errorf("Assert on a mismatch reported %q, want one error with the diff", r.errs)
	}
}

func ptr(s string) *string { return &s }
