package scenarios

import (
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
			deepest = max(deepest, len(s.indents)+s.flow)
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
