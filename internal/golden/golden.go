// Package golden compares test output with golden files kept in testdata/.
//
// A test calls Assert with the path of its golden file and the bytes it
// produced. Normally Assert reads the file and reports a readable diff when
// the two differ; run the tests with -update to rewrite the golden files
// instead:
//
//	go test ./report -run TestChart -update
//
// and review the change with git diff before committing it. Because the flag
// is registered by this package, a test package that imports golden must not
// define its own -update flag.
package golden

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// Update, set by the -update test flag, makes Assert rewrite golden files
// instead of comparing against them.
var Update = flag.Bool("update", false, "rewrite golden files")

// maxDiffLines is how many lines of each side a diff shows at most.
const maxDiffLines = 10

// contextLines is how many unchanged lines a diff shows around a change.
const contextLines = 2

// Assert compares got with the golden file at path. With -update it writes got
// to path instead, atomically and creating missing directories. A mismatch or
// a missing file is reported with t.Error, so a test can check several golden
// files and see every difference at once.
func Assert(t testing.TB, path string, got []byte) {
	t.Helper()
	if err := check(path, got, *Update); err != nil {
		t.Error(err)
	}
}

// Current fails t unless the file at path holds exactly got. It is for a
// committed file a generator writes, which -update leaves alone: stale
// says how to make it again.
func Current(t testing.TB, path string, got []byte, stale string) {
	t.Helper()
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error(stale)
	}
}

// check writes got to path when update is set and otherwise compares got with
// the contents of path, returning an error that describes any difference.
func check(path string, got []byte, update bool) error {
	if update {
		if err := writeAtomic(path, got); err != nil {
			return fmt.Errorf("golden: updating %s: %w", path, err)
		}
		return nil
	}
	want, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("golden: %s does not exist; run the test with -update to create it", path)
	}
	if err != nil {
		return fmt.Errorf("golden: %w", err)
	}
	if bytes.Equal(want, got) {
		return nil
	}
	return fmt.Errorf("golden: output differs from %s (- want, + got); run the test with -update to accept it\n%s",
		path, Diff(want, got))
}

// writeAtomic writes data to a temporary file next to path and renames it into
// place, so an interrupted update never leaves a truncated golden file.
func writeAtomic(path string, data []byte) (err error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if _, err := f.Write(data); err != nil {
		return err
	}
	if err := f.Chmod(0o644); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}

// Diff returns a unified-style hunk showing where want and got differ: the
// lines that are the same at the start and at the end are trimmed, and what
// remains is shown as numbered "-" (want) and "+" (got) lines, at most
// maxDiffLines of each, with a little unchanged context around them. It
// returns "" when want and got are equal.
func Diff(want, got []byte) string {
	if bytes.Equal(want, got) {
		return ""
	}
	w, g := splitLines(want), splitLines(got)

	// Common prefix and suffix, in whole lines (terminators included).
	pre := 0
	for pre < len(w) && pre < len(g) && w[pre] == g[pre] {
		pre++
	}
	suf := 0
	for suf < len(w)-pre && suf < len(g)-pre && w[len(w)-1-suf] == g[len(g)-1-suf] {
		suf++
	}
	wMid, gMid := w[pre:len(w)-suf], g[pre:len(g)-suf]

	var b strings.Builder
	fmt.Fprintf(&b, "@@ first difference at line %d: want has %d lines, got has %d @@\n", pre+1, len(w), len(g))
	for i := max(0, pre-contextLines); i < pre; i++ {
		writeLine(&b, ' ', i+1, w[i])
	}
	writeSide(&b, '-', pre, wMid)
	writeSide(&b, '+', pre, gMid)
	after := w[len(w)-suf:]
	for i := 0; i < len(after) && i < contextLines; i++ {
		writeLine(&b, ' ', len(w)-suf+i+1, after[i])
	}
	return b.String()
}

// writeSide writes the changed lines of one side, numbered from start+1.
func writeSide(b *strings.Builder, sign byte, start int, lines []string) {
	for i, l := range lines {
		if i == maxDiffLines {
			fmt.Fprintf(b, "%c      … %d more lines\n", sign, len(lines)-i)
			return
		}
		writeLine(b, sign, start+i+1, l)
	}
}

// writeLine writes one numbered diff line. Lines with control characters
// (such as a carriage return) are quoted so that the difference is visible,
// and a last line without a newline is marked as in unified diffs.
func writeLine(b *strings.Builder, sign byte, n int, line string) {
	text, hasNL := strings.CutSuffix(line, "\n")
	if strings.ContainsFunc(text, func(r rune) bool { return (r < ' ' && r != '\t') || r == 0x7f }) {
		text = strconv.Quote(text)
	}
	fmt.Fprintf(b, "%c%5d | %s\n", sign, n, text)
	if !hasNL {
		b.WriteString("\\ No newline at end of file\n")
	}
}

// splitLines splits s into lines that keep their "\n"; only the last line may
// lack it. Empty input has no lines.
func splitLines(s []byte) []string {
	if len(s) == 0 {
		return nil
	}
	lines := strings.SplitAfter(string(s), "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}
