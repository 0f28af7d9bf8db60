package report

import "github.com/kiemnhiem/kiemnhiem/villageplan"

// SetPeople puts p in sum and counts, commune by commune, the people
// before and after, the released and their severance.
func (sum *RearrangeSummary) SetPeople(p *villageplan.People) {
	sum.People = p
	if p == nil {
		return
	}
	at := map[string]int{}
	for i, c := range sum.ByCommune {
		at[c.Commune] = i
	}
	for _, pp := range p.Persons {
		i, ok := at[pp.Commune]
		if !ok {
			continue
		}
		c := &sum.ByCommune[i]
		if len(pp.TitlesBefore) > 0 {
			c.PeopleBefore++
		}
		if len(pp.TitlesAfter) > 0 {
			c.PeopleAfter++
		}
		if pp.Status == "released" {
			c.Released++
			c.Severance += pp.Severance
		}
	}
}
