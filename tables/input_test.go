package tables

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestOpenInput checks the refusals every input reader shares: a missing
// file, a directory, a device, a pipe and a file over the cap (a sparse
// file, so that nothing of that size is written), each naming the file.
func TestOpenInput(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "small.csv")
	if err := os.WriteFile(small, []byte("code\n1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	sparse := filepath.Join(dir, "huge.csv")
	if err := os.WriteFile(sparse, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(sparse, MaxCSVBytes+1); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "fifo.csv")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	for _, tc := range []struct {
		path string
		max  int64
		want string // "" for success
	}{
		{small, 100, ""},
		{small, 3, small + ": too large: 7 bytes, more than the limit of 3 bytes for this kind of input"},
		{sparse, MaxCSVBytes, sparse + ": too large: 67108865 bytes, more than the limit of 64 MiB for this kind of input"},
		{filepath.Join(dir, "absent.csv"), 100, filepath.Join(dir, "absent.csv") + ": no such file or directory"},
		{dir, 100, dir + ": not a regular file but a directory"},
		{"/dev/zero", 100, "/dev/zero: not a regular file but a device (such as /dev/zero)"},
		{fifo, 100, fifo + ": not a regular file but a named pipe"},
	} {
		b, err := ReadInput(tc.path, tc.max)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("ReadInput(%s): %v", tc.path, err)
		case tc.want == "" && string(b) != "code\n1\n":
			t.Errorf("ReadInput(%s) = %q", tc.path, b)
		case tc.want != "" && (err == nil || err.Error() != tc.want):
			t.Errorf("ReadInput(%s) = %v, want %s", tc.path, err, tc.want)
		case tc.want != "" && !errors.As(err, new(*Error)):
			t.Errorf("ReadInput(%s): %T is not an *Error", tc.path, err)
		}
	}
}

// TestReadCSVCapped checks that a CSV reader stops at MaxCSVBytes also
// when it reads a stream that has no size, such as a pipe.
func TestReadCSVCapped(t *testing.T) {
	_, err := ReadUnits(zeros{}, "stream.csv", UnitSelect{})
	if err == nil || !strings.HasPrefix(err.Error(), "stream.csv: too large: more than the limit of 64 MiB") {
		t.Errorf("ReadUnits(endless) = %v", err)
	}
}

// zeros is an endless reader of zero bytes, like /dev/zero.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}
