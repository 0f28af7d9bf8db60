package report

import (
	"fmt"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/rearrange"
	"github.com/kiemnhiem/kiemnhiem/villageplan"
)

// DecidedPlan is what a summary of a decided plan (a commune's mapping
// priced by villageplan.FromMapping) adds: the rules it breaks, and the
// solver's optimum under the same options to compare it with.
type DecidedPlan struct {
	// Breaches are the rules the decided plan breaks, in the summary's
	// language (empty: none).
	Breaches []string `json:"breaches"`
	// Under is the villages (before) the decided plan leaves below their
	// floor; OptimumUnder the optimum's.
	Under int `json:"under"`
	// The optimum: villages after, merges, households moved, villages
	// below their floor, and the communes whose optimum is proven.
	OptimumVillagesAfter int `json:"optimum_villages_after"`
	OptimumMerges        int `json:"optimum_merges"`
	OptimumMoved         int `json:"optimum_households_moved"`
	OptimumUnder         int `json:"optimum_under"`
	OptimumProven        int `json:"optimum_communes_proven"`
	// Text says it in one sentence: "the decided plan merges 12 villages
	// where 9 would do …".
	Text string `json:"text"`
	// Differs lists the communes whose decided plan differs from the
	// optimum in merges, villages below their floor or households moved,
	// in the order of the communes.
	Differs []DecidedCommune `json:"differs"`
}

// DecidedCommune is one commune's decided plan against its optimum.
type DecidedCommune struct {
	Commune       string `json:"commune"`
	CommuneName   string `json:"commune_name"`
	Merges        int    `json:"merges"`
	OptimumMerges int    `json:"optimum_merges"`
	Under         int    `json:"under"`
	OptimumUnder  int    `json:"optimum_under"`
	Moved         int    `json:"households_moved"`
	OptimumMoved  int    `json:"optimum_households_moved"`
	// Text says it in the summary's language: "Phường Mỹ Sơn (42001): the
	// decided plan merges 3 villages where 4 would do, leaves 2 below …".
	Text string `json:"text"`
}

// decidedOf is the decided-plan part of r's summary sum, in lang; nil when
// r is the solver's plan. A decided plan's communes are not searched, so
// sum.Proven is set to 0 (the optimum's proof is OptimumProven).
func decidedOf(r *villageplan.Result, sum *RearrangeSummary, lang model.Lang) *DecidedPlan {
	if !r.Decided {
		return nil
	}
	d := &DecidedPlan{Breaches: []string{}, Differs: []DecidedCommune{}}
	for _, b := range r.Breaches {
		d.Breaches = append(d.Breaches, b.In(lang))
	}
	for i := range r.Communes {
		d.Under += r.Communes[i].Plan.Objective.Under
	}
	for i, p := range r.Optimal {
		if c := decidedCommune(&r.Communes[i], p, lang); c != nil {
			d.Differs = append(d.Differs, *c)
		}
		d.OptimumVillagesAfter += p.After
		d.OptimumMerges += p.Objective.Merges
		d.OptimumMoved += p.Objective.Disruption
		d.OptimumUnder += p.Objective.Under
		if p.Status == rearrange.Optimal {
			d.OptimumProven++
		}
	}
	sum.Proven = 0
	n := func(x int) string { return lang.Int(int64(x)) }
	d.Text = fmt.Sprintf(lang.Pick(
		"Phương án đã quyết định nhập %s thôn (còn %s thôn), để %s thôn dưới mức chuẩn, %s hộ đổi thôn; phương án tối ưu theo NĐ 185/2026 (cùng tối đa %d thôn nhập thành một) nhập %s thôn (còn %s thôn), để %s thôn dưới mức chuẩn, %s hộ đổi thôn; vi phạm quy tắc: %s",
		"The decided plan merges %s villages away (leaving %s), leaves %s below their floor and moves %s households; the NĐ 185/2026 optimum (at most %d into one as well) merges %s (leaving %s), leaves %s below their floor and moves %s households; rule breaches: %s"),
		n(sum.Merges), n(sum.VillagesAfter), n(d.Under), n(sum.HouseholdsMoved), sum.MaxMerge,
		n(d.OptimumMerges), n(d.OptimumVillagesAfter), n(d.OptimumUnder), n(d.OptimumMoved), n(len(d.Breaches)))
	return d
}

// decidedCommune is commune c's decided plan against its optimum p, in
// lang; nil when they agree on every level.
func decidedCommune(c *villageplan.Commune, p *rearrange.Plan, lang model.Lang) *DecidedCommune {
	o, q := c.Plan.Objective, p.Objective
	if o == q {
		return nil
	}
	n := func(x int) string { return lang.Int(int64(x)) }
	return &DecidedCommune{Commune: c.Unit.Code, CommuneName: c.Unit.Name, Merges: o.Merges, OptimumMerges: q.Merges,
		Under: o.Under, OptimumUnder: q.Under, Moved: o.Disruption, OptimumMoved: q.Disruption,
		Text: fmt.Sprintf(lang.Pick("%s (%s): phương án đã quyết định nhập %s thôn, để %s thôn dưới mức chuẩn, %s hộ đổi thôn; phương án tối ưu: %s, %s, %s",
			"%s (%s): the decided plan merges %s villages away, leaves %s below their floor and moves %s households; the optimum: %s, %s, %s"),
			c.Unit.Name, c.Unit.Code, n(o.Merges), n(o.Under), n(o.Disruption), n(q.Merges), n(q.Under), n(q.Disruption))}
}

// decidedClause is what the conclusion's sentence adds for a decided
// plan: "; the decided plan … (NĐ 185/2026 optimum …)"; "" otherwise.
func decidedClause(sum *RearrangeSummary, lang model.Lang) string {
	d := sum.Decided
	if d == nil {
		return ""
	}
	n := func(x int) string { return lang.Int(int64(x)) }
	return fmt.Sprintf(lang.Pick("; đây là phương án đã quyết định: phương án tối ưu theo NĐ 185/2026 nhập %s thôn, để %s thôn dưới mức chuẩn; vi phạm quy tắc: %s",
		"; this is the decided plan: the NĐ 185/2026 optimum merges %s and leaves %s below their floor; rule breaches: %s"),
		n(d.OptimumMerges), n(d.OptimumUnder), n(len(d.Breaches)))
}

// shownDecidedBreaches is how many breaches of a decided plan the page lists.
const shownDecidedBreaches = 20

// decidedNotes are the section's notes on the decided plans among cols:
// the comparison with the optimum and the breaches.
func decidedNotes(cols []rearrangeColumn, lang model.Lang) []string {
	var out []string
	for _, col := range cols {
		if col.Sum == nil || col.Sum.Decided == nil {
			continue
		}
		d := col.Sum.Decided
		out = append(out, col.Label+": "+d.Text+".")
		for i, b := range d.Breaches {
			if i == shownDecidedBreaches {
				out = append(out, fmt.Sprintf(lang.Pick("%s: … và %s vi phạm khác.", "%s: … and %s more breaches."), col.Label, lang.Int(int64(len(d.Breaches)-i))))
				break
			}
			out = append(out, col.Label+": "+b)
		}
	}
	return out
}
