package scenarios

// The types in this file mirror the scenario file format one to one; they
// are decoded strictly (unknown fields and wrong types are errors) and then
// checked and converted to model values by resolve.go. Optional values are
// pointers so that a variant can tell "not given" from "zero" when it is
// laid over the scenario it extends. schema.json describes the same format
// for editors; a test keeps the two in step.

// fileDoc is one scenario file: the policy (dated legal parameters), the
// simulator's dynamics (dated event parameters and scheduled village
// mergers), the titles and where the data comes from.
type fileDoc struct {
	Name        *string `yaml:"name,omitempty"`
	Description *string `yaml:"description,omitempty"`

	// DescriptionVi and Display name the scenario for readers (display.go).
	DescriptionVi *string      `yaml:"description_vi,omitempty"`
	Display       *fileDisplay `yaml:"display,omitempty"`

	Extends  *string       `yaml:"extends,omitempty"`
	Date     *string       `yaml:"date,omitempty"`
	Policy   *filePolicy   `yaml:"policy,omitempty"`
	Dynamics *fileDynamics `yaml:"dynamics,omitempty"`
	Titles   []fileTitle   `yaml:"titles,omitempty"`
	Data     *fileData     `yaml:"data,omitempty"`

	// Congresses is the organisations' congress calendar (congresses.go).
	Congresses []fileCongress `yaml:"congresses,omitempty"`
}

// dated is one value of a parameter with its effective date and source.
type dated[T any] struct {
	From   *string `yaml:"from,omitempty"`
	Value  *T      `yaml:"value,omitempty"`
	Source *string `yaml:"source,omitempty"`
}

type filePolicy struct {
	BaseSalary         []dated[int64]                `yaml:"base_salary,omitempty"`
	MaxTitlesPerPerson []dated[int]                  `yaml:"max_titles_per_person,omitempty"`
	Combination        []dated[fileCombination]      `yaml:"combination,omitempty"`
	Levels             []dated[fileLevels]           `yaml:"levels,omitempty"`
	ConcurrencyRate    []dated[float64]              `yaml:"concurrency_rate,omitempty"`
	CommuneCap         []dated[fileByClass[int]]     `yaml:"commune_cap,omitempty"`
	ExtraWorkers       []dated[fileExtraWorkers]     `yaml:"extra_workers,omitempty"`
	CommuneFund        []dated[fileByClass[float64]] `yaml:"commune_fund,omitempty"`
	ExtraWorkerFund    []dated[float64]              `yaml:"extra_worker_fund,omitempty"`
	VillageCap         []dated[int]                  `yaml:"village_cap,omitempty"`
	VillageFund        []dated[fileVillageFund]      `yaml:"village_fund,omitempty"`
	FundBinds          []dated[bool]                 `yaml:"fund_binds,omitempty"`
	TermsBind          []dated[bool]                 `yaml:"terms_bind,omitempty"`
	Recruitment        []dated[fileRecruitment]      `yaml:"recruitment,omitempty"`
	Retirement         []dated[[]fileRetirementStep] `yaml:"retirement,omitempty"`
	Severance          []dated[fileSeverance]        `yaml:"severance,omitempty"`
	Objective          []dated[fileObjective]        `yaml:"objective,omitempty"`

	// Decree 185/2026 (villagefloors.go).
	VillageFloors          []dated[fileVillageFloors]          `yaml:"village_floors,omitempty"`
	ProvinceFloors         []dated[[]fileProvinceFloor]        `yaml:"province_floors,omitempty"`
	VillageHead            []dated[fileVillageHead]            `yaml:"village_head,omitempty"`
	RearrangementSeverance []dated[fileRearrangementSeverance] `yaml:"rearrangement_severance,omitempty"`
}

type fileCombination struct {
	Mode  *string    `yaml:"mode,omitempty"` // any | allowed | forbidden
	Pairs [][]string `yaml:"pairs,omitempty"`
}

// fileLevels says which commune titles may be held together with village
// titles (model.LevelRule).
type fileLevels struct {
	CommuneWithVillage *string  `yaml:"commune_with_village,omitempty"` // all | none | only
	Titles             []string `yaml:"titles,omitempty"`               // only: the commune titles that may
}

type fileByClass[T any] struct {
	I   *T `yaml:"I,omitempty"`
	II  *T `yaml:"II,omitempty"`
	III *T `yaml:"III,omitempty"`
}

type fileStandards[T any] struct {
	Xa                *T `yaml:"xa,omitempty"`
	XaMountainous     *T `yaml:"xa_mountainous,omitempty"`
	UrbanDistrictWard *T `yaml:"urban_district_ward,omitempty"`
	Ward              *T `yaml:"ward,omitempty"`
	Township          *T `yaml:"township,omitempty"`
}

type fileExtraWorkers struct {
	Population            *fileStandards[int]     `yaml:"population,omitempty"`
	Area                  *fileStandards[float64] `yaml:"area_km2,omitempty"`
	PopulationStep        *float64                `yaml:"population_step,omitempty"`
	UrbanDistrictWardStep *float64                `yaml:"urban_district_ward_step,omitempty"`
	AreaStep              *float64                `yaml:"area_step,omitempty"`
}

