package rearrangebench

import (
	"context"
	"syscall"
	"testing"
	"time"

	"github.com/kiemnhiem/kiemnhiem/rearrange"
	"github.com/kiemnhiem/kiemnhiem/rearrange/check"
)

// Run times rearrange.Solve over communes, one after another on one
// goroutine, then checks every plan outside the timing and reports
// villages/s, CPU seconds per run (user + system: the machine is shared),
// the share of communes proven optimal, the villages, those below their
// floor before, the villages after, those left below their floor, and
// the process's peak resident memory.
func Run(b *testing.B, communes []*rearrange.Commune, opt rearrange.Options) {
	plans := make([]*rearrange.Plan, len(communes))
	cpu0, wall0 := cpuTime(), time.Now()
	for b.Loop() {
		for i, c := range communes {
			p, err := rearrange.Solve(context.Background(), c, opt)
			if err != nil {
				b.Fatal(err)
			}
			plans[i] = p
		}
	}
	cpu, wall := cpuTime()-cpu0, time.Since(wall0)
	proven, after, under, below, villages := 0, 0, 0, 0, 0
	for i, p := range plans {
		if err := check.Check(communes[i], opt, p); err != nil {
			b.Fatal(err)
		}
		if p.Status == rearrange.Optimal {
			proven++
		}
		after += p.After
		under += p.Objective.Under
		villages += len(communes[i].Villages)
		for _, v := range communes[i].Villages {
			if v.Households < v.Floor {
				below++
			}
		}
	}
	b.ReportMetric(float64(villages)*float64(b.N)/wall.Seconds(), "villages/s")
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
	b.ReportMetric(100*float64(proven)/float64(len(plans)), "%proven")
	b.ReportMetric(float64(villages), "villages")
	b.ReportMetric(float64(below), "below")
	b.ReportMetric(float64(after), "after")
	b.ReportMetric(float64(under), "under")
	b.ReportMetric(peakRSS(), "peak-GiB")
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func peakRSS() float64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return float64(ru.Maxrss) / (1 << 20) // KiB → GiB
}
