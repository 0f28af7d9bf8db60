package model

// VillageHeadRule is the village head's term under Decree 185/2026/NĐ-CP
// Art. 4: an elected term of TermMonths, and on the establishment or
// rearrangement of a village (or a vacancy) a provisional head appointed
// by the commune for at most ProvisionalMonths until an election. The
// simulator reads it to time the re-plan after a rearrangement.
type VillageHeadRule struct {
	TermMonths        int // 60
	ProvisionalMonths int // 6
}

// ProvisionalUntil returns the last day a provisional head appointed on d
// may serve: ProvisionalMonths later (d itself when the rule sets none).
func (r VillageHeadRule) ProvisionalUntil(d Date) Date {
	return d.AddMonths(r.ProvisionalMonths)
}
