package report

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
)

func TestPeopleRows(t *testing.T) {
	s := fixtureScenario("people", 1, 2)
	s.People = append(s.People, model.Person{ID: "X", Name: "Xuân", Residence: "C1-2"}, model.Person{ID: "Y", Residence: "C1-3"})
	ix, err := model.NewIndex(s)
	if err != nil {
		t.Fatal(err)
	}
	plan := model.Plan{Date: s.Date, Assignments: []model.Assignment{
		{Unit: "C1-1", Title: "bi-thu-chi-bo", Person: "NEW-C1-1-1", Main: true},
		{Unit: "C1-1", Title: "truong-thon", Person: "C1-1-1", Main: true},
		{Unit: "C1-2", Title: "truong-thon", Person: "X", Main: true},
	}}
	unplanned := map[string]bool{"C2": true, "C2-1": true}
	rows := PeopleRows(s, ix, plan, unplanned, model.Vietnamese)
	if len(rows) != len(s.People)+1 {
		t.Fatalf("%d rows, want %d people and a recruit", len(rows), len(s.People))
	}
	byID := map[string]PersonRow{}
	for _, r := range rows {
		byID[r.ID] = r
	}
	// C1-3-1 has no known start of service: three months of 0.7 ×
	// 2,340,000 for the job search.
	tests := []PersonRow{
		{ID: "C1-1-1", Status: PersonKept, TitlesBefore: []string{"C1-1/bi-thu-chi-bo"}, TitlesAfter: []string{"C1-1/truong-thon"}},
		{ID: "C1-1-0", Status: PersonReleased, TitlesBefore: []string{"C1-1/truong-thon"}}, // retired in 2022: no severance
		{ID: "C1-3-1", Status: PersonReleased, TitlesBefore: []string{"C1-3/bi-thu-chi-bo"}, Severance: 4_914_000},
		{ID: "C2-1-0", Status: PersonUnplanned, TitlesBefore: []string{"C2-1/truong-thon"}},
		{ID: "X", Name: "Xuân", Status: PersonAppointed, TitlesAfter: []string{"C1-2/truong-thon"}},
		{ID: "Y", Status: PersonUnassigned},
		{ID: "NEW-C1-1-1", Name: "Người mới tuyển", Status: PersonNew, TitlesAfter: []string{"C1-1/bi-thu-chi-bo"}},
	}
	for _, want := range tests {
		if got := byID[want.ID]; !reflect.DeepEqual(got, want) {
			t.Errorf("%s: %+v, want %+v", want.ID, got, want)
		}
	}
	if last := rows[len(rows)-1]; last.ID != "NEW-C1-1-1" {
		t.Errorf("last row %s, want the recruit", last.ID)
	}

	var b bytes.Buffer
	if err := WritePeopleCSV(&b, rows); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(b.String(), "\n")
	if lines[0] != "id,name,status,titles_before,titles_after,severance_estimate_dong" {
		t.Errorf("header %q", lines[0])
	}
	if !strings.Contains(b.String(), "\nC1-3-1,,released,C1-3/bi-thu-chi-bo,,4914000\n") {
		t.Errorf("people.csv lacks C1-3-1's line:\n%s", b.String())
	}
}
