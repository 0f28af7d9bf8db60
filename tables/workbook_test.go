package tables

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// peopleWorkbook writes a people sheet with one person whose birth and
// start dates are typed as Excel date serials, in the 1900 or the 1904 date
// system, and returns its path.
func peopleWorkbook(t *testing.T, date1904 bool) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if date1904 {
		on := true
		if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &on}); err != nil {
			t.Fatal(err)
		}
	}
	// 1975-12-16 and 2021-05-01: days since 1899-12-30, or since 1904-01-01.
	birth, start := 27744.0, 44317.0
	if date1904 {
		birth, start = birth-1462, start-1462
	}
	rows := [][]any{
		{"id", "name", "birth_date", "sex", "education", "party_member", "residence", "capacity_hours", "title_1", "unit_1", "start_1"},
		{"P1", "A", birth, "female", "college", "yes", "00001-01", 40, "t", "00001-01", start},
	}
	for i, r := range rows {
		if err := f.SetSheetRow("Sheet1", "A"+string(rune('1'+i)), &r); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "people.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestPeopleXLSX1904 checks that date serials are read in the workbook's
// date system: a 1904 workbook used to be read four years and a day early.
func TestPeopleXLSX1904(t *testing.T) {
	for _, date1904 := range []bool{false, true} {
		got, err := ReadPeopleXLSX(peopleWorkbook(t, date1904), "", nil)
		if err != nil {
			t.Fatal(err)
		}
		if b, s := got[0].Birth, got[0].Holdings[0].Start; b != model.MustDate("1975-12-16") || s != model.MustDate("2021-05-01") {
			t.Errorf("date1904=%v: birth %v, start %v; want 1975-12-16, 2021-05-01", date1904, b, s)
		}
	}
}

// TestWorkbookRefusals checks the files ReadPeopleXLSX refuses before
// excelize unzips them: an .xls workbook, text, an empty file and a zip
// bomb, a part declared to unzip to 4 GiB in a file of a few KB.
func TestWorkbookRefusals(t *testing.T) {
	dir := t.TempDir()
	good, err := os.ReadFile(peopleWorkbook(t, false))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"xls", append(append([]byte{}, magicOLE2...), make([]byte, 100)...), "an Excel 97-2003 workbook (.xls) or an encrypted workbook, which is not read: " + SaveAsXLSX},
		{"csv", []byte("id,name\nP1,A\n"), "not an XLSX workbook but text: give a CSV file a .csv name"},
		{"binary", []byte{1, 2, 3, 4}, "not an XLSX workbook (not a ZIP archive): " + SaveAsXLSX},
		{"empty", nil, "empty file: expected an XLSX workbook"},
		{"bomb", zipBomb(t, good), "the workbook unzips to more than 256 MiB, far more than a roster needs: a damaged workbook or a zip bomb?"},
	} {
		path := filepath.Join(dir, tc.name+".xlsx")
		if err := os.WriteFile(path, tc.data, 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := ReadPeopleXLSX(path, "", nil)
		if err == nil || err.Error() != path+": "+tc.want {
			t.Errorf("%s: got %v, want %s", tc.name, err, tc.want)
		}
	}
	_, err = ReadPeopleXLSX("/dev/zero", "", nil)
	if err == nil || err.Error() != "/dev/zero: cannot open as an XLSX workbook: not a regular file but a device (such as /dev/zero)" {
		t.Errorf("/dev/zero: %v", err)
	}
}

// zipBomb adds to the workbook wb a part of 4 MiB of zeros, deflated to a
// few KB and declared to unzip to 4 GiB.
func zipBomb(t *testing.T, wb []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(wb), int64(len(wb)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		if err := zw.Copy(f); err != nil {
			t.Fatal(err)
		}
	}
	var comp bytes.Buffer
	fw, _ := flate.NewWriter(&comp, flate.BestCompression)
	fw.Write(make([]byte, 4<<20))
	fw.Close()
	w, err := zw.CreateRaw(&zip.FileHeader{Name: "xl/media/image1.bin", Method: zip.Deflate,
		CompressedSize64: uint64(comp.Len()), UncompressedSize64: 4 << 30})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(comp.Bytes())
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if out.Len() > 64<<10 {
		t.Fatalf("zip bomb of %d bytes; want a few KB", out.Len())
	}
	return out.Bytes()
}

func TestSizeText(t *testing.T) {
	for n, want := range map[int64]string{3: "3 bytes", 1 << 20: "1 MiB", 64 << 20: "64 MiB", 1536 << 20: "1.5 GiB"} {
		if got := sizeText(n); got != want {
			t.Errorf("sizeText(%d) = %q, want %q", n, got, want)
		}
	}
	if !strings.Contains(SaveAsCSV, "CSV UTF-8") {
		t.Error("SaveAsCSV lost Excel's name for the format")
	}
}
