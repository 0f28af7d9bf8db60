package optimize

import (
	"context"
	"testing"
	"time"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// TestStatusText fails when a status lacks either language in either form,
// and checks that an unknown status shows its key.
func TestStatusText(t *testing.T) {
	if len(Statuses) != len(statusNames) {
		t.Fatalf("Statuses has %d values, statusNames %d", len(Statuses), len(statusNames))
	}
	for _, s := range Statuses {
		for form, text := range map[string]model.Text{"Text": s.Text(), "Outcome": s.Outcome()} {
			if !text.Complete() {
				t.Errorf("%v.%s() = %+v lacks a language", s, form, text)
			}
		}
	}
	unknown := Status(len(statusNames))
	for _, text := range []model.Text{unknown.Text(), unknown.Outcome()} {
		if text.Vi != unknown.String() || text.En != unknown.String() {
			t.Errorf("unknown status shows %+v, want its key %q", text, unknown)
		}
	}
}

// TestInterruptedStatus: a context the caller cancelled makes the result
// Interrupted; a time limit that expires makes it TimeLimit, whatever the
// solver.
func TestInterruptedStatus(t *testing.T) {
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name string
		ctx  context.Context
		set  *Settings
		want Status
	}{
		{"cancelled", cancelled, nil, Interrupted},
		{"time limit", context.Background(), &Settings{TimeLimit: time.Nanosecond}, TimeLimit},
		{"cancelled with a time limit", cancelled, &Settings{TimeLimit: time.Hour}, Interrupted},
	}
	for _, solver := range []string{"native", "cbc", "glpk"} {
		for _, tt := range tests {
			t.Run(solver+"/"+tt.name, func(t *testing.T) {
				prob := bindingCases()[0].prob
				var res *Result
				var err error
				if solver == "native" {
					res, err = Solve(tt.ctx, prob, tt.set)
				} else {
					needBinary(t, map[string]string{"cbc": "cbc", "glpk": "glpsol"}[solver])
					res, err = SolveExternal(tt.ctx, prob, solver, tt.set)
				}
				if err != nil {
					t.Fatal(err)
				}
				if res.Status != tt.want {
					t.Errorf("status %v, want %v", res.Status, tt.want)
				}
				if res.Gap != 1 && len(res.Plan.Assignments) == 0 {
					t.Errorf("gap %v with no plan, want 1", res.Gap)
				}
			})
		}
	}
}
