package scenarios

import (
	"fmt"
	"path/filepath"
	"reflect"
	"sort"
	"strings"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/tables"
)

// titleOrigin remembers where a merged title was first defined, so a field
// missing after the merge is reported there.
type titleOrigin struct {
	f    *srcFile
	path string
}

// merge lays the checked layers over one another, base first: scalars and
// data fields override, policy and dynamics series merge by effective date,
// dynamics mergers are replaced whole, titles merge by id field by field.
// layers[0] is the file that was loaded.
func merge(layers []*layer) (*Scenario, tables.ErrorList) {
	var errs tables.ErrorList
	leaf := layers[0]
	s := &Scenario{}
	var (
		titles = titleLayers{byID: map[string]int{}}
		data   fileData
		sites  = map[string]errorSite{}
	)
	for i := len(layers) - 1; i >= 0; i-- {
		l := layers[i]
		d := &l.f.doc
		s.Chain = append([]string{l.f.name}, s.Chain...)
		if d.Name != nil {
			s.Name = *d.Name
		}
		mergeDisplay(&s.Scenario, d, l == leaf)
		if d.Date != nil {
			s.Date, _ = model.ParseDate(*d.Date) // checked in checkFile
			sites["date"] = errorSite{l.f, "date"}
		}
		mergePolicy(&s.Policy, &l.policy)
		mergeDynamics(&s.Dynamics, &l.dynamics, l.mergers)
		errs = titles.add(l.f, d.Titles, errs)
		s.Calendar = mergeCongresses(s.Calendar, l.calendar)
		if d.Data != nil {
			mergeData(&data, l.f, d.Data, sites)
		}
	}
	if s.Name == "" {
		s.Name = strings.TrimSuffix(filepath.Base(leaf.f.name), filepath.Ext(leaf.f.name))
	}
	if s.Date.IsZero() {
		errs = append(errs, leaf.f.errAt("date", "required: the plan date YYYY-MM-DD, in this file or one it extends"))
	}
	s.Titles, errs = titles.resolve(layers, s.Date, errs)
	errs = titles.applyCalendar(s.Calendar, s.Titles, errs)
	errs = append(errs, checkPolicyComplete(&s.Policy, &s.Dynamics, s.Date, leaf.f, sites["date"])...)
	errs = append(errs, checkProvinceFloors(&s.Policy, layers)...)
	errs = append(errs, checkMergerDates(&s.Scenario, layers)...)
	s.mergerSites = mergerSites(layers)
	s.Data, errs = dataSpec(&data, sites, errs)
	return s, errs
}

// titleLayers merges titles by id across the layers, base first.
type titleLayers struct {
	titles  []*fileTitle // nil: removed by a later layer
	origins []titleOrigin
	changes [][]datedChange // each title's changes by date
	byID    map[string]int
}

// add lays the titles of file f over the merged ones: a new id is added, a
// known one merged field by field, and remove drops one.
func (m *titleLayers) add(f *srcFile, titles []fileTitle, errs tables.ErrorList) tables.ErrorList {
	for k := range titles {
		t := &titles[k]
		id := *t.ID // checked: present
		j, seen := m.byID[id]
		switch {
		case t.Remove != nil && *t.Remove:
			if !seen || m.titles[j] == nil {
				errs = append(errs, f.errAt(fmt.Sprintf("titles[%d].id", k), "cannot remove title %q: no scenario this one extends defines it", id))
				continue
			}
			m.titles[j] = nil
		case seen && m.titles[j] != nil:
			layTitle(m.titles[j], t)
			m.changes[j] = addChanges(m.changes[j], f, fmt.Sprintf("titles[%d]", k), t)
		default:
			cp := *t
			m.byID[id] = len(m.titles)
			m.titles = append(m.titles, &cp)
			m.origins = append(m.origins, titleOrigin{f, fmt.Sprintf("titles[%d]", k)})
			m.changes = append(m.changes, addChanges(nil, f, fmt.Sprintf("titles[%d]", k), t))
		}
	}
	return errs
}

// resolve completes and converts the merged titles as in force on date,
// reporting errors where each was defined, and checks every layer's
// references to titles.
func (m *titleLayers) resolve(layers []*layer, date model.Date, errs tables.ErrorList) ([]model.Title, tables.ErrorList) {
	var out []model.Title
	for k, t := range m.titles {
		if t == nil {
			continue
		}
		o := m.origins[k]
		c := checker{f: o.f, errs: &errs}
		out = append(out, titleVersions(c, o, t, m.changes[k], date))
	}
	if len(out) == 0 {
		errs = append(errs, layers[0].f.errAt("titles", "the scenario defines no titles"))
	}
	return out, checkRefs(out, layers, errs)
}

