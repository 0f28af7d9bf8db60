package model

// Holding is one title a person holds today.
type Holding struct {
	Title   string // title ID
	Unit    string // unit code
	Start   Date
	TermEnd Date // end of the current elected term; zero for appointed titles
	Main    bool // the main title; the others are held concurrently
}

// Person is a current or potential holder of titles.
type Person struct {
	ID          string
	Name        string
	Birth       Date
	Sex         Sex
	Education   Education
	PartyMember bool
	Residence   string // code of the village (or commune) the person lives in
	Capacity    Hours  // weekly hours the person can give to titles
	// Attrs are the person's attributes (veteran, military training,
	// memberships); Unknown those the source does not record, which
	// requirements then take as met (see Requirements.Unmet).
	Attrs, Unknown Attrs
	// PlacedFromCommune is the date the person, who held a commune
	// non-specialised post, was placed in a village non-specialised post
	// (the transition of NĐ 185/2026 Art. 19 turns on it; see
	// [RearrangementSeveranceRule.RegimeOf]); zero when the person was
	// not placed from a commune post or the roster does not say.
	PlacedFromCommune Date
	Holdings          []Holding
}

// AgeAt returns p's age in whole years on d.
func (p *Person) AgeAt(d Date) int { return p.Birth.YearsUntil(d) }

// MainHolding returns the holding marked main, or the first one; ok is false
// when p holds nothing.
func (p *Person) MainHolding() (h Holding, ok bool) {
	for _, h := range p.Holdings {
		if h.Main {
			return h, true
		}
	}
	if len(p.Holdings) > 0 {
		return p.Holdings[0], true
	}
	return Holding{}, false
}
