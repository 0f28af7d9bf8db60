package sim

import "github.com/kiemnhiem/kiemnhiem/model"

// Exit causes.
const (
	causeRetirement = iota
	causeDeath
	causeResignation
)

// hazard sets person i's yearly death and exit thresholds: a uniform
// 64-bit draw below thrDeath is a death, below thrExit a resignation.
func (r *rep) hazard(i int32) {
	r.pp[i].dirty = false
	pay := r.pp[i].payMain + r.pp[i].payConc
	if !r.pp[i].over {
		if t, ok := r.payHazard.get(pay); ok {
			r.draw[i].thrDeath, r.draw[i].thrExit = t[0], t[1]
			return
		}
	}
	p := &r.w.monthly[r.hazardMonth]
	pd := min(max(p.death, 0), 1)
	pr := p.resign.Probability(model.Money(pay), p.ref, model.Hours(r.pp[i].hours), model.Hours(r.pp[i].capacity))
	r.draw[i].thrDeath = threshold(pd)
	r.draw[i].thrExit = threshold(pd + (1-pd)*pr)
	if !r.pp[i].over {
		r.payHazard.put(pay, [2]uint64{r.draw[i].thrDeath, r.draw[i].thrExit})
	}
}

// exit removes person i for cause at the current month.
func (r *rep) exit(i int32, cause int) {
	switch cause {
	case causeRetirement:
		r.out[ExitsRetirement][r.year]++
	case causeDeath:
		r.out[ExitsDeath][r.year]++
	case causeResignation:
		r.out[ExitsResignation][r.year]++
	}
	r.leave(i)
}

// leave takes all of person i's seats away and marks them gone; their
// own titles pass to cover and recruitment.
func (r *rep) leave(i int32) {
	var freed [16]int32
	vacated := r.dropAll(i, freed[:0])
	r.refresh(i)
	r.pp[i].active = false
	r.draw[i].gone = true
	r.nActive--
	d := r.pp[i].det
	if r.repOf[d] == i {
		r.repOf[d] = -1
		r.markDeficient(d)
		r.scheduleRecruit(d)
	}
	for _, k := range vacated {
		r.coverSeat(k)
	}
}

// markDeficient notes, once, that nobody holds all of d's seats for d:
// the next re-plan looks for someone, and realise covers the rest.
func (r *rep) markDeficient(d int32) {
	if !r.deficient[d] {
		r.deficient[d] = true
		r.defList = append(r.defList, d)
	}
}

// coverSeat finds someone of the seat's unit to hold vacant seat k
// temporarily, when the policy covers vacancies that way.
func (r *rep) coverSeat(k int32) {
	w := r.w
	p := &w.monthly[r.month]
	if p.vacancy != model.CoverConcurrent || r.holder[k] >= 0 {
		return
	}
	if r.liveSeat != nil && !r.liveSeat[k] {
		return
	}
	u := r.seatUnit(k)
	if f := r.coverFail[k]; f != 0 && f == r.unitStamp[u]+1 {
		q := &w.monthly[r.coverFailMonth[k]]
		if q.maxTitles == p.maxTitles && len(q.allows) > 0 && len(p.allows) > 0 && &q.allows[0] == &p.allows[0] {
			return // nothing has changed since the last search found nobody
		}
	}
	best := int32(-1)
	limit := min(p.maxTitles, w.stride)
	t := r.seatTitle(k)
	var bn uint8
	var bh float32
	pp := r.pp
	for _, h := range r.holder[w.unitSeat[u]:w.unitSeat[u+1]] {
		if h < 0 || h == best {
			continue
		}
		ph := &pp[h]
		n := ph.nSeats
		if int(n) >= limit {
			continue
		}
		// Only who would beat the best so far needs the rules checked.
		if best >= 0 && (n > bn || (n == bn && !(ph.hours < bh))) {
			continue
		}
		if !r.mayHold(h, t, p) {
			continue
		}
		best, bn, bh = h, n, ph.hours
	}
	if best < 0 {
		r.coverFail[k], r.coverFailMonth[k] = r.unitStamp[u]+1, int32(r.month)
		return
	}
	r.addSeat(best, k, true)
	r.refresh(best)
}

// mayHold reports whether person i may take title t on top of what they
// hold: requirements of party, education, sex and attributes, and the
// combination rule.
func (r *rep) mayHold(i int32, ti int32, p *monthParams) bool {
	w := r.w
	q := &w.titles[ti].Requires
	pi := &r.pp[i]
	if (q.PartyMember && !pi.party) || pi.edu < q.MinEducation || (q.Sex != model.SexAny && pi.sex != q.Sex) {
		return false
	}
	// Attributes are those of the person of the expected world i stands
	// for (a recruit: of whom they replace), read only here, so the
	// events' record of a person stays small.
	if q.Attrs != 0 && !w.people[pi.det].attrs.Has(q.Attrs) {
		return false
	}
	base := int(i) * w.stride
	nt := len(w.titles)
	allows, seatTitle := p.allows, w.seatTitle
	for _, k := range r.seats[base : base+int(pi.nSeats)] {
		if !allows[int(seatTitle[k])*nt+int(ti)] {
			return false
		}
	}
	return true
}

// endCover ends the temporary cover of seat k.
func (r *rep) endCover(k int32) {
	h := r.holder[k]
	if h < 0 || !r.cover[k] {
		return
	}
	r.removeSeat(h, k)
	r.refresh(h)
}
