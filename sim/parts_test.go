package sim

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"sync"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// communesScenario joins k test communes of different sizes (n, n+1, …
// villages) into one scenario.
func communesScenario(k, n int, seed uint64) *model.Scenario {
	var s *model.Scenario
	for c := range k {
		one := testScenario(n+c, seed+uint64(c))
		pre := fmt.Sprintf("X%d-", c)
		for i := range one.Units {
			one.Units[i].Code = pre + one.Units[i].Code
			if one.Units[i].Parent != "" {
				one.Units[i].Parent = pre + one.Units[i].Parent
			}
		}
		for i := range one.People {
			p := &one.People[i]
			p.ID, p.Residence = pre+p.ID, pre+p.Residence
			for j := range p.Holdings {
				p.Holdings[j].Unit = pre + p.Holdings[j].Unit
			}
		}
		if s == nil {
			s = one
			continue
		}
		s.Units = append(s.Units, one.Units...)
		s.People = append(s.People, one.People...)
	}
	return s
}

// TestPartsAddUp checks that simulating the world part by part gives bit
// for bit what one pass over it gives, however finely it is cut: the
// events of a part must not depend on the others.
func TestPartsAddUp(t *testing.T) {
	s := communesScenario(6, 4, 3)
	defer func(n int) { partPeople = n }(partPeople)
	run := func(target, workers int) *Result {
		partPeople = target
		r, err := Config{Years: 6, Runs: 40, Seed: 11, Workers: workers, Assigner: combineAssigner}.Run(context.Background(), s)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	whole := run(1<<30, 1)
	if whole.Metrics[ExitsResignation].Years[0].P50 == 0 || whole.Metrics[ExitsReleased].Years[0].P95 == 0 {
		t.Fatal("the scenario has no resignations or releases: the test would prove little")
	}
	for _, tc := range []struct{ target, workers int }{{1, 1}, {1, 3}, {20, 2}, {100, 2}} {
		got := run(tc.target, tc.workers)
		if !reflect.DeepEqual(got.samples, whole.samples) {
			t.Errorf("parts of %d people, %d workers: samples differ from one part", tc.target, tc.workers)
		}
		if !reflect.DeepEqual(got.Gaps, whole.Gaps) {
			t.Errorf("parts of %d people, %d workers: gaps differ from one part", tc.target, tc.workers)
		}
	}
}

// TestSplitKeepsEveryone checks that the parts hold every seat and every
// person who ever holds one, each once.
func TestSplitKeepsEveryone(t *testing.T) {
	s := communesScenario(6, 4, 3)
	w, err := buildWorld(context.Background(), s, Config{Years: 6, Runs: 1, Assigner: combineAssigner}.withDefaults(s), func(Progress) {})
	if err != nil {
		t.Fatal(err)
	}
	w.stride = w.seatStride()
	holders := 0
	for d := range w.people {
		held := d < len(w.initial) && len(w.initial[d]) > 0
		for _, ep := range w.epochs {
			for ci, c := range ep.change {
				held = held || (int(c) == d && len(ep.bundles[ci]) > 0)
			}
		}
		if held {
			holders++
		}
	}
	for _, target := range []int{1, 7, 1 << 30} {
		parts := w.split(target)
		seats, units, people, communes := 0, 0, 0, 0
		for _, p := range parts {
			seats += len(p.w.seatSlot)
			units += len(p.w.units)
			people += len(p.w.people)
			communes += len(p.communes)
		}
		if seats != len(w.seatSlot) || units != len(w.units) || communes != 6 {
			t.Errorf("target %d: %d parts hold %d seats, %d units, %d communes; want %d, %d, 6", target, len(parts), seats, units, communes, len(w.seatSlot), len(w.units))
		}
		if people < holders || people > len(w.people) {
			t.Errorf("target %d: parts hold %d people; %d hold a seat at some time, %d in all", target, people, holders, len(w.people))
		}
		if target == 1 && len(parts) < 2 {
			t.Errorf("target 1: %d parts", len(parts))
		}
	}
}

// TestProgress checks the reports: the re-plans, then the replications
// from 0 up to every run, never past it, however finely the world is cut.
func TestProgress(t *testing.T) {
	s := communesScenario(4, 3, 5)
	defer func(n int) { partPeople = n }(partPeople)
	for _, target := range []int{1, 1 << 30} {
		partPeople = target
		var mu sync.Mutex
		var got []Progress
		cfg := Config{Years: 3, Runs: 30, Workers: 2, Assigner: combineAssigner, Progress: func(p Progress) {
			mu.Lock()
			got = append(got, p)
			mu.Unlock()
		}}
		if _, err := cfg.Run(context.Background(), s); err != nil {
			t.Fatal(err)
		}
		var runs []int
		plans := 0
		for _, p := range got {
			switch {
			case p.Stage == "plan" && len(runs) == 0:
				plans++
			case p.Stage == "run" && p.Total == 30 && p.Done >= 0 && p.Done <= 30:
				runs = append(runs, p.Done)
			default:
				t.Fatalf("target %d: unexpected report %+v after %d plans and %d runs", target, p, plans, len(runs))
			}
		}
		if plans == 0 || len(runs) < 2 || runs[0] != 0 || slices.Max(runs) != 30 {
			t.Errorf("target %d: %d plan reports, run reports %v; want plans, then 0 … 30", target, plans, runs)
		}
	}
}
