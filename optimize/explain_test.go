package optimize

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/kiemnhiem/kiemnhiem/internal/golden"
	"github.com/kiemnhiem/kiemnhiem/model"
)

// The explanation tests build small scenarios by hand: a commune, Xã Nam
// Tiến (C1, class III), with two villages, Thôn Đông (V1) and Thôn Tây (V2),
// on 2025-01-01.

var explainDate = model.MustDate("2025-01-01")

// xs is a scenario under construction.
type xs struct{ s model.Scenario }

func newXS() *xs {
	pol := model.Policy{
		BaseSalary:         model.Const(xFrom, model.Money(2_340_000), "test"),
		MaxTitlesPerPerson: model.Const(xFrom, 3, "test"),
		Combination:        model.Const(xFrom, model.CombinationRule{}, "test"),
		ConcurrencyRate:    model.Const(xFrom, 1.0, "test"),
		VillageCap:         model.Const(xFrom, 0, "test"),
		FundBinds:          model.Const(xFrom, false, "test"),
		TermsBind:          model.Const(xFrom, true, "test"),
		Recruitment:        model.Const(xFrom, model.RecruitmentRule{}, "test"),
		Retirement:         model.Const(xFrom, model.Decree135(), "test"),
	}
	return &xs{s: model.Scenario{Name: "explain", Date: explainDate, Policy: pol, Units: []model.Unit{
		{Code: "C1", Name: "Xã Nam Tiến", Level: model.Commune, Type: model.Xa, Class: model.ClassIII, Population: 6000, Households: 1500, AreaKm2: 12},
		{Code: "V1", Name: "Thôn Đông", Level: model.Village, Type: model.Thon, Parent: "C1", Population: 900, Households: 220, AreaKm2: 2},
		{Code: "V2", Name: "Thôn Tây", Level: model.Village, Type: model.Thon, Parent: "C1", Population: 800, Households: 200, AreaKm2: 2},
	}}}
}

// oneVillage drops Thôn Tây.
func (x *xs) oneVillage() *xs {
	x.s.Units = x.s.Units[:2]
	return x
}

// Titles used by the cases.
const (
	tVanPhong   = "van-phong-dang-uy"
	tTruyenThan = "phu-trach-truyen-thanh"
	tMTTQ       = "pho-chu-tich-mttq"
	tNCT        = "chu-tich-hoi-nct"
	tBiThu      = "bi-thu-chi-bo"
	tTruongThon = "truong-thon"
	tTruongBan  = "truong-ban-ctmt"
	tCongAn     = "cong-an-vien"
)

var xTitleNames = map[string]model.Text{
	tVanPhong:   {Vi: "Văn phòng Đảng ủy", En: "Party committee office"},
	tTruyenThan: {Vi: "Phụ trách truyền thanh", En: "Commune broadcasting"},
	tMTTQ:       {Vi: "Phó Chủ tịch Ủy ban Mặt trận Tổ quốc", En: "Fatherland Front vice-chair"},
	tNCT:        {Vi: "Chủ tịch Hội Người cao tuổi", En: "Elderly Association chair"},
	tBiThu:      {Vi: "Bí thư chi bộ", En: "Party cell secretary"},
	tTruongThon: {Vi: "Trưởng thôn", En: "Village head"},
	tTruongBan:  {Vi: "Trưởng ban công tác Mặt trận", En: "Head of the Front work committee"},
	tCongAn:     {Vi: "Công an viên", En: "Village police officer"},
}

// title adds a title: commune titles for the first four IDs, village
// titles otherwise; village titles need residents.
func (x *xs) title(id string, hours float64, allowance float64, req model.Requirements, elected bool) *xs {
	lvl := model.Village
	switch id {
	case tVanPhong, tTruyenThan, tMTTQ, tNCT:
		lvl = model.Commune
	default:
		req.Resident = true
	}
	t := model.Title{ID: id, Level: lvl, Name: xTitleNames[id], Workload: model.Workload{Base: model.Hours(hours)},
		Allowance: model.Coefficient(allowance), Requires: req, Holders: model.HoldersRule{Base: 1}}
	if elected {
		t.Term = model.TermRule{Kind: model.Elected, Months: 60, Anchor: model.MustDate("2022-06-01")}
	}
	x.s.Titles = append(x.s.Titles, t)
	return x
}

