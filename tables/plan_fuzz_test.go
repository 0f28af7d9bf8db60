package tables

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"
)

// FuzzReadPlanCSV: ReadPlanCSV refuses with a positioned ErrorList, and a
// plan it reads is written by WritePlanCSV and read back the same.
func FuzzReadPlanCSV(f *testing.F) {
	head := strings.Join(planColumns, ",") + "\n"
	f.Add(head + "C1,Xã A,chu-tich,Chủ tịch,P1,\"Nguyễn, A\",main\nC1,,pho-chu-tich,,P1,,concurrent\n")
	f.Add(head + "C1,,t,,NEW-C1-1,Người mới tuyển,main\n")
	f.Add("\ufeffrole,person,title,unit\nmain,P1,t,C1\n")
	f.Add(head + "C1,,t,,P1,,chief\n")
	f.Add(head + "C1,,t\n")
	f.Add(head + "C1,\"open\n")
	f.Add("unit,title\n")
	f.Add("")
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 64<<10 {
			t.Skip("input over 64 KiB")
		}
		plan, err := ReadPlanCSV(strings.NewReader(src), "plan.csv")
		if err != nil {
			var errs ErrorList
			if !errors.As(err, &errs) || len(errs) == 0 {
				t.Fatalf("error of type %T: %v", err, err)
			}
			for _, e := range errs {
				if e.File != "plan.csv" || e.Line < 1 || e.Col < 1 || e.Msg == "" {
					t.Fatalf("error without position or message: %#v", e)
				}
			}
			return
		}
		rows := make([]PlanRow, len(plan.Assignments))
		for i, a := range plan.Assignments {
			rows[i] = PlanRow{Unit: a.Unit, Title: a.Title, Person: a.Person, Role: "concurrent"}
			if a.Main {
				rows[i].Role = "main"
			}
		}
		var b bytes.Buffer
		if err := WritePlanCSV(&b, rows); err != nil {
			t.Fatalf("plan read cannot be written: %v", err)
		}
		if !plainCells(rows) {
			return // a cell a CSV writer may change (see plainCells)
		}
		back, err := ReadPlanCSV(&b, "plan.csv")
		if err != nil {
			t.Fatalf("reading written plan: %v\n%s", err, b.String())
		}
		if len(back.Assignments) != 0 || len(plan.Assignments) != 0 {
			if !reflect.DeepEqual(back.Assignments, plan.Assignments) {
				t.Fatalf("round trip differs:\n%v\n%v", plan.Assignments, back.Assignments)
			}
		}
	})
}

// plainCells reports whether every cell of rows reads back as written: CSV
// turns "\r\n" in a quoted cell into "\n", and a writer guarding against
// spreadsheet formulas may change a cell beginning with =, +, -, @, tab or
// carriage return.
func plainCells(rows []PlanRow) bool {
	for _, r := range rows {
		for _, c := range r.record() {
			if strings.Contains(c, "\r") || c != "" && strings.ContainsRune("=+-@\t", rune(c[0])) {
				return false
			}
		}
	}
	return true
}
