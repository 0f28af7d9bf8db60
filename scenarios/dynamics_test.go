package scenarios

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/internal/golden"
	"github.com/kiemnhiem/kiemnhiem/model"
)

// TestPresetDynamics checks the simulator's defaults in the base preset and
// what the variants inherit.
func TestPresetDynamics(t *testing.T) {
	at := model.MustDate
	for _, name := range Presets() {
		s := mustLoad(t, name)
		dyn := &s.Dynamics
		if r, err := dyn.Resignation.At(s.Date); err != nil || r != (model.ResignationRule{Base: 0.04, LowPay: 2.0, Overload: 1.5}) {
			t.Errorf("%s: resignation = %+v, %v", name, r, err)
		}
		if d, err := dyn.Death.At(s.Date); err != nil || d != 0.004 {
			t.Errorf("%s: death = %v, %v", name, d, err)
		}
		for _, tt := range []struct {
			date string
			want model.Money
		}{{"2019-07-01", 4_295_000}, {"2023-12-31", 4_295_000}, {"2024-01-01", 5_400_000}, {"2030-01-01", 5_400_000}} {
			if got, err := dyn.ReferenceIncome.At(at(tt.date)); err != nil || got != tt.want {
				t.Errorf("%s: reference income on %s = %v, %v; want %v", name, tt.date, got, err, tt.want)
			}
		}
		if c, err := dyn.Candidates.At(s.Date); err != nil || c != (model.CandidateRule{PerThousand: 5, PartyShare: 0.25, Accept: 0.15, Age: 30}) {
			t.Errorf("%s: candidates = %+v, %v", name, c, err)
		}
		if g, err := dyn.Growth.At(s.Date); err != nil || g != (model.GrowthRule{Population: 0.009, Households: 0.015}) {
			t.Errorf("%s: growth = %+v, %v", name, g, err)
		}
		if v, err := dyn.Vacancy.At(s.Date); err != nil || v != model.CoverConcurrent {
			t.Errorf("%s: vacancy = %v, %v", name, v, err)
		}
		if len(dyn.MaxAge) != 0 {
			t.Errorf("%s: max_age = %v, want none", name, dyn.MaxAge)
		}
		wantMergers := 0
		if strings.HasPrefix(name, "villages-2026") || strings.HasPrefix(name, "nd185-2026") { // nd185-2026 extends villages-2026
			wantMergers = 1
		}
		if len(dyn.Mergers) != wantMergers {
			t.Fatalf("%s: mergers = %+v, want %d", name, dyn.Mergers, wantMergers)
		}
		nd185 := strings.HasPrefix(name, "nd185-2026") // the rearrangement of Decree 185, from the law
		if wantMergers == 1 && !nd185 {
			m := dyn.Mergers[0]
			if m.Date != at("2027-01-01") || m.BelowHouseholds != 100 || !strings.HasPrefix(m.Source, "assumption: ") {
				t.Errorf("%s: merger = %+v, want 2027-01-01 below 100 households, an assumption", name, m)
			}
		}
		if nd185 {
			m := dyn.Mergers[0]
			want := model.MergerRearrange{MaxMerge: 3, Goal: model.GoalFewestMerges, Adjacency: true}
			if name == "nd185-2026-pairs" {
				want.MaxMerge = 2
			}
			if m.Date != at("2026-07-01") || m.BelowHouseholds != 0 || m.Rearrange == nil || *m.Rearrange != want ||
				!strings.HasPrefix(m.Source, "NĐ 185/2026/NĐ-CP Art. 8(3)") || !strings.Contains(m.Source, fmt.Sprintf("max_merge %d: assumption", want.MaxMerge)) {
				t.Errorf("%s: merger = %+v, want 2026-07-01 rearranged %+v, NĐ 185 Art. 8(3) and max_merge an assumption", name, m, want)
			}
			dyn = &model.Dynamics{Resignation: dyn.Resignation, Death: dyn.Death, ReferenceIncome: dyn.ReferenceIncome,
				Candidates: dyn.Candidates, Growth: dyn.Growth, Vacancy: dyn.Vacancy, MaxAge: dyn.MaxAge}
		}
		for _, src := range dynamicsSources(dyn) {
			if !strings.HasPrefix(src, "assumption: ") {
				t.Errorf("%s: dynamics source %q is not marked as an assumption", name, src)
			}
		}
	}
}