// person adds a person aged age on the plan date, living in res, holding
// the given titles (title@unit, or title@unit until yyyy-mm-dd for an
// elected term).
func (x *xs) person(id, name string, age int, party bool, res string, holds ...string) *xs {
	p := model.Person{ID: id, Name: name, Birth: model.NewDate(2024-age, 6, 1), Sex: model.Male, Education: model.EduUpperSec,
		PartyMember: party, Residence: res, Capacity: 40}
	if strings.Contains(name, " Thị ") {
		p.Sex = model.Female
	}
	for i, h := range holds {
		ti, rest, _ := strings.Cut(h, "@")
		unit, end, _ := strings.Cut(rest, " until ")
		hd := model.Holding{Title: ti, Unit: unit, Start: model.MustDate("2022-06-01"), Main: i == 0}
		if end != "" {
			hd.TermEnd = model.MustDate(end)
		}
		p.Holdings = append(p.Holdings, hd)
	}
	x.s.People = append(x.s.People, p)
	return x
}

func (x *xs) edit(f func(p *model.Person)) *xs {
	f(&x.s.People[len(x.s.People)-1])
	return x
}

func (x *xs) policy(f func(p *model.Policy)) *xs {
	f(&x.s.Policy)
	return x
}

var xFrom = model.MustDate("2019-01-01")

// explainCase is one hand-made scenario and its problem.
type explainCase struct {
	name string
	prob *Problem
}

func scenarioCase(name string, x *xs) explainCase {
	return explainCase{name: name, prob: &Problem{Scenario: &x.s}}
}

