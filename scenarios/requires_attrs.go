package scenarios

import (
	"fmt"
	"strings"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// convRequiresAttrs converts the attribute keys of a title's requirements
// at path p into out: veteran and military_training (true: required),
// member_of (organisations the holder must belong to, each named once),
// retirement_age (false: the title may be held past the retirement age;
// absent or true: the holder leaves it on retiring) and source.
func convRequiresAttrs(c checker, p string, r *fileRequires, out *model.Requirements) {
	if r.Veteran != nil && *r.Veteran {
		out.Attrs |= model.AttrVeteran
	}
	if r.MilitaryTraining != nil && *r.MilitaryTraining {
		out.Attrs |= model.AttrMilitaryTraining
	}
	var seen model.Attrs
	for i, s := range r.MemberOf {
		path := fmt.Sprintf("%s.member_of[%d]", p, i)
		a, err := model.ParseAttr(s)
		switch {
		case err != nil || a == model.AttrVeteran || a == model.AttrMilitaryTraining:
			c.fail(path, "expected an organisation, one of %s, got %q", strings.Join(organisationKeys(), ", "), s)
		case seen.Has(a):
			c.fail(path, "organisation %s is listed twice", model.AttrKey(a))
		default:
			seen |= a
		}
	}
	out.Attrs |= seen
	out.PastRetirement = r.RetirementAge != nil && !*r.RetirementAge
	if r.Source != nil {
		out.Source = strings.TrimSpace(*r.Source)
		if out.Source == "" {
			c.fail(p+".source", "expected where the requirements come from (decree, charter, or \"assumption: …\"), got an empty text")
		}
	}
}

// organisationKeys lists the attribute keys that name an organisation.
func organisationKeys() []string {
	var out []string
	for _, a := range model.Attributes() {
		if a != model.AttrVeteran && a != model.AttrMilitaryTraining {
			out = append(out, model.AttrKey(a))
		}
	}
	return out
}

// showRequiresAttrs writes the attribute keys of r into fr, only where they
// differ from the defaults (so a scenario without them shows as before).
func showRequiresAttrs(fr *fileRequires, r model.Requirements) {
	if r.Attrs.Has(model.AttrVeteran) {
		fr.Veteran = ptr(true)
	}
	if r.Attrs.Has(model.AttrMilitaryTraining) {
		fr.MilitaryTraining = ptr(true)
	}
	for _, a := range model.Attributes() {
		if a != model.AttrVeteran && a != model.AttrMilitaryTraining && r.Attrs.Has(a) {
			fr.MemberOf = append(fr.MemberOf, model.AttrKey(a))
		}
	}
	if r.PastRetirement {
		fr.RetirementAge = ptr(false)
	}
	if r.Source != "" {
		fr.Source = ptr(r.Source)
	}
}
