package rearrange_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/rearrange"
	"github.com/kiemnhiem/kiemnhiem/rearrange/check"
)

// FuzzSolve builds a commune from the bytes (one village per three bytes:
// households, floor and flags, neighbours), solves it under a small node
// limit and hands the plan to the checker: whatever the input, the solver
// returns an input error or a plan the checker accepts.
func FuzzSolve(f *testing.F) {
	f.Add([]byte{3, 0, 10, 100, 1, 20, 200, 2, 30, 50, 3})
	f.Add([]byte{2, 0x8f, 255, 255, 255, 0, 0, 0, 7, 7, 7, 9, 9, 9})
	f.Add([]byte{4, 0xff, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18})
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) < 2 {
			return
		}
		opt := rearrange.Options{
			MaxMerge:  int(data[0] % 6), // 0 and 5 exercise the range check and large groups
			Adjacency: data[1]&1 != 0,
			Goal:      rearrange.Goal(data[1] >> 1 & 1),
			Exempt:    rearrange.ExemptRule(data[1] >> 2 & 1),
			MaxNodes:  int64(500 + int(data[1]>>3)*100),
		}
		c := &rearrange.Commune{Code: "F"}
		body := data[2:]
		for i := 0; i+2 < len(body) && len(c.Villages) < 16; i += 3 {
			v := rearrange.Village{Code: fmt.Sprint("V", len(c.Villages)), Households: int(body[i]) * 3,
				Floor: 150 * int(body[i+1]&3), Exempt: body[i+1]&4 != 0}
			for j := range len(c.Villages) {
				if body[i+2]>>(j%8)&1 != 0 {
					v.Neighbours = append(v.Neighbours, c.Villages[j].Code)
				}
			}
			c.Villages = append(c.Villages, v)
		}
		p, err := rearrange.Solve(context.Background(), c, opt)
		if err != nil {
			if opt.MaxMerge >= 1 {
				t.Fatalf("Solve: %v", err)
			}
			return
		}
		if err := check.Check(c, opt, p); err != nil {
			t.Fatal(err)
		}
	})
}
