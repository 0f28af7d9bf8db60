package model

import (
	"fmt"
	"math"
	"math/big"
)

// Policy is the rule set that governs who may hold which titles and what it
// costs. Every parameter is a [Series]: values with effective dates and
// sources, so a scenario can be evaluated on any date and a report can cite
// the decree behind each figure.
type Policy struct {
	BaseSalary         Series[Money]           // mức lương cơ sở, đồng per month
	MaxTitlesPerPerson Series[int]             // most titles one person may hold
	Combination        Series[CombinationRule] // which titles may be held together
	Levels             Series[LevelRule]       // which commune titles may be held with village titles
	ConcurrencyRate    Series[float64]         // share of a concurrent title's allowance that is paid (1 = 100 %)
	CommuneCap         Series[ByClass[int]]    // non-specialised workers per commune, by class
	ExtraWorkers       Series[ExtraWorkerRule] // extra workers above the population and area standards
	CommuneFund        Series[ByClass[Coefficient]]
	ExtraWorkerFund    Series[Coefficient] // fund added per extra worker, × base salary per month
	VillageCap         Series[int]         // allowance-paid people per village
	VillageFund        Series[VillageFundRule]
	FundBinds          Series[bool] // allowance spending must stay within the unit's fund
	TermsBind          Series[bool] // an elected holder keeps the title until the term ends
	Recruitment        Series[RecruitmentRule]
	Retirement         Series[RetirementSchedule]
	Severance          Series[SeveranceRule]
	Objective          Series[ObjectiveRule] // the planner's objective (zero: headcount first)

	// Decree 185/2026 (villagefloor.go, villagehead.go, rearrangeseverance.go).
	VillageFloors          Series[VillageFloorRule]           // household floors by region (Art. 10)
	ProvinceFloors         Series[[]ProvinceFloor]            // a province's own floors and lower floor
	VillageHead            Series[VillageHeadRule]            // term and provisional head (Art. 4)
	RearrangementSeverance Series[RearrangementSeveranceRule] // who is paid under which regime (Art. 16(4), 19)
}

// CombinationMode says how a [CombinationRule]'s pairs are read.
type CombinationMode uint8

// Combination modes.
const (
	AnyPair        CombinationMode = iota // any titles may be combined
	AllowedPairs                          // only the listed pairs may be combined
	ForbiddenPairs                        // every pair but the listed ones may be combined
)

var combinationModeNames = enumNames[CombinationMode]{{"any"}, {"allowed"}, {"forbidden"}}

func (m CombinationMode) String() string { return combinationModeNames.str(m) }

// ParseCombinationMode parses "any", "allowed" or "forbidden".
func ParseCombinationMode(s string) (CombinationMode, error) {
	return combinationModeNames.parse("combination mode", s)
}

// CombinationRule lists which pairs of titles one person may hold together.
// Pairs are unordered title IDs.
type CombinationRule struct {
	Mode  CombinationMode
	Pairs [][2]string
}

// Allows reports whether titles a and b may be held by one person.
func (c CombinationRule) Allows(a, b string) bool {
	if c.Mode == AnyPair || a == b {
		return true
	}
	listed := false
	for _, p := range c.Pairs {
		if (p[0] == a && p[1] == b) || (p[0] == b && p[1] == a) {
			listed = true
			break
		}
	}
	return listed == (c.Mode == AllowedPairs)
}

// Standards are per-kind thresholds of NQ 1211/2016 as amended by NQ
// 27/2022, used as the base of Decree 33/2023's extra-worker rule.
type Standards[T any] struct {
	Xa                T // rural commune
	XaMountainous     T // rural commune in a mountainous or highland area
	UrbanDistrictWard T // phường thuộc quận
	Ward              T // other wards
	Township          T // thị trấn
}

// Pick returns the standard for unit u.
func (s Standards[T]) Pick(u *Unit) T {
	switch {
	case u.Type == Phuong && u.Flags.Has(UrbanDistrictWard):
		return s.UrbanDistrictWard
	case u.Type == Phuong:
		return s.Ward
	case u.Type == ThiTran:
		return s.Township
	case u.Flags.Has(Mountainous):
		return s.XaMountainous
	}
	return s.Xa
}

