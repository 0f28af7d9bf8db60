package scenarios

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// schemaID is the $id of schema.json; the compiler resolves $refs against it.
const schemaID = "https://github.com/kiemnhiem/kiemnhiem/scenarios/schema.json"

// compileSchema compiles schema.json as draft 2020-12.
func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	b, err := os.ReadFile("schema.json")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("schema.json is not JSON: %v", err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	if err := c.AddResource(schemaID, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(schemaID)
	if err != nil {
		t.Fatalf("schema.json does not compile: %v", err)
	}
	return sch
}

// schemaDoc returns schema.json as plain maps, for walking.
func schemaDoc(t *testing.T) map[string]any {
	t.Helper()
	b, err := os.ReadFile("schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatalf("schema.json is not JSON: %v", err)
	}
	return doc
}

// validateYAML converts a YAML document to JSON and validates it.
func validateYAML(sch *jsonschema.Schema, src []byte) error {
	j, err := yaml.YAMLToJSON(src)
	if err != nil {
		return fmt.Errorf("YAML: %w", err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(j))
	if err != nil {
		return fmt.Errorf("JSON: %w", err)
	}
	return sch.Validate(inst)
}

func presetPaths(t *testing.T) []string {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("presets", "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) == 0 {
		t.Fatal("no presets in presets/*.yaml")
	}
	return paths
}

// TestSchemaPresetsValid checks every preset, converted to JSON, against
// schema.json.
func TestSchemaPresetsValid(t *testing.T) {
	sch := compileSchema(t)
	for _, path := range presetPaths(t) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if err := validateYAML(sch, src); err != nil {
				t.Fatalf("does not validate against schema.json:\n%v", err)
			}
		})
	}
}

// TestSchemaPresetsDecodeStrict decodes every preset strictly into the file
// format's Go types, so a field the schema allows but format.go lacks (or a
// wrong type) fails here too, and checks the preset conventions the schema
// cannot express: name equals the file name, the description is one line,
// and data chooses at most the generator's vintage.
func TestSchemaPresetsDecodeStrict(t *testing.T) {
	for _, path := range presetPaths(t) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			var doc fileDoc
			if err := yaml.UnmarshalWithOptions(src, &doc, yaml.Strict()); err != nil {
				t.Fatalf("strict decode:\n%s", yaml.FormatError(err, false, true))
			}
			want := strings.TrimSuffix(filepath.Base(path), ".yaml")
			if doc.Name == nil || *doc.Name != want {
				t.Errorf("name = %v, want %q (the file name)", deref(doc.Name), want)
			}
			if doc.Description == nil || strings.TrimSpace(*doc.Description) == "" || strings.Contains(*doc.Description, "\n") {
				t.Errorf("description = %q, want one non-empty line", deref(doc.Description))
			}
			if doc.Data != nil && (doc.Data.People != nil || doc.Data.Seed != nil ||
				(doc.Data.Units != nil && !reflect.DeepEqual(*doc.Data.Units, fileUnits{Vintage: doc.Data.Units.Vintage}))) {
				t.Errorf("a preset's data section may only choose the generator's vintage")
			}
		})
	}
}

func deref(s *string) string {
	if s == nil {
		return "<nil>"
	}
	return *s
}

