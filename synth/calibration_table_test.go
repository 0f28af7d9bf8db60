package synth

import (
	"encoding/csv"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/internal/shareddata"
	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/tables"
)

// TestCalibrationTableMatchesFile checks calibration_table.go against
// shared/data/calibration_by_province.csv, row by row.
func TestCalibrationTableMatchesFile(t *testing.T) {
	f := shareddata.Open(t, "calibration_by_province.csv")
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	types := map[string]model.UnitType{"ALL": model.TypeUnknown, "Xã": model.Xa, "Phường": model.Phuong, "Thị trấn": model.ThiTran, "Đặc khu": model.DacKhu}
	stats := func(rec []string, prefix string) calibStats {
		var s calibStats
		fields := []*float64{&s.Mean, &s.Median, &s.P10, &s.P90, &s.Sum}
		for i, name := range []string{"mean", "median", "p10", "p90", "sum"} {
			v := rec[col[prefix+"_"+name]]
			if v == "" {
				return calibStats{}
			}
			x, err := strconv.ParseFloat(v, 64)
			if err != nil {
				t.Fatal(err)
			}
			*fields[i] = x
		}
		s.HasData = true
		return s
	}
	seen := 0
	for _, rec := range rows[1:] {
		vintage := strings.Fields(rec[col["snapshot"]])[0]
		cv, err := calibVintageFor(vintage)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(rec[col["snapshot"]], cv.Snapshot) {
			t.Errorf("snapshot %q vs %q", rec[col["snapshot"]], cv.Snapshot)
		}
		n, _ := strconv.Atoi(rec[col["n_units"]])
		want := calibRow{Type: types[rec[col["unit_type"]]], N: n, Pop: stats(rec, "pop"), Area: stats(rec, "area")}
		var table []calibRow
		if code := rec[col["province_code"]]; code == "ALL" {
			table = cv.National
		} else {
			for _, p := range cv.Provinces {
				if p.Code == code {
					table = p.Rows
					if p.Name != rec[col["province"]] {
						t.Errorf("province %s: name %q, file %q", code, p.Name, rec[col["province"]])
					}
				}
			}
		}
		found := false
		for _, r := range table {
			if r.Type == want.Type {
				found = true
				if r != want {
					t.Errorf("%s %s %s: table %+v, file %+v", vintage, rec[col["province_code"]], rec[col["unit_type"]], r, want)
				}
			}
		}
		if !found {
			t.Errorf("%s %s %s: not in the table", vintage, rec[col["province_code"]], rec[col["unit_type"]])
		}
		seen++
	}
	total := 0
	for _, cv := range calibration {
		total += len(cv.National)
		for _, p := range cv.Provinces {
			total += len(p.Rows)
		}
	}
	if seen != total {
		t.Errorf("file has %d rows, table %d", seen, total)
	}
}

// TestCalibrationHouseholdSize checks the household sizes of the 2024-11
// table against the real list.
func TestCalibrationHouseholdSize(t *testing.T) {
	units := realPreReform(t)
	cv, _ := calibVintageFor(tables.VintagePreReform)
	i := 0
	for _, u := range units {
		if u.Level != model.Province {
			continue
		}
		p := cv.Provinces[i]
		i++
		if p.Code != u.Code {
			t.Fatalf("province %s in the list, %s in the table", u.Code, p.Code)
		}
		if got := float64(u.Population) / float64(u.Households); math.Abs(got-p.HouseholdSize) > 1e-4 {
			t.Errorf("%s: household size %.4f in the list, %.4f in the table", u.Code, got, p.HouseholdSize)
		}
	}
	if i != len(cv.Provinces) {
		t.Errorf("%d provinces in the list, %d in the table", i, len(cv.Provinces))
	}
}
