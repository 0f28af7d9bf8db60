package optimize

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/internal/golden"
	"github.com/kiemnhiem/kiemnhiem/model"
)

// scheduleCase is a commune with two villages whose target plan folds
// seven holders into four: an appointed title moves on the plan date, the
// elected ones as their holders' terms end (one holder retires first), a
// vacant title is filled on the plan date, and a recruit comes in.
func scheduleCase() (*model.Scenario, model.Plan) {
	x := newXS().
		title(tVanPhong, 8, 1.0, model.Requirements{}, false).
		title(tMTTQ, 8, 1.0, model.Requirements{}, true).
		title(tNCT, 8, 1.0, model.Requirements{}, true).
		title(tBiThu, 8, 1.1, model.Requirements{}, true).
		title(tTruongThon, 8, 1.0, model.Requirements{}, true).
		policy(func(p *model.Policy) {
			p.TermsBind = model.Const(xFrom, false, "test")
			p.ConcurrencyRate = model.Const(xFrom, 0.3, "test")
		}).
		person("A", "Nguyễn Văn An", 40, true, "V1", tVanPhong+"@C1").
		person("B", "Trần Văn Bình", 45, false, "V1", tMTTQ+"@C1 until 2026-05-01").
		person("C", "Lê Văn Cường", 50, true, "V1", tBiThu+"@V1 until 2025-03-01").
		person("D", "Phạm Văn Dũng", 38, false, "V1", tTruongThon+"@V1 until 2027-06-15").
		person("E", "Hoàng Thị Hoa", 44, true, "V2", tBiThu+"@V2 until 2025-03-20").
		person("F", "Vũ Văn Hải", 60, false, "V2", tTruongThon+"@V2 until 2027-11-10").
		person("G", "Đỗ Văn Long", 63, false, "V2")
	target := model.Plan{Date: explainDate, Assignments: []model.Assignment{
		{Person: "A", Unit: "C1", Title: tVanPhong, Main: true},
		{Person: "A", Unit: "C1", Title: tMTTQ},
		{Person: "R1", Unit: "C1", Title: tNCT, Main: true},
		{Person: "C", Unit: "V1", Title: tBiThu, Main: true},
		{Person: "C", Unit: "V1", Title: tTruongThon},
		{Person: "E", Unit: "V2", Title: tBiThu, Main: true},
		{Person: "E", Unit: "V2", Title: tTruongThon},
	}}
	return &x.s, target
}

func renderSchedule(sc *Schedule, l model.Lang) string {
	var b strings.Builder
	list := func(ids []string) string {
		if len(ids) == 0 {
			return "-"
		}
		return strings.Join(ids, ",")
	}
	for _, st := range sc.Steps {
		fmt.Fprintf(&b, "%s %s %s: %s → %s (%s: %s)", st.Date, st.Unit, st.Title, list(st.Before), list(st.After), st.Why, st.Why.Text().In(l))
		if len(st.Joined) > 0 {
			fmt.Fprintf(&b, " joins %s", list(st.Joined))
		}
		if len(st.Left) > 0 {
			fmt.Fprintf(&b, " leaves %s", list(st.Left))
		}
		b.WriteByte('\n')
	}
	fmt.Fprintf(&b, "today: %d people, %d seats, %s a month\n", sc.Today.Headcount, sc.Today.Seats, l.Money(sc.Today.Monthly))
	for _, p := range sc.Points {
		fmt.Fprintf(&b, "%s: %d people, %d seats, %s a month, %d over the title limit\n", p.Date, p.Headcount, p.Seats, l.Money(p.Monthly), p.OverMaxTitles)
	}
	return b.String()
}

func TestScheduleGolden(t *testing.T) {
	s, target := scheduleCase()
	sc, err := NewSchedule(s, target)
	if err != nil {
		t.Fatal(err)
	}
	golden.Assert(t, filepath.Join("testdata", "schedule", "small.txt"), []byte(renderSchedule(sc, model.English)+"\n"+renderSchedule(sc, model.Vietnamese)))

	// The arrangement before the plan date is today's; after the last step
	// it is the target; headcount falls step by step.
	same := func(a, b model.Plan) bool {
		key := func(p model.Plan) []string {
			var out []string
			for _, x := range p.Assignments {
				out = append(out, x.Person+"|"+x.Unit+"|"+x.Title)
			}
			slices.Sort(out)
			return out
		}
		return slices.Equal(key(a), key(b))
	}
	if !same(sc.At(explainDate.AddDays(-1)), s.CurrentPlan()) {
		t.Errorf("At(before the plan date) is not today's holdings")
	}
	last := sc.Steps[len(sc.Steps)-1].Date
	if !same(sc.At(last), target) || !same(sc.At(last.AddDays(-1)), sc.At(sc.Steps[len(sc.Steps)-2].Date)) {
		t.Errorf("At(last step) is not the target, or changes before its date")
	}
	for i := 1; i < len(sc.Points); i++ {
		if sc.Points[i].Date <= sc.Points[i-1].Date {
			t.Errorf("points out of order: %v", sc.Points)
		}
		if got := sc.PointAt(sc.Points[i].Date); got != sc.Points[i] {
			t.Errorf("PointAt(%s) = %v, want %v", sc.Points[i].Date, got, sc.Points[i])
		}
		if pl := sc.At(sc.Points[i].Date); pl.Headcount() != sc.Points[i].Headcount {
			t.Errorf("on %s: At has %d people, the point %d", sc.Points[i].Date, pl.Headcount(), sc.Points[i].Headcount)
		}
	}
	if got, want := sc.Points[len(sc.Points)-1].Headcount, target.Headcount(); got != want {
		t.Errorf("final headcount %d, want the target's %d", got, want)
	}
}

