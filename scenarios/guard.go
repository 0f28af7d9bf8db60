package scenarios

import (
	"github.com/goccy/go-yaml/ast"
	"github.com/kiemnhiem/kiemnhiem/tables"
)

// Guards around go-yaml. Its decoder (v1.19.2, the newest the module proxy
// serves) dereferences nil on an explicit tag before a list
// ("titles: !!null"), and a scenario needs no tags — no preset uses one,
// and the schema has no type that a tag would select. So parseFile refuses
// every explicit tag (!!null, !!str, !custom) at its position before
// decoding, and, as a last resort for bugs not yet known, turns a panic
// while parsing or decoding into an error that names the file.

// checkTags returns an error at the first explicit tag in the syntax tree
// under n, or nil.
func (f *srcFile) checkTags(n ast.Node) *tables.Error {
	v := &tagFinder{}
	ast.Walk(v, n)
	if v.tag == nil {
		return nil
	}
	tk := v.tag.GetToken()
	path, line, col := f.pathFor(tk)
	return (&tables.Error{File: f.name, Line: line, Col: col, Path: path}).Setf(errorsVi, "YAML tags (%s) are not supported: write the value without it", tk.Value)
}

// tagFinder is an ast.Visitor that stops at the first tag.
type tagFinder struct{ tag *ast.TagNode }

func (v *tagFinder) Visit(n ast.Node) ast.Visitor {
	if v.tag != nil {
		return nil
	}
	if t, ok := n.(*ast.TagNode); ok {
		v.tag = t
		return nil
	}
	return v
}

// guarded runs fn, turning a panic inside it into an error at the start
// of the file that names it and carries the panic value, so that a go-yaml
// bug costs the user a message instead of a crash.
func guarded(name string, fn func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = (&tables.Error{File: name, Line: 1, Col: 1}).Setf(errorsVi, "the YAML library failed on this file (%v); please report it with the file", r)
		}
	}()
	return fn()
}
