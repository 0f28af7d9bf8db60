package scenarios

import "sort"

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
		if d := editDistance(id, k); bestD < 0 || d < bestD {
			best, bestD = k, d
		}
	}
	if bestD < 0 || 3*bestD > max(len(id), len(best)) {
		return ""
	}
	return ` (did you mean "` + best + `"?)`
}

// editDistance is the Levenshtein distance between a and b, by bytes (ids
// are ASCII).
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
