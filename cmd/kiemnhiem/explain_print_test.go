package main

import (
	"strings"
	"testing"
)

// TestOptimizePinEffects flags the pin and forbid that change nothing and
// not the forbid that costs a person, in the human summary and the JSON.
func TestOptimizePinEffects(t *testing.T) {
	args := []string{"--pin", "P03:bi-thu-chi-bo@99001-01", "--forbid", "P04:bi-thu-chi-bo@99001-01", "--forbid", "P06:bi-thu-chi-bo@99001-02"}
	sum := optimizeOK(t, append([]string{tiny, "--lang", "en"}, args...)...)
	want := map[string]bool{"P03:bi-thu-chi-bo@99001-01": true, "P04:bi-thu-chi-bo@99001-01": true, "P06:bi-thu-chi-bo@99001-02": false}
	if len(sum.PinEffects) != len(want) {
		t.Fatalf("pin effects %+v, want %d", sum.PinEffects, len(want))
	}
	for _, e := range sum.PinEffects {
		if no, ok := want[e.Pin]; !ok || e.NoEffect != no {
			t.Errorf("%s: no effect %v, want %v (%s)", e.Pin, e.NoEffect, no, e.Text)
		}
	}
	for lang, words := range map[string][]string{
		"en": {"What the pins and forbids change:", "[no effect] Thôn Đông: the pin of Lê Văn Cường", "cannot bind", "makes the plan worse: 4 people (3 without it)"},
		"vi": {"Tác dụng của ghim và lệnh loại:", "[không tác dụng] Thôn Đông: ghim Lê Văn Cường", "4 người (không có: 3)"},
	} {
		code, out, errOut := cli(t, append([]string{"optimize", tiny, "--lang", lang}, args...)...)
		if code != exitOK {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		for _, w := range words {
			if !strings.Contains(out, w) {
				t.Errorf("%s summary lacks %q:\n%s", lang, w, out)
			}
		}
	}
}

// TestOptimizeCauses summarises an infeasible commune by cause before its
// detail, with the changes that give it a plan.
func TestOptimizeCauses(t *testing.T) {
	pin := []string{"--pin", "P04:bi-thu-chi-bo@99001-01"}
	sum := optimizeOK(t, append([]string{tiny, "--lang", "en"}, pin...)...)
	rules := map[string]int{}
	for _, c := range sum.Causes {
		rules[c.Rule] = c.Fixed
	}
	if rules["pin"] != 1 || rules["requirement"] != 1 {
		t.Errorf("causes %+v, want pin and requirement fixing 1 commune each", sum.Causes)
	}
	if len(sum.InfeasiblePools) != 1 || len(sum.InfeasiblePools[0].Fixes) != 2 {
		t.Fatalf("infeasible pools %+v, want one with 2 fixes", sum.InfeasiblePools)
	}
	code, out, _ := cli(t, append([]string{"optimize", tiny, "--lang", "en"}, pin...)...)
	head, detail, ok := strings.Cut(out, "Communes with no plan (1):")
	if code != exitOK || !ok {
		t.Fatalf("exit %d, no detail:\n%s", code, out)
	}
	for _, w := range []string{"Causes and the least change that gives a plan (1 commune):", "Planner's pins — named in 1 commune; dropping 1 pin gives 1 of them a plan"} {
		if !strings.Contains(head, w) {
			t.Errorf("summary before the detail lacks %q:\n%s", w, out)
		}
	}
	if !strings.Contains(detail, "→ a plan if you: Thôn Đông: drop the pin of Phạm Thị Dung to Party cell secretary") {
		t.Errorf("detail lacks the fix:\n%s", out)
	}
}
