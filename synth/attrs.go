package synth

import (
	"math/rand/v2"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// Assumed rates of the eligibility attributes among generated holders
// (issue 22 item 2). No statistics of the non-specialised workforce by
// these attributes were found; each rate is an assumption, stated with
// the reasoning behind it, to revisit with a province's staff list. A
// holder always has what their own title requires.
var (
	// genVeteranShare is the share of veterans (cựu chiến binh) by sex,
	// among holders aged 20 or more (assumption: 15 % of men, who do
	// military service, and 1 % of women; local office holders are more
	// often veterans than the population at large).
	genVeteranShare = [...]float64{model.Male: 0.15, model.Female: 0.01}
	// genTrainedShare is the share with military training among holders
	// who are not veterans (assumption: 25 % of men and 5 % of women,
	// who served in the militia and self-defence forces, an obligation of
	// citizens of working age under the Law on Militia and Self-Defence
	// Forces 2019). Every veteran has military training.
	genTrainedShare = [...]float64{model.Male: 0.25, model.Female: 0.05}
	// genWomensUnionShare: women who are members of the Women's Union
	// (assumption: 60 %).
	genWomensUnionShare = 0.60
	// genYouthUnionShare: holders aged 30 or under who are members of the
	// Youth Union, whose charter admits members aged 16 to 30
	// (assumption: 50 %). Nobody older is a member unless they hold a
	// Youth Union title.
	genYouthUnionShare = 0.50
	// genFarmersShare: members of the Farmers' Association (assumption:
	// 25 %).
	genFarmersShare = 0.25
	// genVeteransAssociationShare: veterans who are members of the
	// Veterans' Association (assumption: 85 %).
	genVeteransAssociationShare = 0.85
	// genElderlyShare: holders aged 60 or more (the elderly under the Law
	// on the Elderly 2009, Art. 2) who are members of the Elderly
	// Association (assumption: 80 %).
	genElderlyShare = 0.80
	// genRedCrossShare: members of the Red Cross (assumption: 10 %).
	genRedCrossShare = 0.10
)

// genElderSpan is how far above a title's minimum age the ages of its
// holders reach when that minimum is past genMaxAge (the Elderly
// Association chair, 60 or over: 60 to 72), an assumption.
const genElderSpan = 12

// genAttrs draws p's attributes for holding title t on date: every draw
// is made whatever the outcome, so one person's attributes do not shift
// another's; then the title's own requirements are added (its holder is a
// member, a veteran, trained), with what they imply (a veteran has
// military training, a member of the Veterans' Association is a veteran).
func genAttrs(r *rand.Rand, p *model.Person, t *model.Title, date model.Date) {
	age := p.AgeAt(date)
	var x [8]float64
	for i := range x {
		x[i] = r.Float64()
	}
	var a model.Attrs
	sex := p.Sex
	if sex != model.Female {
		sex = model.Male
	}
	if age >= 20 && x[0] < genVeteranShare[sex] {
		a |= model.AttrVeteran
	}
	if x[1] < genTrainedShare[sex] {
		a |= model.AttrMilitaryTraining
	}
	if p.Sex == model.Female && x[2] < genWomensUnionShare {
		a |= model.AttrWomensUnion
	}
	if age <= 30 && x[3] < genYouthUnionShare {
		a |= model.AttrYouthUnion
	}
	if x[4] < genFarmersShare {
		a |= model.AttrFarmersAssociation
	}
	if x[5] < genVeteransAssociationShare {
		a |= model.AttrVeteransAssociation // kept only for veterans, below
	}
	if age >= 60 && x[6] < genElderlyShare {
		a |= model.AttrElderlyAssociation
	}
	if x[7] < genRedCrossShare {
		a |= model.AttrRedCross
	}
	a |= t.Requires.Attrs
	if t.Requires.Attrs.Has(model.AttrVeteransAssociation) {
		a |= model.AttrVeteran
	}
	if !a.Has(model.AttrVeteran) {
		a &^= model.AttrVeteransAssociation
	} else {
		a |= model.AttrMilitaryTraining
	}
	p.Attrs = a
}

// genAgeWindow is the range of ages genPerson draws a holder of title t
// from: genMinAge to genMaxAge narrowed by the title's limits; for a
// minimum age past genMaxAge, up to genElderSpan years above it; and a
// year short of retYears, the retirement age in force, unless the title
// may be held past it (Requirements.PastRetirement).
func genAgeWindow(req model.Requirements, retYears int) (lo, hi int) {
	lo, hi = max(genMinAge, req.MinAge), genMaxAge
	if req.MinAge >= genMaxAge {
		hi = req.MinAge + genElderSpan
	}
	if req.MaxAge > 0 {
		hi = min(hi, req.MaxAge)
	}
	if req.StopsAtRetirement() {
		hi = min(hi, retYears-1)
	}
	if lo > hi {
		lo = hi
		if req.MinAge > hi {
			lo, hi = req.MinAge, req.MinAge // no age is eligible; keep the minimum
		}
	}
	return lo, hi
}
