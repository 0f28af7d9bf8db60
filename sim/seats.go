package sim

// seatTitle and seatUnit are seat k's title and unit.
func (r *rep) seatTitle(k int32) int32 { return r.w.seatTitle[k] }
func (r *rep) seatUnit(k int32) int32  { return r.w.seatUnit[k] }

// bumpUnit changes unit u's count of holders by delta, keeping the count
// of units over their cap.
func (r *rep) bumpUnit(u int32, delta int32) {
	c := r.w.caps[r.year][u]
	n := r.unitCount[u]
	before := c > 0 && n > c
	n += delta
	r.unitCount[u] = n
	after := c > 0 && n > c
	switch {
	case after && !before:
		r.overCap++
	case before && !after:
		r.overCap--
	}
}

// addSeat gives seat k to person i (temporarily when cover is set).
func (r *rep) addSeat(i, k int32, cover bool) {
	w := r.w
	p := &r.pp[i]
	base := int(i) * w.stride
	n := int(p.nSeats)
	if r.holder[k] >= 0 || n == w.stride {
		return // the world's plans never ask for this
	}
	u := w.seatUnit[k]
	if !p.active {
		p.active = true
		r.nActive++
		if r.counting {
			r.out[Entries][r.year]++
		}
		p.home = w.unitCommune[u]
	}
	if !r.stampUnits(i, u) {
		r.bumpUnit(u, 1)
	}
	r.seats[base+n] = k
	p.nSeats++
	r.holder[k] = i
	r.heldSeats++
	c := w.seatCommune[k]
	r.flushGap(c)
	r.heldByCommune[c]++
	if cover {
		r.cover[k] = true
		r.nCovered++
		r.covers = append(r.covers, k)
	}
}

// stampUnits marks a change of person i's seats in unit u and every unit
// they hold a seat in (who may cover there may have changed), and reports
// whether they hold one in u.
func (r *rep) stampUnits(i, u int32) bool {
	base := int(i) * r.w.stride
	seatUnit, stamp := r.w.seatUnit, r.unitStamp
	has := false
	for _, k := range r.seats[base : base+int(r.pp[i].nSeats)] {
		su := seatUnit[k]
		stamp[su]++
		has = has || su == u
	}
	stamp[u]++
	return has
}

// removeSeat takes seat k from person i; the caller refreshes i.
func (r *rep) removeSeat(i, k int32) {
	w := r.w
	p := &r.pp[i]
	base := int(i) * w.stride
	n := int(p.nSeats)
	ss := r.seats[base : base+n]
	for j, s := range ss {
		if s == k {
			ss[j] = ss[n-1]
			ss[n-1] = -1
			break
		}
	}
	p.nSeats--
	if u := w.seatUnit[k]; !r.stampUnits(i, u) {
		r.bumpUnit(u, -1)
	}
	r.vacate(k)
}

// vacate does the seat's side of taking seat k from its holder.
func (r *rep) vacate(k int32) {
	r.holder[k] = -1
	r.heldSeats--
	c := r.w.seatCommune[k]
	r.flushGap(c)
	r.heldByCommune[c]--
	if r.cover[k] {
		r.cover[k] = false
		r.nCovered--
	}
}

// dropAll takes all of person i's seats away, last first as removeSeat
// one by one would, and appends them to out; the caller refreshes i.
// Stamps only need to change, not to count: each unit of theirs is
// stamped once per seat rather than once per seat left.
func (r *rep) dropAll(i int32, out []int32) []int32 { return r.dropFrom(i, 0, out) }

// dropFrom is dropAll for the seats at keep and after in person i's list:
// the first keep stay. Who may cover in the units of those changes too,
// so they are stamped as well when anything goes.
func (r *rep) dropFrom(i int32, keep int, out []int32) []int32 {
	w := r.w
	p := &r.pp[i]
	base := int(i) * w.stride
	ss := r.seats[base : base+int(p.nSeats)]
	if keep < len(ss) {
		for _, k := range ss[:keep] {
			r.unitStamp[w.seatUnit[k]]++
		}
	}
	for j := len(ss) - 1; j >= keep; j-- {
		k := ss[j]
		u := w.seatUnit[k]
		r.unitStamp[u]++
		last := true
		for _, k2 := range ss[:j] {
			if w.seatUnit[k2] == u {
				last = false
				break
			}
		}
		if last {
			r.bumpUnit(u, -1)
		}
		ss[j] = -1
		p.nSeats--
		r.vacate(k)
		out = append(out, k)
	}
	return out
}

// refresh recomputes person i's pay, hours and yearly hazards and the
// running totals that depend on them.
func (r *rep) refresh(i int32) {
	w := r.w
	p := &r.pp[i]
	rMain, rConc, nOver := r.rMain-p.payMain, r.rConc-p.payConc, r.nOver
	if p.over {
		nOver--
	}
	base := int(i) * w.stride
	n := int(p.nSeats)
	// One pass: the main title is the first best paid; every other one is
	// paid at the concurrency rate, so sum them all and take the main
	// one's back out (integers: exact).
	var conc, best, mainConc int64
	var hours float32
	e := int(p.edu)
	wph := w.seatWph[r.year]
	if n == 1 { // most hold one seat: the loop's result (0+x is x, conc 0)
		k := r.seats[base]
		best, hours = r.titlePay[int(w.seatTitle[k])*numEdu+e], wph[k]
	} else {
		titlePay, concPay, seatTitle := r.titlePay, r.concPay, w.seatTitle
		for j, k := range r.seats[base : base+n] {
			t := int(seatTitle[k])*numEdu + e
			full, cp := titlePay[t], concPay[t]
			if j == 0 || full > best {
				best, mainConc = full, cp
			}
			conc += cp
			hours += wph[k]
		}
		conc -= mainConc
	}
	p.payMain, p.payConc, p.hours = best, conc, hours
	if n > 0 {
		p.mainFull = best // kept when they hold nothing: severance's A
	}
	over := n > 0 && hours > p.capacity+1e-4
	p.over = over
	if over {
		nOver++
	}
	r.rMain, r.rConc, r.nOver = rMain+best, rConc+conc, nOver
	p.dirty = true // the hazard is read at the next year's draw
}

// setEpoch makes e the epoch whose live seats count from now on.
func (r *rep) setEpoch(e int) {
	r.epoch = e
	if e > 0 {
		r.liveSeat = r.w.epochs[e-1].live
		r.liveByCommune = r.w.epochs[e-1].liveByCommune
	} else {
		r.liveSeat = nil
		r.liveByCommune = r.noneLive
	}
}

// flushGap adds commune c's vacant title-months up to the current month,
// before its count of held or live seats changes. Within a month every
// change comes before the month is accounted, so the month itself counts
// at the new level, as the province-wide VacantTitleMonths does.
func (r *rep) flushGap(c int32) {
	month := int32(r.month)
	if v := r.liveByCommune[c] - r.heldByCommune[c]; v != 0 {
		r.gap[int(c)*r.w.years+r.year] += int64(v) * int64(month-r.gapSince[c])
	}
	r.gapSince[c] = month
}

// flushGaps flushes every commune: at a re-plan (live seats change) and
// at the end of a year (month is then the next year's first, year still
// the one ending).
func (r *rep) flushGaps() {
	for c := range r.gapSince {
		r.flushGap(int32(c))
	}
}
