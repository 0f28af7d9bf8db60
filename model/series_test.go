package model_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// baseSalary is the LCS history of policy-facts §2.
func baseSalary() model.Series[model.Money] {
	return model.Series[model.Money]{
		{From: model.MustDate("2019-07-01"), Value: 1_490_000, Source: "NĐ 38/2019/NĐ-CP"},
		{From: model.MustDate("2023-07-01"), Value: 1_800_000, Source: "NĐ 24/2023/NĐ-CP"},
		{From: model.MustDate("2024-07-01"), Value: 2_340_000, Source: "NĐ 73/2024/NĐ-CP"},
		{From: model.MustDate("2026-07-01"), Value: 2_530_000, Source: "NĐ 161/2026/NĐ-CP"},
	}
}

func TestSeriesAt(t *testing.T) {
	s := baseSalary()
	tests := []struct {
		on     string
		want   model.Money
		source string
	}{
		{"2019-07-01", 1_490_000, "NĐ 38/2019/NĐ-CP"}, // exactly on the first date
		{"2020-01-01", 1_490_000, "NĐ 38/2019/NĐ-CP"},
		{"2023-06-30", 1_490_000, "NĐ 38/2019/NĐ-CP"}, // the day before a change
		{"2023-07-01", 1_800_000, "NĐ 24/2023/NĐ-CP"}, // the day of a change
		{"2024-06-30", 1_800_000, "NĐ 24/2023/NĐ-CP"},
		{"2024-07-01", 2_340_000, "NĐ 73/2024/NĐ-CP"},
		{"2026-06-30", 2_340_000, "NĐ 73/2024/NĐ-CP"},
		{"2026-07-01", 2_530_000, "NĐ 161/2026/NĐ-CP"},
		{"2040-01-01", 2_530_000, "NĐ 161/2026/NĐ-CP"}, // the last value stays in force
	}
	for _, tt := range tests {
		d := model.MustDate(tt.on)
		got, err := s.At(d)
		if err != nil || got != tt.want {
			t.Errorf("At(%s) = %s, %v; want %s", tt.on, got, err, tt.want)
		}
		e, ok := s.Entry(d)
		if !ok || e.Value != tt.want || e.Source != tt.source || e.From > d {
			t.Errorf("Entry(%s) = %+v, %v; want value %s from %q", tt.on, e, ok, tt.want, tt.source)
		}
	}
}

func TestSeriesBeforeFirstValue(t *testing.T) {
	s := baseSalary()
	for _, on := range []string{"2019-06-30", "2000-01-01"} {
		got, err := s.At(model.MustDate(on))
		if !errors.Is(err, model.ErrNoValue) {
			t.Errorf("At(%s) error = %v, want ErrNoValue", on, err)
		}
		if got != 0 {
			t.Errorf("At(%s) value = %s with the error, want 0", on, got)
		}
		if err != nil && (!strings.Contains(err.Error(), on) || !strings.Contains(err.Error(), "2019-07-01")) {
			t.Errorf("At(%s) error %q does not say which dates", on, err)
		}
		if e, ok := s.Entry(model.MustDate(on)); ok || e != (model.Dated[model.Money]{}) {
			t.Errorf("Entry(%s) = %+v, %v; want zero, false", on, e, ok)
		}
	}
	// A zero date is before everything.
	if _, err := s.At(0); !errors.Is(err, model.ErrNoValue) {
		t.Errorf("At(zero) error = %v, want ErrNoValue", err)
	}
}

func TestSeriesEmpty(t *testing.T) {
	var s model.Series[model.Coefficient]
	if v, err := s.At(model.MustDate("2025-01-01")); err != model.ErrNoValue || v != 0 {
		t.Errorf("empty At = %v, %v; want 0, ErrNoValue itself", v, err)
	}
	if _, ok := s.Entry(model.MustDate("2025-01-01")); ok {
		t.Error("empty Entry ok")
	}
	if s.Latest() != 0 {
		t.Errorf("empty Latest = %v", s.Latest())
	}
	if s.Check() != -1 {
		t.Errorf("empty Check = %d, want -1", s.Check())
	}
}

func TestSeriesLatest(t *testing.T) {
	if got := baseSalary().Latest(); got != 2_530_000 {
		t.Errorf("Latest = %s", got)
	}
	rule := model.Const(model.MustDate("2023-08-01"), model.CombinationRule{Mode: model.ForbiddenPairs}, "x")
	if rule.Latest().Mode != model.ForbiddenPairs {
		t.Errorf("Latest of a struct series = %+v", rule.Latest())
	}
}

func TestSeriesCheck(t *testing.T) {
	d := model.MustDate
	tests := []struct {
		name string
		s    model.Series[int]
		want int
	}{
		{"empty", nil, -1},
		{"one", model.Series[int]{{From: d("2023-08-01"), Value: 14}}, -1},
		{"increasing", model.Series[int]{{From: d("2019-06-25")}, {From: d("2023-08-01")}, {From: d("2025-07-01")}}, -1},
		{"unset first", model.Series[int]{{Value: 1}, {From: d("2023-08-01")}}, 0},
		{"unset later", model.Series[int]{{From: d("2019-06-25")}, {Value: 1}}, 1},
		{"equal dates", model.Series[int]{{From: d("2019-06-25")}, {From: d("2019-06-25")}}, 1},
		{"decreasing", model.Series[int]{{From: d("2023-08-01")}, {From: d("2019-06-25")}}, 1},
		{"third out of order", model.Series[int]{{From: d("2019-06-25")}, {From: d("2023-08-01")}, {From: d("2023-07-31")}, {From: d("2020-01-01")}}, 2},
	}
	for _, tt := range tests {
		if got := tt.s.Check(); got != tt.want {
			t.Errorf("%s: Check() = %d, want %d", tt.name, got, tt.want)
		}
	}
}

func TestConst(t *testing.T) {
	from := model.MustDate("2023-08-01")
	s := model.Const(from, 14, "NĐ 33/2023/NĐ-CP Art. 33(1)")
	if len(s) != 1 || s.Check() != -1 {
		t.Fatalf("Const = %+v", s)
	}
	if v, err := s.At(from); err != nil || v != 14 {
		t.Errorf("At(from) = %d, %v", v, err)
	}
	if _, err := s.At(from.AddDays(-1)); !errors.Is(err, model.ErrNoValue) {
		t.Errorf("At(from-1) error = %v", err)
	}
	if e, _ := s.Entry(from.AddDays(1000)); e.Source != "NĐ 33/2023/NĐ-CP Art. 33(1)" || e.From != from {
		t.Errorf("Entry = %+v", e)
	}
}
