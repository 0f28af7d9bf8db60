package optimize

import (
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// TestExplainNewRequirements: every requirement issue 22 added has its
// words in Vietnamese and English, none falls back to its key, and the
// person's fact names the attribute or the age.
func TestExplainNewRequirements(t *testing.T) {
	ti := &model.Title{ID: "t", Name: model.Text{Vi: "Chức danh", En: "Title"}}
	u := &model.Unit{Code: "C", Name: "Xã C", Level: model.Commune}
	p := &model.Person{ID: "P", Birth: model.MustDate("1950-01-01")}
	d := model.MustDate("2025-01-01")
	qs := []model.Requirement{model.ReqRetirement}
	for _, a := range model.Attributes() {
		qs = append(qs, model.AttrRequirement(a))
	}
	want := map[model.Requirement][2]string{ // fact in vi, en
		model.ReqRetirement:          {"đã 75 tuổi (đã đến tuổi nghỉ hưu)", "is 75 (past the retirement age)"},
		model.ReqVeteran:             {"không phải cựu chiến binh", "is not a veteran"},
		model.ReqMilitaryTraining:    {"chưa qua huấn luyện quân sự", "has no military training"},
		model.ReqElderlyAssociation:  {"không phải hội viên Hội Người cao tuổi", "is not a member of the Elderly Association"},
		model.ReqVeteransAssociation: {"không phải hội viên Hội Cựu chiến binh", "is not a member of the Veterans' Association"},
	}
	for _, q := range qs {
		fail, need, _ := requirementWords(q, ti, u)
		fact := personFact(p, q, ti, u, d)
		for _, s := range []string{fail.Vi, fail.En, need.Vi, need.En, fact.Vi, fact.En} {
			if s == "" || s == q.String() {
				t.Errorf("%s: words %q, %q, fact %q: empty or the key", q, fail, need, fact)
				break
			}
		}
		if fail.Vi == fail.En || fact.Vi == fact.En {
			t.Errorf("%s: Vietnamese and English are the same: %q, %q", q, fail, fact)
		}
		if w, ok := want[q]; ok && (fact.Vi != w[0] || fact.En != w[1]) {
			t.Errorf("%s: fact %q, want %q", q, fact, w)
		}
	}
	if got := failWord(model.ReqVeteran, ti, u, model.English, true); got != "not veterans" {
		t.Errorf("plural %q", got)
	}
}
