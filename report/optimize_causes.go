package report

import (
	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/optimize"
)

// CauseSummary is one cause of the communes with no plan: a rule their
// explanations name, and the least change of it that gives them a plan
// (optimize.Cause).
type CauseSummary struct {
	Rule string `json:"rule"`
	// Named communes name the rule; Fixed of them get a plan from the
	// change; Units counts what it touches (villages, holders, pins).
	Named int `json:"named"`
	Fixed int `json:"fixed"`
	Units int `json:"units"`
	// From, Least and Most are a numeric rule's value in force and the
	// least values with a plan (Most gives every fixed commune a plan).
	From     int64    `json:"from,omitempty"`
	Least    int64    `json:"least,omitempty"`
	Most     int64    `json:"most,omitempty"`
	Text     string   `json:"text"`
	Communes []string `json:"communes"`
}

// PinEffectSummary says what one pin or forbid changes (optimize.PinEffect).
type PinEffectSummary struct {
	Kind     string `json:"kind"` // pin or forbid
	Pin      string `json:"pin"`  // PERSON:TITLE@UNIT
	NoEffect bool   `json:"no_effect"`
	Text     string `json:"text"`
}

// addCauses fills the summary's causes, each infeasible commune's fixes
// and the effects of the pins and forbids, in lang.
func addCauses(sum *OptimizeSummary, res *optimize.Result, lang model.Lang) {
	fixes := map[string][]string{}
	for _, p := range res.Pools {
		for _, f := range p.Fixes {
			fixes[p.Commune] = append(fixes[p.Commune], f.Text(lang))
		}
		for _, e := range p.Pins {
			sum.PinEffects = append(sum.PinEffects, PinEffectSummary{Kind: e.Kind.String(), Pin: e.Pin.String(), NoEffect: e.NoEffect, Text: e.Text(lang)})
		}
	}
	for i := range sum.InfeasiblePools {
		sum.InfeasiblePools[i].Fixes = fixes[sum.InfeasiblePools[i].Commune]
	}
	causes, unfixed := res.Causes()
	for _, c := range causes {
		sum.Causes = append(sum.Causes, CauseSummary{Rule: c.Kind.String(), Named: len(c.Named), Fixed: len(c.Fixed), Units: c.Units,
			From: c.From, Least: c.Least, Most: c.Most, Text: c.Text(lang), Communes: c.Named})
	}
	sum.Unfixed = unfixed
}
