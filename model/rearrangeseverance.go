package model

// SeveranceRegime is the article of Decree 154/2025/NĐ-CP under which a
// village non-specialised worker who leaves because the village is
// rearranged is paid.
type SeveranceRegime uint8

// Severance regimes.
const (
	RegimeNone    SeveranceRegime = iota // no rearrangement rule in force
	RegimeVillage                        // NĐ 154/2025 Art. 10, by NĐ 185/2026 Art. 16(4)
	RegimeCommune                        // NĐ 154/2025 Art. 9, by the transition of NĐ 185/2026 Art. 19
)

var severanceRegimeNames = enumNames[SeveranceRegime]{{""}, {"village"}, {"commune"}}

func (r SeveranceRegime) String() string { return severanceRegimeNames.str(r) }

// Text names the regime and its legal basis.
func (r SeveranceRegime) Text() Text {
	switch r {
	case RegimeVillage:
		return Text{Vi: "chế độ tinh giản (NĐ 154/2025 Điều 10; NĐ 185/2026 Điều 16 khoản 4)",
			En: "the streamlining regime (NĐ 154/2025 Art. 10; NĐ 185/2026 Art. 16(4))"}
	case RegimeCommune:
		return Text{Vi: "chế độ người hoạt động không chuyên trách cấp xã (NĐ 154/2025 Điều 9; NĐ 185/2026 Điều 19)",
			En: "the commune-level regime (NĐ 154/2025 Art. 9; NĐ 185/2026 Art. 19)"}
	}
	return Text{Vi: "không có chế độ", En: "no regime"}
}

// RearrangementSeveranceRule says which regime pays a person who leaves
// because the village is rearranged (Decree 185/2026 Art. 16(4), Art. 19).
// The amount is the [SeveranceRule] in force (NĐ 154's formula, the same
// for Art. 9 and Art. 10 as far as the sources show); the regime is what a
// commune's dossier must state for each person.
type RearrangementSeveranceRule struct {
	// TransitionFrom and TransitionBefore bound the placements of Art. 19:
	// a former commune non-specialised worker placed in a village on a
	// date in [TransitionFrom, TransitionBefore) gets the commune regime.
	TransitionFrom, TransitionBefore Date
}

// Regime returns the regime of a person placed in the village post on
// placed; formerCommune says the person held a commune non-specialised
// post before (the village lists record it, not the model).
func (r RearrangementSeveranceRule) Regime(placed Date, formerCommune bool) SeveranceRegime {
	if formerCommune && !placed.IsZero() && placed >= r.TransitionFrom && placed < r.TransitionBefore {
		return RegimeCommune
	}
	return RegimeVillage
}
