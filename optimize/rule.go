package optimize

import (
	"fmt"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// Rule names a rule of the problem, or a note about one, as explanations
// (Reason.Kind) and the independent checker (package optimize/check) report
// it. Its String is the stable key JSON and text show: "village_cap", ….
//
// The rules the pool builder enforces, an explanation can name and a
// what-if can relax come first; then the rules a plan meets by
// construction, which only the checker reports; then the notes of
// explanations that are not rules.
type Rule uint8

const (
	RuleRequirement Rule = iota + 1 // one eligibility requirement of one title
	RuleMaxTitles                   // most titles per person
	RuleCombination                 // which titles may be combined
	RuleWorkload                    // weekly hours within capacity
	RuleCommuneCap                  // distinct people per commune
	RuleVillageCap                  // distinct people per village
	RuleCommuneFund                 // allowance spending within the commune fund
	RuleVillageFund                 // allowance spending within a village fund
	RuleTerms                       // an elected holder keeps the title until the term ends
	RuleRecruitment                 // no more recruits than the policy allows
	RulePin                         // a planner's pin
	RuleForbid                      // a planner's forbid
	// RulePinOutside is a pin on someone who cannot serve in the pool
	// (retired, or serving another commune). Reasons and violations about
	// it are reported as RulePin.
	RulePinOutside

	// Rules a plan meets by construction; only the checker reports them.
	RuleCoverage    // every slot has exactly the holders it needs
	RuleDuplicate   // a person holds a slot, and a title ID, at most once
	RuleCandidate   // a holder may serve in the unit: home commune, not retired, an allowed recruit
	RuleEligibility // the title's requirements are met (the checker's name for RuleRequirement)

	// Notes of explanations.
	RuleNoEligible // a title has fewer eligible candidates than holders
	RuleNotMinimal // the conflict set is not proven smallest
	RuleNoPlan     // no plan exists even with every rule relaxed

	numRules // one past the last Rule
)

// ruleKeys are the stable keys of the rules, in Rule order.
var ruleKeys = [numRules]string{
	RuleRequirement: "requirement",
	RuleMaxTitles:   "max_titles",
	RuleCombination: "combination",
	RuleWorkload:    "workload",
	RuleCommuneCap:  "commune_cap",
	RuleVillageCap:  "village_cap",
	RuleCommuneFund: "commune_fund",
	RuleVillageFund: "village_fund",
	RuleTerms:       "terms",
	RuleRecruitment: "recruitment",
	RulePin:         "pin",
	RuleForbid:      "forbid",
	RulePinOutside:  "pin_outside",
	RuleCoverage:    "coverage",
	RuleDuplicate:   "duplicate",
	RuleCandidate:   "candidate",
	RuleEligibility: "eligibility",
	RuleNoEligible:  "no_eligible",
	RuleNotMinimal:  "not_minimal",
	RuleNoPlan:      "no_plan",
}

// String returns the rule's stable key, such as "village_cap".
func (r Rule) String() string {
	if r < numRules && ruleKeys[r] != "" {
		return ruleKeys[r]
	}
	return fmt.Sprintf("Rule(%d)", uint8(r))
}

// MarshalText writes the stable key, so that JSON shows a string.
func (r Rule) MarshalText() ([]byte, error) {
	if r == 0 || r >= numRules {
		return nil, fmt.Errorf("optimize: invalid rule %d", uint8(r))
	}
	return []byte(r.String()), nil
}

// UnmarshalText reads a stable key.
func (r *Rule) UnmarshalText(b []byte) error {
	for k := Rule(1); k < numRules; k++ {
		if ruleKeys[k] == string(b) {
			*r = k
			return nil
		}
	}
	return fmt.Errorf("optimize: unknown rule %q", b)
}

// relaxable reports whether the pool builder records instances of r that
// an explanation can name and a what-if can relax.
func (r Rule) relaxable() bool { return r >= RuleRequirement && r <= RulePinOutside }

// rule is one relaxable rule instance of a pool. Fields not used by a kind
// are -1; build instances with the constructors below only, so that equal
// rules compare equal as map keys.
type rule struct {
	kind  Rule
	req   model.Requirement
	title int // index in pool.titles
	unit  int // index in pool.units
	cand  int // index in pool.cands
	slot  int // index in pool.slots
}

// anyRule is rule k for the whole pool: max titles, combination, workload.
func anyRule(k Rule) rule { return rule{kind: k, title: -1, unit: -1, cand: -1, slot: -1} }

// unitRule is rule k for unit ui: a cap, a fund (0 is the commune) or
// recruitment.
func unitRule(k Rule, ui int) rule { return rule{kind: k, title: -1, unit: ui, cand: -1, slot: -1} }

// requirementRule is requirement q of title ti, in every unit and for
// every candidate.
func requirementRule(q model.Requirement, ti int) rule {
	return rule{kind: RuleRequirement, req: q, title: ti, unit: -1, cand: -1, slot: -1}
}

// holdingRule is rule k (terms, a pin, a forbid) on candidate ci holding
// slot si; for RulePinOutside ci is the pin's index in Problem.Pins.
func holdingRule(k Rule, ci, si int) rule {
	return rule{kind: k, title: -1, unit: -1, cand: ci, slot: si}
}
