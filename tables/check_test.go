package tables

import (
	"strings"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// TestCheckPeoplePlausible checks the plausibility rules of CheckPeople and
// the date range of the people reader, each with its positioned message.
func TestCheckPeoplePlausible(t *testing.T) {
	units := []model.Unit{
		{Code: "C1", Level: model.Commune, Type: model.Xa},
		{Code: "V1", Level: model.Village, Type: model.Thon, Parent: "C1"},
	}
	titles := []model.Title{{ID: "t", Level: model.Village, Holders: model.HoldersRule{Base: 1}}}
	check := func() PeopleCheck { return CheckPeople(units, titles, model.MustDate("2025-01-01"), nil) }
	const head = "id,name,birth_date,sex,education,party_member,residence,capacity_hours,title_1,unit_1,start_1,term_end_1,main_1,title_2,unit_2,start_2,term_end_2,main_2\n"
	row := func(id, birth, holdings string) string {
		return id + ",A," + birth + ",male,university,yes,V1,40," + holdings + "\n"
	}
	tests := []struct {
		name, rows, want string
	}{
		{"born in 1800", row("P1", "1800-01-01", ",,,,,,,,,"),
			`people.csv:2:3: birth_date: expected a date in the years 1900 to 2100, got "1800-01-01"`},
		{"born in year 0", row("P1", "0000-01-01", ",,,,,,,,,"),
			`people.csv:2:3: birth_date: expected a date in the years 1900 to 2100, got "0000-01-01"`},
		{"born after the plan date", row("P1", "2090-01-01", ",,,,,,,,,"),
			"people.csv:2:3: birth_date: born 2090-01-01, the person would be -65 on the plan date 2025-01-01; expected an age from 15 to 100"},
		{"a child", row("P1", "2015-06-01", ",,,,,,,,,"),
			"people.csv:2:3: birth_date: born 2015-06-01, the person would be 9 on the plan date 2025-01-01; expected an age from 15 to 100"},
		{"start before 15", row("P1", "1980-01-01", "t,V1,1990-01-01,,yes,,,,,"),
			"people.csv:2:11: start_1: start 1990-01-01 is before the person's 15th birthday (born 1980-01-01)"},
		{"start decades late", row("P1", "1980-01-01", "t,V1,2050-01-01,,yes,,,,,"),
			"people.csv:2:11: start_1: start 2050-01-01 is more than a year after the plan date 2025-01-01; expected the date the person took the title"},
		{"start in 9999", row("P1", "1980-01-01", "t,V1,9999-01-01,,yes,,,,,"),
			`people.csv:2:11: start_1: expected a date in the years 1900 to 2100, got "9999-01-01"`},
		{"term ends before it starts", row("P1", "1980-01-01", "t,V1,2020-01-01,2019-01-01,yes,,,,,"),
			"people.csv:2:12: term_end_1: the term ends on 2019-01-01, not after it starts on 2020-01-01"},
		{"same title twice", row("P1", "1980-01-01", "t,V1,2020-01-01,,yes,t,V1,2021-01-01,,no"),
			"people.csv:2:14: title_2: title t in V1 is already held by this person (holding 1)"},
		{"more holders than seats", row("P1", "1980-01-01", "t,V1,,,yes,,,,,") + row("P2", "1981-01-01", "t,V1,,,yes,,,,,"),
			"people.csv:3:9: title_1: title t has 1 seat(s) in village V1, and this is holder 2: more holders today than seats would count as people the plan saves"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadPeople(strings.NewReader(head+tt.rows), "people.csv", check())
			if err == nil || err.Error() != tt.want {
				t.Errorf("got\n%v\nwant\n%s", err, tt.want)
			}
		})
	}
	// A start within a year after the plan date is an appointment already
	// decided: accepted, with a warning.
	var warnings ErrorList
	late := CheckPeople(units, titles, model.MustDate("2025-01-01"), &warnings)
	if _, err := ReadPeople(strings.NewReader(head+row("P1", "1980-01-01", "t,V1,2025-06-01,,yes,,,,,")), "people.csv", late); err != nil {
		t.Errorf("a start five months after the plan date: %v", err)
	}
	const want = "people.csv:2:11: warning: start_1: start 2025-06-01 is after the plan date 2025-01-01: the person is counted as holding t in V1 on the plan date"
	if len(warnings) != 1 || warnings[0].Warning() != want {
		t.Errorf("warnings = %v, want\n%s", warnings, want)
	}
}
