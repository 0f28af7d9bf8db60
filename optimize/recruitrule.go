package optimize

import (
	"math"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// A recruit is one real person: they may hold a set of titles only when
// one person could meet all their requirements together. Attributes
// (veteran, military training, memberships) and party membership,
// education and residence can all be met at once; what can conflict is
// sex (female and male) and age: each title asks for an age in
// [min_age, max_age] and, when it stops at the retirement age
// (Requirements.StopsAtRetirement), for a holder who has not reached that
// age on the plan date, which depends on the holder's sex.
//
// For one sex the age requirements are intervals on a line, and intervals
// that meet pairwise meet all together (Helly's theorem in one dimension),
// so a pair table per sex is exact: a set of titles can be held by one
// woman when every title and pair of it can (the female table), or by one
// man likewise. Sex alone is not pairwise — a female-only title with a
// pair of titles that only a man can hold together (a 60+ post and one
// that stops at a retirement age women reach earlier) meets pairwise but
// not as a whole — hence two tables rather than one pair rule. Package
// optimize/check checks the whole set its own way.

// recruitRule says which titles one recruit may hold, by title index. The
// zero recruitRule allows everything (the combination rules relaxed).
type recruitRule struct {
	n int
	// ok[s][a*n+b]: a woman (s = 0) or a man (s = 1) can hold titles a
	// and b together; ok[s][a*n+a]: title a alone.
	ok [2][]bool
}

// recruitSexes are the sexes of the tables of recruitRule, in order.
var recruitSexes = [2]model.Sex{model.Female, model.Male}

// ageProfile is what a title asks of a holder's sex and age.
type ageProfile struct {
	sex    model.Sex
	lo, hi int // years, inclusive; hi math.MaxInt: no maximum
	stops  bool
}

func profileOf(r model.Requirements) ageProfile {
	p := ageProfile{sex: r.Sex, lo: r.MinAge, hi: math.MaxInt, stops: r.StopsAtRetirement()}
	if r.MaxAge > 0 {
		p.hi = r.MaxAge
	}
	return p
}

// newRecruitRule computes the rule for the titles on date d under the
// retirement schedule ret (empty: nobody retires).
func newRecruitRule(titles []model.Title, ret model.RetirementSchedule, d model.Date) recruitRule {
	n := len(titles)
	r := recruitRule{n: n}
	prof := make([]ageProfile, n)
	for i := range titles {
		prof[i] = profileOf(titles[i].Requires)
	}
	for k, s := range recruitSexes {
		retire := ret.AgeIn(s, d.Year())
		tab := make([]bool, n*n)
		for a := range n {
			tab[a*n+a] = profileFits(prof[a], prof[a], s, retire)
			for b := range a {
				ok := profileFits(prof[a], prof[b], s, retire)
				tab[a*n+b], tab[b*n+a] = ok, ok
			}
		}
		r.ok[k] = tab
	}
	return r
}

// profileFits reports whether one person of sex s can meet p and q: the
// sex they ask for, an age in both ranges and, when either stops at the
// retirement age (retire; 0: none), not yet that age. The youngest age
// allowed is the best chance: one aged exactly lo years on the date has
// not reached it when 12·lo months is under it.
func profileFits(p, q ageProfile, s model.Sex, retire model.AgeMonths) bool {
	if (p.sex != model.SexAny && p.sex != s) || (q.sex != model.SexAny && q.sex != s) {
		return false
	}
	lo, hi := max(p.lo, q.lo), min(p.hi, q.hi)
	if lo > hi {
		return false
	}
	return !(p.stops || q.stops) || retire <= 0 || model.Years(lo, 0) < retire
}

// alone reports whether a recruit may hold title t.
func (r recruitRule) alone(t int) bool {
	return r.n == 0 || r.ok[0][t*r.n+t] || r.ok[1][t*r.n+t]
}

// allowsSet reports whether one recruit may hold titles ts and t together.
func (r recruitRule) allowsSet(ts []int, t int) bool {
	if r.n == 0 {
		return true
	}
	for _, tab := range r.ok {
		if r.fitsTable(tab, ts, t) {
			return true
		}
	}
	return false
}

// fitsTable reports whether every title and pair of ts and t is allowed
// by tab, one sex's table.
func (r recruitRule) fitsTable(tab []bool, ts []int, t int) bool {
	n := r.n
	if !tab[t*n+t] {
		return false
	}
	for i, a := range ts {
		if !tab[a*n+t] || !tab[a*n+a] {
			return false
		}
		for _, b := range ts[:i] {
			if !tab[a*n+b] {
				return false
			}
		}
	}
	return true
}

// sameRow reports whether titles a and b are alike for recruits: allowed
// with the same titles and with each other by each sex's table, so that a
// class may hold both and a count of its titles stands for any of them.
func (r recruitRule) sameRow(a, b int) bool {
	if r.n == 0 {
		return true
	}
	n := r.n
	for _, tab := range r.ok {
		if tab[a*n+a] != tab[b*n+b] || tab[a*n+b] != tab[a*n+a] {
			return false
		}
		for x := range n {
			if x != a && x != b && tab[a*n+x] != tab[b*n+x] {
				return false
			}
		}
	}
	return true
}

// binds reports whether the rule forbids anything.
func (r recruitRule) binds() bool {
	for _, tab := range r.ok {
		for _, ok := range tab {
			if !ok {
				return true
			}
		}
	}
	return false
}

// recruitAllows reports whether candidate ci, if a recruit, may add slot
// si to the slots held; a person is judged by their own requirements.
func (pl *pool) recruitAllows(ci int, held []int, si int) bool {
	if pl.cands[ci].recruit < 0 || pl.recruits.n == 0 {
		return true
	}
	var buf [8]int
	ts := buf[:0]
	for _, h := range held {
		ts = append(ts, pl.slots[h].title)
	}
	return pl.recruits.allowsSet(ts, pl.slots[si].title)
}
