package synth

import (
	"math"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/tables"
)

func TestVillageSigma(t *testing.T) {
	// Bands made from a log-normal of σ 0.5 and median 0.7 S: the fit must
	// give σ back.
	const sigma, median, n = 0.5, 0.7, 1e6
	low := n * normCDF(math.Log(0.5/median)/sigma)
	full := n * (1 - normCDF(math.Log(1/median)/sigma))
	made := villageBands{Full: int(math.Round(full)), Low: int(math.Round(low)), Half: int(n - math.Round(full) - math.Round(low))}
	for _, tc := range []struct {
		name string
		b    villageBands
		want float64
	}{
		{"Nghệ An hamlets", thonBands, 0.4257},
		{"Vinh blocks", tdpBands, 0.3979},
		{"made from σ 0.5", made, 0.5},
	} {
		if got := villageSigma(tc.b); math.Abs(got-tc.want) > 5e-4 {
			t.Errorf("%s: σ %.4f, want %.4f", tc.name, got, tc.want)
		}
	}
}

func normCDF(z float64) float64 { return 0.5 * math.Erfc(-z/math.Sqrt2) }

// TestVillageSizeSpread checks, over seeds, that the generated villages of
// a commune have the stated spread: the pooled within-commune variance of
// log households (n − 1 denominators) gives σ within 0.02 of thonSigma and
// tdpSigma; that sizes are right-skewed (skewness of households over the
// commune mean above 0.5; a log-normal of σ 0.4 has 1.3); and that the
// villages of every commune sum to its households and population.
func TestVillageSizeSpread(t *testing.T) {
	for seed := uint64(1); seed <= 4; seed++ {
		for _, tc := range []struct{ province, vintage string }{
			{"01", tables.VintagePreReform},
			{"42", tables.VintagePreReform},
			{"79", tables.VintagePostReform},
		} {
			cfg := Config{Province: tc.province, Vintage: tc.vintage, Seed: seed}
			units, err := Units(cfg)
			if err != nil {
				t.Fatal(err)
			}
			units = AddVillages(units, cfg)
			for ty, sp := range villageSpread(t, units) {
				want := villageSigmaFor(ty)
				if sp.villages < 300 {
					continue
				}
				if got := math.Sqrt(sp.ss / float64(sp.df)); math.Abs(got-want) > 0.02 {
					t.Errorf("seed %d, province %s (%s), %s: σ %.3f over %d villages, want %.3f ± 0.02", seed, tc.province, tc.vintage, ty, got, sp.villages, want)
				}
				if sk := sp.skewness(); sk < 0.5 {
					t.Errorf("seed %d, province %s (%s), %s: skewness %.2f", seed, tc.province, tc.vintage, ty, sk)
				}
			}
		}
	}
}

// spread accumulates the within-commune spread of village sizes.
type spread struct {
	ss           float64 // sum of squared deviations of log households from the commune's mean log
	df, villages int
	rel          []float64 // households over the commune's mean
}

func (s *spread) skewness() float64 {
	var m, m2, m3 float64
	for _, x := range s.rel {
		m += x
	}
	m /= float64(len(s.rel))
	for _, x := range s.rel {
		d := x - m
		m2 += d * d
		m3 += d * d * d
	}
	m2 /= float64(len(s.rel))
	m3 /= float64(len(s.rel))
	return m3 / math.Pow(m2, 1.5)
}

// villageSpread measures the spread of the villages of units by type, and
// checks the villages of each commune sum to it.
func villageSpread(t *testing.T, units []model.Unit) map[model.UnitType]*spread {
	t.Helper()
	byParent := map[string][]model.Unit{}
	for _, u := range units {
		if u.Level == model.Village {
			byParent[u.Parent] = append(byParent[u.Parent], u)
		}
	}
	out := map[model.UnitType]*spread{}
	for _, c := range units {
		if c.Level != model.Commune {
			continue
		}
		vs := byParent[c.Code]
		hh, pop := 0, 0
		var logs []float64
		for _, v := range vs {
			hh += v.Households
			pop += v.Population
			logs = append(logs, math.Log(float64(max(v.Households, 1))))
		}
		if hh != c.Households || pop != c.Population {
			t.Fatalf("commune %s: villages sum to %d households and %d people, commune has %d and %d", c.Code, hh, pop, c.Households, c.Population)
		}
		if len(vs) < 2 {
			continue
		}
		ty := vs[0].Type
		if out[ty] == nil {
			out[ty] = &spread{}
		}
		s := out[ty]
		mean := 0.0
		for _, l := range logs {
			mean += l
		}
		mean /= float64(len(logs))
		for i, l := range logs {
			s.ss += (l - mean) * (l - mean)
			s.rel = append(s.rel, float64(vs[i].Households)*float64(len(vs))/float64(hh))
		}
		s.df += len(vs) - 1
		s.villages += len(vs)
	}
	return out
}
