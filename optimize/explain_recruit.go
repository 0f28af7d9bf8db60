package optimize

import (
	"fmt"
	"strings"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// recruitClash finds, in a plan of pool p (held by candidate index), a
// recruit whose titles the recruit rule of the core pool keeps apart, and
// says which titles one person could not hold together: the combination
// rules' reason when no listed pair or level rule is.
func recruitClash(p *pool, core recruitRule, held [][]int) (vi, en string, ok bool) {
	if core.n == 0 {
		return "", "", false
	}
	for k, slots := range held {
		if k >= len(p.cands) || p.cands[k].recruit < 0 || len(slots) == 0 {
			continue
		}
		var ts []int
		clash := !core.alone(p.slots[slots[0]].title)
		for _, si := range slots {
			t := p.slots[si].title
			if len(ts) > 0 && !core.allowsSet(ts, t) {
				clash = true
			}
			ts = append(ts, t)
		}
		if !clash {
			continue
		}
		var nv, ne []string
		for _, t := range ts {
			nv = append(nv, p.titles[t].Name.In(model.Vietnamese))
			ne = append(ne, titleEn(&p.titles[t]))
		}
		return fmt.Sprintf("một người mới tuyển sẽ phải giữ %s, nhưng không ai cùng lúc đáp ứng được yêu cầu về giới tính và tuổi của các chức danh này", strings.Join(nv, ", ")),
			fmt.Sprintf("a recruit would have to hold %s, whose sex and age requirements no one person meets together", strings.Join(ne, ", ")), true
	}
	return "", "", false
}
