package scenarios

import (
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/synth"
)

// TestGeneratedHoldersMeetTheirTitles is the generator's property test over
// seeds (issue 22 item 2): with each preset's titles, every generated holder
// meets every requirement of their own title on the plan date, the
// retirement age included where the title stops there; the Veterans'
// vice-chair is a veteran, the Elderly Association chair is 60 or over;
// and some villages have no holder young enough for the Youth Union
// (30 or under) while others do.
func TestGeneratedHoldersMeetTheirTitles(t *testing.T) {
	seeds := []uint64{1, 2, 3, 4, 5, 6}
	if testing.Short() {
		seeds = seeds[:2]
	}
	for _, preset := range []string{"nd34-2019", "hanoi-2019", "villages-2026"} {
		s, err := Load(preset)
		if err != nil {
			t.Fatal(err)
		}
		retire, err := s.Policy.Retirement.At(s.Date)
		if err != nil {
			t.Fatal(err)
		}
		for _, seed := range seeds {
			cfg := synth.Config{Province: "42", Seed: seed}
			units, err := synth.Units(cfg)
			if err != nil {
				t.Fatal(err)
			}
			units = synth.AddVillages(units, cfg)
			people := synth.People(units, s.Titles, s.Date, seed)
			sc := &model.Scenario{Date: s.Date, Units: units, Titles: s.Titles, People: people}
			ix, err := model.NewIndex(sc)
			if err != nil {
				t.Fatal(err)
			}
			youngIn := map[string]bool{} // village → has a holder aged 30 or under
			byTitle := map[string]int{}
			for i := range people {
				p := &people[i]
				h := p.Holdings[0]
				ti, _ := ix.Title(h.Title)
				u, _ := ix.Unit(h.Unit)
				age := p.AgeAt(s.Date)
				retired := retire.RetiredBefore(p.Birth, p.Sex, s.Date)
				if unmet := ti.Requires.AppendUnmetRetired(nil, p, age, retired, u, ix.InCommune); len(unmet) > 0 {
					t.Fatalf("%s seed %d: %s (%s, %d, attrs %s) does not meet %s in %s: %v", preset, seed, p.ID, p.Sex, age, p.Attrs, h.Title, h.Unit, unmet)
				}
				if p.Unknown != 0 {
					t.Fatalf("%s: generated attributes are all known, got unknown %s", p.ID, p.Unknown)
				}
				byTitle[h.Title]++
				switch h.Title {
				case "pho-chu-tich-hoi-ccb":
					if !p.Attrs.Has(model.AttrVeteran | model.AttrMilitaryTraining) {
						t.Errorf("%s: the Veterans' vice-chair is not a trained veteran: %s", p.ID, p.Attrs)
					}
				case "chu-tich-hoi-nct":
					if age < 60 || age > 72 {
						t.Errorf("%s: the Elderly Association chair is %d", p.ID, age)
					}
				}
				if u.Level == model.Village {
					youngIn[u.Code] = youngIn[u.Code] || age <= 30
				}
			}
			young := 0
			for _, y := range youngIn {
				if y {
					young++
				}
			}
			if len(youngIn) > 0 && (young == 0 || young == len(youngIn)) {
				t.Errorf("%s seed %d: %d of %d villages have a holder aged 30 or under; want some with and some without", preset, seed, young, len(youngIn))
			}
			if len(byTitle) == 0 {
				t.Fatalf("%s: no holders generated", preset)
			}
		}
	}
}
