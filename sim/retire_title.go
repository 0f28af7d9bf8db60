package sim

import "github.com/kiemnhiem/kiemnhiem/model"

// personRetireMonth is the first month roster person p no longer serves.
// Which titles stop at the retirement age is a property of the title
// (model.Requirements.PastRetirement): someone who holds titles today, all
// of which may be held past it (elected mass-organisation and village
// posts), is not retired by the schedule and serves until the policy's
// maximum age, if any; anyone else leaves at the retirement age as before.
// The test is made on today's holdings: a re-plan that later gives such a
// person a title that stops at the age does not bring their retirement
// forward (the optimiser gives a retiree none).
func (w *world) personRetireMonth(p *model.Person) int32 {
	if !w.heldPastRetirement(p) {
		return w.retireMonth(p.Birth, p.Sex)
	}
	return w.maxAgeMonth(p.Birth)
}

// heldPastRetirement reports whether p holds a title of the scenario today
// and every one they hold may be held past the retirement age.
func (w *world) heldPastRetirement(p *model.Person) bool {
	n := 0
	for _, h := range p.Holdings {
		ti, ok := w.titleIdx[h.Title]
		if !ok || w.titles[ti].Requires.StopsAtRetirement() {
			return false
		}
		n++
	}
	return n > 0
}

// maxAgeMonth is the first month a person born on birth no longer serves
// because of the policy's maximum age; never without one.
func (w *world) maxAgeMonth(birth model.Date) int32 {
	m := never
	if a, err := w.sc.Dynamics.MaxAge.At(w.start); err == nil && a > 0 && !birth.IsZero() {
		m = min(m, w.monthOf(birth.AddMonths(12*a)))
	}
	return int32(max(m, 0))
}
