package tables

import (
	"fmt"
	"sort"
	"strings"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// PlanPerson is one row of the plan written as a roster (people.csv,
// people.xlsx): a person with the titles they hold after the plan, in the
// shape of the people table, so that the plan, edited in Excel, loads back
// as the next roster; with what they held before, their status and why.
type PlanPerson struct {
	// Person is the person with the holdings after the plan; a recruit of
	// the plan has only its ID, name and holdings.
	Person    model.Person
	Before    []model.Holding
	Status    string     // one of the Person… statuses
	Reason    model.Text // what changes for the person, and why
	Severance model.Money
	Commune   string // code of the person's home commune ("" for none)
}

// PlanPeople lists every person of s, then the plan's recruits, as
// [PersonOutcomes] does, with their holdings after the plan: a holding
// kept keeps its start and term end; one taken on starts on the plan date.
// People of an unplanned commune keep what they hold.
func PlanPeople(s *model.Scenario, ix *model.Index, plan model.Plan, unplanned map[string]bool, lang model.Lang) []PlanPerson {
	outs := PersonOutcomes(s, ix, plan, unplanned, lang)
	after := map[string][]model.Holding{}
	holders := map[[2]string][]string{} // (unit, title) → names after
	for _, a := range plan.Assignments {
		after[a.Person] = append(after[a.Person], model.Holding{Unit: a.Unit, Title: a.Title, Main: a.Main, Start: plan.Date})
		name := recruitName(lang)
		if p, ok := ix.Person(a.Person); ok {
			name = p.Name
		}
		k := [2]string{a.Unit, a.Title}
		holders[k] = append(holders[k], name)
	}
	if plan.Date == 0 {
		for _, hs := range after {
			for i := range hs {
				hs[i].Start = s.Date
			}
		}
	}
	rows := make([]PlanPerson, len(outs))
	for i, o := range outs {
		r := PlanPerson{Status: o.Status, Severance: o.Severance}
		if i < len(s.People) {
			p := s.People[i]
			r.Before = p.Holdings
			r.Commune = ix.HomeCommune(&p)
			if o.Status != PersonUnplanned {
				p.Holdings = keepDates(after[p.ID], p.Holdings)
			}
			r.Person = p
		} else {
			r.Person = model.Person{ID: o.ID, Name: o.Name, Holdings: after[o.ID]}
			if len(r.Person.Holdings) > 0 {
				if c, ok := ix.CommuneOf(r.Person.Holdings[0].Unit); ok {
					r.Commune = c.Code
				}
			}
		}
		r.Reason = planReason(ix, &r, holders)
		rows[i] = r
	}
	return rows
}

// keepDates gives each holding of after that was held before its start and
// term end of before.
// The holdings come main first, then those kept in their order before,
// then those taken on.
func keepDates(after, before []model.Holding) []model.Holding {
	rank := make([]int, len(after))
	for i := range after {
		rank[i] = len(before)
		for j, b := range before {
			if b.Unit == after[i].Unit && b.Title == after[i].Title {
				after[i].Start, after[i].TermEnd = b.Start, b.TermEnd
				rank[i] = j
			}
		}
		if after[i].Main {
			rank[i] = -1
		}
	}
	idx := make([]int, len(after))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(x, y int) bool { return rank[idx[x]] < rank[idx[y]] })
	out := make([]model.Holding, len(after))
	for i, k := range idx {
		out[i] = after[k]
	}
	return out
}

