package scenarios

import (
	"strings"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// TestPresetTitleRequirements states every preset title's age rule,
// attributes and retirement rule (issue 22 item 2): each title inherits
// them from nd34-2019, so every preset must agree with this table.
func TestPresetTitleRequirements(t *testing.T) {
	type want struct {
		minAge, maxAge int
		sex            model.Sex
		attrs          model.Attrs
		pastRetirement bool
	}
	table := map[string]want{
		"van-phong-dang-uy":          {minAge: 18},
		"phu-trach-truyen-thanh":     {minAge: 18},
		"pho-chi-huy-truong-quan-su": {minAge: 18, attrs: model.AttrMilitaryTraining},
		"pho-chu-tich-mttq":          {minAge: 18, pastRetirement: true},
		"pho-chu-tich-hoi-ccb":       {minAge: 18, attrs: model.AttrVeteran | model.AttrVeteransAssociation, pastRetirement: true},
		"pho-chu-tich-hoi-lhpn":      {minAge: 18, sex: model.Female, attrs: model.AttrWomensUnion, pastRetirement: true},
		"pho-chu-tich-hoi-nong-dan":  {minAge: 18, attrs: model.AttrFarmersAssociation, pastRetirement: true},
		"pho-bi-thu-doan":            {minAge: 18, maxAge: 35, attrs: model.AttrYouthUnion, pastRetirement: true},
		"chu-tich-hoi-nct":           {minAge: 60, attrs: model.AttrElderlyAssociation, pastRetirement: true},
		"chu-tich-hoi-chu-thap-do":   {minAge: 18, attrs: model.AttrRedCross, pastRetirement: true},
		"bi-thu-chi-bo":              {minAge: 18, pastRetirement: true},
		"truong-thon":                {minAge: 21, pastRetirement: true},
		"truong-ban-ctmt":            {minAge: 18, pastRetirement: true},
	}
	for _, name := range Presets() {
		t.Run(name, func(t *testing.T) {
			s, err := Load(name)
			if err != nil {
				t.Fatal(err)
			}
			for _, ti := range s.Titles {
				w, ok := table[ti.ID]
				if !ok {
					t.Errorf("title %s: not in the table", ti.ID)
					continue
				}
				r := ti.Requires
				got := want{minAge: r.MinAge, maxAge: r.MaxAge, sex: r.Sex, attrs: r.Attrs, pastRetirement: r.PastRetirement}
				if got != w {
					t.Errorf("title %s: requirements %+v, want %+v", ti.ID, got, w)
				}
				// Every requirement beyond the old ones carries its source.
				if !strings.Contains(r.Source, "retirement_age") {
					t.Errorf("title %s: requires.source %q does not state the retirement rule", ti.ID, r.Source)
				}
				for _, a := range model.Attributes() {
					if r.Attrs.Has(a) {
						key := "member_of"
						if a == model.AttrVeteran {
							key = "veteran"
						} else if a == model.AttrMilitaryTraining {
							key = "military_training"
						}
						if !strings.Contains(r.Source, key) {
							t.Errorf("title %s: requires.source does not give the source of %s", ti.ID, key)
						}
					}
				}
			}
		})
	}
}

func TestRequiresAttrsErrors(t *testing.T) {
	const head = "extends: nd34-2019\ntitles:\n  - id: truong-thon\n    requires:\n"
	tests := []struct {
		name, body, want string
	}{
		{"unknown organisation", "      member_of: [astronauts]\n", "titles[0].requires.member_of[0]: expected an organisation"},
		{"status is not an organisation", "      member_of: [veteran]\n", "titles[0].requires.member_of[0]: expected an organisation"},
		{"listed twice", "      member_of: [youth-union, đoàn thanh niên]\n", "titles[0].requires.member_of[1]: organisation youth-union is listed twice"},
		{"empty source", "      source: \" \"\n", "titles[0].requires.source: expected where"},
		{"not a bool", "      veteran: often\n", "veteran"},
	}
	for _, tt := range tests {
		_, err := LoadBytes("v.yaml", ".", []byte(head+tt.body))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", tt.name, err, tt.want)
		}
		if err != nil && !strings.Contains(err.Error(), "v.yaml:") {
			t.Errorf("%s: error %v is not positioned", tt.name, err)
		}
	}
	// A variant may lift an inherited rule: the village head stops at the
	// retirement age, and a Vietnamese alias names an organisation.
	s, err := LoadBytes("v.yaml", ".", []byte(head+"      retirement_age: true\n      member_of: [hội nông dân]\n      source: \"assumption: test\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, ti := range s.Titles {
		if ti.ID == "truong-thon" && (ti.Requires.PastRetirement || ti.Requires.Attrs != model.AttrFarmersAssociation || ti.Requires.Source != "assumption: test") {
			t.Errorf("variant requirements %+v", ti.Requires)
		}
	}
}
