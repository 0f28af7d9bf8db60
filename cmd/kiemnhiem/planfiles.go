package main

import (
	"io"

	"github.com/kiemnhiem/kiemnhiem/internal/atomicfile"
	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/scenarios"
	"github.com/kiemnhiem/kiemnhiem/tables"
)

// Files optimize --out writes about people: the plan in the roster's own
// shape (which loads back as the next roster) and the per-commune
// appointment lists.
const (
	peopleXLSXFile   = "people.xlsx"
	appointmentsFile = "appointments.xlsx"
)

// planRoster is the plan as a roster, ready to be written.
type planRoster struct {
	s    *model.Scenario
	ix   *model.Index
	rows []tables.PlanPerson
	lang model.Lang
}

func newPlanRoster(s *scenarios.Scenario, ix *model.Index, plan model.Plan, unplanned map[string]bool, lang model.Lang) planRoster {
	return planRoster{s: &s.Scenario, ix: ix, rows: tables.PlanPeople(&s.Scenario, ix, plan, unplanned, lang), lang: lang}
}

// files are people.csv, people.xlsx and appointments.xlsx.
func (r planRoster) files() []atomicfile.File {
	return []atomicfile.File{
		{Name: peopleCSVFile, Write: func(w io.Writer) error { return tables.WritePlanRosterCSV(w, r.s, r.ix, r.rows, r.lang) }},
		{Name: peopleXLSXFile, Write: func(w io.Writer) error { return tables.WritePlanRosterXLSX(w, r.s, r.ix, r.rows, r.lang) }},
		{Name: appointmentsFile, Write: func(w io.Writer) error { return tables.WriteAppointmentsXLSX(w, r.ix, r.rows, r.lang) }},
	}
}
