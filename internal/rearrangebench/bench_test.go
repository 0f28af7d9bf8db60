package rearrangebench

import (
	"fmt"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/internal/shareddata"
	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/rearrange"
	"github.com/kiemnhiem/kiemnhiem/scenarios"
	"github.com/kiemnhiem/kiemnhiem/synth"
	"github.com/kiemnhiem/kiemnhiem/tables"
)

// floorDate is a day the nd185-2026 preset's village floors are in force
// (from 2026-05-26).
const floorDate = "2026-07-01"

// synthCommunes reads the post-reform commune list, adds synth's villages
// (seed 185; households per village calibrated per province and kind,
// neighbours the Gabriel graph of seeded points) and gives each village
// the floor of the nd185-2026 preset on floorDate: its region's floor for
// its type, or half of it for a village of an Art. 10(3) circumstance
// (mountainous, ethnic-minority, …: the preset's exempt_share). province
// "" keeps every province.
func synthCommunes(tb testing.TB, province string) []*rearrange.Commune {
	tb.Helper()
	const name = "vn_communes_2025-07_post_reform.csv"
	units, err := tables.ReadUnits(shareddata.Open(tb, name), name, tables.UnitSelect{Province: province})
	if err != nil {
		tb.Fatal(err)
	}
	units = synth.AddVillages(units, synth.Config{Vintage: tables.VintagePostReform, Seed: 185})
	sc, err := scenarios.Load("nd185-2026")
	if err != nil {
		tb.Fatal(err)
	}
	day := model.MustDate(floorDate)
	byCode := make(map[string]*model.Unit, len(units))
	for i := range units {
		byCode[units[i].Code] = &units[i]
	}
	var out []*rearrange.Commune
	index := map[string]*rearrange.Commune{}
	for i := range units {
		v := &units[i]
		if v.Level != model.Village {
			continue
		}
		c := index[v.Parent]
		if c == nil {
			c = &rearrange.Commune{Code: v.Parent, Name: byCode[v.Parent].Name}
			index[v.Parent] = c
			out = append(out, c)
		}
		f, err := sc.Policy.VillageFloorFor(v, provinceOf(byCode, v), day)
		if err != nil {
			tb.Fatal(err)
		}
		c.Villages = append(c.Villages, rearrange.Village{Code: v.Code, Name: v.Name, Type: v.Type,
			Households: v.Households, Floor: f.Floor, Exempt: f.Exempt, Neighbours: v.Neighbours})
	}
	return out
}

// provinceOf is the code of the province at the top of u's parents.
func provinceOf(byCode map[string]*model.Unit, u *model.Unit) string {
	for u.Level != model.Province {
		p, ok := byCode[u.Parent]
		if !ok {
			return u.Parent
		}
		u = p
	}
	return u.Code
}

// benchNodes is the node limit per commune: a commune that reaches it
// reports its bound and counts as not proven.
const benchNodes = 100_000

// BenchmarkRearrangeSynth plans synth's villages of one province (Phú
// Thọ, 25) and of the whole country with K = 3 under the fewest-merges
// goal, with and without the adjacency rule, one commune after another on
// one goroutine, at most benchNodes nodes per commune and, for the
// country under the adjacency rule, also at the command's own budget
// (rearrange.DefaultMaxNodes: nodes=default), where the target
// is every commune proven. It reports the share of communes proven
// optimal, the villages below their floor before and after, the CPU
// seconds (user + system) per run and the process's peak resident
// memory; every plan passes the checker, outside the timing.
func BenchmarkRearrangeSynth(b *testing.B) {
	for _, sz := range []struct{ name, province string }{{"province", "25"}, {"country", ""}} {
		communes := synthCommunes(b, sz.province)
		for _, adj := range []bool{true, false} {
			budgets := []int64{benchNodes}
			if sz.name == "country" && adj {
				budgets = append(budgets, rearrange.DefaultMaxNodes)
			}
			for _, nodes := range budgets {
				opt := rearrange.Options{MaxMerge: 3, Adjacency: adj, MaxNodes: nodes}
				b.Run(fmt.Sprintf("%s/adjacency=%v/nodes=%s", sz.name, adj, budgetName(nodes)), func(b *testing.B) {
					Run(b, communes, opt)
				})
			}
		}
	}
}

// budgetName names a node budget in a benchmark's name.
func budgetName(nodes int64) string {
	if nodes == rearrange.DefaultMaxNodes {
		return "default"
	}
	return fmt.Sprint(nodes)
}

// TestSynthCommunes checks the instance: every village has a floor and
// only neighbours of its own commune, and the country has about the
// 90,000 villages synth calibrates to (90,262 with seed 185).
func TestSynthCommunes(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the whole country")
	}
	communes := synthCommunes(t, "")
	villages := 0
	for _, c := range communes {
		villages += len(c.Villages)
		codes := map[string]bool{}
		for _, v := range c.Villages {
			codes[v.Code] = true
			if v.Floor <= 0 {
				t.Fatalf("%s: village %s: floor %d", c.Code, v.Code, v.Floor)
			}
		}
		for _, v := range c.Villages {
			for _, nb := range v.Neighbours {
				if !codes[nb] {
					t.Fatalf("%s: village %s: neighbour %s of another commune", c.Code, v.Code, nb)
				}
			}
		}
	}
	if villages < 80_000 || villages > 95_000 {
		t.Errorf("%d villages, want about 90,000", villages)
	}
	t.Logf("%d communes, %d villages", len(communes), villages)
}
