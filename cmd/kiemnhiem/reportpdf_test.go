package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/report"
)

// TestComparePDFNeedsChromium: compare --format pdf with rsvg-convert but no
// Chromium on PATH fails at once, exit 1, naming Chromium, and writes
// nothing.
func TestComparePDFNeedsChromium(t *testing.T) {
	rsvg, err := exec.LookPath("rsvg-convert")
	if err != nil {
		t.Skip("rsvg-convert is not installed: the check would stop at it first")
	}
	bin := t.TempDir()
	if err := os.Symlink(rsvg, filepath.Join(bin, "rsvg-convert")); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin)
	out := filepath.Join(t.TempDir(), "report")
	code, stdout, stderr := cli(t, "compare", "nd33-2023", "--format", "svg,pdf", "--runs", "2", "--quiet", "--out", out)
	if code != exitInput {
		t.Errorf("exit %d, want %d; stderr:\n%s", code, exitInput, stderr)
	}
	if !strings.Contains(stderr, "Chromium") || !strings.Contains(stderr, "report.pdf") {
		t.Errorf("the error does not say report.pdf needs Chromium:\n%s", stderr)
	}
	if stdout != "" {
		t.Errorf("stdout: %q", stdout)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("the output directory was touched: %v", err)
	}
}

// TestComparePDF: compare --format pdf writes report.pdf beside
// report.html, and its text holds the summary's scenarios and the data
// table's rows, whole.
func TestComparePDF(t *testing.T) {
	if _, err := report.FindChromium(); err != nil {
		requireTool(t, "chromium")
	}
	requireTool(t, "rsvg-convert")
	requireTool(t, "pdftotext")
	_, base, variant := tinyVariant(t)
	out := filepath.Join(t.TempDir(), "report")
	code, _, stderr := cli(t, "compare", base, variant, "--years", "2", "--runs", "4", "--sensitivity-runs", "0", "--format", "pdf", "--quiet", "--out", out)
	if code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	for _, name := range []string{report.ReportHTML, report.ReportPDF, "fan-savings.pdf"} {
		if _, err := os.Stat(filepath.Join(out, name)); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	text, err := exec.Command("pdftotext", "-layout", "-enc", "UTF-8", filepath.Join(out, report.ReportPDF), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"So sánh phương án bố trí kiêm nhiệm", "Tóm tắt", "tiny-half-pay", "Bảng số liệu", "Chi phí và tiết kiệm (tỷ đồng)", "Phương pháp và tham số"} {
		if !strings.Contains(string(text), want) {
			t.Errorf("report.pdf lacks %q", want)
		}
	}
}
