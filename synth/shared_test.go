package synth

import (
	"testing"

	"github.com/kiemnhiem/kiemnhiem/internal/shareddata"
	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/tables"
)

// realPreReform reads the whole GSO list of 1 Nov 2024, the one the
// generator's 2024-11 structure comes from.
func realPreReform(t testing.TB) []model.Unit {
	t.Helper()
	const name = "vn_communes_2024-11_pre_reform.csv"
	units, err := tables.ReadUnits(shareddata.Open(t, name), name, tables.UnitSelect{})
	if err != nil {
		t.Fatal(err)
	}
	return units
}

// levels counts units by level.
func levels(units []model.Unit) map[model.Level]int {
	n := map[model.Level]int{}
	for _, u := range units {
		n[u.Level]++
	}
	return n
}
