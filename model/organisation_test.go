package model_test

import (
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
)

func TestOrganisationNamesAndTexts(t *testing.T) {
	orgs := model.Organisations()
	if len(orgs) != 10 {
		t.Fatalf("Organisations() has %d, want the 10 of the issue (Party, People's Committee, Front, Veterans, Women, Farmers, Youth, Elderly, Red Cross, village)", len(orgs))
	}
	for _, o := range orgs {
		if !o.Text().Complete() {
			t.Errorf("%s: text %+v lacks a language", o, o.Text())
		}
		got, err := model.ParseOrganisation(o.String())
		if err != nil || got != o {
			t.Errorf("ParseOrganisation(%q) = %v, %v; want %v", o.String(), got, err, o)
		}
	}
	for _, tc := range []struct {
		in   string
		want model.Organisation
	}{
		{"Hội Nông dân", model.OrgFarmers},
		{"mttq", model.OrgFatherlandFront},
		{" Women ", model.OrgWomen},
		{"tự quản", model.OrgVillage},
	} {
		if got, err := model.ParseOrganisation(tc.in); err != nil || got != tc.want {
			t.Errorf("ParseOrganisation(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
		}
	}
	for _, bad := range []string{"", "union", "unknown"} {
		if _, err := model.ParseOrganisation(bad); err == nil {
			t.Errorf("ParseOrganisation(%q) accepted", bad)
		}
	}
	if got := model.OrgUnknown.Text(); got.Vi != "" || got.En != "" {
		t.Errorf("OrgUnknown.Text() = %+v, want its empty key", got)
	}
}
