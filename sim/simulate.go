package sim

import (
	"cmp"
	"context"
	"sync"
	"sync/atomic"
)

// simulate runs the replications of w and summarises them. The world is
// simulated part by part (see split); each task is a run of replications
// of one part, and each worker adds its tasks' totals into its own sums,
// which are whole numbers and so add up exactly in any order.
func (w *world) simulate(ctx context.Context, cfg Config, report func(Progress)) (*Result, error) {
	res := &Result{
		Scenario: w.name, Start: w.start, Years: w.years, Runs: cfg.Runs, Seed: cfg.Seed,
		Replans: w.replans,
	}
	for d := range w.initial {
		if len(w.initial[d]) > 0 {
			res.InitialHeadcount++
		}
	}
	if len(w.epochs) > 0 {
		res.Seats = w.epochs[0].nLive
	}
	w.stride = w.seatStride()
	parts := w.split(cmp.Or(cfg.hooks.partPeople, partPeople))
	totalWeight := 0
	for i := range parts {
		parts[i].w.prepare()
		totalWeight += max(parts[i].weight, 1)
	}
	salt := uint64(0)
	if cfg.Independent {
		salt = hashString(w.name)
	}
	// Runs are cut into blocks so that a world of few parts still keeps
	// every worker busy.
	workers := max(cfg.Workers, 1)
	block := max(cfg.Runs*len(parts)/(8*workers), 1)
	block = min(block, cfg.Runs)
	type task struct{ part, from, to int }
	var tasks []task
	for pi := range parts {
		for k := 0; k < cfg.Runs; k += block {
			tasks = append(tasks, task{pi, k, min(k+block, cfg.Runs)})
		}
	}
	communes, _ := w.communeNumbers()
	report(Progress{Scenario: w.name, Stage: StageRun, Done: 0, Total: cfg.Runs})
	var next atomic.Int64
	var doneWeight atomic.Int64
	var reported atomic.Int64
	var wg sync.WaitGroup
	workers = min(workers, len(tasks))
	errs := make([]error, workers)
	sums := make([][numMetrics][]float64, workers)
	gapSums := make([][]int64, workers)
	for wi := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for m := range numMetrics {
				sums[wi][m] = make([]float64, cfg.Runs*w.years)
			}
			gapSums[wi] = make([]int64, len(communes)*w.years)
			for {
				ti := int(next.Add(1) - 1)
				if ti >= len(tasks) {
					return
				}
				t := tasks[ti]
				p := &parts[t.part]
				r := newRep(p.w)
				for k := t.from; k < t.to; k++ {
					if err := ctx.Err(); err != nil {
						errs[wi] = err
						return
					}
					r.run(mix(cfg.Seed, uint64(k), salt))
					for m := range numMetrics {
						s := sums[wi][m][k*w.years : (k+1)*w.years]
						for y, v := range r.out[m] {
							s[y] += v
						}
					}
					for lc, c := range p.communes {
						addInts(gapSums[wi][int(c)*w.years:int(c+1)*w.years], r.gap[lc*w.years:(lc+1)*w.years])
					}
					// Progress in replications: the share of the work done.
					done := int64(cfg.Runs) * doneWeight.Add(int64(max(p.weight, 1))) / int64(totalWeight*cfg.Runs)
					for old := reported.Load(); done > old; old = reported.Load() {
						if reported.CompareAndSwap(old, done) {
							report(Progress{Scenario: w.name, Stage: StageRun, Done: int(done), Total: cfg.Runs})
							break
						}
					}
				}
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	for m := range res.samples {
		res.samples[m] = make([]float64, cfg.Runs*w.years)
		for wi := range workers {
			for j, v := range sums[wi][m] {
				res.samples[m][j] += v
			}
		}
	}
	// The funds do not depend on chance: the same every replication.
	for y := range w.years {
		var fund float64
		for m := 12 * y; m < 12*y+12; m++ {
			fund += w.fundByMonth[m]
		}
		for k := range cfg.Runs {
			res.samples[Fund][k*w.years+y] = fund
		}
	}
	res.Gaps = make([]CommuneGap, len(communes))
	for c, u := range communes {
		g := CommuneGap{Commune: w.units[u].Code, Name: w.units[u].Name, Years: make([]float64, w.years)}
		for y := range w.years {
			var total int64
			for _, sums := range gapSums {
				total += sums[c*w.years+y]
			}
			g.Years[y] = float64(total) / float64(cfg.Runs)
		}
		res.Gaps[c] = g
	}
	return res, nil
}

// addInts adds src into dst element by element.
func addInts(dst, src []int64) {
	for j, v := range src {
		dst[j] += v
	}
}
