package report

import (
	"strings"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// htmlTable is one table of the report's data section.
type htmlTable struct {
	Title   string
	Headers []string
	Rows    [][]string
}

// dataTables splits the summary table by topic so each fits a 1280-pixel
// screen and an A4 page: people, titles and communes in one table, money
// in another, the scenario first in both. Money is shown in tỷ đồng to 2
// decimals (summary.csv and summary.xlsx keep whole đồng), counts as whole
// numbers: a median or a yearly mean of people is read as people.
func dataTables(t *Table, lang model.Lang) []htmlTable {
	people := htmlTable{Title: lang.Pick("Người, chức danh và xã", "People, titles and communes")}
	money := htmlTable{Title: lang.Pick("Chi phí và tiết kiệm (tỷ đồng)", "Costs and savings (billion đồng)")}
	var peopleCols, moneyCols []int
	for i, h := range t.Headers {
		switch {
		case i == 0:
			people.Headers = append(people.Headers, h)
			money.Headers = append(money.Headers, h)
		case t.Units[i] == moneyUnit:
			moneyCols = append(moneyCols, i)
			money.Headers = append(money.Headers, moneyHeader(h))
		default:
			peopleCols = append(peopleCols, i)
			people.Headers = append(people.Headers, h)
		}
	}
	for _, row := range t.Rows {
		name := row[0].Text
		pr, mr := []string{name}, []string{name}
		for _, i := range peopleCols {
			pr = append(pr, cellText(row[i], t.Units[i], lang))
		}
		for _, i := range moneyCols {
			mr = append(mr, cellText(row[i], t.Units[i], lang))
		}
		people.Rows = append(people.Rows, pr)
		money.Rows = append(money.Rows, mr)
	}
	var out []htmlTable
	for _, x := range []htmlTable{people, money} {
		if len(x.Headers) > 1 {
			out = append(out, x)
		}
	}
	return out
}

// moneyHeader drops the "(đồng)" of a money column's header: the table's
// title gives the unit, tỷ đồng.
func moneyHeader(h string) string {
	return strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(h), "(đồng)"))
}

// cellText writes a cell for people: money in tỷ đồng to 2 decimals,
// counts whole, text as it is.
func cellText(c Cell, unit string, lang model.Lang) string {
	switch {
	case !c.IsNum:
		return c.Text
	case unit == moneyUnit:
		return formatNumber(lang, c.Num/billion, 2)
	}
	return formatNumber(lang, c.Num, 0)
}
