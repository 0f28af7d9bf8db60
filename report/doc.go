// Package report turns results from optimize and sim into things people read:
// gonum/plot charts (SVG and PNG, with Vietnamese labels normalised to NFC),
// tables (CSV, XLSX and JSON) and a self-contained HTML report. It also
// holds the JSON summaries of the kiemnhiem command ([OptimizeSummary],
// [SimulateSummary]), so notebooks can write and read them too; the plan
// and people files are tables, in package tables.
//
// A comparison whose scenarios carry village rearrangements
// (Comparison.Rearrangements, [RearrangeSummary]) gets a rearrangement
// section: a table with a column per scenario, the villages before and
// after by commune, the three floor bands, sentences in the conclusion,
// and rearrangement.csv, .xlsx and rearrangement-below-floor.csv
// (rearrange_section*.go).
//
// Report computes no statistics of its own: every number it shows comes from
// an optimize.Result or a sim result, and data reaches the plots through
// gonum/plot adapters (plotter.XYer, plotter.Valuer) rather than copies.
// Constructors validate their input and return errors; errors are prefixed
// with "report: ".
//
// Report is the only package that may import model, optimize and sim
// together; no data package imports report or plotting code.
package report
