package rearrange

import (
	"math/rand/v2"
	"testing"
)

// TestStateTableMatchesMap stores random keys, many differing in one
// bit, through several growths and checks every answer against a map.
func TestStateTableMatchesMap(t *testing.T) {
	rng := rand.New(rand.NewPCG(24, 1))
	for _, words := range []int{0, 1, 3} {
		tab, want := newStateTable(words), map[[3]uint64]int64{}
		for range 5000 {
			var k [3]uint64
			for w := range words {
				k[w] = uint64(1) << rng.IntN(64)
			}
			if rng.IntN(2) == 0 {
				ub := rng.Int64N(1000) - 500
				tab.put(k[:words], ub)
				want[k] = ub
			}
			got, ok := tab.get(k[:words])
			if w, in := want[k]; ok != in || got != w {
				t.Fatalf("words %d, key %x: got %d, %v; want %d, %v", words, k, got, ok, w, in)
			}
		}
		if tab.n != len(want) {
			t.Fatalf("words %d: %d entries, want %d", words, tab.n, len(want))
		}
	}
}

// TestStateTableCollisions gives different keys one hash: each keeps its
// own bound, since a hit is confirmed on the whole key.
func TestStateTableCollisions(t *testing.T) {
	tab := newStateTable(2)
	const h = 0xdeadbeef12345678
	for i := range 20 {
		tab.putHashed([]uint64{uint64(i), 7}, h, int64(i*10))
	}
	for i := range 20 {
		if ub, ok := tab.getHashed([]uint64{uint64(i), 7}, h); !ok || ub != int64(i*10) {
			t.Fatalf("key %d: got %d, %v; want %d, true", i, ub, ok, i*10)
		}
	}
	if _, ok := tab.getHashed([]uint64{20, 7}, h); ok {
		t.Fatal("a key never stored was found")
	}
}
