package rearrangebench

import (
	"context"
	"encoding/json"
	"os"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/rearrange"
	"github.com/kiemnhiem/kiemnhiem/rearrange/check"
)

// TestDumpLimited is a tool, skipped unless KN_DUMP names a province
// ("79": Hồ Chí Minh City, every commune of synth's country that stops at
// the limit): it solves the province's synthetic communes as
// BenchmarkRearrangeSynth does (K = 3, adjacency, benchNodes), logs each
// commune that stops at the limit with its plan's objective and bound,
// and writes those communes as JSON to KN_OUT when set (the source of
// rearrange/testdata/hcmc_limited.json).
func TestDumpLimited(t *testing.T) {
	prov := os.Getenv("KN_DUMP")
	if prov == "" {
		t.Skip("set KN_DUMP to a province code")
	}
	opt := rearrange.Options{MaxMerge: 3, Adjacency: true, MaxNodes: benchNodes}
	var hard []*rearrange.Commune
	for _, c := range synthCommunes(t, prov) {
		p, err := rearrange.Solve(context.Background(), c, opt)
		if err != nil {
			t.Fatal(err)
		}
		if err := check.Check(c, opt, p); err != nil {
			t.Fatal(err)
		}
		if p.Status != rearrange.Optimal {
			t.Logf("LIM %s %s n=%d obj=%+v bound=%+v", c.Code, c.Name, len(c.Villages), p.Objective, p.Bound)
			hard = append(hard, c)
		}
	}
	if out := os.Getenv("KN_OUT"); out != "" {
		b, err := json.Marshal(hard)
		if err == nil {
			err = os.WriteFile(out, b, 0o644)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
}
