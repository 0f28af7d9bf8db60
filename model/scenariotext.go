package model

// DisplayName is the scenario's short name for readers in lang — its
// display name (e.g. "NĐ 33/2023", "Decree 33/2023"), or its name (the
// preset's or file's id) when it has none. Chart legends and report
// tables use it instead of the id.
func (s *Scenario) DisplayName(lang Lang) string {
	if d := s.Display.In(lang); d != "" {
		return d
	}
	return s.Name
}

// DescriptionIn is the scenario's one-line description in lang: the
// Vietnamese one (DescriptionVi) under Vietnamese when the scenario has it,
// and its description otherwise.
func (s *Scenario) DescriptionIn(lang Lang) string {
	if lang != English && s.DescriptionVi != "" {
		return s.DescriptionVi
	}
	return s.Description
}
