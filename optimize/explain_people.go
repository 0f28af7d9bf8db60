package optimize

import (
	"fmt"
	"slices"
	"strings"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// The sentences of an infeasible pool's reasons about people: titles too
// few may hold, requirements, pins, forbids and terms of office, in
// Vietnamese and English.

// noEligible explains slot si of the core pool when it has fewer eligible
// candidates than it needs holders.
func (v *view) noEligible(si int) (Reason, bool) {
	core := v.core
	sl := core.slots[si]
	eligible := 0
	for ci := range core.cands {
		if slices.Contains(core.cands[ci].eligible, si) {
			eligible++
		}
	}
	if eligible >= sl.need {
		return Reason{}, false
	}
	t, u := &core.titles[sl.title], core.units[sl.unit]
	residents := t.Requires.Resident
	var rules []rule
	var people []string
	var groups []factGroup
	for ci := range core.cands {
		c := &core.cands[ci]
		if c.person == nil {
			continue
		}
		unmet := core.unmetOf(ci, si)
		if residents && hasReq(unmet, model.ReqResident) {
			continue // lives elsewhere
		}
		people = append(people, c.person.ID)
		var key, vi, en string
		switch {
		case slices.Contains(c.eligible, si):
			key, vi, en = "eligible", "đủ điều kiện", "eligible"
		case v.set[holdingRule(RuleForbid, ci, si)]:
			rules = append(rules, holdingRule(RuleForbid, ci, si))
			key, vi, en = "forbidden", "bị loại theo yêu cầu", "forbidden by the planner"
		default:
			var qs []model.Requirement
			for _, q := range unmet {
				if q == model.ReqResident && residents {
					continue
				}
				qs = append(qs, q)
				r := requirementRule(q, sl.title)
				if !containsRule(rules, r) {
					rules = append(rules, r)
				}
			}
			key = fmt.Sprint(qs)
			vi, en = failPhrase(qs, t, u, model.Vietnamese, false), failPhrase(qs, t, u, model.English, false)
			groups = addFact(groups, key, vi, en, failPhrase(qs, t, u, model.English, true))
			continue
		}
		groups = addFact(groups, key, vi, en, en)
	}
	who := whoWords{viOne: "người cư trú", enOne: "resident", enMany: "residents", viNone: "không có người cư trú nào", enNone: "no residents"}
	if !residents {
		who = whoWords{viOne: "ứng viên", enOne: "candidate", enMany: "candidates", viNone: "không có ứng viên nào", enNone: "no candidates"}
	}
	sumVi, sumEn := summarise(groups, len(people), who)
	var vi, en string
	if sl.need == 1 {
		vi = fmt.Sprintf("không có người đủ điều kiện giữ chức %s — %s", t.Name.In(model.Vietnamese), sumVi)
		en = fmt.Sprintf("no eligible holder for %s — %s", titleEn(t), sumEn)
	} else {
		vi = fmt.Sprintf("chức %s cần %d người giữ, chỉ %d người đủ điều kiện — %s", t.Name.In(model.Vietnamese), sl.need, eligible, sumVi)
		en = fmt.Sprintf("%s needs %d holders, %d eligible — %s", titleEn(t), sl.need, eligible, sumEn)
	}
	return sentence(RuleNoEligible, u, t.ID, people, vi, en, rules...), true
}

func containsRule(rs []rule, r rule) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}

func hasReq(qs []model.Requirement, q model.Requirement) bool {
	for _, x := range qs {
		if x == q {
			return true
		}
	}
	return false
}

// factGroup counts the people who share one fact.
type factGroup struct {
	key            string
	vi, en, enMany string
	n              int
}

func addFact(gs []factGroup, key, vi, en, enMany string) []factGroup {
	for i := range gs {
		if gs[i].key == key {
			gs[i].n++
			return gs
		}
	}
	return append(gs, factGroup{key: key, vi: vi, en: en, enMany: enMany, n: 1})
}

type whoWords struct{ viOne, enOne, enMany, viNone, enNone string }

