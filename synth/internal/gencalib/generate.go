package main

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"go/format"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// The input files, in the data directory.
const (
	calibFile = "calibration_by_province.csv"
	pre2024   = "vn_communes_2024-11_pre_reform.csv"
	post2025  = "vn_communes_2025-07_post_reform.csv"
)

// vintageConst names the tables constant of each snapshot's first word.
var vintageConst = map[string]string{"2024-11": "tables.VintagePreReform", "2025-07": "tables.VintagePostReform"}

// unitTypes maps the type names of the files to model's constants; "ALL"
// is the file's row over every type.
var unitTypes = map[string]string{
	"ALL": "model.TypeUnknown", "Xã": "model.Xa", "Phường": "model.Phuong", "Thị trấn": "model.ThiTran", "Đặc khu": "model.DacKhu",
	"Huyện": "model.Huyen", "Quận": "model.Quan", "Thị xã": "model.ThiXa", "Thành phố": "model.ThanhPhoThuocTinh",
}

// table is a CSV file read whole, with its columns by name.
type table struct {
	name string
	col  map[string]int
	rows [][]string
}

func readTable(dir, name string) (*table, error) {
	f, err := os.Open(filepath.Join(dir, name))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(recs) == 0 {
		return nil, fmt.Errorf("%s: empty", name)
	}
	t := &table{name: name, col: map[string]int{}, rows: recs[1:]}
	for i, h := range recs[0] {
		t.col[strings.TrimPrefix(h, "\ufeff")] = i
	}
	return t, nil
}

// get returns the cell of column c in rec; a missing column is a fault of
// the file, reported by panicking with its name (recovered in generate).
func (t *table) get(rec []string, c string) string {
	i, ok := t.col[c]
	if !ok {
		panic(fmt.Errorf("%s: no column %q", t.name, c))
	}
	return rec[i]
}

// province is one province of one snapshot, in the order of the file.
type province struct {
	code, name string
	rows       []string // formatted calibRow literals
	districts  []string // formatted calibDistrict literals (2024-11)
	households float64  // persons per household, 0 when unknown
}

// snapshot is one vintage of calibration_by_province.csv.
type snapshot struct {
	label, vintage string
	national       []string
	provinces      []*province
	byCode         map[string]*province
}

func generate(dir string) (src []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			e, ok := r.(error)
			if !ok {
				panic(r)
			}
			err = e
		}
	}()
	calib, err := readTable(dir, calibFile)
	if err != nil {
		return nil, err
	}
	snaps := readSnapshots(calib)
	for _, s := range snaps {
		switch s.vintage {
		case "2024-11":
			t, err := readTable(dir, pre2024)
			if err != nil {
				return nil, err
			}
			addDistricts(s, t)
			addHouseholdSize(s, t, "pop2019", "households2019")
		case "2025-07":
			t, err := readTable(dir, post2025)
			if err != nil {
				return nil, err
			}
			addHouseholdSize(s, t, "pop2019_lineage_est", "households2019_lineage_est")
		}
	}
	return write(snaps)
}

// readSnapshots groups the rows of calibration_by_province.csv by snapshot
// and province, keeping the file's order.
func readSnapshots(t *table) []*snapshot {
	var snaps []*snapshot
	var cur *snapshot
	for _, rec := range t.rows {
		label := t.get(rec, "snapshot")
		if cur == nil || cur.label != label {
			vintage := strings.Fields(label)[0]
			if vintageConst[vintage] == "" {
				panic(fmt.Errorf("%s: unknown snapshot %q", t.name, label))
			}
			cur = &snapshot{label: label, vintage: vintage, byCode: map[string]*province{}}
			snaps = append(snaps, cur)
		}
		row := fmt.Sprintf("{%s, %s, %s, %s}", typeConst(t, t.get(rec, "unit_type")), t.get(rec, "n_units"), stats(t, rec, "pop"), stats(t, rec, "area"))
		code := t.get(rec, "province_code")
		if code == "ALL" {
			cur.national = append(cur.national, row)
			continue
		}
		p := cur.byCode[code]
		if p == nil {
			p = &province{code: code, name: t.get(rec, "province")}
			cur.byCode[code] = p
			cur.provinces = append(cur.provinces, p)
		}
		p.rows = append(p.rows, row)
	}
	return snaps
}

func typeConst(t *table, name string) string {
	c, ok := unitTypes[name]
	if !ok {
		panic(fmt.Errorf("%s: unknown unit type %q", t.name, name))
	}
	return c
}

