// Package model is the domain vocabulary of kiemnhiem: administrative units,
// titles (chức danh) with their workload, allowance, requirements and terms,
// people with their holdings, and the dated policy that governs concurrent
// holding (kiêm nhiệm).
//
// The package is pure: no I/O, no randomness and no struct tags. Files are
// turned into these values by package scenarios; the optimiser and the
// simulator read them.
//
// Money is whole đồng in an int64 ([Money]); an allowance is a coefficient
// times the base salary, rounded once, in [Coefficient.Of]. Dates are civil
// dates ([Date]); every policy value that changes over time is a [Series] of
// values with effective dates and sources.
//
// Villages under Decree 185/2026/NĐ-CP: [VillageFloorRule.For] gives a
// village's household floor (Art. 10: its region's, or its province's own,
// lowered for the circumstances of Art. 10(3)), whether it is exempt and
// why; [VillageFundRule] gives the larger fund to the categories of Art.
// 15(1); [VillageHeadRule] holds the head's term and the provisional head
// of Art. 4; [RearrangementSeveranceRule] names the regime of Art. 16(4)
// and Art. 19 for people who leave a rearranged village.
//
// A title's weekly hours in a unit come from its [Workload]. Its activity
// form follows the WHO's Workload Indicators of Staffing Need (WISN): an
// [ActivityTable] lists what the holder does, how often (per week, month,
// quarter or year), for each what (once for the unit, or for each of a
// commune's villages, each household, resident or km²) and how long one
// occurrence takes, plus a round trip across the unit where the task is done
// on site ([Travel]). Its yearly hours are spread over the weeks actually
// worked and divided by 1 − the share of working time that goes to support
// activities (WISN's category allowance). The why: a uniform rule, the same
// hours for every title, let a plan's headcount follow only from the limit
// on titles per person; rows that follow meeting cycles set by charters,
// reporting cycles, training days set by law and visits to each village
// make hours differ by title and grow with the commune, so larger communes
// keep more people because they have more to do. A commune title's
// activities read the number of its villages ([Index.Villages],
// [CommuneVillages]), so [Title.WorkloadPerHolder] takes it. The data, with
// a source for each row, is in the scenarios' presets.
//
// Text for people is written in a [Lang], Vietnamese or English. Lang is
// also the one formatter of numbers, money, hours and dates for every
// package ([Lang.Number] writes 1.234.567,5 or 1,234,567.5). A name in both
// languages is a [Text]; every vocabulary shown to people carries its Text
// where it is defined ([Education.Text] here, the optimiser's statuses and
// the simulator's metrics, factors, re-plan reasons and stages in theirs),
// an unknown value shows its key ([KeyText]), and each package's tests
// fail when a value lacks either language. To add a value to a vocabulary,
// add its Text beside it.
package model
