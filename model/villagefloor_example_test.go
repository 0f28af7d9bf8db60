package model_test

import (
	"fmt"

	"github.com/kiemnhiem/kiemnhiem/model"
)

func ExampleVillageFloorRule_For() {
	rule := model.VillageFloorRule{
		Regions:     []model.FloorRegion{{ID: "north-central", Name: model.Text{Vi: "Bắc Trung Bộ", En: "North Central"}, Thon: 350, ToDanPho: 450}},
		Provinces:   []model.ProvinceRegion{{Province: "42", Region: "north-central"}},
		ExemptShare: 0.5,
		Exempt:      model.Art10Exempt,
	}
	for _, v := range []model.Unit{
		{Code: "T1", Level: model.Village, Type: model.Thon, Households: 210},
		{Code: "T2", Level: model.Village, Type: model.Thon, Households: 210, Flags: model.Mountainous},
		{Code: "P1", Level: model.Village, Type: model.ToDanPho, Households: 500},
	} {
		f, err := rule.For(&v, "42", nil)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%s: floor %d of %d (%s), %d households: %s\n", v.Code, f.Floor, f.Full, f.ReasonText().En, v.Households, f.Band(v.Households).Text().En)
	}
	// Output:
	// T1: floor 350 of 350 (the region's floor (Art. 10(1))), 210 households: 50 % to under 100 %
	// T2: floor 175 of 350 (mountain area (Art. 10(3))), 210 households: at or above 100 % of the floor
	// P1: floor 450 of 450 (the region's floor (Art. 10(1))), 500 households: at or above 100 % of the floor
}
