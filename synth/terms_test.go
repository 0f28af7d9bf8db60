package synth

import (
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// termTestTitles are elected titles on congress calendars as the presets
// give them: a commune mass-organisation post, a Party cell secretary and
// a village head.
func termTestTitles() []model.Title {
	round := func(d string, w int) model.Round { return model.Round{Date: model.MustDate(d), WindowMonths: w} }
	return []model.Title{
		{ID: "pho-chu-tich-hoi-lhpn", Level: model.Commune, Organisation: model.OrgWomen, Holders: model.HoldersRule{Base: 1},
			Term: model.TermRule{Kind: model.Elected, Months: 60, Rounds: []model.Round{round("2016-03-01", 4), round("2021-03-01", 4)}}},
		{ID: "bi-thu-chi-bo", Level: model.Village, Organisation: model.OrgParty, Holders: model.HoldersRule{Base: 1},
			Requires: model.Requirements{PartyMember: true, Resident: true},
			Term:     model.TermRule{Kind: model.Elected, Months: 30, Rounds: []model.Round{round("2020-02-01", 3), round("2022-08-01", 3), round("2025-02-01", 3)}}},
		{ID: "truong-thon", Level: model.Village, Organisation: model.OrgVillage, Holders: model.HoldersRule{Base: 1},
			Requires: model.Requirements{MinAge: 21, Resident: true},
			Term:     model.TermRule{Kind: model.Elected, Months: 30, Rounds: []model.Round{round("2020-06-01", 6), round("2022-12-01", 6), round("2025-06-01", 6)}}},
	}
}

// TestTermEndsVary is the property the issue asks for: in a generated
// province, the elected holders of one title do not all share one term
// end, for every seed; each end is after the plan date, and a holder's
// term ends in the window of the next round unless a village head was
// elected between rounds.
func TestTermEndsVary(t *testing.T) {
	date := model.MustDate("2025-01-01")
	titles := termTestTitles()
	for seed := uint64(1); seed <= 6; seed++ {
		cfg := Config{Province: "42", Seed: seed}
		units, err := Units(cfg)
		if err != nil {
			t.Fatal(err)
		}
		units = AddVillages(units, cfg)
		people := People(units, titles, date, seed)
		ends := map[string]map[model.Date]int{}
		offCalendar := map[string]int{}
		n := map[string]int{}
		for _, p := range people {
			h := p.Holdings[0]
			var ti *model.Title
			for i := range titles {
				if titles[i].ID == h.Title {
					ti = &titles[i]
				}
			}
			n[h.Title]++
			if ends[h.Title] == nil {
				ends[h.Title] = map[model.Date]int{}
			}
			ends[h.Title][h.TermEnd]++
			if h.TermEnd <= date || h.Start >= date || h.Start >= h.TermEnd {
				t.Fatalf("seed %d: %s holds %s from %s to %s, not a current term on %s", seed, p.ID, h.Title, h.Start, h.TermEnd, date)
			}
			r, _ := ti.Term.RoundAfter(date)
			inWindow := h.TermEnd >= r.Date && h.TermEnd < r.Date.AddMonths(r.WindowMonths)
			if cur, _ := ti.Term.RoundOnOrBefore(date); h.TermEnd >= cur.Date && h.TermEnd < cur.Date.AddMonths(cur.WindowMonths) {
				inWindow = true // the unit had not yet held the current round on the plan date
			}
			if !inWindow {
				if ti.Organisation != model.OrgVillage {
					t.Errorf("seed %d: %s's %s term ends %s, outside the round of %s (+%d months)", seed, p.ID, h.Title, h.TermEnd, r.Date, r.WindowMonths)
				}
				offCalendar[h.Title]++
			}
		}
		for _, ti := range titles {
			k := len(ends[ti.ID])
			if n[ti.ID] < 20 {
				t.Fatalf("seed %d: only %d holders of %s", seed, n[ti.ID], ti.ID)
			}
			most := 0
			for _, c := range ends[ti.ID] {
				most = max(most, c)
			}
			if k < 2 || most*2 > n[ti.ID] {
				t.Errorf("seed %d: %s: %d holders share %d term ends, the commonest held by %d; want them spread", seed, ti.ID, n[ti.ID], k, most)
			}
		}
		if offCalendar["truong-thon"] == 0 {
			t.Errorf("seed %d: no village head elected between rounds", seed)
		}
	}
}
