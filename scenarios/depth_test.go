package scenarios

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestCheckDepth(t *testing.T) {
	nested := func(open string, n int) string { return strings.Repeat(open, n) }
	indented := func(n int) string {
		var b strings.Builder
		for i := range n {
			b.WriteString(strings.Repeat(" ", i) + "a:\n")
		}
		return b.String()
	}
	for _, tc := range []struct {
		name, src string
		want      string // "" when accepted
	}{
		{"flat", "extends: nd33-2023\nname: x\n", ""},
		{"flow at the cap", "titles: " + nested("[", maxDepth-1), ""},
		{"flow over the cap", "titles: " + nested("[", maxDepth), "f:1:72: nested more than 64 levels deep: a scenario file is a few levels deep"},
		{"flow maps", "p: " + nested("{a: ", 100), "f:1:256: nested more than 64 levels deep: a scenario file is a few levels deep"},
		{"flow over lines", "p: [\n" + strings.Repeat(" [\n", 70), "f:64:2: nested more than 64 levels deep: a scenario file is a few levels deep"},
		{"dashes", "t:\n" + nested("- ", 100) + "x", "f:2:127: nested more than 64 levels deep: a scenario file is a few levels deep"},
		{"indentation at the cap", indented(maxDepth), ""},
		{"indentation over the cap", indented(maxDepth + 1), "f:65:65: nested more than 64 levels deep: a scenario file is a few levels deep"},
		{"dedent frees levels", strings.Repeat(indented(40), 3), ""},
		// Brackets that open nothing: in quotes, comments, plain scalars
		// and block scalars.
		{"quoted", `name: "` + nested("[", 100) + `"` + "\nd: '" + nested("{", 100) + "'\n", ""},
		{"quoted over lines", "name: \"a\n  " + nested("[", 100) + "\"\n", ""},
		{"escaped quote", `name: "\"` + nested("[", 100) + `"` + "\n", ""},
		{"comment", "# " + nested("[", 100) + "\nname: x # " + nested("{", 100) + "\n", ""},
		{"plain scalar", "name: a" + nested("[", 100) + "\n", ""},
		{"block scalar", "description: |\n  " + nested("[", 100) + "\n  " + nested("- ", 100) + "\nname: x\n", ""},
		{"folded scalar", "d: >-\n  " + nested("{", 100) + "\n", ""},
		{"long key above a block", "p:\n  " + strings.Repeat("k", 1<<20) + ":\n" + strings.Repeat("    a: 1\n", 40), "f:33:5: too many values under long keys (the YAML parser would need more than 32 MiB for their paths): the keys of a scenario are short field names"},
		{"long key above a flow list", strings.Repeat("k", 1<<20) + ": [" + strings.Repeat("1, ", 40) + "]", "f:1:1048626: too many values under long keys (the YAML parser would need more than 32 MiB for their paths): the keys of a scenario are short field names"},
		{"after block scalar", "d: |\n  x\nt: " + nested("[", 100), "f:3:67: nested more than 64 levels deep: a scenario file is a few levels deep"},
	} {
		err := checkDepth("f", []byte(tc.src))
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestDeepFileFast checks that a 200 KB file nested 100,000 deep, which
// used to exhaust memory, is refused at once.
func TestDeepFileFast(t *testing.T) {
	for _, src := range []string{
		"extends: nd33-2023\ntitles: " + strings.Repeat("[", 200000),
		"extends: nd33-2023\ntitles:\n" + strings.Repeat("- ", 100000) + "x\n",
	} {
		start := time.Now()
		_, err := LoadBytes("deep.yaml", "", []byte(src))
		if err == nil || !strings.Contains(err.Error(), "nested more than 64 levels deep") {
			t.Errorf("LoadBytes(deep) = %v", err)
		}
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("refusing a deep file took %v", d)
		}
	}
}

// TestPresetsShallow checks that no preset comes near the depth cap, so
// the cap refuses only files no planner writes.
func TestPresetsShallow(t *testing.T) {
	for _, name := range Presets() {
		src, err := PresetSource(name)
		if err != nil {
			t.Fatal(err)
		}
		s := depthScan{blockIndent: -1}
		deepest := 0
		for line := range strings.SplitSeq(string(src), "\n") {
			s.line(line)
			deepest = max(deepest, len(s.levels)+len(s.flow))
		}
		if deepest > maxDepth/4 {
			t.Errorf("preset %s is %d levels deep; the cap of %d leaves too little room", name, deepest, maxDepth)
		}
	}
}

func FuzzCheckDepth(f *testing.F) {
	for _, s := range []string{"a: [b, {c: d}]\n", "- - - x\n", "d: |\n  [[\n", `n: "a\"[`, "a:\n  b:\n    c: 1\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if err := checkDepth("f", []byte(src)); err != nil && (err.Line < 1 || err.Col < 1) {
			t.Fatalf("error without a position: %v", err)
		}
	})
}

// TestWideFileFast checks that a long key above many short ones costs
// memory in proportion to the file: the position index used to hold every
// node's path string, and go-yaml's parser does: 30,000 copies of a 100 KB key.
func TestWideFileFast(t *testing.T) {
	var b strings.Builder
	b.WriteString("extends: nd33-2023\npolicy:\n  " + strings.Repeat("k", 100000) + ": {")
	for i := range 15000 {
		fmt.Fprintf(&b, "a%d: 1, ", i)
	}
	b.WriteString("}\n")
	start := time.Now()
	_, err := LoadBytes("wide.yaml", "", []byte(b.String()))
	if err == nil || !strings.HasPrefix(err.Error(), "wide.yaml:3:") || !strings.Contains(err.Error(), "too many values under long keys") {
		t.Errorf("LoadBytes(wide) = %.200v", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("refusing a wide file took %v", d)
	}
}
