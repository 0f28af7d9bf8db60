package report

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"
)

// requireTool returns the path of an external program the test needs. It
// skips the test when the program is missing, except where
// KIEMNHIEM_REQUIRE_TOOLS=1 (.ci/run sets it, after installing them):
// there a missing tool is a failure, so CI never passes by skipping.
func requireTool(t *testing.T, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("KIEMNHIEM_REQUIRE_TOOLS") == "1" {
			t.Fatalf("%s is not installed (KIEMNHIEM_REQUIRE_TOOLS=1)", name)
		}
		t.Skipf("%s is not installed", name)
	}
	return path
}

// TestPDFKeepsVietnamese: a chart converted to PDF holds its Vietnamese
// title intact as text.
func TestPDFKeepsVietnamese(t *testing.T) {
	requireTool(t, "rsvg-convert")
	pdftotext := requireTool(t, "pdftotext")
	ch := testCharts(t)["fan"]
	pdf, err := ch.Render("pdf")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF")) {
		t.Fatalf("not a PDF: %q", pdf[:min(20, len(pdf))])
	}
	path := filepath.Join(t.TempDir(), "fan.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(pdftotext, "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := norm.NFC.String(string(out))
	for _, want := range []string{"Tiết kiệm so với one-per-title", "Tiết kiệm mỗi năm (tỷ đồng)", "combine-half-pay", "trung vị"} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q; it reads:\n%s", want, text)
		}
	}
}

// chromium runs headless Chromium on page with extra flags and returns
// its stdout and its log.
func chromium(t *testing.T, page string, flags ...string) (stdout, log string) {
	t.Helper()
	bin := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			bin = p
			break
		}
	}
	if bin == "" {
		requireTool(t, "chromium")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	args := append([]string{"--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir=" + t.TempDir(), "--enable-logging=stderr", "--v=0", "--hide-scrollbars"},
		flags...)
	args = append(args, "file://"+page)
	cmd := exec.CommandContext(ctx, bin, args...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, errOut.String())
	}
	return out.String(), errOut.String()
}

// consoleErrors picks the page's console messages out of Chromium's log:
// the report has no script, so any message is a fault (a resource that
// failed to load, a bad inline SVG…).
func consoleErrors(log string) []string {
	var out []string
	for _, l := range strings.Split(log, "\n") {
		if strings.Contains(l, ":CONSOLE") || strings.Contains(l, "Uncaught") || strings.Contains(l, "Failed to load resource") {
			out = append(out, l)
		}
	}
	return out
}

// TestConsoleErrorsAreSeen: the console check does catch an error, so the
// report test below can fail.
func TestConsoleErrorsAreSeen(t *testing.T) {
	page := filepath.Join(t.TempDir(), "bad.html")
	if err := os.WriteFile(page, []byte(`<!DOCTYPE html><html><body><script>console.error("boom")</script><p>x</p></body></html>`), 0o644); err != nil {
		t.Fatal(err)
	}
	_, log := chromium(t, page, "--dump-dom")
	if len(consoleErrors(log)) == 0 {
		t.Fatalf("console.error went unseen; Chromium's log:\n%s", log)
	}
}

// TestReportInChromium opens report.html in headless Chromium: no console
// message, the summary, charts and tables in the DOM, and a screenshot that
// shows them (saved to $KIEMNHIEM_ARTIFACTS, or the temporary directory).
func TestReportInChromium(t *testing.T) {
	c := testComparison(t)
	charts, err := Charts(c)
	if err != nil {
		t.Fatal(err)
	}
	html, err := HTML(c, charts, nil)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	page := filepath.Join(dir, ReportHTML)
	if err := os.WriteFile(page, html, 0o644); err != nil {
		t.Fatal(err)
	}
	dom, log := chromium(t, page, "--dump-dom")
	if errs := consoleErrors(log); len(errs) > 0 {
		t.Errorf("console messages:\n%s", strings.Join(errs, "\n"))
	}
	for _, want := range []string{`id="summary"`, `id="charts"`, `id="tables"`, `id="methods"`, "combine-half-pay", "NĐ 154/2025/NĐ-CP"} {
		if !strings.Contains(dom, want) {
			t.Errorf("the DOM lacks %q", want)
		}
	}
	if n := strings.Count(dom, "<svg"); n != len(charts) {
		t.Errorf("the DOM holds %d SVGs, want %d", n, len(charts))
	}

	artifacts := os.Getenv("KIEMNHIEM_ARTIFACTS")
	if artifacts == "" {
		artifacts = os.TempDir()
	}
	shot := filepath.Join(artifacts, "kiemnhiem-report-screenshot.png")
	_, log = chromium(t, page, "--window-size=1280,5000", "--screenshot="+shot)
	if errs := consoleErrors(log); len(errs) > 0 {
		t.Errorf("console messages:\n%s", strings.Join(errs, "\n"))
	}
	f, err := os.Open(shot)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	if ink := inkRows(img); ink < 0.3 {
		t.Errorf("only %.0f %% of the screenshot's rows hold anything", ink*100)
	}
	t.Logf("screenshot: %s", shot)
}

// inkRows is the share of an image's rows that are not blank white: the
// summary, charts and tables should fill most of a tall window.
func inkRows(img image.Image) float64 {
	b := img.Bounds()
	rows := 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			r, g, bl, _ := img.At(x, y).RGBA()
			if r < 0xe000 || g < 0xe000 || bl < 0xe000 {
				rows++
				break
			}
		}
	}
	return float64(rows) / float64(b.Dy())
}
