package model_test

import (
	"reflect"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
)

func TestRequirementsUnmetAttrs(t *testing.T) {
	s := geography()
	ix := mustIndex(t, s)
	on := model.MustDate("2025-01-01")
	village, _ := ix.Unit("00001-1")
	vet := model.Requirements{Attrs: model.AttrVeteran | model.AttrVeteransAssociation}
	base := model.Person{ID: "p", Birth: model.MustDate("1970-01-01"), Sex: model.Male, Residence: "00001-1"}
	with := func(a, unknown model.Attrs) model.Person { p := base; p.Attrs, p.Unknown = a, unknown; return p }

	tests := []struct {
		name string
		req  model.Requirements
		p    model.Person
		want []model.Requirement
	}{
		{"has both", vet, with(model.AttrVeteran|model.AttrVeteransAssociation, 0), nil},
		{"has more", vet, with(model.AllAttrs, 0), nil},
		{"lacks both, attribute order", vet, with(0, 0), []model.Requirement{model.ReqVeteran, model.ReqVeteransAssociation}},
		{"lacks membership", vet, with(model.AttrVeteran, 0), []model.Requirement{model.ReqVeteransAssociation}},
		{"unknown counts as met", vet, with(0, model.AllAttrs), nil},
		{"unknown for one only", vet, with(0, model.AttrVeteran), []model.Requirement{model.ReqVeteransAssociation}},
		{"military training", model.Requirements{Attrs: model.AttrMilitaryTraining}, with(model.AttrVeteran, 0), []model.Requirement{model.ReqMilitaryTraining}},
		{"after the other requirements", model.Requirements{PartyMember: true, Attrs: model.AttrRedCross}, with(0, 0),
			[]model.Requirement{model.ReqPartyMember, model.ReqRedCross}},
		{"no attributes asked", model.Requirements{}, with(0, 0), nil},
	}
	for _, tt := range tests {
		if got := tt.req.Unmet(&tt.p, village, on, ix.InCommune); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: Unmet = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestAppendUnmetRetired(t *testing.T) {
	p := model.Person{Birth: model.MustDate("1950-01-01"), Sex: model.Male}
	u := &model.Unit{Code: "v", Level: model.Village}
	tests := []struct {
		name    string
		req     model.Requirements
		retired bool
		want    []model.Requirement
	}{
		{"appointed post, retired", model.Requirements{}, true, []model.Requirement{model.ReqRetirement}},
		{"appointed post, not retired", model.Requirements{}, false, nil},
		{"elected post past retirement", model.Requirements{PastRetirement: true}, true, nil},
		{"retirement first", model.Requirements{MinAge: 80}, true, []model.Requirement{model.ReqRetirement, model.ReqMinAge}},
	}
	for _, tt := range tests {
		got := tt.req.AppendUnmetRetired(nil, &p, p.AgeAt(model.MustDate("2025-01-01")), tt.retired, u, nil)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
		if tt.req.StopsAtRetirement() == tt.req.PastRetirement {
			t.Errorf("%s: StopsAtRetirement disagrees with PastRetirement", tt.name)
		}
	}
}

func TestAttrNamesRoundTrip(t *testing.T) {
	seen := map[model.Requirement]bool{}
	for i, a := range model.Attributes() {
		key := model.AttrKey(a)
		if key != model.AttrNames()[i] {
			t.Errorf("attribute %d: key %q, names %q", i, key, model.AttrNames()[i])
		}
		got, err := model.ParseAttr(" " + key + " ")
		if err != nil || got != a {
			t.Errorf("ParseAttr(%q) = %v, %v", key, got, err)
		}
		q := model.AttrRequirement(a)
		if back, ok := q.Attr(); !ok || back != a {
			t.Errorf("%s: requirement %d maps back to %v", key, q, back)
		}
		if q.String() != key || seen[q] {
			t.Errorf("%s: requirement %d named %q (seen %v)", key, q, q.String(), seen[q])
		}
		seen[q] = true
		if a.HasText().Vi == "" || a.HasText().En == "" || a.LacksText().Vi == "" || a.LacksText().En == "" {
			t.Errorf("%s: missing vi/en words", key)
		}
	}
	for _, alias := range []string{"Cựu chiến binh", "đoàn thanh niên", "hội người cao tuổi", "WOMEN"} {
		if _, err := model.ParseAttr(alias); err != nil {
			t.Errorf("ParseAttr(%q): %v", alias, err)
		}
	}
	if _, err := model.ParseAttr("astronaut"); err == nil {
		t.Error("ParseAttr accepted an unknown attribute")
	}
	if _, ok := model.ReqResident.Attr(); ok {
		t.Error("ReqResident is not an attribute")
	}
	if model.ReqRetirement.String() != "retirement_age" {
		t.Errorf("ReqRetirement = %q", model.ReqRetirement.String())
	}
	if got := (model.AttrVeteran | model.AttrRedCross).String(); got != "veteran+red-cross" {
		t.Errorf("set String = %q", got)
	}
}
