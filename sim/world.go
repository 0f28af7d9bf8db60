package sim

import (
	"context"
	"math"

	"github.com/kiemnhiem/kiemnhiem/model"
)

// RecruitCapacity is the weekly hours a recruit is assumed to give, the
// figure package optimize assumes for its recruits too.
const RecruitCapacity model.Hours = 40

// never is a month index beyond any horizon.
const never = math.MaxInt32

// The world is everything about a scenario's future that does not depend
// on chance: units growing and merging, the salary path, every title
// holder needed, the retirements (which follow the schedule), and the plan
// the Assigner makes at each re-plan date for the expected world — the
// people who will still be there if nobody leaves but by retirement. It is
// built once per scenario and shared, read-only, by every replication,
// which then plays the plan out with its own resignations, deaths and
// recruits.
//
// It comes in pieces. The timeline (months, titles, the policy month by
// month, the re-plans' record) is indexed by neither unit nor seat nor
// person, so every part shares it as it is: split copies it whole, and a
// field added there needs no more code to reach the parts. The engine's
// tables are indexed by unit, seat and person, and split renumbers them
// for each part; prepare then derives the rest (prepared) in each part.
// The planning state serves only while the expected world is built; parts
// have none.
type world struct {
	timeline
	tables
	prepared
	planning
}

// detPerson is a person of the expected world: someone on the roster, or a
// recruit a plan called for (a placeholder each replication fills with
// its own recruit, if it finds one).
type detPerson struct {
	id          string
	hash        uint64
	birth       model.Date
	sex         model.Sex
	edu         model.Education
	party       bool
	capacity    float32
	residence   string
	retireMonth int32 // first month no longer served: retirement or maximum age
	// attrs are the attributes the person has or whose record is missing
	// (taken as met); a placeholder has them all.
	attrs       model.Attrs
	served0     int32 // months served in the main title before Start
	joinMonth   int32 // month the placeholder's plan starts; 0 for the roster
	placeholder bool
}

// seatRef is a seat index shifted left once, with the low bit set for the
// holder's main title.
type seatRef = int32

// replanAt is when and why an epoch begins: the same in every part.
type replanAt struct {
	month  int
	date   model.Date
	reason string
}

// epoch is one re-plan: from its month until the next epoch's.
type epoch struct {
	replanAt
	live  []bool // which seats exist in this epoch
	nLive int    // how many
	// liveByCommune counts them by commune (filled by prepare).
	liveByCommune []int32
	change        []int32 // people whose seats change at this re-plan
	// bundles[i] are change[i]'s seats from this epoch on (empty: released)
	bundles [][]seatRef
	// needs[i] are what bundles[i] asks of a holder (filled by prepare).
	needs []needs
}

// buildWorld builds scenario s's world for cfg: the timeline, the seats,
// the roster, then the re-plans of the expected world, in date order.
func buildWorld(ctx context.Context, s *model.Scenario, cfg Config, report func(Progress)) (*world, error) {
	w := &world{timeline: timeline{name: s.Name, sc: s, start: cfg.Start, years: cfg.Years, months: 12 * cfg.Years, hooks: cfg.hooks}}
	if _, err := model.NewIndex(s); err != nil {
		return nil, err
	}
	if err := w.readParams(); err != nil {
		return nil, err
	}
	w.units = s.Units
	w.unitCode = make(map[string]int32, len(s.Units))
	for i := range s.Units {
		w.unitCode[s.Units[i].Code] = int32(i)
	}
	w.unitCommune = make([]int32, len(s.Units))
	for i := range s.Units {
		c := int32(i)
		for range 8 {
			u := &s.Units[c]
			if u.Level == model.Commune {
				break
			}
			p, ok := w.unitCode[u.Parent]
			if !ok {
				break
			}
			c = p
		}
		w.unitCommune[i] = c
	}
	w.titles = s.Titles
	w.titleIdx = make(map[string]int32, len(s.Titles))
	w.elected = make([]bool, len(s.Titles))
	for i := range s.Titles {
		w.titleIdx[s.Titles[i].ID] = int32(i)
		w.elected[i] = s.Titles[i].Term.Kind == model.Elected
	}

	if err := w.planMergers(ctx, cfg.Mergers); err != nil {
		return nil, err
	}
	dates := w.replanDates()
	// Holders needed at each re-plan date fix the seats.
	states := make([][]model.Unit, len(dates))
	alive := make([][]bool, len(dates))
	into := make([][]int32, len(dates))
	for e, d := range dates {
		states[e], alive[e], into[e] = w.unitsAt(d.date)
	}
	// The villages a merger on the start date absorbs have seats too: their
	// holders are on the roster, and the merger releases them.
	if len(w.mergersIn(0)) > 0 {
		u, a, _ := w.unitsMerged(w.start, w.start.AddDays(-1))
		w.buildSeats(append(states, u), append(alive, a))
	} else {
		w.buildSeats(states, alive)
	}
	for _, g := range s.Dynamics.Growth {
		w.growth = w.growth || g.Value != (model.GrowthRule{})
	}
	w.buildYears()
	if err := w.buildPeople(); err != nil {
		return nil, err
	}
	for e, d := range dates {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		as := cfg.Assigner
		if cfg.PlanOnce && e > 0 {
			as = nil
		}
		if err := w.replan(ctx, e, d, states[e], alive[e], into[e], as); err != nil {
			return nil, err
		}
		report(Progress{Scenario: s.Name, Stage: StagePlan, Done: e + 1, Total: len(dates)})
	}
	return w, nil
}
