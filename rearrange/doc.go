// Package rearrange decides, for one commune, which villages (thôn, tổ dân
// phố) merge under Decree 185/2026/NĐ-CP (Art. 8(3), 10), and proves the
// answer optimal.
//
// # The problem
//
// A [Commune] has [Village]s, each with its households and the household
// floor that applies to it alone (the region's floor for its type, Art.
// 10(1), or the province's lower floor for an Art. 10(3) category). A plan
// partitions the villages into groups, each group one village after the
// rearrangement:
//
//   - villages merge only within their commune (one Commune is solved at a
//     time; a plan cannot name another commune's village);
//   - at most [Options].MaxMerge (K) villages merge into one;
//   - with [Options].Adjacency, only between neighbours: a merged group must
//     be connected through the neighbour lists (an edge listed on either
//     side counts);
//   - a merged village's floor is the strictest (largest) of its members'
//     floors: a merged thôn keeps the thôn floor, a thôn merged with a tổ
//     dân phố takes the TDP floor, and an exempt village with a lower floor
//     that merges with an ordinary one loses its lower floor — the merged
//     village is no longer only the circumstance that justified it;
//   - exempt villages ([Village].Exempt): under [ExemptOwnFloor] (the
//     default) they are measured against their own lower floor and may
//     absorb and be absorbed like any other; under [ExemptStays] they stay as
//     they are, neither absorbing nor absorbed, and one below its floor is
//     explained as exempt;
//   - a merger that leaves the new village below its floor is never made.
//
// The merged village keeps the identity (code, name) of its largest member,
// the first in input order among equals; the households of the others are
// the ones that change village.
//
// # The objective
//
// Under [FewestMerges] (the decree's reading: rearrange the villages that do
// not meet the criteria), lexicographically:
//
//  1. the fewest villages left below their floor, counted in villages
//     before: [Objective].Under is the number of original villages whose
//     village after is below its floor. A village left as it is counts
//     once; two villages below their floor merged into one still below it
//     would count twice. So merging never lowers it unless the merged
//     village reaches its floor: the objective does not reward merging
//     villages that stay too small (counting villages after would: two
//     villages below the floor merged into one below it would count once,
//     and the first level would prefer that pointless merger to leaving
//     them). At the optimum every village below its floor is unmerged, so
//     the figure is also the number of villages after that are below
//     their floor;
//  2. the most villages kept, that is the fewest merges (villages before
//     minus villages after). A village at its floor therefore stays as it
//     is unless a village below its floor has no other way to reach it;
//  3. the least disruption: the households that change village.
//
// Under [Consolidation], the what-if: (1) the same, (2) the fewest villages
// after (the most merges), (3) the least disruption — still never a merger
// whose village stays below its floor, so consolidation merges villages at
// their floor too, but only into villages that meet it.
//
// Plans tied on the three levels are ordered by a fourth, under both
// goals: list a plan's groups after the rearrangement (villages left as
// they are included) by their first village in input order, each group as
// its villages in input order; the plan whose list comes first
// lexicographically is chosen, a group that is the beginning of another
// coming first. Taking the villages in input order, a village not yet
// taken by an earlier one stays as it is if an optimal plan allows it,
// and otherwise merges with the earliest next villages it can: thôn 1
// merges with thôn 2 rather than with thôn 5 when the two plans are
// otherwise equal. So the plan is a function of the commune (its villages
// and their order) and the options alone, not of the order in which the
// search meets tied plans; [Plan].TieBroken says it was settled.
//
// Under FewestMerges the rule against mergers below the floor costs
// nothing: splitting such a merged village back into its members counts no
// more villages below their floor (each member's floor is at most the
// group's and its households fewer) and keeps more villages. The brute-force
// test, which searches every partition without that rule, checks it.
//
// # The algorithm
//
// A candidate is a set of 2 to K mergeable villages, connected under the
// adjacency rule, that reaches its floor. Under FewestMerges a candidate
// also holds a village below its floor (a merged group of villages at their
// floor is better split) and is minimal: no member at its floor can leave
// with the rest still a candidate (it would better stay as it is: one merge
// less, the same villages at their floor). Candidates are enumerated
// (Wernicke's ESU for connected sets; combinations, villages below the
// floor first, without adjacency), the objective becomes one int64 weight
// per candidate whose sum orders plans exactly as the lexicographic
// objective does, and the villages split into components that share no
// candidate, each solved apart.
//
// Each component is a branch and bound: take the key village not yet placed
// that has the fewest candidates (key: below its floor under FewestMerges,
// every mergeable village under Consolidation), branch on each available
// candidate that holds it, best first, then on leaving it as it is. The
// bound adds, for every key village not yet placed, the best share of a
// candidate still available to it, a candidate's weight split evenly over
// its key members: no plan can do better, since each plan's value is the
// sum of such shares; under FewestMerges, when every key village is
// brought to its floor under the adjacency rule, the households moved
// are bounded too, by each key's least moved share, rounded up; and the
// merges by a matching: a key whose least share is half a merge (a pair
// of two key villages still available) pays at least two thirds of one
// (one when K = 2) unless the plan merges it in such a pair, and the pairs
// a plan merges are a matching, so the keys that a largest matching of
// the available pairs leaves out (Edmonds' blossoms) pay the difference.
// Where a component's search runs long (1,000 nodes), the merges and the
// households moved are bounded by a Lagrangian split as well: each
// candidate's merges (households moved) shared among its keys in
// proportion to multipliers fixed by subgradient steps on the dual of
// covering every key once, each key charged its least share of an
// available candidate; any multipliers give a valid bound (100 steps
// at first, resumed to 300 and the bound rebuilt once the search passes
// 10,000 nodes: the long searches need the better multipliers, the
// short ones would pay for them; lagsteps.go, lagpolish.go). With it,
// from 16,000 nodes, the keys are split into clusters of up to 14 nearby
// keys, and at nodes within a merge of the incumbent each cluster is
// charged the least its keys' shares cost over disjoint available
// candidates that cover them all, found by an exact search inside the
// cluster and remembered by the availability of its candidates
// (clusterbound.go): inside a cluster it sees villages two keys cannot
// both take and odd runs of keys that cannot all pair, which the shares,
// one key at a time, miss. A cluster
// costs its keys' shares plus an excess, so a node is cut as soon as the
// Lagrangian sum and the excess of the clusters known so far prune it,
// before the dirty ones are searched (clustercut.go).
// Under the adjacency rule the rest of a search depends only on the
// candidates still available, so states are remembered by that set with a bound on what
// their rest can add, and the key villages are taken in a breadth-first
// sweep from a far end of the component (forced keys first): branches that
// settled a part of the commune differently meet in one state, a dynamic
// programme over the frontier of the sweep. Without adjacency,
// interchangeable villages (the same households, floor and mergeability;
// under FewestMerges any two villages at their floor that are at least
// every floor of the commune) are used in input order only, and a key
// village whose twin was left as it is is left too. A state's remembered
// bound is what its branches could add, each pruned branch counting its
// own bound (not the incumbent's margin), so a later visit that comes with
// a better value so far is pruned too.
//
// Under FewestMerges the search aspires before it searches: it first sets
// its incumbent just below the least value of a plan that brings every key
// village with a candidate to its floor, so that a branch stranding one
// is pruned at once (a pass that finds nothing proves no plan does, and
// the aspiration drops by one), stops at the first such plan, then
// aspires to the root's bound on merges, one more per pass that finds
// nothing, up to that plan's merges, within an eighth of the node budget
// left, and searches on from the best plan found. The remembered bounds
// carry over between passes.
//
// The fourth level is settled after a component is proven optimal, at
// value V: its villages are taken in input order, and every option for a
// village that the fourth level puts before the proven plan's (staying as
// it is, then its groups with later villages) is tried by the same branch
// and bound, asked only whether V is still reachable with the villages
// settled so far; the first option that is becomes the village's, with
// the plan found. The remembered states carry over between these
// searches, and they try the guide's candidates first. Under the
// adjacency rule, once one of them runs past 64 nodes, one search finds
// every candidate that some plan worth V holds (the branch and bound with
// its incumbent just below V, recording the plans that reach it rather
// than stopping, each state from which one was found remembered with the
// value it was reached at), and an option outside that set is not tried
// again: no plan worth V holds it, whatever was settled before.
//
// A search that reaches [Options].MaxNodes or [Options].TimeLimit stops and
// reports its best plan with Status [Limited] and a [Plan].Bound computed
// from the bounds of the branches it left open; never a silent
// non-optimal answer.
//
// Before it reports, such a search improves its plan by a local search
// (improve.go, improve_ball.go): windows of one to three of its merged
// villages that a candidate links, with the villages left as they are
// around them, are freed and solved exactly, then balls of up to 24
// merged villages are solved as communes of their own by this search
// (20,000 nodes each, one pass over the commune), and the better groups
// kept, in a fixed order, within half the node budget. It keeps every
// village it brought to its floor and lowers merges, then households
// moved: on synth's Hồ Chí Minh City, the 44 wards stopped at 100,000
// nodes merge 2,557 times in all without it, 2,529 with it (fewer in
// 18), and move 713,830 households instead of 730,108.
//
// # Explanations
//
// Every village left below its floor is explained ([Explanation], in
// Vietnamese and English): exempt and kept as it is; the options allow no
// merging; no neighbour it may merge with; too few households in all the
// villages it could ever be joined to; no group of at most K villages
// (neighbours, under adjacency) reaches the floor; the villages it could
// join are needed by others and no plan brings more villages to their
// floor; or the search stopped before settling it.
//
// # Checking
//
// Package rearrange/check verifies a plan without this package's code:
// every village in exactly one group, sizes, neighbours, exemptions,
// floors, the figures and the objective recomputed. The tests compare the
// solver with a brute force over every partition of small communes and
// with a MILP of the same problem solved by CBC.
package rearrange
