package sim

import (
	"slices"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// realise plays re-plan e: the expected world's new holders take their
// titles where they are still there; recruits stand in for those who are
// not, when a candidate is found; whoever the plan no longer needs is
// released with severance.
func (r *rep) realise(e int) {
	w := r.w
	ep := &w.epochs[e]
	r.flushGaps()
	r.setEpoch(e + 1) // live seats are this epoch's from now on
	// Covers stay unless their seat is gone; the new holders of covered
	// seats end them as they take the seats.
	kept := r.covers[:0]
	for _, k := range r.covers {
		if !r.cover[k] {
			continue
		}
		if !ep.live[k] {
			r.endCover(k)
			continue
		}
		kept = append(kept, k)
	}
	r.covers = kept
	// Take the changing people's seats away first: seats move between
	// them. Seats a person keeps at the head of their list, in the order
	// give would hand them back, stay put: dropping and giving them again
	// would end in the same state (the same seats in the same order, so
	// the same sums), at twice the work.
	touched := r.free[:0]
	for ci, d := range ep.change {
		if i := r.repOf[d]; i >= 0 && r.pp[i].active {
			keep := 0
			if !w.hooks.dropKept {
				keep = r.keptPrefix(i, ep.bundles[ci], ep.live)
			}
			r.dropped = r.dropFrom(i, keep, r.dropped[:0])
			touched = append(touched, i)
		}
		r.now[d] = bundleNow{ep.bundles[ci], ep.needs[ci]}
	}
	free := r.freed[:0]
	for ci, d := range ep.change {
		b := ep.bundles[ci]
		i := r.repOf[d]
		switch {
		case len(b) == 0:
			r.repOf[d] = -1
			r.deficient[d] = false
		case i >= 0:
			r.give(d, i, true)
		default:
			r.markDeficient(d)
		}
	}
	// Whoever holds nothing now may stand in below or is released.
	for _, i := range touched {
		if r.pp[i].nSeats == 0 && !r.inFree[i] {
			r.inFree[i] = true
			free = append(free, i)
		}
	}
	// Fill the deficient: someone freed in the same commune who meets the
	// requirements first, else a new recruit if a candidate is found.
	// Index the freed by commune: each deficient person looks only at
	// their own commune's. The lists are kept by commune unit and reused
	// from one re-plan to the next.
	for _, i := range free {
		c := r.pp[i].home
		if len(r.freeBy[c]) == 0 {
			r.freeIn = append(r.freeIn, c)
		}
		r.freeBy[c] = append(r.freeBy[c], i)
	}
	// The list's order is deterministic (it is built in event order), so
	// it needs no sorting.
	list := append(r.defScratch[:0], r.defList...)
	r.defScratch = list
	r.defList = r.defList[:0]
	for _, d := range list {
		if !r.deficient[d] {
			continue
		}
		r.deficient[d] = false
		now := &r.now[d]
		if len(now.seats) == 0 {
			continue
		}
		if i := r.repOf[d]; i >= 0 {
			r.give(d, i, true)
			continue
		}
		u, party, edu := now.unit, now.party, now.edu
		c := w.unitCommune[u]
		reuse := -1
		var cands []int32
		if len(r.freeIn) > 0 { // often nobody is freed: skip the lookup
			cands = r.freeBy[c]
		}
		for fi, i := range cands {
			if r.inFree[i] && r.pp[i].nSeats == 0 && (r.pp[i].party || !party) && r.pp[i].edu >= edu {
				reuse = fi
				break
			}
		}
		if reuse >= 0 {
			i := cands[reuse]
			r.inFree[i] = false
			r.freeBy[c] = slices.Delete(cands, reuse, reuse+1)
			if od := r.pp[i].det; r.repOf[od] == i {
				r.repOf[od] = -1
			}
			r.pp[i].det = d
			r.repOf[d] = i
			r.give(d, i, true)
			continue
		}
		if q := r.fillProbability(d); q > 0 && uniform(r.unitRNG(u)) < q {
			r.hire(d, true)
		} else {
			r.markDeficient(d)
		}
	}
	for _, i := range free {
		if !r.inFree[i] {
			continue // stood in for someone
		}
		r.inFree[i] = false
		if r.pp[i].nSeats == 0 {
			r.release(i)
		}
	}
	for _, c := range r.freeIn {
		r.freeBy[c] = r.freeBy[c][:0]
	}
	r.freeIn = r.freeIn[:0]
	r.freed = free[:0]
	// Cover what stays vacant, and look for recruits between elections.
	// Neither appends to defList, so it is read in place.
	for _, d := range r.defList {
		for _, ref := range r.now[d].seats {
			r.coverSeat(ref >> 1)
		}
		if r.repOf[d] < 0 {
			r.scheduleRecruit(d)
		}
	}
	r.free = touched[:0]
}

// keptPrefix is how many of person i's seats, from the first, are the
// first live seats of bundle b in b's order and held for real (give turns
// a cover into a real hold): the seats that give(b) would hand back to
// them, in that order, were they all dropped.
func (r *rep) keptPrefix(i int32, b []seatRef, live []bool) int {
	base := int(i) * r.w.stride
	held := r.seats[base : base+int(r.pp[i].nSeats)]
	m := 0
	for _, ref := range b {
		k := ref >> 1
		if !live[k] {
			continue
		}
		if m == len(held) || held[m] != k || r.cover[k] {
			break
		}
		m++
	}
	return m
}

// release lets person i go at a re-plan, paying the Decree 154/2025
// support: A is the main title's allowance in full, months served since
// they started, months left to retirement. Someone past the retirement age
// (a holder of titles that do not stop there) is owed a pension, not the
// support, as the optimiser prices it (model.SeveranceEstimate).
func (r *rep) release(i int32) {
	w := r.w
	p := &w.monthly[r.month]
	served := r.month - int(r.draw[i].start)
	toRet := r.monthsToRetirement(i)
	if a := model.Money(r.pp[i].mainFull); a > 0 && toRet > 0 && p.severance != (model.SeveranceRule{}) {
		r.out[Severance][r.year] += float64(p.severance.Amount(a, served, toRet))
	}
	r.out[ExitsReleased][r.year]++
	r.refresh(i)
	if r.pp[i].active {
		r.pp[i].active = false
		r.nActive--
	}
	r.draw[i].gone = true
	if d := r.pp[i].det; r.repOf[d] == i {
		r.repOf[d] = -1
	}
}

// monthsToRetirement is the months from now to person i's statutory
// retirement: for a roster holder who serves past it, the retirement age,
// not the month they leave.
func (r *rep) monthsToRetirement(i int32) int {
	ret := r.draw[i].retire
	if d := r.pp[i].det; d >= 0 && int(d) < len(r.w.people) && !r.w.people[d].placeholder {
		ret = r.w.retireMonth(r.w.people[d].birth, r.w.people[d].sex)
	}
	if ret == never {
		return 1 << 20
	}
	return int(ret) - r.month
}
