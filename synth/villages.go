package synth

import (
	"fmt"
	"math"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// AddVillages returns units with synthetic villages added under every
// commune that has none: round(households / households per village) of
// them, at least one. Each village follows its commune in the result. A
// village of a xã or đặc khu is a thôn, of a phường or thị trấn a tổ dân
// phố; its code is the commune's code followed by "-01", "-02", …, its name
// "Thôn 1", "Tổ dân phố 2", ….
//
// Households per village are calibrated per province and kind of village
// to published counts of villages (village_counts.go, derivation at
// village_calibration.go): Hà Nội's 5,467 and Phú Thọ's 3,606 villages,
// and the national 69,580 thôn and 20,928 tổ dân phố of end-2021 (for the
// 2025-07 list, 63,619 thôn of the 2025 census and the rest of 90,508 tổ
// dân phố) shared by the other provinces. A commune's province is the top
// of its chain of parents, by its code in the list of cfg.Vintage (for a
// list read from a file, see listVintage); a commune in no known province
// gets the national rates. cfg.HouseholdsPerVillage, when above 0, replaces all of this by
// one size for every village.
//
// The commune's households and population are split among its villages in
// proportion to log-normal weights whose spread is fitted to published
// size bands (σ = 0.43 for thôn, 0.40 for tổ dân phố; see
// village_sizes.go), summing exactly to the commune's; area is split
// independently in proportion to weights uniform in 0.5–1.5 (assumption:
// no village areas are published), to 0.01 km². Villages inherit the
// commune's mountainous, border-island, key-security and key-defence
// flags, and in mountainous communes get ethnic-minority and, for some,
// particularly-difficult ones (villageFlags); they have no class, and
// neighbours from random points (villageNeighbours). The split of one commune depends only on cfg.Seed and the
// commune's code.
func AddVillages(units []model.Unit, cfg Config) []model.Unit {
	has := map[string]bool{}
	for i := range units {
		if units[i].Level == model.Village && units[i].Parent != "" {
			has[units[i].Parent] = true
		}
	}
	prov := provinceOf(units)
	vintage := listVintage(units, cfg)
	out := make([]model.Unit, 0, len(units)*5)
	for i := range units {
		u := &units[i]
		out = append(out, *u)
		if u.Level != model.Commune || has[u.Code] {
			continue
		}
		out = append(out, genVillages(u, villageSize(cfg, vintage, prov[u.Code], villageType(u.Type)), cfg.Seed)...)
	}
	return out
}

// villageSize is the mean households per village of type ty in the
// province with code prov of the list of vintage, or as cfg says.
func villageSize(cfg Config, vintage, prov string, ty model.UnitType) float64 {
	if cfg.HouseholdsPerVillage > 0 {
		return float64(cfg.HouseholdsPerVillage)
	}
	r := villageRateFor(vintage, prov)
	if ty == model.ToDanPho {
		return r.TDP
	}
	return r.Thon
}

// genVillages splits commune c into villages of hpv households on average.
func genVillages(c *model.Unit, hpv float64, seed uint64) []model.Unit {
	r := genStream(seed, "villages", c.Code)
	n := max(1, int(math.Round(float64(c.Households)/hpv)))
	ty := villageType(c.Type)
	w := villageWeights(r, n, villageSigmaFor(ty))
	wa := make([]float64, n)
	for i := range wa {
		wa[i] = 0.5 + r.Float64()
	}
	hh := genSplit(c.Households, w)
	pop := genSplit(c.Population, w)
	area := genSplit(int(math.Round(c.AreaKm2*100)), wa)
	out := make([]model.Unit, n)
	for i := range out {
		out[i] = model.Unit{
			Code:       fmt.Sprintf("%s-%02d", c.Code, i+1),
			Name:       fmt.Sprintf("%s %d", genTypeName(ty), i+1),
			Level:      model.Village,
			Type:       ty,
			Parent:     c.Code,
			Population: pop[i],
			Households: hh[i],
			AreaKm2:    float64(area[i]) / 100,
		}
	}
	villageFlags(out, c, seed)
	villageNeighbours(out, c.Code, seed)
	return out
}

// genSplit splits total into len(w) whole parts proportional to w that sum
// to total exactly (largest remainders, ties to the lower index).
func genSplit(total int, w []float64) []int {
	sum := 0.0
	for _, x := range w {
		sum += x
	}
	out := make([]int, len(w))
	frac := make([]float64, len(w))
	left := total
	for i, x := range w {
		share := float64(total) * x / sum
		out[i] = int(math.Floor(share))
		frac[i] = share - float64(out[i])
		left -= out[i]
	}
	for ; left > 0; left-- {
		best := 0
		for i := range frac {
			if frac[i] > frac[best] {
				best = i
			}
		}
		out[best]++
		frac[best] = -1
	}
	return out
}
