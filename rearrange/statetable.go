package rearrange

import "math/bits"

// stateTable is availMemo's memory: a bound per set of available
// candidates, the set given as its bitset words. It replaces a Go map
// keyed by the bitset's bytes as a string, which cost a string
// allocation per state stored, a pointer per entry for the collector to
// scan (a component keeps up to memoStates of them) and a second cache
// miss per probe to reach the key (~10 % of the country's CPU). Here a
// slot is one word, the hash's upper half beside the entry's number, so
// a probe that misses touches the slots alone; a slot whose half matches
// is confirmed by comparing the whole key, never trusted on the hash
// (two states sharing a bound would corrupt a proof). Open addressing,
// linear probing, at most half full.
type stateTable struct {
	words int      // the key's words
	slots []uint64 // hash>>32 << 32 | entry+1; 0: empty
	data  []uint64 // per entry: its key's words, then its bound
	n     int      // entries
}

func newStateTable(words int) *stateTable {
	return &stateTable{words: words, slots: make([]uint64, 64)}
}

// hashWords mixes the key's words (deterministic: the table's order
// never reaches the search, only its answers).
func hashWords(key []uint64) uint64 {
	h := uint64(len(key))
	for _, w := range key {
		h = bits.RotateLeft64((h^w)*0x9e3779b97f4a7c15, 31)
	}
	h ^= h >> 29
	h *= 0xbf58476d1ce4e5b9
	return h ^ h>>32
}

// find returns the entry holding key (−1: none) and the slot it is in,
// or where it would go.
func (t *stateTable) find(key []uint64, h uint64) (int, int) {
	mask := len(t.slots) - 1
	tag := h >> 32 << 32
	for i := int(h) & mask; ; i = (i + 1) & mask {
		s := t.slots[i]
		if s == 0 {
			return -1, i
		}
		if s&^(1<<32-1) == tag {
			e := int(uint32(s)) - 1
			if t.same(e, key) {
				return e, i
			}
		}
	}
}

func (t *stateTable) same(e int, key []uint64) bool {
	at := t.data[e*(t.words+1) : e*(t.words+1)+t.words]
	for i, w := range key {
		if at[i] != w {
			return false
		}
	}
	return true
}

func (t *stateTable) get(key []uint64) (int64, bool) {
	return t.getHashed(key, hashWords(key))
}

// getHashed and putHashed take the key's hash (the tests force
// collisions).
func (t *stateTable) getHashed(key []uint64, h uint64) (int64, bool) {
	e, _ := t.find(key, h)
	if e < 0 {
		return 0, false
	}
	return int64(t.data[e*(t.words+1)+t.words]), true
}

// put sets key's bound.
func (t *stateTable) put(key []uint64, ub int64) {
	t.putHashed(key, hashWords(key), ub)
}

func (t *stateTable) putHashed(key []uint64, h uint64, ub int64) {
	e, i := t.find(key, h)
	if e >= 0 {
		t.data[e*(t.words+1)+t.words] = uint64(ub)
		return
	}
	t.data = append(append(t.data, key...), uint64(ub))
	t.slots[i] = h>>32<<32 | uint64(t.n+1)
	if t.n++; 2*t.n > len(t.slots) {
		t.grow()
	}
}

// grow doubles the slots and places the entries again.
func (t *stateTable) grow() {
	t.slots = make([]uint64, 2*len(t.slots))
	mask := len(t.slots) - 1
	for e := range t.n {
		key := t.data[e*(t.words+1) : e*(t.words+1)+t.words]
		h := hashWords(key)
		i := int(h) & mask
		for t.slots[i] != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = h>>32<<32 | uint64(e+1)
	}
}
