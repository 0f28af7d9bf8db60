package synth

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/tables"
)

// TestGeneratedRoundTrip checks that generated units and people survive the
// writers and readers of package tables unchanged, as `kiemnhiem generate`
// followed by a scenario naming its files needs.
func TestGeneratedRoundTrip(t *testing.T) {
	pre, err := Units(Config{Province: "42", Vintage: tables.VintagePreReform, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	post, err := Units(Config{Province: "01", Vintage: tables.VintagePostReform, Seed: 4})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		units []model.Unit
	}{
		{"2024-11 with villages", AddVillages(pre, Config{Seed: 3})},
		{"2025-07", post},
	} {
		t.Run("units "+tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := tables.WriteUnits(&buf, tc.units); err != nil {
				t.Fatal(err)
			}
			got, err := tables.ReadUnits(&buf, "units.csv", tables.UnitSelect{})
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, withoutNeighbours(tc.units)) {
				t.Error("units read back differ from those written")
			}
		})
	}

	cfg := Config{Province: "42", Seed: 2}
	units, err := Units(cfg)
	if err != nil {
		t.Fatal(err)
	}
	people := People(AddVillages(units, cfg), genTestTitles(), genTestDate, 2)
	t.Run("people csv", func(t *testing.T) {
		var buf bytes.Buffer
		if err := tables.WritePeople(&buf, people); err != nil {
			t.Fatal(err)
		}
		got, err := tables.ReadPeople(&buf, "people.csv", nil)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, people) {
			t.Error("people read back differ from those written")
		}
	})
	t.Run("people xlsx", func(t *testing.T) {
		few := people[:300] // excelize is slow; a few hundred rows suffice
		path := filepath.Join(t.TempDir(), "people.xlsx")
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := tables.WritePeopleXLSX(f, few); err != nil {
			t.Fatal(err)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
		got, err := tables.ReadPeopleXLSX(path, "", nil)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, few) {
			t.Error("people read back differ from those written")
		}
	})
}

// TestVillagesNationalCount checks DefaultHouseholdsPerVillage: villages
// generated for the real 2024-11 communes number within 2 % of the 90,508
// villages counted at the end of 2021.
func TestVillagesNationalCount(t *testing.T) {
	units := realPreReform(t)
	n := levels(AddVillages(units, Config{Seed: 1}))[model.Village]
	if math.Abs(float64(n)/90508-1) > 0.02 {
		t.Errorf("%d villages, want 90,508 ± 2 %%", n)
	}
}
