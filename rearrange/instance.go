package rearrange

import (
	"errors"
	"fmt"
	"slices"
)

// Limits of one commune, so that every objective fits an int64 exactly.
const (
	maxVillages   = 1000      // villages in one commune
	maxHouseholds = 1_000_000 // households of one village
)

// instance is a validated commune in index form.
type instance struct {
	c         *Commune
	opt       Options
	n, k      int
	h, f      []int
	mergeable []bool  // may absorb or be absorbed
	under     []bool  // below its own floor
	adj       [][]int // nil: no adjacency rule (any villages may merge)
	htot      int
	noImprove bool // a window of improve_ball.go: no improvement of its own
}

// ErrInput wraps every error about the commune or the options.
var ErrInput = errors.New("rearrange: bad input")

func inputErr(format string, a ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{ErrInput}, a...)...)
}

// newInstance validates c and opt.
func newInstance(c *Commune, opt Options) (*instance, error) {
	if opt.MaxMerge < 1 || opt.MaxMerge > MaxMergeLimit {
		return nil, inputErr("commune %s: options: max merge %d: want 1 to %d villages", c.Code, opt.MaxMerge, MaxMergeLimit)
	}
	if opt.Goal > Consolidation {
		return nil, inputErr("commune %s: options: unknown goal %d", c.Code, opt.Goal)
	}
	if opt.Exempt > ExemptStays {
		return nil, inputErr("commune %s: options: unknown exempt rule %d", c.Code, opt.Exempt)
	}
	if opt.MaxNodes < 0 || opt.TimeLimit < 0 {
		return nil, inputErr("commune %s: options: negative limit", c.Code)
	}
	n := len(c.Villages)
	if n > maxVillages {
		return nil, inputErr("commune %s: %d villages: want at most %d", c.Code, n, maxVillages)
	}
	in := &instance{c: c, opt: opt, n: n, k: opt.MaxMerge,
		h: make([]int, n), f: make([]int, n), mergeable: make([]bool, n), under: make([]bool, n)}
	index := make(map[string]int, n)
	for i, v := range c.Villages {
		if v.Code == "" {
			return nil, inputErr("commune %s: village %d: empty code", c.Code, i+1)
		}
		if j, dup := index[v.Code]; dup {
			return nil, inputErr("commune %s: village %s: code repeated (villages %d and %d)", c.Code, v.Code, j+1, i+1)
		}
		index[v.Code] = i
		if v.Households < 0 || v.Households > maxHouseholds {
			return nil, inputErr("commune %s: village %s: households %d: want 0 to %d", c.Code, v.Code, v.Households, maxHouseholds)
		}
		if v.Floor < 0 || v.Floor > maxHouseholds {
			return nil, inputErr("commune %s: village %s: floor %d: want 0 to %d", c.Code, v.Code, v.Floor, maxHouseholds)
		}
		in.h[i], in.f[i] = v.Households, v.Floor
		in.htot += v.Households
		in.under[i] = v.Households < v.Floor
		in.mergeable[i] = !(v.Exempt && opt.Exempt == ExemptStays)
	}
	if opt.Adjacency {
		adj, err := adjacency(c, index)
		if err != nil {
			return nil, err
		}
		in.adj = adj
	}
	return in, nil
}

// adjacency reads the neighbour lists as an undirected graph.
func adjacency(c *Commune, index map[string]int) ([][]int, error) {
	n := len(c.Villages)
	seen := make([]map[int]bool, n)
	adj := make([][]int, n)
	add := func(a, b int) {
		if seen[a] == nil {
			seen[a] = map[int]bool{}
		}
		if !seen[a][b] {
			seen[a][b] = true
			adj[a] = append(adj[a], b)
		}
	}
	for i, v := range c.Villages {
		for _, code := range v.Neighbours {
			j, ok := index[code]
			if !ok {
				return nil, inputErr("commune %s: village %s: neighbour %q is not a village of this commune", c.Code, v.Code, code)
			}
			if j == i {
				return nil, inputErr("commune %s: village %s: lists itself as a neighbour", c.Code, v.Code)
			}
			add(i, j)
			add(j, i)
		}
	}
	for i := range adj {
		slices.Sort(adj[i])
	}
	return adj, nil
}

// isKey reports whether the search branches on village i: under
// FewestMerges the mergeable villages below their floor, under
// Consolidation every mergeable village.
func (in *instance) isKey(i int) bool {
	if !in.mergeable[i] {
		return false
	}
	return in.opt.Goal == Consolidation || in.under[i]
}
