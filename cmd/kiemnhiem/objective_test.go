package main

import (
	"encoding/json"
	"math"
	"slices"
	"strings"
	"testing"
)

// TestOptimizeTinyObjectives runs tiny (fewest people first in its file)
// under each objective: fewest people keeps 3 of 8 and releases 5 with
// severance; net cost and stability keep all 8, as a concurrent title paid
// at 100 % (nd33-2023) saves nothing and releasing costs severance. The
// JSON says which objective was solved and where the net cost goes.
func TestOptimizeTinyObjectives(t *testing.T) {
	tests := []struct {
		objective string
		after     int
		levels    []string
		costLevel string
	}{
		{"headcount", 3, []string{"headcount", "cost", "disruption"}, "annual"},
		{"cost", 8, []string{"cost", "headcount", "disruption"}, "net"},
		{"stability", 8, []string{"disruption", "headcount", "cost"}, "net"},
	}
	for _, tt := range tests {
		t.Run(tt.objective, func(t *testing.T) {
			sum := optimizeOK(t, tiny, "--objective", tt.objective)
			if sum.Status != "optimal" || sum.HeadcountBefore != 8 || sum.HeadcountAfter != tt.after {
				t.Fatalf("status %s, %d → %d people; want optimal, 8 → %d", sum.Status, sum.HeadcountBefore, sum.HeadcountAfter, tt.after)
			}
			u := sum.ObjectiveUsed
			if u == nil || u.Order != tt.objective || !slices.Equal(u.Levels, tt.levels) || u.CostLevel != tt.costLevel {
				t.Fatalf("objective_used = %+v; want order %s, levels %v, cost level %s", u, tt.objective, tt.levels, tt.costLevel)
			}
			if u.Value["cost"] != sum.Objective[1] || u.Value["headcount"] != int64(sum.HeadcountAfter) {
				t.Errorf("objective_used.value %v does not match objective %v", u.Value, sum.Objective)
			}
			if !slices.Equal(sum.Objective, sum.ObjectiveChecked) {
				t.Errorf("objective %v, checker %v", sum.Objective, sum.ObjectiveChecked)
			}
			if tt.costLevel == "annual" {
				if u.NetCost != nil || sum.Released != 5 || sum.SeveranceTotal <= 0 {
					t.Errorf("net_cost %+v, %d released for %d đồng; want none, 5 released with severance", u.NetCost, sum.Released, sum.SeveranceTotal)
				}
				return
			}
			nc := u.NetCost
			if u.HorizonYears != 10 || u.InsuranceRate != 0.14 || nc == nil {
				t.Fatalf("horizon %d, insurance %v, net_cost %+v; want tiny's 10 years, 0.14", u.HorizonYears, u.InsuranceRate, nc)
			}
			// Nobody released, no recruits: the net cost is today's
			// allowances for 10 years with 14 % insurance support.
			want := int64(math.Round(float64(sum.CostBefore) * 10 * 1.14))
			if nc.Severance != 0 || nc.Recruitment != 0 || nc.Total != sum.Objective[1] || nc.Allowances != nc.Total || nc.AllowancesBefore != nc.Total || nc.Total != want {
				t.Errorf("net_cost = %+v; want severance 0, recruitment 0, allowances = total = before = %d", nc, want)
			}
		})
	}
}

// TestObjectiveFlag: a bad --objective is a usage error naming the orders,
// for every command that takes it.
func TestObjectiveFlag(t *testing.T) {
	for _, cmd := range []string{"optimize", "simulate", "compare"} {
		args := []string{cmd, tiny, "--objective", "fewest"}
		if cmd == "compare" {
			args = append(args, "--out", t.TempDir())
		}
		code, _, errOut := cli(t, args...)
		if code != exitUsage || !strings.Contains(errOut, "--objective must be one of headcount, cost, stability") {
			t.Errorf("%s --objective fewest: exit %d, stderr %q", cmd, code, errOut)
		}
	}
}

// TestOptimizeHumanObjective: the human summary names the objective and,
// for a net cost, where it goes, in either language.
func TestOptimizeHumanObjective(t *testing.T) {
	for _, tt := range []struct{ lang, want string }{
		{"en", "Objective: lowest net cost (cost, headcount, disruption); net cost over 10 years"},
		{"vi", "Mục tiêu: chi phí ròng thấp nhất (cost, headcount, disruption); chi phí ròng 10 năm"},
	} {
		code, out, errOut := cli(t, "optimize", tiny, "--objective", "cost", "--lang", tt.lang)
		if code != 0 || !strings.Contains(out, tt.want) {
			t.Errorf("--lang %s: exit %d, stdout lacks %q:\n%s%s", tt.lang, code, tt.want, out, errOut)
		}
	}
}

// TestSimulateObjective: the simulator's re-plans solve each scenario's
// objective. nd33-2023 pays a concurrent title at 100 % and orders by net
// cost, so its re-plans release only people whose severance is below what
// their release saves (the insurance support of a main title, for a
// recruit of short service), while fewest people first (--objective
// headcount) releases people to save nothing and pays them severance: in
// the first year the net-cost re-plans pay under a tenth of it.
func TestSimulateObjective(t *testing.T) {
	if testing.Short() {
		t.Skip("simulates the embedded province")
	}
	severance := func(out string) float64 {
		var sum struct {
			Variant struct {
				Metrics map[string]struct {
					P50 []float64 `json:"p50"`
				} `json:"metrics"`
			} `json:"variant"`
		}
		if err := json.Unmarshal([]byte(out), &sum); err != nil {
			t.Fatal(err)
		}
		s := sum.Variant.Metrics["severance"].P50
		if len(s) == 0 {
			t.Fatalf("no severance series in\n%.1000s", out)
		}
		return s[0]
	}
	out, failure := compareOut() // nd33-2023 against no-concurrency, its own objective
	if failure != "" {
		t.Fatal(failure)
	}
	head := simulateOK(t, append(slices.Clone(compareArgs[1:]), "--objective", "headcount")...)
	own, fewest := severance(out), severance(head)
	if fewest <= 0 || own >= fewest/10 {
		t.Errorf("nd33-2023 year-1 severance p50: %v under its net-cost objective, %v under fewest people first; want the first under a tenth of the second", own, fewest)
	}
}

// TestAsIsObjective: today's holdings priced under a net-cost objective
// are priced the same by the independent checker (nobody is released, so
// no severance).
func TestAsIsObjective(t *testing.T) {
	sum := optimizeOK(t, tiny, "--as-is", "--objective", "cost")
	u := sum.ObjectiveUsed
	if sum.Status != "as_is" || u == nil || u.CostLevel != "net" || u.NetCost == nil || u.NetCost.Severance != 0 {
		t.Fatalf("status %s, objective_used %+v; want as_is priced at a net cost without severance", sum.Status, u)
	}
	if !slices.Equal(sum.Objective, sum.ObjectiveChecked) || sum.Objective[1] != u.NetCost.AllowancesBefore {
		t.Errorf("objective %v, checker %v, allowances before %d", sum.Objective, sum.ObjectiveChecked, u.NetCost.AllowancesBefore)
	}
}