// TestScheduleReasons: each rule that dates a step, as a table.
func TestScheduleReasons(t *testing.T) {
	s, target := scheduleCase()
	sc, err := NewSchedule(s, target)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]struct {
		date string
		why  StepReason
	}{
		"C1/" + tVanPhong:   {"2025-01-01", StepVacant},     // A keeps it: no step (checked below)
		"C1/" + tMTTQ:       {"2026-05-01", StepTermEnd},    // B's term end
		"C1/" + tNCT:        {"2025-01-01", StepVacant},     // vacant today
		"V1/" + tTruongThon: {"2027-06-15", StepTermEnd},    // D's term end
		"V2/" + tTruongThon: {"2025-09-30", StepRetirement}, // F, born 1964-06-01, reaches 61 y 3 m in September 2025 (NĐ 135/2020)
	}
	delete(want, "C1/"+tVanPhong)
	got := map[string]ScheduleStep{}
	for _, st := range sc.Steps {
		got[st.Unit+"/"+st.Title] = st
	}
	if len(got) != len(want) {
		t.Errorf("%d steps, want %d: %v", len(got), len(want), sc.Steps)
	}
	for k, w := range want {
		st, ok := got[k]
		if !ok {
			t.Errorf("no step for %s", k)
			continue
		}
		if st.Date != model.MustDate(w.date) || st.Why != w.why {
			t.Errorf("%s: %s (%s), want %s (%s)", k, st.Date, st.Why, w.date, w.why)
		}
	}
	for _, r := range StepReasons() {
		if !r.Text().Complete() {
			t.Errorf("reason %s lacks a language", r)
		}
	}

	// Where terms bind, the plan already keeps unexpired holders: every
	// step is on the plan date.
	s.Policy.TermsBind = model.Const(xFrom, true, "test")
	sc, err = NewSchedule(s, target)
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range sc.Steps {
		if st.Date != explainDate {
			t.Errorf("terms bind: %s %s on %s, want the plan date", st.Unit, st.Title, st.Date)
		}
	}
}

// TestScheduleOverMaxTitles: a holder who takes a vacant appointed title
// on the plan date while an elected term runs on holds both meanwhile,
// over a limit of one title each; the points say so until the term ends.
func TestScheduleOverMaxTitles(t *testing.T) {
	x := newXS().
		title(tVanPhong, 8, 1.0, model.Requirements{}, false).
		title(tTruongThon, 8, 1.0, model.Requirements{}, true).
		policy(func(p *model.Policy) {
			p.TermsBind = model.Const(xFrom, false, "test")
			p.MaxTitlesPerPerson = model.Const(xFrom, 1, "test")
		}).
		person("P", "Nguyễn Văn An", 40, true, "V1", tTruongThon+"@V1 until 2027-01-01").
		person("Q", "Trần Văn Bình", 45, false, "V1")
	x.oneVillage()
	target := model.Plan{Date: explainDate, Assignments: []model.Assignment{
		{Person: "P", Unit: "C1", Title: tVanPhong, Main: true},
		{Person: "Q", Unit: "V1", Title: tTruongThon, Main: true},
	}}
	sc, err := NewSchedule(&x.s, target)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range sc.Points {
		got = append(got, fmt.Sprintf("%s:%d/%d", p.Date, p.Headcount, p.OverMaxTitles))
	}
	if want := []string{"2025-01-01:1/1", "2027-01-01:2/0"}; !slices.Equal(got, want) {
		t.Errorf("points (date:people/over the limit) = %v, want %v", got, want)
	}
}

// TestScheduleRetirementPerTitle: a holder past the retirement age keeps a
// title that does not stop there until the term ends.
func TestScheduleRetirementPerTitle(t *testing.T) {
	s, target := scheduleCase()
	for i := range s.Titles {
		if s.Titles[i].ID == tTruongThon {
			s.Titles[i].Requires.PastRetirement = true
		}
	}
	sc, err := NewSchedule(s, target)
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range sc.Steps {
		if st.Unit == "V2" && st.Title == tTruongThon && (st.Date != model.MustDate("2027-11-10") || st.Why != StepTermEnd) {
			t.Errorf("V2 village head: %s (%s), want 2027-11-10 (term end): F may serve past the retirement age", st.Date, st.Why)
		}
	}
}
