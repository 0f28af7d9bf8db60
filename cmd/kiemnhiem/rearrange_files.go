package main

import (
	"github.com/kiemnhiem/kiemnhiem/internal/atomicfile"
	"github.com/kiemnhiem/kiemnhiem/report"
)

// Files rearrange --out writes.
var rearrangeFileNames = []string{}

// rearrangeFiles is filled in by the next step.
func rearrangeFiles(sum *report.RearrangeSummary, cs []report.RearrangeCommune) []atomicfile.File {
	return nil
}
