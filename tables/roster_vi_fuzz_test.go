package tables

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzReadPeopleVietnamese reads rosters with Vietnamese headers and title
// names: a read never panics, fails only with positioned table errors, and
// every holding it accepts names a title ID of the scenario (never a name).
func FuzzReadPeopleVietnamese(f *testing.F) {
	f.Add(viRoster)
	f.Add("Mã cán bộ,ma can bo\n1,2\n")
	f.Add("STT,Họ và tên,Ngày sinh,Giới tính,Trình độ,Đảng viên,Nơi cư trú,Số giờ mỗi tuần,Chức danh 1,Mã đơn vị 1\n1,A,15/03/1980,nam,đại học,có,00127-01,40,Truong thn,127\n")
	f.Add("STT,Chức danh 999,Mã xã 999,Trạng thái\n1,x,y,tuyển mới\n")
	f.Add("STT,Họ và tên,Ngày sinh,Giới tính,Trình độ,Đảng viên,Nơi cư trú,Số giờ mỗi tuần,Ngày bố trí về thôn (nguyên người HĐKCT cấp xã),Chức danh 1,Mã đơn vị 1\n1,A,15/03/1980,nam,đại học,có,00127-01,40,01/08/2025,Trưởng thôn,00127-01\n2,B,15/03/1980,nam,đại học,có,00127-01,40,x,,\n")
	ids := map[string]bool{}
	for _, t := range viTitles() {
		ids[t.ID] = true
	}
	check := CheckPeople(viUnits(), viTitles(), 0, nil)
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > fuzzMaxInput {
			t.Skip("input over 64 KiB")
		}
		people, err := ReadPeople(strings.NewReader(src), "f.csv", check)
		if err != nil {
			requireTableError(t, err)
			return
		}
		for _, p := range people {
			for _, h := range p.Holdings {
				if !ids[h.Title] {
					t.Errorf("accepted holding of %q, not a title ID", h.Title)
				}
			}
		}
	})
}

// FuzzReadPlanFile reads plan files in either shape: no panic, and errors
// are positioned table errors.
func FuzzReadPlanFile(f *testing.F) {
	f.Add("unit,title,person,role\n00127-01,truong-thon,P1,main\n00127-01,bi-thu-chi-bo,P1,kiêm nhiệm\n")
	f.Add("unit,title,person,role\n,,,boss\n")
	f.Add(viRoster)
	f.Add("Mã cán bộ,Họ và tên,Chức danh 1,Mã đơn vị 1,Trạng thái\nNEW-00127-01-1,Người mới tuyển,Trưởng thôn,00127-01,tuyển mới\n")
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > fuzzMaxInput {
			t.Skip("input over 64 KiB")
		}
		path := filepath.Join(dir, "plan.csv")
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		plan, err := ReadPlanFile(path, viUnits(), viTitles(), 0)
		if err != nil {
			requireTableError(t, err)
			return
		}
		for _, a := range plan.Assignments {
			if a.Person == "" && a.Unit == "" && a.Title == "" {
				t.Errorf("empty assignment accepted from %q", src)
			}
		}
	})
}
