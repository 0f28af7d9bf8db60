package main

import (
	"fmt"
	"io"

	"github.com/kiemnhiem/kiemnhiem/internal/atomicfile"
	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/optimize"
	"github.com/kiemnhiem/kiemnhiem/report"
	"github.com/kiemnhiem/kiemnhiem/scenarios"
	"github.com/kiemnhiem/kiemnhiem/tables"
)

// planSchedule is the schedule of optimize's plan: computed for every
// result (today's holdings, --as-is, give one with no changes), summarised
// into sum.
type planSchedule struct{ sc *optimize.Schedule }

func newPlanSchedule(c *optimizeConfig, s *scenarios.Scenario, res *optimize.Result, sum *report.OptimizeSummary) (planSchedule, error) {
	sc, err := res.Schedule(&s.Scenario)
	if err != nil {
		return planSchedule{}, err
	}
	sum.Schedule = report.NewScheduleSummary(sc, c.at)
	return planSchedule{sc}, nil
}

// files are schedule.csv and, with --at, plan-at.csv.
func (p planSchedule) files(c *optimizeConfig, s *scenarios.Scenario, ix *model.Index) []atomicfile.File {
	out := []atomicfile.File{{Name: scheduleFile, Write: func(w io.Writer) error { return report.WriteScheduleCSV(w, ix, p.sc, c.lang) }}}
	if !c.at.IsZero() {
		at := p.sc.At(c.at)
		rows := tables.PlanRows(&s.Scenario, ix, at, c.lang)
		out = append(out, atomicfile.File{Name: planAtFile, Write: func(w io.Writer) error { return tables.WritePlanCSVIn(w, rows, c.lang) }})
	}
	return out
}

// printSchedule writes the schedule's lines of the human summary: how many
// titles change hands between which dates, the headcount and monthly
// allowance today and after the last change, and on --at's date.
func printSchedule(w io.Writer, sum *report.OptimizeSummary) {
	sc := sum.Schedule
	if sc == nil || sc.Changes == 0 && sc.At == nil {
		return
	}
	lang := sum.Lang
	L, n := lang.Pick, lang.Int
	if sc.Changes > 0 {
		end := sc.Points[len(sc.Points)-1]
		fmt.Fprintf(w, "%s: %s %s %s %s %s; %s %s → %s, %s %s → %s %s (%s)\n", L("Lộ trình", "Schedule"),
			n(int64(sc.Changes)), L("chức danh đổi người giữ từ", "titles change hands from"), localDate(sc.First, lang), L("đến", "to"), localDate(sc.Last, lang),
			L("số người", "people"), n(int64(sc.Today.Headcount)), n(int64(end.Headcount)),
			L("phụ cấp", "allowances"), n(sc.Today.MonthlyCost), n(end.MonthlyCost), L("đồng mỗi tháng", "đồng a month"),
			L("xem schedule.csv, --at NGÀY", "see schedule.csv, --at DATE"))
	}
	if sc.At != nil {
		fmt.Fprintf(w, "%s %s: %s %s, %s %s, %s %s %s\n", L("Ngày", "On"), localDate(sc.At.Date, lang), n(int64(sc.At.Headcount)), L("người", "people"),
			n(int64(sc.At.Seats)), L("suất chức danh", "title seats"), L("phụ cấp", "allowances"), n(sc.At.MonthlyCost), L("đồng mỗi tháng", "đồng a month"))
	}
}

// localDate writes the ISO date s the local way (lang.Date: dd/mm/yyyy in
// Vietnamese); s is printed as it is if it is not a date.
func localDate(s string, lang model.Lang) string {
	d, err := model.ParseDate(s)
	if err != nil {
		return s
	}
	return lang.Date(d)
}
