package optimize

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// Cause groups the infeasible pools of a result by one rule: the communes
// whose explanation names it, and those that one change of it alone gives
// a plan, with the change (Result.Causes).
type Cause struct {
	Kind  Rule     // the rule; JSON and String show its key
	Named []string // communes whose explanation names the rule
	Fixed []string // communes to which a change of this rule alone gives a plan
	// Units counts what the change touches over the fixed communes:
	// villages whose fund or cap must rise, holders whose terms are cut
	// short, pins or forbids dropped, communes otherwise.
	Units int
	// Least and Most are a numeric rule's least values with a plan over the
	// fixed communes: Most is one value that gives every one of them a
	// plan, Least the smallest one needs; From the least value in force.
	From, Least, Most int64
	Vi, En            string // the cause and its change in words
}

// Text returns the cause in language l.
func (c Cause) Text(l model.Lang) string { return l.Pick(c.Vi, c.En) }

// Causes summarises the infeasible pools by cause, the rule that fixes
// most communes first; unfixed lists the communes that no single change
// gives a plan (or whose changes were not found within the limits).
func (res *Result) Causes() (causes []Cause, unfixed []string) {
	by := map[Rule]*Cause{}
	get := func(k Rule) *Cause {
		if k == RulePinOutside {
			k = RulePin
		}
		if by[k] == nil {
			by[k] = &Cause{Kind: k, From: -1}
		}
		return by[k]
	}
	whats := map[Rule]map[model.Text]int{}
	for _, p := range res.Pools {
		if p.Status != Infeasible {
			continue
		}
		seen := map[Rule]bool{}
		for _, r := range p.Explanation {
			k := r.Kind
			if k == RuleNotMinimal || seen[k] {
				continue
			}
			seen[k] = true
			c := get(k)
			c.Named = append(c.Named, p.Commune)
		}
		if len(p.Fixes) == 0 {
			unfixed = append(unfixed, p.Commune)
		}
		fixedBy := map[Rule]bool{}
		for _, f := range p.Fixes {
			c := get(f.Kind)
			if !fixedBy[c.Kind] {
				fixedBy[c.Kind] = true
				c.Fixed = append(c.Fixed, p.Commune)
				if !seen[c.Kind] {
					seen[c.Kind] = true
					c.Named = append(c.Named, p.Commune)
				}
			}
			c.Units += max(len(f.Units), len(f.People))
			if _, ok := numericRules[f.Kind]; ok {
				if c.From < 0 || f.From < c.From {
					c.From = f.From
				}
				if c.Least == 0 || f.To < c.Least {
					c.Least = f.To
				}
				c.Most = max(c.Most, f.To)
			}
			if whats[c.Kind] == nil {
				whats[c.Kind] = map[model.Text]int{}
			}
			whats[c.Kind][f.what]++
		}
	}
	for _, c := range by {
		c.From = max(c.From, 0)
		c.Vi, c.En = causeText(c, whats[c.Kind])
		causes = append(causes, *c)
	}
	sort.Slice(causes, func(i, j int) bool {
		a, b := causes[i], causes[j]
		if len(a.Fixed) != len(b.Fixed) {
			return len(a.Fixed) > len(b.Fixed)
		}
		if len(a.Named) != len(b.Named) {
			return len(a.Named) > len(b.Named)
		}
		return slices.Index(causeOrder, a.Kind) < slices.Index(causeOrder, b.Kind)
	})
	return causes, unfixed
}

// causeOrder breaks ties between causes: the planner's own pins and
// forbids first, then the limits a figure can change, then the rest.
var causeOrder = []Rule{RulePin, RuleForbid, RuleVillageFund, RuleCommuneFund, RuleVillageCap, RuleCommuneCap, RuleMaxTitles,
	RuleTerms, RuleRequirement, RuleNoEligible, RuleWorkload, RuleCombination, RuleRecruitment, RuleNoPlan}

// causeNames name the rules of causes, in Vietnamese and English.
var causeNames = map[Rule]model.Text{
	RuleVillageFund: {Vi: "Quỹ phụ cấp thôn", En: "Village allowance fund"},
	RuleCommuneFund: {Vi: "Quỹ phụ cấp của xã", En: "Commune allowance fund"},
	RuleVillageCap:  {Vi: "Số người tối đa mỗi thôn", En: "Cap on people per village"},
	RuleCommuneCap:  {Vi: "Số người tối đa của xã", En: "Cap on people per commune"},
	RuleMaxTitles:   {Vi: "Số chức danh tối đa mỗi người", En: "Most titles per person"},
	RuleTerms:       {Vi: "Nhiệm kỳ chưa kết thúc", En: "Terms of office not yet ended"},
	RuleRequirement: {Vi: "Điều kiện tiêu chuẩn của chức danh", En: "Eligibility requirements"},
	RuleNoEligible:  {Vi: "Không có người đủ điều kiện giữ chức danh", En: "No eligible holder for a title"},
	RuleWorkload:    {Vi: "Thời gian làm việc", En: "Working hours"},
	RuleCombination: {Vi: "Quy định kiêm nhiệm", En: "Rules on holding titles together"},
	RuleRecruitment: {Vi: "Giới hạn tuyển mới", En: "Limit on recruits"},
	RulePin:         {Vi: "Ghim của người lập phương án", En: "Planner's pins"},
	RuleForbid:      {Vi: "Lệnh loại của người lập phương án", En: "Planner's forbids"},
	RuleNoPlan:      {Vi: "Không có phương án kể cả khi bỏ mọi quy định", En: "No plan even with every rule relaxed"},
}