// dynamicsSources lists the source of every dated value and merger.
func dynamicsSources(dyn *model.Dynamics) []string {
	var out []string
	v := reflect.ValueOf(dyn).Elem()
	for i := range v.NumField() {
		f := v.Field(i)
		for k := range f.Len() {
			out = append(out, f.Index(k).FieldByName("Source").String())
		}
	}
	return out
}

// TestDynamicsVariant checks how a variant's dynamics lay over the inherited
// ones: series merge by date, mergers are replaced whole.
func TestDynamicsVariant(t *testing.T) {
	s, err := LoadBytes("variant.yaml", "", []byte(`extends: villages-2026
dynamics:
  death:
    - {from: 2028-01-01, value: 0.005, source: "assumption: older holders"}
  resignation:
    - {from: 2019-01-01, value: {base: 0.05, low_pay: 2.5, overload: 1.0}, source: "assumption: replaces the base value"}
  vacancy:
    - {from: 2027-01-01, value: để trống, source: "assumption: no more concurrency"}
  max_age:
    - {from: 2027-01-01, value: 65, source: "assumption: a local maximum"}
    - {from: 2030-01-01, value: 0, source: "assumption: lifted"}
  mergers:
    - {date: 2028-01-01, below_households: 150, source: "assumption: a second round"}
    - {date: 2029-01-01, below_households: 200, source: "assumption: a third round"}
`))
	if err != nil {
		t.Fatal(err)
	}
	dyn := &s.Dynamics
	at := model.MustDate
	if len(dyn.Death) != 2 {
		t.Errorf("death = %+v, want the base entry and the variant's", dyn.Death)
	}
	if d, _ := dyn.Death.At(at("2027-06-01")); d != 0.004 {
		t.Errorf("death in 2027 = %v, want 0.004 inherited", d)
	}
	if d, _ := dyn.Death.At(at("2028-06-01")); d != 0.005 {
		t.Errorf("death in 2028 = %v, want 0.005 from the variant", d)
	}
	if len(dyn.Resignation) != 1 || dyn.Resignation[0].Value.Base != 0.05 || dyn.Resignation[0].Source != "assumption: replaces the base value" {
		t.Errorf("resignation = %+v, want the variant's entry in place of the base's", dyn.Resignation)
	}
	if v, _ := dyn.Vacancy.At(at("2026-12-31")); v != model.CoverConcurrent {
		t.Errorf("vacancy in 2026 = %v, want concurrent", v)
	}
	if v, _ := dyn.Vacancy.At(at("2027-01-01")); v != model.LeaveVacant {
		t.Errorf("vacancy in 2027 = %v, want vacant (given as \"để trống\")", v)
	}
	if a, _ := dyn.MaxAge.At(at("2029-01-01")); a != 65 {
		t.Errorf("max age in 2029 = %d, want 65", a)
	}
	if a, _ := dyn.MaxAge.At(at("2030-01-01")); a != 0 {
		t.Errorf("max age in 2030 = %d, want 0 (lifted)", a)
	}
	want := []model.Merger{
		{Date: at("2028-01-01"), BelowHouseholds: 150, Source: "assumption: a second round"},
		{Date: at("2029-01-01"), BelowHouseholds: 200, Source: "assumption: a third round"},
	}
	if !reflect.DeepEqual(dyn.Mergers, want) {
		t.Errorf("mergers = %+v, want the variant's list in place of villages-2026's:\n%+v", dyn.Mergers, want)
	}

	// An empty list drops the inherited mergers; the series stay.
	s, err = LoadBytes("no-mergers.yaml", "", []byte("extends: villages-2026\ndynamics:\n  mergers: []\n"))
	if err != nil {
		t.Fatal(err)
	}
	if s.Dynamics.Mergers != nil {
		t.Errorf("mergers = %#v after mergers: [], want nil", s.Dynamics.Mergers)
	}
	if len(s.Dynamics.Resignation) != 1 {
		t.Errorf("resignation = %+v, want the inherited entry", s.Dynamics.Resignation)
	}
	// A variant that says nothing about mergers keeps them.
	if m := mustLoad(t, "villages-2026-two-people").Dynamics.Mergers; len(m) != 1 {
		t.Errorf("villages-2026-two-people mergers = %+v, want villages-2026's", m)
	}
}

