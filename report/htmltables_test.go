package report

import (
	"regexp"
	"strings"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// TestHTMLNumberStyle: the report writes numbers one way: negative numbers
// with the ASCII "-" only, no ISO date in Vietnamese, no year grouped like
// a number ("2.013"), whole counts in the data tables, and the data split
// into tables no wider than ten columns.
func TestHTMLNumberStyle(t *testing.T) {
	c := testComparison(t)
	for _, lang := range []model.Lang{model.Vietnamese, model.English} {
		c.Lang = lang
		page, err := HTML(c, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		body := string(page)
		body = body[strings.Index(body, "<body>"):]
		if m := regexp.MustCompile(`.{0,30}\x{2212}\s?\d.{0,10}`).FindString(body); m != "" {
			t.Errorf("%s: a number with U+2212: %q", lang, m)
		}
		if lang == model.Vietnamese {
			if m := regexp.MustCompile(`.{0,30}\b(19|20)\d\d-\d\d-\d\d\b.{0,10}`).FindString(body); m != "" {
				t.Errorf("vi: an ISO date: %q", m)
			}
			if m := regexp.MustCompile(`.{0,30}\b(19|20)\d\d/\d\d/\d\d\b|year: \d\.\d{3}`).FindString(body); m != "" {
				t.Errorf("vi: a year grouped or a date misordered: %q", m)
			}
		}
		table, err := SummaryTable(c)
		if err != nil {
			t.Fatal(err)
		}
		tabs := dataTables(table, lang)
		if len(tabs) != 2 {
			t.Fatalf("%s: %d data tables, want 2", lang, len(tabs))
		}
		cols := 0
		for _, tab := range tabs {
			if len(tab.Headers) > 10 {
				t.Errorf("%s: table %q has %d columns", lang, tab.Title, len(tab.Headers))
			}
			cols += len(tab.Headers) - 1
			for _, row := range tab.Rows {
				for j, cell := range row[1:] {
					if tab.Title == tabs[0].Title && strings.ContainsAny(cell, lang.Pick(",", ".")) {
						t.Errorf("%s: %q, column %q: not a whole count", lang, cell, tab.Headers[j+1])
					}
				}
			}
		}
		if cols != len(table.Columns)-1 {
			t.Errorf("%s: the data tables show %d columns of %d", lang, cols, len(table.Columns)-1)
		}
	}
}

func TestSigned(t *testing.T) {
	for _, tc := range []struct {
		x    float64
		want string
	}{{-2631, "-2.631"}, {13, "+13"}, {0, "0"}} {
		if got := signed(model.Vietnamese, tc.x); got != tc.want {
			t.Errorf("signed(%v) = %q, want %q", tc.x, got, tc.want)
		}
	}
}
