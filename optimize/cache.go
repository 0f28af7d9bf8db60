package optimize

import (
	"encoding/binary"
	"math"
	"slices"
	"sync"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// What an Assigner made by NewAssigner keeps: the pools used in its last
// cacheCalls calls, and at most defaultCacheBytes of them (a re-plan and a
// half of the whole country, 10,472 communes). Pools come back in the next
// re-plan or in a sensitivity analysis's next few; older ones seldom do,
// and keeping them all tripled the peak memory of the README's compare for
// a few more hits.
const (
	cacheCalls        = 4
	defaultCacheBytes = 128 << 20
)

// planCache keeps solved pools by an exact encoding of everything their
// solve read (see pool.appendKey), so a pool met again gets the outcome a
// fresh solve would give without the search. It forgets the pools not
// used in the last cacheCalls calls, and the least recently used beyond
// its byte limit. It is safe for concurrent use.
type planCache struct {
	mu      sync.Mutex
	entries map[string]*cacheEntry
	lru     cacheEntry // sentinel: lru.next is the most recently used
	bytes   int
	limit   int
	call    int // calls begun
	hits    int
	misses  int
}

type cacheEntry struct {
	key        string
	out        poolOutcome
	size       int
	used       int // the call that last used the entry
	prev, next *cacheEntry
}

func newPlanCache(limit int) *planCache {
	c := &planCache{entries: map[string]*cacheEntry{}, limit: limit}
	c.lru.prev, c.lru.next = &c.lru, &c.lru
	return c
}

// begin starts a call: the pools no call since the last cacheCalls used
// are forgotten.
func (c *planCache) begin() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.call++
	for old := c.lru.prev; old != &c.lru && old.used <= c.call-cacheCalls; old = c.lru.prev {
		c.drop(old)
	}
}

func (c *planCache) drop(e *cacheEntry) {
	c.unlink(e)
	delete(c.entries, e.key)
	c.bytes -= e.size
}

// get returns the outcome kept for key. The caller must not modify it.
func (c *planCache) get(key []byte) (poolOutcome, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[string(key)]
	if !ok {
		c.misses++
		return poolOutcome{}, false
	}
	c.hits++
	e.used = c.call
	c.unlink(e)
	c.pushFront(e)
	return e.out, true
}

// put keeps out under key, dropping the least recently used entries while
// the cache holds more than its limit.
func (c *planCache) put(key []byte, out poolOutcome) {
	out.explanation, out.fixes, out.pins = nil, nil, nil // never asked for: the cache serves plans
	// A copy of exactly the plan's length: the solve's may have room to
	// spare. The size counts the entry, the map's share and the recruits'
	// IDs, roughly.
	out.assignments = slices.Clone(out.assignments)
	size := len(key) + 80*len(out.assignments) + 320
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.entries[string(key)]; ok || size > c.limit {
		return // another worker solved the same pool meanwhile, or too big
	}
	e := &cacheEntry{key: string(key), out: out, size: size, used: c.call}
	c.entries[e.key] = e
	c.pushFront(e)
	c.bytes += size
	for c.bytes > c.limit {
		c.drop(c.lru.prev)
	}
}

func (c *planCache) unlink(e *cacheEntry) {
	e.prev.next, e.next.prev = e.next, e.prev
}

func (c *planCache) pushFront(e *cacheEntry) {
	e.prev, e.next = &c.lru, c.lru.next
	e.next.prev = e
	c.lru.next = e
}

func (c *planCache) stats() CacheStats {
	c.mu.Lock()
	defer c.mu.Unlock()
	return CacheStats{Hits: c.hits, Misses: c.misses, Pools: len(c.entries), Bytes: c.bytes}
}

// keyWriter appends the parts of a cache key. Lengths prefix every list and
// string, so no two different inputs share an encoding.
type keyWriter struct{ buf []byte }

func (w *keyWriter) int(x int) { w.buf = binary.AppendVarint(w.buf, int64(x)) }

func (w *keyWriter) float(f float64) {
	w.buf = binary.LittleEndian.AppendUint64(w.buf, math.Float64bits(f))
}

func (w *keyWriter) string(s string) {
	w.int(len(s))
	w.buf = append(w.buf, s...)
}

func (w *keyWriter) ints(xs []int) { keyList(w, xs, w.int) }

func (w *keyWriter) moneys(xs []model.Money) {
	keyList(w, xs, func(m model.Money) { w.int(int(m)) })
}

// keyList appends the length of xs, then each element as each writes it.
func keyList[T any](w *keyWriter, xs []T, each func(T)) {
	w.int(len(xs))
	for _, x := range xs {
		each(x)
	}
}

// sharedKey encodes what every pool of one solve shares and a pool's solve
// reads: the titles (pools name them by index), the policy values the
// programme applies itself, and the settings that steer the search.
func (b *builder) sharedKey(set *Settings) []byte {
	var w keyWriter
	keyList(&w, b.s.Titles, func(t model.Title) { w.string(t.ID) })
	w.int(b.pol.MaxTitles)
	w.int(int(b.pol.Combination.Mode))
	w.int(len(b.pol.Combination.Pairs))
	for _, p := range b.pol.Combination.Pairs {
		w.string(p[0])
		w.string(p[1])
	}
	w.int(int(b.pol.Levels.Mode))
	keyList(&w, b.pol.Levels.Titles, w.string)
	w.float(b.pol.ConcurrencyRate)
	// The recruit rule reads the titles' requirements, the date and the
	// retirement schedule: its table is encoded instead.
	for _, tab := range b.recruits.ok {
		keyList(&w, tab, func(ok bool) {
			if ok {
				w.int(1)
			} else {
				w.int(0)
			}
		})
	}
	w.int(int(set.Mode))
	w.float(set.Weights.Headcount)
	w.float(set.Weights.Cost)
	w.float(set.Weights.Disruption)
	w.int(set.MaxStates)
	w.int(int(b.goal.Order))
	w.int(b.goal.HorizonYears)
	w.float(b.goal.DiscountRate)
	w.float(b.goal.InsuranceRate)
	return w.buf
}

// appendKey appends to buf an exact encoding of everything a solve of pl
// reads besides the shared part: units (by code, for the plan's recruit
// IDs), slots, caps, funds, pins no candidate can honour, and every
// candidate with what they may hold, must keep, hold today and are paid.
// Relaxed rules are not encoded: only unrelaxed pools are cached.
func (pl *pool) appendKey(buf []byte) []byte {
	w := keyWriter{buf: buf}
	keyList(&w, pl.units, func(u *model.Unit) { w.string(u.Code) })
	keyList(&w, pl.slots, func(sl slot) {
		w.int(sl.unit)
		w.int(sl.title)
		w.int(sl.need)
		w.float(float64(sl.work))
	})
	w.int(pl.communeCap)
	w.int(pl.villageCap)
	w.int(int(pl.communeFund))
	w.moneys(pl.villageFund)
	keyList(&w, pl.impossible, func(p Pin) {
		w.string(p.Person)
		w.string(p.Title)
		w.string(p.Unit)
	})
	w.int(len(pl.cands))
	for i := range pl.cands {
		c := &pl.cands[i]
		if c.person != nil {
			w.string(c.person.ID)
		} else {
			w.int(-1) // no string has a negative length
		}
		w.int(c.recruit)
		w.float(float64(c.capacity))
		w.int(c.group)
		w.ints(c.eligible)
		w.ints(c.fixed)
		w.ints(c.current)
		w.moneys(c.pay)
		w.int(int(c.oneOff))
		w.int(int(c.severance))
	}
	return w.buf
}
