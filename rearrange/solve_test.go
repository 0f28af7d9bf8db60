package rearrange_test

import (
	"context"
	"errors"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/kiemnhiem/kiemnhiem/rearrange"
	"github.com/kiemnhiem/kiemnhiem/rearrange/check"
)

func TestSolveBadInput(t *testing.T) {
	v := func(code string, hh int, nb ...string) rearrange.Village {
		return rearrange.Village{Code: code, Households: hh, Floor: 150, Neighbours: nb}
	}
	ok := rearrange.Options{MaxMerge: 3, Adjacency: true}
	tests := []struct {
		name string
		vs   []rearrange.Village
		opt  rearrange.Options
		want string
	}{
		{"max merge 0", []rearrange.Village{v("A", 10)}, rearrange.Options{}, "max merge 0"},
		{"max merge 9", []rearrange.Village{v("A", 10)}, rearrange.Options{MaxMerge: 9}, "max merge 9"},
		{"repeated code", []rearrange.Village{v("A", 10), v("A", 20)}, ok, "code repeated"},
		{"empty code", []rearrange.Village{v("", 10)}, ok, "empty code"},
		{"negative households", []rearrange.Village{v("A", -1)}, ok, "households -1"},
		{"unknown neighbour", []rearrange.Village{v("A", 10, "Z")}, ok, `neighbour "Z"`},
		{"itself", []rearrange.Village{v("A", 10, "A")}, ok, "itself"},
		{"negative limit", []rearrange.Village{v("A", 10)}, rearrange.Options{MaxMerge: 2, MaxNodes: -1}, "negative limit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := rearrange.Solve(context.Background(), &rearrange.Commune{Code: "C1", Villages: tt.vs}, tt.opt)
			if err == nil || !errors.Is(err, rearrange.ErrInput) || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "C1") {
				t.Fatalf("error %v, want ErrInput naming the commune and %q", err, tt.want)
			}
		})
	}
	// Without the adjacency rule the neighbour lists are not read.
	if _, err := rearrange.Solve(context.Background(), &rearrange.Commune{Villages: []rearrange.Village{v("A", 10, "Z")}}, rearrange.Options{MaxMerge: 2}); err != nil {
		t.Fatalf("neighbours read without adjacency: %v", err)
	}
}

// TestLimit stops large communes after a few nodes or a spent time limit:
// the plan is valid, Limited, and its bound no better than the truth.
func TestLimit(t *testing.T) {
	tests := []struct {
		name string
		opt  rearrange.Options
	}{
		{"nodes", rearrange.Options{MaxMerge: 3, MaxNodes: 30}},
		{"nodes, consolidation", rearrange.Options{MaxMerge: 3, MaxNodes: 30, Goal: rearrange.Consolidation}},
		{"time", rearrange.Options{MaxMerge: 3, TimeLimit: time.Nanosecond}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			limited := 0
			for seed := range uint64(10) {
				c := randomCommune(rand.New(rand.NewPCG(seed, 7)), 60, false)
				p, err := rearrange.Solve(context.Background(), c, tt.opt)
				if err != nil {
					t.Fatal(err)
				}
				if err := check.Check(c, tt.opt, p); err != nil {
					t.Fatalf("seed %d: %v", seed, err)
				}
				if p.Status == rearrange.Limited {
					limited++
					if p.Gap() < 0 {
						t.Errorf("seed %d: gap %d", seed, p.Gap())
					}
					b, o := p.Bound, p.Objective
					switch {
					case b.Under != o.Under:
					case tt.opt.Goal == rearrange.Consolidation && b.Merges < o.Merges:
						t.Errorf("seed %d: consolidation: merges bound %d below the plan's %d", seed, b.Merges, o.Merges)
					case tt.opt.Goal == rearrange.FewestMerges && (b.Merges > o.Merges || b.Merges == o.Merges && b.Disruption > o.Disruption):
						t.Errorf("seed %d: bound %+v beyond the plan's %+v", seed, b, o)
					}
				}
			}
			if limited == 0 {
				t.Errorf("no commune of 60 villages reached the limit")
			}
		})
	}
}

// TestExplanations checks each reason on a commune built for it.
func TestExplanations(t *testing.T) {
	vs := []rearrange.Village{
		{Code: "E", Name: "Bản Đặc", Households: 40, Floor: 100, Exempt: true, Neighbours: []string{"B"}},
		{Code: "B", Name: "Thôn Lớn", Households: 400, Floor: 150},
		{Code: "I", Name: "Thôn Đảo", Households: 50, Floor: 150},
		{Code: "S1", Name: "Thôn Nhỏ 1", Households: 20, Floor: 150, Neighbours: []string{"S2"}},
		{Code: "S2", Name: "Thôn Nhỏ 2", Households: 30, Floor: 150},
	}
	c := &rearrange.Commune{Code: "C", Villages: vs}
	opt := rearrange.Options{MaxMerge: 3, Adjacency: true, Exempt: rearrange.ExemptStays}
	p, err := rearrange.Solve(context.Background(), c, opt)
	if err != nil {
		t.Fatal(err)
	}
	if err := check.Check(c, opt, p); err != nil {
		t.Fatal(err)
	}
	want := map[string]rearrange.Reason{"E": rearrange.ReasonExempt, "I": rearrange.ReasonNoNeighbour,
		"S1": rearrange.ReasonTooFewInCommune, "S2": rearrange.ReasonTooFewInCommune}
	got := map[string]rearrange.Reason{}
	for _, e := range p.Explanations {
		got[vs[e.Village].Code] = e.Reason
		if !strings.Contains(e.Text.Vi, vs[e.Village].Name) || !strings.Contains(e.Text.En, vs[e.Village].Name) {
			t.Errorf("%s: text %+v does not name the village", vs[e.Village].Code, e.Text)
		}
	}
	if len(got) != len(want) {
		t.Fatalf("explained %v, want %v", got, want)
	}
	for code, r := range want {
		if got[code] != r {
			t.Errorf("%s: reason %v, want %v", code, got[code], r)
		}
	}
}