type fileVillageFund struct {
	Standard            *float64 `yaml:"standard,omitempty"`
	Large               *float64 `yaml:"large,omitempty"`
	ThonHouseholds      *int     `yaml:"thon_households,omitempty"`
	ToDanPhoHouseholds  *int     `yaml:"to_dan_pho_households,omitempty"`
	KeySecurityIsLarge  *bool    `yaml:"key_security_is_large,omitempty"`
	BorderIslandIsLarge *bool    `yaml:"border_island_is_large,omitempty"`
	// Decree 185/2026 Art. 15(1); optional, absent is false (NĐ 33).
	KeyDefenceIsLarge            *bool `yaml:"key_defence_is_large,omitempty"`
	ParticularlyDifficultIsLarge *bool `yaml:"particularly_difficult_is_large,omitempty"`
}

type fileRecruitment struct {
	Allowed    *bool  `yaml:"allowed,omitempty"`
	MaxPerUnit *int   `yaml:"max_per_unit,omitempty"`
	Cost       *int64 `yaml:"cost,omitempty"`
}

type fileRetirementStep struct {
	Year  *int    `yaml:"year,omitempty"`
	Men   *string `yaml:"men,omitempty"`   // "61y6m"
	Women *string `yaml:"women,omitempty"` // "57y"
}

type fileSeverance struct {
	MonthlyFactor       *float64 `yaml:"monthly_factor,omitempty"`
	YearlyFactor        *float64 `yaml:"yearly_factor,omitempty"`
	JobSearchMonths     *float64 `yaml:"job_search_months,omitempty"`
	ShortServiceYears   *int     `yaml:"short_service_years,omitempty"`
	NearRetirementYears *int     `yaml:"near_retirement_years,omitempty"`
	CapMonths           *int     `yaml:"cap_months,omitempty"`
}

// fileObjective is the planner's objective (model.ObjectiveRule).
type fileObjective struct {
	Order         *string  `yaml:"order,omitempty"` // headcount | cost | stability
	HorizonYears  *int     `yaml:"horizon_years,omitempty"`
	DiscountRate  *float64 `yaml:"discount_rate,omitempty"`
	InsuranceRate *float64 `yaml:"insurance_rate,omitempty"`
}

// fileDynamics are the simulator's event parameters (model.Dynamics). The
// series merge by date in a variant like the policy's; mergers, a plain list,
// is replaced whole by a variant that gives it (an empty list drops the
// inherited mergers).
type fileDynamics struct {
	Resignation     []dated[fileResignation] `yaml:"resignation,omitempty"`
	Death           []dated[float64]         `yaml:"death,omitempty"`            // yearly probability
	ReferenceIncome []dated[int64]           `yaml:"reference_income,omitempty"` // đồng per month
	Candidates      []dated[fileCandidates]  `yaml:"candidates,omitempty"`
	Growth          []dated[fileGrowth]      `yaml:"growth,omitempty"`
	Vacancy         []dated[string]          `yaml:"vacancy,omitempty"` // concurrent | vacant
	MaxAge          []dated[int]             `yaml:"max_age,omitempty"` // 0: none
	Mergers         []fileMerger             `yaml:"mergers,omitempty"`
}

type fileResignation struct {
	Base     *float64 `yaml:"base,omitempty"`     // yearly probability at adequate pay and load
	LowPay   *float64 `yaml:"low_pay,omitempty"`  // log-odds per unit of pay shortfall
	Overload *float64 `yaml:"overload,omitempty"` // log-odds per unit of overload
}

type fileCandidates struct {
	PerThousand *float64 `yaml:"per_thousand,omitempty"`
	PartyShare  *float64 `yaml:"party_share,omitempty"`
	Accept      *float64 `yaml:"accept,omitempty"`
	Age         *int     `yaml:"age,omitempty"`
}

type fileGrowth struct {
	Population *float64 `yaml:"population,omitempty"`
	Households *float64 `yaml:"households,omitempty"`
}

// fileMerger is one dated rearrangement (model.Merger): exactly one of
// below_households, rearrange and mapping says how its plan is produced;
// rules, only with mapping, are what the decided plan is checked against.
type fileMerger struct {
	Date            *string        `yaml:"date,omitempty"`
	BelowHouseholds *int           `yaml:"below_households,omitempty"`
	Rearrange       *fileRearrange `yaml:"rearrange,omitempty"`
	Mapping         *string        `yaml:"mapping,omitempty"` // CSV or XLSX: old → new village codes
	Rules           *fileRearrange `yaml:"rules,omitempty"`   // optional keys, defaults model.DefaultMergerRules
	Source          *string        `yaml:"source,omitempty"`
}

