package scenarios

import (
	"reflect"
	"strings"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// titleOf returns the title id of s.
func titleOf(t *testing.T, s *Scenario, id string) *model.Title {
	t.Helper()
	for i := range s.Titles {
		if s.Titles[i].ID == id {
			return &s.Titles[i]
		}
	}
	t.Fatalf("no title %s", id)
	return nil
}

func loadVariant(t *testing.T, src string) *Scenario {
	t.Helper()
	s, err := LoadBytes("v.yaml", "", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestTitleChangesByDate checks that a title is the version in force on
// each date: Hà Nội's NQ 18/2023 rates apply from 1/8/2023 only, so a plan
// on a 2020 date pays the 2019 rates.
func TestTitleChangesByDate(t *testing.T) {
	hn := mustLoad(t, "hanoi-2019")
	early := loadVariant(t, "extends: hanoi-2019\ndate: \"2020-07-01\"\n")
	tests := []struct {
		name      string
		s         *Scenario
		id        string
		allowance model.Coefficient
		byEdu     int
	}{
		{"hanoi-2019 on 2025-01-01", hn, "van-phong-dang-uy", 1.5, 3},
		{"hanoi-2019 on 2020-07-01", early, "van-phong-dang-uy", 1.0, 0},
		{"village title on 2025-01-01", hn, "truong-thon", 1.1, 0},
		{"village title on 2020-07-01", early, "truong-thon", 1.02, 0},
	}
	for _, tt := range tests {
		ti := titleOf(t, tt.s, tt.id)
		if ti.Allowance != tt.allowance || len(ti.AllowanceByEducation) != tt.byEdu {
			t.Errorf("%s: %s allowance %v with %d by education; want %v with %d", tt.name, tt.id, ti.Allowance, len(ti.AllowanceByEducation), tt.allowance, tt.byEdu)
		}
	}
	// The versions travel with the title, so a simulation dates it again.
	if v := titleOf(t, early, "van-phong-dang-uy").At(model.MustDate("2024-01-01")); v.Allowance != 1.5 || len(v.AllowanceByEducation) != 3 {
		t.Errorf("hanoi-2019 from 2020, dated again on 2024-01-01: allowance %v, %d by education; want 1.5, 3", v.Allowance, len(v.AllowanceByEducation))
	}
}

// TestVariantOverridesTitleFields checks what a variant can do to an
// inherited title: turn an elected title into an appointed one, change it
// from a date, and set a field for every date.
func TestVariantOverridesTitleFields(t *testing.T) {
	appointed := loadVariant(t, `extends: nd33-2023
titles:
  - id: pho-chu-tich-mttq
    term: {kind: appointed}
    source: "assumption: a test"
`)
	if tm := titleOf(t, appointed, "pho-chu-tich-mttq").Term; !reflect.DeepEqual(tm, model.TermRule{Kind: model.Appointed}) {
		t.Errorf("elected title made appointed: term %+v", tm)
	}
	later := loadVariant(t, `extends: nd33-2023
titles:
  - id: pho-chu-tich-mttq
    changes:
      - from: "2026-01-01"
        term: {kind: appointed}
        source: "assumption: a test"
`)
	ti := titleOf(t, later, "pho-chu-tich-mttq")
	if ti.Term.Kind != model.Elected || ti.At(model.MustDate("2026-01-01")).Term.Kind != model.Appointed || ti.At(model.MustDate("2026-01-01")).Allowance != 1.5 {
		t.Errorf("change of term from 2026: %v on the plan date, %+v from 2026; want elected, then appointed at 1.5", ti.Term.Kind, ti.At(model.MustDate("2026-01-01")))
	}
	everyDate := loadVariant(t, `extends: nd33-2023
titles:
  - id: truong-thon
    allowance: 1.4
    source: "assumption: a test"
`)
	th := titleOf(t, everyDate, "truong-thon")
	for _, d := range []string{"2019-07-01", "2023-08-01", "2030-01-01"} {
		if got := th.At(model.MustDate(d)).Allowance; got != 1.4 {
			t.Errorf("variant's allowance 1.4 on %s: got %v", d, got)
		}
	}
}

func TestTitleChangeErrors(t *testing.T) {
	const head = "extends: nd33-2023\ntitles:\n  - id: truong-thon\n"
	tests := []struct {
		name, src, want string
	}{
		{"from outside changes", head + "    from: \"2024-01-01\"\n",
			"v.yaml:4:11: titles[0].from: from applies only to an entry of changes"},
		{"no date", head + "    changes:\n      - {allowance: 1.2, source: x}\n",
			"v.yaml:5:10: titles[0].changes[0].from: required: a date YYYY-MM-DD"},
		{"two changes on one date", head + "    changes:\n      - {from: \"2024-01-01\", allowance: 1.2, source: x}\n      - {from: \"2024-01-01\", allowance: 1.3, source: y}\n",
			"v.yaml:6:16: titles[0].changes[1].from: changes[0] already changes the title on 2024-01-01"},
		{"id in a change", head + "    changes:\n      - {from: \"2024-01-01\", id: other, source: x}\n",
			"v.yaml:5:34: titles[0].changes[0].id: a change cannot set id"},
		{"no source", head + "    changes:\n      - {from: \"2024-01-01\", allowance: 1.2}\n",
			"v.yaml:5:10: titles[0].changes[0].source: required: where the change comes from"},
		{"bad value", head + "    changes:\n      - {from: \"2024-01-01\", allowance: -1, source: x}\n",
			"v.yaml:5:41: titles[0].changes[0].allowance: expected"},
		{"bad combination", head + "    changes:\n      - {from: \"2024-01-01\", requires: {max_age: 19}, source: x}\n",
			"v.yaml:5:50: titles[0].changes[0].requires.max_age: max_age 19 is below min_age 21"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := LoadBytes("v.yaml", "", []byte(tt.src))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v\nwant an error containing %q", err, tt.want)
			}
		})
	}
}
