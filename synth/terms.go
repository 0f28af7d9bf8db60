package synth

import (
	"math/rand/v2"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// genByElectionShare is the share of elected holders who came in at a
// by-election (bầu bổ sung) during the current term rather than at the
// round's congress: their predecessor resigned, retired or died. An
// assumption: no published figure was found; the simulator's own exits
// (about 4–5 % a year, nd34-2019 dynamics) over half a 5-year term give the
// same order.
const genByElectionShare = 0.12

// congressDay returns the day within round r on which the unit holds its
// congress: the unit's fixed place frac (0 ≤ frac < 1) in the round's
// window. A unit keeps its place from round to round (assumption: the same
// commune or village goes early or late in each round).
func congressDay(r model.Round, frac float64) model.Date {
	if r.WindowMonths <= 0 {
		return r.Date
	}
	days := r.Date.DaysUntil(r.Date.AddMonths(r.WindowMonths))
	return r.Date.AddDays(int(frac * float64(days)))
}

// genTerm returns the start and end of the current term of an elected
// holder of title t in a unit whose place in its organisation's rounds is
// frac, on date, starting no earlier than adult: the unit's latest congress
// on or before date and its next one. Terms vary as they do in reality:
//
//   - each unit holds its congress on its own day in the round's window, so
//     the holders of one title end their terms on different days;
//   - a share of holders (genByElectionShare) came in at a by-election
//     during the term. An organisation's by-elected holder serves the rest
//     of the term (assumption: the practice of the Party and mass
//     organisation charters, not seen), but a village that elects a new
//     head between rounds elects for a full term of t.Term.Months from that
//     day (assumption: NĐ 59/2023 Art. 6–8 and NĐ 185/2026 Art. 4, policy
//     facts 5.6, 9.6, set one term length and no remainder rule was seen), so
//     its head's term ends off the calendar;
//   - as before, a holder re-elected at earlier congresses started one or
//     two terms earlier (never before adult).
//
// ok is false when the title has no calendar (the caller treats it as
// appointed).
func genTerm(r *rand.Rand, t *model.Title, date, adult model.Date, frac float64) (start, end model.Date, ok bool) {
	cur, ok := t.Term.RoundOnOrBefore(date)
	if !ok {
		return 0, 0, false
	}
	next, _ := t.Term.RoundAfter(cur.Date)
	start, end = congressDay(cur, frac), congressDay(next, frac)
	if start >= date { // this unit has not held this round's congress yet
		prev, _ := t.Term.RoundOnOrBefore(cur.Date.AddDays(-1))
		start, end = congressDay(prev, frac), start
	}
	if r.Float64() < genByElectionShare {
		by := start.AddDays(1 + r.IntN(max(1, start.DaysUntil(date)-1)))
		if by < date && by >= adult {
			start = by
			if t.Organisation == model.OrgVillage {
				if e := by.AddMonths(t.Term.Months); e > date {
					end = e
				}
			}
			return start, end, true
		}
	}
	k := []int{0, 0, 1, 2}[r.IntN(4)]
	for ; k > 0; k-- {
		prev, ok := t.Term.RoundOnOrBefore(start.AddDays(-1))
		if !ok {
			break
		}
		s := congressDay(prev, frac)
		if s < adult {
			break
		}
		start = s
	}
	return start, end, true
}

// genCongressPlaces draws the unit's place in each organisation's rounds
// (0 ≤ place < 1 of the round's window), from a stream of its own so that
// the people's draws do not depend on it.
func genCongressPlaces(seed uint64, unit string) map[model.Organisation]float64 {
	r := genStream(seed, "congress", unit)
	out := map[model.Organisation]float64{model.OrgUnknown: r.Float64()}
	for _, o := range model.Organisations() {
		out[o] = r.Float64()
	}
	return out
}
