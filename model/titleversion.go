package model

// TitleVersion is a title as the law had it from a date on: provinces and
// decrees change a title's allowance, its requirements or its term rule
// (Hà Nội's NQ 18/2023 paid commune titles by qualification from 2023;
// before it, the 2019 resolution's rates applied), and a plan or a
// simulated month uses the version in force on its date.
type TitleVersion struct {
	From  Date  // first day in force; the first version's From is zero (always)
	Title Title // complete; its Versions is nil
}

// At returns the title as in force on d: the last version whose From is on
// or before d, carrying t's Versions so it can be dated again. A title
// without versions is the same on every date.
func (t *Title) At(d Date) Title {
	if len(t.Versions) == 0 {
		return *t
	}
	k := 0
	for i, v := range t.Versions {
		if v.From <= d {
			k = i
		}
	}
	out := t.Versions[k].Title
	out.Versions = t.Versions
	return out
}

// TitlesAt returns the titles as in force on d. It returns ts itself when
// no title has versions, so undated scenarios cost nothing.
func TitlesAt(ts []Title, d Date) []Title {
	dated := false
	for i := range ts {
		dated = dated || len(ts[i].Versions) > 0
	}
	if !dated {
		return ts
	}
	out := make([]Title, len(ts))
	for i := range ts {
		out[i] = ts[i].At(d)
	}
	return out
}

// ChangesBetween reports whether any title changes version after from and
// on or before to.
func ChangesBetween(ts []Title, from, to Date) bool {
	for i := range ts {
		for _, v := range ts[i].Versions {
			if v.From > from && v.From <= to {
				return true
			}
		}
	}
	return false
}