// ExtraWorkerRule is Decree 33/2023 Art. 33(2): one more worker for each
// further PopulationStep (UrbanDistrictWardStep for wards of urban districts)
// of the population standard, and one more for each further AreaStep of the
// area standard, the two added together. The zero rule adds none.
type ExtraWorkerRule struct {
	Population            Standards[int]
	Area                  Standards[float64]
	PopulationStep        float64 // 0.5: one per further half of the standard
	UrbanDistrictWardStep float64 // 1/3
	AreaStep              float64 // 1.0: one per further 100 %
}

// For returns the extra workers unit u is entitled to.
func (r ExtraWorkerRule) For(u *Unit) int {
	n := 0
	step := r.PopulationStep
	if u.Type == Phuong && u.Flags.Has(UrbanDistrictWard) && r.UrbanDistrictWardStep > 0 {
		step = r.UrbanDistrictWardStep
	}
	if std := r.Population.Pick(u); std > 0 && step > 0 && u.Population > std {
		n += extraCount(float64(u.Population-std) / (step * float64(std)))
	}
	if std := r.Area.Pick(u); std > 0 && r.AreaStep > 0 && u.AreaKm2 > std {
		n += extraCount((u.AreaKm2 - std) / (r.AreaStep * std))
	}
	return n
}

// maxExtraWorkers bounds one term of [ExtraWorkerRule.For]. Real rules give
// a handful; a tiny step or standard could give a quotient beyond int64,
// whose conversion is undefined (on amd64 the most negative int, a negative
// cap), so the quotient saturates here.
const maxExtraWorkers = 10_000

// extraCount truncates a count of extra workers, saturating at
// maxExtraWorkers (NaN counts none).
func extraCount(q float64) int {
	if !(q < maxExtraWorkers) {
		if math.IsNaN(q) {
			return 0
		}
		return maxExtraWorkers
	}
	return int(q)
}

// VillageFundRule is the village allowance fund: Large × base salary for a
// large or special village, Standard × otherwise (Decree 33/2023 Art. 34(2)).
type VillageFundRule struct {
	Standard, Large     Coefficient
	ThonHouseholds      int  // a thôn (ấp, bản) with at least this many households is large
	ToDanPhoHouseholds  int  // a tổ dân phố (khu phố) with at least this many households is large
	KeySecurityIsLarge  bool // villages of key-security communes get the large fund
	BorderIslandIsLarge bool // villages of border or island communes get the large fund
	// Decree 185/2026 Art. 15(1) adds two categories (false under NĐ 33).
	KeyDefenceIsLarge            bool // villages of communes key for national defence
	ParticularlyDifficultIsLarge bool // particularly difficult villages (NĐ 272/2025)
}

// IsLarge reports whether village v gets the large fund.
func (r VillageFundRule) IsLarge(v *Unit) bool {
	switch {
	case r.KeySecurityIsLarge && v.Flags.Has(KeySecurity),
		r.BorderIslandIsLarge && v.Flags.Has(BorderIsland),
		r.KeyDefenceIsLarge && v.Flags.Has(KeyDefence),
		r.ParticularlyDifficultIsLarge && v.Flags.Has(ParticularlyDifficult):
		return true
	case v.Type == ToDanPho || v.Type == KhuPho:
		return r.ToDanPhoHouseholds > 0 && v.Households >= r.ToDanPhoHouseholds
	}
	return r.ThonHouseholds > 0 && v.Households >= r.ThonHouseholds
}

// RecruitmentRule says whether and how new people may be brought in to fill
// titles: at most MaxPerUnit recruits per unit, each at a one-off Cost.
type RecruitmentRule struct {
	Allowed    bool
	MaxPerUnit int
	Cost       Money
}

// SeveranceRule is the support for a non-specialised worker made surplus,
// Decree 154/2025/NĐ-CP Art. 9–10, with A the main title's monthly allowance:
// MonthlyFactor·A per month (months served if under ShortServiceYears,
// months to retirement if that is under NearRetirementYears, otherwise
// CapMonths) + YearlyFactor·A per year served + JobSearchMonths·A.
type SeveranceRule struct {
	MonthlyFactor       float64 // 0.8
	YearlyFactor        float64 // 1.5
	JobSearchMonths     float64 // 3
	ShortServiceYears   int     // 5
	NearRetirementYears int     // 5
	CapMonths           int     // 60
}

