package tables

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// Input size caps: an input larger than its cap is refused before it is
// read, so that a wrong file (a disk image, /dev/zero, a zip bomb) costs
// neither memory nor time. Real inputs are far below them: the national
// GSO list is about 1 MB, a province's roster of 100,000 people about 20 MB.
const (
	// MaxCSVBytes caps a CSV table.
	MaxCSVBytes = 64 << 20
	// MaxXLSXBytes caps an XLSX workbook as stored (compressed).
	MaxXLSXBytes = 64 << 20
	// MaxXLSXUnzipBytes caps the parts of an XLSX workbook unzipped
	// (excelize's UnzipSizeLimit), which a zip bomb would exceed.
	MaxXLSXUnzipBytes = 256 << 20
	// MaxXLSXXMLBytes is the size above which excelize keeps an unzipped
	// sheet in a temporary file instead of in memory (UnzipXMLSizeLimit).
	MaxXLSXXMLBytes = 16 << 20
)

// OpenInput opens the input file at path for reading after checking that
// it is a regular file (not a directory, a device such as /dev/zero, or a
// pipe) of at most maxBytes. Every reader of input files opens them
// through it, so all get the same checks. Its errors are [*Error]s naming
// the file, whose Msg is the reason alone ("no such file or directory"), for
// the caller to say what it was reading.
func OpenInput(path string, maxBytes int64) (*os.File, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, (&Error{File: path}).Setf(errorsVi, "%s", pathErrMsg(err))
	}
	if err := checkInputInfo(path, fi, maxBytes); err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, (&Error{File: path}).Setf(errorsVi, "%s", pathErrMsg(err))
	}
	return f, nil
}

// ReadInput reads the whole input file at path, with the checks of
// [OpenInput]. A file that grows past maxBytes while it is read is refused
// too.
func ReadInput(path string, maxBytes int64) ([]byte, error) {
	f, err := OpenInput(path, maxBytes)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readCapped(f, path, maxBytes)
}

// readCapped reads r whole, refusing more than maxBytes.
func readCapped(r io.Reader, name string, maxBytes int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, maxBytes+1))
	if err != nil {
		return nil, (&Error{File: name}).Setf(errorsVi, "%s", pathErrMsg(err))
	}
	if int64(len(b)) > maxBytes {
		return nil, tooLarge(name, "more than", maxBytes)
	}
	return b, nil
}

func checkInputInfo(path string, fi fs.FileInfo, maxBytes int64) error {
	if !fi.Mode().IsRegular() {
		return (&Error{File: path}).Setf(errorsVi, "not a regular file but %s", fileKind(fi.Mode()))
	}
	if fi.Size() > maxBytes {
		return tooLarge(path, fmt.Sprintf("%d bytes,", fi.Size())+" more than", maxBytes)
	}
	return nil
}

func tooLarge(name, size string, maxBytes int64) *Error {
	return (&Error{File: name}).Setf(errorsVi, "too large: %s the limit of %s for this kind of input", size, sizeText(maxBytes))
}

// fileKind names what a non-regular file is, for messages.
func fileKind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeCharDevice != 0, m&fs.ModeDevice != 0:
		return "a device (such as /dev/zero)"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	}
	return "a special file"
}

// sizeText writes a byte count in the largest binary unit that keeps it
// readable: 1 MiB, 64 MiB, 1.5 GiB.
func sizeText(n int64) string {
	units := []string{"bytes", "KiB", "MiB", "GiB", "TiB"}
	x, i := float64(n), 0
	for x >= 1024 && i < len(units)-1 {
		x /= 1024
		i++
	}
	if i == 0 {
		return fmt.Sprintf("%d bytes", n)
	}
	return fmt.Sprintf("%.3g %s", x, units[i])
}

// pathErrMsg strips the "open path: " prefix that os adds to its errors.
func pathErrMsg(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
