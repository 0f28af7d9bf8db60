package scenarios

import (
	"strings"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/internal/catalogtest"
	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/tables"
)

// TestErrorCatalogue fails when a message of scenarios has no Vietnamese
// form in errorsVi, or sets Msg without Vi, listing each.
func TestErrorCatalogue(t *testing.T) {
	uses, err := catalogtest.Scan(".", "fail", "errAt", "errorf", "Setf", "span", "countSpan")
	if err != nil {
		t.Fatal(err)
	}
	if missing := catalogtest.Missing(uses, errorsVi); len(missing) > 0 {
		t.Errorf("%d messages have no Vietnamese form:\n%s", len(missing), strings.Join(missing, "\n"))
	}
}

// TestCatalogueFormats formats every Vietnamese form with the arguments
// its English takes, and fails on a verb that does not fit ("%!").
func TestCatalogueFormats(t *testing.T) {
	for _, b := range catalogtest.BadFormats(errorsVi) {
		t.Error(b)
	}
}

// TestErrorIn loads bad scenarios and checks the first error in both
// languages: the English is Error() byte for byte; the Vietnamese has the
// same position and path.
func TestErrorIn(t *testing.T) {
	for _, tc := range []struct {
		name, src, en, vi string
	}{
		{"unknown field", "extends: nd33-2023\nfoo: 1\n",
			"s.yaml:2:1: foo: unknown field",
			`s.yaml:2:1: foo: trường không có "foo"`},
		{"type", "extends: nd33-2023\ndate: [1]\n",
			"s.yaml:2:7: date: expected text, got a list",
			"s.yaml:2:7: date: cần văn bản, nhận được một danh sách"},
		{"range", "extends: nd33-2023\npolicy:\n  village_cap:\n    - {from: 2025-01-01, value: 1000000, source: x}\n",
			"s.yaml:4:33: policy.village_cap[0].value: expected a whole number from 1 to 100, got 1000000",
			"s.yaml:4:33: policy.village_cap[0].value: cần một số nguyên từ 1 đến 100, nhận được 1000000"},
		{"date", "extends: nd33-2023\ndate: 2025-13-01\n",
			`s.yaml:2:7: date: expected a date YYYY-MM-DD, got "2025-13-01"`,
			`s.yaml:2:7: date: cần một ngày dạng YYYY-MM-DD, nhận được "2025-13-01"`},
		{"extends", "extends: no-such-preset\n",
			"s.yaml:1:10: extends:",
			"s.yaml:1:10: extends:"},
		{"goal", "extends: nd33-2023\ndynamics:\n  mergers:\n    - {date: 2027-01-01, mapping: m.csv, rules: {goal: most}, source: x}\n",
			`s.yaml:4:56: dynamics.mergers[0].rules.goal: expected fewest-merges or consolidation, got "most"`,
			`s.yaml:4:56: dynamics.mergers[0].rules.goal: cần fewest-merges hoặc consolidation, nhận được "most"`},
		{"encoding", "extends: nd33-2023\nname: T\xecnh\n",
			"s.yaml:2:8: byte 0xEC is not valid UTF-8",
			"s.yaml:2:8: byte 0xEC không hợp lệ trong UTF-8"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := LoadBytes("s.yaml", "", []byte(tc.src))
			list := tables.Errors(err)
			if len(list) == 0 {
				t.Fatalf("got %v, want a positioned error", err)
			}
			e := list[0]
			if got := e.In(model.English); got != e.Error() || !strings.HasPrefix(got, tc.en) {
				t.Errorf("English:\n got %s\nwant %s…", got, tc.en)
			}
			if got := e.In(model.Vietnamese); !strings.HasPrefix(got, tc.vi) {
				t.Errorf("Vietnamese:\n got %s\nwant %s…", got, tc.vi)
			}
		})
	}
}
