package scenarios

import (
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/tables"
)

// Scenario is a scenario file resolved through its extends chain: the
// policy, the simulator's dynamics and the titles as model values, and
// where its units and people come from. Units and People are empty until
// [Scenario.LoadData].
type Scenario struct {
	model.Scenario
	// Chain lists the files read, from the one loaded to the last base.
	Chain []string
	Data  DataSpec
	// Warnings are what [Scenario.LoadData] accepted but a planner should
	// know, each positioned and saying what it changes (print them with
	// [tables.Error.Warning]).
	Warnings tables.ErrorList

	mergerSites []errorSite // where each of Dynamics.Mergers was written
}

const maxChain = 32

// Load reads the scenario ref — a preset name or a path to a YAML file —
// and resolves its extends chain. Every problem found is returned, each
// with its file, line, column and field path, as a [tables.ErrorList].
func Load(ref string) (*Scenario, error) {
	return load(ref, "")
}

// LoadBytes resolves a scenario given as text, as if read from a file
// called name in directory dir (for relative paths and extends). Notebooks
// use it to write a variant inline.
func LoadBytes(name, dir string, src []byte) (*Scenario, error) {
	f, err := parseFile(name, dir, false, src)
	if err != nil {
		return nil, tables.ErrorList{toError(name, err)}
	}
	return resolveChain(f)
}

func load(ref, dir string) (*Scenario, error) {
	f, err := readRef(ref, dir, false)
	if err != nil {
		return nil, tables.ErrorList{toError(ref, err)}
	}
	return resolveChain(f)
}

func toError(name string, err error) *tables.Error {
	if e, ok := err.(*tables.Error); ok {
		return e
	}
	return (&tables.Error{File: name}).Setf(errorsVi, "%s", err.Error())
}

// resolveChain follows extends from leaf, checks every file, lays them over
// one another base first and converts the result.
func resolveChain(leaf *srcFile) (*Scenario, error) {
	chain := []*srcFile{leaf}
	seen := map[string]bool{leaf.name: true}
	var errs tables.ErrorList
	for f := leaf; f.doc.Extends != nil; {
		ref := strings.TrimSpace(*f.doc.Extends)
		if ref == "" {
			errs = append(errs, f.errAt("extends", "expected a preset name or a file path, got nothing"))
			break
		}
		next, err := readRef(ref, f.dir, f.preset)
		if err != nil {
			e := f.errAt("extends", "%s", err)
			if inner, ok := err.(*tables.Error); ok {
				if inner.Line > 0 {
					errs = append(errs, inner) // the base file itself is broken
					break
				}
				e.Msg = inner.Msg + ": " + inner.File
				if inner.Vi != "" {
					e.Vi = inner.Vi + ": " + inner.File
				}
			}
			errs = append(errs, e)
			break
		}
		if seen[next.name] {
			names := make([]string, 0, len(chain)+1)
			for _, c := range chain {
				names = append(names, c.name)
			}
			errs = append(errs, f.errAt("extends", "extends cycle: %s → %s", strings.Join(names, " → "), next.name))
			break
		}
		if len(chain) >= maxChain {
			errs = append(errs, f.errAt("extends", "more than %d levels of extends", maxChain))
			break
		}
		seen[next.name] = true
		chain = append(chain, next)
		f = next
	}
	layers := make([]*layer, len(chain))
	for i, f := range chain {
		layers[i] = checkFile(f)
		errs = append(errs, layers[i].errs...)
	}
	if len(errs) > 0 {
		return nil, errs.Err()
	}
	s, errs := merge(layers)
	return s, errs.Err()
}

// layer is one checked file: its policy and dynamics converted to model
// values, its titles still in file form (they merge field by field), and
// the title references it makes.
type layer struct {
	f        *srcFile
	policy   model.Policy
	dynamics model.Dynamics
	mergers  bool // the file gives dynamics.mergers, which replaces the inherited list
	calendar model.Calendar
	refs     []titleRef
	errs     tables.ErrorList
}

