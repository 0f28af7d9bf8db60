package report

import (
	"strings"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
)

func TestCitation(t *testing.T) {
	tests := []struct {
		source, vi, en string
	}{
		{"NĐ 33/2023/NĐ-CP Art. 34(4): 100% of the allowance (policy-facts 1.9, confirmed from a translation)",
			"NĐ 33/2023/NĐ-CP, Điều 34, khoản 4",
			"NĐ 33/2023/NĐ-CP Art. 34(4): 100% of the allowance (confirmed from a translation)"},
		{"NĐ 33/2023/NĐ-CP Art. 33(7)–(8) (policy-facts 1.23, confirmed); the province decides (Art. 34(3), 1.8)",
			"NĐ 33/2023/NĐ-CP, Điều 33, khoản 7–8",
			"NĐ 33/2023/NĐ-CP Art. 33(7)–(8) (confirmed); the province decides (Art. 34(3))"},
		{"NĐ 154/2025/NĐ-CP Art. 9–10 (policy-facts 6.2, 6.3): 0.8·A per month, 1.5·A per year",
			"NĐ 154/2025/NĐ-CP, Điều 9–10", "NĐ 154/2025/NĐ-CP Art. 9–10: 0.8·A per month, 1.5·A per year"},
		{"assumption: the provinces decide (NĐ 33/2023 Art. 34(3), policy-facts 1.8)",
			"Giả định; NĐ 33/2023/NĐ-CP, Điều 34, khoản 3", "assumption: the provinces decide (NĐ 33/2023 Art. 34(3))"},
		{"assumption: 0.4 % a year (no figure in policy-facts)", "Giả định", "assumption: 0.4 % a year (no published figure found)"},
		{"assumption: recruits cost (1.5 × 1,490,000) each, as in (1.6, 1.31, 1.32)", "Giả định", "assumption: recruits cost (1.5 × 1,490,000) each, as in"},
		{"NĐ 34/2019/NĐ-CP: 3 people (policy-facts 1.21, unconfirmed: remembered)", "NĐ 34/2019/NĐ-CP (có điểm chưa xác minh)", "NĐ 34/2019/NĐ-CP: 3 people (unconfirmed: remembered)"},
		{"Sources: ../shared/domain/policy-facts.md, rows 1.5", "Ước tính của dự án", "Sources: rows 1.5"},
		{"policy-facts 5.3", "Ước tính của dự án", "project estimate"},
		{"", "", ""},
	}
	for _, tt := range tests {
		if got := Citation(tt.source, model.Vietnamese); got != tt.vi {
			t.Errorf("Citation(%q, vi) = %q, want %q", tt.source, got, tt.vi)
		}
		if got := Citation(tt.source, model.English); got != tt.en {
			t.Errorf("Citation(%q, en) = %q, want %q", tt.source, got, tt.en)
		}
	}
}

func FuzzCitation(f *testing.F) {
	f.Add("NĐ 33/2023/NĐ-CP Art. 34(4) (policy-facts 1.9, 1.10; 2.1)")
	f.Add("assumption: (1.2, (3.4,)) ../shared/x")
	f.Fuzz(func(t *testing.T, s string) {
		for _, l := range model.Langs {
			if strings.TrimSpace(s) != "" && Citation(s, l) == "" {
				t.Errorf("Citation(%q, %s) is empty", s, l)
			}
		}
	})
}
