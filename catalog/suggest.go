package catalog

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// Result is the engine's reply: what fits everyone, best first, and a
// compromise when people's needs pull apart.
type Result struct {
	Suggestions []Suggestion `json:"suggestions"`
	Compromise  *Compromise  `json:"compromise"`
	// Guarded says the request turned quiet: nothing is to be chosen in
	// advance for anyone. It is not written out, so that no screen can
	// say why.
	Guarded bool `json:"-"`
}

// Suggestion is one activity offered, with the reasons it was chosen.
type Suggestion struct {
	ID      string `json:"id"`
	Title   string `json:"title"`
	Summary string `json:"summary"`
	// Minutes is the activity's typical time, cut to the time available.
	Minutes Range `json:"minutes"`
	// Score runs from 0 to 100: how well it meets the needs, situation and
	// likes of the people it was chosen for.
	Score   float64  `json:"score"`
	Reasons []string `json:"reasons"`
	// With names the others to do it with, for something offered to one
	// person in a compromise that they can share with part of the group.
	With []string `json:"with,omitempty"`
	// Note is a word of care that goes with it now, such as that washing
	// can wait after a time that went wrong.
	Note string `json:"note,omitempty"`
}

// The tag of what gets someone wet, and the need of feeling clean: what
// washing can wait is said with.
const (
	waterTag  = "water"
	cleanNeed = "cleanliness"
)

// Words that go with something that washes after a time when someone may
// want a medical check, for one person and for more.
const (
	washingCanWaitSolo     = "If you may want a medical check, there is no rush: washing can wait, and it is only ever your choice."
	washingCanWaitTogether = "If anyone may want a medical check, there is no rush: washing can wait, and it is only ever their choice."
)

// Compromise is offered when one person needs closeness or talk and another
// needs space or quiet: gestures both can accept, and something for each
// person on their own, so that no one's need is dropped.
type Compromise struct {
	Why     string       `json:"why"`
	Bridges []Suggestion `json:"bridges"`
	Each    []OwnTime    `json:"each"`
}

// OwnTime is what one person might do on their own.
type OwnTime struct {
	Person      string
	Suggestions []Suggestion
}

// How much each part of the score counts; parts that a request leaves out
// (no situation, no likes) drop out and the rest share their weight.
const (
	needsPart     = 0.6
	situationPart = 0.25
	likesPart     = 0.15
	// missingThing is taken off the score for each thing an activity needs
	// that is not at hand.
	missingThing = 25
	// ownPerPerson and maxBridges keep a compromise short enough to read.
	ownPerPerson = 2
	maxBridges   = 3
)