type titleRef struct {
	f     *srcFile
	path  string
	id    string
	level model.Level // the level the title must have; LevelUnknown: any
}

// checker accumulates errors for one file.
type checker struct {
	f    *srcFile
	errs *tables.ErrorList
}

func (c checker) fail(path, format string, args ...any) {
	*c.errs = append(*c.errs, c.f.errAt(path, format, args...))
}

func (c checker) date(path string, s *string, required bool) model.Date {
	if s == nil {
		if required {
			c.fail(path, "required: a date YYYY-MM-DD")
		}
		return 0
	}
	d, err := model.ParseDate(*s)
	if err != nil {
		c.fail(path, "expected a date YYYY-MM-DD, got %q", *s)
		return 0
	}
	if int64(d.Year()) < calendarSpan.lo || int64(d.Year()) > calendarSpan.hi {
		c.fail(path, "expected a date in the years %d to %d, got %q", calendarSpan.lo, calendarSpan.hi, *s)
		return 0
	}
	return d
}

func checkFile(f *srcFile) *layer {
	l := &layer{f: f}
	c := checker{f: f, errs: &l.errs}
	d := &f.doc
	if d.Name != nil && strings.TrimSpace(*d.Name) == "" {
		c.fail("name", "expected a non-empty name")
	}
	c.date("date", d.Date, false)
	checkDisplay(c, d)
	if d.Policy != nil {
		l.policy = convPolicy(c, d.Policy, &l.refs)
	}
	if d.Dynamics != nil {
		l.dynamics = convDynamics(c, d.Dynamics)
		l.mergers = d.Dynamics.Mergers != nil
	}
	ids := map[string]int{}
	for i := range d.Titles {
		t := &d.Titles[i]
		path := fmt.Sprintf("titles[%d]", i)
		if t.ID == nil {
			c.fail(path, "required: id, the title's key (lowercase letters, digits and -)")
			continue
		}
		if !idPattern.MatchString(*t.ID) {
			c.fail(path+".id", "expected lowercase letters, digits and -, got %q", *t.ID)
		}
		if j, dup := ids[*t.ID]; dup {
			c.fail(path+".id", "title %q is already defined at titles[%d] in this file", *t.ID, j)
		}
		ids[*t.ID] = i
		if t.Remove != nil && *t.Remove {
			if !reflect.DeepEqual(*t, fileTitle{ID: t.ID, Remove: t.Remove}) {
				c.fail(path+".remove", "a removed title takes no other fields")
			}
			continue
		}
		convTitle(c, path, t, false)
		checkTitleChanges(c, path, t)
	}
	if d.Data != nil {
		checkData(c, d.Data)
	}
	l.calendar = convCongresses(c, d.Congresses)
	return l
}

var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// series converts one dated parameter list: every entry needs from, value
// and source, in strictly increasing date order.
func series[T, V any](c checker, path string, in []dated[T], conv func(path string, v *T) V) model.Series[V] {
	if in == nil {
		return nil
	}
	if len(in) == 0 {
		c.fail(path, "expected at least one dated value {from, value, source}")
		return nil
	}
	out := make(model.Series[V], 0, len(in))
	for i, e := range in {
		p := fmt.Sprintf("%s[%d]", path, i)
		from := c.date(p+".from", e.From, true)
		if e.Source == nil || strings.TrimSpace(*e.Source) == "" {
			c.fail(p+".source", "required: the legal source (decree and article) or \"assumption: …\"")
		}
		var v V
		if e.Value == nil {
			c.fail(p+".value", "required: the value in force from %s", strOr(e.From, "the date"))
		} else {
			v = conv(p+".value", e.Value)
		}
		if i > 0 && from != 0 && out[i-1].From != 0 && from <= out[i-1].From {
			c.fail(p+".from", "dates out of order: %s is not after %s (entries must be in increasing date order)", from, out[i-1].From)
		}
		out = append(out, model.Dated[V]{From: from, Value: v, Source: strOr(e.Source, "")})
	}
	return out
}

