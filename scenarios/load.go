package scenarios

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"
	"github.com/kiemnhiem/kiemnhiem/tables"
)

//go:embed presets/*.yaml
var presetFS embed.FS

// srcFile is one scenario file as read: its bytes, and its syntax tree,
// in which positions.go finds the position of a field path and the field
// path at a position for error messages.
type srcFile struct {
	name   string // as shown in messages: the path given, or presets/<name>.yaml
	dir    string // directory for relative paths inside the file; "" for presets
	preset bool
	src    []byte
	doc    fileDoc
	body   ast.Node // the document's top mapping; nil until parsed
}

// maxScenarioBytes caps a scenario file: the largest preset is 31 KB, and
// go-yaml needs about 400 MB and 9 s for 1 MiB of short values.
const maxScenarioBytes = 256 << 10

// parseFile reads one scenario file strictly: a syntax error, an unknown
// field, a wrong type or a number with a fraction for a whole-number field
// (see checkWholeNumbers) stops it with a positioned error. Before go-yaml
// sees the file, its size, encoding (UTF-8, a byte-order mark is skipped)
// and nesting depth are checked, and explicit tags are refused before
// decoding (see guard.go).
func parseFile(name, dir string, preset bool, src []byte) (*srcFile, error) {
	if len(src) > maxScenarioBytes {
		return nil, (&tables.Error{File: name, Line: 1, Col: 1}).Setf(errorsVi, "too large: %d bytes, more than the limit of 256 KiB for a scenario", len(src))
	}
	src, err := tables.CheckText(name, src, tables.SaveAsText)
	if err != nil {
		return nil, err
	}
	if err := checkDepth(name, src); err != nil {
		return nil, err
	}
	f := &srcFile{name: name, dir: dir, preset: preset, src: src}
	if err := guarded(name, f.parse); err != nil {
		return nil, err
	}
	return f, nil
}

// parse parses and decodes f.src.
func (f *srcFile) parse() error {
	name := f.name
	file, err := parser.ParseBytes(f.src, 0)
	if err != nil {
		return f.yamlError(err)
	}
	if len(file.Docs) != 1 || file.Docs[0].Body == nil {
		if len(file.Docs) > 1 {
			return (&tables.Error{File: name, Line: 1, Col: 1}).Setf(errorsVi, "a scenario file holds one YAML document; found several")
		}
		return (&tables.Error{File: name, Line: 1, Col: 1}).Setf(errorsVi, "empty scenario file: expected a mapping with at least policy or extends")
	}
	body := file.Docs[0].Body
	if _, ok := body.(*ast.MappingNode); !ok {
		tk := body.GetToken()
		return (&tables.Error{File: name, Line: tk.Position.Line, Col: tk.Position.Column}).Setf(errorsVi, "expected a mapping of scenario fields (name, extends, date, policy, dynamics, titles, data)")
	}
	f.body = body
	if err := f.checkTags(body); err != nil {
		return err
	}
	if err := yaml.NodeToValue(body, &f.doc, yaml.Strict()); err != nil {
		return f.yamlError(err)
	}
	if err := f.checkWholeNumbers(body); err != nil {
		return err
	}
	return nil
}

// yamlError turns a go-yaml error into a positioned *tables.Error with the field
// path and a message that says what was expected.
func (f *srcFile) yamlError(err error) *tables.Error {
	var ye yaml.Error
	if !errors.As(err, &ye) {
		return (&tables.Error{File: f.name, Line: 1, Col: 1}).Setf(errorsVi, "%s", err.Error())
	}
	path, line, col := f.pathFor(ye.GetToken())
	e := (&tables.Error{File: f.name, Line: line, Col: col, Path: path}).Setf(errorsVi, "%s", ye.GetMessage())
	var (
		unknown *yaml.UnknownFieldError
		typ     *yaml.TypeError
		over    *yaml.OverflowError
		dup     *yaml.DuplicateKeyError
		syn     *yaml.SyntaxError
	)
	switch {
	case errors.As(err, &unknown):
		field := ye.GetToken().Value
		if want := fieldsAt(parentPath(path)); len(want) > 0 {
			e.Setf(errorsVi, "unknown field %q (expected one of: %s)", field, strings.Join(want, ", "))
		} else {
			e.Setf(errorsVi, "unknown field %q", field)
		}
	case errors.As(err, &typ):
		e.Setf(errorsVi, "expected %s, got %s", describeType(typ.DstType), describeToken(ye.GetToken()))
	case errors.As(err, &over):
		e.Setf(errorsVi, "number %s is out of range for %s", over.SrcNum, describeType(over.DstType))
	case errors.As(err, &dup):
		e.Setf(errorsVi, "duplicate key: %s", dup.Message)
	case errors.As(err, &syn):
		e.Path = ""
		e.Setf(errorsVi, "YAML syntax: %s", syn.Message)
		if key, first, ok := duplicateKey(syn.Message); ok {
			e.Path = key
			e.Setf(errorsVi, "duplicate key %q (first given at %s)", key, first)
		}
	}
	return e
}

