package model_test

import (
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
)

func TestParseLang(t *testing.T) {
	tests := []struct {
		s       string
		want    model.Lang
		wantErr bool
	}{
		{"vi", model.Vietnamese, false},
		{"en", model.English, false},
		{"", "", true},
		{"VI", "", true},
		{"fr", "", true},
	}
	for _, tt := range tests {
		got, err := model.ParseLang(tt.s)
		if got != tt.want || (err != nil) != tt.wantErr {
			t.Errorf("ParseLang(%q) = %q, %v; want %q, error %v", tt.s, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestPick(t *testing.T) {
	for l, want := range map[model.Lang]string{model.Vietnamese: "có", model.English: "yes", "": "có"} {
		if got := l.Pick("có", "yes"); got != want {
			t.Errorf("%q.Pick = %q, want %q", l, got, want)
		}
	}
}

// TestEducationText fails when an education level lacks either language,
// and checks that an unknown level shows its key.
func TestEducationText(t *testing.T) {
	for e := model.EduNone; e <= model.EduPostgraduate; e++ {
		if !e.Text().Complete() {
			t.Errorf("%v.Text() = %+v lacks a language", e, e.Text())
		}
	}
	unknown := model.EduPostgraduate + 1
	if got := unknown.Text(); got.Vi != unknown.String() || got.En != unknown.String() {
		t.Errorf("unknown level shows %+v, want its key %q", got, unknown)
	}
	if len(model.EducationNames()) != int(model.EduPostgraduate)+1 {
		t.Errorf("EducationNames has %d levels, the test ranges over %d", len(model.EducationNames()), model.EduPostgraduate+1)
	}
}
