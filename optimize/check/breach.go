package check

import (
	"cmp"
	"strings"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/optimize"
)

// ruleTexts name the rules a plan can break as a planner says them; a rule
// not listed shows its key.
var ruleTexts = map[optimize.Rule]model.Text{
	optimize.RuleRequirement: {Vi: "không đủ điều kiện giữ chức danh", En: "does not meet the title's requirements"},
	optimize.RuleEligibility: {Vi: "không đủ điều kiện giữ chức danh", En: "does not meet the title's requirements"},
	optimize.RuleMaxTitles:   {Vi: "kiêm quá số chức danh cho phép", En: "holds more titles than allowed"},
	optimize.RuleCombination: {Vi: "kiêm hai chức danh không được kiêm", En: "holds two titles that may not be combined"},
	optimize.RuleWorkload:    {Vi: "khối lượng công việc vượt quá thời gian", En: "workload above the hours available"},
	optimize.RuleCommuneCap:  {Vi: "vượt số người tối đa của xã", En: "commune above its cap on people"},
	optimize.RuleVillageCap:  {Vi: "vượt số người tối đa của thôn", En: "village above its cap on people"},
	optimize.RuleCommuneFund: {Vi: "phụ cấp vượt quỹ khoán của xã", En: "allowances above the commune's fund"},
	optimize.RuleVillageFund: {Vi: "phụ cấp vượt quỹ khoán của thôn", En: "allowances above the village's fund"},
	optimize.RuleTerms:       {Vi: "thay người trước khi hết nhiệm kỳ", En: "holder changed before the term ends"},
	optimize.RuleRecruitment: {Vi: "tuyển mới quá số cho phép", En: "more recruits than allowed"},
	optimize.RulePin:         {Vi: "không giữ chức danh đã ghim", En: "pinned title not held"},
	optimize.RuleForbid:      {Vi: "giữ chức danh bị cấm", En: "forbidden title held"},
	optimize.RuleCoverage:    {Vi: "chức danh trống hoặc thừa người", En: "title vacant or over-filled"},
	optimize.RuleDuplicate:   {Vi: "giữ một chức danh hai lần", En: "holds one title twice"},
	optimize.RuleCandidate:   {Vi: "không được giữ chức danh ở đơn vị này (ngoài xã, đã nghỉ hưu)", En: "may not hold a title in this unit (another commune, retired)"},
}

// Text says what v breaks in planner language, in both languages:
// "holds two titles that may not be combined (unit U, title T, person P):
// message". The message is the checker's, in Vietnamese from breachesVi
// (in English when it has none there).
func (v Violation) Text() model.Text {
	name, ok := ruleTexts[v.Rule]
	if !ok {
		name = model.KeyText(v.Rule.String())
	}
	var vi, en []string
	for _, w := range []struct {
		vi, en, val string
	}{{"đơn vị", "unit", v.Unit}, {"chức danh", "title", v.Title}, {"người", "person", v.Person}} {
		if w.val != "" {
			vi = append(vi, w.vi+" "+w.val)
			en = append(en, w.en+" "+w.val)
		}
	}
	out := name
	if len(vi) > 0 {
		out.Vi += " (" + strings.Join(vi, ", ") + ")"
		out.En += " (" + strings.Join(en, ", ") + ")"
	}
	if v.Msg != "" {
		out.Vi += ": " + cmp.Or(v.MsgVi, v.Msg)
		out.En += ": " + v.Msg
	}
	return out
}
