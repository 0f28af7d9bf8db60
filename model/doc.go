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
package model
