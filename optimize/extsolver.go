package optimize

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Running an external MILP solver (CBC, glpsol) on a model file and reading
// its solution back.

// notFoundError reports a missing solver binary; it unwraps to
// exec.ErrNotFound.
type notFoundError struct{ msg string }

func (e notFoundError) Error() string { return e.msg }

func (e notFoundError) Unwrap() error { return exec.ErrNotFound }

// extSolver runs one external binary.
type extSolver struct {
	name string // "cbc" or "glpk"
	path string
}

func findSolver(solver string) (*extSolver, error) {
	var bin, pkg, name string
	switch strings.ToLower(solver) {
	case "cbc":
		name, bin, pkg = "cbc", "cbc", "coinor-cbc"
	case "glpk", "glpsol":
		name, bin, pkg = "glpk", "glpsol", "glpk-utils"
	default:
		return nil, fmt.Errorf("optimize: unknown solver %q (want cbc or glpk)", solver)
	}
	path, err := exec.LookPath(bin)
	if err != nil {
		return nil, notFoundError{fmt.Sprintf("optimize: %s not found on PATH (install Debian's %s)", bin, pkg)}
	}
	return &extSolver{name: name, path: path}, nil
}

// extStatus is what a solver run ended with.
type extStatus uint8

const (
	extOptimal extStatus = iota
	extInfeasible
	extStopped // a time limit or the context; x holds the incumbent, if any
)

// extRun is one call of a solver on one model file.
type extRun struct {
	status extStatus
	x      []bool // nil: no solution
}

var cbcReadErrors = regexp.MustCompile(`read with (\d+) errors`)

// run solves m with the binary, in directory dir under file name base.
// deadline (zero: none) is passed as the solver's time limit.
func (es *extSolver) run(ctx context.Context, m *lpModel, dir, base string, deadline time.Time) (extRun, error) {
	if len(m.cols) == 0 {
		return trivialRun(m), nil
	}
	var limit time.Duration
	if !deadline.IsZero() {
		limit = time.Until(deadline)
		if limit <= 0 {
			return extRun{status: extStopped}, nil
		}
		// Let the solver stop by itself and write its incumbent before the
		// context kills it.
		var cancel context.CancelFunc
		ctx, cancel = context.WithDeadline(ctx, deadline.Add(5*time.Second))
		defer cancel()
	}
	if err := ctx.Err(); err != nil {
		return extRun{status: extStopped}, nil
	}
	modelPath := filepath.Join(dir, base+".mps")
	solPath := filepath.Join(dir, base+".sol")
	var buf bytes.Buffer
	if err := m.writeMPS(&buf); err != nil {
		return extRun{}, err
	}
	if err := os.WriteFile(modelPath, buf.Bytes(), 0o644); err != nil {
		return extRun{}, fmt.Errorf("optimize: %w", err)
	}
	var args []string
	switch es.name {
	case "cbc":
		args = []string{modelPath}
		if limit > 0 {
			args = append(args, "-timeMode", "elapsed", "-sec", strconv.FormatFloat(max(limit.Seconds(), 0.01), 'f', 2, 64))
		}
		args = append(args, "-ratioGap", "0", "-allowableGap", "1e-6", "-solve", "-solu", solPath)
	case "glpk":
		args = []string{"--freemps", modelPath, "--mipgap", "0"}
		if limit > 0 {
			args = append(args, "--tmlim", strconv.Itoa(max(1, int(math.Ceil(limit.Seconds())))))
		}
		args = append(args, "-w", solPath)
	}
	cmd := exec.CommandContext(ctx, es.path, args...)
	cmd.Dir = dir
	out, runErr := cmd.CombinedOutput()
	if ctx.Err() != nil {
		return extRun{status: extStopped}, nil
	}
	fail := func(format string, a ...any) (extRun, error) {
		return extRun{}, fmt.Errorf("optimize: %s on %s: %s\n%s", es.name, base, fmt.Sprintf(format, a...), lastLines(out, 20))
	}
	if es.name == "cbc" {
		if mm := cbcReadErrors.FindSubmatch(out); mm == nil || string(mm[1]) != "0" {
			return fail("the model was not read cleanly")
		}
	}
	if runErr != nil {
		return fail("%v", runErr)
	}
	sol, err := os.ReadFile(solPath)
	if err != nil {
		return fail("no solution file: %v", err)
	}
	var r extRun
	switch es.name {
	case "cbc":
		r, err = parseCBC(sol, m, limit > 0)
	default:
		r, err = parseGLPK(sol, m, limit > 0)
	}
	if err != nil {
		return fail("%v", err)
	}
	return r, nil
}

