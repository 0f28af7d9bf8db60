package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestShowJSONNd185 checks what issue 24 asks of `show nd185-2026 --json`:
// the funds 8.0 and 6.5, the 700 and 1,000 household thresholds, the
// region floors and the 5-year term, each with its source.
func TestShowJSONNd185(t *testing.T) {
	code, out, errOut := cli(t, "show", "nd185-2026", "--json")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	type dated[T any] struct {
		From   string `json:"from"`
		Value  T      `json:"value"`
		Source string `json:"source"`
	}
	var doc struct {
		Date   string `json:"date"`
		Policy struct {
			BaseSalary  []dated[int64] `json:"base_salary"`
			VillageCap  []dated[int]   `json:"village_cap"`
			VillageFund []dated[struct {
				Standard              float64 `json:"standard"`
				Large                 float64 `json:"large"`
				ThonHouseholds        int     `json:"thon_households"`
				ToDanPhoHouseholds    int     `json:"to_dan_pho_households"`
				KeyDefence            bool    `json:"key_defence_is_large"`
				ParticularlyDifficult bool    `json:"particularly_difficult_is_large"`
			}] `json:"village_fund"`
			VillageHead []dated[struct {
				TermMonths        int `json:"term_months"`
				ProvisionalMonths int `json:"provisional_months"`
			}] `json:"village_head"`
			VillageFloors []dated[struct {
				Regions []struct {
					ID       string `json:"id"`
					Thon     int    `json:"thon"`
					ToDanPho int    `json:"to_dan_pho"`
				} `json:"regions"`
				Provinces []struct {
					Province string `json:"province"`
					Region   string `json:"region"`
				} `json:"provinces"`
				ExemptShare float64 `json:"exempt_share"`
			}] `json:"village_floors"`
		} `json:"policy"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("show --json is not JSON: %v\n%s", err, out)
	}
	p := &doc.Policy
	if doc.Date < "2026-07-01" {
		t.Errorf("plan date %s, want on or after 2026-07-01", doc.Date)
	}
	if len(p.BaseSalary) == 0 || len(p.VillageCap) == 0 || len(p.VillageFund) == 0 || len(p.VillageHead) == 0 || len(p.VillageFloors) == 0 {
		t.Fatalf("show lacks a Decree 185 key:\n%s", out)
	}
	salary := p.BaseSalary[len(p.BaseSalary)-1]
	if salary.Value != 2_530_000 || salary.From != "2026-07-01" || !strings.Contains(salary.Source, "161/2026") {
		t.Errorf("base salary = %+v, want 2,530,000 from 2026-07-01 under NĐ 161/2026", salary)
	}
	if c := p.VillageCap[len(p.VillageCap)-1]; c.Value != 3 || !strings.Contains(c.Source, "185/2026") {
		t.Errorf("village cap = %+v, want 3 under NĐ 185/2026", c)
	}
	f := p.VillageFund[len(p.VillageFund)-1]
	if f.Value.Large != 8.0 || f.Value.Standard != 6.5 || f.Value.ThonHouseholds != 700 || f.Value.ToDanPhoHouseholds != 1000 ||
		!f.Value.KeyDefence || !f.Value.ParticularlyDifficult || !strings.Contains(f.Source, "Art. 15") {
		t.Errorf("village fund = %+v, want 8.0 / 6.5, thôn 700, TDP 1,000, defence and difficult villages large, Art. 15", f)
	}
	if h := p.VillageHead[len(p.VillageHead)-1]; h.Value.TermMonths != 60 || h.Value.ProvisionalMonths != 6 || !strings.Contains(h.Source, "Art. 4") {
		t.Errorf("village head = %+v, want a 60-month term and 6 provisional months under Art. 4", h)
	}
	fl := p.VillageFloors[len(p.VillageFloors)-1]
	want := map[string][2]int{
		"ha-noi-hcm": {500, 700}, "northern-midlands-mountains": {150, 300}, "red-river-delta": {400, 550},
		"north-central": {350, 450}, "south-central-highlands": {300, 450}, "south-east": {400, 550}, "mekong-delta": {400, 550},
	}
	if len(fl.Value.Regions) != len(want) || !strings.Contains(fl.Source, "Art. 10") {
		t.Errorf("village floors: %d regions, source %q; want 7 regions under Art. 10", len(fl.Value.Regions), fl.Source)
	}
	for _, g := range fl.Value.Regions {
		if w, ok := want[g.ID]; !ok || w != [2]int{g.Thon, g.ToDanPho} {
			t.Errorf("region %s = %d / %d, want %v", g.ID, g.Thon, g.ToDanPho, w)
		}
	}
	// The 34 post-reform provinces, each once.
	seen := map[string]bool{}
	for _, pr := range fl.Value.Provinces {
		seen[pr.Province] = true
	}
	if len(seen) != 34 || len(fl.Value.Provinces) != 34 {
		t.Errorf("village floors place %d provinces (%d distinct), want 34", len(fl.Value.Provinces), len(seen))
	}
}
