package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/kiemnhiem/kiemnhiem/internal/atomicfile"
)

// writeHookEnv, read only in a child run of main (see TestMain), stops the
// write phase of every output set between staging the files and swapping
// them in:
//
//	pause  print writeMarker on stderr and wait for a signal
//	hang   the same, but ignore the signal (only a second one ends the run)
//	fail   fail as a full disk would
const writeHookEnv = "KIEMNHIEM_TEST_WRITE_HOOK"

const writeMarker = "kiemnhiem-test: in the write phase"

// installTestHooks installs the write hook writeHookEnv asks for.
func installTestHooks() {
	mode := os.Getenv(writeHookEnv)
	if mode == "" {
		return
	}
	atomicfile.SetHook(func(ctx context.Context, dir string) error {
		switch mode {
		case "fail":
			return errors.New("injected write failure: no space left on device")
		case "hang":
			fmt.Fprintln(os.Stderr, writeMarker)
			time.Sleep(time.Minute)
			return nil
		}
		fmt.Fprintln(os.Stderr, writeMarker)
		select {
		case <-ctx.Done():
		case <-time.After(time.Minute):
		}
		return ctx.Err()
	})
}

// signalChild runs main in a child process with the write hook mode, waits
// for it to reach the write phase and sends it sigs, one every 100 ms. It
// returns the exit code, stderr and how long the child took after the
// first signal.
func signalChild(t *testing.T, dir, mode string, args []string, sigs ...os.Signal) (int, string, time.Duration) {
	t.Helper()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, self, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), childEnv+"=1", "GOMAXPROCS=2", writeHookEnv+"="+mode)
	pipe, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	sc := bufio.NewScanner(pipe)
	for sc.Scan() {
		stderr.WriteString(sc.Text() + "\n")
		if sc.Text() == writeMarker {
			break
		}
	}
	start := time.Now()
	for _, s := range sigs {
		if err := cmd.Process.Signal(s); err != nil {
			t.Fatal(err)
		}
		time.Sleep(100 * time.Millisecond)
	}
	io.Copy(&stderr, pipe)
	err = cmd.Wait()
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		t.Fatal(err)
	}
	return cmd.ProcessState.ExitCode(), stderr.String(), time.Since(start)
}

// snapshot reads every file under dir by relative path.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[rel] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// checkOldSet fails unless out holds exactly the files of old and its
// parent nothing but out: no staging directory, no temporary file.
func checkOldSet(t *testing.T, out string, old map[string]string) {
	t.Helper()
	got := snapshot(t, out)
	if !maps.Equal(got, old) {
		t.Errorf("output directory holds %v, want the old set %v unchanged", slices.Sorted(maps.Keys(got)), slices.Sorted(maps.Keys(old)))
	}
	entries, err := os.ReadDir(filepath.Dir(out))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Name() != filepath.Base(out) {
			t.Errorf("%s left beside the output directory", e.Name())
		}
	}
	for rel := range got {
		if strings.Contains(rel, ".tmp-") {
			t.Errorf("temporary file %s left in the output directory", rel)
		}
	}
}

// TestCompareWriteFaults stops compare in its write phase — by SIGTERM,
// SIGHUP and SIGINT, and by a failing write — over an output directory
// holding an earlier report: the directory must hold that report
// unchanged, and nothing else may be left behind. A run that is not
// stopped replaces the whole set.
func TestCompareWriteFaults(t *testing.T) {
	if testing.Short() {
		t.Skip("runs compare several times")
	}
	dir, base, variant := tinyVariant(t)
	out := filepath.Join(t.TempDir(), "report")
	args := func(seed string, formats string) []string {
		return []string{"compare", base, variant, "--years", "1", "--runs", "2", "--sensitivity-runs", "0", "--quiet",
			"--lang", "en", "--seed", seed, "--format", formats, "--out", out}
	}
	if code, _, stderr := cli(t, args("1", "svg,png")...); code != exitOK {
		t.Fatalf("first compare: exit %d\n%s", code, stderr)
	}
	if err := os.WriteFile(filepath.Join(out, "notes.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	old := snapshot(t, out)
	tests := []struct {
		mode string
		sigs []os.Signal
		exit int
		want string
	}{
		{"pause", []os.Signal{syscall.SIGTERM}, exitInterrupted, "interrupted"},
		{"pause", []os.Signal{syscall.SIGHUP}, exitInterrupted, "interrupted"},
		{"pause", []os.Signal{os.Interrupt}, exitInterrupted, "nothing written"},
		{"hang", []os.Signal{syscall.SIGTERM, syscall.SIGTERM}, exitInterrupted, "again: stopping now"},
		{"fail", nil, exitInput, "injected write failure"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.mode, tt.sigs), func(t *testing.T) {
			code, stderr, took := signalChild(t, dir, tt.mode, args("2", "svg"), tt.sigs...)
			if code != tt.exit || !strings.Contains(stderr, tt.want) {
				t.Errorf("exit %d, want %d with %q\nstderr:\n%s", code, tt.exit, tt.want, stderr)
			}
			if tt.mode == "hang" && took > 10*time.Second {
				t.Errorf("a second signal took %v to end the run", took)
			}
			checkOldSet(t, out, old)
		})
	}
	// Not stopped: the new set replaces the old one whole (its PNG charts
	// go), and the user's own file stays.
	if code, _, stderr := cli(t, args("2", "svg")...); code != exitOK {
		t.Fatalf("last compare: exit %d\n%s", code, stderr)
	}
	got := snapshot(t, out)
	if got["notes.txt"] != "mine" || got["report.html"] == old["report.html"] {
		t.Errorf("the new set did not replace the old one, or lost notes.txt")
	}
	for rel := range got {
		if strings.HasSuffix(rel, ".png") {
			t.Errorf("%s of the old set left beside the new one", rel)
		}
	}
}

// TestOptimizeInterrupt: a signal while optimize writes, or a context
// cancelled during the search, exits 130 and leaves an earlier plan as it
// was; the library reports the search as Interrupted, not TimeLimit.
func TestOptimizeInterrupt(t *testing.T) {
	out := filepath.Join(t.TempDir(), "plan")
	optimizeOK(t, tiny, "--out", out)
	old := snapshot(t, out)

	code, stderr, _ := signalChild(t, ".", "pause", []string{"optimize", tiny, "--out", out, "--time-limit", "1m"}, os.Interrupt)
	if code != exitInterrupted || !strings.Contains(stderr, "interrupted") {
		t.Errorf("signal in the write phase: exit %d, want 130\n%s", code, stderr)
	}
	checkOldSet(t, out, old)

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var stdout, errOut bytes.Buffer
	code = run(ctx, []string{"optimize", tiny, "--out", out, "--json"}, strings.NewReader(""), &stdout, &errOut)
	if code != exitInterrupted || stdout.Len() > 0 || !strings.Contains(errOut.String(), "stopped by a signal") {
		t.Errorf("cancelled search: exit %d, stdout %q, stderr %q; want 130, nothing printed", code, stdout.String(), errOut.String())
	}
	checkOldSet(t, out, old)
}