// infeasibleCases are the scenarios that have no plan, each for one reason.
func infeasibleCases() []explainCase {
	var out []explainCase
	// Both residents of Thôn Đông are under 21.
	out = append(out, scenarioCase("age", newXS().
		title(tTruongBan, 6, 1.0, model.Requirements{MinAge: 21}, false).
		person("P1", "Nguyễn Văn An", 19, false, "V1").
		person("P2", "Lê Thị Bình", 20, false, "V1").
		person("P3", "Trần Văn Cường", 45, true, "V2", tTruongBan+"@V2")))
	// Neither resident of Thôn Đông is a Party member.
	out = append(out, scenarioCase("party", newXS().
		title(tBiThu, 8, 1.2, model.Requirements{PartyMember: true}, false).
		person("P1", "Nguyễn Văn An", 40, false, "V1").
		person("P2", "Lê Thị Bình", 38, false, "V1").
		person("P3", "Trần Văn Cường", 45, true, "V2", tBiThu+"@V2")))
	// Two residents are not Party members, the third lacks the schooling.
	out = append(out, scenarioCase("party-education", newXS().
		title(tBiThu, 8, 1.2, model.Requirements{PartyMember: true, MinEducation: model.EduUpperSec}, false).
		person("P1", "Nguyễn Văn An", 40, false, "V1").
		person("P2", "Lê Thị Bình", 38, false, "V1").
		person("P3", "Đỗ Văn Hải", 52, true, "V1").edit(func(p *model.Person) { p.Education = model.EduPrimary }).
		person("P4", "Trần Văn Cường", 45, true, "V2", tBiThu+"@V2")))
	// The Party committee office takes 47 hours a week; nobody has more
	// than 40, recruits included.
	out = append(out, scenarioCase("workload", newXS().
		title(tVanPhong, 47, 1.5, model.Requirements{}, false).
		person("P1", "Phạm Văn Dũng", 44, true, "V1", tVanPhong+"@C1").
		policy(func(p *model.Policy) {
			p.Recruitment = model.Const(xFrom, model.RecruitmentRule{Allowed: true, MaxPerUnit: 1, Cost: 2_000_000}, "test")
		})))
	// Two elected titles that cannot move take 47 hours together.
	out = append(out, scenarioCase("workload-terms", newXS().
		title(tVanPhong, 25, 1.5, model.Requirements{}, true).
		title(tTruyenThan, 22, 1.0, model.Requirements{}, true).
		person("P1", "Phạm Văn Dũng", 44, true, "V1", tVanPhong+"@C1 until 2027-06-01", tTruyenThan+"@C1 until 2026-06-01").
		person("P2", "Vũ Thị Lan", 35, true, "V2")))
	// Four village titles held by four people whose terms run on, and a
	// village cap of three.
	out = append(out, scenarioCase("village-cap-terms", newXS().oneVillage().
		title(tBiThu, 8, 1.2, model.Requirements{PartyMember: true}, true).
		title(tTruongThon, 10, 1.2, model.Requirements{}, true).
		title(tTruongBan, 6, 1.0, model.Requirements{MinAge: 21}, true).
		title(tCongAn, 6, 0.5, model.Requirements{}, true).
		person("P1", "Nguyễn Văn An", 50, true, "V1", tBiThu+"@V1 until 2027-06-01").
		person("P2", "Lê Thị Bình", 41, true, "V1", tTruongThon+"@V1 until 2027-06-01").
		person("P3", "Đỗ Văn Hải", 47, true, "V1", tTruongBan+"@V1 until 2027-06-01").
		person("P4", "Trần Văn Cường", 33, false, "V1", tCongAn+"@V1 until 2026-12-01").
		policy(func(p *model.Policy) { p.VillageCap = model.Const(xFrom, 3, "test") })))
	// The village titles cost 5.5 × base salary; the fund is 4.5 ×.
	out = append(out, scenarioCase("village-fund", newXS().oneVillage().
		title(tBiThu, 8, 2.0, model.Requirements{PartyMember: true}, false).
		title(tTruongThon, 10, 2.0, model.Requirements{}, false).
		title(tTruongBan, 6, 1.5, model.Requirements{}, false).
		person("P1", "Nguyễn Văn An", 50, true, "V1", tBiThu+"@V1").
		person("P2", "Lê Thị Bình", 41, true, "V1", tTruongThon+"@V1").
		person("P3", "Đỗ Văn Hải", 47, true, "V1", tTruongBan+"@V1").
		policy(func(p *model.Policy) {
			p.FundBinds = model.Const(xFrom, true, "test")
			p.VillageFund = model.Const(xFrom, model.VillageFundRule{Standard: 4.5, Large: 6.0, ThonHouseholds: 350}, "test")
		})))
	// Three commune holders whose terms run on, and a commune cap of two.
	out = append(out, scenarioCase("commune-cap-terms", newXS().
		title(tVanPhong, 12, 1.5, model.Requirements{}, true).
		title(tTruyenThan, 10, 1.0, model.Requirements{}, true).
		title(tMTTQ, 10, 1.0, model.Requirements{}, true).
		person("P1", "Phạm Văn Dũng", 44, true, "V1", tVanPhong+"@C1 until 2027-06-01").
		person("P2", "Vũ Thị Lan", 35, true, "V2", tTruyenThan+"@C1 until 2026-09-01").
		person("P3", "Hoàng Văn Em", 58, true, "V2", tMTTQ+"@C1 until 2027-03-01").
		policy(func(p *model.Policy) {
			p.CommuneCap = model.Const(xFrom, model.ByClass[int]{I: 4, II: 3, III: 2}, "test")
		})))
	// Levels kept apart, and one person elected to a commune title and a
	// village title until 2027.
	out = append(out, scenarioCase("levels-terms", newXS().oneVillage().
		title(tMTTQ, 10, 1.0, model.Requirements{}, true).
		title(tTruongThon, 10, 1.2, model.Requirements{}, true).
		person("P1", "Nguyễn Văn An", 50, true, "V1", tMTTQ+"@C1 until 2027-06-01", tTruongThon+"@V1 until 2027-06-01").
		policy(func(p *model.Policy) {
			p.Levels = model.Const(xFrom, model.LevelRule{Mode: model.LevelsApart}, "test")
		})))
	// A pin on someone who is not a Party member.
	pin := scenarioCase("pin-ineligible", newXS().oneVillage().
		title(tBiThu, 8, 1.2, model.Requirements{PartyMember: true}, false).
		person("P1", "Nguyễn Văn An", 50, true, "V1", tBiThu+"@V1").
		person("P2", "Hoàng Văn Em", 38, false, "V1"))
	pin.prob.Pins = []Pin{{Person: "P2", Title: tBiThu, Unit: "V1"}}
	out = append(out, pin)
	// A forbid on the only resident.
	forbid := scenarioCase("forbid", newXS().oneVillage().
		title(tTruongThon, 10, 1.2, model.Requirements{}, false).
		person("P1", "Nguyễn Văn An", 50, true, "V1", tTruongThon+"@V1"))
	forbid.prob.Forbids = []Pin{{Person: "P1", Title: tTruongThon, Unit: "V1"}}
	out = append(out, forbid)
	// One person elected to four titles, at most three per person.
	out = append(out, scenarioCase("max-titles-terms", newXS().oneVillage().
		title(tBiThu, 8, 1.2, model.Requirements{}, true).
		title(tTruongThon, 8, 1.2, model.Requirements{}, true).
		title(tTruongBan, 6, 1.0, model.Requirements{}, true).
		title(tCongAn, 6, 0.5, model.Requirements{}, true).
		person("P1", "Nguyễn Văn An", 50, true, "V1", tBiThu+"@V1 until 2027-06-01", tTruongThon+"@V1 until 2027-06-01",
			tTruongBan+"@V1 until 2027-06-01", tCongAn+"@V1 until 2027-06-01").
		person("P2", "Lê Thị Bình", 41, true, "V1")))
	return out
}

