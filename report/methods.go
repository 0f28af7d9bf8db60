package report

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"unicode"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// Parameter is one dated value of a scenario's policy or dynamics, or one
// title's rule, with the source it comes from.
type Parameter struct {
	Name   string // the key in scenario files, e.g. "base_salary"
	From   string // date it takes effect; "" for a title
	Value  string
	Source string
}

// Parameters lists every parameter of s — every dated value of its policy
// and dynamics, the scheduled mergers, and every title's allowance and
// workload — with its source, in the order of the scenario file.
func Parameters(s *model.Scenario, lang model.Lang) []Parameter {
	var out []Parameter
	out = append(out, seriesParameters(reflect.ValueOf(s.Policy), "", lang)...)
	out = append(out, seriesParameters(reflect.ValueOf(s.Dynamics), "dynamics.", lang)...)
	for _, m := range s.Dynamics.Mergers {
		out = append(out, Parameter{
			Name: "dynamics.mergers", From: lang.Date(m.Date),
			Value:  mergerValue(m, lang),
			Source: m.Source,
		})
	}
	for i := range s.Titles {
		out = append(out, titleParameters(&s.Titles[i], lang)...)
	}
	return out
}

// titleParameters lists a title's rule, one row per version when the law
// changed it, each from its date with its own source.
func titleParameters(t *model.Title, lang model.Lang) []Parameter {
	row := func(from string, v *model.Title) Parameter {
		val := fmt.Sprintf(lang.Pick("%s: hệ số %s × lương cơ sở; %s giờ/tuần", "%s: %s × base salary; %s h a week"),
			v.Name.In(lang), formatNumber(lang, float64(v.Allowance), 2), formatWorkload(v.Workload, lang))
		return Parameter{Name: "titles." + t.ID, From: from, Value: val, Source: v.Source}
	}
	if len(t.Versions) == 0 {
		return append([]Parameter{row("", t)}, activityParameters(t, lang)...)
	}
	var out []Parameter
	for k := range t.Versions {
		v := &t.Versions[k]
		from := ""
		if k > 0 {
			from = lang.Date(v.From)
		}
		out = append(out, row(from, &v.Title))
	}
	return append(out, activityParameters(t, lang)...)
}

// seriesParameters lists the entries of every Series field of the struct v.
func seriesParameters(v reflect.Value, prefix string, lang model.Lang) []Parameter {
	var out []Parameter
	t := v.Type()
	for i := range t.NumField() {
		f := v.Field(i)
		if !t.Field(i).IsExported() || f.Kind() != reflect.Slice || !strings.HasPrefix(f.Type().Name(), "Series[") {
			continue
		}
		for j := range f.Len() {
			e := f.Index(j)
			from := e.FieldByName("From").Interface().(model.Date)
			out = append(out, Parameter{
				Name:   prefix + snake(t.Field(i).Name),
				From:   lang.Date(from),
				Value:  formatValue(e.FieldByName("Value"), lang),
				Source: e.FieldByName("Source").String(),
			})
		}
	}
	return out
}

// snake turns a Go field name into the key used in scenario files:
// MaxTitlesPerPerson → max_titles_per_person.
func snake(s string) string {
	var b strings.Builder
	rs := []rune(s)
	for i, r := range rs {
		if unicode.IsUpper(r) {
			if i > 0 && (unicode.IsLower(rs[i-1]) || i+1 < len(rs) && unicode.IsLower(rs[i+1])) {
				b.WriteByte('_')
			}
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

var (
	moneyType    = reflect.TypeFor[model.Money]()
	dateType     = reflect.TypeFor[model.Date]()
	stringerType = reflect.TypeFor[fmt.Stringer]()
)

// formatValue prints a parameter's value for people: numbers grouped the
// local way, structs as "field: value" lists, long lists summarised.
func formatValue(v reflect.Value, lang model.Lang) string {
	if v.Type() == moneyType {
		return formatNumber(lang, float64(v.Int()), 0) + " đồng"
	}
	if v.Type() == dateType {
		return lang.Date(v.Interface().(model.Date))
	}
	if v.Type().Implements(stringerType) && v.Kind() != reflect.Struct {
		return v.Interface().(fmt.Stringer).String()
	}
	switch v.Kind() {
	case reflect.Bool:
		if v.Bool() {
			return lang.Pick("có", "yes")
		}
		return lang.Pick("không", "no")
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return formatNumber(lang, float64(v.Int()), 0)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return formatNumber(lang, float64(v.Uint()), 0)
	case reflect.Float32, reflect.Float64:
		return trimZeros(formatNumber(lang, v.Float(), 4), lang)
	case reflect.String:
		return v.String()
	case reflect.Slice, reflect.Array:
		if v.Len() > 12 {
			return fmt.Sprintf(lang.Pick("%d mục", "%d items"), v.Len())
		}
		parts := make([]string, v.Len())
		for i := range v.Len() {
			parts[i] = formatValue(v.Index(i), lang)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case reflect.Struct:
		var parts []string
		t := v.Type()
		for i := range t.NumField() {
			if !t.Field(i).IsExported() || v.Field(i).IsZero() {
				continue
			}
			parts = append(parts, snake(t.Field(i).Name)+": "+fieldValue(t.Field(i).Name, v.Field(i), lang))
		}
		if len(parts) == 0 {
			return "—"
		}
		return strings.Join(parts, "; ")
	case reflect.Map:
		return fmt.Sprintf(lang.Pick("%d mục", "%d items"), v.Len())
	}
	return fmt.Sprint(v.Interface())
}

// trimZeros drops trailing zeros after the decimal separator.
func trimZeros(s string, lang model.Lang) string {
	sep := lang.Pick(",", ".")
	if !strings.Contains(s, sep) {
		return s
	}
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, sep)
}

// fieldValue prints a struct field's value as formatValue does, except a
// calendar year, which is never grouped ("2013", not "2.013").
func fieldValue(name string, v reflect.Value, lang model.Lang) string {
	if k := v.Kind(); (name == "Year" || strings.HasSuffix(name, "Year")) && k >= reflect.Int && k <= reflect.Int64 {
		return strconv.FormatInt(v.Int(), 10)
	}
	return formatValue(v, lang)
}