// TestDynamicsRoundTrip writes a variant with every dynamics field back
// as YAML and JSON and loads the YAML again.
func TestDynamicsRoundTrip(t *testing.T) {
	s, err := LoadBytes("variant.yaml", "", []byte(`extends: nd33-2023
dynamics:
  vacancy:
    - {from: 2027-01-01, value: vacant, source: "assumption: test"}
  max_age:
    - {from: 2019-01-01, value: 70, source: "assumption: test"}
  growth:
    - {from: 2026-01-01, value: {population: -0.005, households: 0}, source: "assumption: decline"}
  mergers:
    - {date: 2027-01-01, below_households: 80, source: "assumption: test"}
`))
	if err != nil {
		t.Fatal(err)
	}
	first, err := s.YAML()
	if err != nil {
		t.Fatal(err)
	}
	again, err := LoadBytes("frozen.yaml", "", first)
	if err != nil {
		t.Fatalf("resolved variant does not load back: %v\n%s", err, first)
	}
	if !reflect.DeepEqual(again.Dynamics, s.Dynamics) {
		t.Errorf("dynamics changed in the round trip:\n%+v\n%+v", s.Dynamics, again.Dynamics)
	}
	second, err := again.YAML()
	if err != nil {
		t.Fatal(err)
	}
	strip := func(b []byte) []byte { _, rest, _ := bytes.Cut(b, []byte("\n")); return rest }
	if !bytes.Equal(strip(first), strip(second)) {
		t.Errorf("round trip changed the YAML:\n%s", golden.Diff(strip(first), strip(second)))
	}
	for _, want := range []string{"  max_age:\n", "      value: vacant\n", "  mergers:\n    - date: \"2027-01-01\"\n      below_households: 80\n"} {
		if !bytes.Contains(first, []byte(want)) {
			t.Errorf("YAML lacks %q", want)
		}
	}

	j, err := s.JSON()
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Dynamics struct {
			ReferenceIncome []struct {
				From   string `json:"from"`
				Value  int64  `json:"value"`
				Source string `json:"source"`
			} `json:"reference_income"`
			Vacancy []struct {
				Value string `json:"value"`
			} `json:"vacancy"`
			Mergers []struct {
				Date            string `json:"date"`
				BelowHouseholds int    `json:"below_households"`
				Source          string `json:"source"`
			} `json:"mergers"`
		} `json:"dynamics"`
	}
	if err := json.Unmarshal(j, &doc); err != nil {
		t.Fatalf("JSON: %v\n%s", err, j)
	}
	d := doc.Dynamics
	if len(d.ReferenceIncome) != 2 || d.ReferenceIncome[1].Value != 5_400_000 || d.ReferenceIncome[1].Source == "" ||
		len(d.Vacancy) != 2 || d.Vacancy[1].Value != "vacant" ||
		len(d.Mergers) != 1 || d.Mergers[0].Date != "2027-01-01" || d.Mergers[0].BelowHouseholds != 80 {
		t.Errorf("JSON dynamics = %+v", d)
	}
}