// bindingCases are feasible scenarios whose headcount one rule family
// keeps up.
func bindingCases() []explainCase {
	var out []explainCase
	commune := func(hours float64, maxTitles int) *xs {
		x := newXS()
		for _, id := range []string{tVanPhong, tTruyenThan, tMTTQ, tNCT} {
			x.title(id, hours, 1.0, model.Requirements{}, false)
		}
		x.person("P1", "Phạm Văn Dũng", 44, true, "C1", tVanPhong+"@C1").
			person("P2", "Vũ Thị Lan", 35, true, "C1", tTruyenThan+"@C1").
			person("P3", "Hoàng Văn Em", 58, true, "C1", tMTTQ+"@C1").
			person("P4", "Đặng Thị Mai", 39, false, "C1", tNCT+"@C1")
		return x.policy(func(p *model.Policy) { p.MaxTitlesPerPerson = model.Const(xFrom, maxTitles, "test") })
	}
	// Four commune titles of 15 hours: two people at 30 hours each.
	out = append(out, scenarioCase("binding-workload", commune(15, 4)))
	// Four commune titles of 10 hours, one title per person.
	out = append(out, scenarioCase("binding-max-titles", commune(10, 1)))
	// One commune title and two village titles of 8 hours: one villager
	// could hold all three, but the levels are kept apart.
	out = append(out, scenarioCase("binding-levels", newXS().oneVillage().
		title(tMTTQ, 8, 1.0, model.Requirements{}, false).
		title(tBiThu, 8, 1.2, model.Requirements{}, false).
		title(tTruongThon, 8, 1.2, model.Requirements{}, false).
		person("P1", "Nguyễn Văn An", 50, true, "V1", tMTTQ+"@C1").
		person("P2", "Lê Thị Bình", 41, true, "V1", tBiThu+"@V1").
		person("P3", "Đỗ Văn Hải", 47, true, "V1", tTruongThon+"@V1").
		policy(func(p *model.Policy) {
			p.Levels = model.Const(xFrom, model.LevelRule{Mode: model.LevelsApart}, "test")
		})))
	// Three village titles held by three people elected until 2027–2028.
	out = append(out, scenarioCase("binding-terms", newXS().oneVillage().
		title(tBiThu, 8, 1.2, model.Requirements{PartyMember: true}, true).
		title(tTruongThon, 10, 1.2, model.Requirements{}, true).
		title(tTruongBan, 6, 1.0, model.Requirements{}, true).
		person("P1", "Nguyễn Văn An", 50, true, "V1", tBiThu+"@V1 until 2027-09-01").
		person("P2", "Lê Thị Bình", 41, true, "V1", tTruongThon+"@V1 until 2027-06-01").
		person("P3", "Đỗ Văn Hải", 47, false, "V1", tTruongBan+"@V1 until 2028-03-01")))
	// The Party cell secretary must be a Party member; the only one in
	// Thôn Đông has 10 hours a week, so the village head, who is not,
	// cannot take the secretary's post as well.
	out = append(out, scenarioCase("binding-requirement", newXS().oneVillage().
		title(tBiThu, 8, 1.2, model.Requirements{PartyMember: true}, false).
		title(tTruongThon, 10, 1.2, model.Requirements{}, false).
		title(tTruongBan, 6, 1.0, model.Requirements{}, false).
		person("P1", "Nguyễn Văn An", 50, true, "V1", tBiThu+"@V1").edit(func(p *model.Person) { p.Capacity = 10 }).
		person("P2", "Lê Thị Bình", 41, false, "V1", tTruongThon+"@V1", tTruongBan+"@V1")))
	return out
}