// summarise writes "2 residents, both under 21" or "3 residents: 2 under
// 21, 1 not a Party member".
func summarise(gs []factGroup, n int, w whoWords) (vi, en string) {
	switch {
	case n == 0:
		return w.viNone, w.enNone
	case len(gs) == 1 && n == 1:
		return fmt.Sprintf("1 %s, %s", w.viOne, gs[0].vi), fmt.Sprintf("1 %s, %s", w.enOne, gs[0].en)
	case len(gs) == 1 && n == 2:
		return fmt.Sprintf("2 %s, cả 2 đều %s", w.viOne, gs[0].vi), fmt.Sprintf("2 %s, both %s", w.enMany, gs[0].enMany)
	case len(gs) == 1:
		return fmt.Sprintf("%d %s, cả %d đều %s", n, w.viOne, n, gs[0].vi), fmt.Sprintf("%d %s, all %s", n, w.enMany, gs[0].enMany)
	}
	var vs, es []string
	for _, g := range gs {
		vs = append(vs, fmt.Sprintf("%d người %s", g.n, g.vi))
		if g.n == 1 {
			es = append(es, "1 "+g.en)
		} else {
			es = append(es, fmt.Sprintf("%d %s", g.n, g.enMany))
		}
	}
	return fmt.Sprintf("%d %s: %s", n, w.viOne, strings.Join(vs, ", ")),
		fmt.Sprintf("%d %s: %s", n, w.enMany, strings.Join(es, ", "))
}

// failPhrase describes a group failing requirements qs of title t in unit u:
// "under 21 and not a Party member".
func failPhrase(qs []model.Requirement, t *model.Title, u *model.Unit, lang model.Lang, plural bool) string {
	var parts []string
	for _, q := range qs {
		parts = append(parts, failWord(q, t, u, lang, plural))
	}
	return strings.Join(parts, lang.Pick(" và ", " and "))
}

// requirementWords is requirement q of title t in unit u in words: what a
// person failing it is (fail, with failManyEn for a group in English when
// the plural differs) and what it asks for (need). An unknown requirement
// shows its key.
func requirementWords(q model.Requirement, t *model.Title, u *model.Unit) (fail, need model.Text, failManyEn string) {
	r := t.Requires
	edu := r.MinEducation.Text()
	switch q {
	case model.ReqPartyMember:
		return model.Text{Vi: "không phải đảng viên", En: "not a Party member"},
			model.Text{Vi: "là đảng viên", En: "Party membership"}, "not Party members"
	case model.ReqEducation:
		return model.Text{Vi: "có trình độ dưới " + edu.Vi, En: "with less than " + edu.En + " education"},
			model.Text{Vi: "trình độ từ " + edu.Vi + " trở lên", En: edu.En + " education or more"}, ""
	case model.ReqSex:
		male, female := model.Text{Vi: "là nam", En: "male"}, model.Text{Vi: "là nữ", En: "female"}
		if r.Sex == model.Female {
			return male, model.Text{Vi: "là nữ", En: "a woman"}, ""
		}
		return female, model.Text{Vi: "là nam", En: "a man"}, ""
	case model.ReqMinAge:
		return model.Text{Vi: fmt.Sprintf("dưới %d tuổi", r.MinAge), En: fmt.Sprintf("under %d", r.MinAge)},
			model.Text{Vi: fmt.Sprintf("từ đủ %d tuổi", r.MinAge), En: fmt.Sprintf("age %d or over", r.MinAge)}, ""
	case model.ReqMaxAge:
		return model.Text{Vi: fmt.Sprintf("trên %d tuổi", r.MaxAge), En: fmt.Sprintf("over %d", r.MaxAge)},
			model.Text{Vi: fmt.Sprintf("không quá %d tuổi", r.MaxAge), En: fmt.Sprintf("age %d or under", r.MaxAge)}, ""
	case model.ReqResident:
		return model.Text{Vi: "không cư trú tại " + unitName(u), En: "not living in " + unitName(u)},
			model.Text{Vi: "cư trú tại " + unitName(u), En: "living in " + unitName(u)}, ""
	}
	if fail, need, many, ok := extraRequirementWords(q); ok {
		return fail, need, many
	}
	key := model.KeyText(q.String())
	return key, key, ""
}

