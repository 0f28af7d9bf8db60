package model_test

import (
	"fmt"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// enumParsers parse each small enumeration of the model from its text and
// print it back, for FuzzParseEnums; a slice, so that a failure is always
// the same one.
var enumParsers = []struct {
	kind  string
	parse func(string) (fmt.Stringer, error)
}{
	{"education", wrapParse(model.ParseEducation)},
	{"sex", wrapParse(model.ParseSex)},
	{"term kind", wrapParse(model.ParseTermKind)},
	{"level", wrapParse(model.ParseLevel)},
	{"unit type", wrapParse(model.ParseUnitType)},
	{"class", wrapParse(model.ParseClass)},
	{"flag", wrapParse(model.ParseFlag)},
	{"vacancy cover", wrapParse(model.ParseVacancyCover)},
	{"combination mode", wrapParse(model.ParseCombinationMode)},
	{"lang", wrapParse(func(s string) (langString, error) { l, err := model.ParseLang(s); return langString(l), err })},
}

// langString prints a Lang as ParseLang reads it.
type langString model.Lang

func (l langString) String() string { return string(l) }

func wrapParse[T fmt.Stringer](parse func(string) (T, error)) func(string) (fmt.Stringer, error) {
	return func(s string) (fmt.Stringer, error) {
		v, err := parse(s)
		return v, err
	}
}

// FuzzParseEnums: every value an enumeration's parser accepts prints as a
// name the parser reads back as the same value, and a refusal names the
// kind.
func FuzzParseEnums(f *testing.F) {
	for _, s := range []string{"male", "Nữ", " đại học ", "commune", "xã", "I", "", "border-island", "concurrent", "để trống", "any", "vi", "en", "EN", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 4<<10 {
			t.Skip("input over 4 KiB")
		}
		for _, e := range enumParsers {
			kind, parse := e.kind, e.parse
			v, err := parse(s)
			if err != nil {
				if err.Error() == "" {
					t.Fatalf("%s %q: an empty error", kind, s)
				}
				continue
			}
			back, err := parse(v.String())
			if err != nil || back != v {
				t.Fatalf("%s %q reads as %v, which reads back as %v, %v", kind, s, v, back, err)
			}
		}
	})
}
