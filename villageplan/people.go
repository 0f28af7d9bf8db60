package villageplan

// People is the people and money of the villages before and after
// the rearrangement: before, today's holdings as they are; after, the
// optimiser's plan for the villages after it under the scenario's rules.
// Money is in đồng; allowances and funds per year.
type People struct {
	PeopleBefore int `json:"people_before"`
	PeopleAfter  int `json:"people_after"`
	TitlesBefore int `json:"titles_before"`
	TitlesAfter  int `json:"titles_after"`
	// AllowancesBefore and AllowancesAfter are the allowances paid a year.
	AllowancesBefore int64 `json:"allowances_before"`
	AllowancesAfter  int64 `json:"allowances_after"`
	// FundsBefore and FundsAfter are the villages' allowance funds a year
	// (NĐ 185/2026 Art. 15: 8.0 or 6.5 × the base salary a month).
	FundsBefore int64 `json:"funds_before"`
	FundsAfter  int64 `json:"funds_after"`
	Kept        int   `json:"kept"`
	Released    int   `json:"released"`
	Recruited   int   `json:"recruited"`
	// Severance is what the released are paid once, under the regime the
	// scenario's rearrangement rule names (NĐ 185/2026 Art. 16(4), 19).
	Severance       int64  `json:"severance"`
	SeveranceRegime string `json:"severance_regime"`
	// SavingPerYear is allowances before minus after; NetSavings is the
	// saving over WindowYears less the severance, undiscounted.
	SavingPerYear int64 `json:"saving_per_year"`
	WindowYears   int   `json:"window_years"`
	NetSavings    int64 `json:"net_savings"`
	// DiscountRate is Options.DiscountRate; NetSavingsDiscounted is
	// NetSavings with the savings discounted at it as kiemnhiem compare
	// discounts its windows (equal to NetSavings at 0). The severance is
	// paid on the plan date, in the first year: never discounted.
	DiscountRate         float64 `json:"discount_rate"`
	NetSavingsDiscounted int64   `json:"net_savings_discounted"`
	// NetSavingsBasis states the convention of the two figures in the
	// language of the Plan call ("chưa chiết khấu …", "undiscounted …").
	NetSavingsBasis string `json:"net_savings_basis"`
	// Persons is each paid person's plan, in the order of the scenario.
	Persons []PersonPlan `json:"persons"`
	Status  string       `json:"optimizer_status"`
}

// PersonPlan is one paid person's plan after the rearrangement: kept (with
// the titles held after) or released (with the severance).
type PersonPlan struct {
	Commune      string   `json:"commune"`
	ID           string   `json:"id"`
	Name         string   `json:"name"`
	Status       string   `json:"status"` // kept, released, new, appointed
	TitlesBefore []string `json:"titles_before"`
	TitlesAfter  []string `json:"titles_after"`
	Severance    int64    `json:"severance"`
	Regime       string   `json:"regime,omitempty"`
	// Held and Holds name the titles before and after for people ("Trưởng
	// thôn, Thôn 3"), in the language of the Plan call; not in the JSON.
	Held  []string `json:"-"`
	Holds []string `json:"-"`
}