// failWord says what a person failing requirement q is: "under 21".
func failWord(q model.Requirement, t *model.Title, u *model.Unit, lang model.Lang, plural bool) string {
	fail, _, failManyEn := requirementWords(q, t, u)
	if plural && lang == model.English && failManyEn != "" {
		return failManyEn
	}
	return fail.In(lang)
}

// needWord names what requirement q of title t asks for: "age 21 or over".
func needWord(q model.Requirement, t *model.Title, u *model.Unit, lang model.Lang) string {
	_, need, _ := requirementWords(q, t, u)
	return need.In(lang)
}

// personFacts says why person p fails requirements qs: "is 19 (under 21)".
func personFacts(p *model.Person, qs []model.Requirement, t *model.Title, u *model.Unit, d model.Date, lang model.Lang) string {
	var parts []string
	for _, q := range qs {
		parts = append(parts, personFact(p, q, t, u, d).In(lang))
	}
	return strings.Join(parts, lang.Pick(" và ", " and "))
}

// personFact says how person p fails requirement q of title t in unit u on
// date d: "is 19 (under 21)". An unknown requirement shows its key.
func personFact(p *model.Person, q model.Requirement, t *model.Title, u *model.Unit, d model.Date) model.Text {
	age, r := p.AgeAt(d), t.Requires
	switch q {
	case model.ReqMinAge:
		return model.Text{Vi: fmt.Sprintf("mới %d tuổi (dưới %d tuổi)", age, r.MinAge), En: fmt.Sprintf("is %d (under %d)", age, r.MinAge)}
	case model.ReqMaxAge:
		return model.Text{Vi: fmt.Sprintf("đã %d tuổi (trên %d tuổi)", age, r.MaxAge), En: fmt.Sprintf("is %d (over %d)", age, r.MaxAge)}
	case model.ReqEducation:
		has, want := p.Education.Text(), r.MinEducation.Text()
		return model.Text{Vi: fmt.Sprintf("có trình độ %s (dưới %s)", has.Vi, want.Vi), En: fmt.Sprintf("has %s education (less than %s)", has.En, want.En)}
	case model.ReqSex:
		if p.Sex == model.Female {
			return model.Text{Vi: "là nữ", En: "is a woman"}
		}
		return model.Text{Vi: "là nam", En: "is a man"}
	case model.ReqPartyMember:
		return model.Text{Vi: "không phải đảng viên", En: "is not a Party member"}
	case model.ReqResident:
		return model.Text{Vi: "không cư trú tại " + unitName(u), En: "does not live in " + unitName(u)}
	}
	if fact, ok := extraPersonFact(p, q, age); ok {
		return fact
	}
	return model.KeyText(q.String())
}

// pin explains a planner's pin in the conflict set, with the requirements
// the pinned person fails.
func (v *view) pin(r rule) Reason {
	c := &v.core.cands[r.cand]
	sl := v.core.slots[r.slot]
	t, u := &v.core.titles[sl.title], v.core.units[sl.unit]
	rules := []rule{r}
	var qs []model.Requirement
	for _, q := range v.core.unmetOf(r.cand, r.slot) {
		qr := requirementRule(q, sl.title)
		if v.set[qr] {
			qs = append(qs, q)
			rules = append(rules, qr)
		}
	}
	name := personName(c.person)
	vi := fmt.Sprintf("%s được ghim giữ chức %s", name, t.Name.In(model.Vietnamese))
	en := fmt.Sprintf("%s is pinned to %s", name, titleEn(t))
	people := []string{c.person.ID}
	if len(qs) > 0 {
		vi += ", nhưng " + personFacts(c.person, qs, t, u, v.core.date, model.Vietnamese)
		en += ", but " + personFacts(c.person, qs, t, u, v.core.date, model.English)
	} else if tr, ok := v.termOn(r); ok {
		// The collision in one sentence: the seat is another's until
		// their elected term ends.
		h := v.core.cands[tr.cand].person
		end := termEnd(h, t.ID, u.Code)
		vi += fmt.Sprintf(", nhưng %s giữ chức này theo nhiệm kỳ đến %s, không thể cho thôi trước khi hết nhiệm kỳ", personName(h), model.Vietnamese.Date(end))
		en += fmt.Sprintf(", but %s holds it on an elected term to %s, which cannot be cut short", personName(h), model.English.Date(end))
		rules = append(rules, tr)
		people = append(people, h.ID)
	}
	return sentence(RulePin, u, t.ID, people, vi, en, rules...)
}

