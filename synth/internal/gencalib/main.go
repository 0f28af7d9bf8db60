// Command gencalib writes synth's calibration table (calibration_table.go)
// from three files of the project's shared data set, so that the generator
// runs with no data files and the table can always be remade from its
// sources. `go generate ./synth` runs it; see synth/calibration.go for the
// meaning of the figures and the data set's README for their sources.
//
// Usage:
//
//	gencalib -data DIR -out FILE
//
// DIR holds calibration_by_province.csv, vn_communes_2024-11_pre_reform.csv
// and vn_communes_2025-07_post_reform.csv.
package main

import (
	"flag"
	"fmt"
	"os"
)

func main() {
	data := flag.String("data", "../../shared/data", "directory of the shared data set")
	out := flag.String("out", "calibration_table.go", "file to write")
	flag.Parse()
	src, err := generate(*data)
	if err == nil {
		err = os.WriteFile(*out, src, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gencalib:", err)
		os.Exit(1)
	}
}
