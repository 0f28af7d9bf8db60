package atomicfile

import (
	"context"
	"errors"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func text(s string) func(io.Writer) error {
	return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
}

func failing(io.Writer) error { return errors.New("disk full") }

// listing lists dir's entries and the contents of its regular files.
func listing(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		out[e.Name()] = string(b)
	}
	return out
}

// TestWriteSet: a set replaces the old set whole or not at all, keeps the
// files it did not write, and leaves nothing beside the directory.
func TestWriteSet(t *testing.T) {
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name  string
		ctx   context.Context
		files []File
		ok    bool
		want  map[string]string // a and notes are always there
	}{
		{"replaces", context.Background(), []File{{"a", text("A2")}}, true, map[string]string{"a": "A2", "notes": "mine"}},
		{"write error", context.Background(), []File{{"a", text("A2")}, {"b", failing}}, false, map[string]string{"a": "A1", "b": "B1", "notes": "mine"}},
		{"cancelled", cancelled, []File{{"a", text("A2")}, {"b", text("B2")}}, false, map[string]string{"a": "A1", "b": "B1", "notes": "mine"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parent := t.TempDir()
			dir := filepath.Join(parent, "out")
			if err := WriteSet(context.Background(), dir, "test", []File{{"a", text("A1")}, {"b", text("B1")}}); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, "notes"), []byte("mine"), 0o644); err != nil {
				t.Fatal(err)
			}
			err := WriteSet(tt.ctx, dir, "test", tt.files)
			if (err == nil) != tt.ok {
				t.Fatalf("err = %v, want ok %v", err, tt.ok)
			}
			got := listing(t, dir)
			delete(got, manifestName)
			if len(got) != len(tt.want) {
				t.Errorf("directory holds %v, want %v", got, tt.want)
			}
			for k, v := range tt.want {
				if got[k] != v {
					t.Errorf("%s = %q, want %q", k, got[k], v)
				}
			}
			if names := slices.Sorted(maps.Keys(listing(t, parent))); !slices.Equal(names, []string{"out"}) {
				t.Errorf("parent holds %v, want only out", names)
			}
			if !WrittenBy(dir, "a", "test") || WrittenBy(dir, "notes", "test") || WrittenBy(dir, "a", "other") {
				t.Errorf("WrittenBy does not follow the manifest")
			}
		})
	}
}

// TestCleanStale: leftovers of a killed run are removed, and an old set
// whose directory went missing between two renames is put back.
func TestCleanStale(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "out")
	for _, d := range []string{".out" + stageNew + "1", ".out" + stageOld + "2"} {
		if err := os.MkdirAll(filepath.Join(parent, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	CleanStale(dir)
	got := listing(t, parent)
	if _, ok := got["out"]; len(got) != 1 || !ok {
		t.Errorf("after CleanStale the parent holds %v, want only out (the old set restored)", got)
	}
	if err := os.WriteFile(filepath.Join(dir, ".a.tmp-1"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	CleanStale(dir)
	if got := listing(t, dir); len(got) != 0 {
		t.Errorf("temporary files left: %v", got)
	}
}

// TestWriteSetOverFile: a set is never written over a file.
func TestWriteSetOverFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "f")
	if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteSet(context.Background(), p, "test", nil); !errors.Is(err, ErrNotDir) {
		t.Errorf("err = %v, want ErrNotDir", err)
	}
}

// TestWriteSetForeignDirectory: a directory that holds a directory no set
// wrote (a home or project directory given as --out) is refused and left
// exactly as it was; plain files of the user's are still carried over.
func TestWriteSetForeignDirectory(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "home")
	if err := os.MkdirAll(filepath.Join(dir, "projects"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o600); err != nil {
		t.Fatal(err)
	}
	before := listing(t, dir)
	err := WriteSet(context.Background(), dir, "test", []File{{"a.csv", text("new")}})
	if !errors.Is(err, ErrForeignEntry) {
		t.Fatalf("err = %v, want ErrForeignEntry", err)
	}
	if after := listing(t, dir); !maps.Equal(after, before) {
		t.Errorf("directory changed: %v, want %v", after, before)
	}
	if st, err := os.Stat(filepath.Join(dir, "projects")); err != nil || st.Mode().Perm() != 0o700 {
		t.Errorf("projects: %v, %v; want the user's directory untouched", st, err)
	}
	siblings, _ := os.ReadDir(filepath.Dir(dir))
	if len(siblings) != 1 {
		t.Errorf("%d entries beside the directory, want only it", len(siblings))
	}
}