// termOn finds the conflict's term of another holder on the single-holder
// seat that pin r asks for.
func (v *view) termOn(r rule) (rule, bool) {
	if v.core.slots[r.slot].need != 1 {
		return rule{}, false
	}
	for _, x := range v.e.rules {
		if x.kind == RuleTerms && x.slot == r.slot && x.cand != r.cand && v.set[x] {
			return x, true
		}
	}
	return rule{}, false
}

// pinOutside explains a pin on someone who cannot serve in this commune.
func (v *view) pinOutside(r rule) Reason {
	pin := v.pl.build.prob.Pins[r.cand]
	sl := v.core.slots[r.slot]
	t, u := &v.core.titles[sl.title], v.core.units[sl.unit]
	vi, en := "không phục vụ ở xã này", "does not serve in this commune"
	name := pin.Person
	if p, ok := v.pl.build.ix.Person(pin.Person); ok {
		name = personName(p)
		d := v.pl.date
		if ret, err := v.pl.build.s.Policy.Retirement.At(d); err == nil {
			if rd := ret.RetirementDate(p.Birth, p.Sex); !rd.IsZero() && rd < d {
				vi = "đã nghỉ hưu từ " + model.Vietnamese.Date(rd)
				en = "retired on " + model.English.Date(rd)
			}
		}
	}
	return sentence(RulePin, u, t.ID, []string{pin.Person},
		fmt.Sprintf("%s được ghim giữ chức %s, nhưng %s", name, t.Name.In(model.Vietnamese), vi),
		fmt.Sprintf("%s is pinned to %s, but %s", name, titleEn(t), en), r)
}

func (v *view) forbid(r rule) Reason {
	c := &v.core.cands[r.cand]
	sl := v.core.slots[r.slot]
	t, u := &v.core.titles[sl.title], v.core.units[sl.unit]
	name := personName(c.person)
	return sentence(RuleForbid, u, t.ID, []string{c.person.ID},
		fmt.Sprintf("%s không được giữ chức %s (theo yêu cầu của người lập phương án)", name, t.Name.In(model.Vietnamese)),
		fmt.Sprintf("%s may not hold %s (forbidden by the planner)", name, titleEn(t)), r)
}

