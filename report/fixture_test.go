package report

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/optimize"
	"github.com/kiemnhiem/kiemnhiem/sim"
)

// fixtureScenario is a small district built in code (tests of report may
// not load presets): communes of three classes with villages whose heads
// and party secretaries are held by two people each today. rate is the
// share of a concurrent title's allowance paid; maxTitles how many titles
// one person may hold.
func fixtureScenario(name string, rate float64, maxTitles int) *model.Scenario {
	from := model.MustDate("2019-01-01")
	s := &model.Scenario{Name: name, Description: "Vùng thử nghiệm <kiểm tra> & \"trích dẫn\"", Date: model.MustDate("2025-01-01")}
	p := &s.Policy
	p.BaseSalary = model.Series[model.Money]{
		{From: from, Value: 1_490_000, Source: "NĐ 38/2019/NĐ-CP"},
		{From: model.MustDate("2024-07-01"), Value: 2_340_000, Source: "NĐ 73/2024/NĐ-CP"},
	}
	p.MaxTitlesPerPerson = model.Const(from, maxTitles, "assumption: test")
	p.Combination = model.Const(from, model.CombinationRule{Mode: model.AnyPair}, "")
	p.ConcurrencyRate = model.Const(from, rate, "assumption: test")
	p.VillageCap = model.Const(from, 3, "")
	p.FundBinds = model.Const(from, false, "")
	p.TermsBind = model.Const(from, false, "")
	p.Recruitment = model.Const(from, model.RecruitmentRule{Allowed: true, MaxPerUnit: 1, Cost: 2_000_000}, "assumption: test")
	p.Retirement = model.Const(from, model.Decree135(), "NĐ 135/2020/NĐ-CP")
	p.Severance = model.Const(from, model.SeveranceRule{MonthlyFactor: 0.8, YearlyFactor: 1.5, JobSearchMonths: 3, ShortServiceYears: 5, NearRetirementYears: 5, CapMonths: 60}, "NĐ 154/2025/NĐ-CP Điều 9–10")
	d := &s.Dynamics
	d.Resignation = model.Const(from, model.ResignationRule{Base: 0.06, LowPay: 2, Overload: 1.5}, "assumption: test")
	d.Death = model.Const(from, 0.004, "assumption: test")
	d.ReferenceIncome = model.Const(from, model.Money(5_400_000), "assumption: test")
	d.Candidates = model.Const(from, model.CandidateRule{PerThousand: 3, PartyShare: 0.3, Accept: 0.2, Age: 30}, "assumption: test")
	d.Vacancy = model.Const(from, model.CoverConcurrent, "")
	s.Titles = []model.Title{
		{ID: "truong-thon", Level: model.Village, Name: model.Text{Vi: "Trưởng thôn", En: "Village head"}, Holders: model.HoldersRule{Base: 1},
			Allowance: 0.7, Workload: model.Workload{Base: 12}, Requires: model.Requirements{Resident: true}, Source: "NĐ 33/2023/NĐ-CP Điều 34"},
		{ID: "bi-thu-chi-bo", Level: model.Village, Name: model.Text{Vi: "Bí thư chi bộ", En: "Party cell secretary"}, Holders: model.HoldersRule{Base: 1},
			Allowance: 0.7, Workload: model.Workload{Base: 10}, Requires: model.Requirements{PartyMember: true}, Source: "NĐ 33/2023/NĐ-CP Điều 34"},
	}
	classes := []model.Class{model.ClassI, model.ClassII, model.ClassIII}
	names := []string{"Xã Đông Thuận", "Phường Hải Quý", "Xã Trung Thọ <b>", "Xã Yên Nghĩa"}
	for c, cname := range names {
		code := fmt.Sprintf("C%d", c+1)
		s.Units = append(s.Units, model.Unit{Code: code, Name: cname, Level: model.Commune, Type: model.Xa, Class: classes[c%3], Population: 8000})
		for v := range 3 {
			vcode := fmt.Sprintf("%s-%d", code, v+1)
			s.Units = append(s.Units, model.Unit{Code: vcode, Name: fmt.Sprintf("Thôn %d", v+1), Level: model.Village, Type: model.Thon, Parent: code, Population: 900 + 300*v, Households: 220 + 80*v})
			for k, title := range []string{"truong-thon", "bi-thu-chi-bo"} {
				s.People = append(s.People, model.Person{
					ID: fmt.Sprintf("%s-%d", vcode, k), Birth: model.NewDate(1962+4*v+7*k+c, time.Month(1+(c+v)%12), 1), Sex: []model.Sex{model.Male, model.Female}[(v+k)%2],
					Residence: vcode, Capacity: 40, PartyMember: k == 1 || v == 0,
					Holdings: []model.Holding{{Title: title, Unit: vcode, Main: true}},
				})
			}
		}
	}
	return s
}

// fixture optimises and simulates the fixture: one person per title as the
// baseline, two variants that combine a village's titles, and a
// sensitivity of the second variant. It is built once and shared,
// read-only.
var fixture = sync.OnceValues(func() (*Comparison, error) {
	ctx := context.Background()
	models := []*model.Scenario{
		fixtureScenario("one-per-title", 1, 1),
		fixtureScenario("combine-full-pay", 1, 2),
		fixtureScenario("combine-half-pay", 0.5, 2),
	}
	c := &Comparison{Lang: model.Vietnamese, Command: "kiemnhiem compare <test>"}
	for _, m := range models {
		res, err := optimize.Solve(ctx, &optimize.Problem{Scenario: m}, &optimize.Settings{Workers: 1})
		if err != nil {
			return nil, err
		}
		c.Scenarios = append(c.Scenarios, Scenario{Model: m, Plan: res, Files: []string{"presets/" + m.Name + ".yaml"}})
	}
	cfg := sim.Config{Years: 6, Runs: 60, Seed: 7, Assigner: optimize.Assigner{Settings: &optimize.Settings{Workers: 1}}}
	var err error
	if c.Sim, err = cfg.Compare(ctx, models[0], models[1:]...); err != nil {
		return nil, err
	}
	cfg.PlanOnce, cfg.Runs = true, 30
	if c.Sensitivity, err = cfg.Sensitivity(ctx, models[0], models[2], sim.Factors, 0.2); err != nil {
		return nil, err
	}
	c.SensitivityRuns, c.SensitivityPlanOnce = 30, true
	return c, nil
})

// testComparison is the fixture, or the test fails.
func testComparison(t testing.TB) *Comparison {
	t.Helper()
	c, err := fixture()
	if err != nil {
		t.Fatal(err)
	}
	return c
}
