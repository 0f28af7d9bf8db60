package tables

import (
	"encoding/csv"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// PersonOutcome is one line of people.csv: a person, what they hold before
// and after a plan and, for the released, the severance estimate. (The
// roster itself is read and written by [ReadPeople] and [WritePeople].)
type PersonOutcome struct {
	ID, Name, Status          string // Status is one of the Person… statuses
	TitlesBefore, TitlesAfter []string
	Severance                 model.Money
}

// Person statuses in people.csv.
const (
	PersonKept       = "kept"       // holds titles after the plan (and held some before)
	PersonReleased   = "released"   // held titles before, none after
	PersonNew        = "new"        // a recruit of the plan
	PersonAppointed  = "appointed"  // a listed candidate who held nothing and holds titles after
	PersonUnassigned = "unassigned" // a listed candidate who holds nothing before or after
	PersonUnplanned  = "unplanned"  // in a commune with no plan (infeasible or out of time): unchanged
)

var outcomeColumns = []string{"id", "name", "status", "titles_before", "titles_after", "severance_estimate_dong"}

// PersonOutcomes lists every person of s, then the plan's recruits
// (sorted), with what they hold before and after the plan (as unit/title)
// and, for the released, the Decree 154/2025 severance estimate on the plan
// date. People whose home commune is in unplanned (codes of communes with
// no plan) are PersonUnplanned.
func PersonOutcomes(s *model.Scenario, ix *model.Index, plan model.Plan, unplanned map[string]bool, lang model.Lang) []PersonOutcome {
	after := map[string][]string{}
	var recruits []string
	for _, a := range plan.Assignments {
		if _, seen := after[a.Person]; !seen && isRecruit(a.Person) {
			recruits = append(recruits, a.Person)
		}
		after[a.Person] = append(after[a.Person], a.Unit+"/"+a.Title)
	}
	sev := model.NewSeveranceEstimate(&s.Policy, s.Date, ix)
	rows := make([]PersonOutcome, 0, len(s.People)+len(recruits))
	for i := range s.People {
		p := &s.People[i]
		r := PersonOutcome{ID: p.ID, Name: p.Name, TitlesAfter: after[p.ID]}
		for _, h := range p.Holdings {
			r.TitlesBefore = append(r.TitlesBefore, h.Unit+"/"+h.Title)
		}
		switch {
		case len(unplanned) > 0 && unplanned[ix.HomeCommune(p)]:
			r.Status = PersonUnplanned
		case len(r.TitlesAfter) > 0 && len(r.TitlesBefore) > 0:
			r.Status = PersonKept
		case len(r.TitlesAfter) > 0:
			r.Status = PersonAppointed
		case len(r.TitlesBefore) > 0:
			r.Status = PersonReleased
			r.Severance = sev.Amount(p)
		default:
			r.Status = PersonUnassigned
		}
		rows = append(rows, r)
	}
	sort.Strings(recruits)
	for _, id := range recruits {
		rows = append(rows, PersonOutcome{ID: id, Name: recruitName(lang), Status: PersonNew, TitlesAfter: after[id]})
	}
	return rows
}

// WriteOutcomesCSV writes rows as people.csv; titles are joined with ";".
func WriteOutcomesCSV(w io.Writer, rows []PersonOutcome) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(outcomeColumns); err != nil {
		return err
	}
	for _, r := range rows {
		rec := []string{r.ID, r.Name, r.Status, strings.Join(r.TitlesBefore, ";"), strings.Join(r.TitlesAfter, ";"), fmt.Sprint(int64(r.Severance))}
		if err := cw.Write(model.SpreadsheetSafeRecord(rec)); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
