package main

import (
	"fmt"
	"strings"

	"github.com/kiemnhiem/kiemnhiem/optimize"
)

// parsePin reads PERSON:TITLE@UNIT.
func parsePin(v string) (optimize.Pin, error) {
	bad := func() (optimize.Pin, error) {
		return optimize.Pin{}, fmt.Errorf("%q: want PERSON:TITLE@UNIT, e.g. P000012:truong-thon@42001-03", v)
	}
	person, rest, ok := strings.Cut(v, ":")
	if !ok {
		return bad()
	}
	at := strings.LastIndex(rest, "@")
	if at < 0 {
		return bad()
	}
	p := optimize.Pin{Person: strings.TrimSpace(person), Title: strings.TrimSpace(rest[:at]), Unit: strings.TrimSpace(rest[at+1:])}
	if p.Person == "" || p.Title == "" || p.Unit == "" || strings.ContainsAny(p.Title, ":@") || strings.Contains(p.Unit, ":") {
		return bad()
	}
	return p, nil
}

// pinStrings writes pins back as PERSON:TITLE@UNIT.
func pinStrings(ps []optimize.Pin) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.String()
	}
	return out
}
