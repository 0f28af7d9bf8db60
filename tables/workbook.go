package tables

import (
	"bytes"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"
)

// openWorkbook opens the XLSX workbook at path with the checks of
// [OpenInput] (at most MaxXLSXBytes) and unzip limits that stop a zip bomb,
// and tells an .xls workbook or a text file given an .xlsx name from a
// damaged workbook. date1904 reports whether the workbook counts its date
// serials from 1904 (Excel for Mac's old default) instead of 1900.
func openWorkbook(path string) (wb *excelize.File, date1904 bool, err error) {
	f, err := OpenInput(path, MaxXLSXBytes)
	if err != nil {
		e := err.(*Error)
		e.Prefix("cannot open as an XLSX workbook: ", "không mở được như một sổ tính XLSX: ")
		return nil, false, e
	}
	defer f.Close()
	head := make([]byte, 512)
	n, _ := io.ReadFull(f, head)
	if err := notWorkbook(path, head[:n]); err != nil {
		return nil, false, err
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return nil, false, (&Error{File: path}).Setf(errorsVi, "cannot open as an XLSX workbook: %s", pathErrMsg(err))
	}
	wb, err = excelize.OpenReader(f, excelize.Options{UnzipSizeLimit: MaxXLSXUnzipBytes, UnzipXMLSizeLimit: MaxXLSXXMLBytes})
	if err != nil {
		if strings.HasPrefix(err.Error(), "unzip size exceeds") {
			return nil, false, (&Error{File: path}).Setf(errorsVi, "the workbook unzips to more than %s, far more than a roster needs: a damaged workbook or a zip bomb?", sizeText(MaxXLSXUnzipBytes))
		}
		return nil, false, (&Error{File: path}).Setf(errorsVi, "cannot open as an XLSX workbook: %s", pathErrMsg(err))
	}
	props, err := wb.GetWorkbookProps()
	if err != nil {
		wb.Close()
		return nil, false, (&Error{File: path}).Setf(errorsVi, "cannot read the workbook's properties: %s", err.Error())
	}
	return wb, props.Date1904 != nil && *props.Date1904, nil
}

// notWorkbook reports a file whose first bytes show it is not an XLSX
// workbook (a ZIP archive): an .xls workbook, or text.
func notWorkbook(path string, head []byte) error {
	switch {
	case bytes.HasPrefix(head, magicZip):
		return nil
	case bytes.HasPrefix(head, magicOLE2):
		return (&Error{File: path}).Setf(errorsVi, "an Excel 97-2003 workbook (.xls) or an encrypted workbook, which is not read: %s", SaveAsXLSX)
	case len(head) == 0:
		return (&Error{File: path}).Setf(errorsVi, "empty file: expected an XLSX workbook")
	}
	if looksText(head) {
		return (&Error{File: path}).Setf(errorsVi, "not an XLSX workbook but text: give a CSV file a .csv name")
	}
	return (&Error{File: path}).Setf(errorsVi, "not an XLSX workbook (not a ZIP archive): %s", SaveAsXLSX)
}

// looksText reports whether head holds no control bytes other than
// whitespace, as text in any ASCII-based encoding does.
func looksText(head []byte) bool {
	for _, c := range head {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' {
			return false
		}
	}
	return true
}