// stats formats the mean, median, p10, p90 and sum of one quantity as a
// calibStats literal; calibStats{} (HasData false) when any is blank.
func stats(t *table, rec []string, prefix string) string {
	var b strings.Builder
	b.WriteString("calibStats{")
	for _, name := range []string{"mean", "median", "p10", "p90", "sum"} {
		v := t.get(rec, prefix+"_"+name)
		if v == "" {
			return "calibStats{}"
		}
		b.WriteString(number(t, v))
		b.WriteString(", ")
	}
	b.WriteString("true}")
	return b.String()
}

// number writes a figure of the files in the shortest form that reads back
// to the same float64.
func number(t *table, v string) string {
	x, err := strconv.ParseFloat(v, 64)
	if err != nil {
		panic(fmt.Errorf("%s: %w", t.name, err))
	}
	return strconv.FormatFloat(x, 'f', -1, 64)
}

// addDistricts lists the districts of each province of the 2024-11 list in
// the order of the list, with their number of communes of each type.
func addDistricts(s *snapshot, t *table) {
	type district struct {
		code, name, typ     string
		xa, phuong, thiTran int
	}
	byProv := map[string][]*district{}
	seen := map[string]*district{}
	for _, rec := range t.rows {
		pc, dc := t.get(rec, "province_code"), t.get(rec, "district_code")
		d := seen[pc+"/"+dc]
		if d == nil {
			d = &district{code: dc, name: t.get(rec, "district"), typ: typeConst(t, t.get(rec, "district_type"))}
			seen[pc+"/"+dc] = d
			byProv[pc] = append(byProv[pc], d)
		}
		switch ty := t.get(rec, "type"); ty {
		case "Xã":
			d.xa++
		case "Phường":
			d.phuong++
		case "Thị trấn":
			d.thiTran++
		default:
			panic(fmt.Errorf("%s: commune %s has type %q", t.name, t.get(rec, "code"), ty))
		}
	}
	for _, p := range s.provinces {
		for _, d := range byProv[p.code] {
			p.districts = append(p.districts, fmt.Sprintf("{%q, %q, %s, %d, %d, %d}", d.code, d.name, d.typ, d.xa, d.phuong, d.thiTran))
		}
	}
}

// addHouseholdSize sets each province's mean household size: the sum of
// the population column over the sum of the households column, over the
// units where both are given, rounded to four decimals.
func addHouseholdSize(s *snapshot, t *table, popCol, hhCol string) {
	pop, hh := map[string]float64{}, map[string]float64{}
	for _, rec := range t.rows {
		p, h := t.get(rec, popCol), t.get(rec, hhCol)
		if p == "" || h == "" {
			continue
		}
		pc := t.get(rec, "province_code")
		pop[pc] += parse(t, p)
		hh[pc] += parse(t, h)
	}
	for _, p := range s.provinces {
		if hh[p.code] > 0 {
			p.households = math.Round(pop[p.code]/hh[p.code]*1e4) / 1e4
		}
	}
}

func parse(t *table, v string) float64 {
	x, err := strconv.ParseFloat(v, 64)
	if err != nil {
		panic(fmt.Errorf("%s: %w", t.name, err))
	}
	return x
}

// write renders the table as gofmt'ed Go source.
func write(snaps []*snapshot) ([]byte, error) {
	var b bytes.Buffer
	fmt.Fprintf(&b, "// Code generated by gencalib from %s, %s and %s; DO NOT EDIT.\n\n", calibFile, pre2024, post2025)
	b.WriteString("package synth\n\nimport (\n\t\"github.com/kiemnhiem/kiemnhiem/model\"\n\t\"github.com/kiemnhiem/kiemnhiem/tables\"\n)\n\n")
	b.WriteString("// calibration holds both vintages.\nvar calibration = [...]calibVintage{\n")
	for _, s := range snaps {
		fmt.Fprintf(&b, "{\nVintage: %s,\nSnapshot: %q,\nNational: []calibRow{\n", vintageConst[s.vintage], s.label)
		for _, r := range s.national {
			b.WriteString(r + ",\n")
		}
		b.WriteString("},\nProvinces: []calibProvince{\n")
		for _, p := range s.provinces {
			fmt.Fprintf(&b, "{\nCode: %q, Name: %q, HouseholdSize: %s,\nRows: []calibRow{\n", p.code, p.name, strconv.FormatFloat(p.households, 'f', -1, 64))
			for _, r := range p.rows {
				b.WriteString(r + ",\n")
			}
			b.WriteString("},\n")
			if len(p.districts) > 0 {
				b.WriteString("Districts: []calibDistrict{\n")
				for _, d := range p.districts {
					b.WriteString(d + ",\n")
				}
				b.WriteString("},\n")
			}
			b.WriteString("},\n")
		}
		b.WriteString("},\n},\n")
	}
	b.WriteString("}\n")
	return format.Source(b.Bytes())
}
