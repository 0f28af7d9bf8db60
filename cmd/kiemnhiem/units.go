package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/scenarios"
)

// allowDifferentUnitsFlag is compare's flag that compares scenarios on
// different units all the same.
const allowDifferentUnitsFlag = "allow-different-units"

// unitsSummary is what a comparison must share: the province, the unit
// list's vintage (pre- or post-2025 reform) and the communes by code.
type unitsSummary struct {
	provinces []string // names of the province-level units
	vintage   string   // the generator's vintage, "" for a units file
	communes  map[string]bool
}

func summariseUnits(s *scenarios.Scenario) unitsSummary {
	u := unitsSummary{vintage: s.Data.Vintage, communes: map[string]bool{}}
	if s.Data.UnitsFile != "" {
		u.vintage = ""
	}
	for _, x := range s.Units {
		switch x.Level {
		case model.Province:
			u.provinces = append(u.provinces, x.Name)
		case model.Commune:
			u.communes[x.Code] = true
		}
	}
	slices.Sort(u.provinces)
	return u
}

// unitDifferences says, for each scenario after the baseline (loaded[0]),
// how its units differ from the baseline's: the province, the vintage
// (pre- against post-2025 reform units) and the communes by code. Empty
// when every scenario is on the baseline's units.
func unitDifferences(loaded []*scenarios.Scenario) []model.Text {
	base := summariseUnits(loaded[0])
	var out []model.Text
	for _, s := range loaded[1:] {
		out = append(out, unitsDiffer(loaded[0].Name, base, s.Name, summariseUnits(s))...)
	}
	return out
}

// unitsDiffer compares the units of scenario a with those of b.
func unitsDiffer(a string, ua unitsSummary, b string, ub unitsSummary) []model.Text {
	var out []model.Text
	if !slices.Equal(ua.provinces, ub.provinces) {
		out = append(out, model.Text{
			Vi: fmt.Sprintf("%s đặt trên %s, còn %s trên %s", a, placeNames(ua.provinces), b, placeNames(ub.provinces)),
			En: fmt.Sprintf("%s is on %s, %s on %s", a, placeNames(ua.provinces), b, placeNames(ub.provinces)),
		})
	}
	if ua.vintage != "" && ub.vintage != "" && ua.vintage != ub.vintage {
		out = append(out, model.Text{
			Vi: fmt.Sprintf("%s dùng danh mục đơn vị %s (%s), còn %s dùng danh mục %s (%s)", a, ua.vintage, vintageText(ua.vintage).Vi, b, ub.vintage, vintageText(ub.vintage).Vi),
			En: fmt.Sprintf("%s uses the %s unit list (%s), %s the %s list (%s)", a, ua.vintage, vintageText(ua.vintage).En, b, ub.vintage, vintageText(ub.vintage).En),
		})
	}
	for _, side := range []struct {
		from, to string
		codes    []string
	}{{a, b, only(ua.communes, ub.communes)}, {b, a, only(ub.communes, ua.communes)}} {
		if len(side.codes) > 0 {
			out = append(out, model.Text{
				Vi: fmt.Sprintf("%d xã của %s không có ở %s (%s)", len(side.codes), side.from, side.to, codes(side.codes)),
				En: fmt.Sprintf("%d communes of %s are not in %s (%s)", len(side.codes), side.from, side.to, codes(side.codes)),
			})
		}
	}
	return out
}

// vintageText says which side of the 2025 reform a unit list is on.
func vintageText(v string) model.Text {
	switch v {
	case "2024-11":
		return model.Text{Vi: "trước sắp xếp đơn vị hành chính năm 2025", En: "before the 2025 reform of units"}
	case "2025-07":
		return model.Text{Vi: "sau sắp xếp đơn vị hành chính năm 2025", En: "after the 2025 reform of units"}
	}
	return model.Text{Vi: v, En: v}
}

func placeNames(names []string) string {
	if len(names) == 0 {
		return "?"
	}
	return strings.Join(names, ", ")
}

// only lists the codes of a that b lacks, sorted.
func only(a, b map[string]bool) []string {
	var out []string
	for c := range a {
		if !b[c] {
			out = append(out, c)
		}
	}
	slices.Sort(out)
	return out
}

// codes lists the first few codes.
func codes(cs []string) string {
	const shown = 5
	if len(cs) == 0 {
		return "-"
	}
	if len(cs) > shown {
		return strings.Join(cs[:shown], ", ") + ", …"
	}
	return strings.Join(cs, ", ")
}

// differentUnitsError refuses a comparison of scenarios on different
// units, naming the differences and the flag that allows it.
func differentUnitsError(diffs []model.Text, lang model.Lang) error {
	var ds []string
	for _, d := range diffs {
		ds = append(ds, d.In(lang))
	}
	return fmt.Errorf(lang.Pick("compare: các phương án không đặt trên cùng đơn vị hành chính, nên chênh lệch không chỉ do phương án: %s; dùng --%s để vẫn so sánh (báo cáo sẽ ghi rõ khác biệt)",
		"compare: the scenarios are not on the same units, so their differences would not be the proposals' alone: %s; pass --%s to compare them all the same (the report then says what differs)"),
		strings.Join(ds, "; "), allowDifferentUnitsFlag)
}
