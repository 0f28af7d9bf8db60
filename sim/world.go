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
type world struct {
	name   string
	sc     *model.Scenario
	start  model.Date
	years  int
	months int

	units       []model.Unit
	unitCommune []int32 // the commune of each unit (itself for a commune)
	unitCode    map[string]int32

	titles   []model.Title
	elected  []bool
	titleIdx map[string]int32

	// Slots are (unit, title) pairs; seats are the holders a slot needs,
	// numbered slot by slot so the seats of a unit are contiguous.
	slotUnit, slotTitle []int32
	slotSeat            []int32 // first seat of each slot; len(slots)+1
	seatSlot            []int32
	unitSeat            []int32 // first seat of each unit; len(units)+1

	// Per year: weekly hours per holder of each slot, and caps per unit
	// (0: none).
	wph  [][]float32
	caps [][]int32
	// Per month: what the policy and dynamics say.
	monthly []monthParams
	// fundByMonth is the allowance fund of all live units in each month.
	fundByMonth []float64
	// globalChange marks months where pay or hazards must be recomputed
	// for everyone.
	globalChange []bool
	maxSeats     int  // most seats one person can hold (titles per person)
	growth       bool // units grow: hours change every year

	people []detPerson
	// initial[d] is person d's seats on Start (before any plan).
	initial [][]seatRef
	// Filled by prepare: the people's stream keys (people[d].hash, kept
	// contiguous for the seeding of streams), the seat-list stride, the
	// units whose cap changes each year, and the units' stream keys.
	hash       []uint64
	stride     int
	capChanged [][]int32
	unitHash   []uint64
	// communes lists the communes' unit indices; seatCommune gives each
	// seat's commune as an index into it.
	communes    []int32
	seatCommune []int32
	// Per seat, filled by prepare so hot paths skip the seatSlot
	// indirection: its title, its unit, and each year's weekly hours.
	seatTitle []int32
	seatUnit  []int32
	seatWph   [][]float32
	// initialNeeds[d] are the needs of initial[d] (filled by prepare).
	initialNeeds []needs
	// tmpl is a replication's state on Start before seeding, built once by
	// prepare; reset copies it instead of rebuilding the roster.
	tmpl    *rep
	pools   poolTables // filled by prepare
	epochs  []epoch
	replans []Replan

	// While the epochs are built: everyone's seats in the expected world,
	// when they got them, and who has been released for good.
	cur      [][]seatRef
	got      []model.Date
	released []bool
	// byID indexes people by ID as they are added, so readPlan does not
	// index the whole roster again at every re-plan.
	byID map[string]int
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
	served0     int32 // months served in the main title before Start
	joinMonth   int32 // month the placeholder's plan starts; 0 for the roster
	placeholder bool
}

// seatRef is a seat index shifted left once, with the low bit set for the
// holder's main title.
type seatRef = int32

// epoch is one re-plan: from its month until the next epoch's.
type epoch struct {
	month  int
	date   model.Date
	reason string
	live   []bool // which seats exist in this epoch
	nLive  int    // how many
	// liveByCommune counts them by commune (filled by prepare).
	liveByCommune []int32
	change        []int32 // people whose seats change at this re-plan
	// bundles[i] are change[i]'s seats from this epoch on (empty: released)
	bundles [][]seatRef
	// needs[i] are what bundles[i] asks of a holder (filled by prepare).
	needs []needs
}

func buildWorld(ctx context.Context, s *model.Scenario, cfg Config, report func(Progress)) (*world, error) {
	w := &world{name: s.Name, sc: s, start: cfg.Start, years: cfg.Years, months: 12 * cfg.Years}
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

	dates := w.replanDates()
	// Holders needed at each re-plan date fix the seats.
	states := make([][]model.Unit, len(dates))
	alive := make([][]bool, len(dates))
	into := make([][]int32, len(dates))
	for e, d := range dates {
		states[e], alive[e], into[e] = w.unitsAt(d.date)
	}
	w.buildSeats(states, alive)
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
		report(Progress{Scenario: s.Name, Stage: "plan", Done: e + 1, Total: len(dates)})
	}
	return w, nil
}
