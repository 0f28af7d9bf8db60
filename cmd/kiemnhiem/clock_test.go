package main

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"time"
)

// This machine is a virtual one whose host takes back a varying share of
// its two cores (CPU steal: up to 70 % in some minutes of session 7), so
// wall-clock figures alone swing from hour to hour. The benchmarks
// therefore also report the process's CPU time and the share of the
// machine's time the hypervisor stole while they ran.

// clockSample is the machine at one instant.
type clockSample struct {
	wall time.Time
	cpu  time.Duration // this process, user + system; 0 where unknown
	// The machine's CPU ticks since boot and those stolen by the host,
	// from /proc/stat (Linux); 0 where unknown.
	ticks, steal uint64
}

func takeClockSample() clockSample {
	s := clockSample{wall: time.Now(), cpu: processCPU()}
	s.ticks, s.steal = procStatTicks()
	return s
}

// clockSpan sums what the machine did over intervals.
type clockSpan struct {
	wall, cpu    time.Duration
	ticks, steal uint64
}

func (c *clockSpan) add(from, to clockSample) {
	c.wall += to.wall.Sub(from.wall)
	c.cpu += to.cpu - from.cpu
	if from.ticks > 0 && to.ticks > from.ticks {
		c.ticks += to.ticks - from.ticks
		c.steal += to.steal - from.steal
	}
}

func (c clockSpan) plus(d clockSpan) clockSpan {
	return clockSpan{c.wall + d.wall, c.cpu + d.cpu, c.ticks + d.ticks, c.steal + d.steal}
}

// stealPercent is the share of the machine's CPU time the host took, or
// -1 where the machine does not say.
func (c clockSpan) stealPercent() float64 {
	if c.ticks == 0 {
		return -1
	}
	return 100 * float64(c.steal) / float64(c.ticks)
}

// procStatTicks reads the aggregate "cpu" line of /proc/stat: the sum of
// its fields and the steal field (the eighth). Zeros when unreadable.
func procStatTicks() (total, steal uint64) {
	f, err := os.Open("/proc/stat")
	if err != nil {
		return 0, 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	if !sc.Scan() {
		return 0, 0
	}
	fields := strings.Fields(sc.Text())
	if len(fields) < 9 || fields[0] != "cpu" {
		return 0, 0
	}
	for i, f := range fields[1:] {
		v, err := strconv.ParseUint(f, 10, 64)
		if err != nil {
			return 0, 0
		}
		// guest and guest_nice (fields 9 and 10) are already counted in
		// user and nice.
		if i < 8 {
			total += v
		}
		if i == 7 {
			steal = v
		}
	}
	return total, steal
}
