package sim

// yearPass is the one pass over every person each year: refresh hours as
// units grow, then draw the year's single random number, which decides
// death or resignation (and the month it happens), and note retirements.
// A person's number for a year depends on their key and the year alone,
// so they meet the same chances in every scenario.
func (r *rep) yearPass(m0 int, regrow bool) {
	for k := range r.exits {
		r.exits[k] = r.exits[k][:0]
	}
	if regrow && r.w.growth {
		r.regrowHours()
	}
	end := int32(m0 + 12)
	// A hash of the key and the year: no stream state to load and store.
	yearKey := uint64(r.year+1) * 0x9e3779b97f4a7c15
	pp, draw, present := r.pp, r.draw, r.present
	// Whoever has left for good drops out of the list here.
	n := 0
	for _, i := range present {
		ds := &draw[i]
		if ds.gone {
			continue
		}
		present[n] = i
		n++
		p := &pp[i]
		if !p.active {
			continue
		}
		if p.dirty {
			r.hazard(i)
		}
		u := fmix64(ds.key + yearKey)
		if u >= ds.thrExit && ds.retire >= end {
			continue // the common case: nothing happens this year
		}
		month, cause := int32(never), int8(-1)
		if ret := ds.retire; ret < end {
			month, cause = max(ret, int32(m0)), causeRetirement
		}
		if u < ds.thrExit {
			var m int32
			if u < ds.thrDeath {
				m = int32(m0) + frac12(u, 0, ds.thrDeath)
				if m < month {
					month, cause = m, causeDeath
				}
			} else {
				m = int32(m0) + frac12(u, ds.thrDeath, ds.thrExit)
				if m < month {
					month, cause = m, causeResignation
				}
			}
		}
		r.exits[int(month)-m0] = append(r.exits[int(month)-m0], exitEvent{i, cause})
	}
	r.present = present[:n]
}

// regrowHours works out this year's hours of everyone holding seats, as
// their units have grown, marking whose hazard must be worked out again:
// those who become or stop being overloaded, and the overloaded, whose
// hazard rises with their hours.
func (r *rep) regrowHours() {
	w := r.w
	wph := w.seatWph[r.year]
	pp, seats, stride := r.pp, r.seats, w.stride
	for _, i := range r.present {
		p := &pp[i]
		if !p.active {
			continue
		}
		base := int(i) * stride
		var h float32
		if p.nSeats == 1 { // most hold one seat: 0+x is x
			h = wph[seats[base]]
		} else {
			for _, k := range seats[base : base+int(p.nSeats)] {
				h += wph[k]
			}
		}
		if h == p.hours {
			continue
		}
		p.hours = h
		over := h > p.capacity+1e-4
		if over != p.over {
			p.over = over
			if over {
				r.nOver++
			} else {
				r.nOver--
			}
			p.dirty = true
		} else if over {
			p.dirty = true
		}
	}
}
