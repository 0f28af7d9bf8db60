package scenarios

import (
	"fmt"
	"sort"
	"strings"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/tables"
)

// fileCongress is one round of an organisation's congresses at one level
// (model.Congress), an entry of the top-level congresses list.
type fileCongress struct {
	Organisation *string `yaml:"organisation,omitempty"`
	Level        *string `yaml:"level,omitempty"`
	Date         *string `yaml:"date,omitempty"`
	WindowMonths *int    `yaml:"window_months,omitempty"` // units elect within this many months of date; 0: all on date
	Source       *string `yaml:"source,omitempty"`
}

// convCongresses checks and converts one file's congress rounds: every
// entry needs an organisation, a level, a date and a source, and no
// organisation and level may list one date twice.
func convCongresses(c checker, in []fileCongress) model.Calendar {
	var out model.Calendar
	seen := map[model.Congress]int{}
	for i, g := range in {
		p := fmt.Sprintf("congresses[%d]", i)
		var m model.Congress
		if g.Organisation == nil {
			c.fail(p+".organisation", "required: one of %s", strings.Join(model.OrganisationNames(), ", "))
		} else if o, err := model.ParseOrganisation(*g.Organisation); err != nil {
			c.fail(p+".organisation", "expected one of %s, got %q%s", strings.Join(model.OrganisationNames(), ", "), *g.Organisation, didYouMean(*g.Organisation, organisationSet()))
		} else {
			m.Organisation = o
		}
		if g.Level == nil {
			c.fail(p+".level", "required: commune or village (or province, district)")
		} else if l, err := model.ParseLevel(*g.Level); err != nil || l == model.LevelUnknown {
			c.fail(p+".level", "expected one of %s, got %q", strings.Join(model.LevelNames(), ", "), *g.Level)
		} else {
			m.Level = l
		}
		m.Date = c.date(p+".date", g.Date, true)
		if g.WindowMonths != nil {
			m.WindowMonths = c.countInt(p+".window_months", *g.WindowMonths, windowMonthsSpan)
		}
		if g.Source == nil || strings.TrimSpace(*g.Source) == "" {
			c.fail(p+".source", "required: where the date comes from (charter, resolution, or \"assumption: …\")")
		} else {
			m.Source = *g.Source
		}
		key := model.Congress{Organisation: m.Organisation, Level: m.Level, Date: m.Date}
		if j, dup := seen[key]; dup && m.Organisation != model.OrgUnknown && m.Level != model.LevelUnknown && !m.Date.IsZero() {
			c.fail(p+".date", "congresses[%d] already lists %s %s congresses on %s", j, m.Organisation, m.Level, m.Date)
		}
		seen[key] = i
		out = append(out, m)
	}
	return out
}

func organisationSet() map[string]bool {
	out := map[string]bool{}
	for _, n := range model.OrganisationNames() {
		out[n] = true
	}
	return out
}

// mergeCongresses lays a file's congress rounds over the inherited ones:
// for each organisation and level the file lists, its rounds replace the
// inherited rounds of that organisation and level; the others are kept.
// The result is sorted by organisation, level and date.
func mergeCongresses(base, over model.Calendar) model.Calendar {
	type key struct {
		o model.Organisation
		l model.Level
	}
	given := map[key]bool{}
	for _, g := range over {
		given[key{g.Organisation, g.Level}] = true
	}
	var out model.Calendar
	for _, g := range base {
		if !given[key{g.Organisation, g.Level}] {
			out = append(out, g)
		}
	}
	out = append(out, over...)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Organisation != b.Organisation {
			return a.Organisation < b.Organisation
		}
		if a.Level != b.Level {
			return a.Level < b.Level
		}
		return a.Date < b.Date
	})
	return out
}

// applyCalendar gives every elected title the rounds of its
// organisation's calendar and reports, where the title was defined, an
// elected title that has neither rounds nor an anchor.
func (m *titleLayers) applyCalendar(cal model.Calendar, titles []model.Title, errs tables.ErrorList) tables.ErrorList {
	cal.Apply(titles)
	origin := map[string]titleOrigin{}
	for k, t := range m.titles {
		if t != nil {
			origin[*t.ID] = m.origins[k]
		}
	}
	for _, t := range titles {
		if t.Term.Kind != model.Elected || len(t.Term.Rounds) > 0 || !t.Term.Anchor.IsZero() {
			continue
		}
		o := origin[t.ID]
		org := t.Organisation.String()
		if t.Organisation == model.OrgUnknown {
			org = "(none: give organisation)"
		}
		errs = append(errs, o.f.errAt(o.path+".term.anchor", "required: an elected title needs an election date (anchor), or congresses of its organisation %s at level %s", org, t.Level))
	}
	return errs
}

// congressFile returns the calendar in file form, for YAML.
func congressFile(cal model.Calendar) []fileCongress {
	var out []fileCongress
	for _, g := range cal {
		out = append(out, fileCongress{Organisation: ptr(g.Organisation.String()), Level: ptr(g.Level.String()), Date: ptr(g.Date.String()),
			WindowMonths: optPtr(g.WindowMonths), Source: ptr(g.Source)})
	}
	return out
}
