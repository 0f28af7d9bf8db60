package scenarios

import (
	"math"
	"strings"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/tables"
)

// TestSpanContains checks the range rule itself: NaN and infinities are
// outside every range, the bounds are inside unless open.
func TestSpanContains(t *testing.T) {
	tests := []struct {
		r    span
		v    float64
		want bool
	}{
		{shareSpan, 0, true},
		{shareSpan, 1, true},
		{shareSpan, math.NaN(), false},
		{shareSpan, math.Inf(1), false},
		{shareSpan, -1e-300, false},
		{shareSpan, math.Nextafter(1, 2), false},
		{growthSpan, -1, false},
		{growthSpan, -0.99, true},
		{growthSpan, math.Inf(-1), false},
		{stepSpan, 0, false},
		{stepSpan, 0.01, true},
		{growthSpan, 1, true},
		{fundSpan, 1001, false},
		{allowanceSpan, 20, true},
	}
	for _, tt := range tests {
		if got := tt.r.contains(tt.v); got != tt.want {
			t.Errorf("%q contains %v = %v, want %v", tt.r.what, tt.v, got, tt.want)
		}
	}
}

// TestNumberRanges loads a field of each kind with a value outside its
// range and checks the positioned message.
func TestNumberRanges(t *testing.T) {
	dated := func(section, field, value string) string {
		return section + ":\n  " + field + ":\n    - {from: 2025-01-01, value: " + value + ", source: x}\n"
	}
	tests := []struct {
		name, body, want string
	}{
		{"NaN rate", dated("policy", "concurrency_rate", ".nan"),
			"policy.concurrency_rate[0].value: expected a share of the concurrent title's allowance between 0 and 1, got .nan"},
		{"negative infinite fund", dated("policy", "extra_worker_fund", "-.inf"),
			"policy.extra_worker_fund[0].value: expected a multiple of the base salary from 0 to 1000, got -.inf"},
		{"huge base salary", dated("policy", "base_salary", "100000000000000000"),
			"policy.base_salary[0].value: expected an amount in đồng per month from 1 to 100000000, got 100000000000000000"},
		{"huge cap", dated("policy", "village_cap", "1000000"),
			"policy.village_cap[0].value: expected a whole number from 1 to 100, got 1000000"},
		{"NaN severance", dated("policy", "severance", "{monthly_factor: .nan, yearly_factor: 1.5, job_search_months: 3, short_service_years: 5, near_retirement_years: 5, cap_months: 60}"),
			"policy.severance[0].value.monthly_factor: expected months of salary from 0 to 12, got .nan"},
		{"infinite death", dated("dynamics", "death", ".inf"),
			"dynamics.death[0].value: expected a probability between 0 and 1, got .inf"},
		{"NaN growth", dated("dynamics", "growth", "{population: 0.01, households: .nan}"),
			"dynamics.growth[0].value.households: expected a yearly rate above -1 and ≤ 1 (0.01 = 1 % a year), got .nan"},
		{"infinite allowance", "titles:\n  - {id: truong-thon, allowance: .inf}\n",
			"titles[0].allowance: expected a multiple of the base salary from 0 to 20, got .inf"},
		{"NaN area cap", "titles:\n  - {id: truong-thon, workload: {base: 1, area_cap_km2: .nan}}\n",
			"titles[0].workload.area_cap_km2: expected an area in km² from 0 to 100000, got .nan"},
		{"a million holders", "titles:\n  - {id: truong-thon, holders: {base: 1000000}}\n",
			"titles[0].holders.base: expected a whole number of holders from 0 to 50, got 1000000"},
		{"one holder per resident", "titles:\n  - {id: truong-thon, holders: {per_population: 1}}\n",
			"titles[0].holders.per_population: expected a whole number of residents from 1000 to 100000000, got 1"},
		{"one household a village", "data:\n  units:\n    households_per_village: 1\n",
			"data.units.households_per_village: expected a whole number of households from 20 to 100000, got 1"},
		{"plan date in 9999", "date: 9999-01-01\n",
			`date: expected a date in the years 1900 to 2100, got "9999-01-01"`},
		{"retirement year 3000", dated("policy", "retirement", "[{year: 3000, men: 62y, women: 60y}]"),
			"policy.retirement[0].value[0].year: expected a year from 1900 to 2100, got 3000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantLoadError(t, "extends: nd33-2023\n"+tt.body, tt.want)
		})
	}
}

// wantLoadError loads src as v.yaml and wants an error positioned in it
// that ends in want.
func wantLoadError(t *testing.T, src, want string) {
	t.Helper()
	_, err := LoadBytes("v.yaml", "", []byte(src))
	if err == nil {
		t.Fatalf("loaded:\n%s\nwant error %q", src, want)
	}
	for _, e := range tables.Errors(err) {
		if strings.HasPrefix(e.Error(), "v.yaml:") && strings.HasSuffix(e.Error(), want) && e.Line > 0 {
			return
		}
	}
	t.Errorf("errors:\n%v\nwant one positioned, ending in:\n%s", err, want)
}