// Amount returns the one-off support for a person with main-title allowance
// a who served servedMonths and has monthsToRetirement left. Years served
// are counted in half years: a remainder up to 6 months counts as half a
// year, over 6 months as a whole year (the usual Vietnamese severance
// convention; an assumption where the decree text was not seen). The result
// is A times the whole sum, rounded once, half away from zero.
func (r SeveranceRule) Amount(a Money, servedMonths, monthsToRetirement int) Money {
	if servedMonths < 0 {
		servedMonths = 0
	}
	monthly := r.CapMonths
	switch {
	case servedMonths < 12*r.ShortServiceYears:
		monthly = servedMonths
	case monthsToRetirement < 12*r.NearRetirementYears:
		monthly = max(monthsToRetirement, 0)
	}
	halfYears := 2 * (servedMonths / 12)
	switch rem := servedMonths % 12; {
	case rem > 6:
		halfYears += 2
	case rem > 0:
		halfYears++
	}
	// A × the whole sum, rounded once. The factors are read as the decimals
	// they were written as, so 2,789,465 × (0.8 × 31 + 1.5 × 9 + 3) =
	// 2,789,465 × 41.3 = 115,204,904.5 rounds to 115,204,905, where float
	// arithmetic alone gives 115,204,904.
	years := float64(halfYears) / 2
	total := r.MonthlyFactor*float64(monthly) + r.YearlyFactor*years + r.JobSearchMonths
	return roundMoney(float64(a)*total, func() *big.Rat {
		mf, yf, js := decimal(r.MonthlyFactor), decimal(r.YearlyFactor), decimal(r.JobSearchMonths)
		if mf == nil || yf == nil || js == nil {
			return nil
		}
		q := mf.Mul(mf, new(big.Rat).SetInt64(int64(monthly)))
		q.Add(q, yf.Mul(yf, big.NewRat(int64(halfYears), 2)))
		q.Add(q, js)
		return mulRat(q, a)
	})
}

// ErrNoCap is returned for a unit whose cap or fund cannot be determined.
var ErrNoCap = fmt.Errorf("model: no cap or fund for this unit")

// CommuneCapFor returns the most non-specialised workers commune u may have
// on date d: the class cap plus the extra workers.
func (p *Policy) CommuneCapFor(u *Unit, d Date) (int, error) {
	caps, err := p.CommuneCap.At(d)
	if err != nil {
		return 0, err
	}
	c, ok := caps.Get(u.Class)
	if !ok {
		return 0, fmt.Errorf("%w: commune %s %q has no class", ErrNoCap, u.Code, u.Name)
	}
	extra, _ := p.ExtraWorkers.At(d) // no rule in force: no extras
	return c + extra.For(u), nil
}

// CommuneFundFor returns commune u's monthly allowance fund on date d.
func (p *Policy) CommuneFundFor(u *Unit, d Date) (Money, error) {
	base, funds, err := withBase(p, p.CommuneFund, d)
	if err != nil {
		return 0, err
	}
	c, ok := funds.Get(u.Class)
	if !ok {
		return 0, fmt.Errorf("%w: commune %s %q has no class", ErrNoCap, u.Code, u.Name)
	}
	fund := c.Of(base)
	if perExtra, err := p.ExtraWorkerFund.At(d); err == nil {
		extra, _ := p.ExtraWorkers.At(d)
		fund += perExtra.Of(base).Times(extra.For(u))
	}
	return fund, nil
}

// withBase reads the base salary and series s on d, failing when either
// has no value: a fund is a multiple of the base salary.
func withBase[T any](p *Policy, s Series[T], d Date) (Money, T, error) {
	base, err := p.BaseSalary.At(d)
	if err != nil {
		var zero T
		return 0, zero, err
	}
	v, err := s.At(d)
	return base, v, err
}

// VillageFundFor returns village v's monthly allowance fund on date d.
func (p *Policy) VillageFundFor(v *Unit, d Date) (Money, error) {
	base, rule, err := withBase(p, p.VillageFund, d)
	if err != nil {
		return 0, err
	}
	if rule.IsLarge(v) {
		return rule.Large.Of(base), nil
	}
	return rule.Standard.Of(base), nil
}