// TestSchemaRejectsInvalid checks that the schema catches the mistakes an
// editor should flag, and accepts the valid controls.
func TestSchemaRejectsInvalid(t *testing.T) {
	sch := compileSchema(t)
	tests := []struct {
		name  string
		src   string
		valid bool
	}{
		{"minimal variant", "extends: nd33-2023\ndate: 2026-01-01\n", true},
		{"variant with a dated value and a title", `
extends: nd33-2023
policy:
  village_cap:
    - {from: "2026-07-01", value: 2, source: "assumption: test"}
titles:
  - {id: truong-thon, allowance: 1.2, source: "assumption: test"}
  - {id: pho-bi-thu-doan, remove: true}
`, true},
		{"elected title", `
titles:
  - id: x
    level: village
    unit_types: [thon, to-dan-pho]
    term: {kind: elected, months: 30, anchor: 2022-12-01}
    requires: {min_education: upper-secondary, sex: female}
`, true},

		{"unknown top-level field", "name: x\npolicies: {}\n", false},
		{"unknown field in a dated entry", `
policy:
  base_salary:
    - {from: "2024-07-01", value: 2340000, source: "NĐ 73/2024", note: "x"}
`, false},
		{"unknown field in a title", "titles:\n  - {id: x, salary: 1.5}\n", false},
		{"wrong type: text for an amount", `
policy:
  base_salary:
    - {from: "2024-07-01", value: "a lot", source: "x"}
`, false},
		{"wrong type: fractional amount", `
policy:
  base_salary:
    - {from: "2024-07-01", value: 2340000.5, source: "x"}
`, false},
		{"wrong type: mapping for the titles list", "titles: {id: x}\n", false},
		{"wrong type: list for the policy", "policy: [1, 2]\n", false},
		{"bad date: no leading zeros", `
policy:
  fund_binds:
    - {from: "2024-7-1", value: true, source: "x"}
`, false},
		{"bad date: day first", "date: 01/07/2024\n", false},
		{"bad date: anchor with a time", `
titles:
  - {id: x, term: {kind: elected, months: 60, anchor: "2022-06-01T00:00"}}
`, false},
		{"bad age", `
policy:
  retirement:
    - from: "2021-01-01"
      value: [{year: 2021, men: "60", women: "55y4m"}]
      source: "x"
`, false},
		{"missing source", `
policy:
  village_cap:
    - {from: "2026-07-01", value: 2}
`, false},
		{"empty source", `
policy:
  village_cap:
    - {from: "2026-07-01", value: 2, source: "  "}
`, false},
		{"empty series", "policy:\n  village_cap: []\n", false},
		{"concurrency rate above 1", `
policy:
  concurrency_rate:
    - {from: "2023-08-01", value: 1.5, source: "x"}
`, false},
		{"zero titles per person", `
policy:
  max_titles_per_person:
    - {from: "2023-08-01", value: 0, source: "x"}
`, false},
		{"commune cap without class III", `
policy:
  commune_cap:
    - {from: "2023-08-01", value: {I: 14, II: 12}, source: "x"}
`, false},
		{"unknown level", "titles:\n  - {id: x, level: town}\n", false},
		{"unit type alias instead of canonical name", "titles:\n  - {id: x, unit_types: [xã]}\n", false},
		{"unknown education", "titles:\n  - {id: x, requires: {min_education: phd}}\n", false},
		{"unknown sex", "titles:\n  - {id: x, requires: {sex: woman}}\n", false},
		{"unknown combination mode", `
policy:
  combination:
    - {from: "2023-08-01", value: {mode: some}, source: "x"}
`, false},
		{"pairs with mode any", `
policy:
  combination:
    - {from: "2023-08-01", value: {mode: any, pairs: [[a, b]]}, source: "x"}
`, false},
		{"a pair of three", `
policy:
  combination:
    - {from: "2023-08-01", value: {mode: forbidden, pairs: [[a, b, c]]}, source: "x"}
`, false},
		{"title id with capitals", "titles:\n  - {id: Truong-Thon}\n", false},
		{"title without id", "titles:\n  - {level: village}\n", false},
		{"removed title with other fields", "titles:\n  - {id: x, remove: true, allowance: 1}\n", false},
		{"elected title without months", "titles:\n  - {id: x, term: {kind: elected, anchor: \"2022-06-01\"}}\n", false},
		{"congress without source", "congresses:\n  - {organisation: women, level: commune, date: \"2021-04-01\"}\n", false},
		{"congress of an unknown organisation", "congresses:\n  - {organisation: union, level: commune, date: \"2021-04-01\", source: x}\n", false},
		{"title of an unknown organisation", "titles:\n  - {id: x, organisation: union}\n", false},
		{"appointed title with months", "titles:\n  - {id: x, term: {kind: appointed, months: 30}}\n", false},
		{"recruitment allowed without cost", `
policy:
  recruitment:
    - {from: "2023-08-01", value: {allowed: true, max_per_unit: 2}, source: "x"}
`, false},
		{"recruitment not allowed with cost", `
policy:
  recruitment:
    - {from: "2023-08-01", value: {allowed: false, cost: 1}, source: "x"}
`, false},
		{"units from a file and the generator", "data:\n  units: {file: units.csv, vintage: \"2025-07\"}\n", false},
		{"unknown vintage", "data:\n  units: {vintage: \"2019-04\"}\n", false},
		{"one-digit province code", "data:\n  units: {province: \"1\"}\n", false},
		{"sheet of a CSV people file", "data:\n  people: {file: people.csv, sheet: Sheet1}\n", false},
		{"negative workload", "titles:\n  - {id: x, workload: {base: -1}}\n", false},

		{"dynamics with every field", `
extends: nd33-2023
dynamics:
  resignation:
    - {from: "2027-01-01", value: {base: 0.05, low_pay: 2, overload: 1.5}, source: "assumption: test"}
  death:
    - {from: "2027-01-01", value: 0.004, source: "assumption: test"}
  reference_income:
    - {from: "2027-01-01", value: 6000000, source: "assumption: test"}
  candidates:
    - {from: "2027-01-01", value: {per_thousand: 4.5, party_share: 0.3, accept: 0.1, age: 28}, source: "assumption: test"}
  growth:
    - {from: "2027-01-01", value: {population: -0.01, households: 0.01}, source: "assumption: test"}
  vacancy:
    - {from: "2027-01-01", value: vacant, source: "assumption: test"}
  max_age:
    - {from: "2027-01-01", value: 65, source: "assumption: test"}
    - {from: "2030-01-01", value: 0, source: "assumption: lifted"}
  mergers:
    - {date: "2027-01-01", below_households: 100, source: "assumption: test"}
`, true},
		{"dynamics dropping the inherited mergers", "dynamics:\n  mergers: []\n", true},
		{"dynamics: probability above 1", `
dynamics:
  death:
    - {from: "2027-01-01", value: 1.5, source: "x"}
`, false},
		{"dynamics: unknown field", `
dynamics:
  resignation:
    - {from: "2027-01-01", value: {base: 0.05, lowpay: 2, overload: 1.5}, source: "x"}
`, false},
		{"dynamics: unknown section field", "dynamics:\n  deaths: []\n", false},
		{"dynamics: missing source", `
dynamics:
  death:
    - {from: "2027-01-01", value: 0.01}
`, false},
		{"dynamics: empty series", "dynamics:\n  death: []\n", false},
		{"dynamics: zero reference income", `
dynamics:
  reference_income:
    - {from: "2027-01-01", value: 0, source: "x"}
`, false},
		{"dynamics: candidates without age", `
dynamics:
  candidates:
    - {from: "2027-01-01", value: {per_thousand: 5, party_share: 0.25, accept: 0.15}, source: "x"}
`, false},
		{"dynamics: candidate age 12", `
dynamics:
  candidates:
    - {from: "2027-01-01", value: {per_thousand: 5, party_share: 0.25, accept: 0.15, age: 12}, source: "x"}
`, false},
		{"dynamics: growth of -100 %", `
dynamics:
  growth:
    - {from: "2027-01-01", value: {population: -1, households: 0}, source: "x"}
`, false},
		{"dynamics: negative slope", `
dynamics:
  resignation:
    - {from: "2027-01-01", value: {base: 0.05, low_pay: -2, overload: 1.5}, source: "x"}
`, false},
		{"dynamics: bad vacancy", `
dynamics:
  vacancy:
    - {from: "2027-01-01", value: shared, source: "x"}
`, false},
		{"dynamics: max age 10", `
dynamics:
  max_age:
    - {from: "2027-01-01", value: 10, source: "x"}
`, false},
		{"dynamics: merger without date", `
dynamics:
  mergers:
    - {below_households: 100, source: "x"}
`, false},
		{"dynamics: merger below 0 households", `
dynamics:
  mergers:
    - {date: "2027-01-01", below_households: 0, source: "x"}
`, false},
		{"dynamics: a mapping with rules", `
dynamics:
  mergers:
    - {date: "2027-01-01", mapping: m.csv, rules: {max_merge: 4, goal: consolidation, adjacency: "off"}, source: "x"}
    - {date: "2028-01-01", mapping: n.csv, rules: {}, source: "x"}
`, true},
		{"dynamics: rules without a mapping", `
dynamics:
  mergers:
    - {date: "2027-01-01", below_households: 100, rules: {max_merge: 4}, source: "x"}
`, false},
		{"dynamics: rules max_merge 9", `
dynamics:
  mergers:
    - {date: "2027-01-01", mapping: m.csv, rules: {max_merge: 9}, source: "x"}
`, false},
		{"dynamics: rules with an unknown key", `
dynamics:
  mergers:
    - {date: "2027-01-01", mapping: m.csv, rules: {k: 2}, source: "x"}
`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := validateYAML(sch, []byte(tt.src))
			switch {
			case tt.valid && err != nil:
				t.Errorf("rejected a valid document:\n%s\n%v", tt.src, err)
			case !tt.valid && err == nil:
				t.Errorf("accepted an invalid document:\n%s", tt.src)
			}
		})
	}
}

