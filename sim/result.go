package sim

import (
	"math"
	"slices"
	"strconv"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// MetricInfo describes one quantity accounted per year and replication.
type MetricInfo struct {
	Name string // key in files, e.g. "allowance"
	Unit string // "people", "đồng", "title-months", …
	Doc  string
}

// UnitText names a unit of [MetricInfo] for people; an unknown unit shows
// itself.
func UnitText(unit string) model.Text { return model.TextOf(unitTexts, unit) }

var unitTexts = map[string]model.Text{
	"people":        {Vi: "người", En: "people"},
	"đồng":          {Vi: "đồng", En: "đồng"},
	"title-months":  {Vi: "chức danh-tháng", En: "title-months"},
	"person-months": {Vi: "người-tháng", En: "person-months"},
	"units":         {Vi: "đơn vị", En: "units"},
}

// Metric is a quantity accounted per year and replication: an index into
// [Metrics] and into Result.Metrics. Flows (money, exits, months) are
// totals over the year; stocks (headcount, units over cap) are taken at
// the year's end.
type Metric int

// The metrics, in the order of [Metrics].
const (
	Headcount Metric = iota
	Allowance
	AllowanceMain
	AllowanceConcurrent
	Fund
	Severance
	RecruitmentCost
	Cost
	VacantTitleMonths
	CoveredTitleMonths
	OverloadedPersonMonths
	UnitsOverCap
	Entries
	ExitsRetirement
	ExitsResignation
	ExitsDeath
	ExitsReleased
	numMetrics
)

// Metrics lists the quantities a Result holds, in index order.
var Metrics = [numMetrics]MetricInfo{
	Headcount:              {"headcount", "people", "people holding at least one title at the year's end"},
	Allowance:              {"allowance", "đồng", "allowances paid in the year (main titles in full, concurrent titles at the concurrency rate)"},
	AllowanceMain:          {"allowance_main", "đồng", "allowances of main titles"},
	AllowanceConcurrent:    {"allowance_concurrent", "đồng", "allowances of titles held concurrently, temporary cover included"},
	Fund:                   {"fund", "đồng", "allowance funds of the communes and villages for the year"},
	Severance:              {"severance", "đồng", "one-off support to people released at re-plans (Decree 154/2025)"},
	RecruitmentCost:        {"recruitment_cost", "đồng", "one-off cost of bringing in recruits (the policy's recruitment cost)"},
	Cost:                   {"cost", "đồng", "allowance + severance + recruitment cost"},
	VacantTitleMonths:      {"vacant_title_months", "title-months", "months titles stood empty (one per holder needed)"},
	CoveredTitleMonths:     {"covered_title_months", "title-months", "months titles were covered by someone else temporarily"},
	OverloadedPersonMonths: {"overloaded_person_months", "person-months", "months people carried more weekly hours than their capacity"},
	UnitsOverCap:           {"units_over_cap", "units", "communes and villages with more holders than their cap at the year's end"},
	Entries:                {"entries", "people", "people who took up titles: recruits and people from the roster"},
	ExitsRetirement:        {"exits_retirement", "people", "holders who retired (schedule or maximum age)"},
	ExitsResignation:       {"exits_resignation", "people", "holders who resigned"},
	ExitsDeath:             {"exits_death", "people", "holders who died or fell long-term ill"},
	ExitsReleased:          {"exits_released", "people", "holders released at a re-plan"},
}

// String returns the metric's key in files, e.g. "allowance".
func (m Metric) String() string {
	if m < 0 || m >= numMetrics {
		return "Metric(" + strconv.Itoa(int(m)) + ")"
	}
	return Metrics[m].Name
}

// Text names the metric for people, e.g. in a chart's legend; an unknown
// metric shows its key.
func (m Metric) Text() model.Text {
	if m < 0 || m >= numMetrics {
		return model.KeyText(m.String())
	}
	return metricTexts[m]
}

var metricTexts = [numMetrics]model.Text{
	Headcount:              {Vi: "Số người giữ chức danh", En: "Headcount"},
	Allowance:              {Vi: "Phụ cấp", En: "Allowances"},
	AllowanceMain:          {Vi: "Phụ cấp chức danh chính", En: "Main-title allowances"},
	AllowanceConcurrent:    {Vi: "Phụ cấp kiêm nhiệm", En: "Concurrent-title allowances"},
	Fund:                   {Vi: "Quỹ phụ cấp", En: "Allowance funds"},
	Severance:              {Vi: "Trợ cấp thôi việc", En: "Severance"},
	RecruitmentCost:        {Vi: "Chi phí tuyển mới", En: "Recruitment"},
	Cost:                   {Vi: "Tổng chi phí", En: "Cost"},
	VacantTitleMonths:      {Vi: "Chức danh trống (chức danh-tháng)", En: "Vacant title-months"},
	CoveredTitleMonths:     {Vi: "Chức danh được kiêm tạm (chức danh-tháng)", En: "Covered title-months"},
	OverloadedPersonMonths: {Vi: "Người quá tải (người-tháng)", En: "Overloaded person-months"},
	UnitsOverCap:           {Vi: "Đơn vị vượt số người tối đa", En: "Units over their cap"},
	Entries:                {Vi: "Người mới nhận chức danh", En: "Entries"},
	ExitsRetirement:        {Vi: "Nghỉ hưu", En: "Retirements"},
	ExitsResignation:       {Vi: "Nghỉ việc", En: "Resignations"},
	ExitsDeath:             {Vi: "Tử vong hoặc ốm dài ngày", En: "Deaths and long illness"},
	ExitsReleased:          {Vi: "Thôi việc khi lập lại phương án", En: "Released at re-plans"},
}

// MetricIndex returns the metric called name.
func MetricIndex(name string) (Metric, bool) {
	for i, m := range Metrics {
		if m.Name == name {
			return Metric(i), true
		}
	}
	return 0, false
}

// Summary is a distribution over replications.
type Summary struct {
	P5, P25, P50, P75, P95 float64
	Mean                   float64
}

// Summarise returns the percentiles (linear interpolation between order
// statistics) and mean of xs; xs is not modified.
func Summarise(xs []float64) Summary {
	if len(xs) == 0 {
		return Summary{}
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	q := func(p float64) float64 {
		h := p * float64(len(s)-1)
		lo := math.Floor(h)
		i := int(lo)
		if i+1 >= len(s) {
			return s[len(s)-1]
		}
		return s[i] + (h-lo)*(s[i+1]-s[i])
	}
	sum := 0.0
	for _, x := range s {
		sum += x
	}
	return Summary{q(0.05), q(0.25), q(0.5), q(0.75), q(0.95), sum / float64(len(s))}
}

// Series is one metric's distribution, year by year.
type Series struct {
	Metric string
	Unit   string
	Years  []Summary // index 0 is year 1
}

// Window is a total over the first Years years of the horizon, discounted
// when the Config says so.
type Window struct {
	Metric string
	Years  int
	Summary
}

// ReplanReason is why the expected world was re-planned.
type ReplanReason string

// Reasons for a re-plan.
const (
	ReplanStart    ReplanReason = "start"    // the plan at the start
	ReplanElection ReplanReason = "election" // an election of a unit's titles
	ReplanMerger   ReplanReason = "merger"   // villages merged
	// ReplanAfterMerger: the merged villages elect when their provisional
	// head's period ends (Decree 185/2026 Art. 4).
	ReplanAfterMerger ReplanReason = "after-merger"
)

// ReplanReasons lists every reason for a re-plan.
var ReplanReasons = []ReplanReason{ReplanStart, ReplanElection, ReplanMerger, ReplanAfterMerger}

// Text names the reason for people; an unknown reason shows its key.
func (r ReplanReason) Text() model.Text { return model.TextOf(replanReasonTexts, r) }

var replanReasonTexts = map[ReplanReason]model.Text{
	ReplanStart:       {Vi: "đầu kỳ", En: "start"},
	ReplanElection:    {Vi: "bầu cử", En: "election"},
	ReplanMerger:      {Vi: "sáp nhập", En: "merger"},
	ReplanAfterMerger: {Vi: "bầu cử sau sắp xếp thôn", En: "election after rearrangement"},
}

// Replan records one re-plan of the expected world.
type Replan struct {
	Date      model.Date
	Reason    ReplanReason
	Headcount int // people holding titles in the plan
	Changed   int // people whose titles changed
	Kept      int // communes the assigner left out, which kept their holders
	// Merged is the number of villages absorbed on this date, Provisional
	// the communes whose merged villages have a provisional head (left out
	// of this re-plan unless they merged on it), until ProvisionalUntil for
	// a merger on this date, when they elect; Rearranged the people released
	// because their village merged, paid under Regime (Decree
	// 185/2026 Art. 16(4), 19; the amount is policy.severance's formula).
	Merged           int
	Provisional      int
	ProvisionalUntil model.Date
	Rearranged       int
	Regime           model.SeveranceRegime
}

// Result is the outcome of simulating one scenario.
type Result struct {
	Scenario string
	Start    model.Date
	Years    int
	Runs     int
	Seed     uint64
	// InitialHeadcount is the number of people holding titles on Start,
	// before the first plan.
	InitialHeadcount int
	// Seats is the number of title holders needed at the start.
	Seats   int
	Replans []Replan
	Metrics []Series // in the order of [Metrics]
	Windows []Window // cost and allowance over 5 and 10 years (as far as the horizon goes)
	// Gaps is every commune's staffing gap, in the scenario's order of
	// units.
	Gaps []CommuneGap
	// samples[m][run*Years+year]
	samples [numMetrics][]float64
}

// CommuneGap is one commune's staffing gap: vacant title-months of the
// commune and its villages, year by year, averaged over the replications.
// Summed over the communes it is the mean of VacantTitleMonths.
type CommuneGap struct {
	Commune string // unit code
	Name    string
	Years   []float64 // index 0 is year 1
}

// Samples returns metric m's value in every replication and year:
// out[run][year]. The slices share memory with r.
func (r *Result) Samples(m Metric) [][]float64 {
	out := make([][]float64, r.Runs)
	for k := range out {
		out[k] = r.samples[m][k*r.Years : (k+1)*r.Years : (k+1)*r.Years]
	}
	return out
}

// Comparison holds a baseline, its variants and their paired differences.
type Comparison struct {
	Baseline    *Result
	Variants    []*Result
	Differences []Difference // one per variant
}

// Difference is a variant against the baseline, replication by
// replication.
type Difference struct {
	Variant string
	// Metrics are variant minus baseline, per metric and year.
	Metrics []Series
	// Savings is the baseline's cost minus the variant's, per year:
	// allowances saved net of severance and recruitment.
	Savings Series
	// NetSavings totals Savings over 5 and 10 years (as far as the horizon
	// goes), discounted when the Config says so.
	NetSavings []Window
	// samples[run*Years+year] of Savings
	samples []float64
}

// windows are the budget windows reported: 5 and 10 years, or the horizon
// when shorter.
func windows(years int) []int {
	var out []int
	for _, w := range []int{5, 10} {
		if w <= years {
			out = append(out, w)
		}
	}
	if len(out) == 0 || out[len(out)-1] < years && years < 10 {
		out = append(out, years)
	}
	return out
}

func discount(rate float64, year int) float64 {
	if rate == 0 {
		return 1
	}
	return 1 / math.Pow(1+rate, float64(year))
}

func windowTotal(samples []float64, runs, years, w int, rate float64) []float64 {
	out := make([]float64, runs)
	for k := range runs {
		s := 0.0
		for y := range w {
			s += samples[k*years+y] * discount(rate, y)
		}
		out[k] = s
	}
	return out
}

func seriesOf(name, unit string, samples []float64, runs, years int) Series {
	s := Series{Metric: name, Unit: unit, Years: make([]Summary, years)}
	col := make([]float64, runs)
	for y := range years {
		for k := range runs {
			col[k] = samples[k*years+y]
		}
		s.Years[y] = Summarise(col)
	}
	return s
}

func (r *Result) summarise(rate float64) {
	r.Metrics = make([]Series, numMetrics)
	for m := range numMetrics {
		r.Metrics[m] = seriesOf(Metrics[m].Name, Metrics[m].Unit, r.samples[m], r.Runs, r.Years)
	}
	r.Windows = nil
	for _, m := range []Metric{Cost, Allowance} {
		for _, w := range windows(r.Years) {
			r.Windows = append(r.Windows, Window{Metrics[m].Name, w, Summarise(windowTotal(r.samples[m], r.Runs, r.Years, w, rate))})
		}
	}
}

func compare(cfg Config, rs []*Result) *Comparison {
	for _, r := range rs {
		r.summarise(cfg.DiscountRate)
	}
	c := &Comparison{Baseline: rs[0], Variants: rs[1:]}
	b := rs[0]
	n := b.Runs * b.Years
	for _, v := range rs[1:] {
		d := Difference{Variant: v.Scenario}
		diff := make([]float64, n)
		for m := range numMetrics {
			for i := range n {
				diff[i] = v.samples[m][i] - b.samples[m][i]
			}
			d.Metrics = append(d.Metrics, seriesOf(Metrics[m].Name, Metrics[m].Unit, diff, b.Runs, b.Years))
		}
		d.samples = make([]float64, n)
		for i := range n {
			d.samples[i] = b.samples[Cost][i] - v.samples[Cost][i]
		}
		d.Savings = seriesOf("savings", "đồng", d.samples, b.Runs, b.Years)
		for _, w := range windows(b.Years) {
			d.NetSavings = append(d.NetSavings, Window{"savings", w, Summarise(windowTotal(d.samples, b.Runs, b.Years, w, cfg.DiscountRate))})
		}
		c.Differences = append(c.Differences, d)
	}
	return c
}

// SavingsSamples returns the paired savings of the variant in every
// replication and year: out[run][year].
func (d *Difference) SavingsSamples(years int) [][]float64 {
	runs := len(d.samples) / max(years, 1)
	out := make([][]float64, runs)
	for k := range out {
		out[k] = d.samples[k*years : (k+1)*years : (k+1)*years]
	}
	return out
}
