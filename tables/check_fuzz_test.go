package tables

import (
	"reflect"
	"strings"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// FuzzCheckPeople reads people tables against a commune with a thôn and a
// tổ dân phố: every person accepted lives in one of the units or nowhere
// given, every holding names a title that exists in its unit, and the
// check changes no person it accepts.
func FuzzCheckPeople(f *testing.F) {
	units := []model.Unit{
		{Code: "C1", Level: model.Commune, Type: model.Xa},
		{Code: "V1", Level: model.Village, Type: model.Thon, Parent: "C1"},
		{Code: "V2", Level: model.Village, Type: model.ToDanPho, Parent: "C1"},
	}
	titles := []model.Title{
		{ID: "chu-tich", Level: model.Commune},
		{ID: "truong-thon", Level: model.Village, UnitTypes: []model.UnitType{model.Thon}},
		{ID: "bi-thu-chi-bo", Level: model.Village},
	}
	f.Add(peopleHeader + "P1,A,1980-01-01,male,university,yes,V1,40,truong-thon,V1,2020-01-01,2025-01-01,yes\n")
	f.Add(peopleHeader + "P1,A,1980-01-01,male,university,yes,V2,40,truong-thon,V2,,,\n")
	f.Add(peopleHeader + "P1,A,1980-01-01,male,university,yes,C9,40,chu-tich,V1,,,\n")
	f.Add(peopleHeader + "P1,A,1980-01-01,female,none,no,,0,pho-chu-tich,C1,,,\n")
	f.Add(strings.TrimSuffix(peopleHeader, "\n") + ",title_2,unit_2\nP1,A,1980-01-01,male,none,no,C1,40,chu-tich,C1,,,yes,bi-thu-chi-bo,V2\n")
	check := CheckPeople(units, titles, model.MustDate("2025-01-01"), nil)
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > fuzzMaxInput {
			t.Skip("input over 64 KiB")
		}
		people, err := ReadPeople(strings.NewReader(src), "f.csv", check)
		if err != nil {
			requireTableError(t, err)
			return
		}
		unit := map[string]*model.Unit{}
		for i := range units {
			unit[units[i].Code] = &units[i]
		}
		for _, p := range people {
			if _, ok := unit[p.Residence]; !ok && p.Residence != "" {
				t.Fatalf("%s lives in unknown unit %q", p.ID, p.Residence)
			}
			for _, h := range p.Holdings {
				if !holdingExists(titles, unit[h.Unit], h.Title) {
					t.Fatalf("%s holds %q in %q, which has no such title", p.ID, h.Title, h.Unit)
				}
			}
		}
		// The check changes nothing but a title cell that names a title
		// (by name, or its ID in another case) into that title's ID.
		plain, err := ReadPeople(strings.NewReader(src), "f.csv", nil)
		if err != nil || len(plain) != len(people) {
			t.Fatalf("the check changed the people read: %v", err)
		}
		names := newTitleNames(titles)
		for i := range plain {
			for k := range plain[i].Holdings {
				if k < len(people[i].Holdings) {
					h := &plain[i].Holdings[k]
					if id, _ := names.resolve(h.Title, unit[h.Unit]); id == people[i].Holdings[k].Title {
						h.Title = id
					}
				}
			}
		}
		if !reflect.DeepEqual(plain, people) {
			t.Fatalf("the check changed the people read beyond naming titles by ID")
		}
	})
}

// holdingExists reports whether one of titles, named id, exists in u.
func holdingExists(titles []model.Title, u *model.Unit, id string) bool {
	for i := range titles {
		if titles[i].ID == id && u != nil && titles[i].AppliesTo(u) {
			return true
		}
	}
	return false
}
