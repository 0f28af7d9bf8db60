package scenarios

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/synth"
	"github.com/kiemnhiem/kiemnhiem/tables"
)

// DataSpec says where a scenario's units and people come from. Empty file
// names mean the synthetic generator.
type DataSpec struct {
	Seed                 uint64
	UnitsFile            string // path, relative paths already joined to the scenario's directory
	Province             string // GSO code
	District             string // GSO code (pre-2025 lists); "" for the whole province
	Vintage              string // generator vintage: 2024-11 or 2025-07
	HouseholdsPerVillage int    // 0: the generator's calibrated default
	PeopleFile           string // CSV or XLSX
	PeopleSheet          string
	VillagesFile         string // CSV or XLSX; "" for synthetic villages
	VillagesSheet        string

	unitsAt, peopleAt, villagesAt errorSite
}

// errorSite is where a data field was written, for errors found when the
// data is read.
type errorSite struct {
	f    *srcFile
	path string
}

// Defaults for a scenario without a data section: the synthetic generator
// on one mid-sized province that exists unchanged in both vintages (Hà
// Tĩnh, 216 communes before the 2025 reform and 69 after), so examples run
// in seconds on a desktop.
const (
	DefaultProvince = "42"
	DefaultVintage  = "2024-11"
	DefaultSeed     = 1
)

// Vintages are the unit lists the generator is calibrated to.
var Vintages = []string{"2024-11", "2025-07"}

// LoadData reads or generates the scenario's units and people as its data
// section says (the synthetic generator where it says nothing), and checks
// that every holding names a title and unit of the scenario.
func (s *Scenario) LoadData() error {
	var warnings tables.ErrorList
	units, err := buildUnits(s.Data, &warnings)
	if err != nil {
		return err
	}
	if err := checkSeats(units, s.Titles, s.Data.unitsAt); err != nil {
		return err
	}
	people, err := buildPeople(s.Data, units, s.Titles, s.Date, &warnings)
	if err != nil {
		return err
	}
	if err := s.readMappings(units); err != nil {
		return err
	}
	s.Warnings = warnings
	s.Units, s.People = units, people
	return nil
}

// BuildUnits produces units from a data spec: from the file or the
// generator, with classes where the data has none and synthetic villages for
// communes without any.
func BuildUnits(spec DataSpec) ([]model.Unit, error) { return buildUnits(spec, nil) }

// buildUnits is BuildUnits adding the villages file's warnings to
// warnings (when not nil).
func buildUnits(spec DataSpec, warnings *tables.ErrorList) ([]model.Unit, error) {
	cfg := synth.Config{Province: spec.Province, Vintage: spec.Vintage, Seed: spec.Seed, HouseholdsPerVillage: spec.HouseholdsPerVillage}
	var units []model.Unit
	if spec.UnitsFile != "" && isXLSX(spec.UnitsFile) {
		f, err := tables.OpenInput(spec.UnitsFile, tables.MaxXLSXBytes)
		if err != nil {
			return nil, spec.unitsAt.fileError("file", spec.UnitsFile, err)
		}
		f.Close()
		if units, err = tables.ReadUnitsXLSX(spec.UnitsFile, "", tables.UnitSelect{Province: spec.Province, District: spec.District}); err != nil {
			return nil, err
		}
	} else if spec.UnitsFile != "" {
		f, err := tables.OpenInput(spec.UnitsFile, tables.MaxCSVBytes)
		if err != nil {
			return nil, spec.unitsAt.fileError("file", spec.UnitsFile, err)
		}
		units, err = tables.ReadUnits(f, spec.UnitsFile, tables.UnitSelect{Province: spec.Province, District: spec.District})
		f.Close()
		if err != nil {
			return nil, err
		}
	} else {
		var err error
		units, err = synth.Units(cfg)
		if err != nil {
			return nil, spec.unitsAt.wrap("province", err)
		}
		if spec.District != "" {
			if units, err = selectDistrict(units, spec.District); err != nil {
				return nil, spec.unitsAt.wrap("district", err)
			}
		}
	}
	tables.AssignClasses(units)
	units, err := withVillagesFile(spec, units, warnings)
	if err != nil {
		return nil, err
	}
	return synth.AddVillages(units, cfg), nil
}

// BuildPeople produces people from a data spec: from the file, checked
// against the units and titles, or from the generator as today's holders of
// the titles on date. What the file's checks accept with a warning is
// dropped; [Scenario.LoadData] keeps it in Warnings.
func BuildPeople(spec DataSpec, units []model.Unit, titles []model.Title, date model.Date) ([]model.Person, error) {
	return buildPeople(spec, units, titles, date, nil)
}

// buildPeople is BuildPeople adding warnings to warnings (when not nil).
func buildPeople(spec DataSpec, units []model.Unit, titles []model.Title, date model.Date, warnings *tables.ErrorList) ([]model.Person, error) {
	if spec.PeopleFile == "" {
		return synth.People(units, titles, date, spec.Seed), nil
	}
	check := tables.CheckPeople(units, titles, date, warnings)
	if isXLSX(spec.PeopleFile) {
		f, err := tables.OpenInput(spec.PeopleFile, tables.MaxXLSXBytes)
		if err != nil {
			return nil, spec.peopleAt.fileError("file", spec.PeopleFile, err)
		}
		f.Close()
		return tables.ReadPeopleXLSX(spec.PeopleFile, spec.PeopleSheet, check)
	}
	f, err := tables.OpenInput(spec.PeopleFile, tables.MaxCSVBytes)
	if err != nil {
		return nil, spec.peopleAt.fileError("file", spec.PeopleFile, err)
	}
	defer f.Close()
	return tables.ReadPeople(f, spec.PeopleFile, check)
}

