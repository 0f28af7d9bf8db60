package optimize

import (
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// TestStatusText fails when a status lacks either language in either form,
// and checks that an unknown status shows its key.
func TestStatusText(t *testing.T) {
	if len(Statuses) != len(statusNames) {
		t.Fatalf("Statuses has %d values, statusNames %d", len(Statuses), len(statusNames))
	}
	for _, s := range Statuses {
		for form, text := range map[string]model.Text{"Text": s.Text(), "Outcome": s.Outcome()} {
			if !text.Complete() {
				t.Errorf("%v.%s() = %+v lacks a language", s, form, text)
			}
		}
	}
	unknown := Status(len(statusNames))
	for _, text := range []model.Text{unknown.Text(), unknown.Outcome()} {
		if text.Vi != unknown.String() || text.En != unknown.String() {
			t.Errorf("unknown status shows %+v, want its key %q", text, unknown)
		}
	}
}
