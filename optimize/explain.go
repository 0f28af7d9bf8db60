package optimize

// Reason is one rule in an explanation: for an infeasible pool, one of the
// smallest set of rules that together leave no plan; for a feasible one, a
// rule that keeps the headcount up.
type Reason struct {
	Kind   string   // machine-readable: no_eligible, workload, commune_cap, …
	Unit   string   // unit code, when the rule is about one unit
	Title  string   // title ID, when the rule is about one title
	People []string // person IDs involved
	Vi, En string   // the sentence a planner reads
}

// Text returns the reason in language lang: "vi" or "en".
func (r Reason) Text(lang string) string {
	if lang == "en" {
		return r.En
	}
	return r.Vi
}
