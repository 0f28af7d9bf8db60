package villageplan

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/rearrange"
)

// FromMapping prices a rearrangement the communes already decided (a
// scenario's dynamics.mergers entry with mapping:, read into
// model.Merger.Into: absorbed village code → the code of the village it
// goes into) as [Plan] prices the solver's: each commune's plan is taken
// from into (a group per keeper, the keeper first, its absorbed villages
// after it in input order), its objective counted as package rearrange
// counts it (villages below their floor, merges, households moved — here
// the households of every member but the keeper the resolution names), and
// the people and money priced on the world after it.
//
// A decided plan that breaks a rule of opt is not an error: each merged
// village that holds more than opt.MaxMerge villages, or, with
// opt.Adjacency in a commune whose villages all carry neighbour lists,
// villages that are not connected as neighbours, is listed in
// Result.Breaches. Every village the plan leaves below its floor is
// explained: with the solver's reason when the solver's plan cannot bring
// it to its floor either, else as the decided plan's doing
// (rearrange.ReasonDecided). Result.Optimal holds the solver's plan of
// every commune under opt, for comparison. A decided plan is not searched:
// its plans read Status Optimal with Bound equal to Objective and no nodes.
//
// into must name villages of s and merge within a commune, a keeper not
// itself absorbed (scenarios checks this on load); otherwise FromMapping
// returns an error in lang.
func FromMapping(ctx context.Context, s *model.Scenario, into map[string]string, opt Options, lang model.Lang) (*Result, error) {
	if err := opt.check(lang); err != nil {
		return nil, err
	}
	if err := needFloors(s, lang); err != nil {
		return nil, err
	}
	cs, err := communeVillages(s, opt)
	if err != nil {
		return nil, err
	}
	if err := checkMapping(cs, into, lang); err != nil {
		return nil, err
	}
	optimal := slices.Clone(cs)
	if err := solveCommunes(ctx, optimal); err != nil {
		return nil, err
	}
	var breaches []model.Text
	plans := make([]*rearrange.Plan, len(cs))
	for i := range cs {
		plans[i] = optimal[i].Plan
		cs[i].Plan = decidedPlan(&cs[i], into, plans[i])
		breaches = append(breaches, groupBreaches(&cs[i], opt.MaxMerge)...)
	}
	w, absorbed := After(s, cs)
	people, solved, err := prices(ctx, s, w, opt, lang)
	if err != nil {
		return nil, err
	}
	return &Result{Scenario: s, Options: opt, Communes: cs, After: w, Into: absorbed, People: people, Solved: solved,
		Decided: true, Breaches: breaches, Optimal: plans}, nil
}

// checkMapping refuses a mapping that names a village no commune of cs
// holds, merges across communes, or absorbs a keeper, in lang; the first
// problem in the order of the absorbed villages' codes.
func checkMapping(cs []Commune, into map[string]string, lang model.Lang) error {
	commune := map[string]string{}
	for i := range cs {
		for _, v := range cs[i].Commune.Villages {
			commune[v.Code] = cs[i].Unit.Code
		}
	}
	for _, a := range slices.Sorted(mapKeys(into)) {
		k := into[a]
		for _, code := range []string{a, k} {
			if _, ok := commune[code]; !ok {
				return fmt.Errorf(lang.Pick("phương án sắp xếp đã quyết định: %s không phải là thôn của dữ liệu phương án",
					"decided rearrangement: %s is not a village of the scenario's data"), code)
			}
		}
		if commune[a] != commune[k] {
			return fmt.Errorf(lang.Pick("phương án sắp xếp đã quyết định: thôn %s của xã %s không thể nhập vào thôn %s của xã %s: thôn chỉ nhập trong cùng một xã",
				"decided rearrangement: village %s of commune %s cannot merge into %s of commune %s: villages merge within their commune"), a, commune[a], k, commune[k])
		}
		if next, ok := into[k]; ok {
			return fmt.Errorf(lang.Pick("phương án sắp xếp đã quyết định: thôn %s nhập vào %s, mà thôn này lại nhập vào %s: hãy ghi thôn sau sắp xếp",
				"decided rearrangement: village %s merges into %s, which itself merges into %s: name the village after"), a, k, next)
		}
	}
	return nil
}

// mapKeys iterates the keys of m.
func mapKeys(m map[string]string) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// decidedPlan is commune c's plan as into decides it, with its objective
// and the explanation of every village it leaves below its floor;
// optimal is the solver's plan of c.
func decidedPlan(c *Commune, into map[string]string, optimal *rearrange.Plan) *rearrange.Plan {
	vs := c.Commune.Villages
	at := make(map[string]int, len(vs))
	for i, v := range vs {
		at[v.Code] = i
	}
	absorbed := make([][]int, len(vs))
	isAbsorbed := make([]bool, len(vs))
	for i, v := range vs {
		if k, ok := into[v.Code]; ok {
			absorbed[at[k]] = append(absorbed[at[k]], i)
			isAbsorbed[i] = true
		}
	}
	p := &rearrange.Plan{Commune: c.Commune.Code, Before: len(vs), Status: rearrange.Optimal}
	for i := range vs {
		if isAbsorbed[i] {
			continue
		}
		g := rearrange.Group{Members: append([]int{i}, absorbed[i]...)}
		for _, m := range g.Members {
			g.Households += vs[m].Households
			g.Floor = max(g.Floor, vs[m].Floor)
		}
		g.Below = g.Households < g.Floor
		if g.Below {
			p.Objective.Under += len(g.Members)
		}
		p.Objective.Disruption += g.Households - vs[i].Households
		p.Groups = append(p.Groups, g)
	}
	p.After = len(p.Groups)
	p.Objective.Merges = p.Before - p.After
	p.Bound = p.Objective
	p.Explanations = decidedExplanations(c, p, optimal)
	return p
}

