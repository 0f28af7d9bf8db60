package model_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// decree135Table is the table below row 5.10 of policy-facts.md, written out
// by hand: retirement age as {years, months} by year of retirement.
var decree135Table = map[int][2][2]int{ // year → {men, women} → {years, months}
	2021: {{60, 3}, {55, 4}},
	2022: {{60, 6}, {55, 8}},
	2023: {{60, 9}, {56, 0}},
	2024: {{61, 0}, {56, 4}},
	2025: {{61, 3}, {56, 8}},
	2026: {{61, 6}, {57, 0}},
	2027: {{61, 9}, {57, 4}},
	2028: {{62, 0}, {57, 8}},
	2029: {{62, 0}, {58, 0}},
	2030: {{62, 0}, {58, 4}},
	2031: {{62, 0}, {58, 8}},
	2032: {{62, 0}, {59, 0}},
	2033: {{62, 0}, {59, 4}},
	2034: {{62, 0}, {59, 8}},
	2035: {{62, 0}, {60, 0}},
}

// requiredMonths is the table lookup the brute force uses: before 2021 the
// pre-decree ages 60 and 55, from 2035 on the final ages 62 and 60.
func requiredMonths(s model.Sex, year int) int {
	ym := [2][2]int{{60, 0}, {55, 0}}
	switch {
	case year >= 2035:
		ym = decree135Table[2035]
	case year >= 2021:
		ym = decree135Table[year]
	}
	i := 0
	if s == model.Female {
		i = 1
	}
	return ym[i][0]*12 + ym[i][1]
}

func TestDecree135Table(t *testing.T) {
	r := model.Decree135()
	for i := 1; i < len(r); i++ {
		if r[i].Year <= r[i-1].Year {
			t.Fatalf("Decree135 row %d (%d) is not after row %d (%d)", i, r[i].Year, i-1, r[i-1].Year)
		}
	}
	for year := 2021; year <= 2040; year++ {
		row := decree135Table[min(year, 2035)]
		for i, s := range []model.Sex{model.Male, model.Female} {
			want := model.Years(row[i][0], row[i][1])
			if got := r.AgeIn(s, year); got != want {
				gy, gm := got.YearsMonths()
				t.Errorf("AgeIn(%s, %d) = %dy%dm, want %dy%dm", s, year, gy, gm, row[i][0], row[i][1])
			}
		}
	}
	// Before the decree: 60 and 55; any earlier year reads the first row.
	for _, year := range []int{2020, 2019, 1990} {
		if got := r.AgeIn(model.Male, year); got != model.Years(60, 0) {
			t.Errorf("AgeIn(male, %d) = %d", year, got)
		}
		if got := r.AgeIn(model.Female, year); got != model.Years(55, 0) {
			t.Errorf("AgeIn(female, %d) = %d", year, got)
		}
	}
	// SexAny reads the men's column.
	if r.AgeIn(model.SexAny, 2022) != model.Years(60, 6) {
		t.Errorf("AgeIn(any, 2022) = %d", r.AgeIn(model.SexAny, 2022))
	}
	if got := (model.RetirementSchedule{}).AgeIn(model.Male, 2025); got != 0 {
		t.Errorf("empty AgeIn = %d", got)
	}
}

func TestAgeMonths(t *testing.T) {
	tests := []struct {
		years, months int
		want          model.AgeMonths
	}{
		{60, 3, 723},
		{62, 0, 744},
		{55, 4, 664},
		{0, 0, 0},
		{0, 11, 11},
	}
	for _, tt := range tests {
		a := model.Years(tt.years, tt.months)
		if a != tt.want {
			t.Errorf("Years(%d, %d) = %d, want %d", tt.years, tt.months, a, tt.want)
		}
		if y, m := a.YearsMonths(); y != tt.years || m != tt.months {
			t.Errorf("%d.YearsMonths() = %d, %d", a, y, m)
		}
	}
}

// bruteRetirement is an independent reading of NĐ 135/2020 Art. 3-4: the
// last day of the first month M such that the age in whole months at M,
// counted from the birth month, is at least the required age in M's year.
func bruteRetirement(birthYear int, birthMonth time.Month, s model.Sex) string {
	for k := 0; ; k++ { // k months after the birth month
		idx := birthYear*12 + int(birthMonth) - 1 + k
		y, m := idx/12, time.Month(idx%12+1)
		if k >= requiredMonths(s, y) {
			last := time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC) // day 0 of next month
			return last.Format(time.DateOnly)
		}
	}
}

