package rearrange

import (
	"fmt"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// Reason is why a village stays below its floor.
type Reason uint8

// Reasons, from the most fundamental.
const (
	// ReasonExempt: the village is exempt and the rule keeps exempt
	// villages as they are (Options.Exempt is ExemptStays).
	ReasonExempt Reason = iota
	// ReasonNoMerging: the merge size limit is 1.
	ReasonNoMerging
	// ReasonNoNeighbour: under the adjacency rule it borders no village it
	// may merge with.
	ReasonNoNeighbour
	// ReasonTooFewInCommune: all the villages it could ever be joined to
	// (the commune's, or under the adjacency rule those connected to it)
	// together have fewer households than its floor.
	ReasonTooFewInCommune
	// ReasonTooFewInReach: no set of at most K villages it may merge with
	// reaches the floor.
	ReasonTooFewInReach
	// ReasonNeededElsewhere: it could reach its floor, but only with
	// villages that the plan merges elsewhere, and no plan brings more
	// villages to their floor (or, under the fewest-merges goal, as many
	// with fewer merges).
	ReasonNeededElsewhere
	// ReasonNotProven: the search stopped at its limit before settling it.
	ReasonNotProven
	// ReasonDecided: a decided plan (not the solver's) leaves it below its
	// floor where the solver's plan would not (villageplan.FromMapping).
	ReasonDecided
)

var reasonKeys = [...]string{"exempt", "no-merging", "no-neighbour", "too-few-in-commune", "too-few-in-reach", "needed-elsewhere", "not-proven", "decided-plan"}

func (r Reason) String() string {
	if int(r) < len(reasonKeys) {
		return reasonKeys[r]
	}
	return "reason?"
}

// Explanation says why one village after the rearrangement is below its
// floor.
type Explanation struct {
	Village int // index in Commune.Villages (the village stays as it is)
	Reason  Reason
	Text    model.Text
}

// explain explains every village of p below its floor.
func (in *instance) explain(p *Plan, all []candidate) []Explanation {
	inCand := make([]bool, in.n)
	for _, g := range all {
		for _, v := range g.members {
			inCand[v] = true
		}
	}
	var reach []int
	var out []Explanation
	for _, g := range p.Groups {
		if !g.Below {
			continue
		}
		for _, v := range g.Members {
			if !in.under[v] {
				continue
			}
			if reach == nil {
				reach = in.reachHouseholds()
			}
			r := in.reason(v, inCand[v], reach[v], p.Status)
			out = append(out, Explanation{Village: v, Reason: r, Text: in.reasonText(v, r, reach[v])})
		}
	}
	return out
}

func (in *instance) reason(v int, hasCand bool, reach int, st Status) Reason {
	switch {
	case !in.mergeable[v]:
		return ReasonExempt
	case in.k < 2:
		return ReasonNoMerging
	case in.adj != nil && !in.hasMergeableNeighbour(v):
		return ReasonNoNeighbour
	case reach < in.f[v]:
		return ReasonTooFewInCommune
	case !hasCand:
		return ReasonTooFewInReach
	case st == Limited:
		return ReasonNotProven
	}
	return ReasonNeededElsewhere
}

func (in *instance) hasMergeableNeighbour(v int) bool {
	for _, u := range in.adj[v] {
		if in.mergeable[u] {
			return true
		}
	}
	return false
}

// reachHouseholds returns, per mergeable village, the households of all
// the mergeable villages it could ever be joined to, itself included.
func (in *instance) reachHouseholds() []int {
	out := make([]int, in.n)
	total := 0
	for i := 0; i < in.n; i++ {
		if in.mergeable[i] {
			total += in.h[i]
		}
	}
	if in.adj == nil {
		for i := range out {
			out[i] = total
		}
		return out
	}
	comp := make([]int, in.n)
	for i := range comp {
		comp[i] = -1
	}
	var sums []int
	for s := 0; s < in.n; s++ {
		if comp[s] >= 0 || !in.mergeable[s] {
			continue
		}
		id, hh := len(sums), 0
		stack := []int{s}
		comp[s] = id
		for len(stack) > 0 {
			a := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			hh += in.h[a]
			for _, b := range in.adj[a] {
				if comp[b] < 0 && in.mergeable[b] {
					comp[b] = id
					stack = append(stack, b)
				}
			}
		}
		sums = append(sums, hh)
	}
	for i := range out {
		if comp[i] >= 0 {
			out[i] = sums[comp[i]]
		}
	}
	return out
}

// reasonText writes the reason in planner language.
func (in *instance) reasonText(v int, r Reason, reach int) model.Text {
	vl := in.c.Villages[v]
	name := vl.Name
	if name == "" {
		name = vl.Code
	}
	vi := fmt.Sprintf("%s (%s hộ, ngưỡng %s hộ): ", name, model.Vietnamese.Int(int64(vl.Households)), model.Vietnamese.Int(int64(vl.Floor)))
	en := fmt.Sprintf("%s (%s households, floor %s): ", name, model.English.Int(int64(vl.Households)), model.English.Int(int64(vl.Floor)))
	k := in.k
	switch r {
	case ReasonExempt:
		vi += "thuộc diện đặc thù (Điều 10 khoản 3 NĐ 185/2026), được giữ nguyên, không sáp nhập."
		en += "an exempt village (Decree 185/2026 Art. 10(3)), kept as it is, not merged."
	case ReasonNoMerging:
		vi += "phương án không cho sáp nhập (mỗi thôn mới chỉ gồm 1 thôn cũ)."
		en += "the option allows no merging (one village into one)."
	case ReasonNoNeighbour:
		vi += "không giáp thôn nào có thể sáp nhập."
		en += "borders no village it could merge with."
	case ReasonTooFewInCommune:
		vi += fmt.Sprintf("tất cả các thôn có thể sáp nhập với nó chỉ có tổng cộng %s hộ, vẫn dưới ngưỡng.", model.Vietnamese.Int(int64(reach)))
		en += fmt.Sprintf("all the villages it could be merged with have only %s households together, still below the floor.", model.English.Int(int64(reach)))
	case ReasonTooFewInReach:
		vi += fmt.Sprintf("không nhóm nào tối đa %d thôn%s chứa nó đạt ngưỡng.", k, pick(in.adj != nil, " liền kề", ""))
		en += fmt.Sprintf("no group of at most %d%s villages holding it reaches the floor.", k, pick(in.adj != nil, " neighbouring", ""))
	case ReasonNeededElsewhere:
		vi += "các thôn có thể ghép với nó đã được sáp nhập với thôn khác; không phương án nào đưa được nhiều thôn hơn đạt ngưỡng."
		en += "the villages it could join are merged with others; no plan brings more villages to their floor."
	case ReasonNotProven:
		vi += "tìm kiếm dừng ở giới hạn trước khi xác định được (chưa chứng minh tối ưu)."
		en += "the search stopped at its limit before settling it (not proven optimal)."
	}
	return model.Text{Vi: vi, En: en}
}

func pick(c bool, a, b string) string {
	if c {
		return a
	}
	return b
}