func strOr(s *string, def string) string {
	if s == nil {
		return def
	}
	return *s
}

func convPolicy(c checker, p *filePolicy, refs *[]titleRef) model.Policy {
	var out model.Policy
	out.BaseSalary = series(c, "policy.base_salary", p.BaseSalary, func(path string, v *int64) model.Money {
		return model.Money(c.count(path, *v, salarySpan))
	})
	out.MaxTitlesPerPerson = series(c, "policy.max_titles_per_person", p.MaxTitlesPerPerson, func(path string, v *int) int {
		return c.countInt(path, *v, maxTitlesSpan)
	})
	out.Combination = series(c, "policy.combination", p.Combination, func(path string, v *fileCombination) model.CombinationRule {
		return convCombination(c, path, v, refs)
	})
	out.Levels = series(c, "policy.levels", p.Levels, func(path string, v *fileLevels) model.LevelRule {
		return convLevels(c, path, v, refs)
	})
	out.ConcurrencyRate = series(c, "policy.concurrency_rate", p.ConcurrencyRate, func(path string, v *float64) float64 {
		return c.num(path, *v, shareSpan)
	})
	out.CommuneCap = series(c, "policy.commune_cap", p.CommuneCap, func(path string, v *fileByClass[int]) model.ByClass[int] {
		return byClass(c, path, v, func(path string, x int) int { return c.countInt(path, x, communeCapSpan) })
	})
	out.ExtraWorkers = series(c, "policy.extra_workers", p.ExtraWorkers, func(path string, v *fileExtraWorkers) model.ExtraWorkerRule {
		return convExtraWorkers(c, path, v)
	})
	out.CommuneFund = series(c, "policy.commune_fund", p.CommuneFund, func(path string, v *fileByClass[float64]) model.ByClass[model.Coefficient] {
		return byClass(c, path, v, func(path string, x float64) model.Coefficient { return model.Coefficient(c.num(path, x, fundSpan)) })
	})
	out.ExtraWorkerFund = series(c, "policy.extra_worker_fund", p.ExtraWorkerFund, func(path string, v *float64) model.Coefficient {
		return model.Coefficient(c.num(path, *v, fundSpan))
	})
	out.VillageCap = series(c, "policy.village_cap", p.VillageCap, func(path string, v *int) int {
		return c.countInt(path, *v, villageCapSpan)
	})
	out.VillageFund = series(c, "policy.village_fund", p.VillageFund, func(path string, v *fileVillageFund) model.VillageFundRule {
		return model.VillageFundRule{
			Standard:            model.Coefficient(reqNum(c, path+".standard", v.Standard, fundSpan)),
			Large:               model.Coefficient(reqNum(c, path+".large", v.Large, fundSpan)),
			ThonHouseholds:      reqCount(c, path+".thon_households", v.ThonHouseholds, populationSpan),
			ToDanPhoHouseholds:  reqCount(c, path+".to_dan_pho_households", v.ToDanPhoHouseholds, populationSpan),
			KeySecurityIsLarge:  reqB(c, path+".key_security_is_large", v.KeySecurityIsLarge),
			BorderIslandIsLarge: reqB(c, path+".border_island_is_large", v.BorderIslandIsLarge),

			KeyDefenceIsLarge:            v.KeyDefenceIsLarge != nil && *v.KeyDefenceIsLarge,
			ParticularlyDifficultIsLarge: v.ParticularlyDifficultIsLarge != nil && *v.ParticularlyDifficultIsLarge,
		}
	})
	out.FundBinds = series(c, "policy.fund_binds", p.FundBinds, func(_ string, v *bool) bool { return *v })
	out.TermsBind = series(c, "policy.terms_bind", p.TermsBind, func(_ string, v *bool) bool { return *v })
	out.Recruitment = series(c, "policy.recruitment", p.Recruitment, func(path string, v *fileRecruitment) model.RecruitmentRule {
		r := model.RecruitmentRule{Allowed: reqB(c, path+".allowed", v.Allowed)}
		if r.Allowed {
			r.MaxPerUnit = reqCount(c, path+".max_per_unit", v.MaxPerUnit, recruitsSpan)
			if v.Cost == nil {
				c.fail(path+".cost", "required when recruitment is allowed: the one-off cost of a recruit in đồng")
			} else {
				r.Cost = model.Money(c.count(path+".cost", *v.Cost, costSpan))
			}
		} else if v.MaxPerUnit != nil || v.Cost != nil {
			c.fail(path+".allowed", "max_per_unit and cost apply only when allowed is true")
		}
		return r
	})
	out.Retirement = series(c, "policy.retirement", p.Retirement, func(path string, v *[]fileRetirementStep) model.RetirementSchedule {
		return convRetirement(c, path, *v)
	})
	out.Severance = series(c, "policy.severance", p.Severance, func(path string, v *fileSeverance) model.SeveranceRule {
		return model.SeveranceRule{
			MonthlyFactor:       reqNum(c, path+".monthly_factor", v.MonthlyFactor, factorSpan),
			YearlyFactor:        reqNum(c, path+".yearly_factor", v.YearlyFactor, factorSpan),
			JobSearchMonths:     reqNum(c, path+".job_search_months", v.JobSearchMonths, monthsSpan),
			ShortServiceYears:   reqCount(c, path+".short_service_years", v.ShortServiceYears, yearsSpan),
			NearRetirementYears: reqCount(c, path+".near_retirement_years", v.NearRetirementYears, yearsSpan),
			CapMonths:           reqCount(c, path+".cap_months", v.CapMonths, capMonthsSpan),
		}
	})
	out.Objective = series(c, "policy.objective", p.Objective, func(path string, v *fileObjective) model.ObjectiveRule {
		return convObjective(c, path, v)
	})
	convNd185Policy(c, p, &out)
	return out
}

