package model_test

import (
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
)

func TestSeveranceEstimate(t *testing.T) {
	from := model.MustDate("2019-01-01")
	date := model.MustDate("2026-01-01")
	policy := func(severanceFrom model.Date) *model.Policy {
		return &model.Policy{
			BaseSalary: model.Const(from, model.Money(2_340_000), ""),
			Retirement: model.Const(from, model.Decree135(), ""),
			Severance:  model.Const(severanceFrom, nd154, ""),
		}
	}
	// A = 1.5 × 2,340,000 = 3,510,000 đồng; 2.0 × 2,340,000 = 4,680,000 for
	// a graduate.
	s := &model.Scenario{Titles: []model.Title{{ID: "pho-chu-tich", Allowance: 1.5,
		AllowanceByEducation: []model.EducationAllowance{{MinEducation: model.EduUniversity, Allowance: 2}}}}}
	ix, err := model.NewIndex(s)
	if err != nil {
		t.Fatal(err)
	}
	holding := func(title, start string) []model.Holding {
		h := model.Holding{Title: title, Unit: "C1", Main: true}
		if start != "" {
			h.Start = model.MustDate(start)
		}
		return []model.Holding{h}
	}
	birth := model.MustDate("1980-01-01")
	tests := []struct {
		name   string
		policy *model.Policy
		person model.Person
		want   model.Money
	}{
		// 0.8 × 60 (cap) + 1.5 × 10 + 3 = 66 months of A.
		{"ten years served", policy(from), model.Person{Birth: birth, Holdings: holding("pho-chu-tich", "2016-01-01")}, 231_660_000},
		// 0.8 × 24 + 1.5 × 2 + 3 = 25.2.
		{"short service", policy(from), model.Person{Birth: birth, Holdings: holding("pho-chu-tich", "2024-01-01")}, 88_452_000},
		// Start unknown: job search only, 3.
		{"start unknown", policy(from), model.Person{Birth: birth, Holdings: holding("pho-chu-tich", "")}, 10_530_000},
		{"start after the date", policy(from), model.Person{Birth: birth, Holdings: holding("pho-chu-tich", "2027-01-01")}, 10_530_000},
		// Birth unknown: retirement far off, the cap applies.
		{"birth unknown", policy(from), model.Person{Holdings: holding("pho-chu-tich", "2016-01-01")}, 231_660_000},
		// Retires 2026-12-31 at 61y6m: 0.8 × 11 + 1.5 × 20 + 3 = 41.8.
		{"near retirement", policy(from), model.Person{Birth: model.MustDate("1965-06-15"), Sex: model.Male, Holdings: holding("pho-chu-tich", "2006-01-01")}, 146_718_000},
		{"retired before the date", policy(from), model.Person{Birth: model.MustDate("1950-01-01"), Holdings: holding("pho-chu-tich", "2006-01-01")}, 0},
		{"graduate", policy(from), model.Person{Birth: birth, Education: model.EduUniversity, Holdings: holding("pho-chu-tich", "")}, 14_040_000},
		{"no main holding", policy(from), model.Person{Birth: birth}, 0},
		{"unknown title", policy(from), model.Person{Birth: birth, Holdings: holding("chu-tich", "2016-01-01")}, 0},
		{"no rule on the date", policy(model.MustDate("2027-01-01")), model.Person{Birth: birth, Holdings: holding("pho-chu-tich", "2016-01-01")}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := model.NewSeveranceEstimate(tt.policy, date, ix).Amount(&tt.person); got != tt.want {
				t.Errorf("Amount = %d, want %d", got, tt.want)
			}
		})
	}
}
