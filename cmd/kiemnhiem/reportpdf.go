package main

import (
	"os/exec"
	"slices"

	"github.com/kiemnhiem/kiemnhiem/report"
)

// checkPrintTools refuses, before anything is computed, a --format pdf that
// cannot be honoured: the charts' PDFs need rsvg-convert and report.pdf,
// the whole report on A4, needs headless Chromium. Failing here, not after
// the simulation, leaves the output directory as it was.
func checkPrintTools(formats []string) error {
	if !slices.Contains(formats, "pdf") {
		return nil
	}
	if _, err := exec.LookPath("rsvg-convert"); err != nil {
		return report.ErrNoConverter
	}
	_, err := report.FindChromium()
	return err
}
