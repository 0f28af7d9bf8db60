// Package optimize is kiemnhiem's exact optimiser: given the titles of a set
// of units, the people who may hold them and the policy in force, it finds an
// assignment of people to titles that covers every required title at the
// lowest cost, and proves how good that assignment is.
//
// The API follows gonum's optimize shape: a Problem describes what to solve,
// a Settings value tunes how (a nil *Settings means the documented defaults,
// and every field documents its default), and Solve(ctx, …) returns a
// *Result carrying the plan, a Status (optimal, feasible, infeasible, …) with
// a String method, the best proven bound and the remaining gap. When a problem
// is infeasible or a title stays unfilled, the result explains why.
//
// The built-in solver is pure Go and exploits the structure of the problem
// (village titles need residents, so a commune splits into small pieces; a
// person's feasible bundle of titles is small and can be enumerated). Problems
// can also be exported as CPLEX-LP or MPS and solved by external back ends
// (CBC, glpsol, HiGHS) for cross-checks.
//
// Errors returned by this package are prefixed with "optimize: ". The package
// imports only model from this module; it satisfies the small re-planning
// interface that package sim declares without either importing the other.
package optimize
