package tables

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Error is one problem in an input file, with where it is and what was
// expected. Line and Col are 1-based; 0 when unknown (a missing file).
type Error struct {
	File string
	Line int
	Col  int
	Path string // field path in the file, e.g. titles[3].workload.per_km2; a CSV column for tables
	Msg  string
	Vi   string // Msg in Vietnamese; "" when it has none (see Catalogue)
}

// Error is the position, path and message on one line. Control characters
// from the input (a header or key holding a terminal escape sequence, a
// line break) are shown escaped, as \x1b, so that printing the error
// cannot drive the terminal or forge a line.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(Printable(e.File))
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", e.Line, e.Col)
	}
	b.WriteString(": ")
	if e.Path != "" {
		b.WriteString(Printable(e.Path))
		b.WriteString(": ")
	}
	b.WriteString(Printable(e.Msg))
	return b.String()
}

// Printable returns s with control characters (C0, DEL, C1) and invalid
// UTF-8 bytes escaped as \xNN or \u00NN, for messages that quote input.
func Printable(s string) string {
	clean := true
	for _, r := range s {
		if r == utf8.RuneError || unicode.IsControl(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r < 0x80 && unicode.IsControl(r):
			fmt.Fprintf(&b, `\x%02x`, r)
		case unicode.IsControl(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// Warning formats e as a warning: like Error, with "warning: " after the
// position, for a problem that does not stop the load.
func (e *Error) Warning() string {
	w := *e
	w.Path = "warning: " + w.Path
	if e.Path == "" {
		w.Path = "warning"
	}
	return w.Error()
}

// ErrorList is every problem found in one load, in file and line order.
type ErrorList []*Error

func (l ErrorList) Error() string {
	msgs := make([]string, len(l))
	for i, e := range l {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "\n")
}

// Unwrap lets errors.As find the individual errors.
func (l ErrorList) Unwrap() []error {
	out := make([]error, len(l))
	for i, e := range l {
		out[i] = e
	}
	return out
}

// sorted returns l ordered by file, line, column and path, so the same
// input always reports in the same order.
func (l ErrorList) sorted() ErrorList {
	slices.SortStableFunc(l, func(a, b *Error) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col), cmp.Compare(a.Path, b.Path))
	})
	return l
}

// Err returns l sorted as an error, or nil when it is empty, so a reader
// can collect problems into a list and return it as its error at the end.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l.sorted()
}

// Errors returns the individual positioned errors inside err (an ErrorList
// or a single *Error, possibly wrapped); nil when there are none.
func Errors(err error) []*Error {
	var list ErrorList
	if errors.As(err, &list) {
		return list
	}
	var one *Error
	if errors.As(err, &one) {
		return []*Error{one}
	}
	return nil
}
