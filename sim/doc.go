// Package sim is kiemnhiem's multi-year Monte Carlo simulator. Starting from
// a scenario's units, people and dated policy, it plays out many replications
// of the coming years — people ageing and retiring, resigning, dying,
// recruits found or not, elections, mergers of villages, changes of base
// salary — and accounts, year by year, for the budget spent and for the
// titles left unfilled.
//
// # Model
//
// Time runs in months from Config.Start; an event dated within a month takes
// effect at the start of that month. Parameters come from the scenario's
// Policy and Dynamics (model.Dynamics), read month by month:
//
//   - Retirement: a holder leaves in the month after the one in which they
//     reach the age of the policy's retirement schedule (Decree 135/2020 in
//     the presets), or Dynamics.MaxAge when that comes first.
//   - Resignation and death: once a year each holder draws one uniform
//     number; below the death probability they die (or fall long-term ill),
//     below death + (1 − death) × resignation they resign, in a month given
//     by where the draw falls. The resignation probability is logistic in
//     the shortfall of the holder's allowance against the reference income
//     and in their overload (model.ResignationRule), computed from their
//     pay and hours at the start of the year.
//   - Cover: between elections a title whose holder left is taken on,
//     temporarily and concurrently, by the colleague of the same unit with
//     the fewest titles (then the fewest hours) who meets its party,
//     education and sex requirements and may combine it, up to the most
//     titles per person — or left vacant, as Dynamics.Vacancy says.
//   - Recruitment: each unit has a pool of candidates, drawn once per
//     replication (Poisson, mean residents/1000 × PerThousand; party members
//     a PartyShare thinning, drawn as the two independent Poisson counts
//     that thinning gives). A vacancy is filled within a year with
//     probability 1 − (1 − Accept)^pool; a unit with no candidate stays
//     vacant. Appointed titles are filled between elections after a
//     geometric delay with that yearly rate; elected titles only at the
//     next re-plan, which tries once.
//   - Re-plans: at the start, at every election of a title and at every
//     merger, the Assigner plans the expected world on that date: units grown
//     (Dynamics.Growth, compounded yearly) and merged (Dynamics.Mergers),
//     retirees gone, everyone else holding what the previous plan gave them,
//     with their terms. This happens once per scenario, before the
//     replications, because it does not depend on chance; each replication
//     then plays the plan out: a planned holder who is still there takes
//     their titles; one who has left is stood in for by someone released in
//     the same commune who meets the requirements, else by a recruit if the
//     pool yields one; whoever the plan no longer needs is released and paid
//     the Decree 154/2025 support (model.SeveranceRule) with A the main
//     title's allowance. Without an Assigner holders keep their titles and a
//     retiree's titles pass to a recruit.
//   - Holders needed per title are fixed at each re-plan; workloads, caps and
//     funds follow growth year by year.
//
// # Accounting
//
// Each replication records, per year, the quantities of [Metrics]: flows
// summed over the months (allowances at the month's base salary and
// concurrency rate, fund, severance, recruitment cost, vacant and covered
// title-months, overloaded person-months, entries and exits by cause) and
// stocks at the year's end (headcount, units over cap). Headcount follows
// the stock-and-flow identity (last year's + entries − exits) and cost is
// allowance + severance + recruitment, every year; the tests check both.
//
// # Randomness
//
// Results are deterministic: one master seed yields the same bytes whatever
// GOMAXPROCS is. Each replication's seed is derived from the master seed and
// its index. Within it every person has a key made from that seed and
// their ID, and their draw for a year is a hash of the key and the year
// (SplitMix64's mixer); every unit has its own PCG stream (math/rand/v2)
// keyed by its code. So baseline and variants draw the same numbers for
// the same people — common random numbers — and their paired differences
// carry little noise. A person's draw for a year does not depend on any
// draw before it, whatever else happens.
//
// Nobody crosses a commune, so the world is simulated in parts of whole
// communes (about a thousand people each, small enough to stay in a core's
// cache), each part through all its replications, in parallel; a
// replication's yearly totals are the sums over the parts. Those totals are
// whole numbers (đồng, months, people), exact in any order of addition, so
// the results are bit for bit those of one pass over the whole world.
//
// When the simulation needs to re-plan it calls [Assigner], declared here;
// package optimize satisfies it through cmd/kiemnhiem, so neither package
// imports the other. The package imports only model from this module.
//
// # Design
//
// Determinism is kept by construction, not by care in scheduling: every
// random number is keyed by what it is about (a replication, a person and
// a year, a unit), never by the order in which events or workers come; no
// state is shared between parts; and every total is a sum of whole numbers,
// exact in any order. Anything new must keep all three, or one seed would
// no longer give the same bytes on every machine.
//
// A person's draw for a year is a hash of their key and the year rather
// than the next number of a stream kept per person. No stream state is
// loaded and stored in the yearly pass, the per-person record stays small,
// and above all a year's draw does not depend on the draws before it: an
// event that consumes or skips a draw for someone cannot shift anyone's
// later numbers, so baseline and variant keep their common random numbers
// however far their histories diverge.
//
// The engine is a yearly pass over the people still present, not a queue
// of exponential clocks. Hazards change less than once per person-year,
// but every holder's hours change each year as households grow, so each
// holder is touched every year anyway; a clock engine would save at most
// the pass's own draw and pay for tracking whose hazard changed. For the
// same reason hours are kept up to date for everyone: the cover search,
// overload and hazards all read them, and computing them lazily costs more
// where they are read than it saves in the pass.
//
// A re-plan leaves in place the seats a person keeps, at the head of their
// list in the order it would hand them back, rather than dropping every
// seat of everyone whose titles changed and handing them out again: most
// would go straight back to the same person. The order matters, because
// later steps read a person's seats in order; TestKeptSeatsChangeNothing
// checks that both ways give the same bits.
package sim
