package tables

import (
	"fmt"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// Catalogue holds the Vietnamese of a package's messages: the Vietnamese
// format of each English format (as given to fmt.Sprintf, with the same
// verbs in the same order), and of each English phrase that a message takes
// as an argument (such as "an empty cell"). A message whose format is not
// in the catalogue has no Vietnamese and is shown in English.
type Catalogue map[string]string

// Vi is the message of format and args in Vietnamese: the catalogue's
// format with the same arguments, an argument that is a phrase of the
// catalogue translated too. It is "" when format has no Vietnamese.
func (c Catalogue) Vi(format string, args ...any) string {
	vi, ok := c[format]
	if !ok {
		return ""
	}
	if len(args) == 0 {
		return vi
	}
	tr := make([]any, len(args))
	for i, a := range args {
		tr[i] = a
		if s, ok := a.(string); ok {
			if v, ok := c[s]; ok {
				tr[i] = v
			}
		}
	}
	return fmt.Sprintf(vi, tr...)
}

// Setf sets e's message to format and args in English (Msg) and, from
// the catalogue, in Vietnamese (Vi); it returns e.
func (e *Error) Setf(c Catalogue, format string, args ...any) *Error {
	e.Msg = fmt.Sprintf(format, args...)
	e.Vi = c.Vi(format, args...)
	return e
}

// Prefix puts en (and vi, in Vietnamese) before e's message, as a caller
// that knows more says what failed: "cannot read scenario: …".
func (e *Error) Prefix(en, vi string) {
	e.Msg = en + e.Msg
	if e.Vi != "" {
		e.Vi = vi + e.Vi
	}
}

// In is the error on one line in lang: Error with the Vietnamese message
// when lang is Vietnamese and the message has one. Positions and field
// paths are the same in both languages.
func (e *Error) In(lang model.Lang) string {
	if lang != model.Vietnamese || e.Vi == "" {
		return e.Error()
	}
	w := *e
	w.Msg = e.Vi
	return w.Error()
}

// WarningIn is Warning in lang: "cảnh báo" for "warning" in Vietnamese.
func (e *Error) WarningIn(lang model.Lang) string {
	if lang != model.Vietnamese {
		return e.Warning()
	}
	w := *e
	if e.Vi != "" {
		w.Msg = e.Vi
	}
	w.Path = "cảnh báo: " + w.Path
	if e.Path == "" {
		w.Path = "cảnh báo"
	}
	return w.Error()
}
