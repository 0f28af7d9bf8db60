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
