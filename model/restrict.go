package model

// Restrict returns a copy of s with only the communes whose codes keep
// holds, and their villages: units above communes stay, as do people
// with no home commune; the people whose home commune is left out go, and
// a holding in a unit left out is dropped from the people who stay. The
// dated policy and dynamics are shared with s. A comparison restricts
// every scenario to the communes planned in all of them, so its figures
// cover the same places.
func (s *Scenario) Restrict(keep map[string]bool) (*Scenario, error) {
	ix, err := NewIndex(s)
	if err != nil {
		return nil, err
	}
	out := *s
	out.Units = nil
	kept := make(map[string]bool, len(s.Units))
	for _, u := range s.Units {
		if c, ok := ix.CommuneOf(u.Code); ok && !keep[c.Code] {
			continue
		}
		out.Units = append(out.Units, u)
		kept[u.Code] = true
	}
	out.People = nil
	for i := range s.People {
		p := s.People[i]
		if c := ix.HomeCommune(&p); c != "" && !keep[c] {
			continue
		}
		p.Holdings = nil
		for _, h := range s.People[i].Holdings {
			if kept[h.Unit] {
				p.Holdings = append(p.Holdings, h)
			}
		}
		out.People = append(out.People, p)
	}
	return &out, nil
}
