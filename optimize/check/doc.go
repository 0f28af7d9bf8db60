// Package check is kiemnhiem's independent checker: it re-verifies every
// rule on a plan ([Check]), prices it ([Evaluate]) and does both for a
// solver's result the way the command does ([Verify]). For a result of
// today's holdings (optimize.AsItIs) Verify reports the rules broken as
// breaches, not as a solver bug.
//
// The checker is a second implementation of the rules, written from their
// statement and the model package alone. It imports only model and the
// public types of optimize, so the compiler keeps it sharing no code with
// the pool builder, the bundles or the programmes, and a bug in one is
// caught by the other. It is deliberately plain — maps and loops over the
// plan — and must never panic, whatever the scenario or plan.
//
// Its errors are prefixed with "optimize: ", as the optimiser's are.
package check
