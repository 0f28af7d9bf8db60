package model

import "fmt"

// FormerCommuneWorker reports whether the roster records p as a former
// commune non-specialised worker placed in a village post.
func (p *Person) FormerCommuneWorker() bool { return !p.PlacedFromCommune.IsZero() }

// RegimeOf returns the regime of p when p leaves because the village is
// rearranged: the commune regime of NĐ 185/2026 Art. 19 when p was placed
// from a commune post within the transition window, else the streamlining
// regime of Art. 16(4). The window is on the placement date the roster
// records, not on the start of p's current title: a former commune worker
// placed in August 2025 and elected village head in 2026 is still covered.
func (r RearrangementSeveranceRule) RegimeOf(p *Person) SeveranceRegime {
	return r.Regime(p.PlacedFromCommune, p.FormerCommuneWorker())
}

// ReleasedRegimes names the regimes of the people released because their
// villages are rearranged: the streamlining regime, and how many of them
// get the commune-level regime of Art. 19 when any do.
func (r RearrangementSeveranceRule) ReleasedRegimes(released []*Person) Text {
	n := 0
	for _, p := range released {
		if r.RegimeOf(p) == RegimeCommune {
			n++
		}
	}
	t := RegimeVillage.Text()
	if n == 0 {
		return t
	}
	c := RegimeCommune.Text()
	return Text{Vi: fmt.Sprintf("%s; %d người theo %s", t.Vi, n, c.Vi), En: fmt.Sprintf("%s; %d of them %s", t.En, n, c.En)}
}
