package optimize

import (
	"context"
	"errors"
	"fmt"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// The explanation search is limited by work, not time: a number of solves
// (explainer.budget) and a number of states over all of them
// (explainMaxWork), so that an explanation and its fixes are the same from
// run to run, on a loaded machine or an idle one, for any GOMAXPROCS. The
// wall clock (explainTime) is only a last-resort guard, reported when it
// fires.

// outOfWork says whether the explainer may solve no more: its solves or
// states are spent, or the context (the caller's, or the guard) is done.
func (e *explainer) outOfWork() bool {
	return e.solves >= e.budget || e.work >= explainMaxWork || e.ctx.Err() != nil
}

// charge counts the states of a solve against the work limit: the states
// it searched, or its whole cap when it stopped on an error (the states
// of a stopped search are not reported). It notes a stop by the time
// guard.
func (e *explainer) charge(r dpResult, err error, limit int) {
	if err == nil {
		e.work += r.states
		return
	}
	e.work += max(r.states, limit)
	if errors.Is(err, context.DeadlineExceeded) && e.parent.Err() == nil {
		e.guard = true
	}
}

// guardNote is the note an explanation carries when the time guard
// stopped its search: what it says may then differ between runs.
func (e *explainer) guardNote() Reason {
	c := e.pl.units[0]
	s := model.English.Int(int64(explainTime.Seconds()))
	return Reason{Kind: RuleNotMinimal, Unit: c.Code, guard: true,
		Vi: fmt.Sprintf("%s: việc tìm lời giải thích dừng vì chạm giới hạn an toàn %s giây (máy quá tải?); kết quả có thể khác giữa các lần chạy", unitName(c), s),
		En: fmt.Sprintf("%s: the explanation search stopped at the %s-second safety limit (an overloaded machine?); the result may differ between runs", unitName(c), s)}
}

// explainAndFix explains the infeasible pool pl and finds its fixes; when
// the time guard stopped the search for fixes, the explanation says so.
func explainAndFix(ctx context.Context, pl *pool, set *Settings) ([]Reason, []Fix) {
	reasons := explainInfeasible(ctx, pl, set)
	fixes, guard := fixInfeasible(ctx, pl, set, reasons)
	if guard && !hasGuardNote(reasons) {
		e := &explainer{pl: pl}
		reasons = append(reasons, e.guardNote())
	}
	return reasons, fixes
}

// hasGuardNote says whether the reasons already carry the time guard's note.
func hasGuardNote(rs []Reason) bool {
	for _, r := range rs {
		if r.guard {
			return true
		}
	}
	return false
}