// Suggest ranks the catalogue's activities for a request. It is a pure
// function of the catalogue and the request: the same input always gives
// the same result in the same order. Hard filters are never broken: nothing
// on anyone's never-list or left out by the kind of time it was, nothing
// for the wrong mode, nothing longer than the time available, nothing
// asking more energy than anyone has, nothing about scenes or roles where
// none was said, nothing shared that needs one room when people are
// apart, no care for one particular state when nobody said what they
// need, nothing shared that asks something of someone who asked for
// space, nothing one person does for another when everyone who could do
// it asked for space, and, when the request is guarded, nothing with more
// than light touch, no kissing and nothing celebratory. Ids the catalogue
// does not know match nothing; use CheckRequest or ParseRequest to report
// them.
func (c *Catalog) Suggest(req Request) Result {
	e := newEngine(c, req)
	defer e.release()
	limit := req.Limit
	if limit <= 0 {
		limit = DefaultLimit
	}
	main := e.newTop(limit)
	var ownCare *top
	if e.mode == Solo && e.remote {
		ownCare = e.newTop(limit)
	}
	cover := e.newCover()
	bridges, looseBridges := e.newTop(maxBridges), e.newTop(maxBridges)
	// Each person's own time: first what meets their stated needs, then,
	// to fill up, what most people find soothing; and before either, for
	// someone who wants company, something with the others who can give it.
	own, soothing, company := make([]*top, len(e.people)), make([]*top, len(e.people)), make([]*top, len(e.people))
	alone := make([][]int, len(e.people))
	for p := range e.people {
		own[p], soothing[p] = e.newTop(ownPerPerson), e.newTop(ownPerPerson)
		alone[p] = []int{p}
		if e.company[p] != nil {
			company[p] = e.newTop(2)
		}
	}
	everyone := e.everyone()
	// Who may serve whom depends on the group alone, so it is counted
	// once, not for each activity.
	allShare, companyShares := e.sharingOf(everyone), make([]sharing, len(e.people))
	for p, group := range e.company {
		if group != nil {
			companyShares[p] = e.sharingOf(group)
		}
	}
	fits := make([]float64, len(e.people))

	for i := range c.Activities {
		a, ca := &c.Activities[i], &c.compiled[i]
		if !e.allowed(i) {
			continue
		}
		for p := range e.people {
			fits[p] = e.people[p].fit(ca)
			fits[p] *= e.people[p].rated.factor(i)
		}
		if e.offeredToAll(a, allShare) {
			score := e.score(i, everyone, e.groupFit(fits, everyone))
			main.add(i, score)
			if ownCare != nil && !a.Apart {
				ownCare.add(i, score)
			}
			cover.add(i, ca, score)
			if e.clash != nil && a.Bridge {
				if e.meetsEachSide(ca) {
					bridges.add(i, score)
				} else {
					looseBridges.add(i, score)
				}
			}
		}
		if e.clash == nil {
			continue
		}
		for p, group := range e.company {
			if group != nil && a.Mode != Solo && e.reaches(a) && companyShares[p].allows(a) && e.suitsCompany(p, ca) {
				company[p].add(i, e.score(i, group, e.groupFit(fits, group)))
			}
		}
		if a.Mode != Together && a.Contact == "none" && !a.Bridge {
			for p := range e.people {
				if fits[p] > 0 {
					own[p].add(i, e.score(i, alone[p], fits[p]))
				} else if fit := e.baseline.fit(ca); fit > 0 {
					soothing[p].add(i, e.score(i, alone[p], fit))
				}
			}
		}
	}

	if ownCare != nil {
		main.items = main.besideOwnCare(ownCare.items, limit)
	}
	main.items = cover.apply(main.items, limit)
	result := Result{Suggestions: e.suggestions(main, everyone, nil), Guarded: e.guard}
	if e.clash != nil {
		if len(bridges.items) == 0 {
			bridges = looseBridges
		}
		comp := &Compromise{Why: e.clash.why, Bridges: e.suggestions(bridges, everyone, result.Suggestions), Each: []OwnTime{}}
		// Say gestures are offered only when there are some: apart, or
		// when someone asked for space, there may be none that fit.
		if len(comp.Bridges) > 0 {
			comp.Why += " These small gestures give each of you some of what you need, and each of you has something for yourself as well."
		} else {
			comp.Why += " Each of you has something for yourself."
		}
		for p := range e.people {
			fill := ownPerPerson - len(own[p].items)
			own[p].items = append(own[p].items, soothing[p].items[:min(fill, len(soothing[p].items))]...)
			var list []Suggestion
			if company[p] != nil {
				list = e.suggestions(company[p], e.company[p], nil)
				for i := range list {
					list[i].With = e.names(e.company[p][1:])
				}
				if len(e.company[p]) == len(e.people) {
					// With everyone, a gesture already offered to all
					// needs no second mention, unless it is the only
					// company there is: someone who wants it is never
					// offered only time on their own.
					offered := func(s Suggestion) bool {
						return slices.ContainsFunc(comp.Bridges, func(b Suggestion) bool { return b.ID == s.ID })
					}
					if slices.ContainsFunc(list, func(s Suggestion) bool { return !offered(s) }) {
						list = slices.DeleteFunc(list, offered)
					} else {
						list = list[:1]
					}
				}
			}
			list = append(list, e.suggestions(own[p], alone[p], nil)...)
			comp.Each = append(comp.Each, OwnTime{Person: e.people[p].name, Suggestions: list})
		}
		result.Compromise = comp
	}
	e.noteOnce(&result)
	return result
}

// noteOnce puts the word of care that goes with something offered (see
// note) on the first it goes with, in the order the result is shown: the
// list, the gestures for when needs pull apart, then each person's own.
// Said once, it is heard; said with everything, it is noise.
func (e *engine) noteOnce(r *Result) {
	if e.situation == nil || !e.situation.WashingCanWait {
		return
	}
	lists := [][]Suggestion{r.Suggestions}
	if r.Compromise != nil {
		lists = append(lists, r.Compromise.Bridges)
		for _, own := range r.Compromise.Each {
			lists = append(lists, own.Suggestions)
		}
	}
	for _, list := range lists {
		for i := range list {
			if list[i].Note = e.note(e.c.Activity(list[i].ID)); list[i].Note != "" {
				return
			}
		}
	}
}

