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
}

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
	missingThing = 10
	// ownPerPerson and maxBridges keep a compromise short enough to read.
	ownPerPerson = 2
	maxBridges   = 3
)

// Suggest ranks the catalogue's activities for a request. It is a pure
// function of the catalogue and the request: the same input always gives
// the same result in the same order. Hard filters are never broken: nothing
// on anyone's never-list, nothing for the wrong mode, nothing longer than
// the time available. Ids the catalogue does not know match nothing; use
// CheckRequest or ParseRequest to report them.
func (c *Catalog) Suggest(req Request) Result {
	e := newEngine(c, req)
	limit := req.Limit
	if limit <= 0 {
		limit = DefaultLimit
	}
	main := e.newTop(limit)
	bridges, looseBridges := e.newTop(maxBridges), e.newTop(maxBridges)
	// Each person's own time: first what meets their stated needs, then,
	// to fill up, what most people find soothing.
	own, soothing := make([]*top, len(e.people)), make([]*top, len(e.people))
	alone := make([][]int, len(e.people))
	for p := range e.people {
		own[p], soothing[p] = e.newTop(ownPerPerson), e.newTop(ownPerPerson)
		alone[p] = []int{p}
	}
	everyone := e.everyone()
	fits := make([]float64, len(e.people))

	for i := range c.Activities {
		a, ca := &c.Activities[i], &c.compiled[i]
		if !e.allowed(a, ca) {
			continue
		}
		for p := range e.people {
			fits[p] = e.people[p].fit(ca)
			if len(e.people[p].rated) > 0 {
				fits[p] *= e.people[p].rated.factor(a.ID)
			}
		}
		if e.modeFits(a) {
			score := e.score(a, ca, everyone, e.groupFit(fits))
			main.add(i, score)
			if e.clash != nil && a.Bridge {
				if e.meetsEachSide(ca) {
					bridges.add(i, score)
				} else {
					looseBridges.add(i, score)
				}
			}
		}
		if e.clash != nil && a.Mode != Together && a.Contact == "none" && !a.Bridge {
			for p := range e.people {
				if fits[p] > 0 {
					own[p].add(i, e.score(a, ca, alone[p], fits[p]))
				} else if fit := e.baseline.fit(ca); fit > 0 {
					soothing[p].add(i, e.score(a, ca, alone[p], fit))
				}
			}
		}
	}

	result := Result{Suggestions: e.suggestions(main, everyone)}
	if e.clash != nil {
		if len(bridges.items) == 0 {
			bridges = looseBridges
		}
		comp := &Compromise{Why: e.clash.why, Bridges: e.suggestions(bridges, everyone), Each: []OwnTime{}}
		for p := range e.people {
			fill := ownPerPerson - len(own[p].items)
			own[p].items = append(own[p].items, soothing[p].items[:min(fill, len(soothing[p].items))]...)
			comp.Each = append(comp.Each, OwnTime{Person: e.people[p].name, Suggestions: e.suggestions(own[p], alone[p])})
		}
		result.Compromise = comp
	}
	return result
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
	bannedIDs  map[string]bool
	situation  *Situation
	situationN int   // the situation's number, or -1
	raises     []int // by need number
	raiseTotal int
	have       []bool // by thing number; nil when the request did not say
	anyLikes   bool
	clash      *clash
}

type person struct {
	name     string  // "" for the one unnamed person of a request
	needs    Weights // as said, or the baseline
	dense    []int   // needs by number
	assumed  bool    // the needs are the catalogue's baseline, not said
	total    int
	likedIDs map[string]bool
	likedTag []bool // by tag number
	rated    personRatings
}

