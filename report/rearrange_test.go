package report

import (
	"strings"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/rearrange"
	"github.com/kiemnhiem/kiemnhiem/villageplan"
)

func TestResolution(t *testing.T) {
	vs := []rearrange.Village{
		{Code: "A", Name: "Đông", Type: model.Thon, Households: 1200},
		{Code: "B", Name: "Thôn Tây", Type: model.Thon, Households: 90},
		{Code: "C", Name: "Nam", Type: model.ToDanPho, Households: 30},
	}
	for _, tt := range []struct {
		name    string
		members []int
		hh      int
		lang    model.Lang
		want    string
	}{
		{"two, vi", []int{0, 1}, 1290, model.Vietnamese, "Nhập thôn Đông (1.200 hộ) và Thôn Tây (90 hộ) thành thôn Đông (1.290 hộ)."},
		{"three, vi", []int{0, 1, 2}, 1320, model.Vietnamese, "Nhập thôn Đông (1.200 hộ), Thôn Tây (90 hộ) và tổ dân phố Nam (30 hộ) thành thôn Đông (1.320 hộ)."},
		{"two, en", []int{0, 2}, 1230, model.English, "Merge village Đông (1,200 households) and residential group Nam (30 households) into village Đông (1,230 households)."},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := Resolution(vs, rearrange.Group{Members: tt.members, Households: tt.hh}, tt.lang)
			if got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

// rearranged solves one small commune and summarises it.
func rearranged(t *testing.T, vs []rearrange.Village) *RearrangeSummary {
	t.Helper()
	c := &rearrange.Commune{Code: "X", Name: "Xã X", Villages: vs}
	opt := rearrange.Options{MaxMerge: 3}
	p, err := rearrange.Solve(t.Context(), c, opt)
	if err != nil {
		t.Fatal(err)
	}
	floors := make([]model.VillageFloor, len(vs))
	for i, v := range vs {
		floors[i] = model.VillageFloor{Full: v.Floor, Floor: v.Floor, Exempt: v.Exempt}
	}
	u := &model.Unit{Code: "X", Name: "Xã X", Level: model.Commune}
	r := &villageplan.Result{Scenario: &model.Scenario{Name: "s"}, Options: villageplan.Options{MaxMerge: opt.MaxMerge},
		Communes: []villageplan.Commune{{Unit: u, Commune: c, Floors: floors, Options: opt, Plan: p}}}
	return NewRearrangeSummary(r, model.English)
}

func TestRearrangeSummaryBands(t *testing.T) {
	for _, tt := range []struct {
		name          string
		hh            []int
		before, after Bands
		below         int
	}{
		{"one merge", []int{400, 100, 300}, Bands{Villages: 3, Meets: 1, Half: 1, UnderHalf: 1}, Bands{Villages: 2, Meets: 2}, 0},
		{"too few", []int{100, 50}, Bands{Villages: 2, UnderHalf: 2}, Bands{Villages: 2, UnderHalf: 2}, 2},
		{"all meet", []int{350, 500}, Bands{Villages: 2, Meets: 2}, Bands{Villages: 2, Meets: 2}, 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var vs []rearrange.Village
			for i, h := range tt.hh {
				vs = append(vs, rearrange.Village{Code: string(rune('A' + i)), Name: string(rune('A' + i)), Type: model.Thon, Households: h, Floor: 350})
			}
			sum := rearranged(t, vs)
			tt.before.shares()
			tt.after.shares()
			if sum.BandsBefore != tt.before || sum.BandsAfter != tt.after {
				t.Errorf("bands %+v -> %+v, want %+v -> %+v", sum.BandsBefore, sum.BandsAfter, tt.before, tt.after)
			}
			if len(sum.Below) != tt.below {
				t.Errorf("%d below their floor, want %d", len(sum.Below), tt.below)
			}
			if len(sum.Mapping) != len(vs) {
				t.Errorf("%d mapping rows, want %d", len(sum.Mapping), len(vs))
			}
			tbl := BandsTable(sum)
			if len(tbl.Rows) != 2 || tbl.Rows[1][1].Text != "Province total" {
				t.Errorf("bands table rows %v", tbl.Rows)
			}
			csv, err := MappingTable(sum).CSV()
			if err != nil || !strings.HasPrefix(string(csv), "commune,commune_name,village") {
				t.Errorf("mapping CSV %q, %v", csv, err)
			}
			if _, err := DossierXLSX(sum, nil); err != nil {
				t.Error(err)
			}
		})
	}
}

func TestSheetNames(t *testing.T) {
	used := map[string]bool{}
	for _, tt := range []struct{ in, want string }{
		{"42001 Phường Mỹ Sơn", "42001 Phường Mỹ Sơn"},
		{"1 a/b:c[d]", "1 a-b-c-d-"},
		{"12345 Xã Một Hai Ba Bốn Năm Sáu Bảy Tám", "12345 Xã Một Hai Ba Bốn Năm Sáu"},
		{"12345 Xã Một Hai Ba Bốn Năm Sáu Bảy Chín", "12345 Xã Một Hai Ba Bốn Năm (2)"},
	} {
		if got := uniqueSheet(sheetName(tt.in), used); got != tt.want {
			t.Errorf("sheet of %q = %q, want %q", tt.in, got, tt.want)
		}
	}
}
