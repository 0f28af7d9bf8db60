package scenarios

import (
	"reflect"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// FuzzMergerRules loads a mapping merger whose rules are arbitrary YAML:
// the loader never panics, a loaded merger's rules are within their
// ranges, and show writes them so that they load back the same.
func FuzzMergerRules(f *testing.F) {
	for _, seed := range []string{
		"{}", "{max_merge: 4}", "{max_merge: 0}", "{max_merge: 9}", "{max_merge: three}",
		"{goal: consolidation, adjacency: OFF}", "{goal: most}", "{adjacency: yes}", "{k: 2}", "[3]", "null",
		"{max_merge: 99999999999999999999}", "{max_merge: 2.5}", "{goal: [a]}", "&a {max_merge: *a}", "\"\"",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, rules string) {
		src := "extends: nd33-2023\ndynamics:\n  mergers:\n    - {date: 2027-01-01, mapping: m.csv, source: x, rules: " + rules + "}\n"
		s, err := LoadBytes("f.yaml", "", []byte(src))
		if err != nil {
			return
		}
		if len(s.Dynamics.Mergers) != 1 {
			t.Fatalf("%q: %d mergers", rules, len(s.Dynamics.Mergers))
		}
		r := s.Dynamics.Mergers[0].DecidedRules()
		if r.MaxMerge < 1 || r.MaxMerge > model.MaxMergeLimit || (r.Goal != model.GoalFewestMerges && r.Goal != model.GoalConsolidation) {
			t.Fatalf("%q: loaded rules %+v", rules, r)
		}
		out, err := s.YAML()
		if err != nil {
			t.Fatal(err)
		}
		again, err := LoadBytes("again.yaml", "", out)
		if err != nil {
			t.Fatalf("%q: shown scenario does not load back: %v", rules, err)
		}
		if !reflect.DeepEqual(again.Dynamics.Mergers, s.Dynamics.Mergers) {
			t.Fatalf("%q: mergers after show = %+v, want %+v", rules, again.Dynamics.Mergers, s.Dynamics.Mergers)
		}
	})
}
