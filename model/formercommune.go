package model

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
