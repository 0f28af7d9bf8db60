package atomicfile

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
)

// File is one file of a set: its name inside the set's directory and what
// writes its content.
type File struct {
	Name  string
	Write func(w io.Writer) error
}

// manifestName lists, one name a line, the files of the set a directory
// holds, so that the next set drops the old set's files and keeps only
// files it did not write.
const manifestName = ".kiemnhiem-set"

// Names of the sibling directories a set is staged in: a directory that
// keeps them after an interrupted run is recognised and cleaned by the
// next WriteSet on the same directory.
const (
	stageNew = ".kiemnhiem-new-"
	stageOld = ".kiemnhiem-old-"
)

// WriteSet creates or replaces directory dir so that it holds the files of
// one set, all written or none: the files are written into a fresh sibling
// directory, then that directory is exchanged with dir. Files in dir that
// the previous set did not write (per its manifest) are carried over as
// hard links; those of the previous set are dropped. On any error the old
// directory is left as it was and the staging directory removed.
//
// Leftovers of an earlier WriteSet on dir that was killed (staging
// directories named after dir) are cleaned first. A cancelled ctx stops
// the writing before the swap: nothing is replaced.
//
// kind names what writes the set ("optimize", "compare", …): it is kept
// in the manifest for WrittenBy.
func WriteSet(ctx context.Context, dir, kind string, files []File) (err error) {
	dir = canon(dir)
	parent, base := filepath.Split(dir)
	if st, serr := os.Stat(dir); serr == nil && !st.IsDir() {
		return fmt.Errorf("writing %s: %w", dir, ErrNotDir)
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("writing %s: %w", dir, err)
	}
	CleanStale(dir)
	stage, err := os.MkdirTemp(parent, "."+base+stageNew)
	if err != nil {
		return fmt.Errorf("writing %s: %w", dir, err)
	}
	staging.Store(stage, true)
	defer func() {
		staging.Delete(stage)
		if err != nil {
			os.RemoveAll(stage)
		}
	}()
	if err = os.Chmod(stage, 0o755); err != nil {
		return fmt.Errorf("writing %s: %w", dir, err)
	}
	names := make([]string, len(files))
	for i, f := range files {
		names[i] = f.Name
		if err = ctx.Err(); err != nil {
			return fmt.Errorf("writing %s: %w", dir, err)
		}
		if err = writeFile(filepath.Join(stage, f.Name), f.Write); err != nil {
			return fmt.Errorf("writing %s: %w", filepath.Join(dir, f.Name), err)
		}
	}
	if err = writeFile(filepath.Join(stage, manifestName), func(w io.Writer) error {
		_, err := io.WriteString(w, "#"+kind+"\n"+strings.Join(names, "\n")+"\n")
		return err
	}); err != nil {
		return fmt.Errorf("writing %s: %w", dir, err)
	}
	if err = carryOver(dir, stage, names); err != nil {
		return fmt.Errorf("writing %s: %w", dir, err)
	}
	if hook := writeSetHook; hook != nil {
		if err = hook(ctx, dir); err != nil {
			return fmt.Errorf("writing %s: %w", dir, err)
		}
	}
	if err = ctx.Err(); err != nil {
		return fmt.Errorf("writing %s: %w", dir, err)
	}
	if err = swap(stage, dir); err != nil {
		return fmt.Errorf("writing %s: %w", dir, err)
	}
	return nil
}

// staging holds the staging directories of the sets being written.
var staging sync.Map

// RemoveStaging removes the staging directories of the sets being
// written, for a program about to exit in the middle of WriteSet (a second
// Ctrl-C): no output directory is touched.
func RemoveStaging() {
	staging.Range(func(k, _ any) bool {
		os.RemoveAll(k.(string))
		return true
	})
}

// writeSetHook, when set, runs after a set is staged and before it is
// swapped into place: tests stop or fail a run there.
var writeSetHook func(ctx context.Context, dir string) error

// SetHook installs f as what WriteSet runs between staging a set and
// swapping it in (nil removes it). Only for tests of interrupts and
// faults.
func SetHook(f func(ctx context.Context, dir string) error) { writeSetHook = f }

// WrittenBy reports whether file name in dir belongs to the set that kind
// last wrote there, so that writing the next such set may replace it.
func WrittenBy(dir, name, kind string) bool {
	b, err := os.ReadFile(filepath.Join(dir, manifestName))
	if err != nil {
		return false
	}
	lines := strings.Split(string(b), "\n")
	return lines[0] == "#"+kind && slices.Contains(lines[1:], name)
}

// ErrNotDir is returned by WriteSet when its directory names a file.
var ErrNotDir = errors.New("not a directory")

