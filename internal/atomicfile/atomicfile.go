// Package atomicfile writes output files so that a reader never sees a
// half-written one.
//
// Write writes one file: the data goes to a temporary file in the same
// directory which is renamed over the target only when everything was
// written. WriteSet writes a set of files (a report, a plan with its
// summary) into a fresh sibling directory and then exchanges it with the
// output directory, so that the directory holds either the complete old set
// or the complete new set, never a mix: an error, a full disk or a signal
// before the exchange leaves the old set untouched.
//
// What a rename cannot guarantee: the staging directory is a sibling of
// the output so that the rename stays on one filesystem (a rename across
// filesystems fails, and then nothing is replaced); a SIGKILL or a power
// cut can leave a staging directory (".NAME.kiemnhiem-new-*") or, where
// the system has no atomic exchange (renameat2 on Linux), an old set
// (".NAME.kiemnhiem-old-*") beside the output; the next WriteSet on the
// same directory, or CleanStale, removes them and restores an old set
// whose directory is missing. Durability after a crash of the machine is
// what the filesystem gives: files are synced, directories are not.
package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// Write creates or replaces path with what write produces. On any error,
// including one returned by write, the target is left as it was and the
// temporary file is removed.
func Write(path string, write func(w io.Writer) error) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = write(tmp); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err = os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}

// ErrSameFile is returned by CheckDistinct when an output would overwrite
// an input.
var ErrSameFile = errors.New("output would overwrite an input")

// canon is p made absolute and clean, with symbolic links resolved where
// they exist.
func canon(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return filepath.Clean(p)
	}
	if r, err := filepath.EvalSymlinks(abs); err == nil {
		return r
	}
	return abs
}

// CheckDistinct fails when any output path names the same file as an
// input (after cleaning and resolving symbolic links where they exist).
func CheckDistinct(inputs, outputs []string) error {
	in := map[string]string{}
	for _, p := range inputs {
		if p != "" {
			in[canon(p)] = p
		}
	}
	for _, p := range outputs {
		if orig, ok := in[canon(p)]; ok {
			return fmt.Errorf("%w: %s is also the input %s", ErrSameFile, p, orig)
		}
	}
	return nil
}

// ErrInputInside is returned by CheckOutside when an output directory holds
// an input.
var ErrInputInside = errors.New("output directory holds an input")

// CheckOutside fails when directory dir, or any directory below it, holds
// one of the input files (compared as CheckDistinct does). Inputs that are
// not files on disk, such as embedded presets, are not held anywhere.
func CheckOutside(dir string, inputs []string) error {
	d := canon(dir)
	for _, in := range inputs {
		if st, err := os.Stat(in); in == "" || err != nil || st.IsDir() {
			continue
		}
		rel, err := filepath.Rel(d, canon(in))
		if err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return fmt.Errorf("%w: %s holds %s", ErrInputInside, dir, in)
		}
	}
	return nil
}