// TestNoDynamics resolves a scenario without a dynamics section anywhere in
// its chain: the zero Dynamics, and no dynamics section written back.
func TestNoDynamics(t *testing.T) {
	full, err := mustLoad(t, "nd34-2019").YAML()
	if err != nil {
		t.Fatal(err)
	}
	start := bytes.Index(full, []byte("\ndynamics:\n"))
	end := bytes.Index(full, []byte("\ntitles:\n"))
	if start < 0 || end < start {
		t.Fatalf("no dynamics section before titles in the resolved nd34-2019:\n%s", full)
	}
	src := append(append([]byte{}, full[:start]...), full[end:]...)
	s, err := LoadBytes("no-dynamics.yaml", "", src)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.ValueOf(s.Dynamics).IsZero() {
		t.Errorf("dynamics = %+v, want the zero Dynamics", s.Dynamics)
	}
	out, err := s.YAML()
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(out, []byte("dynamics:")) {
		t.Errorf("YAML of a scenario without dynamics has a dynamics section")
	}
	j, err := s.JSON()
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(j, []byte(`"dynamics"`)) {
		t.Errorf("JSON of a scenario without dynamics has a dynamics field")
	}
}

// TestDynamicsErrors checks the positioned errors of the dynamics section.
func TestDynamicsErrors(t *testing.T) {
	tests := []struct {
		name, body, want string
	}{
		{"probability above 1", "  death:\n    - {from: 2027-01-01, value: 1.01, source: x}\n",
			"4:33: dynamics.death[0].value: expected a probability between 0 and 1, got 1.01"},
		{"negative probability", "  resignation:\n    - {from: 2027-01-01, value: {base: -0.1, low_pay: 1, overload: 1}, source: x}\n",
			"dynamics.resignation[0].value.base: expected a probability between 0 and 1, got -0.1"},
		{"negative slope", "  resignation:\n    - {from: 2027-01-01, value: {base: 0.1, low_pay: -1, overload: 1}, source: x}\n",
			"dynamics.resignation[0].value.low_pay: expected log-odds per unit from 0 to 100, got -1"},
		{"missing field", "  resignation:\n    - {from: 2027-01-01, value: {base: 0.1, low_pay: 1}, source: x}\n",
			"dynamics.resignation[0].value.overload: required: log-odds per unit from 0 to 100"},
		{"zero income", "  reference_income:\n    - {from: 2027-01-01, value: 0, source: x}\n",
			"dynamics.reference_income[0].value: expected an income in đồng per month from 1 to 1000000000, got 0"},
		{"negative pool", "  candidates:\n    - {from: 2027-01-01, value: {per_thousand: -1, party_share: 0.2, accept: 0.1, age: 30}, source: x}\n",
			"dynamics.candidates[0].value.per_thousand: expected a number per thousand residents from 0 to 1000, got -1"},
		{"accept above 1", "  candidates:\n    - {from: 2027-01-01, value: {per_thousand: 1, party_share: 0.2, accept: 1.2, age: 30}, source: x}\n",
			"dynamics.candidates[0].value.accept: expected a probability between 0 and 1, got 1.2"},
		{"candidate age missing", "  candidates:\n    - {from: 2027-01-01, value: {per_thousand: 1, party_share: 0.2, accept: 0.1}, source: x}\n",
			"dynamics.candidates[0].value.age: required: the age at which a recruit starts, 15 to 100"},
		{"growth of -100 %", "  growth:\n    - {from: 2027-01-01, value: {population: -1, households: 0}, source: x}\n",
			"dynamics.growth[0].value.population: expected a yearly rate above -1 and ≤ 1 (0.01 = 1 % a year), got -1"},
		{"max age too low", "  max_age:\n    - {from: 2027-01-01, value: 14, source: x}\n",
			"dynamics.max_age[0].value: expected 0 (no maximum) or an age from 15 to 100, got 14"},
		{"max age too high", "  max_age:\n    - {from: 2027-01-01, value: 101, source: x}\n",
			"dynamics.max_age[0].value: expected 0 (no maximum) or an age from 15 to 100, got 101"},
		{"bad vacancy", "  vacancy:\n    - {from: 2027-01-01, value: maybe, source: x}\n",
			`dynamics.vacancy[0].value: expected concurrent or vacant, got "maybe"`},
		{"missing source", "  death:\n    - {from: 2027-01-01, value: 0.01}\n",
			`dynamics.death[0].source: required: the legal source (decree and article) or "assumption: …"`},
		{"missing from", "  death:\n    - {value: 0.01, source: x}\n",
			"dynamics.death[0].from: required: a date YYYY-MM-DD"},
		{"bad date", "  death:\n    - {from: 2027-02-30, value: 0.01, source: x}\n",
			`dynamics.death[0].from: expected a date YYYY-MM-DD, got "2027-02-30"`},
		{"dates out of order", "  death:\n    - {from: 2028-01-01, value: 0.01, source: x}\n    - {from: 2027-01-01, value: 0.02, source: x}\n",
			"5:14: dynamics.death[1].from: dates out of order: 2027-01-01 is not after 2028-01-01 (entries must be in increasing date order)"},
		{"empty series", "  death: []\n",
			"dynamics.death: expected at least one dated value {from, value, source}"},
		{"merger without a plan", "  mergers:\n    - {date: 2027-01-01, source: x}\n",
			"4:8: dynamics.mergers[0]: required: one of below_households (the threshold rule), rearrange (the rearrangement planner) or mapping (a decided plan)"},
		{"merger with two plans", "  mergers:\n    - {date: 2027-01-01, below_households: 100, rearrange: {max_merge: 3, goal: fewest-merges, adjacency: auto}, source: x}\n",
			"dynamics.mergers[0].rearrange: give one of below_households, rearrange or mapping, not several"},
		{"merger with a threshold and a mapping", "  mergers:\n    - {date: 2027-01-01, below_households: 100, mapping: m.csv, source: x}\n",
			"dynamics.mergers[0].mapping: give one of below_households, rearrange or mapping, not several"},
		{"blank mapping", "  mergers:\n    - {date: 2027-01-01, mapping: \" \", source: x}\n",
			"dynamics.mergers[0].mapping: expected the path of a village mapping (CSV or XLSX), got a blank"},
		{"rearrange max_merge 0", "  mergers:\n    - {date: 2027-01-01, rearrange: {max_merge: 0, goal: fewest-merges, adjacency: auto}, source: x}\n",
			"dynamics.mergers[0].rearrange.max_merge: expected a number of villages from 1 to 8, got 0"},
		{"rearrange max_merge 9", "  mergers:\n    - {date: 2027-01-01, rearrange: {max_merge: 9, goal: fewest-merges, adjacency: auto}, source: x}\n",
			"dynamics.mergers[0].rearrange.max_merge: expected a number of villages from 1 to 8, got 9"},
		{"rearrange without max_merge", "  mergers:\n    - {date: 2027-01-01, rearrange: {goal: fewest-merges, adjacency: auto}, source: x}\n",
			"dynamics.mergers[0].rearrange.max_merge: required: a number of villages from 1 to 8"},
		{"rearrange bad goal", "  mergers:\n    - {date: 2027-01-01, rearrange: {max_merge: 3, goal: fewest, adjacency: auto}, source: x}\n",
			`dynamics.mergers[0].rearrange.goal: expected fewest-merges or consolidation, got "fewest"`},
		{"rearrange without goal", "  mergers:\n    - {date: 2027-01-01, rearrange: {max_merge: 3, adjacency: auto}, source: x}\n",
			"dynamics.mergers[0].rearrange.goal: required: fewest-merges or consolidation"},
		{"rearrange bad adjacency", "  mergers:\n    - {date: 2027-01-01, rearrange: {max_merge: 3, goal: consolidation, adjacency: yes}, source: x}\n",
			`dynamics.mergers[0].rearrange.adjacency: expected auto or off, got "yes"`},
		{"rearrange without adjacency", "  mergers:\n    - {date: 2027-01-01, rearrange: {max_merge: 3, goal: consolidation}, source: x}\n",
			"dynamics.mergers[0].rearrange.adjacency: required: auto or off"},
		{"unknown rearrange field", "  mergers:\n    - {date: 2027-01-01, rearrange: {max_merge: 3, goal: consolidation, adjacency: off, k: 2}, source: x}\n",
			`dynamics.mergers[0].rearrange.k: unknown field "k" (expected one of: max_merge, goal, adjacency)`},
		{"rules max_merge 0", "  mergers:\n    - {date: 2027-01-01, mapping: m.csv, rules: {max_merge: 0}, source: x}\n",
			"4:61: dynamics.mergers[0].rules.max_merge: expected a number of villages from 1 to 8, got 0"},
		{"rules max_merge 9, block", "  mergers:\n    - date: 2027-01-01\n      mapping: m.csv\n      rules:\n        max_merge: 9\n      source: x\n",
			"7:20: dynamics.mergers[0].rules.max_merge: expected a number of villages from 1 to 8, got 9"},
		{"rules max_merge text", "  mergers:\n    - {date: 2027-01-01, mapping: m.csv, rules: {max_merge: three}, source: x}\n",
			"dynamics.mergers[0].rules.max_merge: expected a whole number, got \"three\""},
		{"rules bad goal", "  mergers:\n    - {date: 2027-01-01, mapping: m.csv, rules: {goal: most}, source: x}\n",
			`4:56: dynamics.mergers[0].rules.goal: expected fewest-merges or consolidation, got "most"`},
		{"rules bad adjacency", "  mergers:\n    - {date: 2027-01-01, mapping: m.csv, rules: {max_merge: 4, adjacency: yes}, source: x}\n",
			`dynamics.mergers[0].rules.adjacency: expected auto or off, got "yes"`},
		{"unknown rules field", "  mergers:\n    - {date: 2027-01-01, mapping: m.csv, rules: {k: 2}, source: x}\n",
			`dynamics.mergers[0].rules.k: unknown field "k" (expected one of: max_merge, goal, adjacency)`},
		{"rules as a list", "  mergers:\n    - {date: 2027-01-01, mapping: m.csv, rules: [3], source: x}\n",
			"dynamics.mergers[0].rules: sequence was used where mapping is expected"},
		{"rules with rearrange", "  mergers:\n    - {date: 2027-01-01, rearrange: {max_merge: 3, goal: fewest-merges, adjacency: auto}, rules: {max_merge: 2}, source: x}\n",
			"dynamics.mergers[0].rules: rules go with mapping (a decided plan); rearrange gives its own max_merge, goal and adjacency"},
		{"rules with a threshold", "  mergers:\n    - {date: 2027-01-01, below_households: 100, rules: {}, source: x}\n",
			"dynamics.mergers[0].rules: rules go with mapping (a decided plan); rearrange gives its own max_merge, goal and adjacency"},
		{"merger before the scenario's date", "  mergers:\n    - {date: 2024-06-01, below_households: 100, source: x}\n",
			"4:14: dynamics.mergers[0].date: a merger on 2024-06-01 is before the scenario's date 2025-01-01: mergers are events of the simulation, on or after its start"},
		{"merger below 0 households", "  mergers:\n    - {date: 2027-01-01, below_households: 0, source: x}\n",
			"dynamics.mergers[0].below_households: expected a whole number from 1 to 100000000, got 0"},
		{"merger without source", "  mergers:\n    - {date: 2027-01-01, below_households: 100, source: \" \"}\n",
			`dynamics.mergers[0].source: required: the legal source (decree and article) or "assumption: …"`},
		{"merger with a bad date", "  mergers:\n    - {date: 2027-1-1, below_households: 100, source: x}\n",
			`dynamics.mergers[0].date: expected a date YYYY-MM-DD, got "2027-1-1"`},
		{"unknown merger field", "  mergers:\n    - {date: 2027-01-01, below: 100, source: x}\n",
			`dynamics.mergers[0].below: unknown field "below" (expected one of: date, below_households, rearrange, mapping, rules, source)`},
		{"unknown dynamics field", "  deaths:\n    - {from: 2027-01-01, value: 0.01, source: x}\n",
			`dynamics.deaths: unknown field "deaths" (expected one of: resignation, death, reference_income, candidates, growth, vacancy, max_age, mergers)`},
		{"dynamics as a list", "  - death\n",
			"dynamics: sequence was used where mapping is expected"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantLoadError(t, "extends: nd33-2023\ndynamics:\n"+tt.body, tt.want)
		})
	}
}

