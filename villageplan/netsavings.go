package villageplan

import (
	"fmt"
	"math"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// netSavings states p's net savings over p.WindowYears at the yearly
// discount rate: undiscounted, and discounted as kiemnhiem compare
// --discount discounts its budget windows (sim.Config.DiscountRate: year
// y's saving weighs (1+r)^−(y−1), the first year not discounted, the
// annuity factor of model.ObjectiveRule), so that the figure a planner
// pastes from rearrange and the one compare gives follow one convention.
// The severance is paid once, on the plan date: it is in the first year
// and never discounted.
func (p *People) netSavings(rate float64, lang model.Lang) {
	p.NetSavings = int64(p.WindowYears)*p.SavingPerYear - p.Severance
	factor := model.ObjectiveRule{HorizonYears: p.WindowYears, DiscountRate: rate}.AnnuityFactor()
	p.DiscountRate = rate
	p.NetSavingsDiscounted = int64(math.Round(float64(p.SavingPerYear)*factor)) - p.Severance
	if rate == 0 {
		p.NetSavingsDiscounted = p.NetSavings // exact, whatever the float sum
	}
	p.NetSavingsBasis = NetSavingsBasis(rate).In(lang)
}

// NetSavingsBasis is the convention of the net savings at the yearly
// discount rate, for the reader of a figure: what is discounted and when
// the severance is paid.
func NetSavingsBasis(rate float64) model.Text {
	const (
		vi = "tiết kiệm phụ cấp mỗi năm trong kỳ, trừ trợ cấp thôi việc chi một lần vào ngày sắp xếp (năm thứ nhất); không tính người nghỉ, người tuyển mới trong kỳ (kiemnhiem compare mô phỏng các biến động này)"
		en = "the allowances saved each year of the window, less the severance paid once on the rearrangement date (the first year); nobody leaving or recruited during the window (kiemnhiem compare simulates that)"
	)
	if rate == 0 {
		return model.Text{Vi: "Chưa chiết khấu: " + vi + ".", En: "Undiscounted: " + en + "."}
	}
	pc := func(l model.Lang) string { return l.Number(100*rate, 1) + " %" }
	return model.Text{
		Vi: fmt.Sprintf("Chưa chiết khấu, và chiết khấu %s/năm như kiemnhiem compare --discount (tiết kiệm năm thứ y nhân (1 + r)^−(y − 1), năm thứ nhất không chiết khấu): %s.", pc(model.Vietnamese), vi),
		En: fmt.Sprintf("Undiscounted, and discounted at %s a year as kiemnhiem compare --discount does (year y's saving × (1 + r)^−(y − 1), the first year undiscounted): %s.", pc(model.English), en),
	}
}
