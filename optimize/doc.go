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
// is infeasible or a title stays unfilled, the result explains why: the
// rules that conflict and the people involved, the least single change
// that gives each infeasible commune a plan (PoolResult.Fixes: a fund, a
// cap or the titles per person raised by the least amount, found by
// bisection; a pin, forbid, requirement or terms dropped), the communes
// grouped by cause ([Result.Causes]), and what each pin and forbid
// changes, flagging those that change nothing (PoolResult.Pins).
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
// The objective is the planner's (model.ObjectiveRule, the scenario's
// policy.objective, or Settings.Order): headcount first (fewest people,
// then annual cost, then changes), cost first (the net cost over a
// horizon: allowances with insurance support, discounted, plus
// recruitment, plus the Decree 154/2025 severance of each current holder
// released; then people, then changes) or stability first (fewest changes
// of holder, then people, then net cost). Every level stays a sum over
// candidates, so every order is solved exactly by the same programmes,
// LP models and checker; only headcount first prunes by headcount (see
// objective.go). Result.Goal says which objective was solved.
//
// AsItIs is the baseline that is not a search: today's holdings as the
// plan, priced as Solve prices a plan, with status AsIs. Today's holdings
// may break the rules; optimize/check lists those breaches for it instead
// of refusing it.
//
// A plan is a target; [NewSchedule] (or [Result.Schedule]) says how it is
// carried out: the plan diff from today's holdings with each change dated
// by when it can happen (appointed titles on the plan date, elected ones
// as their holders' terms end on their organisations' congress
// calendars), who joins and who leaves, the headcount and allowance cost
// after each date, and [Schedule.At], the arrangement on any date.
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
//     notBinding; a numeric rule's least fix in numericRules
//     (explain_fix.go), and its name in causeNames (explain_summary.go).
//
// TestEveryRuleHandled (rule_test.go) fails until the builder, the cache
// key, the checker, the explanations and the LP writer handle the new Rule.
//
// # Design
//
// Nobody serves outside their commune, so a problem splits into pools (a
// commune, its villages and the people who may serve there), solved
// independently and in parallel, the largest first so that no big pool
// starts last and keeps one worker busy while the others idle. A worker
// builds a pool only when it takes it up, which keeps the whole country's
// memory to a few pools at a time, and the search reuses its lookup table
// and label buffers from layer to layer and from pool to pool.
//
// Within a pool, titles that no rule and no candidate can tell apart form
// classes, and a person's feasible bundle of titles is small, so the pool
// is solved exactly by a dynamic programme over how much of each class is
// covered: first the candidates of each village group, then the groups of
// the commune. A dense simplex (gonum's) is far too slow for this; the LP
// and MPS writers let CBC and GLPK check the optimum, not find it.
//
// The programme is bounded above by a greedy plan and below by completion
// tables: the best objective the steps still to come can add, by how much
// of each class a state has covered (a relaxation of caps and funds, so a
// true bound; classes are merged into parts where the exact table would be
// too big). They drop a state that cannot be completed, or cannot beat the
// greedy plan, as soon as it appears rather than at the end. The tables
// are built within a budget in proportion to the programme's choices, so
// that small pools stay cheap. The bounds, not the first plan, decide how
// much the search explores (even the optimum as the upper bound saves about
// a tenth of the states), so speed is sought in the bounds. Changing them
// may break ties between equally good plans differently: the objectives
// stay, but the plans written, and so the goldens, may change.
//
// A recruit (policy.recruitment) is assumed to meet every requirement of
// the titles of their unit, but is one person: they hold a set of titles
// only when some sex and age meets all the titles' sex, age and
// retirement-age requirements together (recruitrule.go). Ages are
// intervals, so for one sex a pair table is exact (Helly in one
// dimension); sex is not pairwise, so the pool keeps one table per sex and
// a set must fit one of them. The rule belongs to the combination family:
// bundles, classes and the greedy start read it, and relaxing combination
// relaxes it.
//
// An Assigner made by NewAssigner caches solved pools by an exact encoding
// of everything a solve reads (pool.appendKey), never by likeness: a hit
// must be the plan a fresh solve would give, or a simulation's results
// would depend on what was solved before it. Whatever a new rule reads must
// therefore enter the key. Successive re-plans of one simulation seldom
// meet a pool again (terms end, people retire, households grow), so the
// cache keeps only the pools of its last few calls, within a byte limit.
// Re-plans read the plan alone, so they do not explain infeasible pools.
package optimize