// decidedExplanations explains every village of the decided plan p whose
// village after is below its floor: the solver's explanation when its
// plan leaves the village below its floor too, else the decided plan's.
func decidedExplanations(c *Commune, p, optimal *rearrange.Plan) []rearrange.Explanation {
	solver := map[int]rearrange.Explanation{}
	for _, e := range optimal.Explanations {
		solver[e.Village] = e
	}
	var out []rearrange.Explanation
	for _, g := range p.Groups {
		if !g.Below {
			continue
		}
		for _, v := range g.Members {
			if e, ok := solver[v]; ok {
				out = append(out, rearrange.Explanation{Village: v, Reason: e.Reason, Text: e.Text})
				continue
			}
			out = append(out, rearrange.Explanation{Village: v, Reason: rearrange.ReasonDecided, Text: decidedText(c.Commune.Villages, g, v)})
		}
	}
	return out
}

// decidedText says, for village v of group g, that the decided plan leaves
// it below its floor where the solver's plan would not.
func decidedText(vs []rearrange.Village, g rearrange.Group, v int) model.Text {
	vl := vs[v]
	vi := fmt.Sprintf("%s (%s hộ, ngưỡng %s hộ): ", villageName(vl), model.Vietnamese.Int(int64(vl.Households)), model.Vietnamese.Int(int64(vl.Floor)))
	en := fmt.Sprintf("%s (%s households, floor %s): ", villageName(vl), model.English.Int(int64(vl.Households)), model.English.Int(int64(vl.Floor)))
	if len(g.Members) == 1 {
		vi += "phương án đã quyết định giữ nguyên thôn dưới ngưỡng, trong khi phương án tối ưu theo NĐ 185/2026 đưa được thôn này đạt ngưỡng."
		en += "the decided plan leaves it below its floor, where the NĐ 185/2026 optimum brings it to its floor."
		return model.Text{Vi: vi, En: en}
	}
	k := villageName(vs[g.Members[0]])
	vi += fmt.Sprintf("phương án đã quyết định nhập vào %s, thôn mới có %s hộ, vẫn dưới ngưỡng %s hộ; phương án tối ưu theo NĐ 185/2026 đưa được thôn này đạt ngưỡng.",
		k, model.Vietnamese.Int(int64(g.Households)), model.Vietnamese.Int(int64(g.Floor)))
	en += fmt.Sprintf("the decided plan merges it into %s, a village of %s households, still below its floor of %s; the NĐ 185/2026 optimum brings it to its floor.",
		k, model.English.Int(int64(g.Households)), model.English.Int(int64(g.Floor)))
	return model.Text{Vi: vi, En: en}
}

// villageName is v's name, or its code when it has none.
func villageName(v rearrange.Village) string {
	if v.Name == "" {
		return v.Code
	}
	return v.Name
}

// groupBreaches lists the rules commune c's decided plan breaks: a merged
// village of more than maxMerge villages, and, when the commune merges
// only neighbours (c.Options.Adjacency), members not connected as
// neighbours.
func groupBreaches(c *Commune, maxMerge int) []model.Text {
	var out []model.Text
	vs := c.Commune.Villages
	for _, g := range c.Plan.Groups {
		if len(g.Members) < 2 {
			continue
		}
		var names []string
		for _, m := range g.Members {
			names = append(names, fmt.Sprintf("%s (%s)", villageName(vs[m]), vs[m].Code))
		}
		list, keeper := strings.Join(names, ", "), villageName(vs[g.Members[0]])
		if len(g.Members) > maxMerge {
			out = append(out, model.Text{
				Vi: fmt.Sprintf("Xã %s (%s): nhập %d thôn (%s) thành %s, vượt quá tối đa %d thôn nhập thành một.", c.Unit.Name, c.Unit.Code, len(g.Members), list, keeper, maxMerge),
				En: fmt.Sprintf("Commune %s (%s): merges %d villages (%s) into %s, more than the %d into one the option allows.", c.Unit.Name, c.Unit.Code, len(g.Members), list, keeper, maxMerge),
			})
		}
		if c.Options.Adjacency && !neighboursConnected(vs, g.Members) {
			out = append(out, model.Text{
				Vi: fmt.Sprintf("Xã %s (%s): nhập các thôn %s thành %s, nhưng các thôn này không liền kề nhau.", c.Unit.Name, c.Unit.Code, list, keeper),
				En: fmt.Sprintf("Commune %s (%s): merges %s into %s, villages that are not neighbours.", c.Unit.Name, c.Unit.Code, list, keeper),
			})
		}
	}
	return out
}

// neighboursConnected reports whether the villages members of vs are
// connected through their neighbour lists, an edge listed on either side
// counting for both.
func neighboursConnected(vs []rearrange.Village, members []int) bool {
	borders := func(a, b int) bool {
		return slices.Contains(vs[a].Neighbours, vs[b].Code) || slices.Contains(vs[b].Neighbours, vs[a].Code)
	}
	reached := []int{members[0]}
	for i := 0; i < len(reached); i++ {
		for _, b := range members {
			if !slices.Contains(reached, b) && borders(reached[i], b) {
				reached = append(reached, b)
			}
		}
	}
	return len(reached) == len(members)
}