// convDynamics converts the simulator's event parameters. Every value is
// checked where it is written; whether the series a simulation needs are
// all there is the simulator's business (a scenario without dynamics
// resolves to the zero Dynamics).
func convDynamics(c checker, d *fileDynamics) model.Dynamics {
	var out model.Dynamics
	out.Resignation = series(c, "dynamics.resignation", d.Resignation, func(path string, v *fileResignation) model.ResignationRule {
		return model.ResignationRule{
			Base:     reqNum(c, path+".base", v.Base, probabilitySpan),
			LowPay:   reqNum(c, path+".low_pay", v.LowPay, slopeSpan),
			Overload: reqNum(c, path+".overload", v.Overload, slopeSpan),
		}
	})
	out.Death = series(c, "dynamics.death", d.Death, func(path string, v *float64) float64 {
		return c.num(path, *v, probabilitySpan)
	})
	out.ReferenceIncome = series(c, "dynamics.reference_income", d.ReferenceIncome, func(path string, v *int64) model.Money {
		return model.Money(c.count(path, *v, incomeSpan))
	})
	out.Candidates = series(c, "dynamics.candidates", d.Candidates, func(path string, v *fileCandidates) model.CandidateRule {
		r := model.CandidateRule{
			PerThousand: reqNum(c, path+".per_thousand", v.PerThousand, perThousandSpan),
			PartyShare:  reqNum(c, path+".party_share", v.PartyShare, probabilitySpan),
			Accept:      reqNum(c, path+".accept", v.Accept, probabilitySpan),
		}
		if v.Age == nil {
			c.fail(path+".age", "required: the age at which a recruit starts, %d to %d", minDynamicsAge, maxDynamicsAge)
		} else {
			r.Age = c.age(path+".age", *v.Age)
		}
		return r
	})
	out.Growth = series(c, "dynamics.growth", d.Growth, func(path string, v *fileGrowth) model.GrowthRule {
		return model.GrowthRule{
			Population: reqNum(c, path+".population", v.Population, growthSpan),
			Households: reqNum(c, path+".households", v.Households, growthSpan),
		}
	})
	out.Vacancy = series(c, "dynamics.vacancy", d.Vacancy, func(path string, v *string) model.VacancyCover {
		vc, err := model.ParseVacancyCover(*v)
		if err != nil {
			c.fail(path, "expected %s, got %q", oneOf(model.VacancyCoverNames()), *v)
		}
		return vc
	})
	out.MaxAge = series(c, "dynamics.max_age", d.MaxAge, func(path string, v *int) int {
		if *v != 0 && (*v < minDynamicsAge || *v > maxDynamicsAge) {
			c.fail(path, "expected 0 (no maximum) or an age from %d to %d, got %d", minDynamicsAge, maxDynamicsAge, *v)
		}
		return *v
	})
	if d.Mergers != nil {
		out.Mergers = make([]model.Merger, 0, len(d.Mergers))
	}
	for i, m := range d.Mergers {
		p := fmt.Sprintf("dynamics.mergers[%d]", i)
		mg := convMerger(c, p, &m)
		if i > 0 && mg.Date != 0 && out.Mergers[i-1].Date != 0 && mg.Date <= out.Mergers[i-1].Date {
			c.fail(p+".date", "dates out of order: %s is not after %s (mergers must be in increasing date order, one per date)", mg.Date, out.Mergers[i-1].Date)
		}
		out.Mergers = append(out.Mergers, mg)
	}
	return out
}

