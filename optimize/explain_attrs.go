package optimize

import (
	"fmt"
	"strings"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// The words of explanations for the requirements issue 22 added: the
// retirement age of titles that stop there, and the attributes (veteran,
// military training, membership of the organisation), in Vietnamese and
// English.

// extraRequirementWords is requirementWords for the retirement age and the
// attributes; ok is false for any other requirement.
func extraRequirementWords(q model.Requirement) (fail, need model.Text, failManyEn string, ok bool) {
	if q == model.ReqRetirement {
		return model.Text{Vi: "đã đến tuổi nghỉ hưu", En: "past the retirement age"},
			model.Text{Vi: "chưa đến tuổi nghỉ hưu", En: "below the retirement age"}, "", true
	}
	a, isAttr := q.Attr()
	if !isAttr {
		return model.Text{}, model.Text{}, "", false
	}
	lacks := a.LacksText()
	many := strings.NewReplacer("not a member", "not members", "not a veteran", "not veterans").Replace(lacks.En)
	if many == lacks.En {
		many = ""
	}
	return lacks, a.HasText(), many, true
}

// extraPersonFact is personFact for the retirement age and the attributes:
// "is 63 (past the retirement age)", "is not a veteran"; ok is false for
// any other requirement.
func extraPersonFact(p *model.Person, q model.Requirement, age int) (model.Text, bool) {
	if q == model.ReqRetirement {
		return model.Text{Vi: fmt.Sprintf("đã %d tuổi (đã đến tuổi nghỉ hưu)", age), En: fmt.Sprintf("is %d (past the retirement age)", age)}, true
	}
	a, ok := q.Attr()
	if !ok {
		return model.Text{}, false
	}
	lacks := a.LacksText()
	en := "is " + lacks.En
	if rest, ok := strings.CutPrefix(lacks.En, "without "); ok {
		en = "has no " + rest
	}
	return model.Text{Vi: lacks.Vi, En: en}, true
}

// attrRequirementKinds lists the attribute requirements r imposes, in
// attribute order.
func attrRequirementKinds(r model.Requirements) []model.Requirement {
	var out []model.Requirement
	for _, a := range model.Attributes() {
		if r.Attrs.Has(a) {
			out = append(out, model.AttrRequirement(a))
		}
	}
	return out
}

// collectRetirementRules records, for a pool with a retired candidate, the
// retirement-age rule of each title there that stops at that age, so that
// explanations may relax it.
func collectRetirementRules(pl *pool) {
	done := make([]bool, len(pl.titles))
	for _, sl := range pl.slots {
		if t := &pl.titles[sl.title]; !done[sl.title] && t.Requires.StopsAtRetirement() {
			done[sl.title] = true
			pl.rules = append(pl.rules, requirementRule(model.ReqRetirement, sl.title))
		}
	}
}
