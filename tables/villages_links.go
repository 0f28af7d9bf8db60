package tables

import (
	"math"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// villageLinks checks the neighbours of rows across the table (errors in
// t), makes them symmetric (warnings in warn), gives every village of a
// commune with neighbours a non-nil list, and derives neighbours from
// coordinates where a commune lists none (see the format's description).
func villageLinks(t *tabSheet, rows []villageRow, warn *ErrorList) {
	at := make(map[string]int, len(rows))
	for i := range rows {
		at[rows[i].u.Code] = i
	}
	for i := range rows {
		u := &rows[i].u
		for _, code := range u.Neighbours {
			j, ok := at[code]
			switch {
			case !ok:
				t.add(villageErrorf(t, rows[i].row, "neighbours", "no village %q in this file", code))
			case j == i:
				t.add(villageErrorf(t, rows[i].row, "neighbours", "village %q lists itself as a neighbour", code))
			case rows[j].u.Parent != u.Parent:
				t.add(villageErrorf(t, rows[i].row, "neighbours", "village %q is in commune %s, not %s: villages merge only within their commune", code, rows[j].u.Parent, u.Parent))
			}
		}
	}
	if len(t.errs) > 0 {
		return
	}
	villageSymmetric(t, rows, at, warn)
	byCommune := map[string][]int{}
	var order []string
	for i := range rows {
		p := rows[i].u.Parent
		if _, ok := byCommune[p]; !ok {
			order = append(order, p)
		}
		byCommune[p] = append(byCommune[p], i)
	}
	for _, p := range order {
		villageCommuneLinks(t, rows, byCommune[p])
	}
}

// villageSymmetric adds each one-sided link to the other side's list with
// a warning at the cell that lists it.
func villageSymmetric(t *tabSheet, rows []villageRow, at map[string]int, warn *ErrorList) {
	lists := make([]map[string]bool, len(rows))
	for i := range rows {
		lists[i] = map[string]bool{}
		for _, c := range rows[i].u.Neighbours {
			lists[i][c] = true
		}
	}
	for i := range rows {
		for _, code := range rows[i].u.Neighbours {
			j := at[code]
			if lists[j][rows[i].u.Code] {
				continue
			}
			lists[j][rows[i].u.Code] = true
			rows[j].u.Neighbours = append(rows[j].u.Neighbours, rows[i].u.Code)
			*warn = append(*warn, villageErrorf(t, rows[i].row, "neighbours",
				"village %s lists %s as a neighbour but %s (line %d) does not list %s: taken as neighbours both ways",
				rows[i].u.Code, code, code, t.rows[rows[j].row].lines[0], rows[i].u.Code))
		}
	}
}

// maxGabrielVillages is the most villages of one commune whose neighbours
// are derived from their locations: the work grows fast (about 0.1 s for
// 500, 2.4 s for 2,000), and the largest synthetic commune of the 2025-07
// country has 421 villages.
const maxGabrielVillages = 1000

// villageCommuneLinks settles the neighbours of the villages idx of one
// commune: a non-nil list for each when any lists one; else the Gabriel
// graph of their coordinates when all have them; else nil.
func villageCommuneLinks(t *tabSheet, rows []villageRow, idx []int) {
	listed, located := false, true
	for _, i := range idx {
		listed = listed || len(rows[i].u.Neighbours) > 0
		located = located && rows[i].coords
	}
	switch {
	case listed:
		for _, i := range idx {
			if rows[i].u.Neighbours == nil {
				rows[i].u.Neighbours = []string{}
			}
		}
	case located && len(idx) > maxGabrielVillages:
		t.add(villageErrorf(t, rows[idx[0]].row, "lat", "commune %s has %d villages located and none with neighbours; neighbours are derived from locations for at most %d: list them in the neighbours column",
			rows[idx[0]].u.Parent, len(idx), maxGabrielVillages))
	case located && len(idx) > 1:
		x, y := make([]float64, len(idx)), make([]float64, len(idx))
		for k, i := range idx {
			x[k] = rows[i].u.Lon * math.Cos(rows[i].u.Lat*math.Pi/180)
			y[k] = rows[i].u.Lat
		}
		for k, nb := range model.GabrielNeighbours(x, y) {
			list := make([]string, len(nb))
			for m, j := range nb {
				list[m] = rows[idx[j]].u.Code
			}
			rows[idx[k]].u.Neighbours = list
		}
	}
}
