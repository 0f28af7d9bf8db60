package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The bad-input corpus: every directory under testdata/bad is one case, a
// command run on files that a planner (or a fault) could produce, with the
// exit code and the messages it must give. Each case runs as a process of
// its own (this test binary re-executing main, see TestMain) under an
// address-space limit and a timeout, so an input that would crash the
// command, exhaust memory or run for ever fails its case instead of the
// test run. The case's files are copied to a fresh directory first, and the
// inputs must come out unchanged.
//
// A case directory holds its input files and case.txt, one directive a line
// ("#" starts a comment; $DIR is the copy's directory):
//
//	args: validate $DIR/s.yaml     the command line (split on spaces)
//	exit: 1                        the exit code wanted
//	stderr: s.yaml:3:1: titles     a text stderr must contain (repeatable)
//	stderr-re: ^kiemnhiem: .*      a regexp (multi-line mode) stderr must match
//	stdout: …, stdout-re: …        the same for stdout
//	absent: out                    a path under $DIR that must not exist after
//	exists: out/plan.csv           a path under $DIR that must exist after
//	file: out/plan.csv '=HYPER     a file under $DIR that must contain a text
//	                               (after the first space)
//	memory-mb: 1024                the address-space limit (default 2048)
//	timeout: 20s                   the time limit (default 30s)
//	stdin: some text               what the command reads on stdin
//	needs: glpsol                  a program the case runs: skipped when
//	                               it is not on PATH (.ci/run installs it)
//
// Every case must also print no Go panic or runtime fatal error.

// childEnv makes the test binary run main instead of the tests.
const childEnv = "KIEMNHIEM_TEST_MAIN"

func TestMain(m *testing.M) {
	if os.Getenv(childEnv) == "1" {
		os.Args = append([]string{"kiemnhiem"}, os.Args[1:]...)
		installTestHooks()
		main()
		return
	}
	os.Exit(m.Run())
}

// badCase is one case of the corpus.
type badCase struct {
	name                 string
	args                 []string
	exit                 int
	stderr, stdout       []string
	stderrRE, stdoutRE   []*regexp.Regexp
	absent, exists       []string
	files                [][2]string // path, text it must contain
	memoryMB             int
	timeout              time.Duration
	stdin                string
	needs                []string // programs the case runs; skipped without them
	hasExit, hasCriteria bool
}

func readBadCase(dir string) (*badCase, error) {
	f, err := os.Open(filepath.Join(dir, "case.txt"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	c := &badCase{name: filepath.Base(dir), memoryMB: 2048, timeout: 30 * time.Second}
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		key, val, ok := strings.Cut(text, ":")
		if !ok {
			return nil, fmt.Errorf("case.txt:%d: want key: value", line)
		}
		if err := c.set(strings.TrimSpace(key), strings.TrimSpace(val)); err != nil {
			return nil, fmt.Errorf("case.txt:%d: %v", line, err)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(c.args) == 0 || !c.hasExit || !c.hasCriteria {
		return nil, errors.New("case.txt: needs args, exit and at least one stderr, stdout, absent or exists line")
	}
	return c, nil
}

func (c *badCase) set(key, val string) error {
	var err error
	switch key {
	case "args":
		c.args = strings.Fields(val)
	case "exit":
		c.exit, err = strconv.Atoi(val)
		c.hasExit = true
	case "stderr":
		c.stderr = append(c.stderr, val)
	case "stdout":
		c.stdout = append(c.stdout, val)
	case "stderr-re", "stdout-re":
		re, rerr := regexp.Compile("(?m)" + val)
		if rerr != nil {
			return rerr
		}
		if key == "stderr-re" {
			c.stderrRE = append(c.stderrRE, re)
		} else {
			c.stdoutRE = append(c.stdoutRE, re)
		}
	case "absent":
		c.absent = append(c.absent, val)
	case "exists":
		c.exists = append(c.exists, val)
	case "file":
		path, text, ok := strings.Cut(val, " ")
		if !ok {
			return errors.New("file: want PATH TEXT")
		}
		c.files = append(c.files, [2]string{path, text})
	case "memory-mb":
		c.memoryMB, err = strconv.Atoi(val)
	case "timeout":
		c.timeout, err = time.ParseDuration(val)
	case "stdin":
		c.stdin = val
	case "needs":
		c.needs = append(c.needs, val)
	default:
		return fmt.Errorf("unknown directive %q", key)
	}
	c.hasCriteria = c.hasCriteria || key != "args" && key != "exit" && key != "memory-mb" && key != "timeout" && key != "stdin" && key != "needs"
	return err
}

func TestBadInputCorpus(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join("testdata", "bad", "*"))
	if err != nil {
		t.Fatal(err)
	}
	if len(dirs) == 0 {
		t.Fatal("no cases in testdata/bad")
	}
	for _, dir := range dirs {
		c, err := readBadCase(dir)
		if err != nil {
			t.Errorf("%s: %v", dir, err)
			continue
		}
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			c.run(t, dir)
		})
	}
}

