package scenarios

import (
	"strings"

	"github.com/kiemnhiem/kiemnhiem/model"
	"github.com/kiemnhiem/kiemnhiem/tables"
)

// errorsVi is the Vietnamese of the messages of scenarios (formats, and
// the phrases they take as arguments, such as the ranges of
// resolve_ranges.go); TestErrorCatalogue fails when a message has none.
// A format that only passes on a message ("%s") keeps it as its source
// wrote it.
var errorsVi = tables.Catalogue{
	"%s": "%s",

	// Reading and parsing the file.
	"cannot read scenario: %s": "không đọc được phương án: %s",
	"cannot read %s: %s":       "không đọc được %s: %s",
	"too large: %d bytes, more than the limit of 256 KiB for a scenario":                          "quá lớn: %d byte, vượt giới hạn 256 KiB của một phương án",
	"a scenario file holds one YAML document; found several":                                      "một tệp phương án chứa một tài liệu YAML; tìm thấy nhiều tài liệu",
	"empty scenario file: expected a mapping with at least policy or extends":                     "tệp phương án rỗng: cần một ánh xạ có ít nhất policy hoặc extends",
	"expected a mapping of scenario fields (name, extends, date, policy, dynamics, titles, data)": "cần một ánh xạ các trường của phương án (name, extends, date, policy, dynamics, titles, data)",
	"unknown field %q (expected one of: %s)":                                                      "trường không có %q (cần một trong: %s)",
	"unknown field %q":                                                                            "trường không có %q",
	"expected %s, got %s":                                                                         "cần %s, nhận được %s",
	"expected %s, got %d":                                                                         "cần %s, nhận được %d",
	"expected %s, got %q":                                                                         "cần %s, nhận được %q",
	"number %s is out of range for %s":                                                            "số %s nằm ngoài phạm vi của %s",
	"duplicate key: %s":                                                                           "khoá trùng: %s",
	"YAML syntax: %s":                                                                             "lỗi cú pháp YAML: %s",
	"duplicate key %q (first given at %s)":                                                        "khoá trùng %q (đã có ở %s)",
	"nested more than %s levels deep: a scenario file is a few levels deep":                       "lồng sâu hơn %s cấp: một tệp phương án chỉ sâu vài cấp",
	"too many values under long keys (the YAML parser would need more than 32 MiB for their paths): the keys of a scenario are short field names": "quá nhiều giá trị dưới các khoá dài (bộ đọc YAML sẽ cần hơn 32 MiB cho đường dẫn của chúng): khoá của một phương án là tên trường ngắn",
	"YAML tags (%s) are not supported: write the value without it":                                                                                "không hỗ trợ thẻ YAML (%s): hãy viết giá trị không có thẻ",
	"the YAML library failed on this file (%v); please report it with the file":                                                                   "thư viện YAML bị lỗi với tệp này (%v); xin hãy báo lỗi kèm tệp",
	"text":               "văn bản",
	"true or false":      "true hoặc false",
	"a whole number":     "một số nguyên",
	"a whole number ≥ 0": "một số nguyên ≥ 0",
	"a number":           "một số",
	"a list":             "một danh sách",
	"a mapping":          "một ánh xạ",
	"nothing":            "không có gì",

	// Extends, names, dates.
	"expected a preset name or a file path, got nothing":                                "cần tên một phương án có sẵn hoặc đường dẫn tệp, không nhận được gì",
	"extends cycle: %s → %s":                                                            "extends lặp vòng: %s → %s",
	"more than %d levels of extends":                                                    "hơn %d cấp extends",
	"required: a date YYYY-MM-DD":                                                       "bắt buộc: một ngày dạng YYYY-MM-DD",
	"expected a date YYYY-MM-DD, got %q":                                                "cần một ngày dạng YYYY-MM-DD, nhận được %q",
	"expected a date in the years %d to %d, got %q":                                     "cần một ngày trong các năm %d đến %d, nhận được %q",
	"expected a non-empty name":                                                         "cần một tên không rỗng",
	"required: the plan date YYYY-MM-DD, in this file or one it extends":                "bắt buộc: ngày của phương án dạng YYYY-MM-DD, trong tệp này hoặc tệp nó mở rộng",
	"the plan date %s is before the first value of %s":                                  "ngày của phương án %s trước giá trị đầu tiên của %s",
	"expected at least one dated value {from, value, source}":                           "cần ít nhất một giá trị có ngày {from, value, source}",
	"required: a list of {from, value, source}, in this file or one it extends":         "bắt buộc: một danh sách {from, value, source}, trong tệp này hoặc tệp nó mở rộng",
	"required: the legal source (decree and article) or \"assumption: …\"":              "bắt buộc: căn cứ pháp lý (nghị định và điều) hoặc \"assumption: …\" (giả định)",
	"required: the value in force from %s":                                              "bắt buộc: giá trị có hiệu lực từ %s",
	"dates out of order: %s is not after %s (entries must be in increasing date order)": "ngày không theo thứ tự: %s không sau %s (các mục phải theo ngày tăng dần)",
	"required: one of below_households (the threshold rule), rearrange (the rearrangement planner) or mapping (a decided plan)": "bắt buộc: một trong below_households (quy tắc ngưỡng số hộ), rearrange (bộ lập phương án sắp xếp) hoặc mapping (phương án đã quyết định)",
	"give one of below_households, rearrange or mapping, not several":                                                           "chỉ ghi một trong below_households, rearrange hoặc mapping",
	"rules go with mapping (a decided plan); rearrange gives its own max_merge, goal and adjacency":                             "rules chỉ đi cùng mapping (phương án đã quyết định); rearrange tự ghi max_merge, goal và adjacency của nó",
	"%s: village %s of commune %s cannot merge into %s of commune %s: villages merge within their commune":                      "%s: thôn %s của xã %s không thể nhập vào %s của xã %s: chỉ sắp xếp các thôn trong cùng một xã",
	"%s: %s is not a village of the scenario's data":                                                                            "%s: %s không phải là thôn trong dữ liệu của phương án",
	"expected the path of a village mapping (CSV or XLSX), got a blank":                                                         "cần đường dẫn tệp phương án sắp xếp thôn (CSV hoặc XLSX), nhận được ô trống",
	"a merger on %s is before the scenario's date %s: mergers are events of the simulation, on or after its start":              "đợt sáp nhập ngày %s trước ngày của phương án %s: sáp nhập là sự kiện của mô phỏng, từ ngày bắt đầu trở đi",
	"a number of villages from 1 to 8":                                                                                          "một số thôn từ 1 đến 8",
	"dates out of order: %s is not after %s (mergers must be in increasing date order, one per date)":                           "ngày không theo thứ tự: %s không sau %s (các đợt sáp nhập phải theo ngày tăng dần, mỗi ngày một đợt)",
	"years out of order: %d is not after %d":                                                                                    "năm không theo thứ tự: %d không sau %d",
	"expected one non-empty line: the description in Vietnamese":                                                                "cần một dòng không rỗng: phần mô tả bằng tiếng Việt",
	"required: %s, the short name in %s (display: {vi: ..., en: ...})":                                                          "bắt buộc: %s, tên ngắn bằng %s (display: {vi: ..., en: ...})",
	"expected one non-empty line, got %q":                                                                                       "cần một dòng không rỗng, nhận được %q",
	"expected at most %d characters (it names the scenario in chart legends), got %d":                                           "cần nhiều nhất %d ký tự (tên này ghi phương án trong chú giải biểu đồ), nhận được %d",

	// Titles.
	"the scenario defines no titles":                                                                       "phương án không định nghĩa chức danh nào",
	"no title %q in the resolved scenario%s (titles: %s)":                                                  "không có chức danh %q trong phương án đã gộp%s (các chức danh: %s)",
	"expected a %s title, got %q, a %s title":                                                              "cần một chức danh cấp %s, nhận được %q, một chức danh cấp %s",
	"cannot remove title %q: no scenario this one extends defines it":                                      "không bỏ được chức danh %q: không phương án nào mà phương án này mở rộng định nghĩa nó",
	"required: id, the title's key (lowercase letters, digits and -)":                                      "bắt buộc: id, khoá của chức danh (chữ thường, chữ số và -)",
	"expected lowercase letters, digits and -, got %q":                                                     "cần chữ thường, chữ số và -, nhận được %q",
	"title %q is already defined at titles[%d] in this file":                                               "chức danh %q đã được định nghĩa ở titles[%d] trong tệp này",
	"a removed title takes no other fields":                                                                "một chức danh bị bỏ không nhận trường nào khác",
	"unit type %s is at level %s, not the title's level %s":                                                "loại đơn vị %s thuộc cấp %s, không phải cấp %s của chức danh",
	"expected any, male or female, got %q":                                                                 "cần any, male hoặc female (bất kỳ, nam, nữ), nhận được %q",
	"max_age %d is below min_age %d":                                                                       "max_age %d nhỏ hơn min_age %d",
	"expected appointed or elected, got %q":                                                                "cần appointed hoặc elected (bổ nhiệm, bầu cử), nhận được %q",
	"months and anchor apply only to elected titles":                                                       "months và anchor chỉ dùng cho chức danh bầu cử",
	"title %q is listed twice":                                                                             "chức danh %q có hai lần",
	"from applies only to an entry of changes (the title's fields from a date)":                            "from chỉ dùng trong một mục của changes (các trường của chức danh từ một ngày)",
	"a change cannot set %s: it changes the fields of the title it is in":                                  "một thay đổi không đặt được %s: nó thay các trường của chức danh chứa nó",
	"changes[%d] already changes the title on %s":                                                          "changes[%d] đã thay chức danh vào ngày %s",
	"required: where the change comes from (decree, or \"assumption: …\")":                                 "bắt buộc: căn cứ của thay đổi (nghị định, hoặc \"assumption: …\")",
	"expected an organisation, one of %s, got %q":                                                          "cần một tổ chức, một trong %s, nhận được %q",
	"organisation %s is listed twice":                                                                      "tổ chức %s có hai lần",
	"expected where the requirements come from (decree, charter, or \"assumption: …\"), got an empty text": "cần căn cứ của các yêu cầu (nghị định, điều lệ, hoặc \"assumption: …\"), nhận được văn bản rỗng",

	// Activities and workload.
	"required: the activity's id, unique in the table":                                             "bắt buộc: id của hoạt động, không trùng trong bảng",
	"required: the activity's name {vi, en}":                                                       "bắt buộc: tên hoạt động {vi, en}",
	"required: the period the count recurs in (%s)":                                                "bắt buộc: chu kỳ lặp lại của số lần (%s)",
	"expected one of %s, got %q":                                                                   "cần một trong %s, nhận được %q",
	"required: where the frequency and the time come from (charter, decree, or \"assumption: …\")": "bắt buộc: căn cứ của tần suất và thời gian (điều lệ, nghị định, hoặc \"assumption: …\")",
	"expected either the linear form {base, per_1000_households, per_km2, area_cap_km2} or an activity table {activities, travel_kmh}, got both": "cần hoặc dạng tuyến tính {base, per_1000_households, per_km2, area_cap_km2} hoặc một bảng hoạt động {activities, travel_kmh}, nhận được cả hai",
	"required: hours per week in any unit (or an activity table: activities)":                                                                    "bắt buộc: số giờ mỗi tuần ở đơn vị bất kỳ (hoặc một bảng hoạt động: activities)",
	"required: where the table's travel speeds, working weeks and support share come from (or \"assumption: …\")":                                "bắt buộc: căn cứ của tốc độ đi lại, số tuần làm việc và tỷ lệ hỗ trợ trong bảng (hoặc \"assumption: …\")",
	"required: at least one activity {id, name, times, per, each, hours, source}":                                                                "bắt buộc: ít nhất một hoạt động {id, name, times, per, each, hours, source}",
	"activity %q is already row %d of this table":                                                                                                "hoạt động %q đã là dòng %d của bảng này",
	"a row with travel needs the table's travel_kmh (the speed of its trips)":                                                                    "một dòng có đi lại cần travel_kmh của bảng (tốc độ các chuyến đi)",

	// Congresses and elections.
	"required: an elected title needs an election date (anchor), or congresses of its organisation %s at level %s": "bắt buộc: một chức danh bầu cử cần ngày bầu (anchor), hoặc các kỳ đại hội của tổ chức %s ở cấp %s",
	"required: one of %s":                                  "bắt buộc: một trong %s",
	"expected one of %s, got %q%s":                         "cần một trong %s, nhận được %q%s",
	"required: commune or village (or province, district)": "bắt buộc: commune hoặc village (hoặc province, district)",
	"required: where the date comes from (charter, resolution, or \"assumption: …\")": "bắt buộc: căn cứ của ngày (điều lệ, nghị quyết, hoặc \"assumption: …\")",
	"congresses[%d] already lists %s %s congresses on %s":                             "congresses[%d] đã có đại hội %s %s vào ngày %s",

	// Data.
	"title %s would need %d holders in %s %s (population %d); at most %d: raise holders.per_population or set holders.max": "chức danh %s sẽ cần %d người giữ ở %s %s (dân số %d); nhiều nhất %d: hãy tăng holders.per_population hoặc đặt holders.max",
	"expected a file path": "cần một đường dẫn tệp",
	"vintage selects the synthetic generator; it cannot be given with file":                                             "vintage chọn bộ sinh dữ liệu tổng hợp; không dùng cùng file được",
	"expected a 2-digit GSO province code such as \"01\", got %q":                                                       "cần một mã tỉnh GSO 2 chữ số như \"01\", nhận được %q",
	"expected a 3-digit GSO district code such as \"001\", got %q":                                                      "cần một mã huyện GSO 3 chữ số như \"001\", nhận được %q",
	"sheet applies only to an .xlsx people file":                                                                        "sheet chỉ dùng cho tệp người dạng .xlsx",
	"vintage selects the synthetic generator; this scenario reads units from %s":                                        "vintage chọn bộ sinh dữ liệu tổng hợp; phương án này đọc đơn vị từ %s",
	"expected the path of a villages table (CSV or XLSX)":                                                               "cần đường dẫn một bảng thôn (CSV hoặc XLSX)",
	"sheet applies only to an .xlsx villages file":                                                                      "sheet chỉ dùng cho tệp thôn dạng .xlsx",
	"village %s of %s has the code of a %s of the units; give it a code of its own":                                     "thôn %s của %s trùng mã với một %s trong các đơn vị; hãy cho thôn một mã riêng",
	"%d communes of the scenario have no villages in %s: their villages are generated (%d communes read from the file)": "%d xã của phương án không có thôn trong %s: thôn của các xã này được sinh ra (%d xã đọc từ tệp)",

	// Policy.
	"required when recruitment is allowed: the one-off cost of a recruit in đồng":        "bắt buộc khi cho phép tuyển mới: chi phí một lần cho mỗi người tuyển mới, tính bằng đồng",
	"max_per_unit and cost apply only when allowed is true":                              "max_per_unit và cost chỉ dùng khi allowed là true",
	"required: the age at which a recruit starts, %d to %d":                              "bắt buộc: tuổi bắt đầu của người tuyển mới, từ %d đến %d",
	"expected 0 (no maximum) or an age from %d to %d, got %d":                            "cần 0 (không giới hạn) hoặc một tuổi từ %d đến %d, nhận được %d",
	"expected an age from %d to %d, got %d":                                              "cần một tuổi từ %d đến %d, nhận được %d",
	"required: true or false":                                                            "bắt buộc: true hoặc false",
	"required: standards for xa, xa_mountainous, urban_district_ward, ward and township": "bắt buộc: tiêu chuẩn cho xa, xa_mountainous, urban_district_ward, ward và township",
	"required: %s %s":                                                     "bắt buộc: %s %s",
	"required: %s":                                                        "bắt buộc: %s",
	"required: any, allowed or forbidden":                                 "bắt buộc: any, allowed hoặc forbidden (bất kỳ, cho phép, cấm)",
	"expected any, allowed or forbidden, got %q":                          "cần any, allowed hoặc forbidden (bất kỳ, cho phép, cấm), nhận được %q",
	"pairs have no effect with mode any; use allowed or forbidden":        "pairs không có tác dụng với mode any; hãy dùng allowed hoặc forbidden",
	"expected a pair of two title ids, got %d":                            "cần một cặp hai mã chức danh, nhận được %d",
	"a title cannot be paired with itself (%q)":                           "một chức danh không ghép cặp được với chính nó (%q)",
	"required: which commune titles may be held with village titles (%s)": "bắt buộc: những chức danh cấp xã nào được kiêm với chức danh cấp thôn (%s)",
	"required with commune_with_village: only: the commune title ids that may be held with village titles":       "bắt buộc với commune_with_village: only: mã các chức danh cấp xã được kiêm với chức danh cấp thôn",
	"titles apply only with commune_with_village: only, not %s":                                                  "titles chỉ dùng với commune_with_village: only, không phải %s",
	"expected a table of {year, men, women} rows":                                                                "cần một bảng các dòng {year, men, women}",
	"required: an age such as 61y6m":                                                                             "bắt buộc: một tuổi như 61y6m",
	"expected an age such as 62y or 56y8m, got %q":                                                               "cần một tuổi như 62y hoặc 56y8m, nhận được %q",
	"required: which level comes first (%s)":                                                                     "bắt buộc: cấp nào được ưu tiên trước (%s)",
	"required with order %s: the years of allowances the net cost counts, with discount_rate and insurance_rate": "bắt buộc với order %s: số năm phụ cấp mà chi phí ròng tính, cùng discount_rate và insurance_rate",

	// Village floors (Decree 185/2026).
	"required: the region's name {vi, en}":                                        "bắt buộc: tên vùng {vi, en}",
	"region %q is listed twice":                                                   "vùng %q có hai lần",
	"required: at least one province {province, region}":                          "bắt buộc: ít nhất một tỉnh {province, region}",
	"unknown region %q (want one of the ids under %s.regions)":                    "vùng không có %q (cần một trong các id dưới %s.regions)",
	"expected a flag name (%s), got %q":                                           "cần tên một cờ (%s), nhận được %q",
	"expected at least one of thon, to_dan_pho, exempt_share":                     "cần ít nhất một trong thon, to_dan_pho, exempt_share",
	"required: a two-digit GSO province code such as \"01\"":                      "bắt buộc: một mã tỉnh GSO hai chữ số như \"01\"",
	"expected a two-digit GSO province code such as \"01\", got %q":               "cần một mã tỉnh GSO hai chữ số như \"01\", nhận được %q",
	"province %q is listed twice":                                                 "tỉnh %q có hai lần",
	"required: an id of lower-case letters, digits and hyphens":                   "bắt buộc: một id gồm chữ thường, chữ số và dấu gạch nối",
	"no village_floors in force on %s: a province's floors lie over its region's": "không có village_floors nào có hiệu lực vào ngày %s: mức sàn của tỉnh đặt chồng lên mức sàn của vùng",
	"province %q is in no region of the village_floors in force on %s":            "tỉnh %q không thuộc vùng nào của village_floors có hiệu lực vào ngày %s",
	"expected a date after transition_from %s, got %s":                            "cần một ngày sau transition_from %s, nhận được %s",
	"required: at least one region {id, name, thon, to_dan_pho}":                  "bắt buộc: ít nhất một vùng {id, name, thon, to_dan_pho}",

	// Ranges (resolve_ranges.go).
	"a count from 0 to 100000000":                                  "một số đếm từ 0 đến 100000000",
	"a multiple of the base salary from 0 to 1000":                 "một hệ số của mức lương cơ sở từ 0 đến 1000",
	"a multiple of the base salary from 0 to 20":                   "một hệ số của mức lương cơ sở từ 0 đến 20",
	"a multiple of the standard from 0.01 to 1000":                 "một bội số của tiêu chuẩn từ 0.01 đến 1000",
	"a number of months from 0 to 120":                             "một số tháng từ 0 đến 120",
	"a number of months from 0 to 1200":                            "một số tháng từ 0 đến 1200",
	"a number of months from 0 to 24":                              "một số tháng từ 0 đến 24",
	"a number of months from 1 to 120":                             "một số tháng từ 1 đến 120",
	"a number of occurrences per period above 0 and at most 10000": "một số lần mỗi chu kỳ lớn hơn 0 và nhiều nhất 10000",
	"a number of weeks a year from 1 to 53":                        "một số tuần mỗi năm từ 1 đến 53",
	"a number of years from 0 to 100":                              "một số năm từ 0 đến 100",
	"a number per thousand residents from 0 to 1000":               "một số trên một nghìn nhân khẩu từ 0 đến 1000",
	"a probability between 0 and 1":                                "một xác suất từ 0 đến 1",
	"a share of the allowance from 0 to 1 (0.14 = 14 %)":           "một tỷ lệ của phụ cấp từ 0 đến 1 (0.14 = 14 %)",
	"a share of the concurrent title's allowance between 0 and 1":  "một tỷ lệ của phụ cấp chức danh kiêm nhiệm từ 0 đến 1",
	"a share of the floor between 0 and 1":                         "một tỷ lệ của mức sàn từ 0 đến 1",
	"a share of working time from 0 to 0.9":                        "một tỷ lệ thời gian làm việc từ 0 đến 0.9",
	"a speed in km/h from 1 to 200":                                "một tốc độ tính bằng km/h từ 1 đến 200",
	"a whole number from 0 to 1000":                                "một số nguyên từ 0 đến 1000",
	"a whole number from 0 to 100000000":                           "một số nguyên từ 0 đến 100000000",
	"a whole number from 1 to 100":                                 "một số nguyên từ 1 đến 100",
	"a whole number from 1 to 100000000":                           "một số nguyên từ 1 đến 100000000",
	"a whole number from 1 to 20":                                  "một số nguyên từ 1 đến 20",
	"a whole number from 1 to 50":                                  "một số nguyên từ 1 đến 50",
	"a whole number of holders from 0 to 50":                       "một số nguyên người giữ từ 0 đến 50",
	"a whole number of households from 1 to 100000":                "một số nguyên hộ từ 1 đến 100000",
	"a whole number of households from 20 to 100000":               "một số nguyên hộ từ 20 đến 100000",
	"a whole number of residents from 1000 to 100000000":           "một số nguyên nhân khẩu từ 1000 đến 100000000",
	"a whole number of years from 1 to 50":                         "một số nguyên năm từ 1 đến 50",
	"a year from 1900 to 2100":                                     "một năm từ 1900 đến 2100",
	"a yearly rate above -1 and ≤ 1 (0.01 = 1 % a year)":           "một tỷ lệ hằng năm lớn hơn -1 và ≤ 1 (0.01 = 1 % một năm)",
	"a yearly rate from 0 to 0.5 (0.03 = 3 % a year)":              "một tỷ lệ hằng năm từ 0 đến 0.5 (0.03 = 3 % một năm)",
	"an age from 0 to 100":                                         "một tuổi từ 0 đến 100",
	"an amount in đồng from 0 to 10000000000":                      "một số tiền tính bằng đồng từ 0 đến 10000000000",
	"an amount in đồng per month from 1 to 100000000":              "một số tiền tính bằng đồng mỗi tháng từ 1 đến 100000000",
	"an area in km² from 0 to 100000":                              "một diện tích tính bằng km² từ 0 đến 100000",
	"an income in đồng per month from 1 to 1000000000":             "một thu nhập tính bằng đồng mỗi tháng từ 1 đến 1000000000",
	"hours per occurrence from 0 to 2000":                          "số giờ mỗi lần từ 0 đến 2000",
	"hours per week from 0 to 168":                                 "số giờ mỗi tuần từ 0 đến 168",
	"log-odds per unit from 0 to 100":                              "log-odds trên mỗi đơn vị từ 0 đến 100",
	"months of salary from 0 to 12":                                "số tháng lương từ 0 đến 12",
}

// oneOf lists names as the alternatives of a message, "a, b or c" in
// English and "a, b hoặc c" in Vietnamese (the names themselves are the
// file's words and stay as they are).
func oneOf(names []string) model.Text {
	join := func(or string) string {
		if len(names) < 2 {
			return strings.Join(names, "")
		}
		return strings.Join(names[:len(names)-1], ", ") + or + names[len(names)-1]
	}
	return model.Text{En: join(" or "), Vi: join(" hoặc ")}
}
