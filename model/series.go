package model

import (
	"errors"
	"fmt"
)

// Dated is one value of a policy parameter, in force from a date, with the
// legal source it comes from ("NĐ 33/2023/NĐ-CP Art. 34(1)") or an explicit
// assumption ("assumption: …").
type Dated[T any] struct {
	From   Date
	Value  T
	Source string
}

// Series is the history of a policy parameter: values in strictly
// increasing order of their effective dates. The zero Series has no value at
// any date.
type Series[T any] []Dated[T]

// ErrNoValue is returned by [Series.At] before the first effective date.
var ErrNoValue = errors.New("model: no value in force at that date")

// At returns the value in force on d: the one with the latest From not after
// d.
func (s Series[T]) At(d Date) (T, error) {
	i := s.index(d)
	if i < 0 {
		var zero T
		if len(s) == 0 {
			return zero, ErrNoValue
		}
		return zero, fmt.Errorf("%w (%s is before the first value, from %s)", ErrNoValue, d, s[0].From)
	}
	return s[i].Value, nil
}

// Entry returns the dated entry in force on d, with its source.
func (s Series[T]) Entry(d Date) (Dated[T], bool) {
	i := s.index(d)
	if i < 0 {
		return Dated[T]{}, false
	}
	return s[i], true
}

// Latest returns the last value, or the zero value when s is empty.
func (s Series[T]) Latest() T {
	if len(s) == 0 {
		var zero T
		return zero
	}
	return s[len(s)-1].Value
}

func (s Series[T]) index(d Date) int {
	// Series are short (a handful of decrees), so a linear scan from the end
	// beats a binary search.
	for i := len(s) - 1; i >= 0; i-- {
		if s[i].From <= d {
			return i
		}
	}
	return -1
}

// Check reports the first entry whose date is unset or not after the one
// before it, as its index; -1 when the series is well ordered.
func (s Series[T]) Check() int {
	for i, e := range s {
		if e.From.IsZero() || (i > 0 && e.From <= s[i-1].From) {
			return i
		}
	}
	return -1
}

// Const returns a series with one value in force from the given date.
func Const[T any](from Date, v T, source string) Series[T] {
	return Series[T]{{From: from, Value: v, Source: source}}
}