// engine is one request prepared for scoring every activity quickly: needs,
// tags and things as slices indexed by the catalogue's numbering.
type engine struct {
	c          *Catalog
	baseline   person // what someone who said nothing probably needs
	mode       Mode
	minutes    int
	people     []person
	bannedTags []bool
	bannedIDs  []bool // activities left out by id, by number; nil when none is
	situation  *Situation
	situationN int   // the situation's number, or -1
	raises     []int // by need number
	raiseTotal int
	have       []bool // by thing number; nil when the request did not say
	seldom     []bool // by thing number: seldom at hand after the situation
	anyLikes   bool
	clash      *clash
	// guard turns everything quiet.
	guard bool
	// hidden is set when someone asked for space where the others do not
	// see it: it may be anyone who did not ask openly.
	hidden bool
	// remote is set when the situation says the people are apart, alone
	// or together.
	remote bool
	// energy is the least energy anyone said they have, as energyLevel
	// counts it; 0 when nobody said.
	energy int
	// company is, for each person who wants closeness or talk in a clash,
	// the group (them first) who can share it with them, wants the needs
	// they want it for, and keeps the needs of the others in it that pull
	// against those, all by number; nil for others.
	company, wants, keeps [][]int
	// goodAfter is the reason for what suits the situation: "good after
	// a scene".
	goodAfter string
	scratch   scratch
	// tallies are borrowed for the people's ratings; see release.
	tallies *[]tally
}

type person struct {
	name     string  // "" for the one unnamed person of a request
	owner    string  // the name as the owner of a need: "Sam's"
	needs    Weights // what counts now: stated, usual or the baseline
	stated   Weights // what they said they need now
	dense    []int   // needs by number
	assumed  bool    // the needs are the catalogue's baseline, not said
	space    bool    // they asked for space now
	total    int
	likedIDs []bool // the activities they like by id, by number; nil when none
	likedTag []bool // by tag number
	rated    personRatings
}

func newEngine(c *Catalog, req Request) *engine {
	e := &engine{c: c, mode: req.mode(), minutes: req.Minutes, situationN: -1}
	e.baseline = c.baseline
	people := req.People
	if len(people) == 0 {
		people = []Person{{}}
	}
	never := slices.Clone(req.Avoid)
	least := ""
	raters := make([]string, len(people))
	e.people = make([]person, 0, len(people))
	for i, p := range people {
		name := strings.TrimSpace(p.Name)
		if name == "" && len(people) > 1 {
			name = fmt.Sprintf("Person %d", i+1)
		}
		needs, assumed := c.NeedsNow(p)
		pp := c.newPerson(name, needs, p.Likes)
		pp.stated, pp.assumed, pp.space = p.Needs, assumed, AsksForSpace(p.Needs)
		raters[i] = p.Name
		e.anyLikes = e.anyLikes || len(p.Likes) > 0
		e.guard = e.guard || pp.space
		never = append(never, p.Never...)
		least = LeastEnergy(least, p.Energy)
		e.people = append(e.people, pp)
	}
	e.rate(req.Ratings, raters)
	e.energy = energyLevel(least)
	// Space matters between people; alone, it still keeps things gentle.
	e.guard = e.guard || req.Guard || req.Space
	e.hidden = req.Space
	if e.situation = c.Situation(req.Situation); e.situation != nil {
		never = append(never, e.situation.Avoids...)
		e.remote = e.situation.Apart
		e.goodAfter = "good " + e.situation.After
	}
	e.bannedTags = c.tagSyms.flags(never)
	if e.guard {
		for n, quiet := range c.guardTags {
			e.bannedTags[n] = e.bannedTags[n] || quiet
		}
	}
	e.bannedIDs = c.activityFlags(never)
	if e.situation != nil {
		e.situationN, _ = c.situationSyms.lookup(e.situation.ID)
		e.raises = c.needSyms.dense(e.situation.Raises)
		e.raiseTotal = e.situation.Raises.Total()
		if len(e.situation.SeldomAtHand) > 0 {
			e.seldom = c.thingSyms.flags(e.situation.SeldomAtHand)
		}
	}
	if req.Things != nil {
		e.have = c.thingSyms.flags(req.Things)
	}
	e.clash = e.findClash()
	e.findCompany()
	return e
}

// NeedsNow is what counts for a person now: what they said they need,
// with their usual needs as a hint (weight 1) except any that a need said
// now opposes; their usual needs in full when they said nothing; and the
// catalogue's baseline, assumed, when there is nothing at all.
func (c *Catalog) NeedsNow(p Person) (needs Weights, assumed bool) {
	switch {
	case len(p.Needs) == 0 && len(p.Usual) == 0:
		return c.baseline.needs, true
	case len(p.Needs) == 0:
		return p.Usual, false
	}
	needs = p.Needs
	for _, w := range p.Usual {
		if needs.Of(w.Need) == 0 && !c.cancelled(w.Need, p.Needs) {
			needs = needs.With(w.Need, 1)
		}
	}
	return needs, false
}