// The ages a recruit may start at and a local maximum age may be set to.
const (
	minDynamicsAge = 15
	maxDynamicsAge = 100
)

func (c checker) age(path string, v int) int {
	if v < minDynamicsAge || v > maxDynamicsAge {
		c.fail(path, "expected an age from %d to %d, got %d", minDynamicsAge, maxDynamicsAge, v)
	}
	return v
}

func reqB(c checker, path string, v *bool) bool {
	if v == nil {
		c.fail(path, "required: true or false")
		return false
	}
	return *v
}

func byClass[T, V any](c checker, path string, v *fileByClass[T], conv func(string, T) V) model.ByClass[V] {
	var out model.ByClass[V]
	get := func(name string, x *T) V { return member(c, path, name, "the value for class", x, conv) }
	out.I, out.II, out.III = get("I", v.I), get("II", v.II), get("III", v.III)
	return out
}

func standards[T, V any](c checker, path string, v *fileStandards[T], conv func(string, T) V) model.Standards[V] {
	var out model.Standards[V]
	if v == nil {
		c.fail(path, "required: standards for xa, xa_mountainous, urban_district_ward, ward and township")
		return out
	}
	get := func(name string, x *T) V { return member(c, path, name, "the standard for", x, conv) }
	out.Xa = get("xa", v.Xa)
	out.XaMountainous = get("xa_mountainous", v.XaMountainous)
	out.UrbanDistrictWard = get("urban_district_ward", v.UrbanDistrictWard)
	out.Ward = get("ward", v.Ward)
	out.Township = get("township", v.Township)
	return out
}

// member converts x, the member name of the value at path; a missing one
// fails as required, saying what it is.
func member[T, V any](c checker, path, name, what string, x *T, conv func(string, T) V) V {
	if x == nil {
		c.fail(path+"."+name, "required: %s %s", what, name)
		var zero V
		return zero
	}
	return conv(path+"."+name, *x)
}

func convExtraWorkers(c checker, path string, v *fileExtraWorkers) model.ExtraWorkerRule {
	return model.ExtraWorkerRule{
		Population:            standards(c, path+".population", v.Population, func(p string, x int) int { return c.countInt(p, x, residentsSpan) }),
		Area:                  standards(c, path+".area_km2", v.Area, func(p string, x float64) float64 { return c.num(p, x, areaSpan) }),
		PopulationStep:        reqNum(c, path+".population_step", v.PopulationStep, stepSpan),
		UrbanDistrictWardStep: reqNum(c, path+".urban_district_ward_step", v.UrbanDistrictWardStep, stepSpan),
		AreaStep:              reqNum(c, path+".area_step", v.AreaStep, stepSpan),
	}
}

