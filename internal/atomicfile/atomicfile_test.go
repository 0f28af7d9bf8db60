package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func TestWrite(t *testing.T) {
	boom := errors.New("boom")
	tests := []struct {
		name    string
		write   func(io.Writer) error
		want    string // file content afterwards
		wantErr error
	}{
		{"replaces", func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }, "new", nil},
		{"keeps old on error", func(w io.Writer) error { io.WriteString(w, "half"); return boom }, "old", boom},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "out.csv")
			if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
				t.Fatal(err)
			}
			err := Write(path, tt.write)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("Write error = %v, want %v", err, tt.wantErr)
			}
			got, _ := os.ReadFile(path)
			if string(got) != tt.want {
				t.Errorf("content = %q, want %q", got, tt.want)
			}
			entries, _ := os.ReadDir(dir)
			if len(entries) != 1 {
				t.Errorf("directory holds %d files, want only out.csv", len(entries))
			}
		})
	}
}

func TestCheckDistinct(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "units.csv")
	tests := []struct {
		name    string
		outputs []string
		wantErr bool
	}{
		{"different", []string{filepath.Join(dir, "people.csv")}, false},
		{"same", []string{filepath.Join(dir, ".", "units.csv")}, true},
	}
	for _, tt := range tests {
		if err := CheckDistinct([]string{in}, tt.outputs); (err != nil) != tt.wantErr {
			t.Errorf("%s: err = %v, wantErr %v", tt.name, err, tt.wantErr)
		}
	}
}

func TestCheckOutside(t *testing.T) {
	root := t.TempDir()
	data := filepath.Join(root, "data")
	if err := os.MkdirAll(data, 0o755); err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(data, "units.csv")
	if err := os.WriteFile(in, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	inputs := []string{in, "presets/nd33-2023.yaml", ""} // an embedded preset is no file
	for _, tc := range []struct {
		name    string
		dir     string
		wantErr bool
	}{
		{"the input's directory", data, true},
		{"a directory above it", root, true},
		{"a sibling directory", filepath.Join(root, "out"), false},
		{"a directory below it", filepath.Join(data, "out"), false},
		{"a name that only starts the same", data + "-out", false},
	} {
		err := CheckOutside(tc.dir, inputs)
		if (err != nil) != tc.wantErr || (err != nil && !errors.Is(err, ErrInputInside)) {
			t.Errorf("%s: err = %v, wantErr %v", tc.name, err, tc.wantErr)
		}
	}
}
