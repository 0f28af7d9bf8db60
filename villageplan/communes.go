package villageplan

import (
	"context"
	"fmt"
	"runtime"
	"sync"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/rearrange"
	"github.com/kiemnhiem/kiemnhiem/rearrange/check"
)

// Commune is one commune as the rearrangement solved it: its unit, the
// villages as the solver saw them (with their floors), the floor of each
// village and why, the options and the plan.
type Commune struct {
	Unit    *model.Unit
	Commune *rearrange.Commune
	Floors  []model.VillageFloor // one per Commune.Villages
	Options rearrange.Options
	Plan    *rearrange.Plan
}

// Communes builds, for every commune of s with villages, the villages with
// their floors on the plan date (Policy.VillageFloorFor), solves the
// communes in parallel and verifies every plan with rearrange/check. The
// result is in the order of the units, whatever the number of workers.
// With opt.Adjacency, a commune whose villages all carry a neighbour list
// merges only neighbours. A cancelled ctx returns an error that wraps
// ctx.Err().
func Communes(ctx context.Context, s *model.Scenario, opt Options) ([]Commune, error) {
	cs, err := communeVillages(s, opt)
	if err != nil {
		return nil, err
	}
	if err := solveCommunes(ctx, cs); err != nil {
		return nil, err
	}
	return cs, nil
}

// communeVillages lists the communes of s that have villages, in the
// order of the units, each with its villages and their floors.
func communeVillages(s *model.Scenario, opt Options) ([]Commune, error) {
	ix, err := model.NewIndex(s)
	if err != nil {
		return nil, err
	}
	var cs []Commune
	for i := range s.Units {
		u := &s.Units[i]
		if u.Level != model.Commune {
			continue
		}
		province := provinceOf(ix, u)
		c := Commune{Unit: u, Commune: &rearrange.Commune{Code: u.Code, Name: u.Name}, Options: opt.solver()}
		known := true
		for _, v := range ix.Children(u.Code) {
			if v.Level != model.Village {
				continue
			}
			f, err := s.Policy.VillageFloorFor(v, province, s.Date)
			if err != nil {
				return nil, fmt.Errorf("rearrange: village %s %q of commune %s: %w", v.Code, v.Name, u.Code, err)
			}
			c.Floors = append(c.Floors, f)
			c.Commune.Villages = append(c.Commune.Villages, rearrange.Village{Code: v.Code, Name: v.Name, Type: v.Type,
				Households: v.Households, Floor: f.Floor, Exempt: f.Exempt, Neighbours: v.Neighbours})
			known = known && v.Neighbours != nil
		}
		if len(c.Commune.Villages) == 0 {
			continue
		}
		c.Options.Adjacency = opt.Adjacency && known
		cs = append(cs, c)
	}
	return cs, nil
}

// provinceOf is the GSO code of the province that holds u ("" for none).
func provinceOf(ix *model.Index, u *model.Unit) string {
	for range 8 {
		if u.Level == model.Province {
			return u.Code
		}
		p, ok := ix.Unit(u.Parent)
		if !ok {
			return ""
		}
		u = p
	}
	return ""
}

// solveCommunes solves every commune of cs on GOMAXPROCS workers, each
// plan into its own slot, and verifies each plan.
func solveCommunes(ctx context.Context, cs []Commune) error {
	errs := make([]error, len(cs))
	next := make(chan int)
	var wg sync.WaitGroup
	for range max(1, min(runtime.GOMAXPROCS(0), len(cs))) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				errs[i] = solveCommune(ctx, &cs[i])
			}
		}()
	}
	for i := range cs {
		next <- i
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("rearrange: %w", err)
	}
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// solveCommune solves and checks one commune.
func solveCommune(ctx context.Context, c *Commune) error {
	p, err := rearrange.Solve(ctx, c.Commune, c.Options)
	if err != nil {
		return fmt.Errorf("rearrange: commune %s: %w", c.Unit.Code, err)
	}
	if err := check.Check(c.Commune, c.Options, p); err != nil {
		return fmt.Errorf("rearrange: the plan of commune %s fails the checker; this is a bug, please report it: %w", c.Unit.Code, err)
	}
	c.Plan = p
	return nil
}