// trivialRun decides a model without columns: x = 0 is its only point.
func trivialRun(m *lpModel) extRun {
	for _, r := range m.rows {
		if (r.sense == lpEQ && r.rhs != 0) || (r.sense == lpLE && r.rhs < 0) {
			return extRun{status: extInfeasible}
		}
	}
	return extRun{status: extOptimal, x: []bool{}}
}

func lastLines(out []byte, lines int) string {
	ls := strings.Split(strings.TrimRight(string(out), "\n"), "\n")
	if len(ls) > lines {
		ls = ls[len(ls)-lines:]
	}
	return strings.Join(ls, "\n")
}

// binary reads a column value that must be 0 or 1.
func readBinary(s string) (bool, error) {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return false, err
	}
	switch {
	case math.Abs(v) <= 1e-6:
		return false, nil
	case math.Abs(v-1) <= 1e-6:
		return true, nil
	}
	return false, fmt.Errorf("value %s is not 0 or 1", s)
}

// parseCBC reads a solution file written by cbc's -solu: a status line,
// then "index name value reduced-cost" per column (a leading "**" marks a
// value outside its bounds).
func parseCBC(sol []byte, m *lpModel, limited bool) (extRun, error) {
	sc := bufio.NewScanner(bytes.NewReader(sol))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	if !sc.Scan() {
		return extRun{}, errors.New("empty solution file")
	}
	status := strings.TrimSpace(sc.Text())
	var r extRun
	switch {
	case strings.HasPrefix(status, "Optimal"):
		r.status = extOptimal
	case strings.HasPrefix(status, "Infeasible"), strings.HasPrefix(status, "Integer infeasible"):
		return extRun{status: extInfeasible}, nil
	case strings.HasPrefix(status, "Stopped on time") && limited:
		r.status = extStopped
		if strings.Contains(status, "no integer solution") || !strings.Contains(status, "objective value") {
			return r, nil
		}
	default:
		return extRun{}, fmt.Errorf("status %q", status)
	}
	index := make(map[string]int, len(m.cols))
	for j, c := range m.cols {
		index[c] = j
	}
	r.x = make([]bool, len(m.cols))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) > 0 && f[0] == "**" {
			f = f[1:]
		}
		if len(f) < 3 {
			continue
		}
		j, ok := index[f[1]]
		if !ok {
			return extRun{}, fmt.Errorf("unknown column %q in the solution", f[1])
		}
		v, err := readBinary(f[2])
		if err != nil {
			return extRun{}, fmt.Errorf("column %s: %v", f[1], err)
		}
		r.x[j] = v
	}
	return r, sc.Err()
}

// parseGLPK reads glpsol's raw MIP solution (-w): "s mip ROWS COLS STATUS
// OBJ" with STATUS o (optimal), f (feasible), n (no feasible solution) or u
// (undefined), then "j COL VALUE" per column in the order of the MPS file.
func parseGLPK(sol []byte, m *lpModel, limited bool) (extRun, error) {
	var r extRun
	sawStatus := false
	for line := range strings.SplitSeq(string(sol), "\n") {
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		switch f[0] {
		case "s":
			if len(f) < 6 || f[1] != "mip" {
				return extRun{}, fmt.Errorf("status line %q", line)
			}
			sawStatus = true
			switch f[4] {
			case "o":
				r.status = extOptimal
			case "n":
				return extRun{status: extInfeasible}, nil
			case "f", "u":
				if !limited {
					return extRun{}, fmt.Errorf("status %q without a time limit", f[4])
				}
				r.status = extStopped
				if f[4] == "u" {
					return r, nil
				}
			default:
				return extRun{}, fmt.Errorf("status line %q", line)
			}
			r.x = make([]bool, len(m.cols))
		case "j":
			if !sawStatus || len(f) < 3 {
				return extRun{}, fmt.Errorf("column line %q", line)
			}
			j, err := strconv.Atoi(f[1])
			if err != nil || j < 1 || j > len(m.cols) {
				return extRun{}, fmt.Errorf("column line %q", line)
			}
			v, err := readBinary(f[2])
			if err != nil {
				return extRun{}, fmt.Errorf("column %s: %v", m.cols[j-1], err)
			}
			r.x[j-1] = v
		}
	}
	if !sawStatus {
		return extRun{}, errors.New("no status line")
	}
	return r, nil
}
