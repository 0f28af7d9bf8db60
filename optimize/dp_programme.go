package optimize

import "math"

// The two programmes: a group's options over its candidates, and the
// commune programme that combines the groups' options.

// groupOptions runs the group programme. It returns the options layer,
// keyed by commune titles covered and commune holders, its labels pointing
// into the group's final layer (g.layers keeps every layer's links for the
// walk back).
func (sv *solver) groupOptions(g *group) (opts *layer, err error) {
	pl := sv.pl
	b := &sv.sc.b
	pareto := sv.fundBinds || len(g.fundVill) > 0
	pack := newPacker(g.local.bits, sv.shared.bits, 8+4*uint(len(g.capVillage)))
	b.begin(pack, pareto, 1)
	b.insert(stateKey{}, &value{}, link{prev: -1, choice: -1})
	cur := b.finish(sv.sc)
	layers := []*layer{cur}
	maxH := math.MaxInt
	if sv.ub != nil {
		maxH = sv.ub.Headcount - sv.lbRest[g.index]
	}
	// With the completion bound, a label is dropped when its village
	// titles can no longer be covered by the candidates left, or when, with
	// the best they and the other groups can add, it cannot beat the greedy
	// plan (limit is the bound less what the other groups add).
	useLimit := g.bound != nil && sv.ub != nil && sv.lexicographic
	var limit Objective
	if useLimit {
		limit = sv.ub.Sub(g.others)
	}
	// Read once what the inner loop checks, the compiler cannot hoist it.
	// The two additions below (local, shared) are written out rather than
	// shared through an inlined method: that method measured about 10 %
	// slower on BenchmarkReplans/hanoi-2019, in old/new runs taken in turns.
	lr, sr := g.local, sv.shared
	localBinary, localGuard, localBias, localGuards := lr.binary, lr.guard, lr.bias, lr.guards
	sharedBinary, sharedGuard, sharedBias, sharedGuards := sr.binary, sr.guard, sr.bias, sr.guards
	capBinds, communeCap, villageCap := sv.capBinds, pl.communeCap, pl.villageCap
	fundBinds, communeFund := sv.fundBinds, pl.communeFund
	for j, ci := range g.cands {
		if err := sv.ctx.Err(); err != nil {
			sv.sc.release(cur)
			return nil, err
		}
		moves := sv.moves(g, ci)
		var tails []Objective
		var moveAt []int
		if g.bound != nil {
			tails = g.bound.row(j + 1)
			moveAt = sv.sc.bound.atChoice[:0]
			for mi := range moves {
				moveAt = append(moveAt, g.bound.project(lr, moves[mi].localAdd))
			}
			sv.sc.bound.atChoice = moveAt
		}
		b.begin(pack, pareto, len(cur.keys))
		for si, key := range cur.keys {
			keyAt := 0
			if g.bound != nil {
				keyAt = g.bound.project(lr, key.local)
			}
			lo, hi := cur.labels(si)
			for li := lo; li < hi; li++ {
				l := &cur.vals[li]
				for mi := range moves {
					m := &moves[mi]
					var local, shared uint64
					ok := true
					switch {
					case localBinary:
						if key.local&m.localAdd != 0 {
							continue
						}
						local = key.local | m.localAdd
					case localGuard:
						if local = key.local + m.localAdd; (local+localBias)&localGuards != 0 {
							continue
						}
					default:
						if local, ok = addDigits(key.local, m.local); !ok {
							continue
						}
					}
					switch {
					case sharedBinary:
						if key.shared&m.sharedAdd != 0 {
							continue
						}
						shared = key.shared | m.sharedAdd
					case sharedGuard:
						if shared = key.shared + m.sharedAdd; (shared+sharedBias)&sharedGuards != 0 {
							continue
						}
					default:
						if shared, ok = addDigits(key.shared, m.shared); !ok {
							continue
						}
					}
					counters := key.counters
					if m.commune && capBinds {
						counters++
						if int(counters&0xff) > communeCap {
							continue
						}
					}
					if m.capMask != 0 {
						over := false
						for i := range g.capVillage {
							if m.capMask&(1<<i) == 0 {
								continue
							}
							shift := 8 + 4*uint(i)
							n := (counters>>shift)&0xf + 1
							if int(n) > villageCap {
								over = true
								break
							}
							counters += 1 << shift
						}
						if over {
							continue
						}
					}
					nv := value{obj: l.obj.Add(m.obj), cspend: l.cspend + m.cspend}
					if nv.obj.Headcount > maxH {
						continue
					}
					if tails != nil {
						t := tails[keyAt+moveAt[mi]]
						if t.Headcount == unreachable || useLimit && limit.Less(nv.obj.Add(t)) {
							continue
						}
					}
					over := fundBinds && nv.cspend > communeFund
					for i, ui := range g.fundVill {
						nv.vspend[i] = l.vspend[i] + m.vspend[i]
						if nv.vspend[i] > pl.villageFund[ui] {
							over = true
						}
					}
					if over {
						continue
					}
					if b.insert(stateKey{local, shared, counters}, &nv, link{prev: li, choice: int32(m.bundle)}) {
						sv.states++
					}
				}
			}
			if sv.states > sv.maxStates {
				sv.sc.release(cur)
				return nil, errStateLimit
			}
		}
		sv.sc.release(cur)
		cur = b.finish(sv.sc)
		layers = append(layers, cur)
	}
	g.layers = layers
	b.begin(newPacker(0, sv.shared.bits, 8), sv.fundBinds, 0)
	for si, key := range cur.keys {
		if key.local != g.local.full {
			continue
		}
		lo, hi := cur.labels(si)
		for li := lo; li < hi; li++ {
			l := &cur.vals[li]
			b.insert(stateKey{shared: key.shared, counters: key.counters & 0xff}, &value{obj: l.obj, cspend: l.cspend}, link{prev: li, choice: -1})
		}
	}
	sv.sc.release(cur)
	return b.finish(sv.sc), nil
}

