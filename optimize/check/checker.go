package check

import (
	"strconv"
	"strings"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/optimize"
)

// checkSlot is a (unit, title) pair.
type checkSlot struct{ unit, title string }

type holderKind uint8

const (
	holderUnknown holderKind = iota
	holderPerson
	holderRecruit
)

// checkHolder is what the checker knows about a person ID of a plan.
type checkHolder struct {
	id      string
	kind    holderKind
	person  *model.Person // holderPerson
	unit    *model.Unit   // holderRecruit: the unit the recruit is for
	home    string        // holderPerson: home commune code, "" for none
	retired model.Date    // holderPerson: retirement date when retired on the plan date
}

// isCandidate reports whether h is a person who may hold titles of their
// home commune on the date. A retired person may: the titles that stop at
// the retirement age are then what they may not hold (stopsFor).
func (h checkHolder) isCandidate() bool {
	return h.kind == holderPerson && h.home != ""
}

// stopsFor reports whether h is retired and title id stops at the
// retirement age: h holds it no longer, whatever their term.
func (c *checker) stopsFor(h checkHolder, id string) bool {
	if h.retired.IsZero() {
		return false
	}
	t, ok := c.ix.Title(id)
	return ok && t.Requires.StopsAtRetirement()
}

// checker holds the scenario's lookups and the policy values in force on
// the date.
type checker struct {
	p        *optimize.Problem
	s        *model.Scenario
	ix       *model.Index
	date     model.Date
	slots    []checkSlot       // scenario order: units, then titles
	need     map[checkSlot]int // holders needed per slot
	unitPos  map[string]int
	titlePos map[string]int
	pins     map[optimize.Pin]bool
	forbids  map[optimize.Pin]bool

	// pol is the policy on the date; a required value it lacks leaves
	// the rules that need it unchecked (the ok fields say which).
	pol    model.PolicyAt
	baseOK bool
	rateOK bool
	maxOK  bool
}

// newChecker indexes the problem. A nil problem or scenario gives a checker
// over an empty scenario and optimize.ErrNoScenario; duplicate IDs in the scenario
// keep their first definition.
func newChecker(p *optimize.Problem) (*checker, error) {
	var err error
	if p == nil {
		p = &optimize.Problem{}
	}
	s := p.Scenario
	if s == nil {
		s, err = &model.Scenario{}, optimize.ErrNoScenario
	}
	ix, ierr := model.NewIndex(s)
	if ierr != nil {
		s = dedupScenario(s)
		ix, _ = model.NewIndex(s)
	}
	c := &checker{p: p, s: s, ix: ix, date: s.Date, need: map[checkSlot]int{},
		unitPos: map[string]int{}, titlePos: map[string]int{}, pins: map[optimize.Pin]bool{}, forbids: map[optimize.Pin]bool{}}
	for i, u := range s.Units {
		c.unitPos[u.Code] = i
	}
	for i, t := range s.Titles {
		c.titlePos[t.ID] = i
	}
	for _, sl := range s.Slots() {
		k := checkSlot{sl.Unit, sl.Title}
		c.slots = append(c.slots, k)
		c.need[k] = sl.Holders
	}
	for _, pin := range p.Pins {
		c.pins[pin] = true
	}
	for _, f := range p.Forbids {
		c.forbids[f] = true
	}
	c.pol, _ = s.Policy.At(s.Date)
	c.baseOK = !c.pol.Lacks(model.PolicyBaseSalary)
	c.rateOK = !c.pol.Lacks(model.PolicyConcurrencyRate)
	c.maxOK = !c.pol.Lacks(model.PolicyMaxTitles)
	return c, err
}

// dedupScenario returns a shallow copy of s keeping the first title, unit
// and person of each ID.
func dedupScenario(s *model.Scenario) *model.Scenario {
	out := *s
	out.Titles, out.Units, out.People = nil, nil, nil
	seen := map[string]bool{}
	for _, t := range s.Titles {
		if !seen[t.ID] {
			seen[t.ID] = true
			out.Titles = append(out.Titles, t)
		}
	}
	seen = map[string]bool{}
	for _, u := range s.Units {
		if !seen[u.Code] {
			seen[u.Code] = true
			out.Units = append(out.Units, u)
		}
	}
	seen = map[string]bool{}
	for _, pe := range s.People {
		if !seen[pe.ID] {
			seen[pe.ID] = true
			out.People = append(out.People, pe)
		}
	}
	return &out
}

// communeOf returns the code of the commune containing unit code, or "".
func (c *checker) communeOf(code string) string {
	if u, ok := c.ix.CommuneOf(code); ok {
		return u.Code
	}
	return ""
}

