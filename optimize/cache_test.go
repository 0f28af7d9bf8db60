package optimize

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"sync"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// A caching Assigner re-solving a scenario, unchanged or changed in any
// input a pool's plan depends on, returns exactly the plan a fresh Solve
// gives; pools the change leaves alone come from the cache.
func TestAssignerCacheMatchesFreshSolve(t *testing.T) {
	size := sizeSmall
	size.communes = 4
	tests := []struct {
		name   string
		change func(s *model.Scenario)
		// allHit: every pool of the changed scenario is one solved before.
		allHit bool
	}{
		{"unchanged", func(*model.Scenario) {}, true},
		{"renamed scenario", func(s *model.Scenario) { s.Name += " again" }, true},
		{"heavier workloads", func(s *model.Scenario) {
			for i := range s.Titles {
				s.Titles[i].Workload.Base *= 1.25
			}
		}, false},
		{"households grow", func(s *model.Scenario) {
			for i := range s.Units {
				s.Units[i].Households = s.Units[i].Households*3/2 + 100
			}
		}, false},
		{"terms end", func(s *model.Scenario) {
			for i := range s.People {
				for k := range s.People[i].Holdings {
					s.People[i].Holdings[k].TermEnd = s.Date
				}
			}
		}, false},
		{"first person leaves", func(s *model.Scenario) { s.People = s.People[1:] }, false},
		{"first person loses capacity", func(s *model.Scenario) { s.People[0].Capacity /= 2 }, false},
		{"first person renamed", func(s *model.Scenario) { s.People[0].ID += "-x" }, false},
		{"first person moves title", func(s *model.Scenario) {
			if h := s.People[0].Holdings; len(h) > 0 {
				h[0].Main = !h[0].Main
			}
		}, false},
		{"base salary doubles", func(s *model.Scenario) {
			s.Policy.BaseSalary = model.Const(model.MustDate("2000-01-01"), model.Money(3_600_000), "test")
		}, false},
		{"one title per person", func(s *model.Scenario) {
			s.Policy.MaxTitlesPerPerson = model.Const(model.MustDate("2000-01-01"), 1, "test")
		}, false},
		{"titles renamed", func(s *model.Scenario) {
			for i := range s.Titles {
				s.Titles[i].ID += "-x"
			}
			for i := range s.People {
				for k := range s.People[i].Holdings {
					s.People[i].Holdings[k].Title += "-x"
				}
			}
			if pairs := s.Policy.Combination; len(pairs) > 0 {
				s.Policy.Combination = slices.Clone(pairs)
				for k := range s.Policy.Combination {
					r := &s.Policy.Combination[k].Value
					r.Pairs = slices.Clone(r.Pairs)
					for j := range r.Pairs {
						r.Pairs[j] = [2]string{r.Pairs[j][0] + "-x", r.Pairs[j][1] + "-x"}
					}
				}
			}
		}, false},
		{"a concurrent holding dropped", func(s *model.Scenario) {
			// Someone's title that no term fixes: only what they hold today
			// changes.
			for i := range s.People {
				for k, h := range s.People[i].Holdings {
					if !h.Main && h.TermEnd <= s.Date {
						s.People[i].Holdings = slices.Delete(s.People[i].Holdings, k, k+1)
						return
					}
				}
			}
		}, false},
		{"first combination pair dropped", func(s *model.Scenario) {
			s.Policy.Combination = slices.Clone(s.Policy.Combination)
			for k := range s.Policy.Combination {
				r := &s.Policy.Combination[k].Value
				if len(r.Pairs) > 0 {
					r.Pairs = slices.Clone(r.Pairs[1:])
				}
			}
		}, false},
		{"combination mode flipped", func(s *model.Scenario) {
			s.Policy.Combination = slices.Clone(s.Policy.Combination)
			for k := range s.Policy.Combination {
				r := &s.Policy.Combination[k].Value
				switch r.Mode {
				case model.AllowedPairs:
					r.Mode = model.ForbiddenPairs
				case model.ForbiddenPairs:
					r.Mode = model.AllowedPairs
				}
			}
		}, false},
		{"a combination pair replaced", func(s *model.Scenario) {
			s.Policy.Combination = slices.Clone(s.Policy.Combination)
			for k := range s.Policy.Combination {
				r := &s.Policy.Combination[k].Value
				r.Pairs = slices.Clone(r.Pairs)
				for j := range r.Pairs {
					// Each pair's titles become the next titles in the list.
					for side := range 2 {
						for i := range s.Titles {
							if s.Titles[i].ID == r.Pairs[j][side] {
								r.Pairs[j][side] = s.Titles[(i+1)%len(s.Titles)].ID
								break
							}
						}
					}
				}
			}
		}, false},
		{"concurrent titles paid less", func(s *model.Scenario) {
			s.Policy.ConcurrencyRate = model.Const(model.MustDate("2000-01-01"), 0.1, "test")
		}, false},
		{"recruits cost more", func(s *model.Scenario) {
			s.Policy.Recruitment = slices.Clone(s.Policy.Recruitment)
			for k := range s.Policy.Recruitment {
				s.Policy.Recruitment[k].Value.Cost += 50_000_000
			}
		}, false},
		{"caps one lower", func(s *model.Scenario) {
			s.Policy.CommuneCap = slices.Clone(s.Policy.CommuneCap)
			for k := range s.Policy.CommuneCap {
				c := &s.Policy.CommuneCap[k].Value
				c.I, c.II, c.III = max(c.I-1, 0), max(c.II-1, 0), max(c.III-1, 0)
			}
			s.Policy.VillageCap = slices.Clone(s.Policy.VillageCap)
			for k := range s.Policy.VillageCap {
				s.Policy.VillageCap[k].Value = max(s.Policy.VillageCap[k].Value-1, 1)
			}
		}, false},
		{"funds smaller", func(s *model.Scenario) {
			s.Policy.CommuneFund = slices.Clone(s.Policy.CommuneFund)
			for k := range s.Policy.CommuneFund {
				c := &s.Policy.CommuneFund[k].Value
				c.I, c.II, c.III = c.I*0.9, c.II*0.9, c.III*0.9
			}
			s.Policy.VillageFund = slices.Clone(s.Policy.VillageFund)
			for k := range s.Policy.VillageFund {
				s.Policy.VillageFund[k].Value.Standard *= 0.9
			}
		}, false},
		{"everyone moves one village on", func(s *model.Scenario) {
			var villages []string
			for _, u := range s.Units {
				if u.Level == model.Village {
					villages = append(villages, u.Code)
				}
			}
			for i := range s.People {
				if k := slices.Index(villages, s.People[i].Residence); k >= 0 {
					s.People[i].Residence = villages[(k+1)%len(villages)]
				}
			}
		}, false},
		{"units renamed", func(s *model.Scenario) {
			rename := func(code string) string {
				if code == "" || code == s.Units[0].Code {
					return code // the province keeps its code
				}
				return code + "x"
			}
			for i := range s.Units {
				s.Units[i].Code, s.Units[i].Parent = rename(s.Units[i].Code), rename(s.Units[i].Parent)
			}
			for i := range s.People {
				s.People[i].Residence = rename(s.People[i].Residence)
				for k := range s.People[i].Holdings {
					s.People[i].Holdings[k].Unit = rename(s.People[i].Holdings[k].Unit)
				}
			}
		}, false},
		{"a year later", func(s *model.Scenario) { s.Date = s.Date.AddMonths(12) }, false},
	}
	for seed := uint64(1); seed <= 12; seed++ {
		base := randomScenario(seeded(seed), size)
		if seed%3 == 0 {
			// Any pair of titles: the titles' IDs matter only in the plan.
			base.Policy.Combination = model.Const(model.MustDate("2000-01-01"), model.CombinationRule{Mode: model.AnyPair}, "test")
		}
		for _, tc := range tests {
			t.Run(fmt.Sprintf("seed %d/%s", seed, tc.name), func(t *testing.T) {
				a := NewAssigner(nil)
				first, err := a.Assign(context.Background(), base.Clone())
				if err != nil {
					t.Fatal(err)
				}
				if fresh := mustSolve(t, base); !reflect.DeepEqual(first, fresh) {
					t.Fatalf("first plan differs from Solve's:\n%v\n%v", first, fresh)
				}
				before := a.CacheStats()
				changed := base.Clone()
				tc.change(changed)
				got, err := a.Assign(context.Background(), changed)
				if err != nil {
					t.Fatal(err)
				}
				if want := mustSolve(t, changed); !reflect.DeepEqual(got, want) {
					t.Fatalf("cached re-solve differs from a fresh solve:\n got %v\nwant %v", got, want)
				}
				st := a.CacheStats()
				if hits, misses := st.Hits-before.Hits, st.Misses-before.Misses; tc.allHit && (misses != 0 || hits == 0) {
					t.Errorf("unchanged pools: %d hits, %d misses; want only hits", hits, misses)
				}
			})
		}
	}
}

