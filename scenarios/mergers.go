package scenarios

import (
	"fmt"
	"maps"
	"slices"
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
	if m.Mapping != nil {
		given = append(given, "mapping")
		if strings.TrimSpace(*m.Mapping) == "" {
			c.fail(p+".mapping", "expected the path of a village mapping (CSV or XLSX), got a blank")
		}
		mg.Mapping = joinDir(c.f, *m.Mapping)
	}
	if m.Rules != nil {
		if m.Mapping == nil {
			c.fail(p+".rules", "rules go with mapping (a decided plan); rearrange gives its own max_merge, goal and adjacency")
		}
		mg.Rules = convRules(c, p+".rules", m.Rules)
	}
	switch len(given) {
	case 0:
		c.fail(p, "required: one of below_households (the threshold rule), rearrange (the rearrangement planner) or mapping (a decided plan)")
	case 1:
	default:
		c.fail(p+"."+given[1], "give one of below_households, rearrange or mapping, not several")
	}
	return mg
}

// convRearrange checks a merger's rearrange settings; all three are
// required, as each changes the plan.
func convRearrange(c checker, p string, r *fileRearrange) *model.MergerRearrange {
	out := &model.MergerRearrange{MaxMerge: reqCount(c, p+".max_merge", r.MaxMerge, maxMergeSpan)}
	switch {
	case r.Goal == nil:
		c.fail(p+".goal", "required: %s", oneOf(model.RearrangeGoalNames()))
	default:
		out.Goal = convGoal(c, p+".goal", *r.Goal)
	}
	switch {
	case r.Adjacency == nil:
		c.fail(p+".adjacency", "required: %s", oneOf(adjacencyNames))
	default:
		out.Adjacency = convAdjacency(c, p+".adjacency", *r.Adjacency)
	}
	return out
}

// convRules checks a mapping merger's rules: each optional, a missing one
// taking model.DefaultMergerRules' value, since a decided plan is only
// checked against them.
func convRules(c checker, p string, r *fileRearrange) *model.MergerRearrange {
	out := model.DefaultMergerRules()
	if r.MaxMerge != nil {
		out.MaxMerge = c.countInt(p+".max_merge", *r.MaxMerge, maxMergeSpan)
	}
	if r.Goal != nil {
		out.Goal = convGoal(c, p+".goal", *r.Goal)
	}
	if r.Adjacency != nil {
		out.Adjacency = convAdjacency(c, p+".adjacency", *r.Adjacency)
	}
	return &out
}

// convGoal checks a rearrangement goal at p.
func convGoal(c checker, p, s string) model.RearrangeGoal {
	g, err := model.ParseRearrangeGoal(s)
	if err != nil {
		c.fail(p, "expected %s, got %q", oneOf(model.RearrangeGoalNames()), s)
	}
	return g
}

// convAdjacency checks an adjacency setting at p: true for auto.
func convAdjacency(c checker, p, s string) bool {
	switch {
	case strings.EqualFold(strings.TrimSpace(s), "auto"):
		return true
	case strings.EqualFold(strings.TrimSpace(s), "off"):
	default:
		c.fail(p, "expected %s, got %q", oneOf(adjacencyNames), s)
	}
	return false
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
	f := fileMerger{Date: ptr(m.Date.String()), Rearrange: rearrangeFile(m.Rearrange), Rules: rearrangeFile(m.Rules), Source: ptr(m.Source)}
	switch {
	case m.Mapping != "":
		f.Mapping = ptr(m.Mapping)
	case m.BelowHouseholds > 0 || m.Rearrange == nil:
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

// mergerSites lists where each merger of the scenario was written: in the
// layer nearest the loaded file that gives dynamics.mergers.
func mergerSites(layers []*layer) []errorSite {
	for _, l := range layers {
		if l.mergers {
			out := make([]errorSite, len(l.dynamics.Mergers))
			for i := range out {
				out[i] = errorSite{l.f, fmt.Sprintf("dynamics.mergers[%d]", i)}
			}
			return out
		}
	}
	return nil
}

// readMappings reads the plan of every merger given by a mapping file
// into its Into, and checks that every code names a village of units.
func (s *Scenario) readMappings(units []model.Unit) error {
	commune := map[string]string{} // village code → its commune's
	for i := range units {
		if units[i].Level == model.Village {
			commune[units[i].Code] = units[i].Parent
		}
	}
	for i := range s.Dynamics.Mergers {
		m := &s.Dynamics.Mergers[i]
		if m.Mapping == "" {
			continue
		}
		var site errorSite
		if i < len(s.mergerSites) {
			site = s.mergerSites[i]
		}
		into, err := readMappingFile(m.Mapping, site)
		if err != nil {
			return err
		}
		at := errorSite{site.f, site.path + ".mapping"}
		for _, a := range slices.Sorted(maps.Keys(into)) {
			for _, code := range []string{a, into[a]} {
				if _, ok := commune[code]; !ok {
					return at.errorf("%s: %s is not a village of the scenario's data", m.Mapping, code)
				}
			}
			if commune[a] != commune[into[a]] {
				return at.errorf("%s: village %s of commune %s cannot merge into %s of commune %s: villages merge within their commune", m.Mapping, a, commune[a], into[a], commune[into[a]])
			}
		}
		m.Into = into
	}
	return nil
}

// readMappingFile reads a village mapping, CSV or XLSX by its extension.
func readMappingFile(path string, site errorSite) (map[string]string, error) {
	if isXLSX(path) {
		f, err := tables.OpenInput(path, tables.MaxXLSXBytes)
		if err != nil {
			return nil, site.fileError("mapping", path, err)
		}
		f.Close()
		return tables.ReadMappingXLSX(path, "")
	}
	f, err := tables.OpenInput(path, tables.MaxCSVBytes)
	if err != nil {
		return nil, site.fileError("mapping", path, err)
	}
	defer f.Close()
	return tables.ReadMapping(f, path)
}
