package scenarios

import (
	"fmt"
	"strings"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/tables"
)

// fileRearrange asks the exact rearrangement planner for a merger's plan
// (model.MergerRearrange).
type fileRearrange struct {
	MaxMerge  *int    `yaml:"max_merge,omitempty"` // villages into one, 1 to model.MaxMergeLimit
	Goal      *string `yaml:"goal,omitempty"`      // fewest-merges | consolidation
	Adjacency *string `yaml:"adjacency,omitempty"` // auto | off
}

// maxMergeSpan is the range of a rearrangement's max_merge, 1 to
// model.MaxMergeLimit (a test holds the text to the limit).
var maxMergeSpan = countSpan{1, model.MaxMergeLimit, "a number of villages from 1 to 8"}

// The adjacency settings of a rearrangement: auto merges only neighbours
// in a commune whose villages all list them, off ignores neighbours.
var adjacencyNames = []string{"auto", "off"}

// convMerger checks one entry of dynamics.mergers at path p: a date, a
// source and exactly one way to produce the plan.
func convMerger(c checker, p string, m *fileMerger) model.Merger {
	mg := model.Merger{Date: c.date(p+".date", m.Date, true), Source: strOr(m.Source, "")}
	if strings.TrimSpace(mg.Source) == "" {
		c.fail(p+".source", "required: the legal source (decree and article) or \"assumption: …\"")
	}
	var given []string
	if m.BelowHouseholds != nil {
		given = append(given, "below_households")
		mg.BelowHouseholds = c.countInt(p+".below_households", *m.BelowHouseholds, residentsSpan)
	}
	if m.Rearrange != nil {
		given = append(given, "rearrange")
		mg.Rearrange = convRearrange(c, p+".rearrange", m.Rearrange)
	}
	switch len(given) {
	case 0:
		c.fail(p, "required: one of below_households (the threshold rule) or rearrange (the rearrangement planner)")
	case 1:
	default:
		c.fail(p+"."+given[1], "give one of below_households or rearrange, not both")
	}
	return mg
}

// convRearrange checks a merger's rearrange settings; all three are
// required, as each changes the plan.
func convRearrange(c checker, p string, r *fileRearrange) *model.MergerRearrange {
	out := &model.MergerRearrange{MaxMerge: reqCount(c, p+".max_merge", r.MaxMerge, maxMergeSpan)}
	switch {
	case r.Goal == nil:
		c.fail(p+".goal", "required: %s", strings.Join(model.RearrangeGoalNames(), " or "))
	default:
		g, err := model.ParseRearrangeGoal(*r.Goal)
		if err != nil {
			c.fail(p+".goal", "expected %s, got %q", strings.Join(model.RearrangeGoalNames(), " or "), *r.Goal)
		}
		out.Goal = g
	}
	switch {
	case r.Adjacency == nil:
		c.fail(p+".adjacency", "required: %s", strings.Join(adjacencyNames, " or "))
	case strings.EqualFold(strings.TrimSpace(*r.Adjacency), "auto"):
		out.Adjacency = true
	case strings.EqualFold(strings.TrimSpace(*r.Adjacency), "off"):
	default:
		c.fail(p+".adjacency", "expected %s, got %q", strings.Join(adjacencyNames, " or "), *r.Adjacency)
	}
	return out
}

// rearrangeFile is the file form of a merger's rearrange settings.
func rearrangeFile(r *model.MergerRearrange) *fileRearrange {
	if r == nil {
		return nil
	}
	adj := "off"
	if r.Adjacency {
		adj = "auto"
	}
	return &fileRearrange{MaxMerge: ptr(r.MaxMerge), Goal: ptr(r.Goal.String()), Adjacency: ptr(adj)}
}

// mergerFile is the file form of one merger.
func mergerFile(m model.Merger) fileMerger {
	f := fileMerger{Date: ptr(m.Date.String()), Rearrange: rearrangeFile(m.Rearrange), Source: ptr(m.Source)}
	if m.BelowHouseholds > 0 || m.Rearrange == nil {
		f.BelowHouseholds = ptr(m.BelowHouseholds)
	}
	return f
}

// checkMergerDates reports a merger dated before the scenario's date, at
// the merger of the layer whose list the scenario keeps: a rearrangement
// is an event of the simulation, which starts on the plan date.
func checkMergerDates(s *model.Scenario, layers []*layer) tables.ErrorList {
	var errs tables.ErrorList
	for _, l := range layers {
		if !l.mergers {
			continue
		}
		c := checker{f: l.f, errs: &errs}
		for i, m := range l.dynamics.Mergers {
			if !s.Date.IsZero() && !m.Date.IsZero() && m.Date < s.Date {
				c.fail(fmt.Sprintf("dynamics.mergers[%d].date", i), "a merger on %s is before the scenario's date %s: mergers are events of the simulation, on or after its start", m.Date, s.Date)
			}
		}
		break
	}
	return errs
}
