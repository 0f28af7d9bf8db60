package tables

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// rosterNotes says what each column of the roster template means, in the
// template's column order (STT first).
func rosterNotes(lang model.Lang) []string {
	L := lang.Pick
	notes := []string{
		L("số thứ tự (không bắt buộc; dùng làm mã khi không có cột Mã cán bộ)", "row number (optional; the ID when there is no ID column)"),
		L("bắt buộc, không trùng: mã của người, ví dụ P000123", "required, unique: the person's key, e.g. P000123"),
		L("họ và tên (có thể để trống)", "full name (may be blank)"),
		L("bắt buộc: ngày sinh, dạng 08/03/1975 (ngày trước) hoặc 1975-03-08", "required: date of birth, 08/03/1975 (day first) or 1975-03-08"),
		L("bắt buộc: nam hoặc nữ", "required: male or female"),
		L("bắt buộc: không, tiểu học, trung học cơ sở, trung học phổ thông, trung cấp, cao đẳng, đại học, sau đại học", "required: none, primary, lower-secondary, upper-secondary, intermediate, college, university, postgraduate"),
		L("bắt buộc: có hoặc không", "required: yes or no"),
		L("mã thôn (hoặc xã) nơi người đó cư trú, trong danh mục đơn vị", "code of the village (or commune) the person lives in, from the unit list"),
		L("bắt buộc: số giờ mỗi tuần người đó có thể dành cho các chức danh (0 đến 168)", "required: weekly hours the person can give to titles (0 to 168)"),
	}
	for _, a := range model.Attributes() {
		notes = append(notes, fmt.Sprintf(L("có hoặc không; để trống nếu chưa rõ (khi đó yêu cầu của chức danh về %s được coi là đáp ứng)", "yes or no; blank when unknown (a title's requirement of %s is then taken as met)"), a.HasText().In(lang)))
	}
	notes = append(notes, placedFromCommuneNote.In(lang))
	for k := 1; k <= TemplateGroups; k++ {
		notes = append(notes,
			fmt.Sprintf(L("chức danh thứ %d người đó đang giữ: tên chức danh (chọn trong danh sách) hoặc mã chức danh", "title %d the person holds today: its name (from the list) or ID"), k),
			fmt.Sprintf(L("mã đơn vị (xã hoặc thôn) của chức danh %d, trong danh mục; định dạng Text để giữ số 0 ở đầu", "code of the unit (commune or village) of title %d, from the list; kept as Text so leading zeros stay"), k),
			fmt.Sprintf(L("ngày nhận chức danh %d (không bắt buộc)", "date the person took title %d (optional)"), k),
			fmt.Sprintf(L("ngày hết nhiệm kỳ hiện tại của chức danh %d (chức danh bầu cử; không bắt buộc)", "end of the current elected term of title %d (optional)"), k),
			fmt.Sprintf(L("có nếu chức danh %d là chức danh chính; khi không đánh dấu, chức danh 1 là chính", "yes when title %d is the main title; when none is marked, title 1 is"), k),
		)
	}
	return notes
}

// unitsNotes says what each column of the units template means.
func unitsNotes(lang model.Lang) []string {
	L := lang.Pick
	return []string{
		L("bắt buộc, không trùng: mã đơn vị (mã GSO của xã; mã thôn tự đặt, ví dụ 09991-01); định dạng Text", "required, unique: unit code (GSO code of a commune; a village code of your own, e.g. 09991-01); kept as Text"),
		L("tên đơn vị", "unit name"),
		L("bắt buộc: tỉnh, huyện, xã hoặc thôn", "required: province, district, commune or village"),
		L("bắt buộc: loại đơn vị trong cấp (xã, phường, thị trấn, đặc khu; thôn, tổ dân phố, ấp, bản, …)", "required: type within the level (xa, phuong, thi-tran, dac-khu; thon, to-dan-pho, ap, ban, …)"),
		L("phân loại đơn vị hành chính (1, 2, 3) với xã; để trống nếu chưa rõ", "class of a commune (1, 2, 3); blank when unknown"),
		L("mã đơn vị cấp trên trong cùng bảng (thôn: mã xã), hoặc để trống", "code of the unit above it in the same table (a village's commune), or blank"),
		L("bắt buộc: dân số (ghi 0 nếu chưa rõ)", "required: population (0 when unknown)"),
		L("bắt buộc: số hộ (ghi 0 nếu chưa rõ)", "required: households (0 when unknown)"),
		L("bắt buộc: diện tích km² (ghi 0 nếu chưa rõ)", "required: area in km² (0 when unknown)"),
		L("đặc điểm, nối bằng |: mountainous, border-island, urban-district-ward, key-security; hoặc để trống", "flags joined by |: mountainous, border-island, urban-district-ward, key-security; or blank"),
	}
}

// WriteUnitsTemplate writes an empty units table (kiemnhiem's units.csv
// columns, headers in lang) as an XLSX workbook with the code columns as
// text, a drop-down list of levels, and a notes sheet; what is filled in
// reads with [ReadUnitsXLSX].
func WriteUnitsTemplate(w io.Writer, lang model.Lang) error {
	f := excelize.NewFile()
	defer f.Close()
	sheet, notes := lang.Pick("Đơn vị", "Units"), lang.Pick("Ghi chú", "Notes")
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	header := unitsColumns
	if lang != model.English {
		header = unitsHeaderVi
	}
	if err := headerRow(f, sheet, header); err != nil {
		return err
	}
	levels := []string{"province", "district", "commune", "village"}
	if lang != model.English {
		levels = []string{"tỉnh", "huyện", "xã", "thôn"}
	}
	for _, d := range []struct {
		col  string
		list []string
	}{{"C", levels}, {"E", []string{"1", "2", "3"}}} {
		dv := excelize.NewDataValidation(true)
		dv.Sqref = fmt.Sprintf("%s2:%s%d", d.col, d.col, templateRows+1)
		if err := dv.SetDropList(d.list); err != nil {
			return err
		}
		if err := f.AddDataValidation(sheet, dv); err != nil {
			return err
		}
	}
	if _, err := f.NewSheet(notes); err != nil {
		return err
	}
	if err := writeNotes(f, notes, header, unitsNotes(lang)); err != nil {
		return err
	}
	_, err := f.WriteTo(w)
	return err
}
