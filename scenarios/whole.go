package scenarios

import (
	"math"
	"reflect"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/token"
	"github.com/kiemnhiem/kiemnhiem/tables"
)

// Whole numbers. go-yaml decodes a number with a fraction into an integer
// field by dropping the fraction (2340000.5 becomes 2340000, also when the
// number is quoted or reached through an alias), and a float just past the
// type's range (9.3e18, -1e30 into int64) by wrapping it around. So after a
// successful decode parseFile walks the syntax tree along the file format's
// Go types and rejects any value decoded into an integer field that is not
// a whole number within the field's range, with the position, field path
// and wording of a wrong type ("expected a whole number, got the number
// 2340000.5") or of an overflow ("number 1e19 is out of range for a whole
// number"). A whole number written as a float (2340000.0, 2.34e6) is
// accepted, as JSON Schema's "integer" (schema.json) accepts it; whether it
// is whole is decided on the decimal text, so 2340000.0000000001 is not.

// wholeChecker walks one file's syntax tree.
type wholeChecker struct {
	f       *srcFile
	anchors map[string]ast.Node // anchor name → its value, as defined so far
	// walked records the aliased nodes already checked for a type, so that
	// aliases of aliases are walked once each and not exponentially often.
	walked map[walkedKey]bool
}

type walkedKey struct {
	n ast.Node
	t reflect.Type
}

// checkWholeNumbers returns the first value in body decoded into an integer
// field that is not a whole number in the field's range, as an error; nil
// when there is none. body has already decoded into fileDoc.
func (f *srcFile) checkWholeNumbers(body ast.Node) *tables.Error {
	w := wholeChecker{f: f, anchors: map[string]ast.Node{}, walked: map[walkedKey]bool{}}
	return w.walk(body, reflect.TypeOf(fileDoc{}), nil)
}

// walk checks node n, decoded into a value of type t, at field path path
// (written out only for an error, see pathSeg).
func (w *wholeChecker) walk(n ast.Node, t reflect.Type, path *pathSeg) *tables.Error {
	if n == nil {
		return nil
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch n := n.(type) {
	case *ast.AnchorNode:
		if n.Name != nil && n.Name.GetToken() != nil {
			w.anchors[n.Name.GetToken().Value] = n.Value
		}
		return w.walk(n.Value, t, path)
	case *ast.AliasNode:
		return w.walkAlias(n, t, path)
	}
	if isInteger(t) {
		return w.whole(n, t, path)
	}
	switch n := n.(type) {
	case *ast.TagNode:
		return w.walk(n.Value, t, path)
	case *ast.DocumentNode:
		return w.walk(n.Body, t, path)
	case *ast.MappingNode:
		for _, mv := range n.Values {
			if err := w.walk(mv, t, path); err != nil {
				return err
			}
		}
	case *ast.MappingValueNode:
		return w.walkField(n, t, path)
	case *ast.SequenceNode:
		if t.Kind() != reflect.Slice && t.Kind() != reflect.Array {
			return nil
		}
		for i, v := range n.Values {
			if err := w.walk(v, t.Elem(), &pathSeg{parent: path, index: i}); err != nil {
				return err
			}
		}
	}
	return nil
}

// walkAlias walks the anchored node an alias names, once for each type it
// is decoded into.
func (w *wholeChecker) walkAlias(n *ast.AliasNode, t reflect.Type, path *pathSeg) *tables.Error {
	if n.Value == nil || n.Value.GetToken() == nil {
		return nil
	}
	target := w.anchors[n.Value.GetToken().Value]
	key := walkedKey{target, t}
	if target == nil || w.walked[key] {
		return nil
	}
	w.walked[key] = true
	// Errors inside point at the alias: path is not in the anchor's
	// part of the position index, so errAt falls back to where the
	// alias is written.
	return w.walk(target, t, path)
}

// walkField walks the value of one key of a mapping decoded into struct
// type t, or the mappings a merge key lays into it.
func (w *wholeChecker) walkField(n *ast.MappingValueNode, t reflect.Type, path *pathSeg) *tables.Error {
	if t.Kind() != reflect.Struct || n.Key == nil {
		return nil
	}
	if n.Key.IsMergeKey() {
		// <<: *base or <<: [*a, *b] lays mappings into this one. Every
		// number they hold is checked, also one that a key of this
		// mapping overrides.
		if seq, ok := n.Value.(*ast.SequenceNode); ok {
			for _, v := range seq.Values {
				if err := w.walk(v, t, path); err != nil {
					return err
				}
			}
			return nil
		}
		return w.walk(n.Value, t, path)
	}
	key := n.Key.GetToken()
	if key == nil {
		return nil
	}
	field, ok := fieldByTag(t, key.Value)
	if !ok {
		return nil
	}
	return w.walk(n.Value, field.Type, &pathSeg{parent: path, key: key.Value})
}

func isInteger(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return true
	}
	return false
}

