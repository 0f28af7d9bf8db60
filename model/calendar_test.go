package model_test

import (
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
)

func TestCalendarRounds(t *testing.T) {
	d := model.MustDate
	cal := model.Calendar{
		{Organisation: model.OrgWomen, Level: model.Commune, Date: d("2026-04-01"), WindowMonths: 3},
		{Organisation: model.OrgWomen, Level: model.Commune, Date: d("2021-04-01"), WindowMonths: 6},
		{Organisation: model.OrgWomen, Level: model.Village, Date: d("2022-01-01")},
		{Organisation: model.OrgParty, Level: model.Commune, Date: d("2020-05-01")},
	}
	got := cal.Rounds(model.OrgWomen, model.Commune)
	want := []model.Round{{Date: d("2021-04-01"), WindowMonths: 6}, {Date: d("2026-04-01"), WindowMonths: 3}}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Fatalf("Rounds(women, commune) = %v, want %v (earliest first, this level only)", got, want)
	}
	titles := []model.Title{
		{ID: "w", Level: model.Commune, Organisation: model.OrgWomen, Term: model.TermRule{Kind: model.Elected, Months: 60}},
		{ID: "a", Level: model.Commune, Organisation: model.OrgWomen, Term: model.TermRule{Kind: model.Appointed}},
		{ID: "y", Level: model.Commune, Organisation: model.OrgYouth, Term: model.TermRule{Kind: model.Elected, Months: 60, Anchor: d("2022-05-01")}},
	}
	titles[0].Versions = []model.TitleVersion{{Title: titles[0]}, {From: d("2024-01-01"), Title: titles[1]}}
	cal.Apply(titles)
	if v := titles[0].Versions; len(v[0].Title.Term.Rounds) != 2 || v[1].Title.Term.Rounds != nil {
		t.Errorf("Apply: versions' rounds %v / %v; want the elected version's 2 and none for the appointed one", v[0].Title.Term.Rounds, v[1].Title.Term.Rounds)
	}
	if len(titles[0].Term.Rounds) != 2 || titles[1].Term.Rounds != nil || titles[2].Term.Rounds != nil {
		t.Errorf("Apply: rounds %v / %v / %v; want 2 for the elected Women's title, none for the appointed and for an organisation without rounds",
			titles[0].Term.Rounds, titles[1].Term.Rounds, titles[2].Term.Rounds)
	}
}

// TestTermRuleCalendar is the calendar table of each kind of title: listed
// rounds, the continuation past the last round, the anchor calendar of a
// title without rounds, and appointed titles.
func TestTermRuleCalendar(t *testing.T) {
	d := model.MustDate
	front := model.TermRule{Kind: model.Elected, Months: 60, Rounds: []model.Round{{Date: d("2019-09-01"), WindowMonths: 4}, {Date: d("2024-09-01"), WindowMonths: 4}}}
	head := model.TermRule{Kind: model.Elected, Months: 60, Rounds: []model.Round{{Date: d("2022-06-01")}, {Date: d("2024-12-01")}, {Date: d("2026-12-01"), WindowMonths: 6}}}
	anchor := model.TermRule{Kind: model.Elected, Months: 30, Anchor: d("2022-06-01")}
	appointed := model.TermRule{Kind: model.Appointed}
	for _, tc := range []struct {
		name         string
		rule         model.TermRule
		on           string
		next, before string // "" : none
	}{
		{"front between rounds", front, "2021-01-01", "2024-09-01", "2019-09-01"},
		{"front on a round", front, "2024-09-01", "2029-09-01", "2024-09-01"},
		{"front past the last round", front, "2031-01-01", "2034-09-01", "2024-09-01"},
		{"front before the first round", front, "2015-01-01", "2019-09-01", "2014-09-01"},
		{"village head on listed rounds", head, "2023-01-01", "2024-12-01", "2022-06-01"},
		{"village head after Decree 185", head, "2027-01-01", "2031-12-01", "2026-12-01"},
		{"anchor calendar", anchor, "2023-01-01", "2024-12-01", "2022-06-01"},
		{"anchor calendar before the anchor", anchor, "2020-01-01", "2022-06-01", "2019-12-01"},
		{"appointed", appointed, "2023-01-01", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			next := tc.rule.NextElection(d(tc.on))
			r, ok := tc.rule.RoundAfter(d(tc.on))
			b, okb := tc.rule.RoundOnOrBefore(d(tc.on))
			if tc.next == "" {
				if !next.IsZero() || ok || okb {
					t.Fatalf("got next %s (%v), before %s (%v); want none", next, ok, b.Date, okb)
				}
				return
			}
			if next != d(tc.next) || !ok || r.Date != next {
				t.Errorf("NextElection = %s, RoundAfter = %s %v; want %s", next, r.Date, ok, tc.next)
			}
			if !okb || b.Date != d(tc.before) {
				t.Errorf("RoundOnOrBefore = %s %v; want %s", b.Date, okb, tc.before)
			}
		})
	}
	if r, _ := front.RoundAfter(d("2030-01-01")); r.WindowMonths != 4 {
		t.Errorf("a continued round keeps the last round's window: got %d, want 4", r.WindowMonths)
	}
}
