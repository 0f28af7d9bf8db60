package villageplan_test

import (
	"context"
	"fmt"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/villageplan"
)

// A commune of Phú Thọ with five thôn, two of them (90 and 60 households)
// below the floor of 150: the decree's fewest merges join the two into one
// village of 150 households. Its four title holders, whose terms end with
// the village they were elected in, become one person holding both titles;
// the other villages keep their people until their terms end.
func ExamplePlan() {
	s := commune(400, 90, 300, 60, 200)
	r, err := villageplan.Plan(context.Background(), s, villageplan.DefaultOptions(), model.English)
	if err != nil {
		fmt.Println(err)
		return
	}
	before, after := 0, 0
	for _, c := range r.Communes {
		before += c.Plan.Before
		after += c.Plan.After
	}
	fmt.Printf("villages %d -> %d; %s merges into %s\n", before, after, "25001-04", r.Into["25001-04"])
	p, n := r.People, model.English.Int
	fmt.Printf("people %d -> %d: kept %d, released %d\n", p.PeopleBefore, p.PeopleAfter, p.Kept, p.Released)
	fmt.Printf("allowances a year %s -> %s dong; severance %s dong\n", n(p.AllowancesBefore), n(p.AllowancesAfter), n(p.Severance))
	fmt.Printf("net savings over %d years: %s dong\n", p.WindowYears, n(p.NetSavings))
	// Output:
	// villages 5 -> 4; 25001-04 merges into 25001-02
	// people 10 -> 7: kept 7, released 3
	// allowances a year 599,610,000 -> 479,688,000 dong; severance 917,574,075 dong
	// net savings over 5 years: -317,964,075 dong
}
