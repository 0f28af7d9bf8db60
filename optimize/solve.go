package optimize

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sort"
	"sync"
	"time"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// Solve finds the best plan for p. The context and Settings.TimeLimit stop
// the search; what was proven so far is returned with its bound, with
// status TimeLimit when the time limit stopped it and Interrupted when the
// context was cancelled by the caller.
func Solve(ctx context.Context, p *Problem, settings *Settings) (*Result, error) {
	return solve(ctx, p, settings, solveOptions{})
}

// solveOptions are what callers inside the package ask of a solve beyond
// Settings.
type solveOptions struct {
	// planOnly: the caller reads the plan alone, so no pool is explained
	// (infeasible pools have no plan either way).
	planOnly bool
	// cache, when set, answers pools solved before and keeps the new ones;
	// only with planOnly, as it keeps no explanations.
	cache *planCache
}

func solve(ctx context.Context, p *Problem, settings *Settings, opt solveOptions) (*Result, error) {
	start := time.Now()
	set := settings.orDefault()
	if opt.planOnly {
		set.Explain = false
	}
	b, specs, err := planPools(p, &set)
	if err != nil {
		return nil, err
	}
	var shared []byte // what every pool's cache key starts with
	if opt.cache != nil {
		opt.cache.begin()
		shared = b.sharedKey(&set)
	}
	outer := ctx // cancelled by the caller: Interrupted, not TimeLimit
	if set.TimeLimit > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, set.TimeLimit)
		defer cancel()
	}
	outs := make([]poolOutcome, len(specs))
	// The largest pools first: one started last would keep a worker busy
	// while the others idle. Results go by index, so the order is free.
	fanOut(set.Workers, bySize(specs), func(next <-chan int) {
		var key []byte
		for i := range next {
			pl := b.pool(specs[i].commune, specs[i].people, nil)
			if len(pl.slots) == 0 && len(pl.cands) == 0 {
				outs[i].empty = true
				continue
			}
			if opt.cache != nil {
				key = pl.appendKey(append(key[:0], shared...))
				if o, ok := opt.cache.get(key); ok {
					outs[i] = o
					continue
				}
			}
			outs[i] = solveOne(ctx, pl, &set, !opt.planOnly)
			if opt.cache != nil && ctx.Err() == nil && outs[i].status != TimeLimit {
				opt.cache.put(key, outs[i])
			}
		}
	})

	res := &Result{Status: Optimal, Plan: model.Plan{Date: p.Scenario.Date}, Goal: b.goal}
	n := 0
	for i := range outs {
		n += len(outs[i].assignments)
	}
	if n > 0 { // else nil, as appending nothing leaves it
		res.Plan.Assignments = make([]model.Assignment, 0, n)
	}
	for i, sp := range specs {
		if !outs[i].empty {
			res.add(sp.commune.Code, outs[i])
		}
	}
	return res.finish(p, start, outer), nil
}

// fanOut hands the indexes in order to workers goroutines (GOMAXPROCS
// when workers ≤ 0), each running work until none is left, and waits for
// them.
func fanOut(workers int, order []int, work func(next <-chan int)) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(workers, max(len(order), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			work(next)
		}()
	}
	for _, i := range order {
		next <- i
	}
	close(next)
	wg.Wait()
}

// add counts one pool's outcome into the result.
func (res *Result) add(commune string, o poolOutcome) {
	res.Pools = append(res.Pools, PoolResult{Commune: commune, Status: o.status, Objective: o.obj, Bound: o.bound, States: o.states, Explanation: o.explanation, Fixes: o.fixes, Pins: o.pins})
	// A pool with no plan adds nothing to the objective, so neither to the
	// bound: the problem's bound stays at or below its objective.
	if o.status == Optimal || len(o.assignments) > 0 || o.titles == 0 {
		res.Objective = res.Objective.Add(o.obj)
		res.Bound = res.Bound.Add(o.bound)
	} else {
		if res.unplanned == nil {
			res.unplanned = map[string]bool{}
		}
		res.unplanned[commune] = true
	}
	res.Plan.Assignments = append(res.Plan.Assignments, o.assignments...)
	res.AnnualCostAfter += o.annual
	res.Titles += o.titles
	res.People += o.people
	switch {
	case o.status == Infeasible:
		res.Status = Infeasible
	case o.status == TimeLimit && res.Status != Infeasible:
		res.Status = TimeLimit
	case o.status == Feasible && res.Status == Optimal:
		res.Status = Feasible
	}
}

// finish sorts the plan and fills in the problem-wide figures. A search
// stopped because outer, the caller's context, was cancelled is
// Interrupted, it and every pool it stopped.
func (res *Result) finish(p *Problem, start time.Time, outer context.Context) *Result {
	if outer.Err() != nil {
		for i := range res.Pools {
			if res.Pools[i].Status == TimeLimit {
				res.Pools[i].Status = Interrupted
			}
		}
		res.Status = Interrupted
	}
	res.Plan.Sort()
	res.Gap = gapIn(res.Goal.Order, res.Objective, res.Bound)
	if len(res.unplanned) > 0 {
		res.Gap = 1
	}
	res.Before, res.AnnualCostBefore = before(p.Scenario, res.Goal, nil)
	res.PlannedBefore, res.AnnualCostPlannedBefore = res.Before, res.AnnualCostBefore
	if ix, err := model.NewIndex(p.Scenario); err == nil && len(res.unplanned) > 0 {
		res.PlannedBefore, res.AnnualCostPlannedBefore = before(p.Scenario, res.Goal, func(q *model.Person) bool {
			return !res.unplanned[ix.HomeCommune(q)]
		})
	}
	res.Seconds = time.Since(start).Seconds()
	return res
}

