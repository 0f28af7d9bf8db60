package optimize

import (
	"fmt"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// Status is the outcome of a solve.
type Status uint8

// Statuses.
const (
	// Optimal: the plan is proven best; the bound equals the objective.
	Optimal Status = iota
	// Feasible: a plan was found but not proven best (a pool hit a search
	// limit); Bound and Gap say how far it may be from the best.
	Feasible
	// Infeasible: at least one pool has no plan that meets every rule; the
	// pools' Explanation says which rules conflict.
	Infeasible
	// TimeLimit: Settings.TimeLimit stopped the search; the plan covers the
	// pools finished so far and the best plan found in the others.
	TimeLimit
	// Interrupted: the caller cancelled the context (Ctrl-C, SIGTERM) before
	// the search ended. The plan is what was found so far, like TimeLimit's,
	// but the caller did not ask for it: a command discards it.
	Interrupted
	// AsIs: no search at all. The plan is today's holdings as the roster
	// records them (vacant titles stay vacant), priced as the solver prices
	// a plan; the rules it breaks are breaches to report (see [AsItIs]), and
	// Bound and Gap make no claim about the best plan.
	AsIs
)

var statusNames = [...]string{"optimal", "feasible", "infeasible", "time_limit", "interrupted", "as_is"}

func (s Status) String() string {
	if int(s) < len(statusNames) {
		return statusNames[s]
	}
	return fmt.Sprintf("Status(%d)", s)
}

// Statuses lists every status.
var Statuses = []Status{Optimal, Feasible, Infeasible, TimeLimit, Interrupted, AsIs}

// Text says what the status means for the whole solve, as the command's
// summary prints it ("feasible, not proven optimal"); an unknown status
// shows its key.
func (s Status) Text() model.Text { return s.texts().text }

// Outcome is the short form a report's reader sees: a plan not proven
// optimal (Feasible, TimeLimit) reads "feasible, gap", which the report
// follows with the gap in per cent. An unknown status shows its key.
func (s Status) Outcome() model.Text { return s.texts().outcome }

// statusText is what a status says to people: its Text and its Outcome.
type statusText struct{ text, outcome model.Text }

func (s Status) texts() statusText {
	if int(s) < len(statusTexts) {
		return statusTexts[s]
	}
	return statusText{model.KeyText(s.String()), model.KeyText(s.String())}
}

var statusTexts = [...]statusText{
	Optimal:     {text: model.Text{Vi: "tối ưu (đã chứng minh)", En: "optimal (proven)"}, outcome: model.Text{Vi: "tối ưu (đã chứng minh)", En: "optimal (proven)"}},
	Feasible:    {text: model.Text{Vi: "khả thi, chưa chứng minh tối ưu", En: "feasible, not proven optimal"}, outcome: model.Text{Vi: "khả thi, khoảng cách tối ưu", En: "feasible, gap"}},
	Infeasible:  {text: model.Text{Vi: "không khả thi ở một số xã", En: "infeasible in some communes"}, outcome: model.Text{Vi: "có xã không sắp xếp được", En: "some communes cannot be arranged"}},
	TimeLimit:   {text: model.Text{Vi: "hết thời gian, phương án tốt nhất đã tìm được", En: "time limit reached, best plan found"}, outcome: model.Text{Vi: "khả thi, khoảng cách tối ưu", En: "feasible, gap"}},
	Interrupted: {text: model.Text{Vi: "bị ngắt trước khi tìm kiếm xong", En: "interrupted before the search ended"}, outcome: model.Text{Vi: "bị ngắt, chưa có kết quả", En: "interrupted, no result"}},
	AsIs:        {text: model.Text{Vi: "hiện trạng: bố trí như hiện nay, không tối ưu", En: "as it is today: the current holdings, not optimised"}, outcome: model.Text{Vi: "hiện trạng, không tối ưu", En: "as it is today, not optimised"}},
}
