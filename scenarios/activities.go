package scenarios

import (
	"fmt"
	"strings"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// A title's workload is given in one of two forms (model.Workload):
//
//   - the linear form {base, per_1000_households, per_km2, area_cap_km2};
//   - an activity table {activities: [...], travel_kmh, mountain_travel_kmh,
//     working_weeks, support_share, source}, WISN-style rows of what the
//     holder does, how often, for each what, and how long one occurrence
//     takes, each row with its source; the table's source covers its
//     travel speeds, working weeks and support share.
//
// The two exclude each other in one file. A variant's workload replaces
// the inherited one whole when either of them is an activity table (a row
// table laid field by field over a linear form would mean neither), and
// merges field by field when both are linear, as before.

// fileActivity is one row of an activity table.
type fileActivity struct {
	ID     *string   `yaml:"id,omitempty"`
	Name   *fileText `yaml:"name,omitempty"`
	Times  *float64  `yaml:"times,omitempty"`  // occurrences per period for each basis
	Per    *string   `yaml:"per,omitempty"`    // week | month | quarter | year
	Each   *string   `yaml:"each,omitempty"`   // unit (default) | village | household | resident | km2
	UpTo   *float64  `yaml:"up_to,omitempty"`  // cap on the basis count
	Hours  *float64  `yaml:"hours,omitempty"`  // time per occurrence
	Travel *bool     `yaml:"travel,omitempty"` // each occurrence adds a round trip across the unit
	Source *string   `yaml:"source,omitempty"`
}

// isTable reports whether w is given as an activity table.
func (w *fileWorkload) isTable() bool {
	return w != nil && (w.Activities != nil || w.TravelKmh != nil || w.MountainTravelKmh != nil || w.WorkingWeeks != nil || w.SupportShare != nil || w.Source != nil)
}

// isLinear reports whether w gives any field of the linear form.
func (w *fileWorkload) isLinear() bool {
	return w != nil && (w.Base != nil || w.PerThousandHouseholds != nil || w.PerKm2 != nil || w.AreaCapKm2 != nil)
}

// layWorkload prepares dst, an inherited title, for over laid on it: when
// either workload is an activity table, over's replaces dst's whole.
func layWorkload(dst, over *fileTitle) {
	if over.Workload != nil && (over.Workload.isTable() || dst.Workload.isTable()) {
		dst.Workload = nil
	}
}

// convWorkload checks and converts a title's workload at path.
func convWorkload(c checker, path string, w *fileWorkload, complete bool) model.Workload {
	if w.isTable() && w.isLinear() {
		c.fail(path, "expected either the linear form {base, per_1000_households, per_km2, area_cap_km2} or an activity table {activities, travel_kmh}, got both")
		return model.Workload{}
	}
	get := func(name string, x *float64, r span) float64 {
		if x == nil {
			return 0
		}
		return c.num(path+"."+name, *x, r)
	}
	if !w.isTable() {
		if complete && w.Base == nil {
			c.fail(path+".base", "required: hours per week in any unit (or an activity table: activities)")
		}
		return model.Workload{Base: model.Hours(get("base", w.Base, hoursSpan)), PerThousandHouseholds: model.Hours(get("per_1000_households", w.PerThousandHouseholds, hoursSpan)),
			PerKm2: model.Hours(get("per_km2", w.PerKm2, hoursSpan)), AreaCapKm2: get("area_cap_km2", w.AreaCapKm2, areaSpan)}
	}
	tb := model.ActivityTable{Travel: model.Travel{Kmh: get("travel_kmh", w.TravelKmh, speedSpan), Mountain: get("mountain_travel_kmh", w.MountainTravelKmh, speedSpan)},
		WorkingWeeks: get("working_weeks", w.WorkingWeeks, weeksSpan), SupportShare: get("support_share", w.SupportShare, supportSpan), Source: strings.TrimSpace(strOr(w.Source, ""))}
	if tb.Source == "" {
		c.fail(path+".source", "required: where the table's travel speeds, working weeks and support share come from (or \"assumption: …\")")
	}
	if len(w.Activities) == 0 {
		c.fail(path+".activities", "required: at least one activity {id, name, times, per, each, hours, source}")
	}
	seen := map[string]int{}
	for i := range w.Activities {
		p := fmt.Sprintf("%s.activities[%d]", path, i)
		a := convActivity(c, p, &w.Activities[i])
		if a.ID != "" {
			if j, dup := seen[a.ID]; dup {
				c.fail(p+".id", "activity %q is already row %d of this table", a.ID, j)
			}
			seen[a.ID] = i
		}
		if a.Travel && w.TravelKmh == nil {
			c.fail(p+".travel", "a row with travel needs the table's travel_kmh (the speed of its trips)")
		}
		tb.Activities = append(tb.Activities, a)
	}
	return model.Workload{ActivityTable: tb}
}

// convActivity checks and converts one row of an activity table.
func convActivity(c checker, path string, a *fileActivity) model.Activity {
	out := model.Activity{ID: strOr(a.ID, ""), Source: strings.TrimSpace(strOr(a.Source, "")), Travel: a.Travel != nil && *a.Travel}
	if a.ID == nil || strings.TrimSpace(*a.ID) == "" {
		c.fail(path+".id", "required: the activity's id, unique in the table")
	}
	if a.Name == nil || a.Name.Vi == nil || a.Name.En == nil {
		c.fail(path+".name", "required: the activity's name {vi, en}")
	} else {
		out.Name = model.Text{Vi: *a.Name.Vi, En: *a.Name.En}
	}
	out.Times = reqNum(c, path+".times", a.Times, timesSpan)
	if a.Per == nil {
		c.fail(path+".per", "required: the period the count recurs in (%s)", strings.Join(model.PeriodNames(), ", "))
	} else if p, err := model.ParsePeriod(*a.Per); err != nil {
		c.fail(path+".per", "expected one of %s, got %q", strings.Join(model.PeriodNames(), ", "), *a.Per)
	} else {
		out.Period = p
	}
	if a.Each != nil {
		b, err := model.ParseBasis(*a.Each)
		if err != nil {
			c.fail(path+".each", "expected one of %s, got %q", strings.Join(model.BasisNames(), ", "), *a.Each)
		}
		out.Each = b
	}
	if a.UpTo != nil {
		out.UpTo = c.num(path+".up_to", *a.UpTo, upToSpan)
	}
	out.Hours = model.Hours(reqNum(c, path+".hours", a.Hours, occurrenceHoursSpan))
	if out.Source == "" {
		c.fail(path+".source", "required: where the frequency and the time come from (charter, decree, or \"assumption: …\")")
	}
	return out
}

// activitiesFile writes an activity table back in the file form.
func activitiesFile(w *model.Workload) *fileWorkload {
	fw := &fileWorkload{TravelKmh: optPtr(w.Travel.Kmh), MountainTravelKmh: optPtr(w.Travel.Mountain), WorkingWeeks: optPtr(w.WorkingWeeks),
		SupportShare: optPtr(w.SupportShare), Source: ptr(w.Source)}
	for _, a := range w.Activities {
		fa := fileActivity{ID: ptr(a.ID), Name: &fileText{Vi: ptr(a.Name.Vi), En: ptr(a.Name.En)}, Times: ptr(a.Times), Per: ptr(a.Period.String()),
			Each: ptr(a.Each.String()), UpTo: optPtr(a.UpTo), Hours: ptr(float64(a.Hours)), Travel: optPtr(a.Travel), Source: ptr(a.Source)}
		fw.Activities = append(fw.Activities, fa)
	}
	return fw
}
