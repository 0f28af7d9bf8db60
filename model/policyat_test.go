package model_test

import (
	"errors"
	"slices"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
)

func TestPolicyAt(t *testing.T) {
	from := model.MustDate("2020-01-01")
	full := func() model.Policy {
		return model.Policy{
			BaseSalary:         model.Const[model.Money](from, 2_340_000, ""),
			ConcurrencyRate:    model.Const(from, 0.5, ""),
			MaxTitlesPerPerson: model.Const(from, 2, ""),
			VillageCap:         model.Const(from, 3, ""),
			FundBinds:          model.Const(from, true, ""),
			TermsBind:          model.Const(from, true, ""),
			Recruitment:        model.Const(from, model.RecruitmentRule{Allowed: true, MaxPerUnit: 1}, ""),
			Retirement:         model.Const(from, model.Decree135(), ""),
		}
	}
	tests := []struct {
		name    string
		edit    func(p *model.Policy)
		date    string
		missing []string
	}{
		{name: "everything in force", date: "2026-01-01"},
		{name: "optional values default", date: "2026-01-01", edit: func(p *model.Policy) {
			p.VillageCap, p.FundBinds, p.TermsBind, p.Recruitment, p.Retirement = nil, nil, nil, nil, nil
		}},
		{name: "base salary missing", date: "2026-01-01", edit: func(p *model.Policy) { p.BaseSalary = nil },
			missing: []string{model.PolicyBaseSalary}},
		{name: "before every value", date: "2019-12-31",
			missing: []string{model.PolicyBaseSalary, model.PolicyConcurrencyRate, model.PolicyMaxTitles}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := full()
			if tc.edit != nil {
				tc.edit(&p)
			}
			got, err := p.At(model.MustDate(tc.date))
			if !slices.Equal(got.Missing, tc.missing) {
				t.Errorf("Missing = %v, want %v", got.Missing, tc.missing)
			}
			var pe *model.PolicyError
			if (err != nil) != (tc.missing != nil) || (err != nil && (!errors.As(err, &pe) || !errors.Is(err, model.ErrNoValue))) {
				t.Fatalf("err = %v, want a *PolicyError wrapping ErrNoValue exactly when values are missing", err)
			}
			for _, name := range []string{model.PolicyBaseSalary, model.PolicyConcurrencyRate, model.PolicyMaxTitles} {
				if got.Lacks(name) != slices.Contains(tc.missing, name) {
					t.Errorf("Lacks(%s) = %v", name, got.Lacks(name))
				}
			}
			if !slices.Contains(tc.missing, model.PolicyBaseSalary) && got.BaseSalary != 2_340_000 {
				t.Errorf("BaseSalary = %v", got.BaseSalary)
			}
			if tc.edit != nil && tc.missing == nil {
				// The documented defaults.
				if got.VillageCap != 0 || got.FundBinds || got.TermsBind || got.Recruitment.Allowed ||
					!got.Retirement.RetirementDate(model.MustDate("1950-01-01"), model.Male).IsZero() {
					t.Errorf("defaults: %+v", got)
				}
			}
		})
	}
}
