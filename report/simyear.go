package report

import (
	"fmt"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// simYear names year y (from 1) of a simulation that starts on start for a
// reader, as a calendar year: "năm 2034" / "in 2034" when the simulation
// starts on 1 January; otherwise the year's span, "năm 07/2034–06/2035" /
// "in 07/2034–06/2035". A simulation's year 10 is not the calendar year 10.
func simYear(start model.Date, y int, lang model.Lang) string {
	from := start.AddMonths(12 * (y - 1))
	var when string
	if from.Month() == 1 && from.Day() == 1 {
		when = fmt.Sprint(from.Year())
	} else {
		to := from.AddMonths(11)
		when = fmt.Sprintf("%02d/%d–%02d/%d", int(from.Month()), from.Year(), int(to.Month()), to.Year())
	}
	return lang.Pick("năm ", "in ") + when
}