// terms explains elected holders of one unit who keep their titles until
// their terms end.
func (v *view) terms(rs []rule) Reason {
	core := v.core
	u := core.units[core.slots[rs[0].slot].unit]
	if len(rs) == 1 {
		r := rs[0]
		c := &core.cands[r.cand]
		t := &core.titles[core.slots[r.slot].title]
		end := termEnd(c.person, t.ID, u.Code)
		name := personName(c.person)
		return sentence(RuleTerms, u, t.ID, []string{c.person.ID},
			fmt.Sprintf("nhiệm kỳ %s của %s kéo dài đến %s", t.Name.In(model.Vietnamese), name, model.Vietnamese.Date(end)),
			fmt.Sprintf("%s's term as %s runs to %s", name, titleEn(t), model.English.Date(end)), r)
	}
	// One clause per person: "A as X (to d) and Y (to e)".
	var people []string
	vis, ens := map[string][]string{}, map[string][]string{}
	for _, r := range rs {
		c := &core.cands[r.cand]
		t := &core.titles[core.slots[r.slot].title]
		end := termEnd(c.person, t.ID, u.Code)
		if !slices.Contains(people, c.person.ID) {
			people = append(people, c.person.ID)
		}
		vis[c.person.ID] = append(vis[c.person.ID], fmt.Sprintf("%s (đến %s)", t.Name.In(model.Vietnamese), model.Vietnamese.Date(end)))
		ens[c.person.ID] = append(ens[c.person.ID], fmt.Sprintf("%s (to %s)", titleEn(t), model.English.Date(end)))
	}
	var vi, en []string
	for _, id := range people {
		var name string
		for _, r := range rs {
			if c := &core.cands[r.cand]; c.person.ID == id {
				name = personName(c.person)
			}
		}
		vi = append(vi, name+" giữ chức "+joinAnd(vis[id], model.Vietnamese))
		en = append(en, name+" as "+joinAnd(ens[id], model.English))
	}
	return sentence(RuleTerms, u, "", people,
		fmt.Sprintf("%d nhiệm kỳ chưa kết thúc — %s", len(rs), strings.Join(vi, "; ")),
		fmt.Sprintf("%d terms of office have not ended — %s", len(rs), strings.Join(en, "; ")), rs...)
}

func termEnd(p *model.Person, title, unit string) model.Date {
	for _, h := range p.Holdings {
		if h.Title == title && h.Unit == unit {
			return h.TermEnd
		}
	}
	return 0
}

// requirement explains an eligibility requirement that conflicts otherwise
// than by leaving a title without eligible candidates.
func (v *view) requirement(r rule) Reason {
	core := v.core
	t := &core.titles[r.title]
	type hit struct {
		si         int
		n, failing int
		people     []string
	}
	var hits []hit
	for si, sl := range core.slots {
		if sl.title != r.title {
			continue
		}
		h := hit{si: si}
		for ci := range core.cands {
			c := &core.cands[ci]
			if c.person == nil {
				continue
			}
			unmet := core.unmetOf(ci, si)
			if r.req != model.ReqResident && hasReq(unmet, model.ReqResident) {
				continue
			}
			h.n++
			if hasReq(unmet, r.req) {
				h.failing++
				h.people = append(h.people, c.person.ID)
			}
		}
		if h.failing > 0 {
			hits = append(hits, h)
		}
	}
	u := core.units[0]
	n, failing := 0, 0
	var people []string
	for _, h := range hits {
		n += h.n
		failing += h.failing
		people = append(people, h.people...)
	}
	if len(hits) == 1 {
		u = core.units[core.slots[hits[0].si].unit]
	}
	if n == 0 {
		// "0 of 0 people" would blame a requirement no one was tested
		// against: the cause is that no one is a candidate at all.
		vi := fmt.Sprintf("không có ai là ứng viên cho chức %s (yêu cầu %s)", t.Name.In(model.Vietnamese), needWord(r.req, t, u, model.Vietnamese))
		en := fmt.Sprintf("no one is a candidate for %s (it requires %s)", titleEn(t), needWord(r.req, t, u, model.English))
		return sentence(RuleRequirement, u, t.ID, nil, vi, en, r)
	}
	vi := fmt.Sprintf("chức %s yêu cầu %s (%d/%d người không đạt)", t.Name.In(model.Vietnamese), needWord(r.req, t, u, model.Vietnamese), failing, n)
	en := fmt.Sprintf("%s requires %s (%d of %d people do not meet it)", titleEn(t), needWord(r.req, t, u, model.English), failing, n)
	return sentence(RuleRequirement, u, t.ID, people, vi, en, r)
}

func unitName(u *model.Unit) string {
	if u.Name != "" {
		return u.Name
	}
	return u.Code
}

func personName(p *model.Person) string {
	if p == nil {
		return "?"
	}
	if p.Name != "" {
		return p.Name
	}
	return p.ID
}

func titleEn(t *model.Title) string {
	if t.Name.En != "" {
		return t.Name.En
	}
	if t.Name.Vi != "" {
		return t.Name.Vi
	}
	return t.ID
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
