package main

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/scenarios"
	"github.com/kiemnhiem/kiemnhiem/tables"
)

// outPerson is one row of the people.csv optimize writes, by column.
type outPerson struct {
	id, status, severance string
	after                 []string // unit/title after the plan, sorted, read back as a roster
}

// viOutColumns are the Vietnamese headers of the columns the tests read.
var viOutColumns = map[string]string{"Mã cán bộ": "id", "Trạng thái": "status", "Hỗ trợ thôi việc ước tính (đồng)": "severance_estimate_dong"}

// readPeopleOut reads the people.csv optimize wrote into dir (in either
// language) by column, and reads it back as a roster of scenario, which
// it must be.
func readPeopleOut(t *testing.T, dir, scenario string) []outPerson {
	t.Helper()
	path := filepath.Join(dir, "people.csv")
	recs := readCSV(t, path)
	col := map[string]int{}
	for i, h := range recs[0] {
		if en, ok := viOutColumns[h]; ok {
			h = en
		}
		col[h] = i
	}
	for _, c := range []string{"id", "status", "severance_estimate_dong"} {
		if _, ok := col[c]; !ok {
			t.Fatalf("people.csv has no %s column: %q", c, recs[0])
		}
	}
	s, err := scenarios.Load(scenario)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.LoadData(); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	people, err := tables.ReadPeople(f, path, tables.CheckPeople(s.Units, s.Titles, 0, nil))
	if err != nil {
		t.Fatalf("people.csv does not load back as a roster: %v", err)
	}
	byID := map[string]model.Person{}
	for _, p := range people {
		byID[p.ID] = p
	}
	var out []outPerson
	for _, r := range recs[1:] {
		status := r[col["status"]]
		for _, k := range []string{tables.PersonKept, tables.PersonReleased, tables.PersonNew, tables.PersonAppointed, tables.PersonUnassigned, tables.PersonUnplanned} {
			if tables.StatusText(k).Vi == status {
				status = k
			}
		}
		o := outPerson{id: r[col["id"]], status: status, severance: r[col["severance_estimate_dong"]]}
		for _, h := range byID[o.id].Holdings {
			o.after = append(o.after, h.Unit+"/"+h.Title)
		}
		slices.Sort(o.after)
		out = append(out, o)
	}
	return out
}
