package sim

import "testing"

// TestPayCache checks the table against a map through growth, misses,
// first-wins puts and a reset, on keys that collide in the low bits.
func TestPayCache(t *testing.T) {
	var c payCache
	want := map[int64][2]uint64{}
	for _, n := range []int{0, 1, 31, 32, 33, 500} {
		c.reset()
		clear(want)
		for k := range n {
			pay := int64(k) * 1 << 20 // same low bits
			v := [2]uint64{uint64(k), uint64(2 * k)}
			c.put(pay, v)
			c.put(pay, [2]uint64{9, 9}) // a second put does not replace
			want[pay] = v
		}
		var cp payCache
		cp.copyFrom(&c)
		for _, cache := range []*payCache{&c, &cp} {
			if cache.n != len(want) {
				t.Fatalf("%d keys: holds %d", n, cache.n)
			}
			for pay, v := range want {
				if got, ok := cache.get(pay); !ok || got != v {
					t.Errorf("%d keys: get(%d) = %v, %v; want %v", n, pay, got, ok, v)
				}
			}
			if _, ok := cache.get(-1); ok {
				t.Errorf("%d keys: get of a missing pay hit", n)
			}
		}
	}
}
