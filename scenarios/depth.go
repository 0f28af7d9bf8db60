package scenarios

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/kiemnhiem/kiemnhiem/tables"
)

// Nesting. go-yaml's lexer, parser and decoder take time and memory that
// grow faster than the nesting depth ("[[[[…" or "- - - -…" 100,000 deep in
// a 200 KB file exhausts memory), and its parser gives every node the path
// string of its place ($.policy.<key>…), so a long key above many values
// costs their number times its length (a 300 KB key above 50,000 values in
// an 800 KB file exhausts memory too). A scenario is a few levels deep
// (titles[3].workload.per_km2 is four) and its keys are short names. So
// parseFile first scans the bytes, in one pass, and refuses a file deeper
// than maxDepth or whose paths would exceed maxPathBytes before go-yaml
// sees it.
//
// The scan is an estimate that never undercounts: block depth is the number
// of open indentation levels, counting each "- " of a compact nested
// sequence ("- - x") as one; flow depth is the number of open "[" and "{"
// that start a value. Each level weighs the length of the text that opens
// it (its key), and each line of a block, and each value of a flow
// collection, costs the weight of the levels it is under. Quoted strings,
// comments and block scalars ("|", ">") are skipped.

const (
	// maxDepth is the deepest nesting a scenario file may have; the presets
	// are at most 16 deep as the scan counts.
	maxDepth = 64
	// maxPathBytes caps the estimated total length of the nodes' paths.
	maxPathBytes = 32 << 20
)

// depthScan is the state of the scan between lines.
type depthScan struct {
	levels      []level // the open block levels
	flow        []int   // the weights of the open flow collections
	prefix      int     // the sum of the open levels' weights
	cost        int     // the paths' estimated length so far
	quote       byte    // the open quote of a multi-line quoted string, or 0
	blockIndent int     // indentation of the line that opened a block scalar; -1 when none
}

// level is an open block level: its column and weight.
type level struct{ col, weight int }

// levelWeight is the weight of a level without a key (a list item, "[i]").
const levelWeight = 8

// checkDepth returns an error at the first place src nests deeper than
// maxDepth or its paths grow longer than maxPathBytes, or nil.
func checkDepth(name string, src []byte) *tables.Error {
	s := depthScan{blockIndent: -1}
	for lineNo, line := range strings.Split(string(src), "\n") {
		col, tooDeep := s.line(line)
		switch {
		case tooDeep:
			return (&tables.Error{File: name, Line: lineNo + 1, Col: col}).Setf(errorsVi, "nested more than %s levels deep: a scenario file is a few levels deep", strconv.Itoa(maxDepth))
		case col > 0:
			return (&tables.Error{File: name, Line: lineNo + 1, Col: col}).Setf(errorsVi, "too many values under long keys (the YAML parser would need more than 32 MiB for their paths): the keys of a scenario are short field names")
		}
	}
	return nil
}

// line scans one line and returns the 1-based column where the depth
// passes maxDepth (tooDeep) or the cost passes maxPathBytes, or 0.
func (s *depthScan) line(line string) (col int, tooDeep bool) {
	line = strings.TrimRight(line, "\r")
	content := strings.TrimLeft(line, " ")
	indent := len(line) - len(content)
	if s.blockIndent >= 0 {
		if content == "" || indent > s.blockIndent {
			return 0, false
		}
		s.blockIndent = -1
	}
	i := indent
	if s.quote == 0 && len(s.flow) == 0 {
		if content == "" || content[0] == '#' {
			return 0, false
		}
		for len(s.levels) > 0 && s.levels[len(s.levels)-1].col >= indent {
			s.prefix -= s.levels[len(s.levels)-1].weight
			s.levels = s.levels[:len(s.levels)-1]
		}
		s.push(indent, keyLength(content)+levelWeight)
		// "- - - x": each dash opens one more level.
		for i < len(line) && line[i] == '-' && (i+1 == len(line) || line[i+1] == ' ') {
			s.push(i+2, levelWeight)
			if s.deep() {
				return column(line, i), true
			}
			i++
			for i < len(line) && line[i] == ' ' {
				i++
			}
		}
		if s.deep() {
			return column(line, indent), true
		}
		if s.node() {
			return column(line, indent), false
		}
	}
	return s.rest(line, i, indent)
}

// push opens a block level.
func (s *depthScan) push(col, weight int) {
	s.levels = append(s.levels, level{col, weight})
	s.prefix += weight
}

// node counts one value at the current place and reports whether the cost
// passed maxPathBytes.
func (s *depthScan) node() bool {
	s.cost += s.prefix
	return s.cost > maxPathBytes
}

// keyLength is the length of the key a block line starts with, or 0.
func keyLength(content string) int {
	if i := strings.Index(content, ": "); i >= 0 {
		return i
	}
	if strings.HasSuffix(content, ":") {
		return len(content) - 1
	}
	return 0
}

// rest scans line from byte i for quotes, comments, flow brackets and a
// block scalar header.
func (s *depthScan) rest(line string, i, indent int) (int, bool) {
	atStart := true // at a place where a value may start
	segment := i    // where the current flow item starts
	for ; i < len(line); i++ {
		c := line[i]
		if s.quote != 0 {
			s.inQuote(line, &i)
			continue
		}
		switch {
		case c == '#' && (i == 0 || line[i-1] == ' ' || line[i-1] == '\t'):
			return 0, false
		case atStart && (c == '"' || c == '\''):
			s.quote = c
		case atStart && (c == '[' || c == '{'):
			w := i - segment + levelWeight
			s.flow = append(s.flow, w)
			s.prefix += w
			if s.deep() {
				return column(line, i), true
			}
			segment = i + 1
			continue
		case (c == ']' || c == '}') && len(s.flow) > 0:
			s.prefix -= s.flow[len(s.flow)-1]
			s.flow = s.flow[:len(s.flow)-1]
		case len(s.flow) > 0 && (c == ',' || c == ':' && (i+1 == len(line) || line[i+1] == ' ')):
			if c == ',' {
				segment = i + 1
			}
			if s.node() {
				return column(line, i), false
			}
		case atStart && (c == '|' || c == '>') && blockHeader(line[i:]):
			s.blockIndent = indent
			return 0, false
		}
		atStart = c == ' ' || c == '\t' || c == ',' || (c == ':' || c == '-' || c == '?') && (i+1 == len(line) || line[i+1] == ' ')
	}
	return 0, false
}

// inQuote scans byte *i inside a quoted string, past an escape, and closes
// the string at its quote.
func (s *depthScan) inQuote(line string, i *int) {
	c := line[*i]
	switch {
	case c == '\\' && s.quote == '"':
		*i++
	case c == '\'' && s.quote == '\'' && *i+1 < len(line) && line[*i+1] == '\'':
		*i++
	case c == s.quote:
		s.quote = 0
	}
}

// blockHeader reports whether rest, starting with | or >, is a block
// scalar header: the indicator, optional chomping and indentation, and
// nothing but a comment after.
func blockHeader(rest string) bool {
	rest = strings.TrimLeft(rest[1:], "+-0123456789")
	rest = strings.TrimSpace(rest)
	return rest == "" || rest[0] == '#'
}

func (s *depthScan) deep() bool { return len(s.levels)+len(s.flow) > maxDepth }

// column is the 1-based character column of byte i of line.
func column(line string, i int) int { return utf8.RuneCountInString(line[:i]) + 1 }