// checkRefs checks every layer's references to titles against the
// resolved titles: the title exists (else the closest id is suggested) and
// has the level the reference needs.
func checkRefs(titles []model.Title, layers []*layer, errs tables.ErrorList) tables.ErrorList {
	ids := map[string]bool{}
	level := map[string]model.Level{}
	for _, t := range titles {
		ids[t.ID] = true
		level[t.ID] = t.Level
	}
	for _, l := range layers {
		for _, r := range l.refs {
			switch {
			case !ids[r.id]:
				errs = append(errs, r.f.errAt(r.path, "no title %q in the resolved scenario%s (titles: %s)", r.id, didYouMean(r.id, ids), strings.Join(sortedKeys(ids), ", ")))
			case r.level != model.LevelUnknown && level[r.id] != r.level:
				errs = append(errs, r.f.errAt(r.path, "expected a %s title, got %q, a %s title", r.level, r.id, level[r.id]))
			}
		}
	}
	return errs
}

// mergeData lays file f's data section d over data, noting in sites where
// units and people were last given.
func mergeData(data *fileData, f *srcFile, d *fileData, sites map[string]errorSite) {
	// A file and the generator's vintage exclude each other: choosing one
	// in a variant drops the other from the base.
	if u := d.Units; u != nil && data.Units != nil {
		cp := *data.Units // shared with the base's document
		data.Units = &cp
		if u.File != nil {
			data.Units.Vintage = nil
		}
		if u.Vintage != nil {
			data.Units.File = nil
		}
	}
	mergeStruct(reflect.ValueOf(data).Elem(), reflect.ValueOf(d).Elem())
	if d.Units != nil {
		sites["units"] = errorSite{f, "data.units"}
	}
	if d.People != nil {
		sites["people"] = errorSite{f, "data.people"}
	}
	if d.Villages != nil {
		sites["villages"] = errorSite{f, "data.villages"}
	}
}

// mergeStruct copies every field set in src over dst: pointers that are not
// nil (recursing into structs so a variant may change one field of a
// nested block) and slices that are not nil (replaced whole).
func mergeStruct(dst, src reflect.Value) {
	for i := range src.NumField() {
		sf, df := src.Field(i), dst.Field(i)
		switch sf.Kind() {
		case reflect.Pointer:
			if sf.IsNil() {
				continue
			}
			if !df.IsNil() && sf.Elem().Kind() == reflect.Struct {
				cp := reflect.New(df.Elem().Type())
				cp.Elem().Set(df.Elem())
				mergeStruct(cp.Elem(), sf.Elem())
				df.Set(cp)
				continue
			}
			df.Set(sf)
		case reflect.Slice:
			if !sf.IsNil() {
				df.Set(sf)
			}
		default:
			df.Set(sf)
		}
	}
}

// mergePolicy lays the series of over onto dst by effective date: an entry
// with the same date replaces the inherited one, others are added in date
// order. model.Policy's fields are all Series, so this goes by reflection.
func mergePolicy(dst, over *model.Policy) {
	dv, ov := reflect.ValueOf(dst).Elem(), reflect.ValueOf(over).Elem()
	for i := range ov.NumField() {
		mergeSeries(dv.Field(i), ov.Field(i))
	}
}

// mergeDynamics lays the dynamics of one layer over dst: the series merge
// by effective date as the policy's do; mergers, when the layer gives them
// (replace is true, even for an empty list), replace the inherited list.
func mergeDynamics(dst, over *model.Dynamics, replace bool) {
	dv, ov := reflect.ValueOf(dst).Elem(), reflect.ValueOf(over).Elem()
	for i := range ov.NumField() {
		if ov.Type().Field(i).Name == "Mergers" {
			continue
		}
		mergeSeries(dv.Field(i), ov.Field(i))
	}
	if replace {
		dst.Mergers = nil
		if len(over.Mergers) > 0 {
			dst.Mergers = over.Mergers
		}
	}
}

// mergeSeries merges the model.Series o into d by effective date.
func mergeSeries(d, o reflect.Value) {
	if o.Len() == 0 {
		return
	}
	merged := reflect.MakeSlice(d.Type(), 0, d.Len()+o.Len())
	from := func(v reflect.Value, k int) model.Date { return model.Date(v.Index(k).FieldByName("From").Int()) }
	a, b := 0, 0
	for a < d.Len() || b < o.Len() {
		switch {
		case b >= o.Len() || (a < d.Len() && from(d, a) < from(o, b)):
			merged = reflect.Append(merged, d.Index(a))
			a++
		case a < d.Len() && from(d, a) == from(o, b):
			merged = reflect.Append(merged, o.Index(b))
			a++
			b++
		default:
			merged = reflect.Append(merged, o.Index(b))
			b++
		}
	}
	d.Set(merged)
}

