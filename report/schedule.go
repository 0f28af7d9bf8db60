package report

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/optimize"
)

// ScheduleSummary is the schedule of an optimised plan in the optimize
// summary: how many titles change hands and between which dates, and the
// arrangement's headcount, seats and monthly allowance today and after the
// changes of each date (the full list of changes is schedule.csv).
type ScheduleSummary struct {
	Changes int                `json:"changes"`
	First   string             `json:"first,omitempty"` // date of the first change
	Last    string             `json:"last,omitempty"`  // date of the last change
	Joined  int                `json:"joined"`
	Left    int                `json:"left"`
	Today   SchedulePointRow   `json:"today"`
	Points  []SchedulePointRow `json:"points"`
	// At is the arrangement as it stands on the date asked for (optimize
	// --at); absent when none was asked for.
	At *SchedulePointRow `json:"at,omitempty"`
}

// SchedulePointRow is the arrangement on one date.
type SchedulePointRow struct {
	Date        string `json:"date"`
	Headcount   int    `json:"headcount"`
	Seats       int    `json:"seats"`
	MonthlyCost int64  `json:"monthly_cost"`
	// OverMaxTitles are the people holding more titles than the policy's
	// limit on the date (a new title taken before an old term ends).
	OverMaxTitles int `json:"over_max_titles"`
}

func pointRow(p optimize.SchedulePoint) SchedulePointRow {
	return SchedulePointRow{Date: p.Date.String(), Headcount: p.Headcount, Seats: p.Seats, MonthlyCost: int64(p.Monthly), OverMaxTitles: p.OverMaxTitles}
}

// NewScheduleSummary summarises sc; at, when not zero, adds the
// arrangement on that date.
func NewScheduleSummary(sc *optimize.Schedule, at model.Date) *ScheduleSummary {
	out := &ScheduleSummary{Changes: len(sc.Steps), Today: pointRow(sc.Today)}
	if n := len(sc.Steps); n > 0 {
		out.First, out.Last = sc.Steps[0].Date.String(), sc.Steps[n-1].Date.String()
	}
	for _, st := range sc.Steps {
		out.Joined += len(st.Joined)
		out.Left += len(st.Left)
	}
	for _, p := range sc.Points {
		out.Points = append(out.Points, pointRow(p))
	}
	if !at.IsZero() {
		p := pointRow(sc.PointAt(at))
		if at < sc.From {
			p = pointRow(sc.Today)
		}
		p.Date = at.String()
		out.At = &p
	}
	return out
}

// scheduleColumns is the header of schedule.csv.
var scheduleColumns = []string{"date", "unit", "unit_name", "title", "title_name", "organisation", "before", "after", "reason", "reason_text",
	"joined", "left", "headcount_after", "monthly_cost_after"}

// WriteScheduleCSV writes schedule.csv, header and dates in lang
// (dd/mm/yyyy in Vietnamese): one row per title that changes hands, by date, with the title's organisation (in lang), the people
// before and after (IDs separated by
// spaces), the reason for the date (key and text in lang), who joins and
// who leaves with the change, and the arrangement's headcount and monthly
// allowance after the changes of that date.
func WriteScheduleCSV(w io.Writer, ix *model.Index, sc *optimize.Schedule, lang model.Lang) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(scheduleHeader(lang)); err != nil {
		return err
	}
	for _, st := range sc.Steps {
		unitName, titleName, org := st.Unit, st.Title, ""
		if u, ok := ix.Unit(st.Unit); ok && u.Name != "" {
			unitName = u.Name
		}
		if t, ok := ix.Title(st.Title); ok {
			titleName = t.Name.In(lang)
			if t.Organisation != model.OrgUnknown {
				org = t.Organisation.Text().In(lang)
			}
		}
		pt := sc.PointAt(st.Date)
		rec := []string{lang.Date(st.Date), st.Unit, unitName, st.Title, titleName, org,
			strings.Join(st.Before, " "), strings.Join(st.After, " "), st.Why.String(), st.Why.Text().In(lang),
			strings.Join(st.Joined, " "), strings.Join(st.Left, " "), strconv.Itoa(pt.Headcount), strconv.FormatInt(int64(pt.Monthly), 10)}
		if err := cw.Write(model.SpreadsheetSafeRecord(rec)); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