type poolOutcome struct {
	empty          bool // no titles and no people: not a pool
	titles, people int
	status         Status
	obj, bound     Objective
	states         int
	assignments    []model.Assignment
	annual         model.Money
	explanation    []Reason
	fixes          []Fix
	pins           []PinEffect
}

// bySize lists the indexes of specs, the pools with most people first.
func bySize(specs []poolSpec) []int {
	order := make([]int, len(specs))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return len(specs[order[a]].people) > len(specs[order[b]].people) })
	return order
}

// solveOne solves one pool; explain false leaves an infeasible pool
// unexplained (Settings.Explain still governs feasible ones).
func solveOne(ctx context.Context, pl *pool, set *Settings, explain bool) poolOutcome {
	r, err := solvePool(ctx, pl, set)
	out := poolOutcome{states: r.states}
	out.titles, out.people = pl.size()
	switch {
	case errors.Is(err, errStateLimit) && r.feasible:
		// Out of states, with the heuristic plan and its bound.
		out.status = Feasible
		out.obj, out.bound = r.obj, r.bound
		out.assignments, out.annual = pl.assignments(r.held)
		return out
	case errors.Is(err, errStateLimit):
		out.status = Feasible
		out.bound = lowerBound(pl)
		return out
	case err != nil && r.feasible: // cancelled or out of time, with the heuristic plan
		out.status = TimeLimit
		out.obj, out.bound = r.obj, r.bound
		out.assignments, out.annual = pl.assignments(r.held)
		return out
	case err != nil:
		out.status = TimeLimit
		out.bound = lowerBound(pl)
		return out
	case !r.feasible:
		out.status = Infeasible
		if explain {
			out.explanation, out.fixes = explainAndFix(ctx, pl, set)
		}
		return out
	}
	out.status = Optimal
	out.obj, out.bound = r.obj, r.obj
	out.assignments, out.annual = pl.assignments(r.held)
	if set.Explain {
		out.explanation = explainBinding(ctx, pl, set, r)
	}
	if explain {
		out.pins = explainPins(ctx, pl, set, r)
	}
	return out
}

// size returns the title holders a pool needs and its candidates who are
// people (not recruits).
func (pl *pool) size() (titles, people int) {
	for _, sl := range pl.slots {
		titles += sl.need
	}
	for _, c := range pl.cands {
		if c.person != nil {
			people++
		}
	}
	return titles, people
}

// lowerBound is a weak bound for a pool that was not solved: everyone with
// a fixed title must be kept.
func lowerBound(pl *pool) Objective {
	var b Objective
	for _, c := range pl.cands {
		if len(c.fixed) > 0 {
			b.Headcount++
		}
	}
	return b
}

// assignments turns chosen bundles into a plan.
func (pl *pool) assignments(held [][]int) ([]model.Assignment, model.Money) {
	var out []model.Assignment
	var annual model.Money
	recruits := map[int]int{}
	for ci, slots := range held {
		c := &pl.cands[ci]
		if len(slots) == 0 {
			continue
		}
		id := ""
		if c.person != nil {
			id = c.person.ID
		} else {
			recruits[c.recruit]++
			id = fmt.Sprintf("NEW-%s-%d", pl.units[c.recruit].Code, recruits[c.recruit])
		}
		pays, main := pl.payOf(ci, slots)
		for k, si := range slots {
			sl := pl.slots[si]
			out = append(out, model.Assignment{Person: id, Title: pl.titles[sl.title].ID, Unit: pl.units[sl.unit].Code, Main: k == main})
			annual += 12 * pays[k]
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Person < out[j].Person })
	return out, annual
}

// before is the objective under goal and the annual allowance cost of
// today's holdings, of the people keep accepts (nil: everyone).
func before(s *model.Scenario, goal model.ObjectiveRule, keep func(*model.Person) bool) (Objective, model.Money) {
	var o Objective
	var annual model.Money
	pa, _ := s.Policy.At(s.Date)
	if pa.Lacks(model.PolicyBaseSalary) {
		return o, 0
	}
	base, rate := pa.BaseSalary, pa.ConcurrencyRate // a missing rate is 0
	titles := map[string]*model.Title{}
	for i := range s.Titles {
		titles[s.Titles[i].ID] = &s.Titles[i]
	}
	for i := range s.People {
		p := &s.People[i]
		if keep != nil && !keep(p) {
			continue
		}
		var pays []model.Money
		for _, h := range p.Holdings {
			if t, ok := titles[h.Title]; ok {
				pays = append(pays, t.AllowanceFor(p.Education).Of(base))
			}
		}
		if len(pays) == 0 {
			continue
		}
		o.Headcount++
		sort.Slice(pays, func(i, j int) bool { return pays[i] > pays[j] })
		monthly := pays[0]
		for _, x := range pays[1:] {
			monthly += x.Scale(rate)
		}
		annual += 12 * monthly
		o.Cost += goal.AllowanceCost(monthly)
	}
	return o, annual
}
