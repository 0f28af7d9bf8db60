package report

import "github.com/kiemnhiem/kiemnhiem/model"

// scheduleColumnsVi is the Vietnamese header of schedule.csv, column for
// column as scheduleColumns.
var scheduleColumnsVi = []string{"Ngày", "Mã đơn vị", "Tên đơn vị", "Mã chức danh", "Chức danh", "Tổ chức",
	"Người giữ trước", "Người giữ sau", "Mã lý do", "Lý do", "Người nhận chức danh", "Người thôi giữ chức danh",
	"Số người sau thay đổi", "Phụ cấp mỗi tháng sau thay đổi (đồng)"}

// scheduleHeader is schedule.csv's header in lang: the keys in English,
// the Vietnamese names otherwise.
func scheduleHeader(lang model.Lang) []string {
	if lang == model.English {
		return scheduleColumns
	}
	return scheduleColumnsVi
}
