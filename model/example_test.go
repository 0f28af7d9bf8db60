package model_test

import (
	"errors"
	"fmt"

	"github.com/kiemnhiem/kiemnhiem/model"
)

func ExampleSeries_At() {
	base := model.Series[model.Money]{
		{From: model.MustDate("2023-07-01"), Value: 1_800_000, Source: "NĐ 24/2023/NĐ-CP"},
		{From: model.MustDate("2024-07-01"), Value: 2_340_000, Source: "NĐ 73/2024/NĐ-CP"},
		{From: model.MustDate("2026-07-01"), Value: 2_530_000, Source: "NĐ 161/2026/NĐ-CP"},
	}
	for _, d := range []string{"2024-06-30", "2024-07-01", "2030-01-01"} {
		v, _ := base.At(model.MustDate(d))
		e, _ := base.Entry(model.MustDate(d))
		fmt.Printf("%s: %s đồng (%s)\n", d, v, e.Source)
	}
	_, err := base.At(model.MustDate("2020-01-01"))
	fmt.Println(errors.Is(err, model.ErrNoValue))
	// Output:
	// 2024-06-30: 1,800,000 đồng (NĐ 24/2023/NĐ-CP)
	// 2024-07-01: 2,340,000 đồng (NĐ 73/2024/NĐ-CP)
	// 2030-01-01: 2,530,000 đồng (NĐ 161/2026/NĐ-CP)
	// true
}

func ExampleRetirementSchedule_RetirementDate() {
	r := model.Decree135()
	for _, p := range []struct {
		birth string
		sex   model.Sex
	}{
		{"1961-01-20", model.Male},   // 60y3m in 4/2021, the 2021 age
		{"1961-10-05", model.Male},   // too young for 60y3m in 2021; 60y6m in 4/2022
		{"1966-04-01", model.Male},   // first cohort at the final 62
		{"1966-01-01", model.Female}, // 55y4m in 5/2021
	} {
		fmt.Printf("%s born %s retires %s\n", p.sex, p.birth, r.RetirementDate(model.MustDate(p.birth), p.sex))
	}
	// Output:
	// male born 1961-01-20 retires 2021-04-30
	// male born 1961-10-05 retires 2022-04-30
	// male born 1966-04-01 retires 2028-04-30
	// female born 1966-01-01 retires 2021-05-31
}

func ExampleSeveranceRule_Amount() {
	nd154 := model.SeveranceRule{MonthlyFactor: 0.8, YearlyFactor: 1.5, JobSearchMonths: 3, ShortServiceYears: 5, NearRetirementYears: 5, CapMonths: 60}
	a := model.Coefficient(1.5).Of(2_340_000) // the main title's monthly allowance
	fmt.Println("A =", a)
	// 3 years 4 months served: 0.8A × 40 + 1.5A × 3.5 + 3A = 40.25A.
	fmt.Println(nd154.Amount(a, 40, 200))
	// 8 years served, 30 months to retirement: 0.8A × 30 + 1.5A × 8 + 3A = 39A.
	fmt.Println(nd154.Amount(a, 96, 30))
	// 12 years 8 months served, 20 years to go: 0.8A × 60 + 1.5A × 13 + 3A = 70.5A.
	fmt.Println(nd154.Amount(a, 152, 240))
	// Output:
	// A = 3,510,000
	// 141,277,500
	// 136,890,000
	// 247,455,000
}

func ExamplePolicy_CommuneFundFor() {
	d := model.MustDate
	p := model.Policy{
		BaseSalary:      model.Const[model.Money](d("2024-07-01"), 2_340_000, "NĐ 73/2024/NĐ-CP"),
		CommuneFund:     model.Const(d("2023-08-01"), model.ByClass[model.Coefficient]{I: 21, II: 18, III: 15}, "NĐ 33/2023/NĐ-CP Art. 34(1)"),
		ExtraWorkerFund: model.Const[model.Coefficient](d("2023-08-01"), 1.5, "NĐ 33/2023/NĐ-CP Art. 34(1)"),
		ExtraWorkers: model.Const(d("2023-08-01"), model.ExtraWorkerRule{
			Population:     model.Standards[int]{Xa: 8_000},
			Area:           model.Standards[float64]{Xa: 30},
			PopulationStep: 0.5,
			AreaStep:       1,
		}, "NĐ 33/2023/NĐ-CP Art. 33(2)"),
	}
	// A class I xã of 16,000 people on 65 km²: two extra workers for
	// population (8,000 over a standard of 8,000, one per 4,000) and one for
	// area (35 km² over 30 km², one per 30 km²).
	xa := model.Unit{Code: "00001", Name: "Xã Mẫu", Level: model.Commune, Type: model.Xa, Class: model.ClassI, Population: 16_000, AreaKm2: 65}
	fund, err := p.CommuneFundFor(&xa, d("2025-01-01"))
	fmt.Println(fund, err)

	xa.Class = model.ClassUnknown
	_, err = p.CommuneFundFor(&xa, d("2025-01-01"))
	fmt.Println(errors.Is(err, model.ErrNoCap))
	// Output:
	// 59,670,000 <nil>
	// true
}

// HeadcountByCommune counts the people a plan gives titles in each commune
// and its villages: what a map or ranked chart of a province shows.
func ExampleScenario_HeadcountByCommune() {
	s := &model.Scenario{Units: []model.Unit{
		{Code: "A", Level: model.Commune}, {Code: "A-1", Level: model.Village, Parent: "A"},
		{Code: "B", Level: model.Commune},
	}}
	plan := model.Plan{Assignments: []model.Assignment{
		{Person: "lan", Unit: "A", Title: "van-phong", Main: true},
		{Person: "lan", Unit: "A-1", Title: "truong-thon"},
		{Person: "minh", Unit: "A-1", Title: "bi-thu-chi-bo", Main: true},
		{Person: "hoa", Unit: "B", Title: "van-phong", Main: true},
	}}
	counts := s.HeadcountByCommune(plan)
	fmt.Println("A:", counts["A"], "B:", counts["B"])
	// Output:
	// A: 2 B: 1
}
