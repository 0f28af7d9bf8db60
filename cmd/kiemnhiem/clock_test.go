package main

import (
	"bufio"
	"math/bits"
	"os"
	"strconv"
	"strings"
	"time"
)

// The project's machine is a virtual one whose host takes back a varying
// share of its two cores (CPU steal: up to 70 % in some minutes), so
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

// procStatTicks reads the machine's CPU ticks and the host's steal from
// /proc/stat. Zeros when unreadable.
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
	return parseProcStatCPU(sc.Text())
}

// parseProcStatCPU reads the aggregate "cpu" line of /proc/stat: the sum of
// its first eight fields and the steal field (the eighth). Zeros when the
// line is not one, or its ticks overflow.
func parseProcStatCPU(line string) (total, steal uint64) {
	fields := strings.Fields(line)
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
			var carry uint64
			if total, carry = bits.Add64(total, v, 0); carry != 0 {
				return 0, 0
			}
		}
		if i == 7 {
			steal = v
		}
	}
	return total, steal
}
