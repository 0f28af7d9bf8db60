package optimize

import (
	"fmt"
	"slices"
	"sort"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// Schedule is how a target plan is carried out (the lộ trình of a
// planner's đề án): the plan diff from today's holdings, each change dated
// by when it can happen, and the arrangement's headcount and allowance
// cost along the way.
type Schedule struct {
	// From is the plan date: today's holdings stand on it.
	From model.Date
	// Steps are the titles that change hands, by date, then unit, then
	// title.
	Steps []ScheduleStep
	// Today is today's holdings on From, before any step.
	Today SchedulePoint
	// Points are the arrangement on From (after the steps of the plan
	// date, if any) and after the steps of each later date, by date.
	Points []SchedulePoint

	current, target model.Plan
}

// ScheduleStep is one title of one unit that moves from its holders
// today to its holders in the target plan on Date, and why then.
type ScheduleStep struct {
	Date          model.Date
	Unit, Title   string
	Before, After []string // person IDs, sorted; empty when vacant
	Why           StepReason
	// Joined are the people who hold no title before this step and one
	// after it; Left those who hold one before and none after the steps of
	// the date (each named on the last step of the date that takes a
	// title from them).
	Joined, Left []string
}

// SchedulePoint is the arrangement as it stands on Date: its headcount
// (people holding a title), title seats held and monthly allowance cost
// (each holder's best-paid title at 100 %, the others at the concurrency
// rate in force on Date, at the base salary of Date; a recruit is paid a
// title's base allowance). OverMaxTitles counts the people who, on Date,
// hold more titles than the policy's limit: someone who takes a new title
// before an elected one reaches the end of its term holds both meanwhile.
type SchedulePoint struct {
	Date          model.Date
	Headcount     int
	Seats         int
	Monthly       model.Money
	OverMaxTitles int
}

// StepReason says why a change happens on its date.
type StepReason uint8

// Step reasons.
const (
	// StepAppointed: an appointed title changes hands on the plan date.
	StepAppointed StepReason = iota + 1
	// StepVacant: a title vacant today (or a seat added) is filled on the
	// plan date.
	StepVacant
	// StepTermEnd: an elected title changes hands when the term of its
	// leaving holder ends (the latest end when several leave).
	StepTermEnd
	// StepCalendar: as StepTermEnd, for a holder whose term end is not in
	// the roster: the next election of the title's calendar.
	StepCalendar
	// StepRetirement: the leaving holder reaches the retirement age before
	// the term ends.
	StepRetirement
	// StepTermsBind: terms bind on the plan date, so the plan already keeps
	// every unexpired elected holder and every change happens on the plan
	// date.
	StepTermsBind
	// StepTermEnded: the leaving holder's term ended on or before the plan
	// date.
	StepTermEnded
	// StepHandover: the leaving holder stays in the plan with other titles
	// only, and hands this one over when taking up the first of them, so as
	// not to leave and come back.
	StepHandover
)

var stepReasonKeys = [...]string{"", "appointed", "vacant", "term_end", "calendar", "retirement", "terms_bind", "term_ended", "handover"}

func (r StepReason) String() string {
	if int(r) < len(stepReasonKeys) && r > 0 {
		return stepReasonKeys[r]
	}
	return fmt.Sprintf("StepReason(%d)", r)
}

// Text says the reason for people.
func (r StepReason) Text() model.Text {
	if int(r) >= len(stepReasonTexts) || r == 0 {
		return model.KeyText(r.String())
	}
	return stepReasonTexts[r]
}

var stepReasonTexts = [...]model.Text{
	StepAppointed:  {Vi: "chức danh bổ nhiệm: thay đổi ngay từ ngày phương án", En: "appointed title: changes on the plan date"},
	StepVacant:     {Vi: "chức danh đang trống: bố trí từ ngày phương án", En: "vacant title: filled on the plan date"},
	StepTermEnd:    {Vi: "khi người đang giữ hết nhiệm kỳ", En: "when the holder's term ends"},
	StepCalendar:   {Vi: "khi hết nhiệm kỳ theo lịch đại hội (danh sách không ghi ngày hết nhiệm kỳ)", En: "at the next election of the congress calendar (the roster has no term end)"},
	StepRetirement: {Vi: "khi người đang giữ đến tuổi nghỉ hưu (trước khi hết nhiệm kỳ)", En: "when the holder reaches retirement age (before the term ends)"},
	StepTermsBind:  {Vi: "nhiệm kỳ ràng buộc: phương án đã giữ người còn nhiệm kỳ, thay đổi từ ngày phương án", En: "terms bind: the plan keeps unexpired holders, so it changes on the plan date"},
	StepTermEnded:  {Vi: "nhiệm kỳ của người đang giữ đã kết thúc", En: "the holder's term has already ended"},
	StepHandover:   {Vi: "người đang giữ bàn giao khi nhận chức danh mới", En: "the holder hands over on taking up a new title"},
}

// StepReasons lists every reason, for tests and documentation.
func StepReasons() []StepReason {
	out := make([]StepReason, 0, len(stepReasonKeys)-1)
	for i := 1; i < len(stepReasonKeys); i++ {
		out = append(out, StepReason(i))
	}
	return out
}

// NewSchedule dates the changes that take s's holdings today (on s.Date)
// to target. Each title whose holders differ is one step:
//
//   - an appointed title, and a title vacant today, change on the plan
//     date;
//   - where terms bind on the plan date the plan keeps every unexpired
//     elected holder already, so every step is on the plan date;
//   - otherwise an elected title changes hands when its leaving holder's
//     term ends (Holding.TermEnd in the roster, or the title's next
//     election when the roster has none), or earlier when the holder
//     reaches the retirement age of the policy first, and never before the
//     plan date.
//
// A holder who stays in the plan but keeps none of today's titles hands
// an appointed title (or one whose term has ended) over when taking up the
// first new title, not before, so that nobody leaves and comes back. A
// person who holds titles today and none in the target leaves on the date
// of their last step; a new holder joins on their first step. The result
// is pure: it reads s and target only.
func NewSchedule(s *model.Scenario, target model.Plan) (*Schedule, error) {
	if s == nil {
		return nil, ErrNoScenario
	}
	ix, err := model.NewIndex(s)
	if err != nil {
		return nil, fmt.Errorf("optimize: schedule: %w", err)
	}
	pa, err := s.Policy.At(s.Date)
	if err != nil {
		return nil, fmt.Errorf("optimize: schedule: %w", err)
	}
	sc := &Schedule{From: s.Date, current: s.CurrentPlan(), target: target}
	sc.target.Sort()
	diff := model.DiffPlans(sc.current, sc.target)
	for _, c := range diff.Changes {
		t, ok := ix.Title(c.Title)
		if !ok {
			return nil, fmt.Errorf("optimize: schedule: unknown title %q in unit %s", c.Title, c.Unit)
		}
		st := ScheduleStep{Unit: c.Unit, Title: c.Title, Before: c.Before, After: c.After}
		st.Date, st.Why = stepDate(s, ix, pa, t, c)
		sc.Steps = append(sc.Steps, st)
	}
	sc.handovers()
	sort.SliceStable(sc.Steps, func(i, j int) bool {
		a, b := sc.Steps[i], sc.Steps[j]
		if a.Date != b.Date {
			return a.Date < b.Date
		}
		if a.Unit != b.Unit {
			return a.Unit < b.Unit
		}
		return a.Title < b.Title
	})
	if err := sc.walk(s, ix); err != nil {
		return nil, err
	}
	return sc, nil
}

// stepDate dates one change and says why.
func stepDate(s *model.Scenario, ix *model.Index, pa model.PolicyAt, t *model.Title, c model.HolderChange) (model.Date, StepReason) {
	var leaving []string
	for _, id := range c.Before {
		if !slices.Contains(c.After, id) {
			leaving = append(leaving, id)
		}
	}
	switch {
	case len(leaving) == 0:
		return s.Date, StepVacant
	case t.Term.Kind != model.Elected:
		return s.Date, StepAppointed
	case pa.TermsBind:
		return s.Date, StepTermsBind
	}
	date, why := s.Date, StepTermEnded
	for _, id := range leaving {
		d, w := leaveDate(s, ix, pa, t, c, id)
		if d > date || why == StepTermEnded && d == date {
			date, why = d, w
		}
	}
	return date, why
}

// leaveDate is when holder id gives up title t of the change: at the end
// of the term, or, for a title that stops at the retirement age, at
// retirement if that comes first; not before the plan date.
func leaveDate(s *model.Scenario, ix *model.Index, pa model.PolicyAt, t *model.Title, c model.HolderChange, id string) (model.Date, StepReason) {
	p, ok := ix.Person(id)
	if !ok {
		return s.Date, StepTermEnded
	}
	end, why := model.Date(0), StepTermEnd
	for _, h := range p.Holdings {
		if h.Title == c.Title && h.Unit == c.Unit {
			end = h.TermEnd
		}
	}
	if end.IsZero() {
		end, why = t.Term.NextElection(s.Date), StepCalendar
	}
	if len(pa.Retirement) > 0 && !p.Birth.IsZero() && t.Requires.StopsAtRetirement() {
		if r := pa.Retirement.RetirementDate(p.Birth, p.Sex); !r.IsZero() && (end.IsZero() || r < end) {
			end, why = r, StepRetirement
		}
	}
	if end <= s.Date {
		if why == StepRetirement {
			return s.Date, StepRetirement
		}
		return s.Date, StepTermEnded
	}
	return end, why
}

// walk applies the steps date by date from today's holdings, naming who
// joins and leaves and pricing the arrangement at each date.
func (sc *Schedule) walk(s *model.Scenario, ix *model.Index) error {
	held := map[string]map[[2]string]bool{} // person → (unit, title)
	for _, a := range sc.current.Assignments {
		if held[a.Person] == nil {
			held[a.Person] = map[[2]string]bool{}
		}
		held[a.Person][[2]string{a.Unit, a.Title}] = true
	}
	pr := pricer{s: s, ix: ix, held: held}
	p0, err := pr.point(sc.From, nil)
	if err != nil {
		return err
	}
	sc.Today = p0
	sc.Points = append(sc.Points, p0)
	for i := 0; i < len(sc.Steps); {
		j := i
		for j < len(sc.Steps) && sc.Steps[j].Date == sc.Steps[i].Date {
			j++
		}
		had, joined := map[string]bool{}, map[string]bool{}
		for k := i; k < j; k++ {
			for _, id := range append(slices.Clone(sc.Steps[k].Before), sc.Steps[k].After...) {
				if _, seen := had[id]; !seen {
					had[id] = len(held[id]) > 0
				}
			}
		}
		for k := i; k < j; k++ {
			st := &sc.Steps[k]
			key := [2]string{st.Unit, st.Title}
			for _, id := range st.Before {
				delete(held[id], key)
			}
			for _, id := range st.After {
				if held[id] == nil {
					held[id] = map[[2]string]bool{}
				}
				if len(held[id]) == 0 && !had[id] && !joined[id] {
					st.Joined = append(st.Joined, id)
					joined[id] = true
				}
				held[id][key] = true
			}
		}
		lastLoss := map[string]int{} // the date's last step that takes a title from id
		for k := i; k < j; k++ {
			for _, id := range sc.Steps[k].Before {
				if !slices.Contains(sc.Steps[k].After, id) {
					lastLoss[id] = k
				}
			}
		}
		for id, h := range had {
			if k, ok := lastLoss[id]; ok && h && len(held[id]) == 0 {
				sc.Steps[k].Left = append(sc.Steps[k].Left, id)
			}
		}
		for k := i; k < j; k++ {
			sort.Strings(sc.Steps[k].Joined)
			sort.Strings(sc.Steps[k].Left)
		}
		var touched []string
		for k := i; k < j; k++ {
			touched = append(append(touched, sc.Steps[k].Before...), sc.Steps[k].After...)
		}
		pt, err := pr.point(sc.Steps[i].Date, touched)
		if err != nil {
			return err
		}
		if pt.Date == sc.Points[len(sc.Points)-1].Date {
			sc.Points[len(sc.Points)-1] = pt
		} else {
			sc.Points = append(sc.Points, pt)
		}
		i = j
	}
	return nil
}

// pricer prices the arrangement held as the steps go: each person's
// monthly allowance is kept and recomputed only for the people a date's
// steps touch, or for everyone when the base salary, the concurrency rate
// or the title limit changes.
type pricer struct {
	s    *model.Scenario
	ix   *model.Index
	held map[string]map[[2]string]bool
	pa   model.PolicyAt
	ok   bool
	pt   SchedulePoint // running totals
	each map[string]personPay
}

type personPay struct {
	monthly model.Money
	seats   int
}

// point returns the arrangement's figures on d after the changes to the
// people touched (nil with a fresh pricer: everyone).
func (pr *pricer) point(d model.Date, touched []string) (SchedulePoint, error) {
	pa, err := pr.s.Policy.At(d)
	if err != nil {
		return SchedulePoint{}, fmt.Errorf("optimize: schedule: %w", err)
	}
	if !pr.ok || pa.BaseSalary != pr.pa.BaseSalary || pa.ConcurrencyRate != pr.pa.ConcurrencyRate || pa.MaxTitles != pr.pa.MaxTitles {
		pr.pa, pr.ok = pa, true
		pr.pt, pr.each = SchedulePoint{}, map[string]personPay{}
		touched = touched[:0]
		for id := range pr.held {
			touched = append(touched, id)
		}
	}
	for _, id := range touched {
		if err := pr.reprice(id); err != nil {
			return SchedulePoint{}, err
		}
	}
	pt := pr.pt
	pt.Date = d
	return pt, nil
}

// reprice replaces id's share of the totals by what id holds now.
func (pr *pricer) reprice(id string) error {
	if old, ok := pr.each[id]; ok {
		pr.pt.Headcount--
		pr.pt.Seats -= old.seats
		pr.pt.Monthly -= old.monthly
		if pr.pa.MaxTitles > 0 && old.seats > pr.pa.MaxTitles {
			pr.pt.OverMaxTitles--
		}
		delete(pr.each, id)
	}
	if len(pr.held[id]) == 0 {
		return nil
	}
	p, isPerson := pr.ix.Person(id)
	pays := make([]model.Money, 0, len(pr.held[id]))
	for k := range pr.held[id] {
		t, ok := pr.ix.Title(k[1])
		if !ok {
			return fmt.Errorf("optimize: schedule: unknown title %q", k[1])
		}
		coef := t.Allowance
		if isPerson {
			coef = t.AllowanceFor(p.Education)
		}
		pays = append(pays, coef.Of(pr.pa.BaseSalary))
	}
	sort.Slice(pays, func(i, j int) bool { return pays[i] > pays[j] })
	pp := personPay{monthly: pays[0], seats: len(pays)}
	for _, x := range pays[1:] {
		pp.monthly += x.Scale(pr.pa.ConcurrencyRate)
	}
	pr.each[id] = pp
	pr.pt.Headcount++
	pr.pt.Seats += pp.seats
	pr.pt.Monthly += pp.monthly
	if pr.pa.MaxTitles > 0 && pp.seats > pr.pa.MaxTitles {
		pr.pt.OverMaxTitles++
	}
	return nil
}

// At returns the arrangement as it stands on date d: today's holdings with
// every step dated on or before d applied (today's holdings before the
// plan date). Main titles are those of today's holdings for a title kept,
// else of the target plan.
func (sc *Schedule) At(d model.Date) model.Plan {
	type key struct{ unit, title string }
	holders := map[key][]string{}
	for _, a := range sc.current.Assignments {
		k := key{a.Unit, a.Title}
		holders[k] = append(holders[k], a.Person)
	}
	for _, st := range sc.Steps {
		if st.Date > d {
			break
		}
		holders[key{st.Unit, st.Title}] = st.After
	}
	main := map[[3]string]bool{}
	for _, a := range sc.target.Assignments {
		main[[3]string{a.Person, a.Unit, a.Title}] = a.Main
	}
	for _, a := range sc.current.Assignments {
		main[[3]string{a.Person, a.Unit, a.Title}] = a.Main
	}
	out := model.Plan{Date: d}
	for k, ids := range holders {
		for _, id := range ids {
			out.Assignments = append(out.Assignments, model.Assignment{Person: id, Unit: k.unit, Title: k.title, Main: main[[3]string{id, k.unit, k.title}]})
		}
	}
	out.Sort()
	return out
}

// PointAt returns the arrangement's headcount and cost on date d: the last
// point on or before d (the first point before the plan date).
func (sc *Schedule) PointAt(d model.Date) SchedulePoint {
	pt := sc.Points[0]
	for _, p := range sc.Points {
		if p.Date > d {
			break
		}
		pt = p
	}
	return pt
}

// handovers delays the plan-date steps whose leaving holder stays in the
// plan with new titles only until that holder's first new title is free
// (StepHandover), repeating while a delay moves another holder's first new
// title (a chain of moves); each pass only delays, so it ends.
func (sc *Schedule) handovers() {
	keeps := map[string]bool{} // holds in the target a title held today
	today := map[[3]string]bool{}
	for _, a := range sc.current.Assignments {
		today[[3]string{a.Person, a.Unit, a.Title}] = true
	}
	inTarget := map[string]bool{}
	for _, a := range sc.target.Assignments {
		inTarget[a.Person] = true
		if today[[3]string{a.Person, a.Unit, a.Title}] {
			keeps[a.Person] = true
		}
	}
	for range len(sc.Steps) + 1 {
		first := map[string]model.Date{} // first new title's date
		for _, st := range sc.Steps {
			for _, id := range st.After {
				if !slices.Contains(st.Before, id) && (first[id].IsZero() || st.Date < first[id]) {
					first[id] = st.Date
				}
			}
		}
		moved := false
		for i := range sc.Steps {
			st := &sc.Steps[i]
			if st.Date != sc.From || st.Why != StepAppointed && st.Why != StepTermEnded {
				continue
			}
			for _, id := range st.Before {
				if slices.Contains(st.After, id) || !inTarget[id] || keeps[id] {
					continue
				}
				if d := first[id]; d > st.Date {
					st.Date, st.Why, moved = d, StepHandover, true
				}
			}
		}
		if !moved {
			return
		}
	}
}