type fileTitle struct {
	From                 *string                  `yaml:"from,omitempty"` // only in an entry of Changes
	ID                   *string                  `yaml:"id,omitempty"`
	Remove               *bool                    `yaml:"remove,omitempty"` // in a variant: drop the inherited title
	Level                *string                  `yaml:"level,omitempty"`
	Organisation         *string                  `yaml:"organisation,omitempty"`
	Name                 *fileText                `yaml:"name,omitempty"`
	UnitTypes            []string                 `yaml:"unit_types,omitempty"`
	Workload             *fileWorkload            `yaml:"workload,omitempty"`
	Allowance            *float64                 `yaml:"allowance,omitempty"`
	AllowanceByEducation []fileEducationAllowance `yaml:"allowance_by_education,omitempty"`
	Requires             *fileRequires            `yaml:"requires,omitempty"`
	Term                 *fileTerm                `yaml:"term,omitempty"`
	Holders              *fileHolders             `yaml:"holders,omitempty"`
	Source               *string                  `yaml:"source,omitempty"`
	// Changes are the title's fields as the law changed them, by date:
	// each entry has From and any field of a title but its id, level,
	// remove and changes, replacing the one in force before.
	Changes []fileTitle `yaml:"changes,omitempty"`
}

type fileText struct {
	Vi *string `yaml:"vi,omitempty"`
	En *string `yaml:"en,omitempty"`
}

type fileWorkload struct {
	Base                  *float64 `yaml:"base,omitempty"`
	PerThousandHouseholds *float64 `yaml:"per_1000_households,omitempty"`
	PerKm2                *float64 `yaml:"per_km2,omitempty"`
	AreaCapKm2            *float64 `yaml:"area_cap_km2,omitempty"`
	// The activity form (activities.go).
	Activities        []fileActivity `yaml:"activities,omitempty"`
	TravelKmh         *float64       `yaml:"travel_kmh,omitempty"`
	MountainTravelKmh *float64       `yaml:"mountain_travel_kmh,omitempty"`
	WorkingWeeks      *float64       `yaml:"working_weeks,omitempty"`
	SupportShare      *float64       `yaml:"support_share,omitempty"`
	Source            *string        `yaml:"source,omitempty"`
}

type fileEducationAllowance struct {
	MinEducation *string  `yaml:"min_education,omitempty"`
	Allowance    *float64 `yaml:"allowance,omitempty"`
}

type fileRequires struct {
	PartyMember  *bool   `yaml:"party_member,omitempty"`
	MinEducation *string `yaml:"min_education,omitempty"`
	Sex          *string `yaml:"sex,omitempty"`
	MinAge       *int    `yaml:"min_age,omitempty"`
	MaxAge       *int    `yaml:"max_age,omitempty"`
	Resident     *bool   `yaml:"resident,omitempty"`
	// Attributes (requires_attrs.go): veteran status, military training,
	// membership of the title's organisation; whether the title stops at
	// the retirement age (absent: it does); where these come from.
	Veteran          *bool    `yaml:"veteran,omitempty"`
	MilitaryTraining *bool    `yaml:"military_training,omitempty"`
	MemberOf         []string `yaml:"member_of,omitempty"`
	RetirementAge    *bool    `yaml:"retirement_age,omitempty"`
	Source           *string  `yaml:"source,omitempty"`
}

type fileTerm struct {
	Kind   *string `yaml:"kind,omitempty"`   // appointed | elected
	Months *int    `yaml:"months,omitempty"` // elected: term length
	Anchor *string `yaml:"anchor,omitempty"` // elected: one election date
}

type fileHolders struct {
	Base          *int `yaml:"base,omitempty"`
	PerPopulation *int `yaml:"per_population,omitempty"`
	Above         *int `yaml:"above,omitempty"`
	Max           *int `yaml:"max,omitempty"`
}

// fileData says where units and people come from. Without it (or with parts
// of it missing) the synthetic generator fills in.
type fileData struct {
	Seed   *uint64     `yaml:"seed,omitempty"`
	Units  *fileUnits  `yaml:"units,omitempty"`
	People *filePeople `yaml:"people,omitempty"`
	// Villages replaces the villages of the communes it lists (villages.go).
	Villages *fileVillages `yaml:"villages,omitempty"`
}

type fileUnits struct {
	File     *string `yaml:"file,omitempty"`     // CSV: kiemnhiem's units.csv or a GSO list as in shared/data
	Province *string `yaml:"province,omitempty"` // GSO province code to select
	District *string `yaml:"district,omitempty"` // GSO district code to select (pre-2025 lists)
	Vintage  *string `yaml:"vintage,omitempty"`  // generator: 2024-11 or 2025-07
	// HouseholdsPerVillage, when given, is one average size (households) for
	// every synthetic village of a commune the units list without any,
	// replacing the generator's calibration per province and kind of
	// village (see synth.AddVillages).
	HouseholdsPerVillage *int `yaml:"households_per_village,omitempty"`
}

type filePeople struct {
	File  *string `yaml:"file,omitempty"`  // CSV or XLSX
	Sheet *string `yaml:"sheet,omitempty"` // XLSX sheet; the first one when absent
}