// cancelled says whether a need said now pulls against need.
func (c *Catalog) cancelled(need string, now Weights) bool {
	return slices.ContainsFunc(c.Opposed(need), func(o string) bool { return now.Of(o) > 0 })
}

func (c *Catalog) newPerson(name string, needs Weights, likes []string) person {
	p := person{name: name, owner: name + "'s", needs: needs, dense: c.needSyms.dense(needs), total: needs.Total(),
		likedIDs: c.activityFlags(likes), likedTag: c.tagSyms.flags(likes)}
	return p
}

// baselineOf is what someone who has said nothing probably needs, as
// needs say.
func baselineOf(needs []Need) Weights {
	var ws Weights
	for _, n := range needs {
		if n.Baseline > 0 {
			ws = append(ws, Weight{n.ID, n.Baseline})
		}
	}
	return sortWeights(ws)
}

func (e *engine) everyone() []int {
	all := make([]int, len(e.people))
	for i := range all {
		all[i] = i
	}
	return all
}

func (e *engine) names(people []int) []string {
	out := make([]string, len(people))
	for i, p := range people {
		out[i] = e.people[p].name
	}
	return out
}

// allowed applies the hard filters that hold for everything offered.
func (e *engine) allowed(i int) bool {
	a, ca := &e.c.Activities[i], &e.c.compiled[i]
	if e.minutes > 0 && a.Minutes.Min > e.minutes {
		return false
	}
	if e.bannedIDs != nil && e.bannedIDs[i] {
		return false
	}
	if len(a.OnlyIn) > 0 && (e.situation == nil || !slices.Contains(a.OnlyIn, e.situation.ID)) {
		return false
	}
	if a.OnlyIfSaid && !e.saidAsStrongly(a) {
		return false
	}
	if e.guard && a.Contact == "full" {
		return false
	}
	if e.energy > 0 && energyLevel(a.Energy) > e.energy {
		return false
	}
	for _, t := range ca.tags {
		if e.bannedTags[t] {
			return false
		}
	}
	return true
}

// saidAsStrongly says whether someone said now that they need what an
// activity is made for, its weightiest need, at least as much as it
// gives: care for tears is for someone who said they need comfort a lot,
// not for anyone who said anything.
func (e *engine) saidAsStrongly(a *Activity) bool {
	var made Weight
	for _, w := range a.Needs {
		if w.Weight > made.Weight {
			made = w
		}
	}
	return slices.ContainsFunc(e.people, func(p person) bool { return p.stated.Of(made.Need) >= made.Weight })
}

// modeFits says whether an activity suits a solo or together request.
// Someone checking in alone after a call or messages can still do what
// works at a distance with the person at the other end, but not what
// they would do for that person: its needs are the other's, which a
// check-in alone does not hear.
func (e *engine) modeFits(a *Activity) bool {
	return a.Mode == Either || a.Mode == e.mode || e.remote && a.Apart && !a.ForThem
}

// offeredToAll says whether an activity may be offered to everyone at
// once: it fits the mode, may be shared by all of them, and works at a
// distance when they are apart.
func (e *engine) offeredToAll(a *Activity, everyone sharing) bool {
	return e.modeFits(a) && (e.mode != Together || everyone.allows(a)) && e.reaches(a)
}

// sharing is, of a group offered something together, how many asked for
// space and how many are free to do something for another.
type sharing struct{ askers, givers int }

// sharingOf counts a group. A need for space kept private may be that of
// anyone who did not ask openly, so one of them counts as having asked.
func (e *engine) sharingOf(group []int) sharing {
	var s sharing
	for _, p := range group {
		if e.people[p].space {
			s.askers++
		} else {
			s.givers++
		}
	}
	if e.hidden && s.givers > 0 {
		s.askers, s.givers = s.askers+1, s.givers-1
	}
	return s
}

// allows says whether the group may be offered an activity together.
// Whoever asked for space is offered only what asks nothing of them, and
// what one person does for another needs someone to do it who did not
// ask for space.
func (s sharing) allows(a *Activity) bool {
	return s.askers == 0 || a.AsksNothing && (!a.ForThem || s.givers > 0)
}

// reaches says whether an activity can be shared by people where they
// are: anything in the same room, only what works at a distance apart.
func (e *engine) reaches(a *Activity) bool { return !e.remote || e.mode != Together || a.Apart }

// energyLevel counts energy words so that they can be compared: low 1,
// medium 2, high 3, and 0 for none said.
func energyLevel(energy string) int {
	return slices.Index(EnergyLevels, energy) + 1
}

