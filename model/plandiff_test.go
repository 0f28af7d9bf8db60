package model_test

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/internal/golden"
	"github.com/kiemnhiem/kiemnhiem/model"
)

const (
	tBiThu      = "bi-thu-chi-bo"
	tTruongThon = "truong-thon"
	tTruongBan  = "truong-ban-ctmt"
	tCongAn     = "cong-an-vien"
)

func TestDiffPlans(t *testing.T) {
	a := model.Plan{Assignments: []model.Assignment{
		{Person: "P1", Title: tTruongThon, Unit: "V1", Main: true},
		{Person: "P2", Title: tBiThu, Unit: "V1", Main: true},
		{Person: "P3", Title: tTruongBan, Unit: "V1", Main: true},
	}}
	if d := model.DiffPlans(a, a); !d.Empty() || d.Text("en") != "No changes.\n" || d.Text("vi") != "Không có thay đổi.\n" {
		t.Errorf("a plan differs from itself: %+v", d)
	}
	b := model.Plan{Assignments: []model.Assignment{
		{Person: "P2", Title: tBiThu, Unit: "V1", Main: true},
		{Person: "P2", Title: tTruongThon, Unit: "V1"},
		{Person: "P4", Title: tTruongBan, Unit: "V1", Main: true},
		{Person: "P4", Title: tCongAn, Unit: "V1"},
	}}
	d := model.DiffPlans(a, b)
	want := model.PlanDiff{
		Changes: []model.HolderChange{
			{Unit: "V1", Title: tCongAn, After: []string{"P4"}},
			{Unit: "V1", Title: tTruongBan, Before: []string{"P3"}, After: []string{"P4"}},
			{Unit: "V1", Title: tTruongThon, Before: []string{"P1"}, After: []string{"P2"}},
		},
		Added:    []string{"P4"},
		Released: []string{"P1", "P3"},
	}
	if fmt.Sprint(d) != fmt.Sprint(want) {
		t.Errorf("DiffPlans = %+v\nwant %+v", d, want)
	}
	golden.Assert(t, filepath.Join("testdata", "plandiff", "diff.txt"), []byte(d.Text("en")+"\n"+d.Text("vi")))
}

func ExampleDiffPlans() {
	before := model.Plan{Assignments: []model.Assignment{
		{Person: "an", Title: "truong-thon", Unit: "thon-dong", Main: true},
		{Person: "binh", Title: "bi-thu-chi-bo", Unit: "thon-dong", Main: true},
		{Person: "cuong", Title: "truong-ban-ctmt", Unit: "thon-dong", Main: true},
	}}
	after := model.Plan{Assignments: []model.Assignment{
		{Person: "binh", Title: "bi-thu-chi-bo", Unit: "thon-dong", Main: true},
		{Person: "binh", Title: "truong-thon", Unit: "thon-dong"},
		{Person: "cuong", Title: "truong-ban-ctmt", Unit: "thon-dong", Main: true},
	}}
	d := model.DiffPlans(before, after)
	fmt.Print(d.Text("en"))
	fmt.Print(d.Text("vi"))
	// Output:
	// 1 title changes hands; 0 people added; 1 released
	// thon-dong truong-thon: an → binh
	// released: an
	// 1 chức danh đổi người giữ; thêm 0 người; 1 người thôi giữ chức danh
	// thon-dong truong-thon: an → binh
	// thôi giữ chức danh: an
}
