package sim

// run plays one replication with seed a and leaves its metrics in r.out.
func (r *rep) run(a uint64) {
	w := r.w
	r.reset(a)
	for y := range w.years {
		r.year = y
		m0 := 12 * y
		if y > 0 {
			for _, u := range w.capChanged[y] {
				before := w.caps[y-1][u] > 0 && r.unitCount[u] > w.caps[y-1][u]
				after := w.caps[y][u] > 0 && r.unitCount[u] > w.caps[y][u]
				if before != after {
					r.overCap += int(b2i(after)) - int(b2i(before))
				}
			}
		}
		r.month = m0
		r.yearPass(m0, y > 0)
		for m := m0; m < m0+12; m++ {
			r.month = m
			if w.globalChange[m] && m > 0 {
				r.setPrices(m)
				for _, i := range r.present {
					if r.pp[i].active {
						r.refresh(i)
					}
				}
				r.hazardMonth = m
				r.payHazard.reset()
			}
			for _, ev := range r.exits[m-m0] {
				if r.pp[ev.person].active {
					r.exit(ev.person, int(ev.cause))
				}
			}
			r.recruitDue(m)
			if r.epoch < len(w.epochs) && w.epochs[r.epoch].month == m {
				r.realise(r.epoch) // moves r.epoch on
			}
			r.out[AllowanceMain][y] += float64(r.rMain)
			r.out[AllowanceConcurrent][y] += float64(r.rConc)
			live := 0
			if r.epoch > 0 {
				live = w.epochs[r.epoch-1].nLive
			}
			r.out[VacantTitleMonths][y] += float64(live - r.heldSeats)
			r.out[CoveredTitleMonths][y] += float64(r.nCovered)
			r.out[OverloadedPersonMonths][y] += float64(r.nOver)
		}
		r.month = m0 + 12
		r.flushGaps()
		r.out[Headcount][y] = float64(r.nActive)
		r.out[UnitsOverCap][y] = float64(r.overCap)
		r.out[Allowance][y] = r.out[AllowanceMain][y] + r.out[AllowanceConcurrent][y]
		r.out[Cost][y] = r.out[Allowance][y] + r.out[Severance][y] + r.out[RecruitmentCost][y]
	}
}
