package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestScheduleFilesInLang: under --lang vi, schedule.csv and plan-at.csv
// have Vietnamese headers and schedule.csv's dates are dd/mm/yyyy, as the
// console's; under --lang en, the keys and ISO dates.
func TestScheduleFilesInLang(t *testing.T) {
	tests := []struct {
		lang                      string
		schedule, planAt, console string
	}{
		{"vi", "Ngày,Mã đơn vị,Tên đơn vị,", "Mã đơn vị,Tên đơn vị,", "từ 01/01/2025 đến 01/01/2025"},
		{"en", "date,unit,unit_name,", "unit,unit_name,", "from 2025-01-01 to 2025-01-01"},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			dir := t.TempDir()
			code, out, errOut := cli(t, "optimize", tiny, "--out", dir, "--at", "2025-03-01", "--lang", tt.lang)
			if code != exitOK {
				t.Fatalf("exit %d\n%s", code, errOut)
			}
			if !strings.Contains(out, tt.console) {
				t.Errorf("console lacks %q:\n%s", tt.console, out)
			}
			for file, want := range map[string]string{"schedule.csv": tt.schedule, "plan-at.csv": tt.planAt} {
				b, err := os.ReadFile(filepath.Join(dir, file))
				if err != nil {
					t.Fatal(err)
				}
				if !strings.HasPrefix(string(b), want) {
					t.Errorf("%s starts %q, want %q", file, firstLine(string(b)), want)
				}
			}
			b, _ := os.ReadFile(filepath.Join(dir, "schedule.csv"))
			lines := strings.Split(string(b), "\n")
			if len(lines) < 2 || !strings.HasPrefix(lines[1], strings.Fields(tt.console)[1]+",") {
				t.Errorf("schedule.csv's first row %q, want it to start with %s", lines[1], strings.Fields(tt.console)[1])
			}
		})
	}
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
