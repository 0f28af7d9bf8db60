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