// EnergyLevels are the words for how much energy someone has, or an
// activity asks, least first.
var EnergyLevels = []string{"low", "medium", "high"}

// fit is how well an activity meets this person's needs, from 0 to 1.
func (p *person) fit(ca *compiled) float64 {
	if p.total == 0 {
		return 0
	}
	met := 0
	for _, r := range ca.needs {
		met += r.weight * p.dense[r.need]
	}
	return float64(met) / float64(MaxWeight*p.total)
}

// groupFit is how well an activity meets the needs of a group, given how
// well it meets each person's. With several people it weighs the
// least-served person as much as the average, so that what fits everyone
// beats what delights one.
func (e *engine) groupFit(fits []float64, who []int) float64 {
	sum, least := 0.0, math.Inf(1)
	for _, p := range who {
		sum += fits[p]
		least = min(least, fits[p])
	}
	mean := sum / float64(len(who))
	if len(who) == 1 {
		return mean
	}
	return (mean + least) / 2
}

// score is how well an activity suits the given people, from 0 to 100,
// given how well it meets their needs (from 0 to 1).
func (e *engine) score(i int, who []int, needFit float64) float64 {
	ca := &e.c.compiled[i]
	total, parts := needsPart*needFit, needsPart
	if e.situation != nil {
		total += situationPart * e.situationFit(ca)
		parts += situationPart
	}
	if e.anyLikes {
		liked := 0.0
		for _, p := range who {
			liked += e.people[p].liking(i, ca)
		}
		total += likesPart * liked / float64(len(who))
		parts += likesPart
	}
	score := 100*total/parts - missingThing*float64(e.missing(ca))
	return max(0, score)
}

// situationFit is half how well the activity meets the needs the situation
// raises, half whether the catalogue says it suits the situation.
func (e *engine) situationFit(ca *compiled) float64 {
	fit := 0.0
	if e.raiseTotal > 0 {
		met := 0
		for _, r := range ca.needs {
			met += r.weight * e.raises[r.need]
		}
		fit = float64(met) / float64(MaxWeight*e.raiseTotal)
	}
	if slices.Contains(ca.situations, e.situationN) {
		fit++
	}
	return fit / 2
}

// liking is 1 when the person likes the activity itself, 1/2 when they like
// something it involves.
func (p *person) liking(i int, ca *compiled) float64 {
	if p.likes(i) {
		return 1
	}
	for _, t := range ca.tags {
		if p.likedTag[t] {
			return 0.5
		}
	}
	return 0
}

// likes says whether the person likes activity number i by its id.
func (p *person) likes(i int) bool { return p.likedIDs != nil && p.likedIDs[i] }

// missing counts the things an activity needs that are not at hand.
func (e *engine) missing(ca *compiled) int {
	n := 0
	for _, t := range ca.things {
		if !e.atHand(t) {
			n++
		}
	}
	return n
}

// atHand says whether thing number t is at hand: as the request says, or,
// when it says nothing, unless it is seldom at hand after this kind of
// time.
func (e *engine) atHand(t int) bool {
	if e.have != nil {
		return e.have[t]
	}
	return e.seldom == nil || !e.seldom[t]
}

// suggestions are the activities of a top list, made for these people;
// one already among made, for the same people, keeps its reasons, as a
// bridge that is also in the list does.
func (e *engine) suggestions(t *top, who []int, made []Suggestion) []Suggestion {
	out := make([]Suggestion, 0, len(t.items))
	for _, r := range t.items {
		a := &e.c.Activities[r.index]
		minutes := a.Minutes
		if e.minutes > 0 {
			minutes.Max = min(minutes.Max, e.minutes)
		}
		var reasons []string
		if i := slices.IndexFunc(made, func(s Suggestion) bool { return s.ID == a.ID }); i >= 0 {
			reasons = slices.Clone(made[i].Reasons)
		} else {
			reasons = e.reasons(r.index, who)
		}
		out = append(out, Suggestion{
			ID:      a.ID,
			Title:   a.Title,
			Summary: a.Summary,
			Minutes: minutes,
			Score:   math.Round(r.score*10) / 10,
			Reasons: reasons,
		})
	}
	return out
}

// note is the word of care that goes with a now: washing can wait, for
// anything with water or made for feeling clean (a wipe, fresh clothes)
// after a time when someone may want a medical check.
func (e *engine) note(a *Activity) string {
	if e.situation == nil || !e.situation.WashingCanWait || !slices.Contains(a.Tags, waterTag) && a.Needs.Of(cleanNeed) < 2 {
		return ""
	}
	if e.mode == Solo {
		return washingCanWaitSolo
	}
	return washingCanWaitTogether
}
