package scenarios

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"

	"github.com/goccy/go-yaml"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// YAML returns the resolved scenario in the scenario file format, with no
// extends: every policy and dynamics parameter with all its dated values
// and sources, every merger, every title in full. The text loads back to the
// same scenario, so it doubles as a way to freeze a variant.
func (s *Scenario) YAML() ([]byte, error) {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "# Resolved from: %s\n", joinArrow(s.Chain))
	b, err := yaml.MarshalWithOptions(s.file(), yaml.IndentSequence(true), yaml.UseLiteralStyleIfMultiline(true))
	if err != nil {
		return nil, fmt.Errorf("scenarios: encoding %s: %w", s.Name, err)
	}
	buf.Write(b)
	return buf.Bytes(), nil
}

// JSON returns the resolved scenario as JSON, with the same field names as
// the file format and an extra "chain" field listing the files it came from.
func (s *Scenario) JSON() ([]byte, error) {
	b, err := yaml.MarshalWithOptions(struct {
		Chain   []string `yaml:"chain"`
		fileDoc `yaml:",inline"`
	}{s.Chain, s.file()})
	if err != nil {
		return nil, fmt.Errorf("scenarios: encoding %s: %w", s.Name, err)
	}
	j, err := yaml.YAMLToJSON(b)
	if err != nil {
		return nil, fmt.Errorf("scenarios: encoding %s: %w", s.Name, err)
	}
	var out bytes.Buffer
	if err := json.Indent(&out, j, "", "  "); err != nil {
		return nil, fmt.Errorf("scenarios: encoding %s: %w", s.Name, err)
	}
	out.WriteByte('\n')
	return out.Bytes(), nil
}

func joinArrow(chain []string) string {
	out := ""
	for i, c := range chain {
		if i > 0 {
			out += " → "
		}
		out += c
	}
	return out
}

func ptr[T any](v T) *T { return &v }

func optPtr[T comparable](v T) *T {
	var zero T
	if v == zero {
		return nil
	}
	return &v
}

func toDated[V, T any](s model.Series[V], conv func(V) T) []dated[T] {
	if len(s) == 0 {
		return nil
	}
	out := make([]dated[T], len(s))
	for i, e := range s {
		out[i] = dated[T]{From: ptr(e.From.String()), Value: ptr(conv(e.Value)), Source: ptr(e.Source)}
	}
	return out
}

func same[T any](v T) T { return v }

func toByClass[V, T any](b model.ByClass[V], conv func(V) T) fileByClass[T] {
	return fileByClass[T]{I: ptr(conv(b.I)), II: ptr(conv(b.II)), III: ptr(conv(b.III))}
}

func toStandards[T any](s model.Standards[T]) *fileStandards[T] {
	return &fileStandards[T]{Xa: ptr(s.Xa), XaMountainous: ptr(s.XaMountainous), UrbanDistrictWard: ptr(s.UrbanDistrictWard), Ward: ptr(s.Ward), Township: ptr(s.Township)}
}

