package model

import "sort"

// Congress is one round of an organisation's congresses (đại hội) at one
// level: the units of that level hold theirs from Date, spread over
// WindowMonths (0: all on Date), and each elects the holders of the
// organisation's elected titles for the next term. Source says where the
// date comes from, or "assumption: …".
type Congress struct {
	Organisation Organisation
	Level        Level
	Date         Date
	WindowMonths int
	Source       string
}

// Calendar is the dated congress calendar of a scenario's organisations.
type Calendar []Congress

// Rounds returns the rounds of organisation o at level l, earliest first.
func (c Calendar) Rounds(o Organisation, l Level) []Round {
	var out []Round
	for _, g := range c {
		if g.Organisation == o && g.Level == l {
			out = append(out, Round{Date: g.Date, WindowMonths: g.WindowMonths})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Date < out[j].Date })
	return out
}

// Round is one round of elections on a title's calendar: units elect from
// Date, within WindowMonths.
type Round struct {
	Date         Date
	WindowMonths int
}

// Apply sets the Rounds of every elected title of titles, and of each of
// its dated versions, from the calendar of the title's organisation at the
// title's level; a title whose organisation has no rounds there keeps its
// anchor calendar.
func (c Calendar) Apply(titles []Title) {
	for i := range titles {
		c.apply(&titles[i])
		for k := range titles[i].Versions {
			c.apply(&titles[i].Versions[k].Title)
		}
	}
}

func (c Calendar) apply(t *Title) {
	if t.Term.Kind != Elected {
		t.Term.Rounds = nil
		return
	}
	t.Term.Rounds = c.Rounds(t.Organisation, t.Level)
}

// RoundAfter returns the first round of the term calendar that starts
// strictly after d: a listed round, or, past the last one, the last one's
// date plus whole terms of Months (with its window). ok is false for an
// appointed title or a calendar with neither rounds nor an anchor.
func (t TermRule) RoundAfter(d Date) (r Round, ok bool) {
	if t.Kind != Elected {
		return Round{}, false
	}
	if len(t.Rounds) == 0 {
		e := t.NextElection(d)
		return Round{Date: e}, !e.IsZero()
	}
	for _, r := range t.Rounds {
		if r.Date > d {
			return r, true
		}
	}
	last := t.Rounds[len(t.Rounds)-1]
	if t.Months <= 0 {
		return Round{}, false
	}
	for k := 1; ; k++ {
		if e := last.Date.AddMonths(k * t.Months); e > d {
			return Round{Date: e, WindowMonths: last.WindowMonths}, true
		}
	}
}

// RoundOnOrBefore returns the latest round of the term calendar that
// starts on or before d: a listed round, or, before the first one, the
// first one's date less whole terms of Months.
func (t TermRule) RoundOnOrBefore(d Date) (r Round, ok bool) {
	if t.Kind != Elected || t.Months <= 0 {
		return Round{}, false
	}
	if len(t.Rounds) == 0 {
		e := t.NextElection(d)
		if e.IsZero() {
			return Round{}, false
		}
		for e > d {
			e = e.AddMonths(-t.Months)
		}
		return Round{Date: e}, true
	}
	for i := len(t.Rounds) - 1; i >= 0; i-- {
		if t.Rounds[i].Date <= d {
			return t.Rounds[i], true
		}
	}
	first := t.Rounds[0]
	for k := 1; ; k++ {
		if e := first.Date.AddMonths(-k * t.Months); e <= d {
			return Round{Date: e, WindowMonths: first.WindowMonths}, true
		}
	}
}