// TestSchemaMatchesFormat walks the fileDoc type by reflection beside the
// schema's properties and fails when a yaml field has no schema property,
// a schema property has no field, the JSON types disagree, an object allows
// additional properties, or a property has no description.
func TestSchemaMatchesFormat(t *testing.T) {
	doc := schemaDoc(t)
	w := schemaWalker{t: t, root: doc, seen: map[schemaVisit]bool{}}
	w.walk(reflect.TypeFor[fileDoc](), doc, "")
}

type schemaWalker struct {
	t    *testing.T
	root map[string]any
	seen map[schemaVisit]bool // struct types walked against a schema object
}

// schemaVisit is a struct type against a schema object: a title's changes
// are titles, so the walk must stop where it has been.
type schemaVisit struct {
	t reflect.Type
	s uintptr
}

// resolve follows $ref (only local "#/$defs/…" references are used).
func (w schemaWalker) resolve(s map[string]any, path string) map[string]any {
	for range 16 {
		ref, ok := s["$ref"].(string)
		if !ok {
			return s
		}
		name, ok := strings.CutPrefix(ref, "#/$defs/")
		defs, _ := w.root["$defs"].(map[string]any)
		target, found := defs[name].(map[string]any)
		if !ok || !found {
			w.t.Errorf("%s: unresolvable $ref %q", orRoot(path), ref)
			return nil
		}
		s = target
	}
	w.t.Errorf("%s: $ref cycle", orRoot(path))
	return nil
}

