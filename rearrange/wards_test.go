package rearrange

import (
	"encoding/json"
	"os"
	"testing"
)

// readCommunes reads communes saved as JSON (testdata/hcmc_wards.json:
// three Hồ Chí Minh City wards of synth's country).
func readCommunes(t *testing.T, path string) []*Commune {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var communes []*Commune
	if err := json.Unmarshal(b, &communes); err != nil {
		t.Fatal(err)
	}
	return communes
}