// ErrForeignEntry is returned by WriteSet when its directory holds a
// directory or special file that no earlier set wrote: the directory is
// not one of kiemnhiem's own, and nothing in it is replaced.
var ErrForeignEntry = errors.New("is a directory or special file that no earlier set wrote: give --out a directory of its own")

// writeFile writes one file of a staged set.
func writeFile(path string, write func(io.Writer) error) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// carryOver hard-links into stage the entries of dir that neither the new
// set nor the old one (its manifest) wrote: the user's own files survive
// the swap, the old set's files do not.
func carryOver(dir, stage string, names []string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	old := setNames(dir)
	for _, e := range entries {
		n := e.Name()
		if old[n] || slices.Contains(names, n) {
			continue
		}
		if foreign(e) {
			return fmt.Errorf("%s %w", n, ErrForeignEntry)
		}
		if err := linkEntry(filepath.Join(dir, n), filepath.Join(stage, n)); err != nil {
			return err
		}
	}
	return nil
}

// setNames returns the names the last set written into dir lists in its
// manifest, the manifest included.
func setNames(dir string) map[string]bool {
	names := map[string]bool{manifestName: true}
	if b, err := os.ReadFile(filepath.Join(dir, manifestName)); err == nil {
		for _, n := range strings.Split(string(b), "\n") {
			names[n] = true
		}
	}
	return names
}

// foreign reports whether an entry no set wrote cannot be carried over:
// only plain files and links are. A directory of the user's (a home or
// project directory given as --out) is refused rather than rebuilt, which
// would lose its modes and owners.
func foreign(e os.DirEntry) bool {
	t := e.Type()
	return !t.IsRegular() && t&os.ModeSymlink == 0
}

// ForeignEntry returns the name of an entry of dir that WriteSet would
// refuse to carry over (ErrForeignEntry), so that a command can refuse its
// output directory before doing any work.
func ForeignEntry(dir string) (string, bool) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return "", false
	}
	old := setNames(dir)
	for _, e := range entries {
		if !old[e.Name()] && foreign(e) {
			return e.Name(), true
		}
	}
	return "", false
}

// linkEntry hard-links file src as dst, or copies symbolic link src.
func linkEntry(src, dst string) error {
	if fi, err := os.Lstat(src); err == nil && fi.Mode()&os.ModeSymlink != 0 {
		l, err := os.Readlink(src)
		if err != nil {
			return err
		}
		return os.Symlink(l, dst)
	}
	return os.Link(src, dst)
}

// swap puts stage in the place of dir and removes the old dir: an atomic
// exchange where the system has one, else two renames (between them dir
// is briefly absent; CleanStale restores the old set if a kill falls
// there).
func swap(stage, dir string) error {
	if _, err := os.Lstat(dir); errors.Is(err, os.ErrNotExist) {
		return os.Rename(stage, dir)
	}
	// The new set is in place once the exchange or the second rename is
	// done: removing the old one may fail (CleanStale retries) without
	// failing the write.
	if exchange(stage, dir) == nil {
		os.RemoveAll(stage) // now the old set
		return nil
	}
	parent, base := filepath.Split(dir)
	old, err := os.MkdirTemp(parent, "."+base+stageOld)
	if err != nil {
		return err
	}
	if err := os.Remove(old); err != nil {
		return err
	}
	if err := os.Rename(dir, old); err != nil {
		return err
	}
	if err := os.Rename(stage, dir); err != nil {
		os.Rename(old, dir)
		return err
	}
	os.RemoveAll(old)
	return nil
}

// CleanStale removes what an interrupted WriteSet on dir left beside it:
// staging directories of a new set, and old sets already replaced; an old
// set whose directory is missing (a kill between two renames) is put back.
// Temporary files of Write ("."+name+".tmp-*") in dir are removed too.
func CleanStale(dir string) {
	dir = canon(dir)
	parent, base := filepath.Split(dir)
	news, _ := filepath.Glob(filepath.Join(parent, "."+globEscape(base)+stageNew+"*"))
	olds, _ := filepath.Glob(filepath.Join(parent, "."+globEscape(base)+stageOld+"*"))
	for _, p := range news {
		os.RemoveAll(p)
	}
	for _, p := range olds {
		if _, err := os.Lstat(dir); errors.Is(err, os.ErrNotExist) && os.Rename(p, dir) == nil {
			continue
		}
		os.RemoveAll(p)
	}
	tmps, _ := filepath.Glob(filepath.Join(dir, ".*.tmp-*"))
	for _, p := range tmps {
		os.Remove(p)
	}
}

// globEscape quotes the characters filepath.Match treats specially.
func globEscape(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `*`, `\*`, `?`, `\?`, `[`, `\[`)
	return r.Replace(s)
}
