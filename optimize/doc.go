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
// Every plan can be re-verified by package optimize/check, a second
// implementation of the rules that imports only model and this package's
// public types.
//
// Errors returned by this package are prefixed with "optimize: ". The package
// imports only model from this module; it satisfies the small re-planning
// interface that package sim declares without either importing the other.
//
// # How to add a rule
//
// A rule (a cap, a limit, a requirement) has one name, a [Rule] whose
// String is the key JSON and text show. Adding one touches, in order:
//
//  1. model: the policy value (a Series field of model.Policy) or the
//     title or person field it reads, and model.PolicyAt when it is read
//     on one date, with its default when it has none.
//  2. scenarios: the field of the file format (scenarios/format.go), how it
//     resolves and is checked (scenarios/resolve.go), and the schema
//     (scenarios/schema.json).
//  3. rule.go: a Rule constant, its key in ruleKeys, and a constructor when
//     its instances take other fields than the existing ones.
//  4. build.go: the pool reads the value (a pool field or the candidates'
//     eligible, fixed or pay lists), records the rule's instances in
//     pool.rules (collectRules) and honours pool.relaxed for them.
//  5. cache.go: pool.appendKey (or builder.sharedKey) encodes every new
//     pool field, or the Assigner's cache returns plans of another problem.
//  6. greedy.go: the first plan keeps the rule.
//  7. dp.go, dp_programme.go: the programmes keep it (a state field, a
//     check on a move) and bound.go's completion bounds stay a relaxation.
//  8. external.go: the bundle model's rows (lpRowStem names them), or the
//     bundles themselves, enforce it.
//  9. optimize/check: the checker verifies it from the rule's statement
//     and model alone.
//  10. explanations: a sentence in renderers (explain.go), a place in
//     filterOrder and kindRank, and in bindingFamilies (binding.go) or
//     notBinding.
//
// TestEveryRuleHandled (rule_test.go) fails until the builder, the cache
// key, the checker, the explanations and the LP writer handle the new Rule.
package optimize
