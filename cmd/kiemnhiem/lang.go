package main

import (
	"github.com/spf13/pflag"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// langFlag registers --lang on fs, Vietnamese by default; what says what
// the language is of.
func langFlag(fs *pflag.FlagSet, what string) *string {
	return fs.String("lang", string(defaultLang()), what+": vi or en (default: KIEMNHIEM_LANG, else vi)")
}

// parseLang reads the value of --lang.
func parseLang(s string) (model.Lang, error) {
	l, err := model.ParseLang(s)
	if err != nil {
		return "", usagef("--lang must be vi or en, got %q", s)
	}
	return l, nil
}
