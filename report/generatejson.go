package report

import "github.com/kiemnhiem/kiemnhiem/model"

// GenerateSummary is what kiemnhiem generate --json prints: where the
// generated units and people come from and how many of each there are.
type GenerateSummary struct {
	Province  string `json:"province"`
	Vintage   string `json:"vintage,omitempty"`
	UnitsFile string `json:"units_file,omitempty"`
	Scenario  string `json:"scenario"`
	Seed      uint64 `json:"seed"`
	Provinces int    `json:"provinces"`
	Districts int    `json:"districts"`
	Communes  int    `json:"communes"`
	Villages  int    `json:"villages"`
	People    int    `json:"people"`
	Titles    int    `json:"titles"`
	Out       string `json:"out"`
}

// CountUnits adds units to the counts by level.
func (s *GenerateSummary) CountUnits(units []model.Unit) {
	for _, u := range units {
		switch u.Level {
		case model.Province:
			s.Provinces++
		case model.District:
			s.Districts++
		case model.Commune:
			s.Communes++
		case model.Village:
			s.Villages++
		}
	}
}
