package model

import "testing"

func TestTitleAt(t *testing.T) {
	v := func(from string, allowance Coefficient, kind TermKind) TitleVersion {
		var d Date
		if from != "" {
			d = MustDate(from)
		}
		return TitleVersion{From: d, Title: Title{ID: "x", Allowance: allowance, Term: TermRule{Kind: kind}}}
	}
	dated := Title{ID: "x", Versions: []TitleVersion{v("", 1.0, Elected), v("2023-08-01", 1.5, Elected), v("2026-01-01", 1.5, Appointed)}}
	tests := []struct {
		date      string
		allowance Coefficient
		kind      TermKind
	}{
		{"2019-07-01", 1.0, Elected},
		{"2023-07-31", 1.0, Elected},
		{"2023-08-01", 1.5, Elected},
		{"2025-12-31", 1.5, Elected},
		{"2026-01-01", 1.5, Appointed},
		{"2040-01-01", 1.5, Appointed},
	}
	for _, tt := range tests {
		got := dated.At(MustDate(tt.date))
		if got.Allowance != tt.allowance || got.Term.Kind != tt.kind || len(got.Versions) != 3 {
			t.Errorf("At(%s) = allowance %v, %v, %d versions; want %v, %v, 3", tt.date, got.Allowance, got.Term.Kind, len(got.Versions), tt.allowance, tt.kind)
		}
	}
	plain := []Title{{ID: "a", Allowance: 2}}
	if got := TitlesAt(plain, MustDate("2020-01-01")); &got[0] != &plain[0] {
		t.Errorf("TitlesAt copied titles without versions")
	}
	both := []Title{plain[0], dated}
	got := TitlesAt(both, MustDate("2024-01-01"))
	if got[0].Allowance != 2 || got[1].Allowance != 1.5 || both[1].Allowance != 0 {
		t.Errorf("TitlesAt = %v, %v (input %v); want 2, 1.5 (input untouched)", got[0].Allowance, got[1].Allowance, both[1].Allowance)
	}
	changes := []struct {
		from, to string
		want     bool
	}{
		{"2023-07-31", "2023-08-01", true},
		{"2023-08-01", "2023-09-01", false},
		{"2024-01-01", "2026-01-01", true},
		{"2026-01-01", "2030-01-01", false},
	}
	for _, tt := range changes {
		if got := ChangesBetween(both, MustDate(tt.from), MustDate(tt.to)); got != tt.want {
			t.Errorf("ChangesBetween(%s, %s) = %v, want %v", tt.from, tt.to, got, tt.want)
		}
	}
}
