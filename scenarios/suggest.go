package scenarios

import (
	"sort"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// didYouMean returns ` (did you mean "x"?)` for the known id closest to
// id by edit distance, when it is close enough to be a likely typo (at
// most a third of the longer id's length), else "".
func didYouMean(id string, known map[string]bool) string {
	best, bestD := "", -1
	keys := make([]string, 0, len(known))
	for k := range known {
		keys = append(keys, k)
	}
	sort.Strings(keys) // ties go to the first id in order
	for _, k := range keys {
		if d := model.EditDistance(id, k); bestD < 0 || d < bestD {
			best, bestD = k, d
		}
	}
	if bestD < 0 || 3*bestD > max(len(id), len(best)) {
		return ""
	}
	return ` (did you mean "` + best + `"?)`
}
