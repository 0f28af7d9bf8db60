package report

import (
	"bytes"
	"encoding/json"
	"io"
	"strings"
)

// WriteJSON writes v as JSON indented by two spaces, ending in a newline.
func WriteJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// EncodeJSONRows indents v as [WriteJSON] does but keeps every list of
// numbers or strings on one line, so that a metric's yearly values read as
// a row, and every object in a list whose values are all numbers or strings
// (a re-plan, a window) on one line too.
func EncodeJSONRows(v any) ([]byte, error) {
	var b bytes.Buffer
	if err := WriteJSON(&b, v); err != nil {
		return nil, err
	}
	lines := strings.SplitAfter(b.String(), "\n")
	lines = joinLines(lines, "[", func(item string) bool { return item[0] != '{' && item[0] != '[' })
	lines = joinLines(lines, "{", func(item string) bool {
		_, val, ok := strings.Cut(item, `": `)
		return ok && val != "" && val[0] != '{' && val[0] != '['
	})
	return []byte(strings.Join(lines, "")), nil
}

// joinLines puts each list (open "[") or each object that is an element of
// a list (open "{") on one line when every item passes simple. Encoded
// strings never hold a raw newline, so a line that ends in the opening
// bracket opens a list or an object, and the items of a one-level
// container are the lines up to the first that starts with its closing
// bracket.
func joinLines(lines []string, open string, simple func(item string) bool) []string {
	closing := map[string]string{"[": "]", "{": "}"}[open]
	var out []string
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if !strings.HasSuffix(l, open+"\n") || open == "{" && strings.TrimSpace(l) != "{" {
			out = append(out, l)
			continue
		}
		var items []string
		j := i + 1
		for ; j < len(lines); j++ {
			t := strings.TrimSpace(lines[j])
			if t == "" || strings.HasPrefix(t, closing) || !simple(t) {
				break
			}
			items = append(items, strings.TrimSuffix(t, ","))
		}
		if j == len(lines) || !strings.HasPrefix(strings.TrimSpace(lines[j]), closing) || len(items) == 0 {
			out = append(out, l) // nested: as it is
			continue
		}
		out = append(out, strings.TrimSuffix(l, "\n")+strings.Join(items, ", ")+strings.TrimSpace(lines[j])+"\n")
		i = j
	}
	return out
}
