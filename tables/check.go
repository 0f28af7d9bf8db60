package tables

import (
	"fmt"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// CheckPeople returns the check, for [ReadPeople] and [ReadPeopleXLSX],
// that every person lives in one of units (or nowhere given) and that every
// holding names one of titles in one of units where that title exists.
func CheckPeople(units []model.Unit, titles []model.Title) PeopleCheck {
	unit := make(map[string]*model.Unit, len(units))
	for i := range units {
		unit[units[i].Code] = &units[i]
	}
	title := make(map[string]*model.Title, len(titles))
	for i := range titles {
		title[titles[i].ID] = &titles[i]
	}
	return func(p *model.Person, groups []int, bad func(column, format string, args ...any)) {
		if _, ok := unit[p.Residence]; !ok && p.Residence != "" {
			bad("residence", "no unit %q among the scenario's units", p.Residence)
		}
		for k, h := range p.Holdings {
			t, okT := title[h.Title]
			u, okU := unit[h.Unit]
			switch {
			case !okT:
				bad(fmt.Sprintf("title_%d", groups[k]), "no title %q in the scenario", h.Title)
			case !okU:
				bad(fmt.Sprintf("unit_%d", groups[k]), "no unit %q among the scenario's units", h.Unit)
			case !t.AppliesTo(u):
				bad(fmt.Sprintf("title_%d", groups[k]), "title %s does not exist in %s %s (%s)", h.Title, u.Level, u.Code, u.Type)
			}
		}
	}
}
