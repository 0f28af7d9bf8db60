package scenarios

import (
	"strings"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/tables"
)

// fileVillages is the data.villages section: a villages table (see
// tables.ReadVillages) whose villages replace, for every commune it lists,
// the villages of the units file or the generator.
type fileVillages struct {
	File  *string `yaml:"file,omitempty"`  // CSV or XLSX, relative to the scenario file
	Sheet *string `yaml:"sheet,omitempty"` // XLSX sheet; the first one when absent
}

// villagesSpec copies the data.villages section into spec.
func villagesSpec(spec *DataSpec, v *fileVillages, site errorSite) {
	spec.villagesAt = site
	if v == nil {
		return
	}
	if v.File != nil {
		spec.VillagesFile = joinDir(site.f, *v.File)
	}
	if v.Sheet != nil {
		spec.VillagesSheet = *v.Sheet
	}
}

// checkVillagesData checks the data.villages section as written.
func checkVillagesData(c checker, v *fileVillages) {
	if v == nil {
		return
	}
	if v.File == nil || strings.TrimSpace(*v.File) == "" {
		c.fail("data.villages.file", "expected the path of a villages table (CSV or XLSX)")
	}
	if v.Sheet != nil && (v.File == nil || !strings.EqualFold(filepathExt(*v.File), ".xlsx")) {
		c.fail("data.villages.sheet", "sheet applies only to an .xlsx villages file")
	}
}

// withVillagesFile reads spec's villages file, when it names one, against
// units and puts its villages in place of the units' villages of the
// communes it lists, each commune's right after it in the file's order.
// Villages of other communes are kept; communes with none are left to the
// generator, which a warning says (added to warnings when not nil).
func withVillagesFile(spec DataSpec, units []model.Unit, warnings *tables.ErrorList) ([]model.Unit, error) {
	if spec.VillagesFile == "" {
		return units, nil
	}
	var warn tables.ErrorList
	villages, err := readVillagesFile(spec, units, &warn)
	if err != nil {
		return nil, err
	}
	byCommune := map[string][]model.Unit{}
	for _, v := range villages {
		byCommune[v.Parent] = append(byCommune[v.Parent], v)
	}
	out := make([]model.Unit, 0, len(units)+len(villages))
	codes := map[string]string{}
	has := villageParents(units)
	missing := 0
	for i := range units {
		u := &units[i]
		if u.Level == model.Village && byCommune[u.Parent] != nil {
			continue
		}
		out = append(out, *u)
		codes[u.Code] = u.Level.String()
		if u.Level == model.Commune {
			out = append(out, byCommune[u.Code]...)
			if byCommune[u.Code] == nil && !has[u.Code] {
				missing++
			}
		}
	}
	for _, v := range villages {
		if l, dup := codes[v.Code]; dup {
			return nil, spec.villagesAt.errorf("village %s of %s has the code of a %s of the units; give it a code of its own", v.Code, spec.VillagesFile, l)
		}
	}
	if missing > 0 && spec.villagesAt.f != nil {
		warn = append(warn, spec.villagesAt.f.errAt("data.villages.file",
			"%d communes of the scenario have no villages in %s: their villages are generated (%d communes read from the file)", missing, spec.VillagesFile, len(byCommune)))
	}
	if warnings != nil {
		*warnings = append(*warnings, warn...)
	}
	return out, nil
}

// readVillagesFile reads the villages table spec names.
func readVillagesFile(spec DataSpec, units []model.Unit, warn *tables.ErrorList) ([]model.Unit, error) {
	if strings.EqualFold(filepathExt(spec.VillagesFile), ".xlsx") {
		f, err := tables.OpenInput(spec.VillagesFile, tables.MaxXLSXBytes)
		if err != nil {
			return nil, spec.villagesAt.fileError("file", spec.VillagesFile, err)
		}
		f.Close()
		return tables.ReadVillagesXLSX(spec.VillagesFile, spec.VillagesSheet, units, warn)
	}
	f, err := tables.OpenInput(spec.VillagesFile, tables.MaxCSVBytes)
	if err != nil {
		return nil, spec.villagesAt.fileError("file", spec.VillagesFile, err)
	}
	defer f.Close()
	return tables.ReadVillages(f, spec.VillagesFile, units, warn)
}

// villageParents is the set of communes that have a village in units.
func villageParents(units []model.Unit) map[string]bool {
	has := map[string]bool{}
	for i := range units {
		if units[i].Level == model.Village {
			has[units[i].Parent] = true
		}
	}
	return has
}

// Files are the data files the spec reads (units, people, villages), those
// it names: commands keep their outputs off them and list them in reports.
func (d DataSpec) Files() []string {
	var out []string
	for _, f := range []string{d.UnitsFile, d.PeopleFile, d.VillagesFile} {
		if f != "" {
			out = append(out, f)
		}
	}
	return out
}