// run copies the case's files, runs its command and checks the outcome.
func (c *badCase) run(t *testing.T, src string) {
	for _, prog := range c.needs {
		if _, err := exec.LookPath(prog); err != nil {
			t.Skipf("%s not on PATH (.ci/run installs it)", prog)
		}
	}
	work := t.TempDir()
	inputs, err := copyTree(src, work)
	if err != nil {
		t.Fatal(err)
	}
	res := runChild(t, work, c.args, c.stdin, c.memoryMB, c.timeout)
	if res.timedOut {
		t.Fatalf("still running after %v\nstderr:\n%s", c.timeout, clip(res.stderr))
	}
	for _, bad := range []string{"panic:", "fatal error:", "goroutine 1 ["} {
		if strings.Contains(res.stderr, bad) {
			t.Fatalf("crashed (%q)\nstderr:\n%s", bad, clip(res.stderr))
		}
	}
	if res.exit != c.exit {
		t.Errorf("exit %d, want %d\nstderr:\n%s", res.exit, c.exit, clip(res.stderr))
	}
	expand := func(s string) string { return strings.ReplaceAll(s, "$DIR", work) }
	checkText(t, "stderr", res.stderr, c.stderr, c.stderrRE, expand)
	checkText(t, "stdout", res.stdout, c.stdout, c.stdoutRE, expand)
	for _, p := range c.absent {
		if _, err := os.Lstat(filepath.Join(work, p)); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s exists after the run; want it absent", p)
		}
	}
	for _, p := range c.exists {
		if _, err := os.Lstat(filepath.Join(work, p)); err != nil {
			t.Errorf("%s: %v; want it written", p, err)
		}
	}
	for _, f := range c.files {
		if b, err := os.ReadFile(filepath.Join(work, f[0])); err != nil || !strings.Contains(string(b), f[1]) {
			t.Errorf("%s lacks %q (%v)", f[0], f[1], err)
		}
	}
	for rel, want := range inputs {
		got, err := os.ReadFile(filepath.Join(work, rel))
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("input %s was changed or removed by the run", rel)
		}
	}
}

func checkText(t *testing.T, stream, got string, subs []string, res []*regexp.Regexp, expand func(string) string) {
	t.Helper()
	for _, s := range subs {
		if !strings.Contains(got, expand(s)) {
			t.Errorf("%s lacks %q\n%s:\n%s", stream, expand(s), stream, clip(got))
		}
	}
	for _, re := range res {
		if !re.MatchString(got) {
			t.Errorf("%s does not match %q\n%s:\n%s", stream, re, stream, clip(got))
		}
	}
}

// childResult is what a child run of main gave.
type childResult struct {
	exit           int
	stdout, stderr string
	timedOut       bool
}

// runChild runs main in a process of its own, in dir, with $DIR in args
// replaced by dir, under an address-space limit of memoryMB and a timeout.
func runChild(t *testing.T, dir string, args []string, stdin string, memoryMB int, timeout time.Duration) childResult {
	t.Helper()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	argv := []string{"-c", fmt.Sprintf("ulimit -v %d && exec \"$0\" \"$@\"", memoryMB*1024), self}
	for _, a := range args {
		argv = append(argv, strings.ReplaceAll(a, "$DIR", dir))
	}
	cmd := exec.CommandContext(ctx, "/bin/sh", argv...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), childEnv+"=1", "GOMAXPROCS=2")
	cmd.Stdin = strings.NewReader(stdin)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()
	res := childResult{stdout: stdout.String(), stderr: stderr.String(), timedOut: ctx.Err() != nil}
	var ee *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &ee):
		res.exit = ee.ExitCode()
	default:
		t.Fatal(err)
	}
	return res
}

// copyTree copies every regular file under src except case.txt into dst and
// returns their contents by path relative to dst.
func copyTree(src, dst string) (map[string][]byte, error) {
	files := map[string][]byte{}
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil || rel == "." || rel == "case.txt" {
			return err
		}
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		files[rel] = b
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
	return files, err
}

// clip keeps a failure message readable when a run prints megabytes.
func clip(s string) string {
	const max = 4000
	if len(s) > max {
		return s[:max] + fmt.Sprintf("\n… (%d more bytes)", len(s)-max)
	}
	return s
}