func convCombination(c checker, path string, v *fileCombination, refs *[]titleRef) model.CombinationRule {
	var out model.CombinationRule
	if v.Mode == nil {
		c.fail(path+".mode", "required: any, allowed or forbidden")
	} else if m, err := model.ParseCombinationMode(*v.Mode); err != nil {
		c.fail(path+".mode", "expected any, allowed or forbidden, got %q", *v.Mode)
	} else {
		out.Mode = m
	}
	if out.Mode == model.AnyPair && len(v.Pairs) > 0 {
		c.fail(path+".pairs", "pairs have no effect with mode any; use allowed or forbidden")
	}
	for i, pair := range v.Pairs {
		p := fmt.Sprintf("%s.pairs[%d]", path, i)
		if len(pair) != 2 {
			c.fail(p, "expected a pair of two title ids, got %d", len(pair))
			continue
		}
		if pair[0] == pair[1] {
			c.fail(p, "a title cannot be paired with itself (%q)", pair[0])
		}
		for j, id := range pair {
			*refs = append(*refs, titleRef{f: c.f, path: fmt.Sprintf("%s[%d]", p, j), id: id})
		}
		out.Pairs = append(out.Pairs, [2]string{pair[0], pair[1]})
	}
	return out
}

func convLevels(c checker, path string, v *fileLevels, refs *[]titleRef) model.LevelRule {
	var out model.LevelRule
	want := strings.Join(model.LevelModeNames(), ", ")
	if v.CommuneWithVillage == nil {
		c.fail(path+".commune_with_village", "required: which commune titles may be held with village titles (%s)", want)
		return out
	}
	m, err := model.ParseLevelMode(*v.CommuneWithVillage)
	if err != nil {
		c.fail(path+".commune_with_village", "expected %s, got %q", want, *v.CommuneWithVillage)
		return out
	}
	out.Mode = m
	switch {
	case m == model.LevelsListed && len(v.Titles) == 0:
		c.fail(path+".titles", "required with commune_with_village: only: the commune title ids that may be held with village titles")
	case m != model.LevelsListed && v.Titles != nil:
		c.fail(path+".titles", "titles apply only with commune_with_village: only, not %s", m)
	}
	seen := map[string]bool{}
	for i, id := range v.Titles {
		p := fmt.Sprintf("%s.titles[%d]", path, i)
		if seen[id] {
			c.fail(p, "title %q is listed twice", id)
		}
		seen[id] = true
		*refs = append(*refs, titleRef{f: c.f, path: p, id: id, level: model.Commune})
		out.Titles = append(out.Titles, id)
	}
	return out
}

var agePattern = regexp.MustCompile(`^(\d+)y(?:(\d+)m)?$`)

func parseAge(s string) (model.AgeMonths, bool) {
	m := agePattern.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return 0, false
	}
	y, _ := strconv.Atoi(m[1])
	mo := 0
	if m[2] != "" {
		mo, _ = strconv.Atoi(m[2])
	}
	if mo > 11 || y > 120 {
		return 0, false
	}
	return model.Years(y, mo), true
}

