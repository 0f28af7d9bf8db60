package scenarios

import (
	"strings"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
)

func TestDisplay(t *testing.T) {
	const base = "extends: nd33-2023\n"
	cases := []struct {
		name, src   string
		wantErr     string
		wantDisplay model.Text
		wantVi      string
	}{
		{"none: shown by its name, not the preset's", base, "", model.Text{}, "Quy định của NĐ 33/2023"},
		{"own display", base + "display: {vi: \"Đề xuất A\", en: \"Proposal A\"}\n", "", model.Text{Vi: "Đề xuất A", En: "Proposal A"}, "Quy định"},
		{"description resets the Vietnamese one", base + "description: \"mine\"\n", "", model.Text{}, ""},
		{"both descriptions", base + "description: \"mine\"\ndescription_vi: \"của tôi\"\n", "", model.Text{}, "của tôi"},
		{"display without en", base + "display: {vi: \"A\"}\n", "display: required: en", model.Text{}, ""},
		{"empty display", base + "display: {vi: \" \", en: \"A\"}\n", "display.vi: expected one non-empty line", model.Text{}, ""},
		{"long display", base + "display: {vi: \"" + strings.Repeat("dài ", 7) + "\", en: \"A\"}\n", "display.vi: expected at most 24 characters", model.Text{}, ""},
		{"empty description_vi", base + "description_vi: \"\"\n", "description_vi: expected one non-empty line", model.Text{}, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s, err := LoadBytes("v.yaml", ".", []byte(tc.src))
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err = %v, want %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if s.Display != tc.wantDisplay {
				t.Errorf("Display = %+v, want %+v", s.Display, tc.wantDisplay)
			}
			if tc.wantDisplay == (model.Text{}) && s.DisplayName(model.Vietnamese) != s.Name {
				t.Errorf("DisplayName = %q, want its name %q", s.DisplayName(model.Vietnamese), s.Name)
			}
			if !strings.HasPrefix(s.DescriptionVi, tc.wantVi) || (tc.wantVi == "" && s.DescriptionVi != "") {
				t.Errorf("DescriptionVi = %q, want prefix %q", s.DescriptionVi, tc.wantVi)
			}
		})
	}
}

// TestPresetsNamedForReaders requires of every preset a display name and
// a description in both languages, the Vietnamese differing from the
// English, and display names that tell the presets apart.
func TestPresetsNamedForReaders(t *testing.T) {
	seen := map[string]string{}
	for _, name := range Presets() {
		s, err := Load(name)
		if err != nil {
			t.Fatal(err)
		}
		if !s.Display.Complete() || s.DescriptionVi == "" || s.Description == "" {
			t.Errorf("%s: display %+v, description_vi %q: want both languages", name, s.Display, s.DescriptionVi)
		}
		if s.DescriptionVi == s.Description {
			t.Errorf("%s: description_vi is the English description", name)
		}
		for _, l := range model.Langs {
			d := s.DisplayName(l)
			if other, dup := seen[string(l)+d]; dup {
				t.Errorf("%s and %s are both shown as %q", other, name, d)
			}
			seen[string(l)+d] = name
		}
	}
}
