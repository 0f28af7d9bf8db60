package report

import (
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
)

func TestSimYear(t *testing.T) {
	tests := []struct {
		start  model.Date
		y      int
		vi, en string
	}{
		{model.NewDate(2025, 1, 1), 10, "năm 2034", "in 2034"},
		{model.NewDate(2025, 1, 1), 1, "năm 2025", "in 2025"},
		{model.NewDate(2026, 7, 1), 10, "năm 07/2035–06/2036", "in 07/2035–06/2036"},
	}
	for _, tt := range tests {
		if got := simYear(tt.start, tt.y, model.Vietnamese); got != tt.vi {
			t.Errorf("simYear(%s, %d, vi) = %q, want %q", tt.start, tt.y, got, tt.vi)
		}
		if got := simYear(tt.start, tt.y, model.English); got != tt.en {
			t.Errorf("simYear(%s, %d, en) = %q, want %q", tt.start, tt.y, got, tt.en)
		}
	}
}
