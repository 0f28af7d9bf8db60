package synth

import (
	"bytes"
	"reflect"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/tables"
)

// withoutNeighbours is units as units.csv gives them back: neighbours
// travel in the villages table, not there.
func withoutNeighbours(units []model.Unit) []model.Unit {
	out := append([]model.Unit(nil), units...)
	for i := range out {
		out[i].Neighbours = nil
	}
	return out
}

// TestVillageNeighbours checks, for two provinces of each vintage, that
// every commune's villages have neighbours within the commune, listed both
// ways, connected, and planar in count (at most 3n − 6 links); and that the
// same seed gives the same neighbours.
func TestVillageNeighbours(t *testing.T) {
	for _, cfg := range []Config{
		{Province: "42", Seed: 1},
		{Province: "11", Vintage: tables.VintagePostReform, Seed: 7},
		{Province: "01", Vintage: tables.VintagePostReform, Seed: 1},
	} {
		units, err := Units(cfg)
		if err != nil {
			t.Fatal(err)
		}
		out := AddVillages(units, cfg)
		if again := AddVillages(units, cfg); !reflect.DeepEqual(again, out) {
			t.Fatalf("%+v: two runs differ", cfg)
		}
		byCommune := map[string][]model.Unit{}
		for _, u := range out {
			if u.Level == model.Village {
				byCommune[u.Parent] = append(byCommune[u.Parent], u)
			}
		}
		for c, vs := range byCommune {
			if msg := checkAdjacency(vs); msg != "" {
				t.Fatalf("%+v commune %s: %s", cfg, c, msg)
			}
		}
	}
}

// checkAdjacency returns what is wrong with the neighbours of the villages
// vs of one commune, or "".
func checkAdjacency(vs []model.Unit) string {
	at := map[string]int{}
	for i, v := range vs {
		at[v.Code] = i
	}
	links := 0
	for _, v := range vs {
		if v.Neighbours == nil {
			return v.Code + ": nil neighbours"
		}
		for _, n := range v.Neighbours {
			j, ok := at[n]
			if !ok || n == v.Code {
				return v.Code + ": neighbour " + n + " is not another village of the commune"
			}
			if !slicesHas(vs[j].Neighbours, v.Code) {
				return v.Code + " lists " + n + ", not back"
			}
			links++
		}
	}
	if n := len(vs); n >= 3 && links/2 > 3*n-6 {
		return "more links than a planar graph has"
	}
	seen := map[string]bool{vs[0].Code: true}
	stack := []int{0}
	for len(stack) > 0 {
		i := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, n := range vs[i].Neighbours {
			if !seen[n] {
				seen[n] = true
				stack = append(stack, at[n])
			}
		}
	}
	if len(seen) != len(vs) {
		return "not connected"
	}
	return ""
}

func slicesHas(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestVillagesTableRoundTrip writes a generated province's villages as a
// villages table and reads them back against its communes.
func TestVillagesTableRoundTrip(t *testing.T) {
	cfg := Config{Province: "11", Vintage: tables.VintagePostReform, Seed: 2}
	units, err := Units(cfg)
	if err != nil {
		t.Fatal(err)
	}
	all := AddVillages(units, cfg)
	var villages []model.Unit
	for _, u := range all {
		if u.Level == model.Village {
			villages = append(villages, u)
		}
	}
	for _, lang := range model.Langs {
		var buf bytes.Buffer
		if err := tables.WriteVillages(&buf, villages, lang); err != nil {
			t.Fatal(err)
		}
		got, err := tables.ReadVillages(&buf, "villages.csv", units, nil)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, villages) {
			t.Errorf("%s: villages read back differ from those written", lang)
		}
	}
}