// whole checks a scalar decoded into the integer type t. The decoder turns
// it into an int64 or uint64 (already range-checked), or into a float64 or
// a string that it converts by truncation; those two are checked here.
func (w *wholeChecker) whole(n ast.Node, t reflect.Type, path *pathSeg) *tables.Error {
	var v any
	if err := yaml.NodeToValue(n, &v); err != nil {
		return nil // not a scalar the decoder could have read as a number
	}
	var (
		x    float64
		text string
	)
	switch v := v.(type) {
	case float64:
		x, text = v, scalarToken(n).Value
	case string:
		f, err := strconv.ParseFloat(v, 64)
		if err != nil {
			return nil // the decoder rejects it as a wrong type
		}
		x, text = f, v
	default:
		return nil
	}
	isWhole := x == math.Trunc(x)
	if exact, ok := decimalIsWhole(text); ok {
		isWhole = exact
	}
	if !isWhole {
		return w.f.errAt(path.String(), "expected %s, got %s", describeType(t), describeToken(scalarToken(n)))
	}
	if !fits(x, t) {
		return w.f.errAt(path.String(), "number %s is out of range for %s", text, describeType(t))
	}
	return nil
}

// scalarToken is the token of the scalar under any tag or anchor.
func scalarToken(n ast.Node) *token.Token {
	for {
		switch m := n.(type) {
		case *ast.TagNode:
			if m.Value == nil {
				return m.GetToken()
			}
			n = m.Value
		case *ast.AnchorNode:
			if m.Value == nil {
				return m.GetToken()
			}
			n = m.Value
		default:
			return n.GetToken()
		}
	}
}

// fits reports whether the whole number x is in the range of the integer
// type t.
func fits(x float64, t reflect.Type) bool {
	bits := t.Bits()
	switch t.Kind() {
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return x >= 0 && x < math.Ldexp(1, bits)
	}
	limit := math.Ldexp(1, bits-1)
	return x >= -limit && x < limit
}

// decimalIsWhole decides from a number's decimal text, such as
// "-2_340_000.50e1", whether it is a whole number; ok is false when s is not
// plain decimal notation (hex, .inf) or its exponent is unreasonably large.
func decimalIsWhole(s string) (whole, ok bool) {
	s = strings.ReplaceAll(s, "_", "")
	s = strings.TrimLeft(s, "+-")
	exp := 0
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		e, err := strconv.Atoi(s[i+1:])
		if err != nil || e > 1000 || e < -1000 {
			return false, false
		}
		s, exp = s[:i], e
	}
	intPart, frac, _ := strings.Cut(s, ".")
	if intPart == "" && frac == "" {
		return false, false
	}
	for _, r := range intPart + frac {
		if r < '0' || r > '9' {
			return false, false
		}
	}
	// The digits, without the point and without trailing zeros, and where
	// the point goes after shifting by the exponent: whole when no
	// significant digit is left after the point.
	digits := strings.TrimRight(intPart+frac, "0")
	point := len(intPart) + exp
	return len(digits) <= point || strings.Trim(digits, "0") == "", true
}
