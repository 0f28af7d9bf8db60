package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/sim"
)

// progressBars draws the progress of a simulation on a terminal: one bar
// per scenario and stage, "nd33-2023: re-planning" then "nd33-2023: runs".
// A finished bar stays on its line with its elapsed time. A nil
// *progressBars draws nothing, so commands need not check.
type progressBars struct {
	w        io.Writer
	bar      *progressbar.ProgressBar
	scenario string
	stage    sim.Stage
	done     int
}

// newProgressBars returns bars drawn on w, or nil when quiet is set or w is
// not a terminal (a file, a pipe, a test's buffer).
func newProgressBars(w io.Writer, quiet bool) *progressBars {
	if quiet || !isTerminal(w) {
		return nil
	}
	return &progressBars{w: w}
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// callback returns the function for [sim.Config.Progress]: nil when p
// draws nothing.
func (p *progressBars) callback() func(sim.Progress) {
	if p == nil {
		return nil
	}
	return p.report
}

// report moves the bar of sp's scenario and stage, starting a new bar when
// the stage changes. The simulator calls it from one goroutine at a time,
// but replications may report out of order: the bar never goes back.
func (p *progressBars) report(sp sim.Progress) {
	if p == nil || sp.Total <= 0 {
		return
	}
	if p.bar == nil || sp.Scenario != p.scenario || sp.Stage != p.stage {
		p.close()
		p.scenario, p.stage, p.done = sp.Scenario, sp.Stage, 0
		w := p.w
		p.bar = progressbar.NewOptions(sp.Total,
			progressbar.OptionSetWriter(w),
			progressbar.OptionSetDescription(fmt.Sprintf("%s: %s", sp.Scenario, sp.Stage.Text().In(model.English))), // bars are English whatever --lang says
			progressbar.OptionSetWidth(30),
			progressbar.OptionShowCount(),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionShowElapsedTimeOnFinish(),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionOnCompletion(func() { fmt.Fprintln(w) }),
		)
	}
	if sp.Done > p.done {
		p.done = min(sp.Done, sp.Total)
		_ = p.bar.Set(p.done) // a bar that cannot draw is no reason to fail
	}
}

// close ends the current bar: a finished bar has already ended its line;
// an unfinished one (the command was interrupted or failed) ends it where
// it stands, so what is printed next starts on a line of its own.
func (p *progressBars) close() {
	if p == nil || p.bar == nil {
		return
	}
	if !p.bar.IsFinished() {
		_ = p.bar.Exit()
	}
	p.bar = nil
}
