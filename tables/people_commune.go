package tables

import (
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// The people table's optional column placed_from_commune (Vietnamese
// "Ngày bố trí về thôn (nguyên người HĐKCT cấp xã)"), after the attribute
// columns and before the holding groups, records the former commune
// non-specialised workers: the date the person, who held a commune
// non-specialised post, was placed in a village non-specialised post
// (model.Person.PlacedFromCommune). A person placed so from 1/7/2025 to
// before 30/6/2026 who leaves because the village is rearranged gets the
// commune-level regime (NĐ 185/2026 Art. 19, policy-facts 9.11); the
// window is on this date, not on the start of the person's current title,
// so the column asks for the date, not a yes. A blank cell, no or không
// (or a missing column) means the person was not placed from a commune
// post; yes, có or x without a date is an error that asks for the date.

// colPlacedFromCommune is the column's canonical name.
const colPlacedFromCommune = "placed_from_commune"

// placedFromCommuneHeaderVi is the column's Vietnamese header.
const placedFromCommuneHeaderVi = "Ngày bố trí về thôn (nguyên người HĐKCT cấp xã)"

// placedFromCommuneAliases are the folded names the column takes.
var placedFromCommuneAliases = []string{
	"placed from commune", "placed from commune post", "former commune worker", "former commune worker placed",
	"date placed in village", "placed in village",
	fold(placedFromCommuneHeaderVi), "ngay bo tri ve thon", "ngay bo tri ve thon, to dan pho", "ngay bo tri ve thon/to dan pho",
	"ngay bo tri ve to dan pho", "nguyen nguoi hdkct cap xa", "nguyen nguoi hoat dong khong chuyen trach cap xa",
	"nguyen nguoi hdkct cap xa, ngay bo tri ve thon", "nguyen nguoi hoat dong khong chuyen trach cap xa, ngay bo tri ve thon",
}

func init() {
	for _, a := range placedFromCommuneAliases {
		peopleAliases[a] = colPlacedFromCommune
	}
}

// placedFromCommune reads a person's placed_from_commune cell (see above);
// xlsx allows an Excel date serial.
func (c tabCells) placedFromCommune(xlsx bool) model.Date {
	switch strings.ToLower(c.enumCell(colPlacedFromCommune)) {
	case "", "no", "không", "khong", "n", "false":
		return 0
	case "yes", "có", "co", "y", "x", "true":
		c.bad(colPlacedFromCommune, "expected the date the person was placed in the village post from the commune post (DD/MM/YYYY or YYYY-MM-DD), got %s: the transition of NĐ 185/2026 Art. 19 turns on that date", tabGot(c.str(colPlacedFromCommune)))
		return 0
	}
	return c.date(colPlacedFromCommune, false, xlsx)
}

// checkPlacedFromCommune reports a placement before the person's 15th
// birthday.
func (c tabCells) checkPlacedFromCommune(p *model.Person) {
	if p.PlacedFromCommune != 0 && p.Birth != 0 && p.PlacedFromCommune < p.Birth.AddMonths(12*minPersonAge) {
		c.bad(colPlacedFromCommune, "placed in the village post on %s, before the person's 15th birthday (born %s)", p.PlacedFromCommune, p.Birth)
	}
}

// placedFromCommuneNote says what the column means, for the template's
// notes and its prompt.
var placedFromCommuneNote = model.Text{
	Vi: "chỉ với người trước đây là người hoạt động không chuyên trách cấp xã: ngày được bố trí làm người hoạt động không chuyên trách ở thôn, tổ dân phố (DD/MM/YYYY); để trống với người khác. Người được bố trí từ 01/7/2025 đến trước 30/6/2026 mà nghỉ do sắp xếp thôn được hưởng chế độ như người hoạt động không chuyên trách cấp xã (NĐ 185/2026 Điều 19)",
	En: "only for a former commune non-specialised worker: the date the person was placed in a village non-specialised post (DD/MM/YYYY); blank for everyone else. A person placed from 1/7/2025 to before 30/6/2026 who leaves because the village is rearranged gets the commune-level regime (NĐ 185/2026 Art. 19)",
}

// placedPrompt adds to the roster template's placed_from_commune cells
// (sqref) a prompt saying what to write.
func placedPrompt(f *excelize.File, sheet, sqref string, lang model.Lang) error {
	dv := excelize.NewDataValidation(true)
	dv.Sqref = sqref
	title := lang.Pick("Nguyên người HĐKCT cấp xã", "Former commune worker")
	msg := lang.Pick("Ngày bố trí về thôn, tổ dân phố (DD/MM/YYYY); để trống nếu không phải (NĐ 185/2026 Điều 19)",
		"Date placed in the village post (DD/MM/YYYY); blank if not one (NĐ 185/2026 Art. 19)")
	dv.SetInput(title, msg)
	return f.AddDataValidation(sheet, dv)
}

// checkPlacedDate reports a placement more than a year after the plan date
// (as a holding's start: within the year it is a placement already
// decided).
func checkPlacedDate(p *model.Person, date model.Date, bad func(column, format string, args ...any)) {
	if p.PlacedFromCommune != 0 && date != 0 && p.PlacedFromCommune > date.AddMonths(12) {
		bad(colPlacedFromCommune, "placed in the village post on %s, more than a year after the plan date %s; expected the date the person was placed", p.PlacedFromCommune, date)
	}
}