// optionalPolicy are the parameters a scenario may leave out: without them
// there are no extra workers, levels mix (model.PolicyAt.Levels: only
// combination limits the pairs), and the objective is headcount first.
var optionalPolicy = map[string]bool{"ExtraWorkers": true, "ExtraWorkerFund": true, "Levels": true, "Objective": true,
	"VillageFloors": true, "ProvinceFloors": true, "VillageHead": true, "RearrangementSeverance": true}

// optionalDynamics are the dynamics series that may start after the plan
// date: before its first value there is no maximum age.
var optionalDynamics = map[string]bool{"MaxAge": true}

// checkPolicyComplete requires every other parameter to have a value in
// force on the plan date. Parameters that start after it are reported
// together, at the plan date, which is usually what is wrong. The dynamics
// may be left out (the zero Dynamics), but a dynamics series that is given
// must also be in force on the plan date, max_age excepted.
func checkPolicyComplete(p *model.Policy, dyn *model.Dynamics, date model.Date, leaf *srcFile, dateSite errorSite) tables.ErrorList {
	var errs tables.ErrorList
	var late []string
	first := func(v reflect.Value) model.Date { return model.Date(v.Index(0).FieldByName("From").Int()) }
	pv := reflect.ValueOf(p).Elem()
	for i := range pv.NumField() {
		name := pv.Type().Field(i).Name
		path := "policy." + fieldKey(reflect.TypeFor[filePolicy](), name)
		v := pv.Field(i)
		if v.Len() == 0 {
			if !optionalPolicy[name] {
				errs = append(errs, leaf.errAt(path, "required: a list of {from, value, source}, in this file or one it extends"))
			}
			continue
		}
		if f := first(v); !date.IsZero() && f > date && !optionalPolicy[name] {
			late = append(late, fmt.Sprintf("%s (from %s)", path, f))
		}
	}
	dv := reflect.ValueOf(dyn).Elem()
	for i := range dv.NumField() {
		name := dv.Type().Field(i).Name
		v := dv.Field(i)
		if name == "Mergers" || optionalDynamics[name] || v.Len() == 0 {
			continue
		}
		if f := first(v); !date.IsZero() && f > date {
			late = append(late, fmt.Sprintf("dynamics.%s (from %s)", fieldKey(reflect.TypeFor[fileDynamics](), name), f))
		}
	}
	if len(late) > 0 && dateSite.f != nil {
		errs = append(errs, dateSite.f.errAt("date", "the plan date %s is before the first value of %s", date, strings.Join(late, ", ")))
	}
	return errs
}

// fieldKey is the file name of a model.Policy or model.Dynamics field: the
// file type t (filePolicy, fileDynamics) has the same Go field names.
func fieldKey(t reflect.Type, field string) string {
	f, _ := t.FieldByName(field)
	return strings.Split(f.Tag.Get("yaml"), ",")[0]
}

func dataSpec(d *fileData, sites map[string]errorSite, errs tables.ErrorList) (DataSpec, tables.ErrorList) {
	spec := DataSpec{Seed: DefaultSeed, Vintage: DefaultVintage, Province: DefaultProvince,
		unitsAt: sites["units"], peopleAt: sites["people"]}
	if d.Seed != nil {
		spec.Seed = *d.Seed
	}
	if u := d.Units; u != nil {
		if u.File != nil {
			spec.UnitsFile = joinDir(spec.unitsAt.f, *u.File)
			spec.Vintage = ""
			spec.Province = ""
		}
		if u.Vintage != nil {
			spec.Vintage = *u.Vintage
		}
		if u.Province != nil {
			spec.Province = *u.Province
		}
		if u.District != nil {
			spec.District = *u.District
		}
		if u.HouseholdsPerVillage != nil {
			spec.HouseholdsPerVillage = *u.HouseholdsPerVillage
		}
		if spec.UnitsFile != "" && u.Vintage != nil {
			errs = append(errs, spec.unitsAt.f.errAt("data.units.vintage", "vintage selects the synthetic generator; this scenario reads units from %s", spec.UnitsFile))
		}
	}
	if p := d.People; p != nil {
		if p.File != nil {
			spec.PeopleFile = joinDir(spec.peopleAt.f, *p.File)
		}
		if p.Sheet != nil {
			spec.PeopleSheet = *p.Sheet
		}
	}
	villagesSpec(&spec, d.Villages, sites["villages"])
	return spec, errs
}

// joinDir resolves a path written in a scenario file against the file's
// directory.
func joinDir(f *srcFile, p string) string {
	if f == nil || f.dir == "" || filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(f.dir, p)
}

func filepathExt(p string) string { return filepath.Ext(p) }

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
