package report

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// overflowScript measures, once the fonts are in, every table and figure
// of a page against the box that holds it and against the viewport, and
// posts what sticks out, as JSON, to the page that framed it.
const overflowScript = `<script>
document.fonts.ready.then(function () {
  var out = [], vw = document.documentElement.clientWidth;
  document.querySelectorAll("table, figure").forEach(function (e) {
    var box = e.parentElement, r = e.getBoundingClientRect();
    if (e.scrollWidth > box.clientWidth + 1 || r.right > vw + 1 || r.left < -1) {
      var s = e.closest("section"), head = e.querySelector("th, figcaption") || e;
      out.push({what: (s ? s.id : "") + ": " + e.tagName.toLowerCase() + " " + head.textContent.slice(0, 50),
        width: Math.round(Math.max(e.scrollWidth, r.width)), room: box.clientWidth, right: Math.round(r.right), viewport: vw});
    }
  });
  if (document.documentElement.scrollWidth > vw + 1) {
    out.push({what: "page", width: document.documentElement.scrollWidth, room: vw, right: 0, viewport: vw});
  }
  parent.postMessage({id: ID, out: out}, "*");
});
</script>`

// overflow is one element that does not fit.
type overflow struct {
	What                         string
	Width, Room, Right, Viewport int
}

// layout is a page laid out at a width, on screen or as printed.
type layout struct {
	page  []byte
	width int  // the viewport, in CSS pixels
	print bool // the print style sheet applied (the page as on paper)
}

// a4Width is the printable width of A4 with the report's 12 mm side
// margins, in CSS pixels (96 to the inch): 186 mm.
const a4Width = 703

// hostPage frames every layout in an iframe of its width and collects
// their measures into the DOM, where --dump-dom reads them: one Chromium
// for them all, as starting Chromium is what takes the time.
const hostPage = `<!DOCTYPE html><html><body style="margin:0">
<script>
window.addEventListener("message", function (e) {
  var pre = document.createElement("pre");
  pre.id = "kn-overflow-" + e.data.id;
  pre.textContent = JSON.stringify(e.data.out);
  document.body.appendChild(pre);
});
</script>
%s</body></html>`

// measureOverflow lays every page out in headless Chromium and returns,
// for each, what overflows.
func measureOverflow(t *testing.T, layouts []layout) [][]overflow {
	t.Helper()
	bin, err := FindChromium()
	if err != nil {
		requireTool(t, "chromium")
	}
	dir := t.TempDir()
	var frames strings.Builder
	for i, l := range layouts {
		src := string(l.page)
		if l.print {
			src = strings.Replace(src, "@media print", "@media all", 1)
		}
		src = strings.Replace(src, "</body>", strings.Replace(overflowScript, "ID", strconv.Itoa(i), 1)+"\n</body>", 1)
		name := "page" + strconv.Itoa(i) + ".html"
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o600); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&frames, "<iframe src=%q style=\"display:block;border:0;width:%dpx;height:800px\"></iframe>\n", name, l.width)
	}
	host := filepath.Join(dir, "host.html")
	if err := os.WriteFile(host, []byte(fmt.Sprintf(hostPage, frames.String())), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, chromiumArgs(dir, "--window-size=1400,1000",
		"--virtual-time-budget=10000", "--dump-dom", "file://"+host)...)
	var out, log bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &log
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, lastLines(log.String(), 10))
	}
	found := make([][]overflow, len(layouts))
	for i := range layouts {
		m := regexp.MustCompile(`<pre id="kn-overflow-` + strconv.Itoa(i) + `">(.*?)</pre>`).FindStringSubmatch(out.String())
		if m == nil {
			t.Fatalf("page %d was not measured; Chromium's log:\n%s", i, lastLines(log.String(), 10))
		}
		if err := json.Unmarshal([]byte(html.UnescapeString(m[1])), &found[i]); err != nil {
			t.Fatalf("result %q: %v", m[1], err)
		}
	}
	return found
}

// TestNoTableOverflows: on a 1280-pixel screen and on A4 paper, in both
// languages, every table and chart of the report, its rearrangement
// section included, fits its page; and the
// check itself catches a table that does not.
func TestNoTableOverflows(t *testing.T) {
	var layouts []layout
	var names []string
	for _, lang := range []model.Lang{model.Vietnamese, model.English} {
		c := rearrangedComparison(t, lang) // with the rearrangement section
		charts, err := Charts(c)
		if err != nil {
			t.Fatal(err)
		}
		page, err := HTML(c, charts, []string{"svg", "png", "pdf"})
		if err != nil {
			t.Fatal(err)
		}
		layouts = append(layouts, layout{page, 1280, false}, layout{page, a4Width, true})
		names = append(names, string(lang)+", screen 1280 px", string(lang)+", A4 print")
	}
	// A table that cannot fit must be caught.
	wide := "<!DOCTYPE html><html><body><div class=\"wide\" style=\"overflow-x:auto\"><table><tr>" +
		strings.Repeat("<td style=\"white-space:nowrap\">1.234.567.890.123</td>", 30) + "</tr></table></div></body></html>"
	layouts = append(layouts, layout{[]byte(wide), 1280, false})
	found := measureOverflow(t, layouts)
	for i, name := range names {
		for _, o := range found[i] {
			t.Errorf("%s: %s is %d px wide in %d px (right edge %d, viewport %d)", name, o.What, o.Width, o.Room, o.Right, o.Viewport)
		}
	}
	if len(found[len(names)]) == 0 {
		t.Error("a 30-column table was not seen to overflow")
	}
}
