package scenarios

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/kiemnhiem/kiemnhiem/tables"
)

// Nesting depth. go-yaml's lexer, parser and decoder take time and memory
// that grow faster than the nesting depth ("[[[[…" or "- - - -…" 100,000
// deep in a 200 KB file exhausts memory), and a scenario is a few levels
// deep (titles[3].workload.per_km2 is four). So parseFile first measures
// the depth on the bytes, in one pass, and refuses a file deeper than
// maxDepth before go-yaml sees it.
//
// The scan is an estimate that never undercounts: block depth is the number
// of open indentation levels, counting each "- " of a compact nested
// sequence ("- - x") as one; flow depth is the number of open "[" and "{"
// that start a value. Quoted strings, comments and block scalars ("|",
// ">") are skipped.

// maxDepth is the deepest nesting a scenario file may have.
const maxDepth = 64

// depthScan is the state of the scan between lines.
type depthScan struct {
	indents     []int // columns of the open block levels
	flow        int   // open flow collections
	quote       byte  // the open quote of a multi-line quoted string, or 0
	blockIndent int   // indentation of the line that opened a block scalar; -1 when none
}

// checkDepth returns an error at the first place src nests deeper than
// maxDepth, or nil.
func checkDepth(name string, src []byte) *tables.Error {
	s := depthScan{blockIndent: -1}
	for lineNo, line := range strings.Split(string(src), "\n") {
		if col := s.line(line); col > 0 {
			return &tables.Error{File: name, Line: lineNo + 1, Col: col,
				Msg: "nested more than " + strconv.Itoa(maxDepth) + " levels deep: a scenario file is a few levels deep"}
		}
	}
	return nil
}

// line scans one line and returns the 1-based column where the depth
// passes maxDepth, or 0.
func (s *depthScan) line(line string) int {
	line = strings.TrimRight(line, "\r")
	content := strings.TrimLeft(line, " ")
	indent := len(line) - len(content)
	if s.blockIndent >= 0 {
		if content == "" || indent > s.blockIndent {
			return 0
		}
		s.blockIndent = -1
	}
	i := indent
	if s.quote == 0 && s.flow == 0 {
		if content == "" || content[0] == '#' {
			return 0
		}
		for len(s.indents) > 0 && s.indents[len(s.indents)-1] >= indent {
			s.indents = s.indents[:len(s.indents)-1]
		}
		s.indents = append(s.indents, indent)
		// "- - - x": each dash opens one more level.
		for i < len(line) && line[i] == '-' && (i+1 == len(line) || line[i+1] == ' ') {
			s.indents = append(s.indents, i+2)
			if s.deep() {
				return column(line, i)
			}
			i++
			for i < len(line) && line[i] == ' ' {
				i++
			}
		}
		if s.deep() {
			return column(line, indent)
		}
	}
	return s.rest(line, i, indent)
}

// rest scans line from byte i for quotes, comments, flow brackets and a
// block scalar header.
func (s *depthScan) rest(line string, i, indent int) int {
	atStart := true // at a place where a value may start
	for ; i < len(line); i++ {
		c := line[i]
		if s.quote != 0 {
			switch {
			case c == '\\' && s.quote == '"':
				i++
			case c == s.quote && s.quote == '\'' && i+1 < len(line) && line[i+1] == '\'':
				i++
			case c == s.quote:
				s.quote = 0
			}
			continue
		}
		switch {
		case c == '#' && (i == 0 || line[i-1] == ' ' || line[i-1] == '\t'):
			return 0
		case atStart && (c == '"' || c == '\''):
			s.quote = c
		case atStart && (c == '[' || c == '{'):
			s.flow++
			if s.deep() {
				return column(line, i)
			}
			continue
		case (c == ']' || c == '}') && s.flow > 0:
			s.flow--
		case atStart && (c == '|' || c == '>') && blockHeader(line[i:]):
			s.blockIndent = indent
			return 0
		}
		atStart = c == ' ' || c == '\t' || c == ',' || (c == ':' || c == '-' || c == '?') && (i+1 == len(line) || line[i+1] == ' ')
	}
	return 0
}

// blockHeader reports whether rest, starting with | or >, is a block
// scalar header: the indicator, optional chomping and indentation, and
// nothing but a comment after.
func blockHeader(rest string) bool {
	rest = strings.TrimLeft(rest[1:], "+-0123456789")
	rest = strings.TrimSpace(rest)
	return rest == "" || rest[0] == '#'
}

func (s *depthScan) deep() bool { return len(s.indents)+s.flow > maxDepth }

// column is the 1-based character column of byte i of line.
func column(line string, i int) int { return utf8.RuneCountInString(line[:i]) + 1 }