// walkGroup follows labels back from the final layer of g, writing each
// candidate's bundle.
func (sv *solver) walkGroup(g *group, li int32, choice []int) {
	for k := len(g.cands) - 1; k >= 0; k-- {
		l := g.layers[k+1].links[li]
		choice[g.cands[k]] = int(l.choice)
		li = l.prev
	}
}

// communeProgramme combines the groups' options. layers[0] is the start,
// layers[g+1] the states after group g; only the last keeps its states and
// values, the others only their links.
func (sv *solver) communeProgramme(options []*layer) ([]*layer, error) {
	pl := sv.pl
	b := &sv.sc.b
	pack := newPacker(0, sv.shared.bits, 8)
	b.begin(pack, sv.fundBinds, 1)
	b.insert(stateKey{}, &value{}, link{prev: -1, choice: -1})
	cur := b.finish(sv.sc)
	layers := []*layer{cur}
	// Read once what the inner loop checks, the compiler cannot hoist it.
	sharedBinary, sharedGuard, sharedBias, sharedGuards := sv.shared.binary, sv.shared.guard, sv.shared.bias, sv.shared.guards
	capBinds, communeCap := sv.capBinds, pl.communeCap
	fundBinds, communeFund := sv.fundBinds, pl.communeFund
	// suffix[g]: the fewest people the groups from g on need.
	suffix := make([]int, len(options)+1)
	for gi := len(options) - 1; gi >= 0; gi-- {
		suffix[gi] = suffix[gi+1] + minHeadcount(options[gi])
	}
	// The completion bound drops states the groups left cannot complete
	// and, with the greedy plan, labels that cannot beat it.
	rest := sv.communeBound(options)
	useLimit := rest != nil && sv.ub != nil && sv.lexicographic
	for gi := range options {
		if err := sv.ctx.Err(); err != nil {
			sv.sc.release(cur)
			return nil, err
		}
		opt := options[gi]
		b.begin(pack, sv.fundBinds, len(cur.keys))
		// An option label fits the bound when its people fit in what the
		// bound leaves after the groups still to come.
		maxH := math.MaxInt
		if sv.ub != nil {
			maxH = sv.ub.Headcount - suffix[gi+1]
		}
		// The bound after this group, with each option's projection.
		var tails []Objective
		var optAt []int
		if rest != nil {
			tails = rest.row(gi + 1)
			optAt = sv.sc.bound.projectShared(opt.keys, rest, sv.shared)
		}
		for si, key := range cur.keys {
			keyAt := 0
			if rest != nil {
				keyAt = rest.project(sv.shared, key.shared)
			}
			lo, hi := cur.labels(si)
			for li := lo; li < hi; li++ {
				l := &cur.vals[li]
				room := maxH - l.obj.Headcount
				for oi, okey := range opt.keys {
					var shared uint64
					switch { // radix.sum, its mode read once above
					case sharedBinary:
						if key.shared&okey.shared != 0 {
							continue
						}
						shared = key.shared | okey.shared
					case sharedGuard:
						if shared = key.shared + okey.shared; (shared+sharedBias)&sharedGuards != 0 {
							continue
						}
					default:
						var ok bool
						if shared, ok = sv.shared.sum(key.shared, okey.shared); !ok {
							continue
						}
					}
					k := key.counters + okey.counters
					if capBinds && int(k) > communeCap {
						continue
					}
					// limit is what an option label may add and still
					// reach a plan no worse than the bound (objectives
					// compare level by level, so subtracting keeps order).
					limit := Objective{Headcount: room, Cost: math.MaxInt64, Disruption: math.MaxInt}
					if tails != nil {
						t := tails[keyAt+optAt[oi]]
						if t.Headcount == unreachable {
							continue // the groups left cannot cover the rest
						}
						if useLimit {
							limit = sv.ub.Sub(l.obj).Sub(t)
						}
					}
					olo, ohi := opt.labels(oi)
					for oli := olo; oli < ohi; oli++ {
						o := &opt.vals[oli]
						if limit.Less(o.obj) {
							continue
						}
						nv := value{obj: l.obj.Add(o.obj), cspend: l.cspend + o.cspend}
						if fundBinds && nv.cspend > communeFund {
							continue
						}
						if b.insert(stateKey{shared: shared, counters: k}, &nv, link{prev: li, choice: oli}) {
							sv.states++
						}
					}
				}
			}
			if sv.states > sv.maxStates {
				sv.sc.release(cur)
				return nil, errStateLimit
			}
		}
		sv.sc.release(cur)
		cur = b.finish(sv.sc)
		layers = append(layers, cur)
	}
	return layers, nil
}

