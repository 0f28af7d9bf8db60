package synth

// The calibration figures of the synthetic generator are written into Go
// (calibration_table.go) so that the program runs with no data files.
// internal/gencalib makes that file from three files of the project's shared
// data set (shared/data, assembled 2026-11 from public data; see its README
// for sources and licences):
//
//   - calibration_by_province.csv: n_units, mean, median, p10, p90 and sum of
//     population and area per province and unit type, for the 2024-11 snapshot
//     (population: 2019 census rolled up through GSO's change record; area:
//     GADM polygons) and the 2025-07 snapshot (sapnhap.bando.com.vn "quy mô
//     dân số" and area, the file's *_best columns). A missing figure in the
//     file (area for Thanh Hóa, Khánh Hòa and the wards of Bắc Kạn in 2024-11;
//     population for Đặc khu Hoàng Sa in 2025-07) has HasData false here.
//   - vn_communes_2024-11_pre_reform.csv (GSO list of 1 Nov 2024,
//     dvhcvn v20241101): the districts of each province with their GSO code,
//     name, type and number of communes of each type; and the mean household
//     size per province (2019 census population / households).
//   - vn_communes_2025-07_post_reform.csv (GSO letter 1027/CTK-CSCL via
//     dvhcvn/20250701): the mean household size per new province, from the
//     2019 census population and households rolled up along each unit's
//     lineage (pop2019_lineage_est / households2019_lineage_est).
//
// The figures are statistics of official GSO lists and the 2019 census; the
// district names are GSO's. Numbers are written in the shortest form that
// reads back to the file's value, household sizes rounded to four decimals;
// provinces, rows and districts keep the order of the files. To remake the
// table, with ../shared/data beside the repository:
//
//	go generate ./synth
//
// TestGeneratedTableIsCurrent in internal/gencalib fails when the committed
// table differs from what the files give.

//go:generate go run ./internal/gencalib -data ../../shared/data -out calibration_table.go

import "github.com/kiemnhiem/kiemnhiem/model"

// calibStats are the published summary figures of one quantity (population
// or area in km²) over the units of one province and type.
type calibStats struct {
	Mean, Median, P10, P90, Sum float64
	HasData                     bool // false when the source file leaves the figures blank
}

// calibRow is one row of calibration_by_province.csv.
type calibRow struct {
	Type      model.UnitType // model.TypeUnknown for the file's "ALL" rows
	N         int            // number of units
	Pop, Area calibStats
}

// calibDistrict is one district of the 2024-11 list and how many communes of
// each type it has.
type calibDistrict struct {
	Code, Name          string
	Type                model.UnitType
	Xa, Phuong, ThiTran int
}

// calibProvince is the calibration of one province in one vintage.
type calibProvince struct {
	Code, Name    string
	HouseholdSize float64 // persons per household, 2019 census, rolled up to this province
	Rows          []calibRow
	Districts     []calibDistrict // 2024-11 only, in the order of the GSO list
}

// calibVintage is the calibration of one snapshot of the unit list.
type calibVintage struct {
	Vintage   string // tables.VintagePreReform or tables.VintagePostReform
	Snapshot  string // the snapshot label of calibration_by_province.csv
	National  []calibRow
	Provinces []calibProvince // in GSO code order
}
