package tables

import (
	"math"
	"strconv"
	"strings"

	"github.com/kiemnhiem/kiemnhiem/model"
	"golang.org/x/text/unicode/norm"
)

// tabCells reads and checks the cells of one row; a bad cell is recorded
// in the table's errors and its zero value returned.
type tabCells struct {
	t   *tabSheet
	row int
}

func (c tabCells) bad(column, format string, args ...any) {
	c.t.add(c.t.errAt(c.row, column, format, args...))
}

// str returns the cell as written ("" when the column is absent).
func (c tabCells) str(column string) string {
	ci, ok := c.t.col[column]
	if !ok {
		return ""
	}
	cells := c.t.rows[c.row].cells
	if ci >= len(cells) {
		return ""
	}
	return cells[ci]
}

// enumCell is the cell trimmed and NFC-normalised, for matching names.
func (c tabCells) enumCell(column string) string {
	return strings.TrimSpace(norm.NFC.String(c.str(column)))
}

// got describes a cell's value for a message.
func tabGot(s string) string {
	if strings.TrimSpace(s) == "" {
		return "an empty cell"
	}
	return strconv.Quote(s)
}

// code returns a required code cell.
// uniqueCode reads the row's commune code and reports one used on an
// earlier row (seen maps codes to their lines).
func (c tabCells) uniqueCode(seen map[string]int) string {
	code := c.code("code")
	if l, dup := seen[code]; dup && code != "" {
		c.bad("code", "commune code %q is used twice (also on line %d)", code, l)
	} else {
		seen[code] = c.t.rows[c.row].lines[0]
	}
	return code
}

func (c tabCells) code(column string) string {
	s := c.str(column)
	if strings.TrimSpace(s) == "" {
		c.bad(column, "expected a code, got an empty cell")
	}
	return s
}

// count reads a required whole number ≥ 0.
func (c tabCells) count(column string) int {
	return c.whole(column, "(write 0 when unknown)")
}

// optCount reads a whole number ≥ 0, blank meaning 0 (unknown).
func (c tabCells) optCount(column string) int {
	if strings.TrimSpace(c.str(column)) == "" {
		return 0
	}
	return c.whole(column, "or a blank")
}

// The largest numbers a table cell may hold. Every number of a units or
// people table is finite and at most its bound, so no sum or product of
// them overflows and a typo (an extra zero, a pasted ID) is caught where
// it was written rather than as an absurd cost. The bounds are above any
// real value: Việt Nam has about 10^8 people and 3.3 × 10^5 km², and a
// week 168 hours.
const (
	maxCount = 100_000_000 // residents or households of one unit
	maxArea  = 1_000_000   // km² of one unit
	maxHours = 168         // a person's weekly capacity
)

// whole reads a whole number from 0 to maxCount; orElse says what else the
// cell may hold.
func (c tabCells) whole(column, orElse string) int {
	n, err := strconv.Atoi(strings.TrimSpace(c.str(column)))
	if err != nil || n < 0 || n > maxCount {
		c.bad(column, "expected a whole number from 0 to %d %s, got %s", maxCount, orElse, tabGot(c.str(column)))
		return 0
	}
	return n
}

// number reads a required finite number from 0 to hi; what names it in
// messages.
func (c tabCells) number(column, what string, hi float64) float64 {
	s := strings.TrimSpace(c.str(column))
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) || f < 0 || f > hi {
		c.bad(column, "expected %s (a number from 0 to %s), got %s", what, strconv.FormatFloat(hi, 'f', -1, 64), tabGot(c.str(column)))
		return 0
	}
	return f
}

// area reads a required area in km².
func (c tabCells) area(column string) float64 { return c.number(column, "an area in km²", maxArea) }

// optArea reads an area in km², blank meaning 0 (unknown).
func (c tabCells) optArea(column string) float64 {
	if strings.TrimSpace(c.str(column)) == "" {
		return 0
	}
	return c.number(column, "an area in km² or a blank", maxArea)
}

func (c tabCells) level(column string) model.Level {
	return enumOf(c, column, model.ParseLevel, model.LevelUnknown,
		"expected one of %s; got %s", strings.Join(model.LevelNames(), ", "))
}

func (c tabCells) unitType(column string) model.UnitType {
	return enumOf(c, column, model.ParseUnitType, model.TypeUnknown,
		"expected one of %s; got %s", strings.Join(model.UnitTypeNames(), ", "))
}

// enumOf reads an enumerated cell with parse; a value parse rejects, or
// none (the unknown value), is reported by format with args and then the
// cell.
func enumOf[T comparable](c tabCells, column string, parse func(string) (T, error), none T, format string, args ...any) T {
	v, err := parse(c.enumCell(column))
	if err != nil || v == none {
		c.bad(column, format, append(args, tabGot(c.str(column)))...)
		return none
	}
	return v
}

// gsoType reads a unit type of a GSO list, which must be one of allowed.
func (c tabCells) gsoType(column, want string, allowed ...model.UnitType) model.UnitType {
	ty, err := model.ParseUnitType(c.enumCell(column))
	if err == nil {
		for _, a := range allowed {
			if ty == a {
				return ty
			}
		}
	}
	c.bad(column, "expected %s; got %s", want, tabGot(c.str(column)))
	return model.TypeUnknown
}

func (c tabCells) class(column string) model.Class {
	return enumOf(c, column, model.ParseClass, model.ClassUnknown, "expected I, II, III or a blank; got %s")
}

func (c tabCells) flags(column string) model.Flags {
	s := c.enumCell(column)
	if s == "" {
		return 0
	}
	var f model.Flags
	for part := range strings.SplitSeq(s, "|") {
		g, err := model.ParseFlag(part)
		if err != nil || strings.TrimSpace(part) == "" {
			c.bad(column, "expected flags among %s joined by \"|\"; got %s", strings.Join(model.FlagNames(), ", "), tabGot(c.str(column)))
			return 0
		}
		f |= g
	}
	return f
}
