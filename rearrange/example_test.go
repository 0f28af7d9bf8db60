package rearrange_test

import (
	"context"
	"fmt"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/rearrange"
)

// A commune of five thôn in a region whose floor is 400 households: two
// small thôn that border each other but are not enough together, so both
// join the large one beside them (it keeps its name: it is the largest); a
// small thôn with no neighbour stays, explained. At most 3 into one.
func Example() {
	c := &rearrange.Commune{Code: "10105", Name: "Xã Đông Hòa", Villages: []rearrange.Village{
		{Code: "T1", Name: "Thôn Đông", Type: model.Thon, Households: 180, Floor: 400, Neighbours: []string{"T2", "T3"}},
		{Code: "T2", Name: "Thôn Đoài", Type: model.Thon, Households: 150, Floor: 400, Neighbours: []string{"T3"}},
		{Code: "T3", Name: "Thôn Trung", Type: model.Thon, Households: 520, Floor: 400},
		{Code: "T4", Name: "Thôn Bắc", Type: model.Thon, Households: 460, Floor: 400, Neighbours: []string{"T3"}},
		{Code: "T5", Name: "Thôn Cồn", Type: model.Thon, Households: 90, Floor: 400},
	}}
	p, err := rearrange.Solve(context.Background(), c, rearrange.Options{MaxMerge: 3, Adjacency: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, g := range p.Groups {
		fmt.Print(c.Villages[g.Members[0]].Name)
		for _, v := range g.Members[1:] {
			fmt.Printf(" + %s", c.Villages[v].Name)
		}
		fmt.Printf(" = %d hộ\n", g.Households)
	}
	fmt.Printf("%v; villages %d → %d; %+v\n", p.Status, p.Before, p.After, p.Objective)
	for _, e := range p.Explanations {
		fmt.Println(e.Text.En)
	}
	// Output:
	// Thôn Trung + Thôn Đông + Thôn Đoài = 850 hộ
	// Thôn Bắc = 460 hộ
	// Thôn Cồn = 90 hộ
	// optimal (proven); villages 5 → 3; {Under:1 Merges:2 Disruption:330}
	// Thôn Cồn (90 households, floor 400): borders no village it could merge with.
}
