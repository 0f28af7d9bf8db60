package rearrange_test

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/rearrange"
)

// randomCommune draws a commune of n villages: households log-normal around
// a median of about the floor, so that about half are below it; floors
// 150 (thôn) or 300 (TDP) with, now and then, an exempt village on a
// lower floor; with adjacency, neighbours from random points (each village
// joined to its nearest one or two, which leaves some isolated groups).
func randomCommune(r *rand.Rand, n int, adjacency bool) *rearrange.Commune {
	c := &rearrange.Commune{Code: fmt.Sprintf("X%04d", r.IntN(10000)), Name: "Xã thử"}
	typ, floor := model.Thon, 150
	if r.IntN(4) == 0 {
		typ, floor = model.ToDanPho, 300
	}
	xs, ys := make([]float64, n), make([]float64, n)
	for i := range n {
		v := rearrange.Village{
			Code:       fmt.Sprintf("V%d", i+1),
			Name:       fmt.Sprintf("Thôn %d", i+1),
			Type:       typ,
			Households: int(math.Round(float64(floor) * 0.9 * math.Exp(0.7*r.NormFloat64()))),
			Floor:      floor,
		}
		if r.IntN(8) == 0 {
			v.Exempt, v.Floor = true, floor*2/3
		}
		if r.IntN(10) == 0 && typ == model.Thon {
			v.Floor, v.Type = 300, model.ToDanPho // a mixed commune
		}
		c.Villages = append(c.Villages, v)
		xs[i], ys[i] = r.Float64(), r.Float64()
	}
	if adjacency {
		for i := range n {
			links := 1 + r.IntN(2)
			for range links {
				best, bd := -1, math.Inf(1)
				for j := range n {
					d := math.Hypot(xs[i]-xs[j], ys[i]-ys[j])
					if j != i && d < bd && !contains(c.Villages[i].Neighbours, c.Villages[j].Code) {
						best, bd = j, d
					}
				}
				if best >= 0 && r.IntN(6) > 0 {
					c.Villages[i].Neighbours = append(c.Villages[i].Neighbours, c.Villages[best].Code)
				}
			}
		}
	}
	return c
}

func contains(s []string, x string) bool {
	for _, y := range s {
		if y == x {
			return true
		}
	}
	return false
}

// randomOptions draws the rules: K from 1 to 4, a goal and an exempt rule.
func randomOptions(r *rand.Rand, adjacency bool) rearrange.Options {
	return rearrange.Options{
		MaxMerge:  1 + r.IntN(4),
		Adjacency: adjacency,
		Goal:      rearrange.Goal(r.IntN(2)),
		Exempt:    rearrange.ExemptRule(r.IntN(2)),
	}
}

// better reports whether a is lexicographically better than b under goal.
func better(goal rearrange.Goal, a, b rearrange.Objective) bool {
	if a.Under != b.Under {
		return a.Under < b.Under
	}
	if a.Merges != b.Merges {
		if goal == rearrange.Consolidation {
			return a.Merges > b.Merges
		}
		return a.Merges < b.Merges
	}
	return a.Disruption < b.Disruption
}