// mustSolve is the plan a fresh Solve gives s.
func mustSolve(t *testing.T, s *model.Scenario) model.Plan {
	t.Helper()
	res, err := Solve(context.Background(), &Problem{Scenario: s}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return res.Plan
}

// One caching Assigner serves several goroutines at once (run with -race),
// each getting Solve's plan.
func TestAssignerCacheConcurrent(t *testing.T) {
	size := sizeSmall
	size.communes = 3
	var scs []*model.Scenario
	var want []model.Plan
	for seed := uint64(1); seed <= 6; seed++ {
		s := randomScenario(seeded(seed), size)
		scs = append(scs, s)
		want = append(want, mustSolve(t, s))
	}
	a := NewAssigner(&Settings{Workers: 2})
	var wg sync.WaitGroup
	errs := make(chan error, 4*len(scs))
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range scs {
				i := (k + g) % len(scs)
				got, err := a.Assign(context.Background(), scs[i])
				if err != nil {
					errs <- err
					return
				}
				if !reflect.DeepEqual(got, want[i]) {
					errs <- fmt.Errorf("scenario %d: plan differs from Solve's", i)
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if st := a.CacheStats(); st.Hits == 0 {
		t.Errorf("no pool came from the cache: %+v", st)
	}
}

// The cache keeps within its byte limit, forgetting the least recently
// used pools first.
func TestPlanCacheLimit(t *testing.T) {
	c := newPlanCache(3 * (8 + 320)) // three entries of 8-byte keys and no plan
	key := func(i int) []byte { return fmt.Appendf(nil, "pool%04d", i) }
	for i := range 3 {
		c.put(key(i), poolOutcome{titles: i})
	}
	if _, ok := c.get(key(0)); !ok { // now the most recently used
		t.Fatal("pool 0 forgotten too early")
	}
	c.put(key(3), poolOutcome{titles: 3})
	if _, ok := c.get(key(1)); ok {
		t.Error("pool 1, the least recently used, was kept beyond the limit")
	}
	for _, i := range []int{0, 2, 3} {
		if o, ok := c.get(key(i)); !ok || o.titles != i {
			t.Errorf("pool %d: got %v, %v", i, o.titles, ok)
		}
	}
	if st := c.stats(); st.Bytes > c.limit || st.Pools != 3 {
		t.Errorf("stats %+v, limit %d", st, c.limit)
	}
}

// The cache forgets pools no call used in its last cacheCalls calls.
func TestPlanCacheCalls(t *testing.T) {
	c := newPlanCache(1 << 20)
	c.begin()
	c.put([]byte("kept"), poolOutcome{titles: 1})
	c.put([]byte("dropped"), poolOutcome{titles: 2})
	for range cacheCalls - 1 {
		c.begin()
		if _, ok := c.get([]byte("kept")); !ok {
			t.Fatal("a pool used in every call was forgotten")
		}
	}
	if _, ok := c.get([]byte("dropped")); !ok {
		t.Fatalf("a pool put %d calls ago was forgotten", cacheCalls-1)
	}
	for range cacheCalls {
		c.begin()
	}
	c.begin()
	if st := c.stats(); st.Pools != 0 || st.Bytes != 0 {
		t.Errorf("after %d calls without use: %+v, want nothing kept", cacheCalls+1, st)
	}
}
