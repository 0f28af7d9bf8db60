package report

import (
	"strings"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// TestActivityTextsBothLanguages checks every period and basis an activity
// may have is named in Vietnamese and English.
func TestActivityTextsBothLanguages(t *testing.T) {
	for _, s := range model.PeriodNames() {
		p, _ := model.ParsePeriod(s)
		if tx := periodTexts[p]; tx.Vi == "" || tx.En == "" {
			t.Errorf("period %s lacks a text: %+v", s, tx)
		}
	}
	for _, s := range model.BasisNames() {
		b, _ := model.ParseBasis(s)
		if tx := basisTexts[b]; tx.Vi == "" || tx.En == "" {
			t.Errorf("basis %s lacks a text: %+v", s, tx)
		}
	}
}

func TestActivityParameters(t *testing.T) {
	ti := &model.Title{ID: "truong-thon", Workload: model.Workload{ActivityTable: model.ActivityTable{
		WorkingWeeks: 47.4, SupportShare: 0.21, Source: "WISN",
		Activities: []model.Activity{
			{ID: "meeting", Name: model.Text{Vi: "Họp", En: "Meeting"}, Times: 2, Period: model.PerYear, Hours: 8, Source: "law"},
			{ID: "visits", Name: model.Text{Vi: "Thăm", En: "Visits"}, Times: 1, Period: model.PerQuarter, Each: model.EachVillage, UpTo: 40, Hours: 2, Travel: true, Source: "assumption: x"},
		}}}}
	tests := []struct {
		lang model.Lang
		want []string
	}{
		{model.English, []string{"a table of 2 activities (WISN), 47.4 working weeks a year, support share 0.21", "Meeting: 2 times a year for each unit, 8 h each",
			"Visits: 1 times a quarter for each village, 2 h each (counted up to 40), plus the trip"}},
		{model.Vietnamese, []string{"bảng 2 hoạt động (WISN), 47,4 tuần làm việc/năm, tỷ lệ hoạt động hỗ trợ 0,21", "Họp: 2 lần mỗi năm cho mỗi đơn vị, 8 giờ mỗi lần",
			"Thăm: 1 lần mỗi quý cho mỗi thôn, 2 giờ mỗi lần (tính đến 40), cộng thời gian đi lại"}},
	}
	for _, tt := range tests {
		ps := activityParameters(ti, tt.lang)
		if len(ps) != 3 {
			t.Fatalf("%d parameters, want 3", len(ps))
		}
		for i, w := range tt.want {
			if !strings.Contains(ps[i].Value, w) {
				t.Errorf("%v parameter %d = %q, want %q", tt.lang, i, ps[i].Value, w)
			}
		}
		if ps[2].Name != "titles.truong-thon.workload.activities.visits" || ps[2].Source != "assumption: x" {
			t.Errorf("row parameter = %+v", ps[2])
		}
	}
}
