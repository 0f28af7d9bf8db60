package report

import (
	"fmt"
	"reflect"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// formatWorkload writes a title's workload rule: the linear form's terms,
// or for an activity table its size and WISN parameters (its rows are
// listed as parameters of their own by activityParameters).
func formatWorkload(w model.Workload, lang model.Lang) string {
	if len(w.Activities) == 0 {
		lin := w
		lin.ActivityTable = model.ActivityTable{}
		return formatValue(reflect.ValueOf(lin), lang)
	}
	weeks := w.WorkingWeeks
	if weeks <= 0 {
		weeks = model.WeeksPerYear
	}
	return fmt.Sprintf(lang.Pick("bảng %d hoạt động (WISN), %s tuần làm việc/năm, tỷ lệ hoạt động hỗ trợ %s",
		"a table of %d activities (WISN), %s working weeks a year, support share %s"),
		len(w.Activities), trimZeros(formatNumber(lang, weeks, 1), lang), trimZeros(formatNumber(lang, w.SupportShare, 2), lang))
}

// activityParameters lists the rows of title t's activity table, each
// with its frequency, time and source, after the table's own parameters.
func activityParameters(t *model.Title, lang model.Lang) []Parameter {
	if len(t.Workload.Activities) == 0 {
		return nil
	}
	prefix := "titles." + t.ID + ".workload"
	out := []Parameter{{Name: prefix, Value: formatWorkload(t.Workload, lang), Source: t.Workload.Source}}
	for i := range t.Workload.Activities {
		a := &t.Workload.Activities[i]
		v := fmt.Sprintf(lang.Pick("%s: %s lần mỗi %s cho mỗi %s, %s giờ mỗi lần", "%s: %s times a %s for each %s, %s h each"),
			a.Name.In(lang), trimZeros(formatNumber(lang, a.Times, 4), lang), periodText(a.Period, lang), basisText(a.Each, lang),
			trimZeros(formatNumber(lang, float64(a.Hours), 2), lang))
		if a.UpTo > 0 {
			v += fmt.Sprintf(lang.Pick(" (tính đến %s)", " (counted up to %s)"), trimZeros(formatNumber(lang, a.UpTo, 2), lang))
		}
		if a.Travel {
			v += lang.Pick(", cộng thời gian đi lại", ", plus the trip")
		}
		out = append(out, Parameter{Name: prefix + ".activities." + a.ID, Value: v, Source: a.Source})
	}
	return out
}

var periodTexts = map[model.Period]model.Text{
	model.PerWeek: {Vi: "tuần", En: "week"}, model.PerMonth: {Vi: "tháng", En: "month"},
	model.PerQuarter: {Vi: "quý", En: "quarter"}, model.PerYear: {Vi: "năm", En: "year"},
}

var basisTexts = map[model.Basis]model.Text{
	model.EachUnit: {Vi: "đơn vị", En: "unit"}, model.EachVillage: {Vi: "thôn", En: "village"},
	model.EachHousehold: {Vi: "hộ", En: "household"}, model.EachResident: {Vi: "người dân", En: "resident"},
	model.EachKm2: {Vi: "km²", En: "km²"},
}

func periodText(p model.Period, lang model.Lang) string {
	if t, ok := periodTexts[p]; ok {
		return t.In(lang)
	}
	return p.String()
}

func basisText(b model.Basis, lang model.Lang) string {
	if t, ok := basisTexts[b]; ok {
		return t.In(lang)
	}
	return b.String()
}
