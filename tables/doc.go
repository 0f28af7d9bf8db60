// Package tables reads and writes the tables kiemnhiem takes as input: the
// units (kiemnhiem's own units.csv and the GSO commune lists of 1 Nov 2024
// and 1 Jul 2025, see [ReadUnits]) and the people who hold titles today
// (CSV or an XLSX sheet, see [ReadPeople]), and the villages as planners
// keep them, with their neighbours (CSV or XLSX, English or Vietnamese
// headers, see [ReadVillages]; [WriteVillagesTemplate] is the empty
// workbook to fill in). It also holds the tables the
// kiemnhiem command writes about a plan, so notebooks can use them too:
// plan.csv and plan.xlsx ([PlanRows], [WritePlanCSV], [WritePlanXLSX], read
// back by [ReadPlanCSV]; in Vietnamese by [WritePlanCSVIn]) and people.csv,
// the plan as a roster that loads back as the next one ([PlanPeople],
// [WritePlanRosterCSV]), with per-commune appointment lists
// ([WriteAppointmentsXLSX]); the Excel templates a planner fills in
// ([WriteRosterTemplate], [WriteUnitsTemplate]); and hand-made plans in
// either shape ([ReadPlanFile]). Rosters and units tables may have
// Vietnamese headers, and roster titles may be given by name.
//
// Every bad cell is reported as an [*Error] with its file, line and column
// and what was expected, and a read reports all of them together as an
// [ErrorList]. The same error type serves the scenario files (package
// scenarios) and the plan files, so a user sees one format of message
// whatever file is wrong. Each message is in English (Msg) and Vietnamese
// (Vi, from the package's [Catalogue] through [Error.Setf]); [Error.In]
// prints either with the same position and path.
//
// Input files are opened through [OpenInput]: regular files (not a
// directory, /dev/zero or a pipe) under a size cap ([MaxCSVBytes],
// [MaxXLSXBytes], and excelize's unzip limits against zip bombs). Text is
// UTF-8, with or without a byte-order mark; [CheckText] names what Excel
// users save instead (UTF-16, Windows-1258, an .xls workbook) at the first
// offending byte and says how to save the file, and a semicolon-separated
// table is named as such.
//
// The GSO lists carry no flags and no commune class; the rules that derive
// them ([Mountainous], [IslandDistrict], [AssignClasses]) live here, because
// the synthetic generator must apply the same rules to its units.
//
// Imports: model only. Tables sits below scenarios and synth, which both
// use its error type and derivation rules.
package tables
