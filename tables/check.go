package tables

import (
	"fmt"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// The ages a person of a people table may have on the plan date: below 15
// nobody may hold a title (Labour Code 2019 Art. 143), and above 100 the
// birth date is a typo.
const (
	minPersonAge = 15
	maxPersonAge = 100
)

// CheckPeople returns the check, for [ReadPeople] and [ReadPeopleXLSX],
// that every person lives in one of units (or nowhere given), that every
// holding names one of titles in one of units where that title exists, and
// that the people are plausible on the plan date (when not zero): an age
// from 15 to 100, holdings that start after the 15th birthday and at most
// a year after the plan date, terms that end after they start, no holding
// given twice, and no more holders of a title in a unit than it has seats
// (extra holders would count as people the plan saves).
//
// A holding that starts after the plan date, within the year, is an
// appointment already decided: it is read as held on the plan date, and a
// warning saying so is added to warnings (when not nil).
func CheckPeople(units []model.Unit, titles []model.Title, date model.Date, warnings *ErrorList) PeopleCheck {
	return checkPeople(units, titles, date, warnings, true)
}

// checkPeople is CheckPeople; seats says whether more holders of a title
// in a unit than it has seats is an error (it is not in a plan, whose
// checker reports it as a breach).
func checkPeople(units []model.Unit, titles []model.Title, date model.Date, warnings *ErrorList, seats bool) PeopleCheck {
	unit := make(map[string]*model.Unit, len(units))
	for i := range units {
		unit[units[i].Code] = &units[i]
	}
	title := make(map[string]*model.Title, len(titles))
	for i := range titles {
		title[titles[i].ID] = &titles[i]
	}
	names := newTitleNames(titles)
	holders := map[[2]string]int{} // holders so far of (unit, title)
	warnAttrs := attrWarner(titles, warnings)
	return func(p *model.Person, groups []int, bad func(column, format string, args ...any), at func(column, format string, args ...any) *Error) {
		warnAttrs(p, at)
		if _, ok := unit[p.Residence]; !ok && p.Residence != "" {
			bad("residence", "no unit %q among the scenario's units", p.Residence)
		}
		checkAge(p, date, bad)
		checkPlacedDate(p, date, bad)
		held := map[[2]string]int{}
		for k, h := range p.Holdings {
			col := func(f string) string { return fmt.Sprintf("%s_%d", f, groups[k]) }
			checkHoldingDates(p, h, date, col, bad)
			if h.Start > date && date != 0 && h.Start <= date.AddMonths(12) && warnings != nil {
				*warnings = append(*warnings, at(col("start"), "start %s is after the plan date %s: the person is counted as holding %s in %s on the plan date", h.Start, date, h.Title, h.Unit))
			}
			u, okU := unit[h.Unit]
			id, why := names.resolve(h.Title, u)
			if id != "" {
				h.Title, p.Holdings[k].Title = id, id
			}
			t, okT := title[h.Title]
			key := [2]string{h.Unit, h.Title}
			switch {
			case !okT:
				bad(col("title"), "%s", why)
			case !okU:
				bad(col("unit"), "no unit %q among the scenario's units%s", h.Unit, unitHint(h.Unit, unit))
			case !t.AppliesTo(u):
				bad(col("title"), "title %s does not exist in %s %s (%s)", h.Title, u.Level, u.Code, u.Type)
			case held[key] > 0:
				bad(col("title"), "title %s in %s is already held by this person (holding %d)", h.Title, h.Unit, held[key])
			default:
				holders[key]++
				if n := t.Holders.For(u); seats && holders[key] > n {
					bad(col("title"), "title %s has %d seat(s) in %s %s, and this is holder %d: more holders today than seats would count as people the plan saves", h.Title, n, u.Level, u.Code, holders[key])
				}
			}
			held[key] = groups[k]
		}
	}
}

// checkAge checks a person's age on date.
func checkAge(p *model.Person, date model.Date, bad func(column, format string, args ...any)) {
	if date == 0 || p.Birth == 0 {
		return
	}
	if age := p.Birth.MonthsUntil(date) / 12; age < minPersonAge || age > maxPersonAge {
		bad("birth_date", "born %s, the person would be %d on the plan date %s; expected an age from %d to %d", p.Birth, age, date, minPersonAge, maxPersonAge)
	}
}

// checkHoldingDates checks a holding's start and term end against each
// other, the person's birth and the plan date.
func checkHoldingDates(p *model.Person, h model.Holding, date model.Date, col func(string) string, bad func(column, format string, args ...any)) {
	if h.Start != 0 && p.Birth != 0 && h.Start < p.Birth.AddMonths(12*minPersonAge) {
		bad(col("start"), "start %s is before the person's 15th birthday (born %s)", h.Start, p.Birth)
	}
	// A holding is what the person holds on the plan date; a start within a
	// year after it is an appointment already decided, further is a typo.
	if h.Start != 0 && date != 0 && h.Start > date.AddMonths(12) {
		bad(col("start"), "start %s is more than a year after the plan date %s; expected the date the person took the title", h.Start, date)
	}
	if h.Start != 0 && h.TermEnd != 0 && h.TermEnd <= h.Start {
		bad(col("term_end"), "the term ends on %s, not after it starts on %s", h.TermEnd, h.Start)
	}
}
