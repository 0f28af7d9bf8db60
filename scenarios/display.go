package scenarios

import (
	"strings"
	"unicode/utf8"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// fileDisplay is a scenario's short name for readers, in both languages:
// display: {vi: "NĐ 33/2023", en: "Decree 33/2023"}.
type fileDisplay struct {
	Vi *string `yaml:"vi,omitempty"`
	En *string `yaml:"en,omitempty"`
}

// maxDisplay is the longest display name, in characters: it names the
// scenario in chart legends and table headers, which wrap only between
// words at about this width.
const maxDisplay = 24

// checkDisplay checks display and description_vi: one line each, and a
// display name in both languages that fits a legend.
func checkDisplay(c checker, d *fileDoc) {
	if d.DescriptionVi != nil && (strings.TrimSpace(*d.DescriptionVi) == "" || strings.ContainsAny(*d.DescriptionVi, "\r\n")) {
		c.fail("description_vi", "expected one non-empty line: the description in Vietnamese")
	}
	if d.Display == nil {
		return
	}
	for _, f := range []struct {
		key string
		v   *string
	}{{"vi", d.Display.Vi}, {"en", d.Display.En}} {
		switch {
		case f.v == nil:
			c.fail("display", "required: %s, the short name in %s (display: {vi: ..., en: ...})", f.key, langName(f.key))
		case strings.TrimSpace(*f.v) == "" || strings.ContainsAny(*f.v, "\r\n\t"):
			c.fail("display."+f.key, "expected one non-empty line, got %q", *f.v)
		case utf8.RuneCountInString(*f.v) > maxDisplay:
			c.fail("display."+f.key, "expected at most %d characters (it names the scenario in chart legends), got %d", maxDisplay, utf8.RuneCountInString(*f.v))
		}
	}
}

func langName(key string) string {
	if key == "vi" {
		return "Vietnamese"
	}
	return "English"
}

// mergeDisplay lays a layer's description, description_vi and display over
// s. A description resets the Vietnamese one, so the two stay a pair; the
// display name is the leaf file's own (a variant that names none is shown
// by its name, never as the scenario it extends).
func mergeDisplay(s *model.Scenario, d *fileDoc, leaf bool) {
	if d.Description != nil {
		s.Description = *d.Description
		s.DescriptionVi = ""
	}
	if d.DescriptionVi != nil {
		s.DescriptionVi = *d.DescriptionVi
	}
	if leaf {
		s.Display = model.Text{}
		if d.Display != nil && d.Display.Vi != nil && d.Display.En != nil {
			s.Display = model.Text{Vi: *d.Display.Vi, En: *d.Display.En}
		}
	}
}

// toDisplay writes a display name back in the file format.
func toDisplay(t model.Text) *fileDisplay {
	if t == (model.Text{}) {
		return nil
	}
	return &fileDisplay{Vi: ptr(t.Vi), En: ptr(t.En)}
}