// holder resolves a person ID. With strict, a recruit ID is known only
// when the recruitment rule allows it; without, any "NEW-<unit>-<k>" with
// an existing unit and k ≥ 1 is a recruit (for pricing a plan).
func (c *checker) holder(id string, strict bool) checkHolder {
	h := checkHolder{id: id}
	if pe, ok := c.ix.Person(id); ok {
		h.kind, h.person = holderPerson, pe
		if mh, ok := pe.MainHolding(); ok {
			h.home = c.communeOf(mh.Unit)
		}
		if h.home == "" {
			h.home = c.communeOf(pe.Residence)
		}
		if r := c.pol.Retirement.RetirementDate(pe.Birth, pe.Sex); !r.IsZero() && r < c.date {
			h.retired = r
		}
		return h
	}
	code, k, ok := parseRecruitID(id)
	if !ok || k < 1 {
		return h
	}
	u, ok := c.ix.Unit(code)
	if !ok || c.communeOf(code) == "" {
		return h
	}
	if strict && (!c.pol.Recruitment.Allowed || k > c.pol.Recruitment.MaxPerUnit) {
		return h
	}
	h.kind, h.unit = holderRecruit, u
	return h
}

// parseRecruitID splits "NEW-<unit>-<k>"; k must be written canonically so
// that one recruit has one ID.
func parseRecruitID(id string) (unit string, k int, ok bool) {
	rest, found := strings.CutPrefix(id, "NEW-")
	if !found {
		return "", 0, false
	}
	i := strings.LastIndexByte(rest, '-')
	if i <= 0 {
		return "", 0, false
	}
	k, err := strconv.Atoi(rest[i+1:])
	if err != nil || strconv.Itoa(k) != rest[i+1:] {
		return "", 0, false
	}
	return rest[:i], k, true
}

// homeSlot reports whether k is a slot of commune home or of one of its
// villages.
func (c *checker) homeSlot(k checkSlot, home string) bool {
	return home != "" && c.need[k] > 0 && c.communeOf(k.unit) == home
}

// currentSlots lists the slots of pe's home commune that pe holds today,
// in holding order, but those of titles a retiree holds no longer.
func (c *checker) currentSlots(pe *model.Person, home string) []checkSlot {
	var out []checkSlot
	retired := c.holder(pe.ID, false)
	for _, h := range pe.Holdings {
		if k := (checkSlot{h.Unit, h.Title}); c.homeSlot(k, home) && !c.stopsFor(retired, h.Title) {
			out = append(out, k)
		}
	}
	return out
}

// termBound reports whether h must keep slot k: terms bind, h is a
// candidate, and holds k today as an elected title whose term ends after
// the date.
func (c *checker) termBound(h checkHolder, k checkSlot) bool {
	if !c.pol.TermsBind || !h.isCandidate() || !c.homeSlot(k, h.home) || c.stopsFor(h, k.title) {
		return false
	}
	t, ok := c.ix.Title(k.title)
	if !ok || t.Term.Kind != model.Elected {
		return false
	}
	for _, hd := range h.person.Holdings {
		if hd.Unit == k.unit && hd.Title == k.title && hd.TermEnd > c.date {
			return true
		}
	}
	return false
}

// holdings groups the plan by person: people in order of first appearance
// and each one's distinct slots in plan order.
func (c *checker) holdings(plan model.Plan) ([]string, map[string][]checkSlot) {
	var people []string
	held := map[string][]checkSlot{}
	seen := map[string]map[checkSlot]bool{}
	for _, a := range plan.Assignments {
		k := checkSlot{a.Unit, a.Title}
		if seen[a.Person] == nil {
			seen[a.Person] = map[checkSlot]bool{}
			people = append(people, a.Person)
		}
		if seen[a.Person][k] {
			continue
		}
		seen[a.Person][k] = true
		held[a.Person] = append(held[a.Person], k)
	}
	return people, held
}

// unitPay is the monthly allowance one held title pays, by unit.
type unitPay struct {
	slot  checkSlot
	money model.Money
}

// pay prices h's titles (those with a known unit and title): the best paid
// is the main title at 100 %, ties going to the title whose unit comes
// first (communes before villages, then scenario order) and then to the
// title listed first; every other title is paid at the concurrency rate.
func (c *checker) pay(h checkHolder, keys []checkSlot) []unitPay {
	var out []unitPay
	for _, k := range keys {
		t, okT := c.ix.Title(k.title)
		_, okU := c.ix.Unit(k.unit)
		if !okT || !okU {
			continue
		}
		coef := t.Allowance
		if h.kind == holderPerson {
			coef = t.AllowanceFor(h.person.Education)
		}
		out = append(out, unitPay{k, coef.Of(c.pol.BaseSalary)})
	}
	main := -1
	for i := range out {
		if main < 0 || out[i].money > out[main].money ||
			(out[i].money == out[main].money && c.before(out[i].slot, out[main].slot)) {
			main = i
		}
	}
	for i := range out {
		if i != main {
			out[i].money = out[i].money.Scale(c.pol.ConcurrencyRate)
		}
	}
	return out
}

// before orders slots for the main-title tie-break: the commune before the
// villages, units in scenario order, then titles in scenario order.
func (c *checker) before(a, b checkSlot) bool {
	ra, rb := c.unitRank(a.unit), c.unitRank(b.unit)
	if ra != rb {
		return ra < rb
	}
	return c.titlePos[a.title] < c.titlePos[b.title]
}

func (c *checker) unitRank(code string) int {
	u, ok := c.ix.Unit(code)
	if !ok {
		return 1 << 30
	}
	r := c.unitPos[code]
	if u.Level != model.Commune {
		r += len(c.s.Units)
	}
	return r
}
