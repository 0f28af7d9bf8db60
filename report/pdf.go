package report

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// ReportPDF is the file name of the whole report printed to PDF.
const ReportPDF = "report.pdf"

// ErrNoChromium is returned when the report is to be printed to PDF and no
// headless Chromium is installed.
var ErrNoChromium = errors.New("report: report.pdf needs Chromium (chromium, chromium-browser or google-chrome on PATH; Debian package chromium) / report.pdf cần Chromium (chromium, chromium-browser hoặc google-chrome trong PATH; gói Debian chromium)")

// chromiumNames are the names Chromium is installed under, in the order
// they are looked for.
var chromiumNames = []string{"chromium", "chromium-browser", "google-chrome"}

// FindChromium returns the path of the Chromium to print with, or
// ErrNoChromium.
func FindChromium() (string, error) {
	for _, name := range chromiumNames {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", ErrNoChromium
}

// pdfTimeout bounds one print: Chromium that hangs must not hang the
// command.
const pdfTimeout = 3 * time.Minute

// PrintPDF prints an HTML report to PDF, A4 as the page's @page rule asks,
// with headless Chromium: the page is written to a temporary directory
// (it is self-contained: fonts and charts inside), printed there without
// header or footer (--no-pdf-header-footer; --print-to-pdf-no-header for
// Chromium before 2023), and read back. Nothing is left behind.
func PrintPDF(ctx context.Context, html []byte) ([]byte, error) {
	bin, err := FindChromium()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "kiemnhiem-pdf-")
	if err != nil {
		return nil, fmt.Errorf("report: %s: %w", ReportPDF, err)
	}
	defer os.RemoveAll(dir)
	page := filepath.Join(dir, ReportHTML)
	if err := os.WriteFile(page, html, 0o600); err != nil {
		return nil, fmt.Errorf("report: %s: %w", ReportPDF, err)
	}
	out := filepath.Join(dir, ReportPDF)
	ctx, cancel := context.WithTimeout(ctx, pdfTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, chromiumArgs(dir, "--print-to-pdf="+out, "--no-pdf-header-footer", "--print-to-pdf-no-header", "file://"+page)...)
	var log bytes.Buffer
	cmd.Stdout, cmd.Stderr = &log, &log
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("report: %s: Chromium: %w", ReportPDF, ctx.Err())
		}
		return nil, fmt.Errorf("report: %s: Chromium: %v: %s", ReportPDF, err, lastLines(log.String(), 5))
	}
	pdf, err := os.ReadFile(out)
	if err != nil || !bytes.HasPrefix(pdf, []byte("%PDF")) {
		return nil, fmt.Errorf("report: %s: Chromium wrote no PDF: %s", ReportPDF, lastLines(log.String(), 5))
	}
	return pdf, nil
}

// chromiumArgs are the flags of a headless Chromium that touches nothing
// outside dir (its profile goes there) and fetches nothing, then extra.
func chromiumArgs(dir string, extra ...string) []string {
	return append([]string{"--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--disable-extensions", "--mute-audio", "--hide-scrollbars",
		"--user-data-dir=" + filepath.Join(dir, "profile")}, extra...)
}

// lastLines is the end of a log, for an error message.
func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}
