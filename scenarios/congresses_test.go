package scenarios

import (
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// TestPresetOrganisations: every title of every preset names its
// organisation, and every elected title ends its terms on its
// organisation's congress calendar.
func TestPresetOrganisations(t *testing.T) {
	for _, name := range Presets() {
		s, err := Load(name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, ti := range s.Titles {
			if ti.Organisation == model.OrgUnknown {
				t.Errorf("%s: title %s names no organisation", name, ti.ID)
			}
			if ti.Term.Kind == model.Elected && len(ti.Term.Rounds) == 0 {
				t.Errorf("%s: elected title %s has no congress rounds of %s at level %s", name, ti.ID, ti.Organisation, ti.Level)
			}
			for _, r := range ti.Term.Rounds {
				if r.WindowMonths == 0 {
					t.Errorf("%s: %s: round %s has no window: every unit of the level would elect on one day", name, ti.ID, r.Date)
				}
			}
		}
	}
}

// TestPresetCalendars is the calendar of each title of the presets: its
// organisation, and the round its holders' terms end at after the plan
// date (and after a later date).
func TestPresetCalendars(t *testing.T) {
	type row struct {
		preset, title string
		org           model.Organisation
		after, next   string // "": appointed
	}
	rows := []row{
		{"nd33-2023", "van-phong-dang-uy", model.OrgParty, "2025-01-01", ""},
		{"nd33-2023", "phu-trach-truyen-thanh", model.OrgPeoplesCommittee, "2025-01-01", ""},
		{"nd33-2023", "pho-chi-huy-truong-quan-su", model.OrgPeoplesCommittee, "2025-01-01", ""},
		{"nd33-2023", "pho-chu-tich-mttq", model.OrgFatherlandFront, "2025-01-01", "2025-08-01"},
		{"nd33-2023", "pho-chu-tich-hoi-ccb", model.OrgVeterans, "2025-01-01", "2027-04-01"},
		{"nd33-2023", "pho-chu-tich-hoi-lhpn", model.OrgWomen, "2025-01-01", "2026-03-01"},
		{"nd33-2023", "pho-chu-tich-hoi-nong-dan", model.OrgFarmers, "2025-01-01", "2028-03-01"},
		{"nd33-2023", "pho-bi-thu-doan", model.OrgYouth, "2025-01-01", "2027-03-01"},
		{"nd33-2023", "chu-tich-hoi-nct", model.OrgElderly, "2025-01-01", "2026-03-01"},
		{"nd33-2023", "chu-tich-hoi-chu-thap-do", model.OrgRedCross, "2025-01-01", "2027-03-01"},
		{"nd33-2023", "bi-thu-chi-bo", model.OrgParty, "2025-01-01", "2025-02-01"},
		{"nd33-2023", "bi-thu-chi-bo", model.OrgParty, "2025-06-01", "2027-08-01"},
		{"nd33-2023", "truong-thon", model.OrgVillage, "2025-01-01", "2025-06-01"},
		{"nd33-2023", "truong-ban-ctmt", model.OrgFatherlandFront, "2025-01-01", "2029-01-01"},
		{"nd34-2019", "truong-thon", model.OrgVillage, "2019-07-01", "2020-06-01"},
		{"nd34-2019", "pho-chu-tich-mttq", model.OrgFatherlandFront, "2019-07-01", "2024-03-01"},
		// Decree 185/2026 Art. 4: 5-year village-head terms.
		{"villages-2026", "truong-thon", model.OrgVillage, "2026-07-01", "2031-07-01"},
		{"villages-2026", "truong-thon", model.OrgVillage, "2036-07-01", "2041-07-01"},
		{"hanoi-2019", "pho-bi-thu-doan", model.OrgYouth, "2025-01-01", "2027-03-01"},
	}
	cache := map[string]*Scenario{}
	for _, r := range rows {
		s := cache[r.preset]
		if s == nil {
			var err error
			if s, err = Load(r.preset); err != nil {
				t.Fatal(err)
			}
			cache[r.preset] = s
		}
		var ti *model.Title
		for i := range s.Titles {
			if s.Titles[i].ID == r.title {
				ti = &s.Titles[i]
			}
		}
		if ti == nil {
			t.Fatalf("%s has no title %s", r.preset, r.title)
		}
		if ti.Organisation != r.org {
			t.Errorf("%s %s: organisation %s, want %s", r.preset, r.title, ti.Organisation, r.org)
		}
		got := ti.Term.NextElection(model.MustDate(r.after))
		want := model.Date(0)
		if r.next != "" {
			want = model.MustDate(r.next)
		}
		if got != want {
			t.Errorf("%s %s: next election after %s = %s, want %s", r.preset, r.title, r.after, got, want)
		}
	}
}

// TestCongressesMerge: a variant's rounds for an organisation and level
// replace the inherited ones of that pair and keep the others.
func TestCongressesMerge(t *testing.T) {
	src := []byte(`extends: nd33-2023
congresses:
  - {organisation: women, level: commune, date: "2024-05-01", window_months: 2, source: "assumption: test"}
`)
	s, err := LoadBytes("variant.yaml", ".", src)
	if err != nil {
		t.Fatal(err)
	}
	women := s.Calendar.Rounds(model.OrgWomen, model.Commune)
	if len(women) != 1 || women[0].Date != model.MustDate("2024-05-01") || women[0].WindowMonths != 2 {
		t.Errorf("women's commune rounds = %v, want only the variant's 2024-05-01", women)
	}
	if got := len(s.Calendar.Rounds(model.OrgVillage, model.Village)); got < 5 {
		t.Errorf("village rounds = %d, want the inherited ones kept", got)
	}
	for _, ti := range s.Titles {
		if ti.ID == "pho-chu-tich-hoi-lhpn" {
			if next := ti.Term.NextElection(model.MustDate("2025-01-01")); next != model.MustDate("2029-05-01") {
				t.Errorf("Women's vice-chair: next election %s, want 2029-05-01 (the variant's round + 60 months)", next)
			}
		}
	}
}

// TestPresetTermEndsVary: in the generated province of a preset, the
// elected holders of each title do not all share one term end (the
// issue's "done" check), for two seeds.
func TestPresetTermEndsVary(t *testing.T) {
	if testing.Short() {
		t.Skip("generates a province")
	}
	for _, seed := range []uint64{1, 7} {
		s, err := Load("hanoi-2019")
		if err != nil {
			t.Fatal(err)
		}
		s.Data.Seed = seed
		if err := s.LoadData(); err != nil {
			t.Fatal(err)
		}
		elected := map[string]bool{}
		for _, ti := range s.Titles {
			elected[ti.ID] = ti.Term.Kind == model.Elected
		}
		ends := map[string]map[model.Date]int{}
		holders := map[string]int{}
		for _, p := range s.People {
			for _, h := range p.Holdings {
				if !elected[h.Title] {
					continue
				}
				if ends[h.Title] == nil {
					ends[h.Title] = map[model.Date]int{}
				}
				ends[h.Title][h.TermEnd]++
				holders[h.Title]++
			}
		}
		for id, e := range ends {
			most := 0
			for _, n := range e {
				most = max(most, n)
			}
			if len(e) < 2 || most*2 > holders[id] {
				t.Errorf("seed %d: %s: %d holders, %d distinct term ends, the commonest shared by %d", seed, id, holders[id], len(e), most)
			}
		}
		if len(ends) < 10 {
			t.Errorf("seed %d: %d elected titles held, want the 10 of hanoi-2019", seed, len(ends))
		}
	}
}
