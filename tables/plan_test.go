package tables

import (
	"bytes"
	"log"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// PlanRows names the units, titles and people of a plan; WritePlanCSV
// writes them as kiemnhiem optimize's plan.csv.
func ExamplePlanRows() {
	s, ix := planScenario()
	plan := model.Plan{Date: s.Date, Assignments: []model.Assignment{
		{Unit: "C1-1", Title: "truong-thon", Person: "C1-1-0", Main: true},
		{Unit: "C1-1", Title: "bi-thu-chi-bo", Person: "C1-1-0"},
		{Unit: "C1-2", Title: "truong-thon", Person: "NEW-C1-2-1", Main: true},
	}}
	if err := WritePlanCSV(os.Stdout, PlanRows(s, ix, plan, model.English)); err != nil {
		log.Fatal(err)
	}
	// Output:
	// unit,unit_name,title,title_name,person,person_name,role
	// C1-1,Thôn 1,truong-thon,Village head,C1-1-0,,main
	// C1-1,Thôn 1,bi-thu-chi-bo,Party cell secretary,C1-1-0,,concurrent
	// C1-2,Thôn 2,truong-thon,Village head,NEW-C1-2-1,New recruit,main
}

// A plan written by WritePlanCSV reads back as the same plan, sorted.
func TestReadPlanCSVRoundTrip(t *testing.T) {
	s, ix := planScenario()
	plan := s.CurrentPlan()
	plan.Assignments = append(plan.Assignments, model.Assignment{Unit: "C2-1", Title: "truong-thon", Person: "NEW-C2-1-1", Main: true})
	var b bytes.Buffer
	if err := WritePlanCSV(&b, PlanRows(s, ix, plan, model.Vietnamese)); err != nil {
		t.Fatal(err)
	}
	got, err := ReadPlanCSV(&b, "plan.csv")
	if err != nil {
		t.Fatal(err)
	}
	plan.Sort()
	if !reflect.DeepEqual(got.Assignments, plan.Assignments) {
		t.Errorf("read back %v\nwant %v", got.Assignments, plan.Assignments)
	}
}

func TestReadPlanCSV(t *testing.T) {
	tests := []struct {
		name, in string
		want     []model.Assignment
		err      string
	}{
		{"columns in any order, a byte-order mark", "\ufeffrole,person,title,unit,extra\nmain,P1,t,U1,x\nconcurrent,P1,s,U1,y\n",
			[]model.Assignment{{Unit: "U1", Title: "s", Person: "P1"}, {Unit: "U1", Title: "t", Person: "P1", Main: true}}, ""},
		{"header only", "unit,title,person,role\n", nil, ""},
		{"empty", "", nil, "plan.csv:1:1: expected a header row with unit, title, person and role columns"},
		{"missing column", "unit,title,person\nU1,t,P1\n", nil, "plan.csv:1:1: role: missing column (a plan.csv written by kiemnhiem optimize has unit, title, person and role)"},
		{"bad roles", "unit,title,person,role\nU1,t,P1,chief\nU1,s,P1,main\nU2,t,P2,\n", nil,
			"plan.csv:2:9: role: expected main or concurrent (chính, kiêm nhiệm), got \"chief\"\nplan.csv:4:9: role: expected main or concurrent (chính, kiêm nhiệm), got \"\""},
		{"open quote", "unit,title,person,role\nU1,t,\"P1\n", nil, "plan.csv:2:10: extraneous or missing \" in quoted-field"},
		{"ragged row", "unit,title,person,role\nU1,t\n", nil, "plan.csv:2:1: wrong number of fields"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			plan, err := ReadPlanCSV(strings.NewReader(tt.in), "plan.csv")
			switch {
			case tt.err != "":
				if err == nil || err.Error() != tt.err {
					t.Errorf("error %v, want %s", err, tt.err)
				}
			case err != nil:
				t.Errorf("error %v", err)
			case !reflect.DeepEqual(plan.Assignments, tt.want):
				t.Errorf("plan %v, want %v", plan.Assignments, tt.want)
			}
		})
	}
}