func newEngine(c *Catalog, req Request) *engine {
	e := &engine{c: c, mode: req.Mode, minutes: req.Minutes, situationN: -1, bannedIDs: map[string]bool{}}
	e.baseline = c.newPerson("", c.baseline(), nil)
	e.baseline.assumed = true
	people := req.People
	if len(people) == 0 {
		people = []Person{{}}
	}
	if e.mode == "" {
		e.mode = Solo
		if len(people) > 1 {
			e.mode = Together
		}
	}
	never := slices.Clone(req.Avoid)
	for i, p := range people {
		name := strings.TrimSpace(p.Name)
		if name == "" && len(people) > 1 {
			name = fmt.Sprintf("Person %d", i+1)
		}
		pp := c.newPerson(name, p.Needs, p.Likes)
		pp.rated = collectRatings(req.Ratings, p.Name)
		if len(p.Needs) == 0 {
			pp.needs, pp.dense, pp.total, pp.assumed = e.baseline.needs, e.baseline.dense, e.baseline.total, true
		}
		e.anyLikes = e.anyLikes || len(p.Likes) > 0
		never = append(never, p.Never...)
		e.people = append(e.people, pp)
	}
	e.bannedTags = c.tagSyms.flags(never)
	for _, id := range never {
		e.bannedIDs[id] = true
	}
	if e.situation = c.Situation(req.Situation); e.situation != nil {
		e.situationN, _ = c.situationSyms.lookup(e.situation.ID)
		e.raises = c.needSyms.dense(e.situation.Raises)
		e.raiseTotal = e.situation.Raises.Total()
	}
	if req.Things != nil {
		e.have = c.thingSyms.flags(req.Things)
	}
	e.clash = e.findClash()
	return e
}

func (c *Catalog) newPerson(name string, needs Weights, likes []string) person {
	p := person{name: name, needs: needs, dense: c.needSyms.dense(needs), total: needs.Total(),
		likedIDs: map[string]bool{}, likedTag: c.tagSyms.flags(likes)}
	for _, id := range likes {
		p.likedIDs[id] = true
	}
	return p
}

// baseline is what someone who has said nothing probably needs.
func (c *Catalog) baseline() Weights {
	var ws Weights
	for _, n := range c.Needs {
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

// allowed applies the hard filters that hold for everything offered.
func (e *engine) allowed(a *Activity, ca *compiled) bool {
	if e.minutes > 0 && a.Minutes.Min > e.minutes {
		return false
	}
	if e.bannedIDs[a.ID] {
		return false
	}
	for _, t := range ca.tags {
		if e.bannedTags[t] {
			return false
		}
	}
	return true
}

func (e *engine) modeFits(a *Activity) bool {
	return a.Mode == Either || a.Mode == e.mode
}

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

// groupFit is how well an activity meets the needs of everyone present.
// With several people it weighs the least-served person as much as the
// average, so that what fits everyone beats what delights one.
func (e *engine) groupFit(fits []float64) float64 {
	sum, least := 0.0, math.Inf(1)
	for _, f := range fits {
		sum += f
		least = min(least, f)
	}
	mean := sum / float64(len(fits))
	if len(fits) == 1 {
		return mean
	}
	return (mean + least) / 2
}

// score is how well an activity suits the given people, from 0 to 100,
// given how well it meets their needs (from 0 to 1).
func (e *engine) score(a *Activity, ca *compiled, who []int, needFit float64) float64 {
	total, parts := needsPart*needFit, needsPart
	if e.situation != nil {
		total += situationPart * e.situationFit(ca)
		parts += situationPart
	}
	if e.anyLikes {
		liked := 0.0
		for _, p := range who {
			liked += e.people[p].liking(a, ca)
		}
		total += likesPart * liked / float64(len(who))
		parts += likesPart
	}
	score := 100*total/parts - missingThing*float64(e.missing(ca))
	return math.Max(0, score)
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
func (p *person) liking(a *Activity, ca *compiled) float64 {
	if p.likedIDs[a.ID] {
		return 1
	}
	for _, t := range ca.tags {
		if p.likedTag[t] {
			return 0.5
		}
	}
	return 0
}

// missing counts the things an activity needs that are not at hand.
func (e *engine) missing(ca *compiled) int {
	n := 0
	for _, t := range ca.things {
		if e.have != nil && !e.have[t] {
			n++
		}
	}
	return n
}

func (e *engine) suggestions(t *top, who []int) []Suggestion {
	out := make([]Suggestion, 0, len(t.items))
	for _, r := range t.items {
		a := &e.c.Activities[r.index]
		minutes := a.Minutes
		if e.minutes > 0 {
			minutes.Max = min(minutes.Max, e.minutes)
		}
		out = append(out, Suggestion{
			ID:      a.ID,
			Title:   a.Title,
			Summary: a.Summary,
			Minutes: minutes,
			Score:   math.Round(r.score*10) / 10,
			Reasons: e.reasons(a, who),
		})
	}
	return out
}