func TestRetirementDateBruteForce(t *testing.T) {
	r := model.Decree135()
	for y := 1955; y <= 1980; y++ {
		for m := time.January; m <= time.December; m++ {
			for _, s := range []model.Sex{model.Male, model.Female} {
				want := bruteRetirement(y, m, s)
				// The day of birth does not matter, only the month.
				for _, day := range []int{1, 15, 28} {
					birth := model.NewDate(y, m, day)
					if got := r.RetirementDate(birth, s); got.String() != want {
						t.Errorf("RetirementDate(%s, %s) = %s, want %s", birth, s, got, want)
					}
				}
				last := model.NewDate(y, m, 1).EndOfMonth()
				if got := r.RetirementDate(last, s); got.String() != want {
					t.Errorf("RetirementDate(%s, %s) = %s, want %s", last, s, got, want)
				}
			}
		}
	}
}

func TestRetirementDateExamples(t *testing.T) {
	tests := []struct {
		birth string
		sex   model.Sex
		want  string
		age   [2]int // years, months at retirement
	}{
		// Man born 12/1960: 60y0m in 12/2020, and 2020 asks 60y.
		{"1960-12-10", model.Male, "2020-12-31", [2]int{60, 0}},
		// Man born 1/1961: 2021 asks 60y3m, which he reaches in 4/2021.
		{"1961-01-01", model.Male, "2021-04-30", [2]int{60, 3}},
		// Man born 9/1961: 60y3m in 12/2021, still in 2021.
		{"1961-09-20", model.Male, "2021-12-31", [2]int{60, 3}},
		// Man born 10/1961: in 2021 he is at most 60y2m (12/2021), short of
		// 60y3m; 2022 asks 60y6m, reached in 4/2022.
		{"1961-10-05", model.Male, "2022-04-30", [2]int{60, 6}},
		// Man born 7/1962: at most 60y5m in 2022 (asks 60y6m); 2023 asks
		// 60y9m, reached in 4/2023.
		{"1962-07-01", model.Male, "2023-04-30", [2]int{60, 9}},
		// Man born 1/1966: 2027 asks 61y9m, which he reaches in 10/2027, so
		// he retires then, before the final 62 of 2028 applies.
		{"1966-01-15", model.Male, "2027-10-31", [2]int{61, 9}},
		// Man born 3/1966: 61y9m in 12/2027, the last month it suffices.
		{"1966-03-31", model.Male, "2027-12-31", [2]int{61, 9}},
		// Man born 4/1966: 61y9m only in 1/2028, when 62y is asked; 62y in
		// 4/2028. Everyone born from 4/1966 on retires at 62.
		{"1966-04-01", model.Male, "2028-04-30", [2]int{62, 0}},
		{"1970-05-20", model.Male, "2032-05-31", [2]int{62, 0}},
		// Woman born 12/1965: 55y in 12/2020.
		{"1965-12-01", model.Female, "2020-12-31", [2]int{55, 0}},
		// Woman born 1/1966: 2021 asks 55y4m, reached in 5/2021 (she is 55y4m,
		// not 56y: 56y is the 2023 age).
		{"1966-01-01", model.Female, "2021-05-31", [2]int{55, 4}},
		// Woman born 8/1966: 55y4m in 12/2021.
		{"1966-08-01", model.Female, "2021-12-31", [2]int{55, 4}},
		// Woman born 9/1966: 55y4m in 1/2022, when 55y8m is asked: 5/2022.
		{"1966-09-01", model.Female, "2022-05-31", [2]int{55, 8}},
		// Woman born 5/1967: at most 55y7m in 2022 (asks 55y8m); 2023 asks
		// 56y, reached in 5/2023.
		{"1967-05-01", model.Female, "2023-05-31", [2]int{56, 0}},
		// Woman born 4/1975: 59y8m in 12/2034, while 2034 asks 59y8m.
		{"1975-04-30", model.Female, "2034-12-31", [2]int{59, 8}},
		// Woman born 5/1975: 59y8m in 1/2035, when 60y is asked: 5/2035.
		{"1975-05-01", model.Female, "2035-05-31", [2]int{60, 0}},
		{"1980-02-29", model.Female, "2040-02-29", [2]int{60, 0}},
	}
	r := model.Decree135()
	for _, tt := range tests {
		birth := model.MustDate(tt.birth)
		got := r.RetirementDate(birth, tt.sex)
		if got.String() != tt.want {
			t.Errorf("RetirementDate(%s, %s) = %s, want %s", tt.birth, tt.sex, got, tt.want)
			continue
		}
		// The age at retirement, from the birth month, is the required
		// age of the retirement year.
		ageMonths := model.AgeMonths((got.Year()*12 + int(got.Month())) - (birth.Year()*12 + int(birth.Month())))
		if y, m := ageMonths.YearsMonths(); y != tt.age[0] || m != tt.age[1] {
			t.Errorf("born %s (%s): retires at %dy%dm, want %dy%dm", tt.birth, tt.sex, y, m, tt.age[0], tt.age[1])
		}
		if ageMonths != r.AgeIn(tt.sex, got.Year()) {
			t.Errorf("born %s (%s): age %d at retirement, table asks %d in %d", tt.birth, tt.sex, ageMonths, r.AgeIn(tt.sex, got.Year()), got.Year())
		}
	}
}

