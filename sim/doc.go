// Package sim is kiemnhiem's multi-year Monte Carlo simulator. Starting from
// a scenario's units, people and dated policy, it plays out many replications
// of the coming years — people ageing and retiring, terms ending,
// resignations, elections, mergers of units, changes of base salary — and
// accounts, year by year, for the budget spent and for the titles left
// unfilled.
//
// A Config's zero value is usable; Run(ctx, …) executes the replications in
// parallel. Results are deterministic: one master seed yields the same bytes
// whatever GOMAXPROCS is, because one PCG stream (math/rand/v2) is derived
// per replication from the master seed before any worker starts, results are
// aggregated in replication order, and no random draw is ever made while
// ranging over a map.
//
// When the simulation needs to re-plan (after vacancies or a merger) it calls
// a small interface declared here, such as Assigner; package optimize
// satisfies it, and cmd/kiemnhiem wires the two together, so neither package
// imports the other. The package imports only model from this module.
package sim
