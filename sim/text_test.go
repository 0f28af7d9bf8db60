package sim

import (
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// TestVocabularyText fails when any value of a vocabulary shown to people
// lacks its Vietnamese or English text, and checks that an unknown value
// shows its key.
func TestVocabularyText(t *testing.T) {
	type named struct {
		key  string
		text model.Text
	}
	var all []named
	for m := range numMetrics {
		all = append(all, named{"metric " + m.String(), m.Text()})
	}
	for _, f := range Factors {
		all = append(all, named{"factor " + f.Name, FactorText(f.Name)})
	}
	for _, r := range ReplanReasons {
		all = append(all, named{"re-plan reason " + string(r), r.Text()})
	}
	for _, s := range Stages {
		all = append(all, named{"stage " + string(s), s.Text()})
	}
	for _, v := range all {
		if !v.text.Complete() {
			t.Errorf("%s: text %+v lacks a language", v.key, v.text)
		}
	}
	unknown := []struct {
		text model.Text
		key  string
	}{
		{Metric(99).Text(), "Metric(99)"},
		{FactorText("nope"), "nope"},
		{ReplanReason("nope").Text(), "nope"},
		{Stage("nope").Text(), "nope"},
	}
	for _, u := range unknown {
		if u.text.Vi != u.key || u.text.En != u.key {
			t.Errorf("unknown value %q shows %+v, want its key", u.key, u.text)
		}
	}
}