// TestDynamicsLate reports dynamics series that start after the plan date
// with the policy's, at the plan date.
func TestDynamicsLate(t *testing.T) {
	_, err := LoadBytes("early.yaml", "", []byte("extends: nd34-2019\ndate: 2018-12-01\n"))
	if err == nil {
		t.Fatal("loaded a plan date before the first values")
	}
	msg := err.Error()
	for _, want := range []string{"early.yaml:2:7: date: the plan date 2018-12-01 is before the first value of", "policy.commune_cap (from 2019-06-25)", "dynamics.resignation (from 2019-01-01)", "dynamics.vacancy (from 2019-01-01)"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q lacks %q", msg, want)
		}
	}
	if strings.Contains(msg, "dynamics.max_age") || strings.Contains(msg, "dynamics.mergers") {
		t.Errorf("error %q names a dynamics parameter the scenario does not give", msg)
	}
}

// TestDynamicsFieldNames keeps the file types' Go field names equal to the
// model's: merge.go reports a model field by the file field of that name.
func TestDynamicsFieldNames(t *testing.T) {
	for _, pair := range [][2]reflect.Type{
		{reflect.TypeFor[model.Policy](), reflect.TypeFor[filePolicy]()},
		{reflect.TypeFor[model.Dynamics](), reflect.TypeFor[fileDynamics]()},
	} {
		m, f := pair[0], pair[1]
		if m.NumField() != f.NumField() {
			t.Errorf("%s has %d fields, %s %d", m, m.NumField(), f, f.NumField())
		}
		for i := range m.NumField() {
			name := m.Field(i).Name
			if _, ok := f.FieldByName(name); !ok || fieldKey(f, name) == "" {
				t.Errorf("%s.%s has no field of that name in %s", m, name, f)
			}
		}
	}
}