// duplicateKey recognises go-yaml's parser message for a key given twice in
// one mapping: `mapping key "date" already defined at [3:1]`.
func duplicateKey(msg string) (key, first string, ok bool) {
	m := duplicateKeyPattern.FindStringSubmatch(msg)
	if m == nil {
		return "", "", false
	}
	return m[1], "line " + m[2] + ", column " + m[3], true
}

var duplicateKeyPattern = regexp.MustCompile(`^mapping key "([^"]*)" already defined at \[(\d+):(\d+)\]`)

func describeType(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.String:
		return "text"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int64, reflect.Int32:
		return "a whole number"
	case reflect.Uint64, reflect.Uint, reflect.Uint32:
		return "a whole number ≥ 0"
	case reflect.Float64, reflect.Float32:
		return "a number"
	case reflect.Slice:
		return "a list"
	case reflect.Struct, reflect.Map:
		return "a mapping"
	}
	return t.String()
}

func describeToken(tk *token.Token) string {
	if tk == nil {
		return "nothing"
	}
	switch tk.Type {
	case token.SequenceStartType, token.SequenceEntryType:
		return "a list"
	case token.MappingStartType, token.MappingKeyType, token.MappingValueType:
		return "a mapping"
	case token.BoolType:
		return tk.Value
	case token.IntegerType, token.FloatType, token.BinaryIntegerType, token.OctetIntegerType, token.HexIntegerType:
		return "the number " + tk.Value
	case token.NullType:
		return "null"
	}
	return fmt.Sprintf("%q", tk.Value)
}

// fieldsAt lists the field names allowed at a path of the file format, for
// "unknown field" messages.
func fieldsAt(path string) []string {
	t := reflect.TypeOf(fileDoc{})
	if path != "" {
		for seg := range strings.SplitSeq(path, ".") {
			name, _, indexed := strings.Cut(seg, "[")
			t = elemStruct(t)
			if t.Kind() != reflect.Struct {
				return nil
			}
			f, ok := fieldByTag(t, name)
			if !ok {
				return nil
			}
			t = f.Type
			if indexed {
				for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
					t = t.Elem()
				}
			}
		}
	}
	t = elemStruct(t)
	if t.Kind() != reflect.Struct {
		return nil
	}
	var out []string
	for i := range t.NumField() {
		if tag := t.Field(i).Tag.Get("yaml"); tag != "" {
			out = append(out, strings.Split(tag, ",")[0])
		}
	}
	return out
}

func elemStruct(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t
}

func fieldByTag(t reflect.Type, name string) (reflect.StructField, bool) {
	for i := range t.NumField() {
		if strings.Split(t.Field(i).Tag.Get("yaml"), ",")[0] == name {
			return t.Field(i), true
		}
	}
	return reflect.StructField{}, false
}

// Presets returns the names of the embedded presets, sorted.
func Presets() []string {
	entries, _ := fs.ReadDir(presetFS, "presets")
	var out []string
	for _, e := range entries {
		if name, ok := strings.CutSuffix(e.Name(), ".yaml"); ok {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

// PresetSource returns the YAML text of an embedded preset.
func PresetSource(name string) ([]byte, error) {
	b, err := presetFS.ReadFile("presets/" + name + ".yaml")
	if err != nil {
		return nil, fmt.Errorf("no preset %q (presets: %s)", name, strings.Join(Presets(), ", "))
	}
	return b, nil
}

// isPresetRef reports whether ref names a preset rather than a file: a bare
// name with no directory and no extension.
func isPresetRef(ref string) bool {
	return !strings.ContainsAny(ref, `/\`) && filepath.Ext(ref) == ""
}

// readRef reads the file or preset that ref names, relative to dir.
func readRef(ref, dir string, fromPreset bool) (*srcFile, error) {
	if isPresetRef(ref) {
		src, err := PresetSource(ref)
		if err != nil {
			return nil, err
		}
		return parseFile("presets/"+ref+".yaml", "", true, src)
	}
	if fromPreset {
		return nil, fmt.Errorf("a preset may only extend another preset, not %q", ref)
	}
	p := ref
	if !filepath.IsAbs(p) && dir != "" {
		p = filepath.Join(dir, p)
	}
	src, err := tables.ReadInput(p, maxScenarioBytes)
	if err != nil {
		e := err.(*tables.Error)
		e.Prefix("cannot read scenario: ", "không đọc được phương án: ")
		return nil, e
	}
	return parseFile(p, filepath.Dir(p), false, src)
}
