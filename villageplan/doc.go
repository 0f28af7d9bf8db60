// Package villageplan is the village rearrangement of Decree 185/2026/NĐ-CP
// as one call: for every commune of a scenario it builds the villages with
// their household floors on the plan date (model.Policy.VillageFloorFor),
// solves each commune to proven optimality with package rearrange (in
// parallel, on GOMAXPROCS workers) and verifies every plan with
// rearrange/check; it builds the world after the merges ([After]); and it
// prices the people before (today's holdings, as optimize --as-is does)
// and after (the optimiser's plan for the villages after the merges, under
// the scenario's rules, verified by optimize/check), with each paid
// person's outcome and the severance of the released (NĐ 185/2026 Art.
// 16(4), 19). The caller may hand it the optimiser's settings and solver
// (Options.Settings, Options.Solve) and read back the plan solved
// (Result.Solved): kiemnhiem compare shows that plan in its report, so
// the world after is solved once.
//
// [FromMapping] prices a plan a commune already decided (a scenario's
// mapping merger) the same way, with the rules it breaks and the solver's
// optimum to compare it with, both under the merger's rules
// ([MergerOptions] of model.Merger.DecidedRules).
//
// It exists so that the command kiemnhiem rearrange, kiemnhiem compare, the
// HTML report and the notebooks plan a rearrangement the same way: the
// command was its first user, and this is its glue moved out of
// cmd/kiemnhiem. Package report turns a [Result] into the summary, tables,
// XLSX and text a planner reads (report.NewRearrangeSummary); nothing here
// is presentation, except the planner-language error and outcome texts,
// which come in the language asked for.
//
// Import rules (internal/archtest): villageplan imports model, tables,
// optimize (with optimize/check) and rearrange (with rearrange/check);
// report may import villageplan.
package villageplan
