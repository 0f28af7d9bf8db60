package report

import (
	"regexp"
	"strings"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// The report shows a parameter's source as a reader can look it up: the
// legal documents it cites, never the project's own files. The rule:
//
//   - Vietnamese: the documents the source names, each with its article
//     and clause in Vietnamese form ("NĐ 33/2023/NĐ-CP, Điều 34, khoản
//     4"), joined by "; "; "Giả định" first when the value is an
//     assumption, "(có điểm chưa xác minh)" last when the source says part
//     is unconfirmed or remembered. The prose of a source is English, so it
//     is left out; `kiemnhiem show` prints it whole.
//   - English: the source's own words without its references to the
//     project's files: "(policy-facts 1.7)" and "../shared/…" paths go,
//     and so do the bare row numbers ("(Art. 34(3), 1.8)" → "(Art.
//     34(3))").
//
// Either way a source that names nothing a reader can look up reads as an
// assumption or a project estimate, never as an empty cell.

var (
	// docRE matches a legal document: a decree, resolution, decision,
	// circular or conclusion by number, a scheme, an ordinance, a law or a
	// charter by name.
	docRE = regexp.MustCompile(`(?:NĐ|NQ|QĐ|TT) \d+/(?:\d{4}(?:/[A-ZĐ0-9]+(?:-[A-Za-zĐ0-9]+)*)?|[A-ZĐ]+-[A-Za-zĐ]+)` +
		`|KL \d+-KL/TW|Đề án \d+-ĐA/TU|Pháp lệnh (?:\d+/\d{4}/[A-Z0-9-]+|[\p{Lu}][\p{L} ]+? \d{4})` +
		`|(?:Bộ luật|Luật) [^\d(),;:]+? \d{4}|Law on [A-Z][a-z ]+ \d{4}|Điều lệ (?:Đảng|Đoàn TNCS Hồ Chí Minh)`)
	// articleRE matches the article that follows a document: "Art. 34",
	// "Art. 34(4)", "Art. 33(7)–(8)", "Art. 9–10".
	articleRE = regexp.MustCompile(`^,? Art\. (\d+)(?:\((\d+)\)(?:–\((\d+)\))?|–(\d+))?`)
	// lawNames are the English names of laws cited by them.
	lawNames = map[string]string{"Law on Social Insurance 2014": "Luật Bảo hiểm xã hội 2014"}

	// factsRE matches a mention of the project's policy-facts file with its
	// row numbers, and pathRE a path into the shared directory.
	factsRE  = regexp.MustCompile(`policy-facts(?: \d+\.\d+(?: and its table)?(?:(?:, | and |–)\d+\.\d+)*)?(?:[,;:] ?| )?`)
	pathRE   = regexp.MustCompile(`\.\./shared/[^\s,;)]*[,;]?`)
	rowRE    = regexp.MustCompile(`(\( ?|[,;] ?|\band )[1-9]\.\d{1,2}(?:–[1-9]\.\d{1,2})?([),;:])`)
	emptyRE  = regexp.MustCompile(`\(\s*[,;:]?\s*\)`)
	spacesRE = regexp.MustCompile(`\s{2,}|\s+[,;:).]|\(\s+`)
	openRE   = regexp.MustCompile(`\(\s*[,;:]\s*`)
	closeRE  = regexp.MustCompile(`\s*[,;:]\s*\)`)
	// factsPhrases say, without the file's name, what a mention of
	// policy-facts meant.
	factsPhrases = strings.NewReplacer(
		"the decree number is not in policy-facts", "the decree number is unconfirmed",
		"no figure in policy-facts", "no published figure found",
		"no rate is in policy-facts", "no rate was found",
		"not in policy-facts", "not in the texts retrieved",
		"policy-facts records no rule", "no rule was found",
	)
)

// Citation is source as the report shows it in lang (see the rule above).
func Citation(source string, lang model.Lang) string {
	if strings.TrimSpace(source) == "" {
		return ""
	}
	if lang == model.English {
		return cleanSource(source)
	}
	return citeVi(source)
}

// cleanSource takes the project's file references out of an English
// source.
func cleanSource(s string) string {
	s = pathRE.ReplaceAllString(s, "")
	s = factsPhrases.Replace(s)
	s = factsRE.ReplaceAllString(s, "")
	for {
		t := rowRE.ReplaceAllStringFunc(s, dropRow)
		t = emptyRE.ReplaceAllString(t, "")
		t = openRE.ReplaceAllString(t, "(")
		t = closeRE.ReplaceAllString(t, ")")
		if t == s {
			break
		}
		s = t
	}
	s = spacesRE.ReplaceAllStringFunc(s, func(m string) string {
		if t := strings.TrimSpace(m); t != "" {
			return t
		}
		return " "
	})
	s = strings.TrimSpace(strings.Trim(strings.TrimSpace(s), ",;:"))
	if s == "" {
		return "project estimate"
	}
	return s
}

// dropRow removes a bare row number of policy-facts, m, with the
// separator it no longer needs.
func dropRow(m string) string {
	lead, trail := m[:1], m[len(m)-1:]
	switch {
	case lead == "(" && trail == ")":
		return ""
	case lead == "(":
		return "("
	case trail == ")":
		return ")"
	case lead == "a": // "and 1.3,"
		return trail + " "
	}
	return lead + " "
}

// citeVi lists the documents source cites, in Vietnamese.
func citeVi(source string) string {
	var docs []string
	for _, loc := range docRE.FindAllStringIndex(source, -1) {
		d := source[loc[0]:loc[1]]
		if vi, ok := lawNames[d]; ok {
			d = vi
		}
		if strings.HasPrefix(d, "NĐ ") && strings.Count(d, "/") == 1 {
			d += "/NĐ-CP" // every NĐ cited is a government decree
		}
		if m := articleRE.FindStringSubmatch(source[loc[1]:]); m != nil {
			d += ", Điều " + m[1]
			switch {
			case m[2] != "" && m[3] != "":
				d += ", khoản " + m[2] + "–" + m[3]
			case m[2] != "":
				d += ", khoản " + m[2]
			case m[4] != "":
				d += "–" + m[4]
			}
		}
		docs = addDoc(docs, d)
	}
	lower := strings.ToLower(source)
	var parts []string
	switch {
	case strings.HasPrefix(lower, "assumption"), strings.HasPrefix(lower, "irrelevant"):
		parts = append(parts, "Giả định")
	case strings.Contains(lower, "assumption") && len(docs) == 0:
		parts = append(parts, "Giả định")
	case strings.Contains(lower, "assumption"):
		docs = append(docs, "có giả định")
	}
	if strings.Contains(source, "WISN") {
		parts = append(parts, "phương pháp WISN (WHO)")
	}
	parts = append(parts, docs...)
	if len(parts) == 0 {
		parts = append(parts, "Ước tính của dự án")
	}
	out := strings.Join(parts, "; ")
	for _, w := range []string{"unconfirmed", "as remembered", "not seen", "cut off", "not found"} {
		if strings.Contains(lower, w) {
			return out + " (có điểm chưa xác minh)"
		}
	}
	return out
}

// addDoc adds d to docs unless a citation of the same document with as
// much detail is there; a fuller one replaces a shorter.
func addDoc(docs []string, d string) []string {
	for i, o := range docs {
		switch {
		case strings.HasPrefix(o, d):
			return docs
		case strings.HasPrefix(d, o):
			docs[i] = d
			return docs
		}
	}
	return append(docs, d)
}

// citedParameters are the parameters of s as the report lists them: each
// source as its Citation in lang.
func citedParameters(s *model.Scenario, lang model.Lang) []Parameter {
	ps := Parameters(s, lang)
	for i := range ps {
		ps[i].Source = Citation(ps[i].Source, lang)
	}
	return ps
}
