package sim

import "github.com/kiemnhiem/kiemnhiem/model"

// tables are what the engine reads by unit, seat and person, as built for
// the whole world. split renumbers each of them for the part it makes, so
// a field added here must be projected there too; what can be derived
// from them belongs in prepared instead.
type tables struct {
	units       []model.Unit
	unitCommune []int32 // the commune of each unit (itself for a commune)

	// Slots are (unit, title) pairs; seats are the holders a slot needs,
	// numbered slot by slot so the seats of a unit are contiguous.
	slotUnit, slotTitle []int32
	slotSeat            []int32 // first seat of each slot; len(slots)+1
	seatSlot            []int32
	unitSeat            []int32 // first seat of each unit; len(units)+1

	// Per year: weekly hours per holder of each slot, and caps per unit
	// (0: none).
	wph  [][]float32
	caps [][]int32
	// maxSeats is the most seats one person can hold (titles per person);
	// in a part, the whole world's stride.
	maxSeats int

	people []detPerson
	// initial[d] is person d's seats on Start (before any plan).
	initial [][]seatRef
	epochs  []epoch
}

// prepared is what prepare derives from a part's tables, so that split
// need not project it: a field added here is filled in prepare alone.
type prepared struct {
	// The people's stream keys (people[d].hash, kept contiguous for the
	// seeding of streams), the seat-list stride, the units whose cap
	// changes each year, and the units' stream keys.
	hash       []uint64
	stride     int
	capChanged [][]int32
	unitHash   []uint64
	// communes lists the communes' unit indices; seatCommune gives each
	// seat's commune as an index into it.
	communes    []int32
	seatCommune []int32
	// Per seat, so hot paths skip the seatSlot indirection: its title, its
	// unit, and each year's weekly hours.
	seatTitle []int32
	seatUnit  []int32
	seatWph   [][]float32
	// initialNeeds[d] are the needs of initial[d].
	initialNeeds []needs
	// tmpl is a replication's state on Start before seeding, built once by
	// prepare; reset copies it instead of rebuilding the roster.
	tmpl  *rep
	pools poolTables
}

// needs is what a bundle of seats asks of whoever holds it: the unit it
// recruits from (its main seat's, or its first seat's; -1 for none),
// party membership, the least education, and whether any of its titles is
// appointed. Bundles are fixed, so prepare works these out once.
type needs struct {
	unit      int32
	party     bool
	edu       model.Education
	appointed bool
}

// noNeeds are the needs of an empty bundle.
var noNeeds = needs{unit: -1}

// buildSeats numbers the seats: each slot gets the most holders it needs
// at any re-plan date.
func (w *world) buildSeats(states [][]model.Unit, alive [][]bool) {
	w.unitSeat = make([]int32, len(w.units)+1)
	seat := int32(0)
	for ui := range w.units {
		w.unitSeat[ui] = seat
		for ti := range w.titles {
			t := &w.titles[ti]
			n := 0
			for e := range states {
				if alive[e][ui] && t.AppliesTo(&states[e][ui]) {
					n = max(n, t.Holders.For(&states[e][ui]))
				}
			}
			if n == 0 {
				continue
			}
			w.slotUnit = append(w.slotUnit, int32(ui))
			w.slotTitle = append(w.slotTitle, int32(ti))
			w.slotSeat = append(w.slotSeat, seat)
			for range n {
				w.seatSlot = append(w.seatSlot, int32(len(w.slotUnit)-1))
			}
			seat += int32(n)
		}
	}
	w.unitSeat[len(w.units)] = seat
	w.slotSeat = append(w.slotSeat, seat)
}

// slotOf returns the slot of title ti in unit ui, or -1.
func (w *world) slotOf(ui, ti int32) int32 {
	lo := w.unitSeat[ui]
	hi := w.unitSeat[ui+1]
	if lo == hi {
		return -1
	}
	s := w.seatSlot[lo]
	for ; s < int32(len(w.slotUnit)) && w.slotSeat[s] < hi; s++ {
		if w.slotTitle[s] == ti {
			return s
		}
	}
	return -1
}

// liveSeats marks the seats that exist with units in state units/alive.
func (w *world) liveSeats(units []model.Unit, alive []bool) ([]bool, int) {
	live := make([]bool, len(w.seatSlot))
	n := 0
	for s := range w.slotUnit {
		ui := w.slotUnit[s]
		if !alive[ui] {
			continue
		}
		t := &w.titles[w.slotTitle[s]]
		if !t.AppliesTo(&units[ui]) {
			continue
		}
		k := min(t.Holders.For(&units[ui]), int(w.slotSeat[s+1]-w.slotSeat[s]))
		for j := range k {
			live[int(w.slotSeat[s])+j] = true
		}
		n += k
	}
	return live, n
}

// communeOfSeat is the commune unit of seat k.
func (w *world) communeOfSeat(k int32) int32 { return w.unitCommune[w.slotUnit[w.seatSlot[k]]] }