func (s *Scenario) file() fileDoc {
	p := &s.Policy
	d := fileDoc{
		Name:          ptr(s.Name),
		Description:   optPtr(s.Description),
		DescriptionVi: optPtr(s.DescriptionVi),
		Display:       toDisplay(s.Display),
		Date:          ptr(s.Date.String()),
		Policy: &filePolicy{
			BaseSalary:         toDated(p.BaseSalary, func(m model.Money) int64 { return int64(m) }),
			MaxTitlesPerPerson: toDated(p.MaxTitlesPerPerson, same[int]),
			Combination: toDated(p.Combination, func(c model.CombinationRule) fileCombination {
				fc := fileCombination{Mode: ptr(c.Mode.String())}
				for _, pr := range c.Pairs {
					fc.Pairs = append(fc.Pairs, []string{pr[0], pr[1]})
				}
				return fc
			}),
			Levels: toDated(p.Levels, func(r model.LevelRule) fileLevels {
				return fileLevels{CommuneWithVillage: ptr(r.Mode.String()), Titles: r.Titles}
			}),
			ConcurrencyRate: toDated(p.ConcurrencyRate, same[float64]),
			CommuneCap:      toDated(p.CommuneCap, func(b model.ByClass[int]) fileByClass[int] { return toByClass(b, same[int]) }),
			ExtraWorkers: toDated(p.ExtraWorkers, func(r model.ExtraWorkerRule) fileExtraWorkers {
				return fileExtraWorkers{Population: toStandards(r.Population), Area: toStandards(r.Area),
					PopulationStep: ptr(r.PopulationStep), UrbanDistrictWardStep: ptr(r.UrbanDistrictWardStep), AreaStep: ptr(r.AreaStep)}
			}),
			CommuneFund: toDated(p.CommuneFund, func(b model.ByClass[model.Coefficient]) fileByClass[float64] {
				return toByClass(b, func(c model.Coefficient) float64 { return float64(c) })
			}),
			ExtraWorkerFund: toDated(p.ExtraWorkerFund, func(c model.Coefficient) float64 { return float64(c) }),
			VillageCap:      toDated(p.VillageCap, same[int]),
			VillageFund: toDated(p.VillageFund, func(r model.VillageFundRule) fileVillageFund {
				return fileVillageFund{Standard: ptr(float64(r.Standard)), Large: ptr(float64(r.Large)),
					ThonHouseholds: ptr(r.ThonHouseholds), ToDanPhoHouseholds: ptr(r.ToDanPhoHouseholds),
					KeySecurityIsLarge: ptr(r.KeySecurityIsLarge), BorderIslandIsLarge: ptr(r.BorderIslandIsLarge),
					KeyDefenceIsLarge: optPtr(r.KeyDefenceIsLarge), ParticularlyDifficultIsLarge: optPtr(r.ParticularlyDifficultIsLarge)}
			}),
			FundBinds: toDated(p.FundBinds, same[bool]),
			TermsBind: toDated(p.TermsBind, same[bool]),
			Recruitment: toDated(p.Recruitment, func(r model.RecruitmentRule) fileRecruitment {
				fr := fileRecruitment{Allowed: ptr(r.Allowed)}
				if r.Allowed {
					fr.MaxPerUnit, fr.Cost = ptr(r.MaxPerUnit), ptr(int64(r.Cost))
				}
				return fr
			}),
			Retirement: toDated(p.Retirement, func(r model.RetirementSchedule) []fileRetirementStep {
				out := make([]fileRetirementStep, len(r))
				for i, st := range r {
					out[i] = fileRetirementStep{Year: ptr(st.Year), Men: ptr(formatAge(st.Men)), Women: ptr(formatAge(st.Women))}
				}
				return out
			}),
			Severance: toDated(p.Severance, func(r model.SeveranceRule) fileSeverance {
				return fileSeverance{MonthlyFactor: ptr(r.MonthlyFactor), YearlyFactor: ptr(r.YearlyFactor), JobSearchMonths: ptr(r.JobSearchMonths),
					ShortServiceYears: ptr(r.ShortServiceYears), NearRetirementYears: ptr(r.NearRetirementYears), CapMonths: ptr(r.CapMonths)}
			}),
			Objective: toDated(p.Objective, objectiveFile),
		},
		Dynamics: dynamicsFile(&s.Dynamics),
		Data:     s.Data.file(),
	}
	showNd185Policy(p, d.Policy)
	for i := range s.Titles {
		d.Titles = append(d.Titles, titleFileDated(&s.Titles[i]))
	}
	d.Congresses = congressFile(s.Calendar)
	return d
}

// dynamicsFile writes the simulator's parameters back in the file format;
// nil (no dynamics section) for the zero Dynamics.
func dynamicsFile(dyn *model.Dynamics) *fileDynamics {
	if reflect.ValueOf(*dyn).IsZero() {
		return nil
	}
	fd := &fileDynamics{
		Resignation: toDated(dyn.Resignation, func(r model.ResignationRule) fileResignation {
			return fileResignation{Base: ptr(r.Base), LowPay: ptr(r.LowPay), Overload: ptr(r.Overload)}
		}),
		Death:           toDated(dyn.Death, same[float64]),
		ReferenceIncome: toDated(dyn.ReferenceIncome, func(m model.Money) int64 { return int64(m) }),
		Candidates: toDated(dyn.Candidates, func(r model.CandidateRule) fileCandidates {
			return fileCandidates{PerThousand: ptr(r.PerThousand), PartyShare: ptr(r.PartyShare), Accept: ptr(r.Accept), Age: ptr(r.Age)}
		}),
		Growth: toDated(dyn.Growth, func(r model.GrowthRule) fileGrowth {
			return fileGrowth{Population: ptr(r.Population), Households: ptr(r.Households)}
		}),
		Vacancy: toDated(dyn.Vacancy, model.VacancyCover.String),
		MaxAge:  toDated(dyn.MaxAge, same[int]),
	}
	for _, m := range dyn.Mergers {
		fd.Mergers = append(fd.Mergers, mergerFile(m))
	}
	return fd
}

