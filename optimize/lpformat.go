package optimize

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// A linear model with binary columns, as written for external solvers. Rows
// are stored row by row; the MPS writer transposes them.

// lpSense is the sense of a row.
type lpSense byte

const (
	lpLE lpSense = 'L' // ≤ rhs
	lpEQ lpSense = 'E' // = rhs
)

type lpTerm struct {
	col  int
	coef float64
}

type lpRow struct {
	name  string
	sense lpSense
	rhs   float64
	terms []lpTerm
}

// lpModel is a minimisation over binary columns.
type lpModel struct {
	name     string
	comments []string // written at the top of the file
	cols     []string // column names; every column is binary
	obj      []float64
	rows     []lpRow
	// objConst is added to the objective; it is written as a comment only,
	// since readers disagree on how a constant is given.
	objConst float64
}

// lpNum formats a coefficient: whole numbers without a fraction or an
// exponent, others in the shortest form that reads back exactly.
func lpNum(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

// lpName keeps only the characters every reader accepts in a name.
func lpName(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '_':
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
	}
	return b.String()
}

// writeComments writes m's comments and objective constant as comment
// lines starting with mark.
func (m *lpModel) writeComments(bw *bufio.Writer, mark string) {
	for _, c := range m.comments {
		fmt.Fprintf(bw, "%s %s\n", mark, c)
	}
	if m.objConst != 0 {
		fmt.Fprintf(bw, "%s objective constant (not in the model): %s\n", mark, lpNum(m.objConst))
	}
}

// writeCols writes header, then every column as format spells it; nothing
// when there are no columns.
func (m *lpModel) writeCols(bw *bufio.Writer, header, format string) {
	if len(m.cols) == 0 {
		return
	}
	bw.WriteString(header)
	for _, c := range m.cols {
		fmt.Fprintf(bw, format, c)
	}
}

// lpZero is the name of the column fixed at 0 that the LP writer uses to
// write a row or an objective without terms.
const lpZero = "zero_"

// writeLP writes m in CPLEX-LP format (as glpsol --lp and cbc read it).
func (m *lpModel) writeLP(w io.Writer) error {
	bw := bufio.NewWriter(w)
	m.writeComments(bw, "\\")
	needZero := false
	terms := func(ts []lpTerm) {
		if len(ts) == 0 {
			needZero = true
			bw.WriteString(" 0 " + lpZero)
			return
		}
		for k, t := range ts {
			if k > 0 && k%8 == 0 {
				bw.WriteString("\n  ")
			}
			sign := "+"
			v := t.coef
			if v < 0 {
				sign, v = "-", -v
			}
			fmt.Fprintf(bw, " %s %s %s", sign, lpNum(v), m.cols[t.col])
		}
	}
	bw.WriteString("Minimize\n obj:")
	var objTerms []lpTerm
	for j, v := range m.obj {
		if v != 0 {
			objTerms = append(objTerms, lpTerm{j, v})
		}
	}
	terms(objTerms)
	bw.WriteString("\nSubject To\n")
	for _, r := range m.rows {
		fmt.Fprintf(bw, " %s:", r.name)
		terms(r.terms)
		op := "<="
		if r.sense == lpEQ {
			op = "="
		}
		fmt.Fprintf(bw, " %s %s\n", op, lpNum(r.rhs))
	}
	if len(m.rows) == 0 {
		// CPLEX-LP needs at least one row.
		needZero = true
		bw.WriteString(" zero_row_: 0 " + lpZero + " = 0\n")
	}
	if needZero {
		bw.WriteString("Bounds\n " + lpZero + " = 0\n")
	}
	m.writeCols(bw, "Binary\n", " %s\n")
	bw.WriteString("End\n")
	return bw.Flush()
}

// writeMPS writes m in free MPS format with the quoted integer markers
// CBC's and glpsol's readers both take.
func (m *lpModel) writeMPS(w io.Writer) error {
	bw := bufio.NewWriter(w)
	m.writeComments(bw, "*")
	name := m.name
	if name == "" {
		name = "kiemnhiem"
	}
	fmt.Fprintf(bw, "NAME %s FREE\nROWS\n N obj\n", name)
	for _, r := range m.rows {
		fmt.Fprintf(bw, " %c %s\n", r.sense, r.name)
	}
	// Column-major entries.
	byCol := make([][]lpTerm, len(m.cols)) // col field holds the row index
	for i, r := range m.rows {
		for _, t := range r.terms {
			byCol[t.col] = append(byCol[t.col], lpTerm{i, t.coef})
		}
	}
	bw.WriteString("COLUMNS\n")
	if len(m.cols) > 0 {
		bw.WriteString(" MARKER 'MARKER' 'INTORG'\n")
	}
	for j, c := range m.cols {
		written := false
		if m.obj[j] != 0 {
			fmt.Fprintf(bw, " %s obj %s\n", c, lpNum(m.obj[j]))
			written = true
		}
		for _, t := range byCol[j] {
			fmt.Fprintf(bw, " %s %s %s\n", c, m.rows[t.col].name, lpNum(t.coef))
			written = true
		}
		if !written {
			// A column must appear at least once.
			fmt.Fprintf(bw, " %s obj 0\n", c)
		}
	}
	if len(m.cols) > 0 {
		bw.WriteString(" MARKER 'MARKER' 'INTEND'\n")
	}
	bw.WriteString("RHS\n")
	for _, r := range m.rows {
		if r.rhs != 0 {
			fmt.Fprintf(bw, " RHS %s %s\n", r.name, lpNum(r.rhs))
		}
	}
	m.writeCols(bw, "BOUNDS\n", " UP BND %s 1\n")
	bw.WriteString("ENDATA\n")
	return bw.Flush()
}
