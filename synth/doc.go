// Package synth generates synthetic but realistic units and people, so that
// kiemnhiem runs with no data files: [Units] draws a province (or the whole
// country) with the real number of districts and communes of each type and
// populations and areas calibrated to published figures, [AddVillages]
// splits communes into villages (households per village calibrated per
// province to published counts of thôn and tổ dân phố, sizes log-normal
// with a spread fitted to published size bands; village_counts.go holds
// the record), and [People] draws today's holders of the titles.
//
// The calibration figures are in calibration_table.go, generated from the
// project's shared data set by internal/gencalib (run `go generate
// ./synth` with ../shared/data beside the repository); a test fails when
// the committed table differs from what the generator makes of the files.
// Every draw comes from a seeded math/rand/v2 stream keyed by the seed and
// the unit, so the same configuration always gives the same data and a
// province is the same whether generated alone or with the country.
//
// Imports: model for the values it builds, and tables for the rules that
// derive flags and classes, shared with the readers of the real lists.
package synth