func convRetirement(c checker, path string, steps []fileRetirementStep) model.RetirementSchedule {
	if len(steps) == 0 {
		c.fail(path, "expected a table of {year, men, women} rows")
		return nil
	}
	var out model.RetirementSchedule
	for i, st := range steps {
		p := fmt.Sprintf("%s[%d]", path, i)
		var row model.RetirementStep
		row.Year = reqCount(c, p+".year", st.Year, calendarSpan)
		if i > 0 && st.Year != nil && row.Year <= out[i-1].Year {
			c.fail(p+".year", "years out of order: %d is not after %d", row.Year, out[i-1].Year)
		}
		age := func(name string, s *string) model.AgeMonths {
			if s == nil {
				c.fail(p+"."+name, "required: an age such as 61y6m")
				return 0
			}
			a, ok := parseAge(*s)
			if !ok {
				c.fail(p+"."+name, "expected an age such as 62y or 56y8m, got %q", *s)
			}
			return a
		}
		row.Men, row.Women = age("men", st.Men), age("women", st.Women)
		out = append(out, row)
	}
	return out
}

// convTitle converts a title. With complete false (one file of a chain) it
// checks only the fields present; with complete true (the merged title) it
// also requires every field a title needs.
func convTitle(c checker, path string, t *fileTitle, complete bool) model.Title {
	out := model.Title{ID: strOr(t.ID, ""), Source: strOr(t.Source, ""), Holders: model.HoldersRule{Base: 1}}
	need := func(ok bool, field, what string) {
		if complete && !ok {
			c.fail(path+"."+field, "required: %s", what)
		}
	}
	need(t.Level != nil, "level", "commune or village (or province, district)")
	if t.Level != nil {
		l, err := model.ParseLevel(*t.Level)
		if err != nil {
			c.fail(path+".level", "expected one of %s, got %q", strings.Join(model.LevelNames(), ", "), *t.Level)
		}
		out.Level = l
	}
	need(t.Name != nil && t.Name.Vi != nil, "name.vi", "the Vietnamese name")
	need(t.Name != nil && t.Name.En != nil, "name.en", "the English name")
	if t.Name != nil {
		out.Name = model.Text{Vi: strOr(t.Name.Vi, ""), En: strOr(t.Name.En, "")}
	}
	out.UnitTypes = titleUnitTypes(c, path, t.UnitTypes, out.Level)
	need(t.Workload != nil, "workload", "the weekly hours: an activity table {activities, travel_kmh} or {base, per_1000_households, per_km2}")
	if t.Workload != nil {
		out.Workload = convWorkload(c, path+".workload", t.Workload, complete)
	}
	need(t.Allowance != nil, "allowance", "the monthly allowance as a multiple of the base salary")
	if t.Allowance != nil {
		out.Allowance = model.Coefficient(c.num(path+".allowance", *t.Allowance, allowanceSpan))
	}
	out.AllowanceByEducation = educationAllowances(c, path, t.AllowanceByEducation)
	if t.Requires != nil {
		out.Requires = convRequires(c, path+".requires", t.Requires)
	}
	need(t.Term != nil && t.Term.Kind != nil, "term.kind", "appointed or elected")
	if t.Term != nil && t.Term.Kind != nil {
		out.Term = convTerm(c, path+".term", t.Term)
	}
	if t.Organisation != nil {
		o, err := model.ParseOrganisation(*t.Organisation)
		if err != nil {
			c.fail(path+".organisation", "expected one of %s, got %q", strings.Join(model.OrganisationNames(), ", "), *t.Organisation)
		}
		out.Organisation = o
	}
	if t.Holders != nil {
		out.Holders = convHolders(c, path+".holders", t.Holders)
	}
	need(t.Source != nil && strings.TrimSpace(*t.Source) != "", "source", "where the title and its allowance come from (decree, or \"assumption: …\")")
	return out
}

// titleUnitTypes converts a title's unit types, which must be at level
// (when known).
func titleUnitTypes(c checker, path string, types []string, level model.Level) []model.UnitType {
	var out []model.UnitType
	for i, s := range types {
		ty, err := model.ParseUnitType(s)
		if err != nil {
			c.fail(fmt.Sprintf("%s.unit_types[%d]", path, i), "expected one of %s, got %q", strings.Join(model.UnitTypeNames(), ", "), s)
			continue
		}
		if level != model.LevelUnknown && ty.Level() != level {
			c.fail(fmt.Sprintf("%s.unit_types[%d]", path, i), "unit type %s is at level %s, not the title's level %s", ty, ty.Level(), level)
		}
		out = append(out, ty)
	}
	return out
}

