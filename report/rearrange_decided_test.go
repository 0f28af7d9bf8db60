package report

import (
	"fmt"
	"strings"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/rearrange"
	"github.com/kiemnhiem/kiemnhiem/villageplan"
)

// decidedResult is a decided plan of two communes: the first as its
// optimum, the second merging 1 where the optimum merges 2 and leaving 2
// villages below their floor; breaches breaches.
func decidedResult(breaches int) *villageplan.Result {
	plan := func(merges, under, moved, after int, st rearrange.Status) *rearrange.Plan {
		return &rearrange.Plan{Objective: rearrange.Objective{Merges: merges, Under: under, Disruption: moved}, After: after, Before: after + merges, Status: st}
	}
	r := &villageplan.Result{Decided: true,
		Communes: []villageplan.Commune{
			{Unit: &model.Unit{Code: "25001", Name: "Xã A"}, Plan: plan(1, 0, 90, 3, rearrange.Optimal)},
			{Unit: &model.Unit{Code: "25002", Name: "Xã B"}, Plan: plan(1, 2, 60, 4, rearrange.Optimal)},
		},
		Optimal: []*rearrange.Plan{plan(1, 0, 90, 3, rearrange.Optimal), plan(2, 0, 150, 3, rearrange.Limited)},
	}
	for i := range breaches {
		r.Breaches = append(r.Breaches, model.Text{Vi: fmt.Sprintf("vi phạm %d", i), En: fmt.Sprintf("breach %d", i)})
	}
	return r
}

func TestDecidedOf(t *testing.T) {
	for _, tt := range []struct {
		name     string
		r        *villageplan.Result
		lang     model.Lang
		want     *DecidedPlan // Text and Differs' texts checked by substring
		text     string
		differs  string
		notes    int
		lastNote string
	}{
		{"solver's plan", &villageplan.Result{}, model.English, nil, "", "", 0, ""},
		{"decided, en", decidedResult(2), model.English,
			&DecidedPlan{Under: 2, OptimumVillagesAfter: 6, OptimumMerges: 3, OptimumMoved: 240, OptimumUnder: 0, OptimumProven: 1},
			"The decided plan merges 2 villages away (leaving 7), leaves 2 below their floor and moves 150 households; the NĐ 185/2026 optimum (at most 3 into one as well) merges 3 (leaving 6), leaves 0 below their floor and moves 240 households; rule breaches: 2",
			"Xã B (25002): the decided plan merges 1 villages away, leaves 2 below their floor and moves 60 households; the optimum: 2, 0, 150", 3, "X: breach 1"},
		{"decided, vi, many breaches", decidedResult(25), model.Vietnamese,
			&DecidedPlan{Under: 2, OptimumVillagesAfter: 6, OptimumMerges: 3, OptimumMoved: 240, OptimumUnder: 0, OptimumProven: 1},
			"vi phạm quy tắc: 25", "Xã B (25002): phương án đã quyết định nhập 1 thôn", 22, "X: … và 5 vi phạm khác."},
	} {
		t.Run(tt.name, func(t *testing.T) {
			sum := &RearrangeSummary{MaxMerge: 3, Proven: 2, Lang: tt.lang}
			for i := range tt.r.Communes {
				p := tt.r.Communes[i].Plan
				sum.Merges += p.Objective.Merges
				sum.VillagesAfter += p.After
				sum.HouseholdsMoved += p.Objective.Disruption
			}
			d := decidedOf(tt.r, sum, tt.lang)
			sum.Decided = d
			if tt.want == nil {
				if d != nil || decidedClause(sum, tt.lang) != "" || sum.Proven != 2 {
					t.Errorf("decidedOf = %+v, Proven %d; want nil and the solver's proof kept", d, sum.Proven)
				}
				return
			}
			if d == nil {
				t.Fatal("decidedOf = nil")
			}
			if d.Under != tt.want.Under || d.OptimumVillagesAfter != tt.want.OptimumVillagesAfter || d.OptimumMerges != tt.want.OptimumMerges ||
				d.OptimumMoved != tt.want.OptimumMoved || d.OptimumUnder != tt.want.OptimumUnder || d.OptimumProven != tt.want.OptimumProven {
				t.Errorf("decidedOf = %+v, want %+v", d, tt.want)
			}
			if sum.Proven != 0 || len(d.Breaches) != len(tt.r.Breaches) || !strings.Contains(d.Text, tt.text) {
				t.Errorf("Proven %d, breaches %v, text %q; want 0, %d, %q", sum.Proven, d.Breaches, d.Text, len(tt.r.Breaches), tt.text)
			}
			if len(d.Differs) != 1 || d.Differs[0].Commune != "25002" || !strings.Contains(d.Differs[0].Text, tt.differs) {
				t.Errorf("differs %+v, want commune 25002 with %q", d.Differs, tt.differs)
			}
			if decidedClause(sum, tt.lang) == "" {
				t.Error("no clause for the conclusion")
			}
			notes := decidedNotes([]rearrangeColumn{{Label: "X", Sum: sum}, {Label: "Y", AsIs: true}}, tt.lang)
			if len(notes) != tt.notes || notes[len(notes)-1] != tt.lastNote {
				t.Errorf("%d notes, the last %q; want %d, %q", len(notes), notes[len(notes)-1], tt.notes, tt.lastNote)
			}
		})
	}
}
