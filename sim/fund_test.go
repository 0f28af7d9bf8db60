package sim

import (
	"slices"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// TestFundOnlyWherePostsAre checks that the fund metric counts a level's
// fund only when the scenario has titles at that level: a commune with no
// commune title (the world after the 2025 reform) adds nothing, although
// its fund series is still in the policy.
func TestFundOnlyWherePostsAre(t *testing.T) {
	const villages = 3
	tests := []struct {
		name      string
		communeUp bool // keep the commune titles
	}{
		{"commune and village titles", true},
		{"village titles only", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := testScenario(villages, 1)
			if !tt.communeUp {
				s.Titles = slices.DeleteFunc(s.Titles, func(x model.Title) bool { return x.Level == model.Commune })
				s.People = slices.DeleteFunc(s.People, func(p model.Person) bool { return p.Holdings[0].Unit == "C1" })
			}
			r := mustRun(t, Config{Years: 1, Runs: 1}, s)
			var want float64
			for i := range s.Units {
				u := &s.Units[i]
				var f model.Money
				var err error
				switch {
				case u.Level == model.Commune && tt.communeUp:
					f, err = s.Policy.CommuneFundFor(u, s.Date)
				case u.Level == model.Village:
					f, err = s.Policy.VillageFundFor(u, s.Date)
				}
				if err != nil {
					t.Fatal(err)
				}
				want += 12 * float64(f)
			}
			if got := r.Samples(Fund)[0][0]; got != want {
				t.Errorf("fund in year 1 = %.0f, want %.0f", got, want)
			}
		})
	}
}
