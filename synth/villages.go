package synth

import (
	"fmt"
	"math"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// AddVillages returns units with synthetic villages added under every
// commune that has none: round(households / HouseholdsPerVillage) of them,
// at least one. Each village follows its commune in the result. A village
// of a xã or đặc khu is a thôn, of a phường or thị trấn a tổ dân phố; its
// code is the commune's code followed by "-01", "-02", …, its name "Thôn 1",
// "Tổ dân phố 2", …. The commune's households, population and area are split
// among its villages at random (each village's share of households and
// population is drawn uniformly from 0.5 to 1.5 times the mean, area
// independently so), summing exactly to the commune's (area to 0.01 km²).
// Villages inherit the commune's mountainous, border-island and
// key-security flags; they have no class. The split of one commune depends
// only on cfg.Seed and the commune's code.
func AddVillages(units []model.Unit, cfg Config) []model.Unit {
	hpv := cfg.HouseholdsPerVillage
	if hpv <= 0 {
		hpv = DefaultHouseholdsPerVillage
	}
	has := map[string]bool{}
	for i := range units {
		if units[i].Level == model.Village && units[i].Parent != "" {
			has[units[i].Parent] = true
		}
	}
	out := make([]model.Unit, 0, len(units)*5)
	for i := range units {
		u := &units[i]
		out = append(out, *u)
		if u.Level != model.Commune || has[u.Code] {
			continue
		}
		out = append(out, genVillages(u, hpv, cfg.Seed)...)
	}
	return out
}

// genVillages splits commune c into villages.
func genVillages(c *model.Unit, hpv int, seed uint64) []model.Unit {
	r := genStream(seed, "villages", c.Code)
	n := max(1, int(math.Round(float64(c.Households)/float64(hpv))))
	ty := model.Thon
	if c.Type == model.Phuong || c.Type == model.ThiTran {
		ty = model.ToDanPho
	}
	w := make([]float64, n)
	wa := make([]float64, n)
	for i := range w {
		w[i] = 0.5 + r.Float64()
		wa[i] = 0.5 + r.Float64()
	}
	hh := genSplit(c.Households, w)
	pop := genSplit(c.Population, w)
	area := genSplit(int(math.Round(c.AreaKm2*100)), wa)
	inherit := c.Flags & (model.Mountainous | model.BorderIsland | model.KeySecurity)
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
			Flags:      inherit,
		}
	}
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