func formatAge(a model.AgeMonths) string {
	y, m := a.YearsMonths()
	if m == 0 {
		return fmt.Sprintf("%dy", y)
	}
	return fmt.Sprintf("%dy%dm", y, m)
}

func titleFile(t *model.Title) fileTitle {
	ft := fileTitle{
		ID:    ptr(t.ID),
		Level: ptr(t.Level.String()),
		Name:  &fileText{Vi: ptr(t.Name.Vi), En: ptr(t.Name.En)},
		Workload: &fileWorkload{Base: ptr(float64(t.Workload.Base)), PerThousandHouseholds: ptr(float64(t.Workload.PerThousandHouseholds)), PerKm2: ptr(float64(t.Workload.PerKm2)),
			AreaCapKm2: optPtr(t.Workload.AreaCapKm2)},
		Allowance: ptr(float64(t.Allowance)),
		Requires: &fileRequires{
			PartyMember:  ptr(t.Requires.PartyMember),
			MinEducation: ptr(t.Requires.MinEducation.String()),
			Sex:          ptr(t.Requires.Sex.String()),
			MinAge:       ptr(t.Requires.MinAge),
			MaxAge:       ptr(t.Requires.MaxAge),
			Resident:     ptr(t.Requires.Resident),
		},
		Term:    &fileTerm{Kind: ptr(t.Term.Kind.String())},
		Holders: &fileHolders{Base: ptr(t.Holders.Base), PerPopulation: optPtr(t.Holders.PerPopulation), Above: optPtr(t.Holders.Above), Max: optPtr(t.Holders.Max)},
		Source:  ptr(t.Source),
	}
	if len(t.Workload.Activities) > 0 {
		ft.Workload = activitiesFile(&t.Workload)
	}
	for _, ty := range t.UnitTypes {
		ft.UnitTypes = append(ft.UnitTypes, ty.String())
	}
	showRequiresAttrs(ft.Requires, t.Requires)
	for _, ea := range t.AllowanceByEducation {
		ft.AllowanceByEducation = append(ft.AllowanceByEducation, fileEducationAllowance{MinEducation: ptr(ea.MinEducation.String()), Allowance: ptr(float64(ea.Allowance))})
	}
	if t.Term.Kind == model.Elected {
		ft.Term.Months = ptr(t.Term.Months)
		if !t.Term.Anchor.IsZero() {
			ft.Term.Anchor = ptr(t.Term.Anchor.String())
		}
	}
	if t.Organisation != model.OrgUnknown {
		ft.Organisation = ptr(t.Organisation.String())
	}
	return ft
}

func (d DataSpec) file() *fileData {
	fd := &fileData{Seed: ptr(d.Seed), Units: &fileUnits{}, People: nil}
	if d.UnitsFile != "" {
		fd.Units.File = ptr(d.UnitsFile)
	} else {
		fd.Units.Vintage = ptr(d.Vintage)
	}
	fd.Units.Province = optPtr(d.Province)
	fd.Units.District = optPtr(d.District)
	fd.Units.HouseholdsPerVillage = optPtr(d.HouseholdsPerVillage)
	if d.VillagesFile != "" {
		fd.Villages = &fileVillages{File: ptr(d.VillagesFile), Sheet: optPtr(d.VillagesSheet)}
	}
	if d.PeopleFile != "" {
		fd.People = &filePeople{File: ptr(d.PeopleFile), Sheet: optPtr(d.PeopleSheet)}
	}
	return fd
}
