package tables

import (
	"fmt"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// Catalogue is the Vietnamese of a package's messages (see
// [model.Catalogue]).
type Catalogue = model.Catalogue

// Setf sets e's message to format and args in English (Msg) and, from
// the catalogue, in Vietnamese (Vi); it returns e. An argument may be a
// model.Text, given in each language.
func (e *Error) Setf(c Catalogue, format string, args ...any) *Error {
	e.Msg = fmt.Sprintf(format, model.EnglishArgs(args)...)
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
