package main

import (
	"context"
	"fmt"
	"io"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/optimize"
	"github.com/kiemnhiem/kiemnhiem/optimize/check"
	"github.com/kiemnhiem/kiemnhiem/scenarios"
	"github.com/kiemnhiem/kiemnhiem/sim"
)

// asIsRef is the scenario reference, and the name, of the world as it is
// today: the first other scenario's world (rules, date, roster, dynamics)
// with today's holdings as the plan, not optimised.
const asIsRef = "as-is"

// shownBreaches is how many breaches the console lists; it counts them all.
const shownBreaches = 10

// asIsWorld returns the index of the scenario whose world the as-is
// scenario is (the first ref that is not as-is), or -1 when refs has no
// as-is; an as-is with no other scenario is a usage error.
func asIsWorld(refs []string) (int, error) {
	world, asIs := -1, false
	for i, r := range refs {
		switch {
		case r == asIsRef:
			asIs = true
		case world < 0:
			world = i
		}
	}
	switch {
	case !asIs:
		return -1, nil
	case world < 0:
		return -1, usagef("%s is the world of another scenario as it is today: name that scenario too (e.g. --baseline %s nd33-2023)", asIsRef, asIsRef)
	}
	return world, nil
}

// loadRef loads a scenario reference; as-is gives nil, filled in by fillAsIs
// once the data are loaded.
func loadRef(ref string) (*scenarios.Scenario, error) {
	if ref == asIsRef {
		return nil, nil
	}
	return scenarios.Load(ref)
}

// fillAsIs makes every nil entry of loaded (an as-is reference) the world
// of loaded[world] as it is today: the same rules, date, titles, units,
// roster and dynamics, named as-is. Its warnings are the world's, already
// printed.
func fillAsIs(loaded []*scenarios.Scenario, world int, lang model.Lang) {
	for i, s := range loaded {
		if s != nil {
			continue
		}
		w := *loaded[world]
		w.Warnings = nil
		w.Name = asIsRef
		w.Display, w.DescriptionVi = model.Text{Vi: "Hiện trạng", En: "As it is today"}, ""
		w.Description = fmt.Sprintf(lang.Pick("Hiện trạng: bố trí hiện nay theo danh sách của %s, không tối ưu; vi phạm được đối chiếu với quy định của %s",
			"As it is today: the current holdings of %s's roster, not optimised; breaches are checked against the rules of %s"), loaded[world].DisplayName(lang), loaded[world].DisplayName(lang))
		if planDateRearrangement(&w.Scenario) != nil || planDateMapping(&w.Scenario) != nil {
			// The villages as they are: the world's own rearrangement is
			// what the other scenario proposes.
			w.Description += lang.Pick("; các thôn giữ nguyên, không sắp xếp", "; the villages as they are, none merged")
		}
		w.Dynamics = withoutRearrangements(w.Dynamics)
		loaded[i] = &w
	}
}

// asIsPlan takes today's holdings of s as its plan and checks them: the
// result (status AsIs) and the breaches the independent checker finds,
// which are printed to w, counted and the first shownBreaches listed. The
// holdings are priced by order's objective (nil: the scenario's).
func asIsPlan(w io.Writer, s *model.Scenario, order *model.ObjectiveOrder, lang model.Lang) (*optimize.Result, []check.Violation, error) {
	prob := &optimize.Problem{Scenario: s}
	res, err := optimize.AsItIsFor(prob, objectiveSettings(order))
	if err != nil {
		return nil, nil, err
	}
	rep, err := check.Verify(prob, res)
	if err != nil {
		return nil, nil, err
	}
	printBreaches(w, s.Name, rep.Violations, lang)
	return res, rep.Violations, nil
}

// printBreaches says how many rules today's holdings break, and which.
func printBreaches(w io.Writer, name string, vs []check.Violation, lang model.Lang) {
	if len(vs) == 0 {
		fmt.Fprintf(w, lang.Pick("%s (hiện trạng): không vi phạm quy định nào\n", "%s (as it is today): breaks no rule\n"), name)
		return
	}
	fmt.Fprintf(w, lang.Pick("%s (hiện trạng): %s vi phạm quy định, báo cáo chứ không từ chối:\n", "%s (as it is today): %s breaches of the rules, reported, not refused:\n"),
		name, lang.Int(int64(len(vs))))
	for i, v := range vs {
		if i == shownBreaches {
			fmt.Fprintf(w, lang.Pick("  … và %s vi phạm khác\n", "  … and %s more\n"), lang.Int(int64(len(vs)-i)))
			break
		}
		fmt.Fprintf(w, "  - %s\n", v.Text().In(lang))
	}
}

// asIsAssigner re-plans every scenario with next except the as-is world,
// which it never re-plans: its holders keep their titles, and the
// simulator fills vacancies as the scenario's dynamics say (a retiree's
// titles pass to a recruit of the unit at the next election, a vacancy
// between elections is covered as Dynamics.Vacancy says). The simulator
// tells scenarios apart by name, which compare keeps distinct.
type asIsAssigner struct {
	next sim.Assigner // nil: no scenario is re-planned
}

// Assign returns no plan for the as-is world, and next's plan for the
// others.
func (a asIsAssigner) Assign(ctx context.Context, s *model.Scenario) (model.Plan, error) {
	if s.Name == asIsRef || a.next == nil {
		return model.Plan{Date: s.Date}, nil
	}
	return a.next.Assign(ctx, s)
}

// loadData reads the units and people of every loaded scenario, then
// fills each as-is entry (nil) with the world it stands for (asIsWorld).
func loadData(loaded []*scenarios.Scenario, refs []string, lang model.Lang) error {
	for _, s := range loaded {
		if s == nil {
			continue
		}
		if err := s.LoadData(); err != nil {
			return err
		}
	}
	world, err := asIsWorld(refs)
	if err != nil {
		return err
	}
	if world >= 0 {
		fillAsIs(loaded, world, lang)
	}
	return nil
}