// checkSeats refuses a title whose holders rule needs more holders in one
// unit of the data than a title may have (holdersSpan): base and max are
// bounded where they are written, but base + population / per_population
// depends on the units, and a rule such as one holder per 1,000 residents
// in a ward of 100,000 would make the optimiser's problem explode. The
// error is positioned at the units data.
func checkSeats(units []model.Unit, titles []model.Title, site errorSite) error {
	limit := int(holdersSpan.hi)
	for ti := range titles {
		h := titles[ti].Holders
		if h.PerPopulation == 0 || (h.Max > 0 && h.Max <= limit) {
			continue
		}
		for ui := range units {
			u := &units[ui]
			if n := h.For(u); n > limit && titles[ti].AppliesTo(u) {
				return site.errorf("title %s would need %d holders in %s %s (population %d); at most %d: raise holders.per_population or set holders.max",
					titles[ti].ID, n, u.Level, u.Code, u.Population, limit)
			}
		}
	}
	return nil
}

// errorf reports a problem of the data at the scenario field that gives
// it (or, with no scenario file, as a scenarios error).
func (site errorSite) errorf(format string, args ...any) error {
	if site.f == nil {
		return fmt.Errorf("scenarios: "+format, args...)
	}
	return tables.ErrorList{site.f.errAt(site.path, format, args...)}
}

// fileError reports a data file that cannot be opened at the scenario field
// that names it (or, with no scenario file, at the data file itself).
func (site errorSite) fileError(field, name string, err error) error {
	if site.f == nil {
		return tables.ErrorList{(&tables.Error{File: name}).Setf(errorsVi, "cannot read %s: %s", name, underlyingText(err))}
	}
	return tables.ErrorList{site.f.errAt(site.path+"."+field, "cannot read %s: %s", name, underlyingText(err))}
}

// wrap positions a generator error at the scenario field that asked for it.
// With no scenario file, a generator error keeps the "scenarios: " prefix
// the command has always printed.
func (site errorSite) wrap(field string, err error) error {
	msg, fromSynth := strings.CutPrefix(err.Error(), "synth: ")
	switch {
	case site.f != nil:
		return tables.ErrorList{site.f.errAt(site.path+"."+field, "%s", msg)}
	case fromSynth:
		var sel *synth.SelectionError
		if errors.As(err, &sel) { // a command's flag chose it: keep the kind
			return &synth.SelectionError{Msg: "scenarios: " + msg}
		}
		return errors.New("scenarios: " + msg)
	}
	return err
}

// underlyingText is underlying in both languages: a positioned error's
// message in Vietnamese too when it has one.
func underlyingText(err error) model.Text {
	en := underlying(err)
	if e, ok := err.(*tables.Error); ok && e.Vi != "" {
		return model.Text{Vi: e.Vi, En: en}
	}
	return model.Text{Vi: en, En: en}
}

func underlying(err error) string {
	if e, ok := err.(*tables.Error); ok {
		return e.Msg
	}
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
		return nil, &synth.SelectionError{Msg: fmt.Sprintf("no district %s in the generated province", code)}
	}
	return out, nil
}

func checkData(c checker, d *fileData) {
	if u := d.Units; u != nil {
		if u.File != nil && strings.TrimSpace(*u.File) == "" {
			c.fail("data.units.file", "expected a file path")
		}
		if u.File != nil && u.Vintage != nil {
			c.fail("data.units.vintage", "vintage selects the synthetic generator; it cannot be given with file")
		}
		if u.Vintage != nil && !contains(Vintages, *u.Vintage) {
			c.fail("data.units.vintage", "expected one of %s, got %q", strings.Join(Vintages, ", "), *u.Vintage)
		}
		if u.Province != nil && !digits(*u.Province, 2) {
			c.fail("data.units.province", "expected a 2-digit GSO province code such as \"01\", got %q", *u.Province)
		}
		if u.District != nil && !digits(*u.District, 3) {
			c.fail("data.units.district", "expected a 3-digit GSO district code such as \"001\", got %q", *u.District)
		}
		if u.HouseholdsPerVillage != nil {
			c.countInt("data.units.households_per_village", *u.HouseholdsPerVillage, householdsSpan)
		}
	}
	checkVillagesData(c, d.Villages)
	if p := d.People; p != nil {
		if p.File != nil && strings.TrimSpace(*p.File) == "" {
			c.fail("data.people.file", "expected a file path")
		}
		if p.Sheet != nil && (p.File == nil || !strings.EqualFold(filepathExt(*p.File), ".xlsx")) {
			c.fail("data.people.sheet", "sheet applies only to an .xlsx people file")
		}
	}
}

func digits(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// isXLSX reports whether a data file is an XLSX workbook by its name.
func isXLSX(path string) bool { return strings.EqualFold(filepath.Ext(path), ".xlsx") }
