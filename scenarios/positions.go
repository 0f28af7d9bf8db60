package scenarios

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/token"
	"github.com/kiemnhiem/kiemnhiem/tables"
)

// Positions of field paths. Error messages need the position of a field
// path (errAt) and the field path at a position (pathFor). Both are found
// by walking the syntax tree when an error is reported, with paths built
// as linked segments and written out only for the answer: an index of
// every node's path string, as this file used to build, costs the depth
// times the length of the keys above each node, and a 800 KB file with a
// long key above many short ones ran out of memory.

// pathSeg is the last segment of a field path, linked to its parent; nil
// is the top of the file.
type pathSeg struct {
	parent *pathSeg
	key    string // a mapping key; "" for an item of a list
	index  int
}

func (s *pathSeg) String() string {
	var segs []*pathSeg
	for ; s != nil; s = s.parent {
		segs = append(segs, s)
	}
	var b strings.Builder
	for i := len(segs) - 1; i >= 0; i-- {
		switch s := segs[i]; {
		case s.key == "":
			fmt.Fprintf(&b, "[%d]", s.index)
		case b.Len() > 0:
			b.WriteString("." + s.key)
		default:
			b.WriteString(s.key)
		}
	}
	return b.String()
}

// walkTokens calls visit with every token of the tree under n that a
// message may point at, a node's or a key's, and the field path it
// belongs to, in document order.
func walkTokens(n ast.Node, path *pathSeg, visit func(*token.Token, *pathSeg)) {
	if n == nil {
		return
	}
	visit(n.GetToken(), path)
	switch n := n.(type) {
	case *ast.DocumentNode:
		walkTokens(n.Body, path, visit)
	case *ast.MappingNode:
		for _, mv := range n.Values {
			walkTokens(mv, path, visit)
		}
	case *ast.MappingValueNode:
		key := n.Key.GetToken()
		if key == nil {
			return
		}
		p := &pathSeg{parent: path, key: key.Value}
		visit(key, p)
		walkTokens(n.Value, p, visit)
	case *ast.SequenceNode:
		for i, v := range n.Values {
			walkTokens(v, &pathSeg{parent: path, index: i}, visit)
		}
	case *ast.AnchorNode:
		walkTokens(n.Value, path, visit)
	case *ast.TagNode:
		walkTokens(n.Value, path, visit)
	}
}

// pathFor returns the field path of the key or value at a token's position,
// or of the nearest one before it.
func (f *srcFile) pathFor(tk *token.Token) (string, int, int) {
	if tk == nil {
		return "", 1, 1
	}
	line, col := tk.Position.Line, tk.Position.Column
	var (
		best              *pathSeg
		bestLine, bestCol int
	)
	walkTokens(f.body, nil, func(t *token.Token, p *pathSeg) {
		if t == nil {
			return
		}
		l, c := t.Position.Line, t.Position.Column
		atOrBefore := l < line || l == line && c <= col
		later := l > bestLine || l == bestLine && c > bestCol
		if atOrBefore && later {
			best, bestLine, bestCol = p, l, c
		}
	})
	return best.String(), line, col
}

// errAt returns an error at the value of path in f, or at the nearest
// enclosing field that is present in the file (a missing field is reported
// at the mapping that should hold it).
func (f *srcFile) errAt(path, format string, args ...any) *tables.Error {
	e := (&tables.Error{File: f.name, Path: path}).Setf(errorsVi, format, args...)
	for p := path; ; p = parentPath(p) {
		if pos := f.posOf(p); pos != nil {
			e.Line, e.Col = pos.Line, pos.Column
			return e
		}
		if p == "" {
			e.Line, e.Col = 1, 1
			return e
		}
	}
}

// parentPath strips the last segment of a field path: a.b[2].c → a.b[2] →
// a.b → a → "".
func parentPath(p string) string {
	if i := strings.LastIndexAny(p, ".["); i >= 0 {
		return p[:i]
	}
	return ""
}

// posOf is the position of the field at path: of its value, or of its key
// when the value is absent or a nested block mapping; nil when the file
// does not have it (or for the top, ""). Where a key is given twice, the
// last one counts.
func (f *srcFile) posOf(path string) *token.Position {
	if path == "" || f.body == nil {
		return nil
	}
	nodes := []ast.Node{f.body}
	var pos *token.Position
	for seg := range pathSegments(path) {
		var next []ast.Node
		pos = nil
		for _, n := range nodes {
			for _, c := range children(unwrap(n), seg) {
				next = append(next, c.value)
				pos = c.pos
			}
		}
		if pos == nil {
			return nil
		}
		nodes = next
	}
	return pos
}

// child is a node under a key or index and the position its path has.
type child struct {
	value ast.Node
	pos   *token.Position
}

// children returns the values of n under the path segment seg ("key" or
// "[3]").
func children(n ast.Node, seg string) []child {
	if i, ok := strings.CutPrefix(seg, "["); ok {
		k, err := strconv.Atoi(strings.TrimSuffix(i, "]"))
		s, isSeq := n.(*ast.SequenceNode)
		if err != nil || !isSeq || k < 0 || k >= len(s.Values) {
			return nil
		}
		v := s.Values[k]
		if v == nil || v.GetToken() == nil {
			return []child{{value: v}}
		}
		return []child{{v, nodePos(v)}}
	}
	var mvs []*ast.MappingValueNode
	switch n := n.(type) {
	case *ast.MappingNode:
		mvs = n.Values
	case *ast.MappingValueNode:
		mvs = []*ast.MappingValueNode{n}
	}
	var out []child
	for _, mv := range mvs {
		key := mv.Key.GetToken()
		if key == nil || key.Value != seg {
			continue
		}
		c := child{mv.Value, key.Position}
		if mv.Value != nil && mv.Value.GetToken() != nil {
			// Errors about a value point at the value; keep the key
			// position only when the value is absent or a nested block.
			if _, nested := mv.Value.(*ast.MappingNode); !nested {
				c.pos = nodePos(mv.Value)
			}
		}
		out = append(out, c)
	}
	return out
}

// pathSegments yields the segments of a field path: a.b[2].c → a, b, [2], c.
func pathSegments(path string) func(func(string) bool) {
	return func(yield func(string) bool) {
		for part := range strings.SplitSeq(path, ".") {
			for part != "" {
				end := strings.IndexByte(part[1:], '[') + 1
				if end == 0 {
					end = len(part)
				}
				if !yield(part[:end]) {
					return
				}
				part = part[end:]
			}
		}
	}
}

// unwrap is the node under any anchor or tag.
func unwrap(n ast.Node) ast.Node {
	for {
		switch m := n.(type) {
		case *ast.AnchorNode:
			n = m.Value
		case *ast.TagNode:
			n = m.Value
		default:
			return n
		}
	}
}

// nodePos is where a node starts: for a block mapping, its first key (its
// own token is not where a reader would look).
func nodePos(n ast.Node) *token.Position {
	if m, ok := n.(*ast.MappingNode); ok && len(m.Values) > 0 {
		return m.Values[0].Key.GetToken().Position
	}
	return n.GetToken().Position
}
