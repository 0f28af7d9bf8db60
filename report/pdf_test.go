package report

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// pdfText is the text of a PDF as pdftotext lays it out, NFC.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	pdftotext := requireTool(t, "pdftotext")
	path := filepath.Join(t.TempDir(), ReportPDF)
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(pdftotext, "-layout", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return norm.NFC.String(string(out))
}

// rowPattern matches a table row as printed: its cells in order, on one
// line, however far apart.
func rowPattern(cells []string) *regexp.Regexp {
	parts := make([]string, len(cells))
	for i, c := range cells {
		parts[i] = regexp.QuoteMeta(c)
	}
	return regexp.MustCompile(strings.Join(parts, `[ \t]+`))
}

// TestReportPDF: Build with "pdf" prints the whole report to report.pdf, an
// A4 PDF whose text holds the summary's first words and every row of the
// data tables, whole (no cell cut off at the page's edge).
func TestReportPDF(t *testing.T) {
	if _, err := FindChromium(); err != nil {
		requireTool(t, "chromium")
	}
	requireTool(t, "rsvg-convert")
	c := testComparison(t)
	files, err := Build(context.Background(), c, []string{"pdf"})
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(files, func(f File) bool { return f.Name == ReportPDF })
	if i < 0 {
		t.Fatalf("Build with pdf wrote no %s", ReportPDF)
	}
	text := pdfText(t, files[i].Data)
	if box := regexp.MustCompile(`/MediaBox\s*\[\s*0 0 (\d+)\.?\d* (\d+)\.?\d*\s*\]`).FindSubmatch(files[i].Data); box == nil || string(box[1]) != "594" || string(box[2]) != "841" {
		t.Errorf("report.pdf's pages are not A4 (594.96 × 841.92 pt): %q", box)
	}
	flat := strings.Join(strings.Fields(text), " ")
	// The report's first words.
	html := string(files[slices.IndexFunc(files, func(f File) bool { return f.Name == ReportHTML })].Data)
	first := firstParagraph(t, html)
	if words := strings.Fields(first); len(words) > 6 && !strings.Contains(flat, strings.Join(words[:6], " ")) {
		t.Errorf("report.pdf lacks the report's first words %q", strings.Join(words[:6], " "))
	}
	table, err := SummaryTable(c)
	if err != nil {
		t.Fatal(err)
	}
	for _, tab := range dataTables(table, c.Lang) {
		for _, row := range tab.Rows {
			if !rowPattern(row[1:]).MatchString(text) || !strings.Contains(flat, row[0]) {
				t.Errorf("report.pdf lacks the row %q of table %q", row, tab.Title)
			}
		}
	}
	if t.Failed() {
		t.Logf("report.pdf reads:\n%s", text)
	}
}

// firstParagraph is the text of the first paragraph of the report's first
// section.
func firstParagraph(t *testing.T, html string) string {
	t.Helper()
	m := regexp.MustCompile(`(?s)<section.*?<p[^>]*>(.*?)</p>`).FindStringSubmatch(html)
	if m == nil {
		t.Fatal("the report has no paragraph")
	}
	return regexp.MustCompile(`<[^>]+>`).ReplaceAllString(m[1], "")
}

// TestPrintPDFWithoutChromium: with no Chromium on PATH the error says what
// to install.
func TestPrintPDFWithoutChromium(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	_, err := PrintPDF(context.Background(), []byte("<html></html>"))
	if !errors.Is(err, ErrNoChromium) || !strings.Contains(err.Error(), "Chromium") {
		t.Fatalf("PrintPDF without Chromium: %v, want ErrNoChromium", err)
	}
}
