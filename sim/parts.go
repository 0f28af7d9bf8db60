package sim

// A replication of the whole country touches 400,000 people at random
// (exits, covers, recruits) and so spends its time waiting on memory. But
// nobody crosses a commune: a person's seats, the covers they take and the
// people freed to stand in for others all stay in one commune, and every
// random stream is keyed by a person or a unit, not by the order of
// events. So the world splits into parts of whole communes that simulate
// one after the other, each small enough to stay in cache, and their
// yearly totals add up to the whole world's. The totals are sums of whole
// numbers (đồng, months, people) far below 2^53, so they are exact in any
// order: the results are bit for bit those of one pass over the world,
// whoever ran which part.

// part is a piece of the world: a world sharing the whole one's timeline,
// with its own tables restricted to whole communes, and what maps it back.
type part struct {
	w *world
	// communes[c] is the world-wide number of the part's c-th commune.
	communes []int32
	// weight is the part's share of the work: its people.
	weight int
}

// partPeople is the size parts are filled to, in people of the expected
// world: a few thousand keep a replication's state (a few hundred bytes a
// person) within the core's cache while spreading the fixed cost of a
// replication (the months, the re-plans) over many people.
const partPeople = 1024 // tests split finer with Config.hooks

// communeNumbers numbers the communes densely in unit order: the
// numbering of Result.Gaps.
func (w *world) communeNumbers() (communes []int32, number []int32) {
	number = make([]int32, len(w.units))
	for u := range w.units {
		number[u] = -1
		if w.unitCommune[u] == int32(u) {
			number[u] = int32(len(communes))
			communes = append(communes, int32(u))
		}
	}
	return communes, number
}