func orRoot(path string) string {
	if path == "" {
		return "(root)"
	}
	return path
}

func (w schemaWalker) walk(t reflect.Type, s map[string]any, path string) {
	s = w.resolve(s, path)
	if s == nil {
		return
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Slice:
		w.wantType(s, "array", t, path)
		items, ok := s["items"].(map[string]any)
		if !ok {
			w.t.Errorf("%s: schema has no items for %s", orRoot(path), t)
			return
		}
		w.walk(t.Elem(), items, path+"[]")
	case reflect.Struct:
		v := schemaVisit{t, reflect.ValueOf(s).Pointer()}
		if w.seen[v] {
			return
		}
		w.seen[v] = true
		w.wantType(s, "object", t, path)
		if ap, ok := s["additionalProperties"].(bool); !ok || ap {
			w.t.Errorf("%s: schema object lacks additionalProperties: false", orRoot(path))
		}
		props, _ := s["properties"].(map[string]any)
		var tags []string
		for i := range t.NumField() {
			f := t.Field(i)
			tag, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
			if tag == "" || tag == "-" {
				continue
			}
			tags = append(tags, tag)
			p := join(path, tag)
			ps, ok := props[tag].(map[string]any)
			if !ok {
				w.t.Errorf("%s: field %s.%s (yaml %q) has no schema property", p, t.Name(), f.Name, tag)
				continue
			}
			if d, _ := ps["description"].(string); strings.TrimSpace(d) == "" {
				w.t.Errorf("%s: schema property has no description", p)
			}
			w.walk(f.Type, ps, p)
		}
		for name := range props {
			if !slices.Contains(tags, name) {
				w.t.Errorf("%s: schema property has no field in %s", join(path, name), t)
			}
		}
	case reflect.String:
		w.wantType(s, "string", t, path)
	case reflect.Bool:
		w.wantType(s, "boolean", t, path)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		w.wantType(s, "integer", t, path)
		if t.Kind() >= reflect.Uint && t.Kind() <= reflect.Uint64 {
			if m, ok := s["minimum"].(float64); !ok || m < 0 {
				w.t.Errorf("%s: %s needs minimum ≥ 0 in the schema", orRoot(path), t)
			}
		}
	case reflect.Float32, reflect.Float64:
		w.wantType(s, "number", t, path)
	default:
		w.t.Errorf("%s: unhandled Go kind %s", orRoot(path), t.Kind())
	}
}

