package model

import (
	"fmt"
	"strings"
)

// Catalogue holds the Vietnamese of a package's messages: the Vietnamese
// format of each English format (as given to fmt.Sprintf, with the same
// verbs; explicit argument indexes such as %[2]s may reorder them), and of
// each English phrase that a message takes as an argument (such as "an
// empty cell"). A message whose format is not in the catalogue has no
// Vietnamese and is shown in English.
type Catalogue map[string]string

// Vi is the message of format and args in Vietnamese: the catalogue's
// format with the same arguments, an argument that is a phrase of the
// catalogue given with %s translated too, and a Text argument given in Vietnamese. It
// is "" when format has no Vietnamese.
func (c Catalogue) Vi(format string, args ...any) string {
	vi, ok := c[format]
	if !ok {
		return ""
	}
	if len(args) == 0 {
		return vi
	}
	verbs := argVerbs(format)
	tr := make([]any, len(args))
	for i, a := range args {
		tr[i] = a
		switch a := a.(type) {
		case string:
			// A quoted argument is input (a field or cell as written): it
			// stays as it is even when it reads like a phrase.
			if v, ok := c[a]; ok && i < len(verbs) && verbs[i] == 's' {
				tr[i] = v
			}
		case Text:
			tr[i] = a.Vi
		}
	}
	return fmt.Sprintf(vi, tr...)
}

// argVerbs returns the verb of each argument of an English format
// (without explicit argument indexes), in order: 's' for %s, 'q' for %q.
func argVerbs(format string) []byte {
	var verbs []byte
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		j := i + 1
		for j < len(format) && strings.IndexByte("0123456789.+-# ", format[j]) >= 0 {
			j++
		}
		if j < len(format) && format[j] != '%' {
			verbs = append(verbs, format[j])
		}
		i = j
	}
	return verbs
}

// EnglishArgs returns a copy of args with each Text argument in English,
// for formatting the English of a message whose Vietnamese Vi formats.
func EnglishArgs(args []any) []any {
	out := make([]any, len(args))
	for i, a := range args {
		if t, ok := a.(Text); ok {
			a = t.En
		}
		out[i] = a
	}
	return out
}
