package model

import "fmt"

// Lang is a language kiemnhiem writes for people. Its value is the ISO 639-1
// code, so it marshals, prints and parses as the flags and files spell it.
type Lang string

// Languages kiemnhiem writes in. Vietnamese is the default: the legal names
// of titles are Vietnamese.
const (
	Vietnamese Lang = "vi"
	English    Lang = "en"
)

// Langs lists every language, the default first.
var Langs = []Lang{Vietnamese, English}

// ParseLang returns the language spelled s ("vi" or "en").
func ParseLang(s string) (Lang, error) {
	for _, l := range Langs {
		if s == string(l) {
			return l, nil
		}
	}
	return "", fmt.Errorf("language %q: want %q or %q", s, Vietnamese, English)
}

// Pick returns en in English and vi otherwise, so that the zero Lang reads
// as Vietnamese.
func (l Lang) Pick(vi, en string) string {
	if l == English {
		return en
	}
	return vi
}

// Text is a name in Vietnamese and English.
type Text struct{ Vi, En string }

// In returns the text in language l, falling back to the Vietnamese name,
// which is the legal one.
func (t Text) In(l Lang) string {
	if l == English && t.En != "" {
		return t.En
	}
	return t.Vi
}

// KeyText is the text of a value that has none: its key, in both
// languages, so that a gap shows instead of passing for a translation.
func KeyText(key string) Text { return Text{Vi: key, En: key} }

// TextOf returns the text of k in texts, a string vocabulary's table, or
// its KeyText when the table has none.
func TextOf[K ~string](texts map[K]Text, k K) Text {
	if t, ok := texts[k]; ok {
		return t
	}
	return KeyText(string(k))
}

// Complete reports whether t has both its Vietnamese and English text; a
// vocabulary's tests require it of every value.
func (t Text) Complete() bool { return t.Vi != "" && t.En != "" }
