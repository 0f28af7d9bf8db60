package synth_test

import (
	"fmt"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/synth"
	"github.com/kiemnhiem/kiemnhiem/tables"
)

// Generate Hà Tĩnh as it was before the 2025 reform and after it, with
// synthetic villages, and count the units of each level.
func ExampleUnits() {
	for _, vintage := range []string{tables.VintagePreReform, tables.VintagePostReform} {
		cfg := synth.Config{Province: "42", Vintage: vintage, Seed: 1}
		units, err := synth.Units(cfg)
		if err != nil {
			fmt.Println(err)
			return
		}
		units = synth.AddVillages(units, cfg)
		count := map[model.Level]int{}
		for _, u := range units {
			count[u.Level]++
		}
		fmt.Printf("%s %s: %d districts, %d communes, %d villages\n", vintage, units[0].Name,
			count[model.District], count[model.Commune], count[model.Village])
	}
	// Output:
	// 2024-11 Tỉnh Hà Tĩnh: 13 districts, 216 communes, 1385 villages
	// 2025-07 Tỉnh Hà Tĩnh: 0 districts, 69 communes, 1407 villages
}
