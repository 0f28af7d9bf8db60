// Package atomicfile writes output files so that a reader never sees a
// half-written one: the data goes to a temporary file in the same directory
// which is renamed over the target only when everything was written.
package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
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

// CheckDistinct fails when any output path names the same file as an
// input (after cleaning and resolving symbolic links where they exist).
func CheckDistinct(inputs, outputs []string) error {
	canon := func(p string) string {
		abs, err := filepath.Abs(p)
		if err != nil {
			return filepath.Clean(p)
		}
		if r, err := filepath.EvalSymlinks(abs); err == nil {
			return r
		}
		return abs
	}
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