// planReason says what the plan changes for r and why, naming who takes
// over each title r gives up.
func planReason(ix *model.Index, r *PlanPerson, holders map[[2]string][]string) model.Text {
	gone, added := holdingDiff(r.Before, r.Person.Holdings)
	var vi, en []string
	for _, h := range gone {
		who := holders[[2]string{h.Unit, h.Title}]
		t := holdingText(ix, h)
		switch {
		case len(who) > 0:
			vi = append(vi, fmt.Sprintf("thôi %s, chuyển cho %s", t.Vi, strings.Join(who, ", ")))
			en = append(en, fmt.Sprintf("gives up %s, now held by %s", t.En, strings.Join(who, ", ")))
		default:
			vi = append(vi, fmt.Sprintf("thôi %s (không bố trí người)", t.Vi))
			en = append(en, fmt.Sprintf("gives up %s (left unfilled)", t.En))
		}
	}
	for _, h := range added {
		t := holdingText(ix, h)
		vi = append(vi, "nhận "+t.Vi)
		en = append(en, "takes on "+t.En)
	}
	switch r.Status {
	case PersonUnplanned:
		return model.Text{Vi: "xã chưa có phương án (không khả thi hoặc hết thời gian): giữ nguyên hiện trạng", En: "the commune has no plan (infeasible or out of time): unchanged"}
	case PersonNew:
		return model.Text{Vi: "cần tuyển: không ai trong danh sách đảm nhiệm được; " + strings.Join(vi, "; "), En: "to recruit: nobody listed can hold it; " + strings.Join(en, "; ")}
	case PersonReleased:
		vi = append(vi, "không còn chức danh nào: thôi việc, hưởng hỗ trợ theo NĐ 154/2025")
		en = append(en, "holds no title after the plan: released, with severance under Decree 154/2025")
	case PersonUnassigned:
		return model.Text{Vi: "không được bố trí chức danh nào", En: "not given any title"}
	}
	if len(vi) == 0 {
		return model.Text{Vi: "giữ nguyên các chức danh", En: "keeps the same titles"}
	}
	return model.Text{Vi: strings.Join(vi, "; "), En: strings.Join(en, "; ")}
}

// holdingDiff lists the holdings of before not in after, and of after not
// in before (by unit and title).
func holdingDiff(before, after []model.Holding) (gone, added []model.Holding) {
	in := func(hs []model.Holding, h model.Holding) bool {
		for _, x := range hs {
			if x.Unit == h.Unit && x.Title == h.Title {
				return true
			}
		}
		return false
	}
	for _, h := range before {
		if !in(after, h) {
			gone = append(gone, h)
		}
	}
	for _, h := range after {
		if !in(before, h) {
			added = append(added, h)
		}
	}
	return gone, added
}

// holdingText names a holding for people: "Trưởng thôn (Thôn 3)".
func holdingText(ix *model.Index, h model.Holding) model.Text {
	t := model.KeyText(h.Title)
	if x, ok := ix.Title(h.Title); ok {
		t = x.Name
	}
	where := h.Unit
	if u, ok := ix.Unit(h.Unit); ok && u.Name != "" {
		where = u.Name
	}
	return model.Text{Vi: t.Vi + " (" + where + ")", En: t.En + " (" + where + ")"}
}

// holdingsText names holdings for people, joined by "; ".
func holdingsText(ix *model.Index, hs []model.Holding, lang model.Lang) string {
	out := make([]string, len(hs))
	for i, h := range hs {
		out[i] = holdingText(ix, h).In(lang)
	}
	return strings.Join(out, "; ")
}

// statusText is a Person… status for people.
var statusText = map[string]model.Text{
	PersonKept:       {Vi: "tiếp tục", En: PersonKept},
	PersonReleased:   {Vi: "thôi việc", En: PersonReleased},
	PersonNew:        {Vi: "tuyển mới", En: PersonNew},
	PersonAppointed:  {Vi: "bố trí mới", En: PersonAppointed},
	PersonUnassigned: {Vi: "không bố trí", En: PersonUnassigned},
	PersonUnplanned:  {Vi: "chưa có phương án", En: PersonUnplanned},
}

// StatusText names a Person… status in people's words.
func StatusText(status string) model.Text {
	if t, ok := statusText[status]; ok {
		return t
	}
	return model.KeyText(status)
}