// causeText writes one line of the summary: the rule, how many communes
// name it, and the change that gives how many of them a plan. whats counts
// the distinct changes of a rule dropped.
func causeText(c *Cause, whats map[model.Text]int) (vi, en string) {
	name := causeNames[c.Kind]
	if name.Vi == "" {
		name = model.KeyText(c.Kind.String())
	}
	vi = fmt.Sprintf("%s — nêu ở %s xã", name.Vi, model.Vietnamese.Int(int64(len(c.Named))))
	en = fmt.Sprintf("%s — named in %s %s", name.En, model.English.Int(int64(len(c.Named))), plural(len(c.Named), "commune", "communes"))
	nf := len(c.Fixed)
	if nf == 0 {
		return vi + "; không thay đổi riêng quy định này mà có phương án", en + "; no change of this rule alone gives a plan"
	}
	vN, eN := model.Vietnamese.Int(int64(nf)), model.English.Int(int64(nf))
	vU, eU := model.Vietnamese.Int(int64(c.Units)), model.English.Int(int64(c.Units))
	vm, em := func(x int64) string { return model.Vietnamese.Money(model.Money(x)) }, func(x int64) string { return model.English.Money(model.Money(x)) }
	var cv, ce string
	switch c.Kind {
	case RuleVillageFund:
		cv = fmt.Sprintf("nâng quỹ lên ít nhất %s mỗi tháng (hiện từ %s) ở %s thôn", vm(c.Most), vm(c.From), vU)
		ce = fmt.Sprintf("raising the fund to at least %s a month (now from %s) in %s %s", em(c.Most), em(c.From), eU, plural(c.Units, "village", "villages"))
	case RuleCommuneFund:
		cv = fmt.Sprintf("nâng quỹ của xã lên ít nhất %s mỗi tháng (hiện từ %s)", vm(c.Most), vm(c.From))
		ce = fmt.Sprintf("raising the commune fund to at least %s a month (now from %s)", em(c.Most), em(c.From))
	case RuleCommuneCap:
		cv = fmt.Sprintf("cho phép %d người ở cấp xã (hiện từ %d)", c.Most, c.From)
		ce = fmt.Sprintf("a cap of %d people at commune level (now from %d)", c.Most, c.From)
	case RuleVillageCap:
		cv = fmt.Sprintf("cho phép %d người mỗi thôn (hiện %d) ở %s thôn", c.Most, c.From, vU)
		ce = fmt.Sprintf("allowing %d people per village (now %d) in %s %s", c.Most, c.From, eU, plural(c.Units, "village", "villages"))
	case RuleMaxTitles:
		cv = fmt.Sprintf("cho phép mỗi người giữ %d chức danh (hiện %d)", c.Most, c.From)
		ce = fmt.Sprintf("allowing %d titles per person (now %d)", c.Most, c.From)
	case RuleTerms:
		cv = fmt.Sprintf("cho %s người thôi chức trước khi hết nhiệm kỳ", vU)
		ce = fmt.Sprintf("letting %s %s leave before their terms end", eU, plural(c.Units, "holder", "holders"))
	case RulePin:
		cv = fmt.Sprintf("bỏ %s ghim", vU)
		ce = fmt.Sprintf("dropping %s %s", eU, plural(c.Units, "pin", "pins"))
	case RuleForbid:
		cv = fmt.Sprintf("bỏ %s lệnh loại", vU)
		ce = fmt.Sprintf("dropping %s %s", eU, plural(c.Units, "forbid", "forbids"))
	default:
		cv, ce = topWhats(whats)
		return vi + fmt.Sprintf("; một thay đổi thì %s xã có phương án: %s", vN, cv),
			en + fmt.Sprintf("; one change gives %s of them a plan: %s", eN, ce)
	}
	vi += fmt.Sprintf("; %s thì %s xã có phương án", cv, vN)
	en += fmt.Sprintf("; %s gives %s of them a plan", ce, eN)
	if c.Least > 0 && c.Least < c.Most {
		switch c.Kind {
		case RuleVillageFund, RuleCommuneFund:
			vi += fmt.Sprintf(" (mức ít nhất ở từng xã từ %s đến %s)", vm(c.Least), vm(c.Most))
			en += fmt.Sprintf(" (the least per commune ranges from %s to %s)", em(c.Least), em(c.Most))
		default:
			vi += fmt.Sprintf(" (mức ít nhất ở từng xã từ %d đến %d)", c.Least, c.Most)
			en += fmt.Sprintf(" (the least per commune ranges from %d to %d)", c.Least, c.Most)
		}
	}
	return vi, en
}

// topWhats lists the three commonest changes of a rule dropped, with how
// many communes each gives a plan.
func topWhats(whats map[model.Text]int) (vi, en string) {
	type kv struct {
		t model.Text
		n int
	}
	var all []kv
	for t, n := range whats {
		all = append(all, kv{t, n})
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].n != all[j].n {
			return all[i].n > all[j].n
		}
		return all[i].t.En < all[j].t.En
	})
	var vs, es []string
	for i, x := range all {
		if i == 3 {
			vs = append(vs, fmt.Sprintf("và %d thay đổi khác", len(all)-3))
			es = append(es, fmt.Sprintf("and %d other changes", len(all)-3))
			break
		}
		vs = append(vs, fmt.Sprintf("%s (%d xã)", x.t.Vi, x.n))
		es = append(es, fmt.Sprintf("%s (%d %s)", x.t.En, x.n, plural(x.n, "commune", "communes")))
	}
	return strings.Join(vs, ", "), strings.Join(es, ", ")
}
