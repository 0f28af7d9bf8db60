package check

import "github.com/kiemnhiem/kiemnhiem/model"

// breachesVi is the Vietnamese of the checker's messages (the text after
// the rule in a breach); TestBreachCatalogue fails when one has none.
var breachesVi = model.Catalogue{
	"assigned the same title in the same unit twice": "được giao cùng một chức danh ở cùng đơn vị hai lần",
	"no unit %q":                      "không có đơn vị %q",
	"no title %q":                     "không có chức danh %q",
	"title %s is not held in unit %s": "chức danh %s không có ở đơn vị %s",
	"forbidden by the planner":        "người lập phương án đã cấm",
	"unknown person (neither in the scenario nor an allowed recruit)":              "người không rõ (không có trong phương án, cũng không phải người tuyển mới được phép)",
	"a recruit for %s may hold only titles of %s and of its commune":               "người tuyển mới cho %s chỉ được giữ chức danh của %s và của xã của nó",
	"lives and holds titles outside the scenario's communes":                       "sống và giữ chức danh ngoài các xã của phương án",
	"home commune is %s, not %s":                                                   "xã nơi ở là %s, không phải %s",
	"requirements not met: %s":                                                     "không đáp ứng yêu cầu: %s",
	"already holds title %s in %s":                                                 "đã giữ chức danh %s ở %s",
	"needs %d holder(s), has %d":                                                   "cần %d người giữ, có %d",
	"may not hold %s title %s together with %s title %s: %s (policy.levels)":       "không được giữ chức danh cấp %s %s cùng với chức danh cấp %s %s: %s (policy.levels)",
	"may not hold %s together with %s":                                             "không được giữ %s cùng với %s",
	"holds %d titles, at most %d allowed":                                          "giữ %d chức danh, cho phép nhiều nhất %d",
	"%.4g h a week > capacity %.4g h":                                              "%.4g giờ mỗi tuần > khả năng %.4g giờ",
	"elected until %s, must keep the title":                                        "được bầu đến %s, phải giữ chức danh",
	"pinned to the title but not given it":                                         "đã ghim vào chức danh nhưng không được giao",
	"%d people hold the commune's titles, cap %d":                                  "%d người giữ chức danh của xã, tối đa %d",
	"%d people hold the village's titles, cap %d":                                  "%d người giữ chức danh của thôn, tối đa %d",
	"allowances %s đồng a month > fund %s":                                         "phụ cấp %s đồng mỗi tháng > quỹ khoán %s",
	"a recruit is one person: no sex and age meet the requirements of %s together": "người tuyển mới là một người: không giới tính và độ tuổi nào đáp ứng cùng lúc yêu cầu của %s",
}
