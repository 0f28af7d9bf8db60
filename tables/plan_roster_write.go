package tables

import (
	"encoding/csv"
	"fmt"
	"io"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// The plan as a roster (people.csv, people.xlsx) has the columns of the
// people table (see [ReadPeople]), with the holdings after the plan, then
// four columns the roster reader reads and does not use: status, reason,
// titles_before and severance_estimate_dong. Under lang vi the headers are
// the planners' Vietnamese ones (Mã cán bộ, Họ và tên, …, Chức danh 1, Mã
// đơn vị 1, …, Trạng thái, Lý do, …), titles are written by their
// Vietnamese names (by ID where a name is shared), sex as nam/nữ,
// education by its Vietnamese name, yes/no as có/không and dates as
// DD/MM/YYYY; every one of them reads back. A recruit's row (status new)
// has only its ID, name and titles: the reader skips such a row until a
// birth date is filled in, as a seat to fill rather than a person.

// planRosterInfoVi are the Vietnamese headers of the four columns after
// the holdings; planRosterInfo the English ones.
var (
	planRosterInfo   = []string{colStatus, colReason, colTitlesBefore, colSeverance}
	planRosterInfoVi = []string{"Trạng thái", "Lý do", "Chức danh trước phương án", "Hỗ trợ thôi việc ước tính (đồng)"}
)

// eduVi are the Vietnamese education names ParseEducation reads.
var eduVi = [...]string{"không", "tiểu học", "trung học cơ sở", "trung học phổ thông", "trung cấp", "cao đẳng", "đại học", "sau đại học"}

// rosterWriter writes the cells of a person in a language.
type rosterWriter struct {
	s     *model.Scenario
	ix    *model.Index
	names *titleNames
	lang  model.Lang
}

func (rw rosterWriter) vi() bool { return rw.lang != model.English }

func (rw rosterWriter) yesNo(b bool) string {
	switch {
	case b && rw.vi():
		return "có"
	case b:
		return "yes"
	case rw.vi():
		return "không"
	}
	return "no"
}

func (rw rosterWriter) date(d model.Date) string {
	if d == 0 {
		return ""
	}
	if rw.vi() {
		return fmt.Sprintf("%02d/%02d/%04d", d.Day(), int(d.Month()), d.Year())
	}
	return d.String()
}

// title names a title as the reader will find it again: by its name in
// the language when that names it alone in the unit, else by its ID.
func (rw rosterWriter) title(id, unit string) string {
	t, ok := rw.ix.Title(id)
	if !ok {
		return id
	}
	u, _ := rw.ix.Unit(unit)
	name := t.Name.In(rw.lang)
	if got, _ := rw.names.resolve(name, u); got == id {
		return name
	}
	return id
}

// person returns the person columns (before the holdings) of p.
func (rw rosterWriter) person(p *model.Person, recruit bool) []any {
	if recruit {
		out := make([]any, len(peopleColumns)+len(model.Attributes())+1)
		for i := range out {
			out[i] = ""
		}
		out[0], out[1] = p.ID, p.Name
		return out
	}
	sex, edu := p.Sex.String(), p.Education.String()
	if rw.vi() {
		sex = map[model.Sex]string{model.Male: "nam", model.Female: "nữ"}[p.Sex]
		if int(p.Education) < len(eduVi) {
			edu = eduVi[p.Education]
		}
	}
	out := []any{p.ID, p.Name, rw.date(p.Birth), sex, edu, rw.yesNo(p.PartyMember), p.Residence, float64(p.Capacity)}
	for _, a := range model.Attributes() {
		switch {
		case p.Unknown.Has(a):
			out = append(out, "")
		default:
			out = append(out, rw.yesNo(p.Attrs.Has(a)))
		}
	}
	return append(out, rw.date(p.PlacedFromCommune))
}

// planRosterTable lays rows out under the header of the plan as a roster.
func planRosterTable(s *model.Scenario, ix *model.Index, rows []PlanPerson, lang model.Lang) ([]string, [][]any) {
	rw := rosterWriter{s: s, ix: ix, names: newTitleNames(s.Titles), lang: lang}
	groups := 1
	for i := range rows {
		groups = max(groups, len(rows[i].Person.Holdings))
	}
	header := rosterHeader(groups, lang)
	if rw.vi() {
		header = append(header, planRosterInfoVi...)
	} else {
		header = append(header, planRosterInfo...)
	}
	cells := make([][]any, len(rows))
	for n := range rows {
		r := &rows[n]
		rec := rw.person(&r.Person, r.Status == PersonNew)
		for k := range groups {
			if k >= len(r.Person.Holdings) {
				rec = append(rec, "", "", "", "", "")
				continue
			}
			h := r.Person.Holdings[k]
			rec = append(rec, rw.title(h.Title, h.Unit), h.Unit, rw.date(h.Start), rw.date(h.TermEnd), rw.yesNo(h.Main))
		}
		rec = append(rec, StatusText(r.Status).In(lang), r.Reason.In(lang), holdingsText(ix, r.Before, lang), fmt.Sprint(int64(r.Severance)))
		cells[n] = rec
	}
	return header, cells
}

// WritePlanRosterCSV writes rows (see [PlanPeople]) as the plan in the
// roster's shape, in CSV; [ReadPeople] reads it back as the next roster.
func WritePlanRosterCSV(w io.Writer, s *model.Scenario, ix *model.Index, rows []PlanPerson, lang model.Lang) error {
	header, cells := planRosterTable(s, ix, rows, lang)
	cw := csv.NewWriter(w)
	if err := cw.Write(header); err != nil {
		return err
	}
	for _, row := range cells {
		rec := make([]string, len(row))
		for i, v := range row {
			switch v := v.(type) {
			case float64:
				rec[i] = tabFormatFloat(v)
			default:
				rec[i] = fmt.Sprint(v)
			}
		}
		if err := cw.Write(model.SpreadsheetSafeRecord(rec)); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// WritePlanRosterXLSX writes rows as the plan in the roster's shape, one
// sheet with a bold frozen header, every cell formatted as text (the
// capacity a number in it). [ReadPeopleXLSX] reads it back as the next roster.
func WritePlanRosterXLSX(w io.Writer, s *model.Scenario, ix *model.Index, rows []PlanPerson, lang model.Lang) error {
	header, cells := planRosterTable(s, ix, rows, lang)
	name := lang.Pick("nhan-su", "people")
	return sheetLayout{name: name, header: header, text: true}.write(w, cells)
}
