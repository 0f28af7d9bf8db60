package sim

import (
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// TestVocabularyText fails when any value of a vocabulary shown to people
// has no text of its own or lacks its Vietnamese or English text, and
// checks that an unknown value shows its key.
func TestVocabularyText(t *testing.T) {
	type named struct {
		key     string
		text    model.Text
		defined bool // the value has an entry in its vocabulary's table
	}
	var all []named
	for m := range numMetrics {
		all = append(all, named{"metric " + m.String(), m.Text(), true})
	}
	for _, m := range Metrics {
		_, ok := unitTexts[m.Unit]
		all = append(all, named{"unit " + m.Unit, UnitText(m.Unit), ok})
	}
	for _, f := range Factors {
		all = append(all, named{"factor " + f.Name, FactorText(f.Name), true})
	}
	for _, r := range ReplanReasons {
		_, ok := replanReasonTexts[r]
		all = append(all, named{"re-plan reason " + string(r), r.Text(), ok})
	}
	for _, s := range Stages {
		_, ok := stageTexts[s]
		all = append(all, named{"stage " + string(s), s.Text(), ok})
	}
	for _, v := range all {
		if !v.defined || !v.text.Complete() {
			t.Errorf("%s: text %+v (in its table: %v) lacks a language", v.key, v.text, v.defined)
		}
	}
	unknown := []struct {
		text model.Text
		key  string
	}{
		{Metric(99).Text(), "Metric(99)"},
		{FactorText("nope"), "nope"},
		{UnitText("nope"), "nope"},
		{ReplanReason("nope").Text(), "nope"},
		{Stage("nope").Text(), "nope"},
	}
	for _, u := range unknown {
		if u.text != model.KeyText(u.key) {
			t.Errorf("unknown value %q shows %+v, want its key", u.key, u.text)
		}
	}
}