// render writes a result's explanations for a golden file.
func renderExplanation(name string, res *Result) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s: %s, %d people\n", name, res.Status, res.Objective.Headcount)
	for _, p := range res.Pools {
		for _, r := range p.Explanation {
			fmt.Fprintf(&b, "\n[%s] unit=%s title=%s people=%s\n", r.Kind, r.Unit, r.Title, strings.Join(r.People, ","))
			fmt.Fprintf(&b, "en: %s\nvi: %s\n", r.En, r.Vi)
		}
	}
	return b.String()
}

func checkText(t *testing.T, r Reason) {
	t.Helper()
	for _, s := range []string{r.Vi, r.En} {
		if s == "" {
			t.Errorf("%s: empty text", r.Kind)
		}
		if !norm.NFC.IsNormalString(s) {
			t.Errorf("%s: not NFC: %q", r.Kind, s)
		}
	}
}

// TestExplainGolden solves the infeasible cases (explained without asking)
// and the binding ones (with Settings.Explain) and compares the
// explanations with the goldens.
func TestExplainGolden(t *testing.T) {
	groups := []struct {
		cases    []explainCase
		settings *Settings
		status   Status
		none     string // the failure when nothing is explained
	}{
		{infeasibleCases(), nil, Infeasible, "no explanation"},
		{bindingCases(), &Settings{Explain: true}, Optimal, "no binding rule reported"},
	}
	for _, g := range groups {
		for _, c := range g.cases {
			t.Run(c.name, func(t *testing.T) {
				res, err := Solve(context.Background(), c.prob, g.settings)
				if err != nil {
					t.Fatal(err)
				}
				if res.Status != g.status {
					t.Fatalf("status %s, want %s", res.Status, g.status)
				}
				n := 0
				for _, p := range res.Pools {
					for _, r := range p.Explanation {
						checkText(t, r)
						if g.status == Infeasible && r.Kind == RuleNotMinimal {
							t.Errorf("set not proven minimal")
						}
						n++
					}
				}
				if n == 0 {
					t.Fatal(g.none)
				}
				golden.Assert(t, filepath.Join("testdata", "explain", c.name+".txt"), []byte(renderExplanation(c.name, res)))
				if g.settings != nil {
					checkQuietWithoutExplain(t, c.prob)
				}
			})
		}
	}
}

