package synth

import (
	"math"
	"math/rand/v2"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// The sizes of the villages of a commune are log-normal: a village's share
// of the commune's households is proportional to exp(σ·z), z standard
// normal, so sizes are right-skewed (a few large villages, many smaller
// ones) with a median below the mean. σ is fitted to the published bands of
// [thonBands] for thôn and [tdpBands] for tổ dân phố.
//
// The fit: if log size is normal with median m and spread σ, the share
// below half the standard S and the share at or above S give
// ln(S/2) = ln m + σ·Φ⁻¹(low) and ln S = ln m + σ·Φ⁻¹(1 − full), so
// σ = ln 2 / (Φ⁻¹(1 − full) − Φ⁻¹(low)). The band edges are a factor of 2
// apart whatever the standard, so σ does not depend on the standard's
// value (which the sources do not restate). Nghệ An's hamlets give
// σ = 0.426 and Vinh's blocks σ = 0.398.
//
// The bands are of a whole province (or city), so they include differences
// between communes; the generator gives all thôn (or tổ dân phố) of a
// province the same mean size, so all of the spread is put within the
// commune. Assumption: the 2019 spread, measured before the 2019–2021
// mergers took away many of the smallest villages, may overstate today's;
// no "after" split of a whole province was found.

// thonSigma and tdpSigma are the fitted spreads of log village size.
var (
	thonSigma = villageSigma(thonBands)
	tdpSigma  = villageSigma(tdpBands)
)

// villageSigma is the log-normal σ through the two band edges of b.
func villageSigma(b villageBands) float64 {
	n := float64(b.Full + b.Half + b.Low)
	zLow := normQuantile(float64(b.Low) / n)
	zFull := normQuantile(1 - float64(b.Full)/n)
	return math.Ln2 / (zFull - zLow)
}

// normQuantile is the standard normal quantile function.
func normQuantile(p float64) float64 {
	return math.Sqrt2 * math.Erfinv(2*p-1)
}

// villageSigmaFor is the spread of log village size for villages of type ty.
func villageSigmaFor(ty model.UnitType) float64 {
	if ty == model.ToDanPho {
		return tdpSigma
	}
	return thonSigma
}

// villageWeights draws n log-normal size weights exp(σ·z).
func villageWeights(r *rand.Rand, n int, sigma float64) []float64 {
	w := make([]float64, n)
	for i := range w {
		w[i] = math.Exp(sigma * r.NormFloat64())
	}
	return w
}
