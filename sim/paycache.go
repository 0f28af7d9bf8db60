package sim

// payCache maps a monthly pay to the yearly hazard thresholds of a holder
// who is not overloaded: most holders share a handful of pay levels, and
// the pass over people each year looks them up. An open-addressing table
// of whole numbers, cheaper than a map on this path; entries are never
// replaced, so the first computed value for a pay is the one every later
// holder gets, as with a map.
type payCache struct {
	keys []int64
	vals [][2]uint64
	used []bool
	n    int
}

func (c *payCache) slot(pay int64) int {
	mask := len(c.keys) - 1
	j := int((uint64(pay) * 0x9e3779b97f4a7c15) >> 40 & uint64(mask))
	for c.used[j] && c.keys[j] != pay {
		j = (j + 1) & mask
	}
	return j
}

// get returns the thresholds cached for pay.
func (c *payCache) get(pay int64) ([2]uint64, bool) {
	if c.n == 0 {
		return [2]uint64{}, false
	}
	j := c.slot(pay)
	return c.vals[j], c.used[j]
}

// put caches v for pay, growing the table to keep it at most half full.
func (c *payCache) put(pay int64, v [2]uint64) {
	if 2*(c.n+1) > len(c.keys) {
		old := *c
		size := max(64, 2*len(c.keys))
		*c = payCache{keys: make([]int64, size), vals: make([][2]uint64, size), used: make([]bool, size)}
		for j, u := range old.used {
			if u {
				c.put(old.keys[j], old.vals[j])
			}
		}
	}
	j := c.slot(pay)
	if !c.used[j] {
		c.used[j], c.keys[j], c.vals[j] = true, pay, v
		c.n++
	}
}

// reset empties the cache, keeping its room.
func (c *payCache) reset() {
	clear(c.used)
	c.n = 0
}

// copyFrom makes c hold what t holds.
func (c *payCache) copyFrom(t *payCache) {
	if len(c.keys) != len(t.keys) {
		*c = payCache{keys: make([]int64, len(t.keys)), vals: make([][2]uint64, len(t.keys)), used: make([]bool, len(t.keys))}
	}
	copy(c.keys, t.keys)
	copy(c.vals, t.vals)
	copy(c.used, t.used)
	c.n = t.n
}
