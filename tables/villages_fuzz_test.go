package tables

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// FuzzReadVillages reads villages tables against two communes: a table
// read has every village in one of them, unique codes, neighbours in the
// same commune and symmetric; the writers give it back unchanged in both
// languages; and every failure is a positioned table error.
func FuzzReadVillages(f *testing.F) {
	f.Add(villagesViHeader + villagesRows)
	f.Add(villagesEnHeader + villagesRows)
	f.Add(villagesEnHeader + "10001,T1,A,thôn,1,1,,,,T2;T3\n10001,T2,B,thôn,1,1,,,,\n10001,T3,C,thôn,1,1,,,,T1\n")
	f.Add("mã xã,mã thôn,tên thôn,loại,số hộ,số nhân khẩu,vĩ độ,kinh độ\n10001,A,A,thôn,1,1,21,105.8\n10001,B,B,ấp,1,1,21.01,105.8\n10001,C,C,bản,1,1,21,105.81\n")
	f.Add(villagesEnHeader + "10001,T1,A,thôn,-1,1,,,,T9\n")
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > fuzzMaxInput {
			t.Skip("input over 64 KiB")
		}
		villages, err := ReadVillages(strings.NewReader(src), "f.csv", villageCommunes, nil)
		if err != nil {
			requireTableError(t, err)
			return
		}
		checkVillageLinks(t, villages)
		for _, lang := range model.Langs {
			var buf bytes.Buffer
			if err := WriteVillages(&buf, villages, lang); err != nil {
				t.Fatalf("WriteVillages refuses what ReadVillages read: %v", err)
			}
			back, err := ReadVillages(&buf, "back.csv", villageCommunes, nil)
			if err != nil {
				t.Fatalf("reading back (%s): %v\n%s", lang, err, buf.String())
			}
			if !reflect.DeepEqual(back, villages) {
				t.Fatalf("round trip (%s) changed the villages:\n%+v\n%+v", lang, back, villages)
			}
		}
	})
}

// checkVillageLinks fails unless every neighbour is another village of the
// same commune that lists the village back.
func checkVillageLinks(t *testing.T, villages []model.Unit) {
	t.Helper()
	at := map[string]*model.Unit{}
	for i := range villages {
		if at[villages[i].Code] != nil {
			t.Fatalf("village %q twice", villages[i].Code)
		}
		at[villages[i].Code] = &villages[i]
	}
	for _, v := range villages {
		for _, n := range v.Neighbours {
			w := at[n]
			if w == nil || w == at[v.Code] || w.Parent != v.Parent || !slicesContains(w.Neighbours, v.Code) {
				t.Fatalf("village %s: neighbour %q is not a village of commune %s listing it back", v.Code, n, v.Parent)
			}
		}
	}
}

func slicesContains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
