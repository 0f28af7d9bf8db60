package tables

import (
	"fmt"
	"strings"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// ReadPlanFile reads a plan a planner made or edited, from a CSV file or
// the first sheet of an XLSX workbook, in either shape optimize writes:
//
//   - the plan table (plan.csv, plan.xlsx): one row per title holder with
//     unit, title, person and role (main or concurrent; chính or kiêm
//     nhiệm) columns, others ignored;
//   - the plan as a roster (people.csv, people.xlsx, or any people table):
//     one row per person with the titles they hold under the plan, read
//     and checked as [ReadPeople] does against units and titles (title
//     names or IDs), except that more holders than seats is left to the
//     plan's checker; a person's main title is the one marked main, else
//     their first.
//
// The plan comes back sorted, dated date. Errors are positioned as the
// readers' are.
func ReadPlanFile(path string, units []model.Unit, titles []model.Title, date model.Date) (model.Plan, error) {
	xlsx := strings.EqualFold(strings.TrimPrefix(fileExt(path), "."), "xlsx")
	var t *tabSheet
	var err error
	if xlsx {
		t, err = readSheetXLSX(path, "")
	} else {
		b, rerr := ReadInput(path, MaxCSVBytes)
		if rerr != nil {
			return model.Plan{}, rerr
		}
		t, err = tabReadCSV(strings.NewReader(string(b)), path)
	}
	if err != nil {
		return model.Plan{}, err
	}
	if isPlanTable(t) {
		return planFromTable(t, date)
	}
	people, err := peopleFromTable(t, xlsx, checkPeople(units, titles, 0, nil, false))
	if err != nil {
		return model.Plan{}, err
	}
	plan := model.Plan{Date: date}
	for _, p := range people {
		main := -1
		for k, h := range p.Holdings {
			if h.Main && main < 0 {
				main = k
			}
		}
		for k, h := range p.Holdings {
			plan.Assignments = append(plan.Assignments, model.Assignment{Unit: h.Unit, Title: h.Title, Person: p.ID, Main: k == main || (main < 0 && k == 0)})
		}
	}
	plan.Assignments = append(plan.Assignments, recruitRows(t, units, titles)...)
	plan.Sort()
	return plan, nil
}

// recruitRows reads the rows of a plan as a roster that are recruits
// (status new, no birth date; skipped as people) as their assignments.
func recruitRows(t *tabSheet, units []model.Unit, titles []model.Title) []model.Assignment {
	names := newTitleNames(titles)
	unit := make(map[string]*model.Unit, len(units))
	for i := range units {
		unit[units[i].Code] = &units[i]
	}
	var out []model.Assignment
	for ri := range t.rows {
		c := tabCells{t: t, row: ri}
		if !vacancyRow(c) {
			continue
		}
		first := true
		for k := 1; k <= 999; k++ {
			tc, uc := fmt.Sprintf("title_%d", k), fmt.Sprintf("unit_%d", k)
			if !t.has(tc) || strings.TrimSpace(c.str(tc)) == "" {
				continue
			}
			u := strings.TrimSpace(c.str(uc))
			id, _ := names.resolve(c.str(tc), unit[u])
			if id == "" {
				id = strings.TrimSpace(c.str(tc))
			}
			out = append(out, model.Assignment{Unit: u, Title: id, Person: strings.TrimSpace(c.str("id")), Main: first})
			first = false
		}
	}
	return out
}

// fileExt is the extension of path's last element.
func fileExt(path string) string {
	base := path[strings.LastIndexAny(path, `/\`)+1:]
	if i := strings.LastIndexByte(base, '.'); i >= 0 {
		return base[i:]
	}
	return ""
}

// planFromTable reads the plan table.
func planFromTable(t *tabSheet, date model.Date) (model.Plan, error) {
	plan := model.Plan{Date: date}
	for ri := range t.rows {
		c := tabCells{t: t, row: ri}
		a := model.Assignment{Unit: strings.TrimSpace(c.str("unit")), Title: strings.TrimSpace(c.str("title")), Person: strings.TrimSpace(c.str("person"))}
		for _, f := range []string{"unit", "title", "person"} {
			if strings.TrimSpace(c.str(f)) == "" {
				c.bad(f, "expected a %s, got an empty cell / ô trống", f)
			}
		}
		main, ok := planRole(c.str("role"))
		if !ok {
			c.bad("role", "expected main or concurrent (chính, kiêm nhiệm), got %s", tabGot(c.str("role")))
		}
		a.Main = main
		plan.Assignments = append(plan.Assignments, a)
	}
	if len(t.errs) > 0 {
		return plan, t.errs.Err()
	}
	plan.Sort()
	return plan, nil
}

// isPlanTable reports whether t is the plan table (in either language),
// and then names its columns as planColumns.
func isPlanTable(t *tabSheet) bool {
	col := map[string]int{}
	for i, h := range t.header {
		col[canonPlanColumn(h)] = i
	}
	for _, need := range []string{"unit", "title", "person", "role"} {
		if _, ok := col[need]; !ok {
			return false
		}
	}
	for c, i := range col {
		t.header[i] = c
	}
	t.col = col
	return true
}
