package tables

import (
	"strings"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
)

func TestPeopleAttrColumns(t *testing.T) {
	const head = "id,name,birth_date,sex,education,party_member,residence,capacity_hours,"
	tests := []struct {
		name         string
		cols, cells  string
		attrs, unkwn model.Attrs
		err          string
	}{
		{name: "canonical names", cols: "veteran,military_training,veterans_association", cells: "yes,yes,có",
			attrs: model.AttrVeteran | model.AttrMilitaryTraining | model.AttrVeteransAssociation,
			unkwn: model.AllAttrs &^ (model.AttrVeteran | model.AttrMilitaryTraining | model.AttrVeteransAssociation)},
		{name: "Vietnamese headers", cols: "Cựu chiến binh,Huấn luyện quân sự,Hội phụ nữ,Đoàn thanh niên,Hội nông dân,Hội cựu chiến binh,Hội người cao tuổi,Hội chữ thập đỏ",
			cells: "không,có,có,không,1,0,no,yes", attrs: model.AttrMilitaryTraining | model.AttrWomensUnion | model.AttrFarmersAssociation | model.AttrRedCross},
		{name: "a blank cell is unknown", cols: "veteran,youth_union", cells: ",no", unkwn: model.AllAttrs &^ model.AttrYouthUnion},
		{name: "hyphenated keys", cols: "elderly-association", cells: "yes", attrs: model.AttrElderlyAssociation, unkwn: model.AllAttrs &^ model.AttrElderlyAssociation},
		{name: "bad value", cols: "veteran", cells: "maybe", err: "p.csv:2:9: veteran: expected yes or no"},
		{name: "one attribute twice", cols: "veteran,cựu chiến binh", cells: "yes,yes", err: "p.csv:1:10: cựu chiến binh: column for veteran given twice"},
	}
	for _, tt := range tests {
		src := head + tt.cols + "\nP1,A,1970-01-01,male,none,no,,40," + tt.cells + "\n"
		got, err := ReadPeople(strings.NewReader(src), "p.csv", nil)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%s: error %v, want %q", tt.name, err, tt.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if got[0].Attrs != tt.attrs || got[0].Unknown != tt.unkwn {
			t.Errorf("%s: attrs %s unknown %s, want %s unknown %s", tt.name, got[0].Attrs, got[0].Unknown, tt.attrs, tt.unkwn)
		}
	}
}

// TestCheckPeopleWarnsUnknownAttrs: an old roster without the attribute
// columns loads, with one warning per attribute a title requires, at the
// first person without it.
func TestCheckPeopleWarnsUnknownAttrs(t *testing.T) {
	units := []model.Unit{{Code: "C", Level: model.Commune, Type: model.Xa}}
	titles := []model.Title{
		{ID: "ccb", Level: model.Commune, Holders: model.HoldersRule{Base: 1}, Requires: model.Requirements{Attrs: model.AttrVeteran | model.AttrVeteransAssociation}},
		{ID: "cv", Level: model.Commune, Holders: model.HoldersRule{Base: 1}},
	}
	src := "id,name,birth_date,sex,education,party_member,residence,capacity_hours,veteran,title_1,unit_1\n" +
		"P1,A,1970-01-01,male,none,no,C,40,yes,ccb,C\n" +
		"P2,B,1980-01-01,male,none,no,C,40,,cv,C\n"
	var warnings ErrorList
	people, err := ReadPeople(strings.NewReader(src), "p.csv", CheckPeople(units, titles, model.MustDate("2025-01-01"), &warnings))
	if err != nil {
		t.Fatal(err)
	}
	if len(people) != 2 {
		t.Fatalf("%d people", len(people))
	}
	var msgs []string
	for _, w := range warnings {
		msgs = append(msgs, w.Error())
	}
	all := strings.Join(msgs, "\n")
	// The membership column is missing for everyone: warned at P1. The
	// veteran cell is blank for P2 only: warned at P2, line 3.
	for _, want := range []string{
		"p.csv:2:1: id: P1: not recorded (no column, or a blank cell): veterans_association; for this person and everyone else without them, what titles ccb require of these is taken as met",
		"p.csv:3:1: id: P2: not recorded (no column, or a blank cell): veteran;", "không có thông tin",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("warnings %q lack %q", all, want)
		}
	}
	if len(warnings) != 2 {
		t.Errorf("%d warnings, want 2 (veterans_association at P1, veteran at P2; nothing for attributes no title needs): %q", len(warnings), msgs)
	}
}
