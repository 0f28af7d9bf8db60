package main

import (
	"context"
	"path/filepath"
	"sync"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/optimize"
	"github.com/kiemnhiem/kiemnhiem/optimize/check"
	"github.com/kiemnhiem/kiemnhiem/scenarios"
	"github.com/kiemnhiem/kiemnhiem/sim"
)

// verifyingAssigner wraps the Assigner simulate uses and re-verifies every
// re-plan with the independent checker: the plan the (caching) Assigner
// returns must keep every rule and have the value a fresh solve gives.
type verifyingAssigner struct {
	t     *testing.T
	inner optimize.Assigner
	mu    sync.Mutex
	calls int
}

func (a *verifyingAssigner) Assign(ctx context.Context, s *model.Scenario) (model.Plan, error) {
	plan, err := a.inner.Assign(ctx, s)
	if err != nil {
		return plan, err
	}
	// A fresh solve says which communes have no plan, and what the plan
	// is worth; the Assigner's plan stands in for its plan.
	prob := &optimize.Problem{Scenario: s}
	res, err := optimize.Solve(ctx, prob, nil)
	if err != nil {
		return plan, err
	}
	res.Plan = plan
	if _, err := check.Verify(prob, res); err != nil {
		a.t.Errorf("re-plan on %s: %v", s.Date, err)
	}
	a.mu.Lock()
	a.calls++
	a.mu.Unlock()
	return plan, nil
}

// TestReplansVerify simulates the tiny scenario with simulate's Assigner,
// wrapped so that every re-plan is checked.
func TestReplansVerify(t *testing.T) {
	s, err := scenarios.Load(filepath.Join("testdata", "optimize", "tiny.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.LoadData(); err != nil {
		t.Fatal(err)
	}
	a := &verifyingAssigner{t: t, inner: optimize.NewAssigner(nil)}
	cfg := sim.Config{Years: 6, Runs: 4, Seed: 1, Workers: 2, Assigner: a}
	if _, err := cfg.Run(context.Background(), &s.Scenario); err != nil {
		t.Fatal(err)
	}
	if a.calls < 2 {
		t.Errorf("%d re-plans verified, want the start's plan and later ones", a.calls)
	}
	t.Logf("%d re-plans verified", a.calls)
}