func TestRetirementDateEdges(t *testing.T) {
	birth := model.MustDate("1961-01-01")
	if got := (model.RetirementSchedule{}).RetirementDate(birth, model.Male); got != 0 {
		t.Errorf("empty schedule: %s", got)
	}
	if got := model.Decree135().RetirementDate(0, model.Male); got != 0 {
		t.Errorf("unset birth: %s", got)
	}
	// SexAny reads the men's column.
	if got := model.Decree135().RetirementDate(birth, model.SexAny); got != model.MustDate("2021-04-30") {
		t.Errorf("SexAny: %s", got)
	}
	// A table with only the men's ages filled in still works for men: the
	// search must not be bounded by the (unset) women's ages.
	menOnly := model.RetirementSchedule{{Year: 2020, Men: model.Years(60, 0)}, {Year: 2021, Men: model.Years(60, 3)}}
	if got := menOnly.RetirementDate(birth, model.Male); got != model.MustDate("2021-04-30") {
		t.Errorf("men-only table: %s, want 2021-04-30", got)
	}
	if got := menOnly.RetirementDate(birth, model.Female); got != model.MustDate("1961-01-31") {
		t.Errorf("men-only table, women at age 0: %s, want the birth month", got)
	}
	// One row: a fixed age.
	fixed := model.RetirementSchedule{{Year: 2000, Men: model.Years(62, 0), Women: model.Years(60, 0)}}
	for _, tt := range []struct {
		birth string
		s     model.Sex
		want  string
	}{
		{"1950-06-15", model.Male, "2012-06-30"},
		{"1950-06-15", model.Female, "2010-06-30"},
		{"1990-02-28", model.Female, "2050-02-28"},
		{"1992-02-29", model.Female, "2052-02-29"},
	} {
		if got := fixed.RetirementDate(model.MustDate(tt.birth), tt.s); got.String() != tt.want {
			t.Errorf("fixed age, born %s %s: %s, want %s", tt.birth, tt.s, got, tt.want)
		}
	}
	// A schedule whose age falls: the first month that qualifies wins, even
	// if an earlier month would have qualified under a later year's rule.
	falling := model.RetirementSchedule{
		{Year: 2020, Men: model.Years(61, 0), Women: model.Years(61, 0)},
		{Year: 2021, Men: model.Years(60, 0), Women: model.Years(60, 0)},
	}
	// Born 1960-06: 60y in 6/2020 (asks 61y); on 1/2021 he is 60y7m and
	// 2021 asks 60y, so he retires at the end of January 2021.
	if got := falling.RetirementDate(model.MustDate("1960-06-01"), model.Male); got != model.MustDate("2021-01-31") {
		t.Errorf("falling schedule: %s, want 2021-01-31", got)
	}
}

func ExampleRetirementSchedule_AgeIn() {
	r := model.Decree135()
	for _, y := range []int{2021, 2028, 2035} {
		my, mm := r.AgeIn(model.Male, y).YearsMonths()
		wy, wm := r.AgeIn(model.Female, y).YearsMonths()
		fmt.Printf("%d: men %dy%dm, women %dy%dm\n", y, my, mm, wy, wm)
	}
	// Output:
	// 2021: men 60y3m, women 55y4m
	// 2028: men 62y0m, women 57y8m
	// 2035: men 62y0m, women 60y0m
}

// RetiredBefore agrees with RetirementDate on every birth month around the
// schedule's ages and plan dates either side of the retirement day, for a
// table with rising ages and one whose ages fall.
func TestRetiredBefore(t *testing.T) {
	falling := model.RetirementSchedule{{Year: 2020, Men: model.Years(62, 0), Women: model.Years(60, 0)}, {Year: 2030, Men: model.Years(58, 0), Women: model.Years(55, 0)}}
	for _, r := range []model.RetirementSchedule{model.Decree135(), falling, nil} {
		for y := 1950; y <= 1985; y++ {
			for m := time.January; m <= time.December; m++ {
				for _, s := range []model.Sex{model.Male, model.Female} {
					birth := model.NewDate(y, m, 17)
					rd := r.RetirementDate(birth, s)
					for _, d := range []model.Date{model.NewDate(2025, 1, 1), model.NewDate(2031, 7, 1), rd, rd.AddDays(1), rd.AddDays(-1)} {
						if d.IsZero() {
							continue
						}
						want := !rd.IsZero() && rd < d
						if got := r.RetiredBefore(birth, s, d); got != want {
							t.Fatalf("RetiredBefore(%s, %s, %s) = %v, want %v (retires %s)", birth, s, d, got, want, rd)
						}
					}
				}
			}
		}
	}
}
