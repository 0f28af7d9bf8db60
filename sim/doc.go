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
//     the presets), or Dynamics.MaxAge when that comes first — unless every
//     title they hold today may be held past that age
//     (model.Requirements.PastRetirement: elected mass-organisation and
//     village posts), when only Dynamics.MaxAge ends their service.
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
//     education, sex and attribute requirements and may combine it, up to the most
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
//   - Mergers (village rearrangements) are dated events. Each merger's plan
//     (absorbed village → keeper) is worked out once, on the expected world
//     of its date: given (Merger.Into), by the threshold rule
//     (model.ThresholdPlan) or by Config.Mergers for a rearrangement
//     (Merger.Rearrange). On the date the villages merge (households,
//     population and area summed, flags OR-ed) and the absorbed villages'
//     seats are gone. The merger's re-plan shows the Assigner the absorbed
//     villages' holders on their keeper, every term in a merged village
//     ended on the date (as villageplan.After does), so its plan picks the
//     merged villages' holders among everyone of them, as the commune does
//     (its chairman appoints the provisional head, NĐ 185/2026 Art. 4);
//     where the plan names more holders than a merged seat has (a plan that
//     keeps everyone's titles), the keeper's holder keeps it, then the
//     plan's order decides. Whoever held a seat in a merged village,
//     absorbed or keeper, and holds nothing now is released
//     (Replan.Rearranged, under the regime of
//     policy.rearrangement_severance, NĐ 185/2026 Art. 16(4)). Where no
//     plan covers a merged commune (no Assigner, Config.PlanOnce, or a plan
//     without it) the keeper's holders stay, every absorbed village's are
//     released, and the keeper's head (else the first absorbed village's)
//     is the provisional head. Either way the head is provisional until
//     policy.village_head's provisional period ends, when the villages
//     elect: the re-plan "after-merger", in which the terms in merged
//     villages have ended on the merger date. A re-plan in between (an
//     election of another title) leaves the communes merged in an earlier
//     month as they are. Without a village_head rule the merger's re-plan
//     is the election.
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
// # Structure
//
// What does not depend on chance is built once per scenario, before the
// replications: the world (world.go). Its timeline (timeline.go) holds what
// is indexed by month, title or re-plan — the policy and dynamics month by
// month, the funds, the re-plans' dates and record — and is shared whole by
// every part; its tables (tables.go) hold what is indexed by unit, seat or
// person, and split (parts.go) renumbers them for each part; the expected
// world and the plans the Assigner makes for it are built in expected.go. A
// replication's state is a rep (rep.go), played by simulate (simulate.go):
// the month loop (month.go), the yearly pass (year.go), seats and pay
// (seats.go), exits and covers (exits.go), recruitment (recruit.go),
// re-plans played out (replan.go), and the random numbers (draws.go). The
// accounting is result.go.
//
// # Adding an event
//
// A replication runs year by year (rep.run, month.go). At the start of each
// year the yearly pass (yearPass, year.go) goes once over everyone present:
// it refreshes hours as units grow and draws each person's one number for
// the year, which decides whether and in which month they die, resign or
// retire; those exits are queued by month. Then, month by month: prices
// and hazards are redone if the policy changed, the month's exits happen
// (exit, exits.go; their titles go to cover and recruitment), the recruits
// found this month arrive (recruitDue, recruit.go), the month's re-plan, if
// any, is played out (realise, replan.go), and the month's flows are added
// to the year's accounts.
//
// A new event's code goes where its kind lives: a new way of leaving is a
// cause in exits.go, decided in yearPass; a new way of arriving goes in
// recruit.go; something dated that changes the seats (like a merger) goes
// in timeline.go (its dates) and expected.go (what the plan does), then
// realise plays it; per-unit, per-seat or per-person data it needs goes in
// tables (tables.go), projected by split (a test fails when it is not), or
// in prepared if prepare can derive it in each part; per-month data goes
// in the timeline, which the parts share with no more code; state it keeps
// within a replication goes in rep (rep.go), set up by newRep and build
// and restored by reset.
//
// The random numbers must not move. A person's draw for a year is fmix64 of
// their key plus a multiple of the year (year.go, draws.go); a unit's draws
// come from its own stream in the order of its events. Common random numbers
// rest on these: the baseline and every variant, and the same code before
// and after a change, give the same person the same number in the same year.
// So a new event must not reuse or re-slice the yearly number (that would
// change who dies or resigns in every scenario) nor draw from a unit's
// stream (that would shift every later draw of the unit): it takes its own
// draw, a hash of the person's or unit's key with a constant of its own (see
// streamKey, mix), so that every existing draw stays where it was and only
// the new event's effects change the results.
//
// An event must also keep the parts invariant: it stays within the
// communes of its part (a person's seats, covers and stand-ins never cross
// a commune; split would have to group any communes an event links), reads
// only its part's tables and the shared timeline, and counts whole numbers.
// Parts are independent; each replication's totals are summed over the
// parts and the workers, and whole numbers below 2^53 add up exactly in any
// order, so the results are byte for byte the same whatever GOMAXPROCS or
// Config.Workers is. A fractional quantity would break this.
//
// The accounting picks an event up through a [Metric]: add a constant in
// result.go, before numMetrics, with its row in [Metrics] (key, unit,
// description), and add to r.out[metric][r.year] where the event happens
// (a flow), or set it at the year's end in rep.run (a stock). simulate sums
// r.out over parts and replications; Result.Metrics, the differences and
// the simulate command's JSON, CSV and text outputs range over [Metrics],
// so they carry it with no more code (and those outputs' goldens change,
// as they should). Money that is spent belongs in Cost too, which rep.run
// totals and the tests check.
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
