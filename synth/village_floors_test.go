package synth

import (
	"fmt"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/tables"
)

// nd185Floors are the household floors of NĐ 185/2026 Art. 10(1) by
// region, thôn and tổ dân phố (policy-facts 9.7).
var nd185Floors = map[string][2]int{
	"capital": {500, 700}, "north-mountain": {150, 300}, "red-river": {400, 550}, "north-central": {350, 450},
	"south-central-highlands": {300, 450}, "south-east": {400, 550}, "mekong": {400, 550},
}

// nd185Region puts each province of the 2025-07 list in a region of the
// decree's table. The decree gives no list (policy-facts 9.7); this is
// the nd185-2026 preset's assumption (a merged province in the region of
// the former province that holds its centre: Phú Thọ and Bắc Ninh with the
// midlands and mountains, Tây Ninh with the Mekong Delta), copied here
// because synth cannot import the presets.
var nd185Region = map[string]string{
	"01": "capital", "79": "capital",
	"04": "north-mountain", "08": "north-mountain", "11": "north-mountain", "12": "north-mountain", "14": "north-mountain",
	"15": "north-mountain", "19": "north-mountain", "20": "north-mountain", "24": "north-mountain", "25": "north-mountain",
	"22": "red-river", "31": "red-river", "33": "red-river", "37": "red-river",
	"38": "north-central", "40": "north-central", "42": "north-central", "44": "north-central", "46": "north-central",
	"48": "south-central-highlands", "51": "south-central-highlands", "52": "south-central-highlands",
	"56": "south-central-highlands", "66": "south-central-highlands", "68": "south-central-highlands",
	"75": "south-east",
	"80": "mekong", "82": "mekong", "86": "mekong", "91": "mekong", "92": "mekong", "96": "mekong",
}

// art10Exempt are the circumstances of Art. 10(3) for which a province may
// set a lower floor (policy-facts 9.8); the nd185-2026 preset sets it at
// half the region's floor (assumption stated there).
const art10Exempt = model.Mountainous | model.EthnicMinority | model.ParticularlyDifficult | model.Fragmented |
	model.BorderIsland | model.Resettlement | model.IsolatedIsland

// floorBands counts villages at ≥ 100 %, 50 to < 100 % and < 50 % of their
// NĐ 185 floor (before any lower floor of Art. 10(3)), as provinces report
// them (policy-facts 9.18).
type floorBands struct{ full, half, low int }

func (b floorBands) total() int { return b.full + b.half + b.low }

func (b floorBands) String() string {
	n := float64(b.total())
	return fmt.Sprintf("%d villages: %d (%.1f %%) at ≥ 100 %%, %d (%.1f %%) at 50–<100 %%, %d (%.1f %%) below 50 %%; %.1f %% below the floor",
		b.total(), b.full, 100*float64(b.full)/n, b.half, 100*float64(b.half)/n, b.low, 100*float64(b.low)/n, 100*float64(b.half+b.low)/n)
}

// nd185Bands generates the 2025-07 country with seed and counts its
// villages in the bands of their region's floors, in all and by region,
// and in the bands of the floor that applies when an Art. 10(3) village's
// floor is half its region's (exempt).
func nd185Bands(t *testing.T, seed uint64) (all floorBands, by map[string]*floorBands, exempt floorBands) {
	cfg := Config{Vintage: tables.VintagePostReform, Seed: seed}
	units, err := Units(cfg)
	if err != nil {
		t.Fatal(err)
	}
	units = AddVillages(units, cfg)
	prov := provinceOf(units)
	var b floorBands
	by = map[string]*floorBands{}
	for r := range nd185Floors {
		by[r] = &floorBands{}
	}
	for _, u := range units {
		if u.Level != model.Village {
			continue
		}
		region, ok := nd185Region[prov[u.Parent]]
		if !ok {
			t.Fatalf("village %s: province %q has no region", u.Code, prov[u.Parent])
		}
		floor := nd185Floors[region][0]
		if u.Type.Urban() {
			floor = nd185Floors[region][1]
		}
		b.add(u.Households, floor)
		by[region].add(u.Households, floor)
		if u.Flags&art10Exempt != 0 {
			floor = (floor + 1) / 2
		}
		exempt.add(u.Households, floor)
	}
	return b, by, exempt
}

// add counts a village of hh households whose floor is floor.
func (b *floorBands) add(hh, floor int) {
	switch {
	case hh >= floor:
		b.full++
	case 2*hh >= floor:
		b.half++
	default:
		b.low++
	}
}

// TestVillageFloorShare checks the share of synthetic post-reform villages
// below their NĐ 185 floors that the package documentation states (run
// with -v to see the bands).
func TestVillageFloorShare(t *testing.T) {
	if testing.Short() {
		t.Skip("generates the whole country")
	}
	b, by, exempt := nd185Bands(t, 1)
	t.Log("all:", b)
	t.Log("with half floors for Art. 10(3) villages:", exempt)
	for _, r := range []string{"capital", "north-mountain", "red-river", "north-central", "south-central-highlands", "south-east", "mekong"} {
		t.Logf("%s: %s", r, by[r])
	}
	got := fmt.Sprintf("%.0f %% / %.0f %%", 100*float64(b.half+b.low)/float64(b.total()), 100*float64(exempt.half+exempt.low)/float64(exempt.total()))
	if got != docBelowFloor {
		t.Errorf("%s below the floor (region's / with exemptions), the package documentation says %s: update doc.go and docBelowFloor", got, docBelowFloor)
	}
}

// docBelowFloor is the shares the package documentation states.
const docBelowFloor = "65 % / 61 %"
