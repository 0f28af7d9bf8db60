package model

import (
	"fmt"
	"strings"
)

// enumNames maps each value of a small enumeration to its spelling in
// scenario files and CSV; the first name is the canonical one, the rest are
// accepted aliases (Vietnamese names among them).
type enumNames[T ~uint8] [][]string

func (n enumNames[T]) str(v T) string {
	if int(v) < len(n) && len(n[v]) > 0 {
		return n[v][0]
	}
	return fmt.Sprintf("%d", v)
}

func (n enumNames[T]) parse(kind, s string) (T, error) {
	k := strings.ToLower(strings.TrimSpace(s))
	for i, names := range n {
		for _, name := range names {
			if k == strings.ToLower(name) {
				return T(i), nil
			}
		}
	}
	return 0, &EnumError{Kind: kind, Value: s, Want: n.canonical()}
}

func (n enumNames[T]) canonical() []string {
	var out []string
	for _, names := range n {
		if len(names) > 0 && names[0] != "" {
			out = append(out, names[0])
		}
	}
	return out
}
