package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/kiemnhiem/kiemnhiem/internal/atomicfile"
)

// checkOutDir refuses, before any work is done (a usage error, exit 2), an
// output directory flag that names a file or a directory kiemnhiem could
// not replace whole: one that holds a directory no earlier set wrote.
func checkOutDir(flag, dir string) error {
	if st, err := os.Stat(dir); err == nil && !st.IsDir() {
		return usagef("%s: %s is a file; give a directory", flag, dir)
	}
	if n, ok := atomicfile.ForeignEntry(dir); ok {
		return usagef("%s: %s holds %s, which kiemnhiem did not write; give a directory of its own", flag, dir, n)
	}
	return nil
}

// checkExportFile refuses an --export-mps that names a directory.
func checkExportFile(path string) error {
	st, err := os.Stat(path)
	if (err == nil && st.IsDir()) || strings.HasSuffix(path, string(filepath.Separator)) {
		return usagef("--export-mps: %s is a directory; give a file name ending in .mps or .lp", path)
	}
	return nil
}

// refuseRosters refuses to replace a roster file (units.csv, people.csv)
// in dir that the last set kind wrote there did not write, unless force:
// it may be the roster another scenario reads.
func refuseRosters(dir, kind string, names []string, force bool) error {
	if force {
		return nil
	}
	for _, n := range names {
		p := filepath.Join(dir, n)
		if _, err := os.Lstat(p); err == nil && !atomicfile.WrittenBy(dir, n, kind) {
			return usagef("--out: %s exists and was not written by kiemnhiem %s: give --force to replace it, or another --out", p, kind)
		}
	}
	return nil
}

// writeSet writes the files of one output set into dir, all or none (see
// atomicfile.WriteSet); a signal during the writing leaves dir as it was.
func writeSet(ctx context.Context, dir, kind string, files []atomicfile.File) error {
	err := atomicfile.WriteSet(ctx, dir, kind, files)
	if err != nil && ctx.Err() != nil {
		return fmt.Errorf("%s: %w", kind, errInterrupted)
	}
	return err
}
