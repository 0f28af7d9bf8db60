package main

import (
	"strings"
	"testing"
)

func TestParsePin(t *testing.T) {
	tests := []struct {
		in, want string // want "" for a refusal
	}{
		{"P000012:truong-thon@42001-03", "P000012:truong-thon@42001-03"},
		{" P1 : t @ U ", "P1:t@U"},
		{"P1:t@U@V", ""},
		{"P1:t", ""},
		{"P1t@U", ""},
		{":t@U", ""},
		{"P1:@U", ""},
		{"P1:t@", ""},
		{"P1:a:b@U", ""},
	}
	for _, tt := range tests {
		p, err := parsePin(tt.in)
		if tt.want == "" {
			if err == nil || !strings.Contains(err.Error(), "want PERSON:TITLE@UNIT") {
				t.Errorf("parsePin(%q) = %v, %v; want a refusal", tt.in, p, err)
			}
			continue
		}
		if err != nil || p.String() != tt.want {
			t.Errorf("parsePin(%q) = %v, %v; want %s", tt.in, p, err, tt.want)
		}
	}
}

// FuzzParsePin: a pin parsed prints as PERSON:TITLE@UNIT and parses back to
// itself.
func FuzzParsePin(f *testing.F) {
	for _, s := range []string{"P000012:truong-thon@42001-03", " P1 : t @ U ", "P1:t@U@V", "P1:t", ":@", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 64<<10 {
			t.Skip("input over 64 KiB")
		}
		p, err := parsePin(s)
		if err != nil {
			return
		}
		if p.Person == "" || p.Title == "" || p.Unit == "" {
			t.Fatalf("parsePin(%q) = %#v: an empty part", s, p)
		}
		back, err := parsePin(p.String())
		if err != nil || back != p {
			t.Fatalf("parsePin(%q) = %#v prints %q, which parses as %#v, %v", s, p, p.String(), back, err)
		}
	})
}
