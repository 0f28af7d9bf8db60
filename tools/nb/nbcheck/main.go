// Command nbcheck checks Jupyter notebooks for notebooks/run.sh.
//
//	nbcheck EXECUTED.ipynb ...
//
// fails when a code cell of an executed notebook holds an error output, was
// not executed, or is tagged "chart" (cell metadata "tags": ["chart"]) and
// shows no image (image/png or image/svg+xml) — unless that cell printed a
// line starting with "SKIP:" (a notebook whose data is absent says so and
// draws nothing). It prints one line per notebook with its cells, images
// and execution time.
//
//	nbcheck -clean NOTEBOOK.ipynb ...
//
// fails when a committed notebook carries outputs or execution counts, is
// not for the gonb kernel, or does not start with a code cell of "!*" lines
// (the cell that makes GoNB compile against the working tree).
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"
)

type notebook struct {
	Cells    []cell `json:"cells"`
	Metadata struct {
		Kernelspec struct {
			Name string `json:"name"`
		} `json:"kernelspec"`
	} `json:"metadata"`
}

type cell struct {
	CellType       string       `json:"cell_type"`
	Source         multiline    `json:"source"`
	ExecutionCount *int         `json:"execution_count"`
	Outputs        []output     `json:"outputs"`
	Metadata       cellMetadata `json:"metadata"`
}

type cellMetadata struct {
	Tags      []string          `json:"tags"`
	Execution map[string]string `json:"execution"`
}

type output struct {
	OutputType string               `json:"output_type"`
	Name       string               `json:"name"` // stream: stdout or stderr
	Text       multiline            `json:"text"`
	Data       map[string]multiline `json:"data"`
	Ename      string               `json:"ename"`
	Evalue     string               `json:"evalue"`
	Traceback  []string             `json:"traceback"`
}

// multiline is a notebook string: one string or a list of lines.
type multiline string

func (m *multiline) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		*m = multiline(s)
		return nil
	}
	var ss []string
	if err := json.Unmarshal(b, &ss); err != nil {
		// Non-text data (e.g. application/json objects): not needed here.
		*m = ""
		return nil
	}
	*m = multiline(strings.Join(ss, ""))
	return nil
}

var ansi = regexp.MustCompile(`\x1b\[[0-9;]*[A-Za-z]`)

func main() {
	clean := flag.Bool("clean", false, "check that committed notebooks carry no outputs")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: nbcheck [-clean] NOTEBOOK.ipynb ...")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() == 0 {
		flag.Usage()
		os.Exit(2)
	}
	failed := false
	for _, path := range flag.Args() {
		nb, err := read(path)
		var problems []string
		switch {
		case err != nil:
			problems = []string{err.Error()}
		case *clean:
			problems = checkClean(nb)
		default:
			var summary string
			summary, problems = checkExecuted(nb)
			if len(problems) == 0 {
				fmt.Printf("ok   %s: %s\n", filepath.Base(path), summary)
			}
		}
		for _, p := range problems {
			failed = true
			fmt.Printf("FAIL %s: %s\n", filepath.Base(path), p)
		}
	}
	if failed {
		os.Exit(1)
	}
}

func read(path string) (*notebook, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var nb notebook
	if err := json.Unmarshal(b, &nb); err != nil {
		return nil, fmt.Errorf("not a notebook: %v", err)
	}
	return &nb, nil
}

// where names a cell for a reader: its index among all cells (from 1, as
// Jupyter's "cell N" in the table of contents) and its first line.
func where(i int, c *cell) string {
	first, _, _ := strings.Cut(strings.TrimSpace(string(c.Source)), "\n")
	if len(first) > 60 {
		first = first[:57] + "..."
	}
	return fmt.Sprintf("cell %d (%q)", i+1, first)
}

func checkClean(nb *notebook) []string {
	var problems []string
	if k := nb.Metadata.Kernelspec.Name; k != "gonb" {
		problems = append(problems, fmt.Sprintf("kernelspec %q, want \"gonb\"", k))
	}
	if len(nb.Cells) == 0 || nb.Cells[0].CellType != "code" || !strings.HasPrefix(strings.TrimSpace(string(nb.Cells[0].Source)), "!*") {
		problems = append(problems, "the first cell must be the code cell of !* lines that make GoNB compile against the working tree (shared/design/dependencies.md)")
	}
	for i := range nb.Cells {
		c := &nb.Cells[i]
		if c.CellType != "code" {
			continue
		}
		if len(c.Outputs) > 0 || c.ExecutionCount != nil || c.Metadata.Execution != nil {
			problems = append(problems, where(i, c)+": has outputs, an execution count or execution times; "+
				"clear them before committing: /usr/bin/jupyter nbconvert --clear-output --inplace notebooks/*.ipynb (or Jupyter's Cell → All Output → Clear, then save)")
		}
	}
	return problems
}

func checkExecuted(nb *notebook) (string, []string) {
	var problems []string
	code, images := 0, 0
	var first, last time.Time
	for i := range nb.Cells {
		c := &nb.Cells[i]
		if c.CellType != "code" {
			continue
		}
		code++
		if c.ExecutionCount == nil && strings.TrimSpace(string(c.Source)) != "" {
			problems = append(problems, where(i, c)+": not executed")
		}
		hasImage, skipped := false, false
		for _, o := range c.Outputs {
			switch o.OutputType {
			case "error":
				msg := strings.TrimSpace(o.Ename + ": " + o.Evalue)
				if tb := strings.TrimSpace(ansi.ReplaceAllString(strings.Join(o.Traceback, "\n"), "")); tb != "" && !strings.Contains(msg, tb) {
					msg += "\n        " + strings.ReplaceAll(tb, "\n", "\n        ")
				}
				problems = append(problems, where(i, c)+": error output: "+msg)
			case "stream":
				for _, line := range strings.Split(string(o.Text), "\n") {
					if strings.HasPrefix(line, "SKIP:") {
						skipped = true
					}
				}
			case "display_data", "execute_result":
				if _, ok := o.Data["image/png"]; ok {
					hasImage = true
				}
				if _, ok := o.Data["image/svg+xml"]; ok {
					hasImage = true
				}
				if txt, ok := o.Data["text/plain"]; ok && strings.HasPrefix(string(txt), "SKIP:") {
					skipped = true
				}
			}
		}
		if hasImage {
			images++
		}
		if slices.Contains(c.Metadata.Tags, "chart") && !hasImage && !skipped {
			problems = append(problems, where(i, c)+": tagged \"chart\" but shows no image (image/png or image/svg+xml)")
		}
		for _, key := range []string{"iopub.execute_input", "shell.execute_reply"} {
			t, err := time.Parse(time.RFC3339Nano, c.Metadata.Execution[key])
			if err != nil {
				continue
			}
			if first.IsZero() || t.Before(first) {
				first = t
			}
			if t.After(last) {
				last = t
			}
		}
	}
	summary := fmt.Sprintf("%d code cells, %d with images", code, images)
	if !first.IsZero() {
		summary += fmt.Sprintf(", executed in %.1f s", last.Sub(first).Seconds())
	}
	return summary, problems
}
