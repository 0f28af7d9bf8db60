package main

import (
	"io"

	"github.com/kiemnhiem/kiemnhiem/internal/atomicfile"
	"github.com/kiemnhiem/kiemnhiem/report"
	"github.com/kiemnhiem/kiemnhiem/villageplan"
)

// Files rearrange --out writes.
const (
	rearrangeMappingCSV  = "mapping.csv"
	rearrangeMappingXLSX = "mapping.xlsx"
	rearrangeBandsCSV    = "bands.csv"
	rearrangeBandsXLSX   = "bands.xlsx"
	rearrangeDossierXLSX = "dossier.xlsx"
	rearrangeJSONFile    = "rearrange.json"
)

var rearrangeFileNames = []string{rearrangeMappingCSV, rearrangeMappingXLSX, rearrangeBandsCSV, rearrangeBandsXLSX, rearrangeDossierXLSX, rearrangeJSONFile}

// rearrangeFiles are the files of --out, written as one set: the old → new
// mapping with the resolution's sentences, the bands by commune and for
// the province, the per-commune dossier and the JSON summary.
func rearrangeFiles(sum *report.RearrangeSummary, cs []villageplan.Commune) []atomicfile.File {
	mapping, bands := report.MappingTable(sum), report.BandsTable(sum)
	bytesFile := func(name string, make func() ([]byte, error)) atomicfile.File {
		return atomicfile.File{Name: name, Write: func(w io.Writer) error {
			b, err := make()
			if err != nil {
				return err
			}
			_, err = w.Write(b)
			return err
		}}
	}
	return []atomicfile.File{
		bytesFile(rearrangeMappingCSV, mapping.CSV),
		bytesFile(rearrangeMappingXLSX, func() ([]byte, error) { return report.TableXLSX(mapping, "mapping") }),
		bytesFile(rearrangeBandsCSV, bands.CSV),
		bytesFile(rearrangeBandsXLSX, func() ([]byte, error) { return report.TableXLSX(bands, "bands") }),
		bytesFile(rearrangeDossierXLSX, func() ([]byte, error) { return report.DossierXLSX(sum, cs) }),
		{Name: rearrangeJSONFile, Write: func(w io.Writer) error { return report.WriteJSON(w, sum) }},
	}
}