func ExampleLoad_dynamics() {
	s, err := Load("villages-2026-two-people")
	if err != nil {
		fmt.Println(err)
		return
	}
	dyn := s.Dynamics
	rule, _ := dyn.Resignation.At(s.Date)
	ref, _ := dyn.ReferenceIncome.At(s.Date)
	// A village head paid 1.1 × the 2026 base salary of 2,530,000 đồng,
	// working 13 hours a week of a 40-hour capacity.
	allowance := model.Money(1.1 * 2_530_000)
	fmt.Printf("reference income: %v đồng a month\n", ref)
	fmt.Printf("resignation: %.1f%% a year\n", 100*rule.Probability(allowance, ref, 13, 40))
	cand, _ := dyn.Candidates.At(s.Date)
	fmt.Printf("a vacancy with 6 candidates is filled within a year: %.0f%%\n", 100*cand.FillProbability(6))
	for _, m := range dyn.Mergers {
		fmt.Printf("on %s villages below %d households merge\n", m.Date, m.BelowHouseholds)
	}
	// Output:
	// reference income: 5,400,000 đồng a month
	// resignation: 9.9% a year
	// a vacancy with 6 candidates is filled within a year: 62%
	// on 2027-01-01 villages below 100 households merge
}

// TestMaxMergeSpan holds the text of max_merge's range to model's limit.
func TestMaxMergeSpan(t *testing.T) {
	if want := fmt.Sprintf("a number of villages from 1 to %d", model.MaxMergeLimit); maxMergeSpan.what != want || maxMergeSpan.hi != model.MaxMergeLimit {
		t.Errorf("maxMergeSpan = %+v, want %q up to %d", maxMergeSpan, want, model.MaxMergeLimit)
	}
}

