package tables

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReadPlanFile(t *testing.T) {
	rosterHead := "Mã cán bộ,Họ và tên,Ngày sinh,Giới tính,Trình độ,Đảng viên,Nơi cư trú,Số giờ mỗi tuần,Chức danh 1,Mã đơn vị 1,Chức danh chính 1,Chức danh 2,Mã đơn vị 2,Chức danh chính 2,Trạng thái\n"
	tests := []struct {
		name, src string
		want      []string // person:title@unit, * for main
		err       string
	}{
		{"plan table", "unit,unit_name,title,title_name,person,person_name,role\n00127-01,,truong-thon,,P1,,main\n00127-01,,bi-thu-chi-bo,,P1,,concurrent\n",
			[]string{"P1:bi-thu-chi-bo@00127-01", "P1:truong-thon@00127-01*"}, ""},
		{"plan table in Vietnamese", "Mã đơn vị,Tên đơn vị,Mã chức danh,Chức danh,Mã cán bộ,Họ và tên,Vai trò\n00127-01,,truong-thon,,P1,,chính\n",
			[]string{"P1:truong-thon@00127-01*"}, ""},
		{"bad role", "unit,title,person,role\n00127-01,truong-thon,P1,boss\n", nil, "plan.csv:2:4: role: expected main or concurrent"},
		{"roster, second title main", rosterHead + "P1,An,15/03/1980,nam,đại học,có,00127-01,40,Bí thư chi bộ,00127-01,không,Trưởng thôn,00127-01,có,tiếp tục\n",
			[]string{"P1:bi-thu-chi-bo@00127-01", "P1:truong-thon@00127-01*"}, ""},
		{"roster, a recruit and two holders of a seat", rosterHead +
			"P1,An,15/03/1980,nam,đại học,có,00127-01,40,Trưởng thôn,00127-01,,,,,tiếp tục\n" +
			"P2,Bình,15/03/1981,nữ,đại học,có,00127-01,40,Trưởng thôn,00127-01,,,,,tiếp tục\n" +
			"NEW-00127-02-1,Người mới tuyển,,,,,,,Trưởng thôn,00127-02,có,,,,tuyển mới\n",
			[]string{"P1:truong-thon@00127-01*", "P2:truong-thon@00127-01*", "NEW-00127-02-1:truong-thon@00127-02*"}, ""},
		{"roster, unknown title", rosterHead + "P1,An,15/03/1980,nam,đại học,có,00127-01,40,Chủ tịch,00127-01,,,,,\n", nil, `no title "Chủ tịch"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "plan.csv")
			if err := os.WriteFile(path, []byte(tc.src), 0o644); err != nil {
				t.Fatal(err)
			}
			plan, err := ReadPlanFile(path, viUnits(), viTitles(), 0)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Errorf("error %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, a := range plan.Assignments {
				s := a.Person + ":" + a.Title + "@" + a.Unit
				if a.Main {
					s += "*"
				}
				got = append(got, s)
			}
			if strings.Join(got, " ") != strings.Join(tc.want, " ") {
				t.Errorf("plan %q, want %q", got, tc.want)
			}
		})
	}
}
