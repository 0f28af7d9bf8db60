package check

import (
	"strings"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/optimize"
)

// recruits reports each recruit whose titles (or title) no one person
// could hold: a recruit is assumed to meet every requirement of their
// titles, but they are one person, of one sex and one age. The check is exact, over the
// whole set: some sex the titles allow, an age in every title's
// [min_age, max_age] and, if any title stops at the retirement age, below
// that sex's retirement age on the plan date. Attributes, party
// membership, education and residence never conflict. (The solver keeps a
// pair table per sex; this is a second implementation, set by set.)
func (c *planCheck) recruits() {
	for _, id := range c.people {
		if c.holderOf(id).kind != holderRecruit {
			continue
		}
		var titles []*model.Title
		for _, k := range c.held[id] {
			if t, ok := c.ix.Title(k.title); ok {
				titles = append(titles, t)
			}
		}
		if len(titles) == 0 || onePersonCanHold(titles, c.pol.Retirement, c.date) {
			continue
		}
		ids := make([]string, len(titles))
		for i, t := range titles {
			ids[i] = t.ID
		}
		c.add(optimize.RuleCombination, "", "", id, "a recruit is one person: no sex and age meet the requirements of %s together", strings.Join(ids, ", "))
	}
}

// onePersonCanHold reports whether someone could meet the sex and age
// requirements of every title at once on date d.
func onePersonCanHold(titles []*model.Title, ret model.RetirementSchedule, d model.Date) bool {
	for _, sex := range []model.Sex{model.Female, model.Male} {
		lo, hi, stops, fits := 0, -1, false, true
		for _, t := range titles {
			r := t.Requires
			if r.Sex != model.SexAny && r.Sex != sex {
				fits = false
			}
			lo = max(lo, r.MinAge)
			if r.MaxAge > 0 && (hi < 0 || r.MaxAge < hi) {
				hi = r.MaxAge
			}
			stops = stops || !r.PastRetirement
		}
		if !fits || (hi >= 0 && lo > hi) {
			continue
		}
		// The youngest age allowed, lo years exactly, is the best chance
		// of not having reached the retirement age.
		if retire := ret.AgeIn(sex, d.Year()); stops && retire > 0 && lo*12 >= int(retire) {
			continue
		}
		return true
	}
	return false
}