// split divides w into parts no person crosses, each filled with whole
// groups of communes up to about target people (a group is the communes
// some person links: one commune unless a plan gives someone titles in
// two). The parts keep the world's order of units, seats and people, so
// that events within a part come in the order they would in the whole.
// Only the tables are projected here; the timeline is shared as it is
// (emptyPart) and prepare derives the rest in each part.
func (w *world) split(target int) []part {
	nu := len(w.units)
	// Union-find over the commune units people link.
	parent := make([]int32, nu)
	for u := range parent {
		parent[u] = int32(u)
	}
	find := func(x int32) int32 {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	home := make([]int32, len(w.people)) // a commune of each person, or -1
	for d := range home {
		home[d] = -1
	}
	link := func(d int32, b []seatRef) {
		for _, ref := range b {
			c := w.communeOfSeat(ref >> 1)
			if home[d] < 0 {
				home[d] = c
				continue
			}
			a, b := find(home[d]), find(c)
			if a != b {
				parent[max(a, b)] = min(a, b)
			}
		}
	}
	for d, b := range w.initial {
		link(int32(d), b)
	}
	for e := range w.epochs {
		ep := &w.epochs[e]
		for ci, d := range ep.change {
			link(d, ep.bundles[ci])
		}
	}
	// Each group's people, then the groups packed into parts in the order
	// of their first unit.
	groupPeople := make([]int, nu)
	for d := range home {
		if home[d] >= 0 {
			groupPeople[find(home[d])]++
		}
	}
	partOfGroup := make([]int32, nu)
	for u := range partOfGroup {
		partOfGroup[u] = -1
	}
	partOfUnit := make([]int32, nu)
	var weights []int
	for u := range nu {
		g := find(w.unitCommune[u])
		if partOfGroup[g] < 0 {
			if n := len(weights); n == 0 || weights[n-1] >= target {
				weights = append(weights, 0)
			}
			partOfGroup[g] = int32(len(weights) - 1)
			weights[len(weights)-1] += groupPeople[g]
		}
		partOfUnit[u] = partOfGroup[g]
	}

	parts := make([]part, len(weights))
	for pi := range parts {
		parts[pi] = part{w: w.emptyPart(), weight: weights[pi]}
	}
	// Units, slots and seats, in the world's order; local[x] is x's index
	// within its part.
	localUnit := make([]int32, nu)
	for u := range nu {
		pw := parts[partOfUnit[u]].w
		localUnit[u] = int32(len(pw.units))
		pw.units = append(pw.units, w.units[u])
	}
	for u := range nu {
		pw := parts[partOfUnit[u]].w
		pw.unitCommune = append(pw.unitCommune, localUnit[w.unitCommune[u]])
	}
	for y := range w.years {
		for pi := range parts {
			parts[pi].w.caps[y] = make([]int32, 0, len(parts[pi].w.units))
		}
		for u := range nu {
			pw := parts[partOfUnit[u]].w
			pw.caps[y] = append(pw.caps[y], w.caps[y][u])
		}
	}
	localSlot := make([]int32, len(w.slotUnit))
	for sl, u := range w.slotUnit {
		pw := parts[partOfUnit[u]].w
		localSlot[sl] = int32(len(pw.slotUnit))
		pw.slotUnit = append(pw.slotUnit, localUnit[u])
		pw.slotTitle = append(pw.slotTitle, w.slotTitle[sl])
		pw.slotSeat = append(pw.slotSeat, int32(len(pw.seatSlot)))
		for range w.slotSeat[sl+1] - w.slotSeat[sl] {
			pw.seatSlot = append(pw.seatSlot, localSlot[sl])
		}
		for y := range w.years {
			pw.wph[y] = append(pw.wph[y], w.wph[y][sl])
		}
	}
	for pi := range parts {
		pw := parts[pi].w
		pw.slotSeat = append(pw.slotSeat, int32(len(pw.seatSlot)))
		// Seats are numbered unit by unit: each unit's first seat.
		pw.unitSeat = make([]int32, len(pw.units)+1)
		for _, sl := range pw.seatSlot {
			pw.unitSeat[pw.slotUnit[sl]+1]++
		}
		for u := range pw.units {
			pw.unitSeat[u+1] += pw.unitSeat[u]
		}
	}
	localSeat := make([]int32, len(w.seatSlot))
	seen := make([]int32, len(parts))
	for k, sl := range w.seatSlot {
		pi := partOfUnit[w.slotUnit[sl]]
		localSeat[k] = seen[pi]
		seen[pi]++
	}
	partOfSeat := func(k int32) int32 { return partOfUnit[w.slotUnit[w.seatSlot[k]]] }
	mapRefs := func(b []seatRef) []seatRef {
		out := make([]seatRef, len(b))
		for j, ref := range b {
			out[j] = localSeat[ref>>1]<<1 | ref&1
		}
		return out
	}

	// People, in the world's order (the roster before the placeholders).
	// Someone who never holds a seat does nothing: they are left out.
	localPerson := make([]int32, len(w.people))
	for d := range w.people {
		localPerson[d] = -1
		if home[d] < 0 {
			continue
		}
		pw := parts[partOfUnit[home[d]]].w
		localPerson[d] = int32(len(pw.people))
		pw.people = append(pw.people, w.people[d])
		var b []seatRef
		if d < len(w.initial) {
			b = mapRefs(w.initial[d])
		}
		pw.initial = append(pw.initial, b)
	}
	for pi := range parts {
		pw := parts[pi].w
		// initial covers the roster only, as in the world.
		n := 0
		for n < len(pw.people) && !pw.people[n].placeholder {
			n++
		}
		pw.initial = pw.initial[:n]
	}

	for e := range w.epochs {
		ep := &w.epochs[e]
		for pi := range parts {
			pw := parts[pi].w
			pw.epochs = append(pw.epochs, epoch{replanAt: ep.replanAt, live: make([]bool, len(pw.seatSlot))})
		}
		for k, live := range ep.live {
			if live {
				pe := &parts[partOfSeat(int32(k))].w.epochs[e]
				pe.live[localSeat[k]] = true
				pe.nLive++
			}
		}
		for ci, d := range ep.change {
			pe := &parts[partOfUnit[home[d]]].w.epochs[e]
			pe.change = append(pe.change, localPerson[d])
			pe.bundles = append(pe.bundles, mapRefs(ep.bundles[ci]))
		}
	}

	_, number := w.communeNumbers()
	for u := range nu {
		if number[u] >= 0 {
			p := &parts[partOfUnit[u]]
			p.communes = append(p.communes, number[u])
		}
	}
	return parts
}

// emptyPart returns a world that shares w's timeline, with empty tables
// for split to fill with its units, seats and people.
func (w *world) emptyPart() *world {
	return &world{
		timeline: w.timeline,
		tables: tables{
			wph:  make([][]float32, w.years),
			caps: make([][]int32, w.years),
			// Seat lists as long as the world's: a person's room for covers
			// must not depend on the part.
			maxSeats: w.stride,
		},
	}
}
