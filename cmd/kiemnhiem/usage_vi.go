package main

import (
	"fmt"
	"strings"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// usageVi is every usage error of the command in Vietnamese, by its
// English format; TestUsageCatalogue fails when a usagef format has none.
var usageVi = map[string]string{
	"check needs exactly one SCENARIO":    "check cần đúng một KỊCH BẢN",
	"check needs --plan FILE":             "check cần --plan TỆP",
	"template takes at most one SCENARIO": "template nhận nhiều nhất một KỊCH BẢN",
	"template needs --out DIR":            "template cần --out THƯ_MỤC",
	"%s is the world of another scenario as it is today: name that scenario too (e.g. --baseline %s nd33-2023)": "%s là hiện trạng của một phương án khác: hãy nêu cả phương án đó (ví dụ --baseline %s nd33-2023)",
	"%s: %s holds %s, which kiemnhiem did not write; give a directory of its own":                               "%s: %s chứa %s, không do kiemnhiem ghi; hãy chọn một thư mục riêng",
	"%s: %s is a file; give a directory": "%s: %s là một tệp; hãy chọn một thư mục",
	"%v":                                 "%v",
	"%v: --export-mps names a file --out writes":                              "%v: --export-mps trùng với một tệp mà --out ghi",
	"%v: choose another --out or --export-mps":                                "%v: hãy chọn --out hoặc --export-mps khác",
	"%v: choose another --out":                                                "%v: hãy chọn --out khác",
	"--as-is does not optimise: --%s does not apply":                          "--as-is không tối ưu hoá: không dùng được --%s",
	"--at expects a date YYYY-MM-DD, got %q":                                  "--at cần một ngày dạng YYYY-MM-DD, nhận được %q",
	"--baseline needs a SCENARIO":                                             "--baseline cần một PHƯƠNG_ÁN",
	"--discount must be at least 0 and below 1, got %v":                       "--discount phải từ 0 đến dưới 1, nhận được %v",
	"--export-mps: %s is a directory; give a file name ending in .mps or .lp": "--export-mps: %s là một thư mục; hãy cho tên tệp kết thúc bằng .mps hoặc .lp",
	"--forbid %v":                           "--forbid %v",
	"--format %q: want a list of %s":        "--format %q: cần một danh sách trong số %s",
	"--lang must be vi or en, got %q":       "--lang phải là vi hoặc en, nhận được %q",
	"--objective must be one of %s, got %q": "--objective phải là một trong %s, nhận được %q",
	"--out DIR is required":                 "cần --out THƯ_MỤC",
	"--out: %s exists and was not written by kiemnhiem %s: give --force to replace it, or another --out": "--out: %s đã có và không do kiemnhiem %s ghi: thêm --force để thay, hoặc chọn --out khác",
	"--out: %v: choose another directory":                                 "--out: %v: hãy chọn thư mục khác",
	"--pin %v":                                                            "--pin %v",
	"--province or --district: %v":                                        "--province hoặc --district: %v",
	"--runs must be between 1 and %d, got %d":                             "--runs phải từ 1 đến %d, nhận được %d",
	"--seed must be at least 1":                                           "--seed phải từ 1 trở lên",
	"--sensitivity-runs must be between 0 and %d, got %d":                 "--sensitivity-runs phải từ 0 đến %d, nhận được %d",
	"--solver must be one of %s, got %q":                                  "--solver phải là một trong %s, nhận được %q",
	"--time-limit must not be negative, got %s":                           "--time-limit không được âm, nhận được %s",
	"--vintage must be one of %s, got %q":                                 "--vintage phải là một trong %s, nhận được %q",
	"--vintage selects the generator; it cannot be combined with --units": "--vintage chọn bộ sinh dữ liệu; không dùng cùng --units được",
	"--workers must not be negative, got %d":                              "--workers không được âm, nhận được %d",
	"--years must be between 1 and %d, got %d":                            "--years phải từ 1 đến %d, nhận được %d",
	"compare needs --out DIR":                                             "compare cần --out THƯ_MỤC",
	"diff needs two plan.csv files":                                       "diff cần hai tệp plan.csv",
	"generate takes no arguments, got %q":                                 "generate không nhận đối số, nhận được %q",
	"rearrange needs exactly one SCENARIO":                                "rearrange cần đúng một PHƯƠNG_ÁN",
	"--max-merge must be between 1 and %d, got %d":                        "--max-merge phải từ 1 đến %d, nhận được %d",
	"--goal must be one of %s, got %q":                                    "--goal phải là một trong %s, nhận được %q",
	"--adjacency must be one of %s, got %q":                               "--adjacency phải là một trong %s, nhận được %q",
	"optimize needs exactly one SCENARIO":                                 "optimize cần đúng một PHƯƠNG_ÁN",
	"presets takes no arguments":                                          "presets không nhận đối số",
	"scenarios %s and %s are both named %q: names must differ":            "hai phương án %s và %s cùng tên %q: tên phải khác nhau",
	"show needs exactly one SCENARIO":                                     "show cần đúng một PHƯƠNG_ÁN",
	"simulate needs exactly one SCENARIO":                                 "simulate cần đúng một PHƯƠNG_ÁN",
	"validate needs at least one SCENARIO":                                "validate cần ít nhất một PHƯƠNG_ÁN",
}

// flagErrorsVi are the beginnings of pflag's errors in Vietnamese.
var flagErrorsVi = [][2]string{
	{"unknown flag: ", "cờ không có: "},
	{"unknown shorthand flag: ", "cờ viết tắt không có: "},
	{"flag needs an argument: ", "cờ cần một giá trị: "},
	{"bad flag syntax: ", "cờ viết sai: "},
	{"invalid argument ", "giá trị không hợp lệ "},
}

// in returns the usage error in lang: the Vietnamese format of the
// catalogue with the same arguments (an error argument stays as its
// package wrote it), or the English message when the catalogue has none.
func (e *usageError) in(lang model.Lang) string {
	if lang == model.English {
		return e.Error()
	}
	vi, ok := usageVi[e.format]
	if !ok {
		return e.Error()
	}
	msg := fmt.Sprintf(vi, e.args...)
	for _, p := range flagErrorsVi {
		if rest, ok := strings.CutPrefix(msg, p[0]); ok {
			return p[1] + rest
		}
	}
	return msg
}

// runMessages are the messages of run itself in both languages.
var runMessages = struct {
	unknownCommand, interrupted, interruptedAgain, badLangEnv, langNeedsValue model.Text
}{
	unknownCommand: model.Text{
		Vi: "kiemnhiem: không có lệnh %q (các lệnh: %s; xem kiemnhiem --help)\n",
		En: "kiemnhiem: unknown command %q (commands: %s; see kiemnhiem --help)\n"},
	interrupted: model.Text{
		Vi: "kiemnhiem %s: đã dừng (%v); không ghi gì\n",
		En: "kiemnhiem %s: interrupted (%v); nothing written\n"},
	interruptedAgain: model.Text{
		Vi: "kiemnhiem: lại %v: dừng ngay; không ghi gì\n",
		En: "kiemnhiem: %v again: stopping now; nothing written\n"},
	badLangEnv: model.Text{
		Vi: "kiemnhiem: KIEMNHIEM_LANG phải là vi hoặc en, nhận được %q\n",
		En: "kiemnhiem: KIEMNHIEM_LANG must be vi or en, got %q\n"},
	langNeedsValue: model.Text{
		Vi: "kiemnhiem: --lang cần vi hoặc en\n",
		En: "kiemnhiem: --lang needs vi or en\n"},
}
