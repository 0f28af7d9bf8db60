package rearrange

import (
	"encoding/json"
	"os"
	"testing"
)

// readCommunes reads communes saved as JSON (testdata/hcmc_wards.json:
// three Hồ Chí Minh City wards of synth's country).
func readCommunes(t *testing.T, path string) []*Commune {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var communes []*Commune
	if err := json.Unmarshal(b, &communes); err != nil {
		t.Fatal(err)
	}
	return communes
}

// searchers returns a searcher at the root of each component of c.
func searchers(t *testing.T, c *Commune, opt Options) []*searcher {
	t.Helper()
	in, err := newInstance(c, opt)
	if err != nil {
		t.Fatal(err)
	}
	all := in.candidates()
	used := make([]bool, in.n)
	var out []*searcher
	for _, ids := range in.components(all) {
		out = append(out, newSearcher(in, all, ids, nil, used))
	}
	return out
}