// TestMergerRoundTrip shows each kind of merger and loads it back.
func TestMergerRoundTrip(t *testing.T) {
	for _, body := range []string{
		"{date: 2027-01-01, below_households: 150, source: x}",
		"{date: 2027-01-01, rearrange: {max_merge: 2, goal: consolidation, adjacency: off}, source: x}",
		"{date: 2025-01-01, rearrange: {max_merge: 8, goal: fewest-merges, adjacency: auto}, source: x}",
		"{date: 2025-01-01, mapping: plans/m.csv, source: x}",
		"{date: 2025-01-01, mapping: plans/m.csv, rules: {max_merge: 5, goal: consolidation, adjacency: off}, source: x}",
		"{date: 2025-01-01, mapping: plans/m.csv, rules: {adjacency: off}, source: x}",
		"{date: 2025-01-01, mapping: plans/m.csv, rules: {}, source: x}",
	} {
		s, err := LoadBytes("m.yaml", "", []byte("extends: nd33-2023\ndynamics:\n  mergers:\n    - "+body+"\n"))
		if err != nil {
			t.Fatalf("%s: %v", body, err)
		}
		out, err := s.YAML()
		if err != nil {
			t.Fatal(err)
		}
		again, err := LoadBytes("again.yaml", "", out)
		if err != nil {
			t.Fatalf("%s: shown scenario does not load back: %v", body, err)
		}
		if !reflect.DeepEqual(again.Dynamics.Mergers, s.Dynamics.Mergers) {
			t.Errorf("%s: mergers after show = %+v, want %+v", body, again.Dynamics.Mergers, s.Dynamics.Mergers)
		}
	}
}