// checkQuietWithoutExplain checks that without Settings.Explain a feasible
// pool says nothing.
func checkQuietWithoutExplain(t *testing.T, prob *Problem) {
	t.Helper()
	plain, err := Solve(context.Background(), prob, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range plain.Pools {
		if len(p.Explanation) > 0 {
			t.Errorf("explanation without Settings.Explain: %v", p.Explanation)
		}
	}
}

// TestExplainMinimal checks that each conflict set is one: with only its
// rules in force the pool has no plan, and relaxing any one of them gives
// it one; and that the reasons stand for exactly the rules of the set.
func TestExplainMinimal(t *testing.T) {
	set := (&Settings{}).orDefault()
	for _, c := range infeasibleCases() {
		t.Run(c.name, func(t *testing.T) {
			pools, err := buildPools(c.prob, nil)
			if err != nil {
				t.Fatal(err)
			}
			checked := 0
			for _, pl := range pools {
				r, err := solvePool(context.Background(), pl, &set)
				if err != nil || r.feasible {
					continue
				}
				checked++
				e := newExplainer(context.Background(), pl, &set)
				rs, proven := e.conflictSet()
				if !proven || len(rs) == 0 {
					t.Fatalf("set %v, proven %v", rs, proven)
				}
				feasible := func(active map[rule]bool) bool {
					r, err := solvePool(context.Background(), e.only(active), &set)
					if err != nil {
						t.Fatal(err)
					}
					return r.feasible
				}
				if feasible(ruleSet(rs)) {
					t.Errorf("the set %v alone leaves a plan", rs)
				}
				for _, x := range rs {
					active := ruleSet(rs)
					delete(active, x)
					if !feasible(active) {
						t.Errorf("without %+v the set still has no plan: not minimal", x)
					}
				}
				covered := map[rule]bool{}
				for _, reason := range explainInfeasible(context.Background(), pl, &set) {
					if len(reason.rules) == 0 {
						t.Errorf("reason %q stands for no rule", reason.En)
					}
					for _, x := range reason.rules {
						if !slices.Contains(rs, x) {
							t.Errorf("reason %q names %+v, not in the set", reason.En, x)
						}
						covered[x] = true
					}
				}
				for _, x := range rs {
					if !covered[x] {
						t.Errorf("rule %+v has no reason", x)
					}
				}
			}
			if checked == 0 {
				t.Fatal("no infeasible pool")
			}
		})
	}
}

// TestExplainBudget cuts the search short: the set still conflicts and the
// explanation says it is not proven smallest.
func TestExplainBudget(t *testing.T) {
	var c explainCase
	for _, x := range infeasibleCases() {
		if x.name == "village-cap-terms" {
			c = x
		}
	}
	pools, err := buildPools(c.prob, nil)
	if err != nil {
		t.Fatal(err)
	}
	set := (&Settings{}).orDefault()
	e := newExplainer(context.Background(), pools[0], &set)
	e.budget = 1
	active := map[rule]bool{}
	for _, r := range e.rules {
		active[r] = true
	}
	for _, fam := range e.families() {
		e.filter(fam, active, false)
	}
	if !e.unsure {
		t.Fatal("a search cut at one solve claims a smallest set")
	}
	var kept []rule
	for _, r := range e.rules {
		if active[r] {
			kept = append(kept, r)
		}
	}
	r, err := solvePool(context.Background(), e.only(ruleSet(kept)), &set)
	if err != nil || r.feasible {
		t.Fatalf("the kept rules %v do not conflict", kept)
	}
	out := e.render(kept)
	out = append(out, e.notMinimal())
	if last := out[len(out)-1]; last.Kind != RuleNotMinimal || !strings.Contains(last.En, "not proven smallest") {
		t.Errorf("last reason %+v", last)
	}
}

// TestExplainPinForbid runs pins and forbids end to end: a pin keeps a
// person on a title the optimum would give someone else, a forbid moves
// the holder off it.
func TestExplainPinForbid(t *testing.T) {
	build := func() *Problem {
		x := newXS().oneVillage().
			title(tTruongThon, 10, 1.2, model.Requirements{}, false).
			title(tTruongBan, 6, 1.0, model.Requirements{}, false).
			person("P1", "Nguyễn Văn An", 50, true, "V1", tTruongThon+"@V1").
			person("P2", "Lê Thị Bình", 41, true, "V1", tTruongBan+"@V1")
		return &Problem{Scenario: &x.s}
	}
	holderOf := func(res *Result, title string) []string {
		var out []string
		for _, a := range res.Plan.Assignments {
			if a.Title == title && a.Unit == "V1" {
				out = append(out, a.Person)
			}
		}
		return out
	}
	solve := func(p *Problem) *Result {
		t.Helper()
		res, err := Solve(context.Background(), p, nil)
		if err != nil {
			t.Fatal(err)
		}
		if res.Status != Optimal {
			t.Fatalf("status %s", res.Status)
		}
		return res
	}
	free := solve(build())
	if free.Objective.Headcount != 1 {
		t.Fatalf("headcount %d, want 1", free.Objective.Headcount)
	}
	// Whoever the optimum keeps, pinning the other to their own title
	// makes them the one kept.
	for _, p := range []Pin{{Person: "P1", Title: tTruongThon, Unit: "V1"}, {Person: "P2", Title: tTruongBan, Unit: "V1"}} {
		prob := build()
		prob.Pins = []Pin{p}
		res := solve(prob)
		if got := holderOf(res, p.Title); !slices.Equal(got, []string{p.Person}) {
			t.Errorf("pin %s: %s held by %v", p, p.Title, got)
		}
	}
	// Forbid the holder of village head: it moves to the other person.
	kept := holderOf(free, tTruongThon)[0]
	other := map[string]string{"P1": "P2", "P2": "P1"}[kept]
	prob := build()
	prob.Forbids = []Pin{{Person: kept, Title: tTruongThon, Unit: "V1"}}
	res := solve(prob)
	if got := holderOf(res, tTruongThon); !slices.Equal(got, []string{other}) {
		t.Errorf("forbid %s: village head held by %v, want %s", kept, got, other)
	}
	d := model.DiffPlans(free.Plan, res.Plan)
	if d.Empty() || !slices.ContainsFunc(d.Changes, func(c model.HolderChange) bool { return c.Title == tTruongThon }) {
		t.Errorf("diff does not show the move: %+v", d)
	}
}
