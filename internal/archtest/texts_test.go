package archtest

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// sameInBothLanguages are texts whose Vietnamese is rightly the English:
// symbols, codes and names that are not translated.
var sameInBothLanguages = map[string]bool{}

// textWords reports whether s has a word outside its format verbs, flags,
// keys and codes, so a Vietnamese form equal to it is no translation.
func textWords(s string) bool {
	s = regexp.MustCompile(`%[-+# 0-9.*]*[a-zA-Z]|--?[a-z][a-z-]*|\b[a-z0-9]+[_.-][a-z0-9_.-]+\b|\b[A-Z0-9]{2,}\b|\bp\d+\b`).ReplaceAllString(s, "")
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}

// TestTextsHaveVietnamese walks every package's source for the texts a
// person reads — model.Text literals {Vi, En} and lang.Pick(vi, en) calls
// with literal arguments — and fails when one lacks its Vietnamese form,
// or gives the English again where words are expected.
func TestTextsHaveVietnamese(t *testing.T) {
	root, _ := moduleRoot(t)
	fset := token.NewFileSet()
	n := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata" || d.Name() == "notebooks") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(node ast.Node) bool {
			vi, en, ok := textPair(node)
			if !ok {
				return true
			}
			n++
			pos := fset.Position(node.Pos())
			rel, _ := filepath.Rel(root, pos.Filename)
			switch {
			case en != "" && strings.TrimSpace(vi) == "":
				t.Errorf("%s:%d: %q has no Vietnamese form", rel, pos.Line, en)
			case vi == en && textWords(en) && !sameInBothLanguages[en]:
				t.Errorf("%s:%d: the Vietnamese of %q is the English", rel, pos.Line, en)
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 100 {
		t.Errorf("found %d texts; the walk misses the source", n)
	}
}

// textPair returns the Vietnamese and English of node when it is a
// model.Text literal or a Pick call with literal arguments.
func textPair(node ast.Node) (vi, en string, ok bool) {
	switch x := node.(type) {
	case *ast.CompositeLit:
		if !isTextType(x.Type) {
			return "", "", false
		}
		var fields [2]*string
		fields[0], fields[1] = &vi, &en
		for i, e := range x.Elts {
			key, val := "", e
			if kv, isKV := e.(*ast.KeyValueExpr); isKV {
				if id, isID := kv.Key.(*ast.Ident); isID {
					key = id.Name
				}
				val = kv.Value
			} else if i < 2 {
				key = [2]string{"Vi", "En"}[i]
			}
			s, lit := stringLit(val)
			if !lit {
				return "", "", false
			}
			switch key {
			case "Vi":
				*fields[0] = s
			case "En":
				*fields[1] = s
			}
		}
		return vi, en, true
	case *ast.CallExpr:
		sel, isSel := x.Fun.(*ast.SelectorExpr)
		if !isSel || sel.Sel.Name != "Pick" || len(x.Args) != 2 {
			return "", "", false
		}
		vi, ok1 := stringLit(x.Args[0])
		en, ok2 := stringLit(x.Args[1])
		return vi, en, ok1 && ok2
	}
	return "", "", false
}

func isTextType(e ast.Expr) bool {
	switch x := e.(type) {
	case *ast.Ident:
		return x.Name == "Text"
	case *ast.SelectorExpr:
		return x.Sel.Name == "Text"
	}
	return false
}

func stringLit(e ast.Expr) (string, bool) {
	lit, ok := e.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(lit.Value)
	return s, err == nil
}
