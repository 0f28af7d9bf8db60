package main

import "testing"

// TestParseProcStatCPU: the benchmarks' steal figure sums the first eight
// fields of the aggregate line (guest time is already in user and nice)
// and reads zeros from anything else.
func TestParseProcStatCPU(t *testing.T) {
	tests := []struct {
		name         string
		line         string
		total, steal uint64
	}{
		{"with guest fields", "cpu  100 2 30 400 5 0 6 70 50 1", 613, 70},
		{"eight fields", "cpu 1 2 3 4 5 6 7 8", 36, 8},
		{"one core's line", "cpu0 100 2 30 400 5 0 6 70 50 1", 0, 0},
		{"too short", "cpu 1 2 3 4 5 6 7", 0, 0},
		{"not a number", "cpu 1 2 3 x 5 6 7 8", 0, 0},
		{"empty", "", 0, 0},
		{"overflowing", "cpu 18446744073709551615 1 0 0 0 0 0 0", 0, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			total, steal := parseProcStatCPU(tc.line)
			if total != tc.total || steal != tc.steal {
				t.Errorf("parseProcStatCPU(%q) = %d, %d; want %d, %d", tc.line, total, steal, tc.total, tc.steal)
			}
		})
	}
}

// FuzzParseProcStatCPU: any line parses without panicking, and steal is
// one of the ticks it counts.
func FuzzParseProcStatCPU(f *testing.F) {
	f.Add("cpu  100 2 30 400 5 0 6 70 50 1")
	f.Add("cpu 1 2 3 4 5 6 7 8")
	f.Fuzz(func(t *testing.T, line string) {
		if total, steal := parseProcStatCPU(line); steal > total {
			t.Errorf("parseProcStatCPU(%q): steal %d above total %d", line, steal, total)
		}
	})
}
