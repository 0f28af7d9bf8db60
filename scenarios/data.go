package scenarios

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// LoadData reads or generates the scenario's units and people as its data
// section says (the synthetic generator where it says nothing), and checks
// that every holding names a title and unit of the scenario.
func (s *Scenario) LoadData() error {
	units, err := BuildUnits(s.Data)
	if err != nil {
		return err
	}
	people, err := BuildPeople(s.Data, units, s.Titles, s.Date)
	if err != nil {
		return err
	}
	s.Units, s.People = units, people
	return nil
}

// BuildUnits produces units from a data spec: from the file or the
// generator, with classes where the data has none and synthetic villages for
// communes without any.
func BuildUnits(spec DataSpec) ([]model.Unit, error) {
	cfg := GenerateConfig{Province: spec.Province, Vintage: spec.Vintage, Seed: spec.Seed, HouseholdsPerVillage: spec.HouseholdsPerVillage}
	var units []model.Unit
	if spec.UnitsFile != "" {
		f, err := os.Open(spec.UnitsFile)
		if err != nil {
			return nil, spec.unitsAt.fileError("file", spec.UnitsFile, err)
		}
		units, err = ReadUnits(f, spec.UnitsFile, UnitSelect{Province: spec.Province, District: spec.District})
		f.Close()
		if err != nil {
			return nil, err
		}
	} else {
		var err error
		units, err = GenerateUnits(cfg)
		if err != nil {
			return nil, spec.unitsAt.wrap("province", err)
		}
		if spec.District != "" {
			if units, err = selectDistrict(units, spec.District); err != nil {
				return nil, spec.unitsAt.wrap("district", err)
			}
		}
	}
	AssignClasses(units)
	return AddVillages(units, cfg), nil
}

// BuildPeople produces people from a data spec: from the file, checked
// against the units and titles, or from the generator as today's holders of
// the titles on date.
func BuildPeople(spec DataSpec, units []model.Unit, titles []model.Title, date model.Date) ([]model.Person, error) {
	if spec.PeopleFile == "" {
		return GeneratePeople(units, titles, date, spec.Seed), nil
	}
	check := checkAgainst(units, titles)
	if strings.EqualFold(filepath.Ext(spec.PeopleFile), ".xlsx") {
		if _, err := os.Stat(spec.PeopleFile); err != nil {
			return nil, spec.peopleAt.fileError("file", spec.PeopleFile, err)
		}
		return readPeopleXLSX(spec.PeopleFile, spec.PeopleSheet, check)
	}
	f, err := os.Open(spec.PeopleFile)
	if err != nil {
		return nil, spec.peopleAt.fileError("file", spec.PeopleFile, err)
	}
	defer f.Close()
	return readPeopleCSV(f, spec.PeopleFile, check)
}

// fileError reports a data file that cannot be opened at the scenario field
// that names it (or, with no scenario file, at the data file itself).
func (site errorSite) fileError(field, name string, err error) error {
	msg := "cannot read " + name + ": " + underlying(err)
	if site.f == nil {
		return ErrorList{{File: name, Msg: msg}}
	}
	return ErrorList{site.f.errAt(site.path+"."+field, "%s", msg)}
}

// wrap positions a generator error at the scenario field that asked for it.
func (site errorSite) wrap(field string, err error) error {
	if site.f == nil {
		return err
	}
	return ErrorList{site.f.errAt(site.path+"."+field, "%s", strings.TrimPrefix(err.Error(), "scenarios: "))}
}

func underlying(err error) string {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err.Error()
	}
	return err.Error()
}

// selectDistrict keeps the province, one district and everything under it.
func selectDistrict(units []model.Unit, code string) ([]model.Unit, error) {
	keep := map[string]bool{code: true}
	found := false
	var out []model.Unit
	for _, u := range units {
		switch {
		case u.Level == model.Province:
			out = append(out, u)
		case u.Code == code && u.Level == model.District:
			found = true
			out = append(out, u)
		case keep[u.Parent]:
			keep[u.Code] = true
			out = append(out, u)
		}
	}
	if !found {
		return nil, fmt.Errorf("no district %s in the generated province", code)
	}
	return out, nil
}

// checkAgainst checks that every person lives in a known unit and every
// holding names a title of the scenario that exists in a known unit.
func checkAgainst(units []model.Unit, titles []model.Title) peopleCheck {
	unit := make(map[string]*model.Unit, len(units))
	for i := range units {
		unit[units[i].Code] = &units[i]
	}
	title := make(map[string]*model.Title, len(titles))
	for i := range titles {
		title[titles[i].ID] = &titles[i]
	}
	return func(p *model.Person, groups []int, bad func(column, format string, args ...any)) {
		if _, ok := unit[p.Residence]; !ok && p.Residence != "" {
			bad("residence", "no unit %q among the scenario's units", p.Residence)
		}
		for k, h := range p.Holdings {
			t, okT := title[h.Title]
			u, okU := unit[h.Unit]
			switch {
			case !okT:
				bad(fmt.Sprintf("title_%d", groups[k]), "no title %q in the scenario", h.Title)
			case !okU:
				bad(fmt.Sprintf("unit_%d", groups[k]), "no unit %q among the scenario's units", h.Unit)
			case !t.AppliesTo(u):
				bad(fmt.Sprintf("title_%d", groups[k]), "title %s does not exist in %s %s (%s)", h.Title, u.Level, u.Code, u.Type)
			}
		}
	}
}
