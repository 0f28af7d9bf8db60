package tables

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// planScenario is a small district for the plan and people files: commune
// C1 with three villages and C2 with one, whose village heads (truong-thon)
// and party secretaries (bi-thu-chi-bo) are held today by the people named
// after their village (C1-1-0 holds C1-1's first title); X and Y are
// listed candidates who hold nothing. It panics if the district does not
// index, as a fixture written out by hand cannot fail.
func planScenario() (*model.Scenario, *model.Index) {
	from := model.MustDate("2019-01-01")
	s := &model.Scenario{Name: "plan", Date: model.MustDate("2025-01-01")}
	s.Policy.BaseSalary = model.Const(from, model.Money(2_340_000), "")
	s.Policy.Retirement = model.Const(from, model.Decree135(), "")
	s.Policy.Severance = model.Const(from, model.SeveranceRule{MonthlyFactor: 0.8, YearlyFactor: 1.5, JobSearchMonths: 3, ShortServiceYears: 5, NearRetirementYears: 5, CapMonths: 60}, "")
	s.Titles = []model.Title{
		{ID: "truong-thon", Level: model.Village, Name: model.Text{Vi: "Trưởng thôn", En: "Village head"}, Allowance: 0.7},
		{ID: "bi-thu-chi-bo", Level: model.Village, Name: model.Text{Vi: "Bí thư chi bộ", En: "Party cell secretary"}, Allowance: 0.7},
	}
	s.Units = []model.Unit{{Code: "C1", Level: model.Commune}, {Code: "C2", Level: model.Commune}, {Code: "C2-1", Level: model.Village, Parent: "C2"}}
	for _, v := range []string{"C1-1", "C1-2", "C1-3"} {
		s.Units = append(s.Units, model.Unit{Code: v, Name: "Thôn " + v[3:], Level: model.Village, Parent: "C1"})
	}
	holder := func(id, title, unit string, birth model.Date) model.Person {
		return model.Person{ID: id, Birth: birth, Residence: unit, Holdings: []model.Holding{{Title: title, Unit: unit, Main: true}}}
	}
	s.People = []model.Person{
		holder("C1-1-0", "truong-thon", "C1-1", model.MustDate("1962-01-01")),
		holder("C1-1-1", "bi-thu-chi-bo", "C1-1", model.MustDate("1969-02-01")),
		holder("C1-3-1", "bi-thu-chi-bo", "C1-3", model.MustDate("1977-03-01")),
		holder("C2-1-0", "truong-thon", "C2-1", model.MustDate("1963-02-01")),
		{ID: "X", Name: "Xuân", Residence: "C1-2"},
		{ID: "Y", Residence: "C1-3"},
	}
	ix, err := model.NewIndex(s)
	if err != nil {
		panic(err)
	}
	return s, ix
}

func TestPersonOutcomes(t *testing.T) {
	s, ix := planScenario()
	plan := model.Plan{Date: s.Date, Assignments: []model.Assignment{
		{Unit: "C1-1", Title: "bi-thu-chi-bo", Person: "NEW-C1-1-1", Main: true},
		{Unit: "C1-1", Title: "truong-thon", Person: "C1-1-1", Main: true},
		{Unit: "C1-2", Title: "truong-thon", Person: "X", Main: true},
	}}
	unplanned := map[string]bool{"C2": true, "C2-1": true}
	rows := PersonOutcomes(s, ix, plan, unplanned, model.Vietnamese)
	if len(rows) != len(s.People)+1 {
		t.Fatalf("%d rows, want %d people and a recruit", len(rows), len(s.People))
	}
	byID := map[string]PersonOutcome{}
	for _, r := range rows {
		byID[r.ID] = r
	}
	// C1-3-1 has no known start of service: three months of 0.7 ×
	// 2,340,000 for the job search.
	tests := []PersonOutcome{
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
	if err := WriteOutcomesCSV(&b, rows); err != nil {
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