// educationAllowances converts a title's allowances by education.
func educationAllowances(c checker, path string, eas []fileEducationAllowance) []model.EducationAllowance {
	var out []model.EducationAllowance
	for i, ea := range eas {
		p := fmt.Sprintf("%s.allowance_by_education[%d]", path, i)
		var e model.EducationAllowance
		if ea.MinEducation == nil {
			c.fail(p+".min_education", "required: one of %s", strings.Join(model.EducationNames(), ", "))
		} else if edu, err := model.ParseEducation(*ea.MinEducation); err != nil {
			c.fail(p+".min_education", "expected one of %s, got %q", strings.Join(model.EducationNames(), ", "), *ea.MinEducation)
		} else {
			e.MinEducation = edu
		}
		e.Allowance = model.Coefficient(reqNum(c, p+".allowance", ea.Allowance, allowanceSpan))
		out = append(out, e)
	}
	return out
}

// convRequires converts a title's requirements at path p.
func convRequires(c checker, p string, r *fileRequires) model.Requirements {
	var out model.Requirements
	out.PartyMember = r.PartyMember != nil && *r.PartyMember
	out.Resident = r.Resident != nil && *r.Resident
	if r.MinEducation != nil {
		edu, err := model.ParseEducation(*r.MinEducation)
		if err != nil {
			c.fail(p+".min_education", "expected one of %s, got %q", strings.Join(model.EducationNames(), ", "), *r.MinEducation)
		}
		out.MinEducation = edu
	}
	if r.Sex != nil {
		s, err := model.ParseSex(*r.Sex)
		if err != nil {
			c.fail(p+".sex", "expected any, male or female, got %q", *r.Sex)
		}
		out.Sex = s
	}
	if r.MinAge != nil {
		out.MinAge = c.countInt(p+".min_age", *r.MinAge, ageSpan)
	}
	if r.MaxAge != nil {
		out.MaxAge = c.countInt(p+".max_age", *r.MaxAge, ageSpan)
		if out.MaxAge > 0 && out.MaxAge < out.MinAge {
			c.fail(p+".max_age", "max_age %d is below min_age %d", out.MaxAge, out.MinAge)
		}
	}
	convRequiresAttrs(c, p, r, &out)
	return out
}

// convTerm converts a title's term at path p, whose kind is given.
func convTerm(c checker, p string, tm *fileTerm) model.TermRule {
	var out model.TermRule
	k, err := model.ParseTermKind(*tm.Kind)
	if err != nil {
		c.fail(p+".kind", "expected appointed or elected, got %q", *tm.Kind)
	}
	out.Kind = k
	switch {
	case k == model.Elected:
		out.Months = reqCount(c, p+".months", tm.Months, termMonthsSpan)
		out.Anchor = c.date(p+".anchor", tm.Anchor, false) // or the organisation's congresses (applyCalendar)
	case tm.Months != nil || tm.Anchor != nil:
		c.fail(p+".kind", "months and anchor apply only to elected titles")
	}
	return out
}

// convHolders converts a title's holders rule at path p; base defaults to 1.
func convHolders(c checker, p string, h *fileHolders) model.HoldersRule {
	opt := func(name string, x *int, r countSpan) int {
		if x == nil || *x == 0 { // 0: the term does not apply
			return 0
		}
		return c.countInt(p+"."+name, *x, r)
	}
	out := model.HoldersRule{Base: opt("base", h.Base, holdersSpan), PerPopulation: opt("per_population", h.PerPopulation, perPopulationSpan),
		Above: opt("above", h.Above, populationSpan), Max: opt("max", h.Max, holdersSpan)}
	if h.Base == nil {
		out.Base = 1
	}
	return out
}
