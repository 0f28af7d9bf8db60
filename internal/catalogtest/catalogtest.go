// Package catalogtest finds the message formats a package writes, for the
// tests that check each has a Vietnamese form (tables.Catalogue).
package catalogtest

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// Use is one place a message is written.
type Use struct {
	Pos    string // file:line
	Format string // the English format; "" for a Msg set without Vi
}

// Scan parses the non-test Go files of dir and returns the messages they
// write: every string literal with a space or a verb in it that is an
// argument of a call to one of funcs (by name, as f or x.f) or an element
// of a composite literal of a type named in funcs, and every
// Error (or elided) composite literal that sets Msg but not Vi (Format
// "").
func Scan(dir string, funcs ...string) ([]Use, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, err
	}
	fset := token.NewFileSet()
	var out []Use
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			return nil, err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				if slices.Contains(funcs, callee(n)) {
					out = append(out, literals(fset, n.Args)...)
				}
			case *ast.CompositeLit:
				if id, ok := n.Type.(*ast.Ident); ok && slices.Contains(funcs, id.Name) {
					out = append(out, literals(fset, n.Elts)...)
				}
				if setsMsgOnly(n) {
					out = append(out, Use{Pos: position(fset, n.Pos())})
				}
			}
			return true
		})
	}
	return out, nil
}

func callee(c *ast.CallExpr) string {
	switch f := c.Fun.(type) {
	case *ast.Ident:
		return f.Name
	case *ast.SelectorExpr:
		return f.Sel.Name
	}
	return ""
}

func literals(fset *token.FileSet, args []ast.Expr) []Use {
	var out []Use
	for _, a := range args {
		lit, ok := a.(*ast.BasicLit)
		if !ok || lit.Kind != token.STRING {
			continue
		}
		s, err := strconv.Unquote(lit.Value)
		if err != nil || !strings.ContainsAny(s, " %") {
			continue
		}
		out = append(out, Use{Pos: position(fset, lit.Pos()), Format: s})
	}
	return out
}

func setsMsgOnly(c *ast.CompositeLit) bool {
	switch t := c.Type.(type) {
	case nil: // an element of an ErrorList
	case *ast.Ident:
		if t.Name != "Error" {
			return false
		}
	case *ast.SelectorExpr:
		if t.Sel.Name != "Error" {
			return false
		}
	default:
		return false
	}
	msg, vi := false, false
	for _, e := range c.Elts {
		kv, ok := e.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		if k, ok := kv.Key.(*ast.Ident); ok {
			msg = msg || k.Name == "Msg"
			vi = vi || k.Name == "Vi"
		}
	}
	return msg && !vi
}

func position(fset *token.FileSet, p token.Pos) string {
	pos := fset.Position(p)
	return filepath.Base(pos.Filename) + ":" + strconv.Itoa(pos.Line)
}

// Missing returns a line for each use that cat does not cover: a Msg set
// without Vi, a format with no Vietnamese form, or a Vietnamese form with
// a different number of verbs (unless it indexes them, %[2]s).
func Missing(uses []Use, cat map[string]string) []string {
	var missing []string
	for _, u := range uses {
		switch vi, ok := cat[u.Format]; {
		case u.Format == "":
			missing = append(missing, u.Pos+": an Error with Msg but no Vi: use Setf")
		case !ok:
			missing = append(missing, u.Pos+": "+strconv.Quote(u.Format))
		case !strings.Contains(vi, "%[") && strings.Count(vi, "%") != strings.Count(u.Format, "%"):
			missing = append(missing, fmt.Sprintf("%s: %q = %q: the verbs differ", u.Pos, u.Format, vi))
		}
	}
	return missing
}

// BadFormats formats every Vietnamese form of cat with arguments that fit
// its English format and returns a line for each that does not fit ("%!").
func BadFormats(cat map[string]string) []string {
	var bad []string
	for en, vi := range cat {
		args := sampleArgs(en)
		if len(args) == 0 { // a phrase, used as it is
			continue
		}
		if got := fmt.Sprintf(vi, args...); strings.Contains(got, "%!") {
			bad = append(bad, fmt.Sprintf("%q = %q: formats as %q", en, vi, got))
		}
	}
	slices.Sort(bad)
	return bad
}

// sampleArgs returns an argument for each verb of format: 1 for %d and
// %X, 1.5 for %g, a string otherwise. A phrase ("1 % a year") has none.
func sampleArgs(format string) []any {
	var args []any
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		j := i + 1
		for j < len(format) && strings.IndexByte("0123456789.+-#[]", format[j]) >= 0 {
			j++
		}
		if j >= len(format) || format[j] < 'A' || format[j] > 'z' { // "%%", or a percent sign in a phrase: "14 %"
			i = j
			continue
		}
		switch format[j] {
		case 'd', 'X', 'x':
			args = append(args, 1)
		case 'g':
			args = append(args, 1.5)
		default:
			args = append(args, "s")
		}
		i = j
	}
	return args
}
