package sim

import (
	"context"
	"math"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// TestPoolDraw checks the candidate pools against their distribution:
// Poisson with mean residents/1000 × PerThousand, of which a Poisson
// PartyShare are party members, independently of the others. Means are
// checked within 5 standard errors and the variance of the pool (equal to
// its mean for a Poisson count) within 10 %, over many replications' draws.
func TestPoolDraw(t *testing.T) {
	for _, tc := range []struct {
		name       string
		perK, part float64
	}{
		{"few candidates", 0.5, 0.25},
		{"village", 5, 0.25},
		{"all party", 5, 1},
		{"no party", 5, 0},
		{"large mean", 1500, 0.4}, // 600 and 900: the normal approximation
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := testScenario(3, 1)
			rule := model.CandidateRule{PerThousand: tc.perK, PartyShare: tc.part, Accept: 0.15, Age: 30}
			s.Dynamics.Candidates = model.Const(model.MustDate("2019-01-01"), rule, "test")
			w, err := buildWorld(context.Background(), s, Config{Years: 1, Runs: 1}.withDefaults(s), func(Progress) {})
			if err != nil {
				t.Fatal(err)
			}
			w.prepare()
			r := newRep(w)
			const draws = 20000
			u := int32(1) // a village of 1,000 residents
			mean := float64(w.units[u].Population) / 1000 * tc.perK
			var sumN, sumN2, sumP, sumO, sumPO float64
			for k := range draws {
				r.reset(mix(1, uint64(k), 0))
				n, np := float64(r.pool(u, false)), float64(r.pool(u, true))
				no := n - np
				sumN += n
				sumN2 += n * n
				sumP += np
				sumO += no
				sumPO += np * no
			}
			mN, mP, mO := sumN/draws, sumP/draws, sumO/draws
			varN := sumN2/draws - mN*mN
			se := math.Sqrt(mean / draws)
			if math.Abs(mN-mean) > 5*se {
				t.Errorf("pool mean %.4f, want %.4f ± %.4f", mN, mean, 5*se)
			}
			wantP := mean * tc.part
			if math.Abs(mP-wantP) > 5*math.Sqrt(wantP/draws)+1e-12 {
				t.Errorf("party mean %.4f, want %.4f", mP, wantP)
			}
			if math.Abs(varN-mean) > 0.1*mean {
				t.Errorf("pool variance %.4f, want %.4f (Poisson)", varN, mean)
			}
			// Independent counts: their covariance is 0, within 5 standard
			// errors of the product of two independent Poisson counts.
			cov := sumPO/draws - mP*mO
			if seCov := math.Sqrt(mP * mO / draws); math.Abs(cov) > 5*seCov+1e-12 {
				t.Errorf("party and other candidates covary: %.4f (± %.4f)", cov, 5*seCov)
			}
		})
	}
}
