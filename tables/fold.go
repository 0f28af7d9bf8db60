package tables

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// fold is s as names are matched: NFC-normalised, lower-cased, without
// diacritics (đ read as d), with "_" and "-" read as spaces and runs of
// spaces as one, so that "Chức danh 1", "chuc danh 1" and "CHUC_DANH_1"
// match, and so do "Trưởng thôn" and "truong thon".
func fold(s string) string {
	var b strings.Builder
	space := false
	for _, r := range norm.NFD.String(strings.ToLower(norm.NFC.String(s))) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'đ':
			r = 'd'
		case r == '_' || r == '-' || unicode.IsSpace(r):
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// nearest returns the candidate whose folded key is closest to the folded
// s, if it is near enough to be a typo: at most a third of the longer
// string's runes apart (at least 1, at most 4 edits).
func nearest(s string, keys []string) (best string, ok bool) {
	fs := fold(s)
	bestD := -1
	for _, k := range keys {
		d := model.EditDistance(fs, fold(k))
		if bestD < 0 || d < bestD {
			best, bestD = k, d
		}
	}
	limit := min(max(len([]rune(fs))/3, 1), 4)
	return best, bestD >= 0 && bestD <= limit
}
