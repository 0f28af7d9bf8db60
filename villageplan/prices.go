package villageplan

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/optimize"
	"github.com/kiemnhiem/kiemnhiem/optimize/check"
	"github.com/kiemnhiem/kiemnhiem/tables"
)

// errStopped is why the optimiser stopped early with a live context.
var errStopped = errors.New("the optimiser was interrupted")

// prices prices the people of s before (today's holdings, as optimize
// --as-is does) and of w, the world after the rearrangement: the
// optimiser plans w under the scenario's rules, the plan is verified by
// optimize/check, and every person's outcome is read off it with the
// severance of the released. The optimiser runs with opt's settings and
// solver; its verified plan of w is returned with the prices. Net savings
// are over opt's window, at its discount rate (see [netSavings]).
func prices(ctx context.Context, s, w *model.Scenario, opt Options, lang model.Lang) (*People, *optimize.Result, error) {
	before, err := optimize.AsItIsFor(&optimize.Problem{Scenario: s}, opt.Settings)
	if err != nil {
		return nil, nil, err
	}
	prob := &optimize.Problem{Scenario: w}
	res, err := opt.solve(ctx, prob)
	if ctx.Err() != nil || (err == nil && res.Status == optimize.Interrupted) {
		return nil, nil, fmt.Errorf("rearrange: the search was stopped before it ended: %w", cmp.Or(ctx.Err(), errStopped))
	}
	if err != nil {
		return nil, nil, err
	}
	verified, err := check.Verify(prob, res)
	if verified == nil {
		return nil, nil, err
	}
	if vs := verified.Violations; len(vs) > 0 {
		return nil, nil, fmt.Errorf("rearrange: the plan of the people fails the checker (%d violations, the first: %v); this is a bug, please report it", len(vs), vs[0])
	}
	out, err := priced(s, w, before, res, verified.Unplanned, opt, lang)
	return out, res, err
}

// priced reads the people and money off before (today's holdings of s)
// and res (the optimiser's plan of w, whose pools unplanned have no plan).
func priced(s, w *model.Scenario, before, res *optimize.Result, unplanned map[string]bool, opt Options, lang model.Lang) (*People, error) {
	ixBefore, err := model.NewIndex(s)
	if err != nil {
		return nil, err
	}
	ix, err := model.NewIndex(w)
	if err != nil {
		return nil, err
	}
	out := &People{
		PeopleBefore: before.Before.Headcount, PeopleAfter: res.Objective.Headcount,
		TitlesBefore: heldTitles(s), TitlesAfter: len(res.Plan.Assignments),
		AllowancesBefore: int64(before.AnnualCostBefore), AllowancesAfter: int64(res.AnnualCostAfter),
		FundsBefore: villageFunds(s), FundsAfter: villageFunds(w),
		WindowYears: opt.window(), Status: res.Status.String(), Persons: []PersonPlan{},
	}
	rule, _ := s.Policy.RearrangementSeverance.At(s.Date)
	var released []*model.Person
	for _, o := range tables.PersonOutcomes(w, ix, res.Plan, unplanned, lang) {
		pp := PersonPlan{ID: o.ID, Name: o.Name, Status: o.Status, TitlesAfter: o.TitlesAfter, Severance: int64(o.Severance)}
		if p, ok := ixBefore.Person(o.ID); ok {
			pp.Commune = ixBefore.HomeCommune(p)
			for _, h := range p.Holdings {
				pp.TitlesBefore = append(pp.TitlesBefore, h.Unit+"/"+h.Title)
			}
		}
		switch o.Status {
		case tables.PersonKept:
			out.Kept++
		case tables.PersonReleased:
			out.Released++
			out.Severance += pp.Severance
			p, _ := ixBefore.Person(o.ID)
			pp.Regime, released = rule.RegimeOf(p).Text().In(lang), append(released, p) // Art. 19: the roster's placed_from_commune
		case tables.PersonNew:
			out.Recruited++
		}
		pp.Held, pp.Holds = titleNames(ixBefore, pp.TitlesBefore, lang), titleNames(ix, pp.TitlesAfter, lang)
		if len(pp.TitlesBefore) > 0 || len(pp.TitlesAfter) > 0 {
			out.Persons = append(out.Persons, pp)
		}
	}
	out.SeveranceRegime = rule.ReleasedRegimes(released).In(lang)
	out.SavingPerYear = out.AllowancesBefore - out.AllowancesAfter
	out.netSavings(opt.DiscountRate, lang)
	return out, nil
}

// titleNames names each unit/title of held for people: "title, unit".
func titleNames(ix *model.Index, held []string, lang model.Lang) []string {
	out := make([]string, len(held))
	for i, h := range held {
		unit, title, _ := strings.Cut(h, "/")
		out[i] = h
		t, ok1 := ix.Title(title)
		u, ok2 := ix.Unit(unit)
		if ok1 && ok2 {
			out[i] = t.Name.In(lang) + ", " + u.Name
		}
	}
	return out
}

// heldTitles counts the titles held today.
func heldTitles(s *model.Scenario) int {
	n := 0
	for i := range s.People {
		n += len(s.People[i].Holdings)
	}
	return n
}

// villageFunds is the villages' allowance funds a year (0 for a village
// whose fund the policy cannot give).
func villageFunds(s *model.Scenario) int64 {
	var sum int64
	for i := range s.Units {
		if s.Units[i].Level != model.Village {
			continue
		}
		if f, err := s.Policy.VillageFundFor(&s.Units[i], s.Date); err == nil {
			sum += 12 * int64(f)
		}
	}
	return sum
}
