// Package scenarios reads kiemnhiem's scenario files: YAML documents that
// give a date, the policy in force (allowances, caps, standards, titles),
// the simulator's dynamics and where the units and people come from.
//
// A file may extend another file or one of the embedded presets
// (presets/*.yaml, listed by [Presets]); [Load] and [LoadBytes] follow the
// extends chain, lay the files over one another base first, check every
// field and return a [Scenario] whose policy and titles are model values.
// Every problem is reported at once, each with its file, line, column and
// field path, as a [tables.ErrorList]. schema.json describes the format for
// editors; a test keeps it in step with the decoder. [Scenario.YAML] and
// [Scenario.JSON] print a resolved scenario back in the file format.
//
// Titles are dated as the policy is: a title's `changes` hold what the law
// changed from a date (Hà Nội's NQ 18/2023 rates from 1/8/2023), and the
// resolved [model.Title] is the version in force on the scenario's date,
// carrying every version ([model.Title.At]) so that the simulator dates it
// again month by month. The merge rules are in titlechanges.go.
//
// A title's workload is given either in the linear form {base,
// per_1000_households, per_km2, area_cap_km2} or as a WISN activity table
// {activities, travel_kmh, mountain_travel_kmh, working_weeks,
// support_share, source} whose every row carries its own source (see
// activities.go and model.ActivityTable); the presets use tables. A
// variant's activity table, or its linear workload over an inherited
// table, replaces the inherited workload whole.
//
// The policy keys of Decree 185/2026 on villages (village_floors,
// province_floors, village_head, rearrangement_severance) are optional and
// read in villagefloors.go; a variant sets one province's floors or lower
// floor with province_floors, without restating the region table.
//
// [Scenario.LoadData] then fills the units and people the data section
// names: files read by package tables, or, when the section is absent, the
// synthetic generator of package synth on a default province.
//
// Imports: model for the values it builds, tables for the positioned error
// type and the unit and people readers, and synth for the generated
// default. Nothing below imports scenarios: the optimiser, the simulator
// and the reports take model values, so they run on data that never came
// from a scenario file.
package scenarios
