// Package synth generates synthetic but realistic units and people, so that
// kiemnhiem runs with no data files: [Units] draws a province (or the whole
// country) with the real number of districts and communes of each type and
// populations and areas calibrated to published figures, [AddVillages]
// splits communes into villages (households per village calibrated per
// province to published counts of thôn and tổ dân phố, sizes log-normal
// with a spread fitted to published size bands; village_counts.go holds
// the record), and [People] draws today's holders of the titles.
//
// Synthetic villages carry the flags of Decree 185/2026 that can be told
// from their commune (village_links.go) and neighbours: a planar,
// connected, symmetric adjacency within each commune, from seeded random
// points. Measured against the decree's household floors (Art. 10(1),
// each province in the region the nd185-2026 preset gives it), the 88,682
// villages of the 2025-07 country with seed 1 are 35 % at or above their
// floor, 49 % at 50 to < 100 % and 15 % below half: 65 % below the floor;
// with the preset's lower floor (half) for the villages of Art. 10(3),
// 61 %. By region: 10 % below in the northern midlands and mountains
// (floor 150 households), 56 % in the South Central Coast and Central
// Highlands, 67 % in the North Central, 79 % in the Red River and Mekong
// deltas and the South-East, 88 % in Hà Nội and TP HCM (floor 500). The
// record: provinces are merging about half of their villages (Hà Nội
// 5,467 to 2,499; policy-facts 9.17, 9.19); a merger takes two or more
// villages below the floor into one, so the two shares do not measure the
// same thing. In the mountains the generator is short of small villages:
// Thái Nguyên alone reports 2,452 below its standard, more than the
// generator's 1,317 for the whole region, perhaps because one mean size
// per province hides the small hamlets of its remote communes. Reproduce
// with
//
//	go test ./synth -run TestVillageFloorShare -v
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