// TestMergerMapping reads a decided plan from a mapping file when the
// data is loaded, and reports a missing file and an unknown village at the
// scenario's field.
func TestMergerMapping(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("ok.csv", "Mã thôn cũ,Mã thôn mới,Ghi chú\n42001-01,42001-01,\n42001-14,42001-02,x\n42001-13,42001-02,\n")
	write("bad.csv", "village,new_village\n42001-14,42999-02\n")
	write("apart.csv", "village,new_village\n42001-14,42003-02\n")
	tests := []struct {
		file string
		want map[string]string
		err  string
	}{
		{"ok.csv", map[string]string{"42001-14": "42001-02", "42001-13": "42001-02"}, ""},
		{"bad.csv", nil, "s.yaml:5:16: dynamics.mergers[0].mapping: " + filepath.Join(dir, "bad.csv") + ": 42999-02 is not a village of the scenario's data"},
		{"apart.csv", nil, "s.yaml:5:16: dynamics.mergers[0].mapping: " + filepath.Join(dir, "apart.csv") + ": village 42001-14 of commune 42001 cannot merge into 42003-02 of commune 42003: villages merge within their commune"},
		{"none.csv", nil, "s.yaml:5:16: dynamics.mergers[0].mapping: cannot read " + filepath.Join(dir, "none.csv")},
	}
	for _, tt := range tests {
		src := "extends: nd185-2026\ndynamics:\n  mergers:\n    - date: 2026-07-01\n      mapping: " + tt.file + "\n      source: \"a commune HĐND resolution\"\n"
		write("s.yaml", src)
		s, err := Load(filepath.Join(dir, "s.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		err = s.LoadData()
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%s: error %v, want %q", tt.file, err, tt.err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", tt.file, err)
		}
		if got := s.Dynamics.Mergers[0].Into; !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: into %v, want %v", tt.file, got, tt.want)
		}
	}
}