func (w schemaWalker) wantType(s map[string]any, want string, t reflect.Type, path string) {
	if got, _ := s["type"].(string); got != want {
		w.t.Errorf("%s: schema type %q, want %q for Go type %s", orRoot(path), got, want, t)
	}
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

// TestSchemaEnumsMatchModel checks the schema's enumerations against the
// canonical names the model parses, and the title-id pattern against the
// loader's.
func TestSchemaEnumsMatchModel(t *testing.T) {
	doc := schemaDoc(t)
	tests := []struct {
		path []string
		want []string
	}{
		{[]string{"$defs", "level"}, model.LevelNames()},
		{[]string{"$defs", "unitType"}, model.UnitTypeNames()},
		{[]string{"$defs", "education"}, model.EducationNames()},
		{[]string{"$defs", "title", "properties", "requires", "properties", "sex"}, enumStrings(func(i uint8) fmt.Stringer { return model.Sex(i) })},
		{[]string{"$defs", "title", "properties", "term", "properties", "kind"}, enumStrings(func(i uint8) fmt.Stringer { return model.TermKind(i) })},
		{[]string{"$defs", "datedCombination", "properties", "value", "properties", "mode"}, enumStrings(func(i uint8) fmt.Stringer { return model.CombinationMode(i) })},
		{[]string{"$defs", "datedLevels", "properties", "value", "properties", "commune_with_village"}, model.LevelModeNames()},
		{[]string{"$defs", "data", "properties", "units", "properties", "vintage"}, Vintages},
		{[]string{"$defs", "datedVacancy", "properties", "value"}, model.VacancyCoverNames()},
	}
	for _, tt := range tests {
		name := strings.Join(tt.path, "/")
		s, ok := lookup(doc, tt.path)
		if !ok {
			t.Errorf("%s: not in schema.json", name)
			continue
		}
		var got []string
		raw, _ := s["enum"].([]any)
		for _, v := range raw {
			got = append(got, fmt.Sprint(v))
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: enum %q, want %q", name, got, tt.want)
		}
	}
	if s, ok := lookup(doc, []string{"$defs", "titleId"}); !ok || s["pattern"] != idPattern.String() {
		t.Errorf("$defs/titleId pattern %v, want the loader's %q", s["pattern"], idPattern.String())
	}
}

// enumStrings lists the names of a small model enumeration: values from 0
// until String falls back to the number.
func enumStrings(name func(uint8) fmt.Stringer) []string {
	var out []string
	for i := range uint8(255) {
		s := name(i).String()
		if s == strconv.Itoa(int(i)) {
			break
		}
		out = append(out, s)
	}
	return out
}

func lookup(doc map[string]any, path []string) (map[string]any, bool) {
	cur := doc
	for _, k := range path {
		next, ok := cur[k].(map[string]any)
		if !ok {
			return nil, false
		}
		cur = next
	}
	return cur, true
}