// minHeadcount is the fewest people any label of a layer uses.
func minHeadcount(ly *layer) int {
	best := math.MaxInt
	for _, v := range ly.vals {
		best = min(best, v.obj.Headcount)
	}
	return best
}

// localLB is the fewest people of group g who can hold its village titles,
// ignoring the commune titles; ok is false when they cannot. When that takes
// too many states it gives up and returns the trivial bound 0.
func (sv *solver) localLB(g *group) (int, bool) {
	sc := sv.sc
	ix := &sc.b.index
	// States in creation order with their fewest people, this layer (cur)
	// and the next; the buffers live in sc.
	cur, curH := append(sc.lbKeys[0][:0], 0), append(sc.lbPeople[0][:0], 0)
	next, nextH := sc.lbKeys[1][:0], sc.lbPeople[1][:0]
	defer func() {
		sc.lbKeys = [2][]uint64{cur, next}
		sc.lbPeople = [2][]int{curH, nextH}
	}()
	for _, ci := range g.cands {
		// The bundles' village digits depend on the candidate only: a
		// span per bundle, −1 for bundles that are empty or leave g.
		digits, spans := sc.lbDigits[:0], sc.lbSpans[:0]
		for bi := range sv.bundles[ci] {
			b := &sv.bundles[ci][bi]
			span := [2]int{len(digits), -1}
			if len(b.items) > 0 {
				span[1] = len(digits)
				for _, it := range b.items {
					if sv.cls[it.class].unit == 0 {
						continue
					}
					k := g.local.digit[it.class]
					if k < 0 {
						span[1] = -1
						break
					}
					digits = append(digits, g.local.adder(k, uint64(it.count)))
					span[1] = len(digits)
				}
			}
			if span[1] < 0 {
				digits = digits[:span[0]]
			}
			spans = append(spans, span)
		}
		sc.lbDigits, sc.lbSpans = digits, spans

		ix.reset(len(cur))
		next, nextH = next[:0], nextH[:0]
		put := func(k uint64, h int) {
			si, ok := ix.lookup(k, int32(len(next)))
			if !ok {
				next = append(next, k)
				nextH = append(nextH, h)
			} else if h < nextH[si] {
				nextH[si] = h
			}
		}
		mustUse := len(sv.pl.cands[ci].fixed) > 0
		for i, k := range cur {
			h := curH[i]
			if !mustUse {
				put(k, h)
			}
			for _, sp := range spans {
				if sp[1] < 0 {
					continue
				}
				if nk, ok := addDigits(k, digits[sp[0]:sp[1]]); ok {
					put(nk, h+1)
				}
			}
		}
		cur, next = next, cur
		curH, nextH = nextH, curH
		if len(cur) > sv.maxStates/16 || sv.ctx.Err() != nil {
			return 0, true // too many to bound cheaply: 0 is still a bound
		}
	}
	for i, k := range cur {
		if k == g.local.full {
			return curH[i], true
		}
	}
	return 0, false
}
