package optimize

// What the external tests (rule_test.go) query of the package's internals.

// NumRules is one past the last Rule.
const NumRules = numRules

// Relaxable reports whether the pool builder records instances of r.
func (r Rule) Relaxable() bool { return r.relaxable() }

// PoolRuleKinds builds the pools of p and returns the kinds of the rule
// instances they record.
func PoolRuleKinds(p *Problem) (map[Rule]bool, error) {
	pools, err := buildPools(p, nil)
	if err != nil {
		return nil, err
	}
	kinds := map[Rule]bool{}
	for _, pl := range pools {
		for _, r := range pl.rules {
			kinds[r.kind] = true
		}
	}
	return kinds, nil
}

// CacheKeys returns the cache key of every pool of p under the default
// settings, as the Assigner's cache computes it.
func CacheKeys(p *Problem) ([]string, error) {
	b, specs, err := planPools(p, nil)
	if err != nil {
		return nil, err
	}
	set := (*Settings)(nil).orDefault()
	shared := b.sharedKey(&set)
	var keys []string
	for _, sp := range specs {
		pl := b.pool(sp.commune, sp.people, nil)
		keys = append(keys, string(pl.appendKey(append([]byte(nil), shared...))))
	}
	return keys, nil
}

// ExplainCoverage says how explanations handle kind r: whether a reason is
// rendered for it, whether the deletion filter tries to drop it, whether
// the binding analysis tries it (or why not), and whether reasons of kind
// r have a rank in a unit.
func ExplainCoverage(r Rule) (rendered, filtered, binding bool, notBindingWhy string, ranked bool) {
	_, rendered = renderers[r]
	for _, k := range filterOrder {
		filtered = filtered || k == r
	}
	for _, f := range bindingFamilies {
		binding = binding || f.kind == r
	}
	_, ranked = kindRank[r]
	return rendered, filtered, binding, notBinding[r], ranked
}

// LPRowStem is lpRowStem, with a panic turned into ok = false.
func LPRowStem(r Rule) (stem string, ok bool) {
	defer func() {
		if recover() != nil {
			stem, ok = "", false
		}
	}()
	return lpRowStem(r), true
}
