package optimize

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// PinEffect says what one pin or forbid of a pool with a plan changes: the
// pool is solved again without it, and the two best plans compared.
type PinEffect struct {
	Kind Rule // pin or forbid
	Pin  Pin
	// NoEffect: the best plan without it is as good on every level of the
	// objective, so it changes nothing (the plan gives the title anyway,
	// does not give it anyway, or the person could not hold it at all).
	NoEffect bool
	// With and Without are the pool's best objectives with and without it.
	With, Without Objective
	Vi, En        string
}

// Text returns the effect in language l.
func (p PinEffect) Text(l model.Lang) string { return l.Pick(p.Vi, p.En) }

// explainPins solves the feasible pool pl again without each of its pins
// and forbids in turn; base is its best plan. A pin or forbid whose solve
// hits a limit is left out.
func explainPins(ctx context.Context, pl *pool, set *Settings, base dpResult) []PinEffect {
	var rs []rule
	for _, r := range pl.rules {
		if (r.kind == RulePin || r.kind == RuleForbid) && !slices.Contains(rs, r) {
			rs = append(rs, r)
		}
	}
	if len(rs) == 0 {
		return nil
	}
	e := newExplainer(ctx, pl, set)
	defer e.cancel()
	var out []PinEffect
	for _, r := range rs {
		p := pl.relax(map[rule]bool{r: true})
		res, v := e.solve(p)
		if v != vFeasible || !res.proven {
			continue
		}
		out = append(out, pinEffect(pl, p, r, base, res))
	}
	return out
}

// pinEffect writes the effect of rule r (a pin or forbid) of pool pl, whose
// best plan is base; p is the pool without r and res its best plan.
func pinEffect(pl, p *pool, r rule, base, res dpResult) PinEffect {
	cd := &pl.cands[r.cand]
	sl := pl.slots[r.slot]
	t, u := &pl.titles[sl.title], pl.units[sl.unit]
	name := personName(cd.person)
	pe := PinEffect{Kind: r.kind, Pin: Pin{Person: cd.person.ID, Title: t.ID, Unit: u.Code}, With: base.obj, Without: res.obj}
	pe.NoEffect = res.obj == base.obj
	gives := r.cand < len(res.held) && slices.Contains(res.held[r.cand], r.slot)
	tv, te := t.Name.In(model.Vietnamese), titleEn(t)
	var vi, en string
	switch {
	case r.kind == RulePin && pe.NoEffect && gives:
		vi = fmt.Sprintf("ghim %s giữ chức %s không thay đổi gì: phương án tốt nhất đã giao chức này cho %s", name, tv, name)
		en = fmt.Sprintf("the pin of %s to %s changes nothing: the best plan gives %s the title anyway", name, te, name)
	case r.kind == RulePin && pe.NoEffect:
		vi = fmt.Sprintf("ghim %s giữ chức %s không thay đổi gì: không ghim, phương án tốt nhất cũng tốt như vậy (%d người)", name, tv, res.obj.Headcount)
		en = fmt.Sprintf("the pin of %s to %s changes nothing: the best plan without it is as good (%d people)", name, te, res.obj.Headcount)
	case r.kind == RuleForbid && pe.NoEffect && !slices.Contains(p.cands[r.cand].eligible, r.slot):
		vi = fmt.Sprintf("lệnh không cho %s giữ chức %s không có tác dụng: %s vốn không đủ điều kiện giữ chức này", name, tv, name)
		en = fmt.Sprintf("the forbid of %s from %s cannot bind: %s may not hold the title anyway", name, te, name)
	case r.kind == RuleForbid && pe.NoEffect && !gives:
		vi = fmt.Sprintf("lệnh không cho %s giữ chức %s không thay đổi gì: phương án tốt nhất vốn không giao chức này cho %s", name, tv, name)
		en = fmt.Sprintf("the forbid of %s from %s changes nothing: the best plan does not give %s the title anyway", name, te, name)
	case r.kind == RuleForbid && pe.NoEffect:
		vi = fmt.Sprintf("lệnh không cho %s giữ chức %s không thay đổi gì: có phương án khác tốt như vậy (%d người)", name, tv, res.obj.Headcount)
		en = fmt.Sprintf("the forbid of %s from %s changes nothing: another plan is as good (%d people)", name, te, res.obj.Headcount)
	default:
		what := model.Text{Vi: fmt.Sprintf("ghim %s giữ chức %s", name, tv), En: fmt.Sprintf("the pin of %s to %s", name, te)}
		if r.kind == RuleForbid {
			what = model.Text{Vi: fmt.Sprintf("lệnh không cho %s giữ chức %s", name, tv), En: fmt.Sprintf("the forbid of %s from %s", name, te)}
		}
		vs, es := objectiveDiff(base.obj, res.obj)
		vi = fmt.Sprintf("%s làm phương án kém đi: %s", what.Vi, vs)
		en = fmt.Sprintf("%s makes the plan worse: %s", what.En, es)
	}
	pe.Vi, pe.En = unitName(u)+": "+vi, unitName(u)+": "+en
	return pe
}

// objectiveDiff lists the levels on which a and b differ, a's value with
// b's beside it: "4 people (3 without it), 10 changes (8 without it)".
func objectiveDiff(a, b Objective) (vi, en string) {
	var vs, es []string
	if a.Headcount != b.Headcount {
		vs = append(vs, fmt.Sprintf("%d người (không có: %d)", a.Headcount, b.Headcount))
		es = append(es, fmt.Sprintf("%d people (%d without it)", a.Headcount, b.Headcount))
	}
	if a.Cost != b.Cost {
		vs = append(vs, fmt.Sprintf("chi phí %s (không có: %s)", model.Vietnamese.Money(a.Cost), model.Vietnamese.Money(b.Cost)))
		es = append(es, fmt.Sprintf("cost %s (%s without it)", model.English.Money(a.Cost), model.English.Money(b.Cost)))
	}
	if a.Disruption != b.Disruption {
		vs = append(vs, fmt.Sprintf("%d thay đổi (không có: %d)", a.Disruption, b.Disruption))
		es = append(es, fmt.Sprintf("%d changes (%d without it)", a.Disruption, b.Disruption))
	}
	return strings.Join(vs, ", "), strings.Join(es, ", ")
}