// buildYears derives, for each year, the weekly hours of each slot's
// holders and each unit's cap, and for each month the allowance funds.
func (w *world) buildYears() {
	p := &w.sc.Policy
	w.wph = make([][]float32, w.years)
	w.caps = make([][]int32, w.years)
	w.fundByMonth = make([]float64, w.months)
	for y := range w.years {
		d := w.start.AddMonths(12 * y)
		units, alive, _ := w.unitsAt(d)
		wph := make([]float32, len(w.slotUnit))
		villages := model.CommuneVillages(units, alive)
		for s := range wph {
			ui := w.slotUnit[s]
			wph[s] = float32(w.titles[w.slotTitle[s]].WorkloadPerHolder(&units[ui], villages[ui]))
		}
		w.wph[y] = wph
		pa, _ := p.At(d) // the cap is read even when a required value is missing
		caps := make([]int32, len(units))
		for ui := range units {
			if !alive[ui] {
				continue
			}
			u := &units[ui]
			switch u.Level {
			case model.Commune:
				if c, err := p.CommuneCapFor(u, d); err == nil {
					caps[ui] = int32(c)
				}
			case model.Village:
				caps[ui] = int32(pa.VillageCap) // none: 0, no cap
			}
		}
		w.caps[y] = caps
		// Funds change with the base salary within the year: price each
		// month, reusing the previous month's total while nothing moved.
		// Mergers inside the year take effect on the month they fall in.
		var last float64
		var lastBase model.Money = -1
		lastMerged := -1
		for m := 12 * y; m < 12*(y+1); m++ {
			md := w.dateOf(m)
			merged := 0
			for _, mg := range w.sc.Dynamics.Mergers {
				if mg.Date <= md {
					merged++
				}
			}
			if w.monthly[m].base != lastBase || merged != lastMerged {
				mu, malive := units, alive
				if merged != lastMerged && m != 12*y {
					mu, malive, _ = w.unitsAt(md)
				}
				last = w.fundOf(mu, malive, md)
				lastBase, lastMerged = w.monthly[m].base, merged
			}
			w.fundByMonth[m] = last
		}
	}
}

// fundOf is the allowance fund on date d of the live units. A level
// none of the scenario's titles is at pays no fund: after the 2025 reform
// the communes keep a fund series in the policy (inherited, dated) but no
// non-specialised post to pay from it.
func (w *world) fundOf(units []model.Unit, alive []bool, d model.Date) float64 {
	p := &w.sc.Policy
	paid := map[model.Level]bool{}
	for i := range w.titles {
		paid[w.titles[i].Level] = true
	}
	total := 0.0
	for ui := range units {
		if !alive[ui] || !paid[units[ui].Level] {
			continue
		}
		u := &units[ui]
		var f model.Money
		var err error
		switch u.Level {
		case model.Commune:
			f, err = p.CommuneFundFor(u, d)
		case model.Village:
			f, err = p.VillageFundFor(u, d)
		default:
			continue
		}
		if err == nil {
			total += float64(f)
		}
	}
	return total
}

// prepare sizes the per-person seat lists and indexes what the
// replications look up: caps that change, streams, communes, and each
// seat's and bundle's particulars; last it builds the template of the
// roster on Start.
func (w *world) prepare() {
	w.stride = w.seatStride()
	w.hash = make([]uint64, len(w.people))
	for d := range w.people {
		w.hash[d] = w.people[d].hash
	}
	w.capChanged = make([][]int32, w.years)
	for y := 1; y < w.years; y++ {
		for u := range w.caps[y] {
			if w.caps[y][u] != w.caps[y-1][u] {
				w.capChanged[y] = append(w.capChanged[y], int32(u))
			}
		}
	}
	w.unitHash = make([]uint64, len(w.units))
	for u := range w.units {
		w.unitHash[u] = hashString(w.units[u].Code)
	}
	// Communes numbered densely, for the staffing gap of each.
	var communeNo []int32
	w.communes, communeNo = w.communeNumbers()
	w.seatCommune = make([]int32, len(w.seatSlot))
	w.seatTitle = make([]int32, len(w.seatSlot))
	w.seatUnit = make([]int32, len(w.seatSlot))
	for k, sl := range w.seatSlot {
		w.seatCommune[k] = communeNo[w.communeOfSeat(int32(k))]
		w.seatTitle[k] = w.slotTitle[sl]
		w.seatUnit[k] = w.slotUnit[sl]
	}
	w.seatWph = make([][]float32, w.years)
	for y := range w.years {
		w.seatWph[y] = make([]float32, len(w.seatSlot))
		for k, sl := range w.seatSlot {
			w.seatWph[y][k] = w.wph[y][sl]
		}
	}
	w.initialNeeds = make([]needs, len(w.initial))
	for d, b := range w.initial {
		w.initialNeeds[d] = w.needsOf(b)
	}
	for e := range w.epochs {
		ep := &w.epochs[e]
		ep.liveByCommune = make([]int32, len(w.communes))
		for k, live := range ep.live {
			if live {
				ep.liveByCommune[w.seatCommune[k]]++
			}
		}
		ep.needs = make([]needs, len(ep.bundles))
		for i, b := range ep.bundles {
			ep.needs[i] = w.needsOf(b)
		}
	}
	w.preparePools()
	w.tmpl = newRep(w)
	w.tmpl.build()
}

// seatStride is the room for seats each person gets: the most titles one
// person may hold, or the most any bundle asks for, if more.
func (w *world) seatStride() int {
	stride := w.maxSeats
	for _, s := range w.initial {
		stride = max(stride, len(s))
	}
	for _, ep := range w.epochs {
		for _, b := range ep.bundles {
			stride = max(stride, len(b))
		}
	}
	return stride
}

// needsOf works out what bundle b asks of its holder.
func (w *world) needsOf(b []seatRef) needs {
	n := needs{unit: -1}
	for _, ref := range b {
		k := ref >> 1
		if n.unit < 0 || ref&1 == 1 {
			n.unit = w.seatUnit[k]
		}
		t := &w.titles[w.seatTitle[k]]
		n.party = n.party || t.Requires.PartyMember
		n.edu = max(n.edu, t.Requires.MinEducation)
		n.appointed = n.appointed || !w.elected[w.seatTitle[k]]
	}
	return n
}
