package villageplan_test

import (
	"fmt"
	"time"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// commune is a small province built in code (tests of villageplan may not
// load presets; the figures are those of the nd185-2026 preset): one
// commune of Phú Thọ (region: northern midlands and mountains, thôn floor
// 150 households) with villages of the households given, a village head
// and a party cell secretary in each, on 2026-07-01.
func commune(households ...int) *model.Scenario {
	from := model.MustDate("2026-05-26")
	s := &model.Scenario{Name: "fixture", Date: model.MustDate("2026-07-01")}
	p := &s.Policy
	p.BaseSalary = model.Const(from, model.Money(2_530_000), "NĐ 161/2026/NĐ-CP")
	p.MaxTitlesPerPerson = model.Const(from, 3, "assumption: test")
	p.Combination = model.Const(from, model.CombinationRule{Mode: model.AnyPair}, "assumption: test")
	p.ConcurrencyRate = model.Const(from, 1.0, "assumption: test")
	p.VillageCap = model.Const(from, 3, "NĐ 185/2026 Art. 14")
	p.VillageFund = model.Const(from, model.VillageFundRule{Standard: 6.5, Large: 8.0, ThonHouseholds: 700, ToDanPhoHouseholds: 1000}, "NĐ 185/2026 Art. 15(1)")
	p.FundBinds = model.Const(from, false, "")
	p.TermsBind = model.Const(from, true, "assumption: elected holders serve their term")
	p.Recruitment = model.Const(from, model.RecruitmentRule{Allowed: true, MaxPerUnit: 1, Cost: 2_000_000}, "assumption: test")
	p.Retirement = model.Const(from, model.Decree135(), "NĐ 135/2020/NĐ-CP")
	p.Severance = model.Const(from, model.SeveranceRule{MonthlyFactor: 0.8, YearlyFactor: 1.5, JobSearchMonths: 3, ShortServiceYears: 5, NearRetirementYears: 5, CapMonths: 60}, "NĐ 154/2025/NĐ-CP Art. 10")
	p.RearrangementSeverance = model.Const(from, model.RearrangementSeveranceRule{TransitionFrom: model.MustDate("2025-07-01"), TransitionBefore: model.MustDate("2026-06-30")}, "NĐ 185/2026 Art. 16(4), 19")
	p.VillageFloors = model.Const(from, model.VillageFloorRule{
		Regions:     []model.FloorRegion{{ID: "midlands", Name: model.Text{Vi: "Trung du và miền núi phía Bắc", En: "Northern midlands and mountains"}, Thon: 150, ToDanPho: 300}},
		Provinces:   []model.ProvinceRegion{{Province: "25", Region: "midlands"}},
		ExemptShare: 0.5, Exempt: model.ParticularlyDifficult,
	}, "NĐ 185/2026 Art. 10")
	s.Titles = []model.Title{
		{ID: "truong-thon", Level: model.Village, Name: model.Text{Vi: "Trưởng thôn", En: "Village head"}, Holders: model.HoldersRule{Base: 1},
			Allowance: 2.02, Term: model.TermRule{Kind: model.Elected, Months: 60}, Workload: model.Workload{Base: 12}, Requires: model.Requirements{Resident: true}, Source: "assumption: test"},
		{ID: "bi-thu-chi-bo", Level: model.Village, Name: model.Text{Vi: "Bí thư chi bộ", En: "Party cell secretary"}, Holders: model.HoldersRule{Base: 1},
			Allowance: 1.93, Term: model.TermRule{Kind: model.Elected, Months: 60}, Workload: model.Workload{Base: 10}, Requires: model.Requirements{PartyMember: true}, Source: "assumption: test"},
	}
	s.Units = []model.Unit{
		{Code: "25", Name: "Phú Thọ", Level: model.Province},
		{Code: "25001", Name: "Xã Thanh Sơn", Level: model.Commune, Type: model.Xa, Parent: "25", Population: 3000},
	}
	for i, hh := range households {
		v := fmt.Sprintf("25001-%02d", i+1)
		s.Units = append(s.Units, model.Unit{Code: v, Name: fmt.Sprintf("Thôn %d", i+1), Level: model.Village, Type: model.Thon,
			Parent: "25001", Households: hh, Population: 4 * hh})
		for k, title := range []string{"truong-thon", "bi-thu-chi-bo"} {
			s.People = append(s.People, model.Person{ID: fmt.Sprintf("%s-%d", v, k), Name: fmt.Sprintf("Người %d.%d", i+1, k+1),
				Birth: model.NewDate(1970+3*i+5*k, time.March, 1), Residence: v, Capacity: 40, PartyMember: true,
				Holdings: []model.Holding{{Title: title, Unit: v, Main: true, Start: model.MustDate("2020-01-01"), TermEnd: model.MustDate("2031-06-30")}}})
		}
	}
	return s
}

// chained gives the villages of s neighbour lists: in a row, each next to
// the following.
func chained(s *model.Scenario) *model.Scenario {
	var vs []*model.Unit
	for i := range s.Units {
		if s.Units[i].Level == model.Village {
			vs = append(vs, &s.Units[i])
		}
	}
	for i, v := range vs {
		v.Neighbours = []string{}
		if i > 0 {
			v.Neighbours = append(v.Neighbours, vs[i-1].Code)
		}
		if i+1 < len(vs) {
			v.Neighbours = append(v.Neighbours, vs[i+1].Code)
		}
	}
	return s
}
