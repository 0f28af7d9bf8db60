package tables

import (
	"reflect"
	"strings"
	"testing"
)

func TestReadMapping(t *testing.T) {
	tests := []struct {
		name, csv string
		want      map[string]string
		err       string
	}{
		{"as rearrange writes it", "commune,commune_name,village,name,households,floor,new_village,new_name,new_households,new_floor,merged,resolution\n" +
			"42001,P,42001-01,T1,1123,450,42001-01,T1,1123,450,không,\n42001,P,42001-02,T2,432,450,42001-02,T2,566,450,có,Nhập\n42001,P,42001-14,T14,134,450,42001-02,T2,566,450,có,Nhập\n",
			map[string]string{"42001-14": "42001-02"}, ""},
		{"Vietnamese headers", "Mã thôn cũ,Mã thôn mới\nA,A\nB,A\nC,A\n", map[string]string{"B": "A", "C": "A"}, ""},
		{"nobody merges", "village,new_village\nA,A\n", map[string]string{}, ""},
		{"missing column", "village,new_name\nA,B\n", nil, "m.csv:1:3: new_village: missing column (needed: village or Mã thôn cũ, and new_village or Mã thôn mới)"},
		{"blank old code", "village,new_village\n,B\n", nil, "m.csv:2:1: village: required: the old village's code"},
		{"blank new code", "village,new_village\nA,\n", nil, "m.csv:2:2: new_village: required: the code of the village it belongs to after (its own when it stays)"},
		{"listed twice", "village,new_village\nA,B\nA,C\n", nil, "m.csv:3:1: village: village A is listed twice (also row 2)"},
		{"chain", "village,new_village\nA,B\nB,C\n", nil, "m.csv:2:2: new_village: village A merges into B, which itself merges into C: name the village after"},
	}
	for _, tt := range tests {
		got, err := ReadMapping(strings.NewReader(tt.csv), "m.csv")
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%s: error %v, want %q", tt.name, err, tt.err)
			}
			continue
		}
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: %v, %v; want %v", tt.name, got, err, tt.want)
		}
	}
}

func FuzzReadMapping(f *testing.F) {
	f.Add([]byte("village,new_village\nA,A\nB,A\n"))
	f.Add([]byte("Mã thôn cũ,Mã thôn mới\nA,B\nB,C\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		into, err := ReadMapping(strings.NewReader(string(b)), "f.csv")
		if err != nil {
			for _, e := range Errors(err) {
				if e.File == "" || e.Msg == "" {
					t.Fatalf("error without file or message: %#v", e)
				}
			}
			return
		}
		for a, k := range into {
			if a == k || into[k] != "" {
				t.Fatalf("plan %v merges %s into %s", into, a, k)
			}
		}
	})
}
