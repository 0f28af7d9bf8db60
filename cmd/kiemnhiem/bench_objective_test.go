package main

import (
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/optimize"
)

// BenchmarkSolveObjective solves nd33-2023 over the named sizes under each
// planner's objective (--objective): headcount first keeps the headcount
// pruning of the search; net cost and stability search without it (see
// optimize/dp.go), so this is what the objective costs in time.
func BenchmarkSolveObjective(b *testing.B) {
	for _, o := range model.ObjectiveOrders() {
		for _, size := range benchSizes {
			b.Run("nd33-2023/"+o.String()+"/"+size.name, func(b *testing.B) {
				if size.name == "country" && testing.Short() {
					b.Skip("country size skipped in -short mode")
				}
				benchSolve(b, benchScenario(b, "nd33-2023", size), &optimize.Settings{Order: &o})
			})
		}
	}
}
