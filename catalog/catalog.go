// Package catalog holds what aftercare knows and how it judges: the needs,
// activities, situations, check-in questions and support resources, read
// strictly from YAML (the defaults are embedded, a person's own files layer
// on top), and the suggestion engine that ranks activities for the people
// present. It reads catalogue files and nothing else: no terminal, no clock,
// no other disk.
package catalog

import "sync"

// Catalog is a loaded, checked catalogue. Lists keep the order of the files;
// hidden (disabled) entries are not in them.
type Catalog struct {
	Needs      []Need
	Tags       []Tag
	Things     []Thing
	Situations []Situation
	Activities []Activity
	Questions  []Question
	Resources  []Resource

	// UserFiles are the person's own files that were layered on top of the
	// defaults, in the order they were read.
	UserFiles []string

	index map[string]map[string]int
	known vocabulary
	// The engine's view of the activities: their references as numbers.
	compiled                                    []compiled
	needSyms, tagSyms, thingSyms, situationSyms *symbols
	// activityIDs number the activities by id, for the many look-ups of
	// the ratings.
	activityIDs *idTable
	// needLabels are the needs' labels by number, as reasons say them.
	needLabels []string
	// baseline is someone who has said nothing, as the engine sees them.
	baseline person
	// opposed lists, for each need, the needs that pull against it, both
	// ways round.
	opposed map[string][]string
	// guardTags are the tags left out when a check-in turns quiet, by
	// tag number.
	guardTags []bool
}

// Need returns the need with id, or nil.
func (c *Catalog) Need(id string) *Need { return find(c, c.Needs, "needs", id) }

// Tag returns the tag with id, or nil.
func (c *Catalog) Tag(id string) *Tag { return find(c, c.Tags, "tags", id) }

// Thing returns the thing with id, or nil.
func (c *Catalog) Thing(id string) *Thing { return find(c, c.Things, "things", id) }

// Situation returns the situation with id, or nil.
func (c *Catalog) Situation(id string) *Situation {
	return find(c, c.Situations, "situations", id)
}

// Activity returns the activity with id, or nil.
func (c *Catalog) Activity(id string) *Activity {
	return find(c, c.Activities, "activities", id)
}

// Question returns the question with id, or nil.
func (c *Catalog) Question(id string) *Question {
	return find(c, c.Questions, "questions", id)
}

// Resource returns the support resource with id, or nil.
func (c *Catalog) Resource(id string) *Resource {
	return find(c, c.Resources, "resources", id)
}

// QuestionsFor returns the questions of a phase for a solo or together
// check-in, in catalogue order.
func (c *Catalog) QuestionsFor(phase string, mode Mode) []Question {
	var out []Question
	for _, q := range c.Questions {
		if q.Phase == phase && (q.Audience == "both" || q.Audience == string(mode)) {
			out = append(out, q)
		}
	}
	return out
}

// SituationsFor returns the situations that fit a solo or together
// check-in: each of them, unless its audience is the other.
func (c *Catalog) SituationsFor(mode Mode) []Situation {
	var out []Situation
	for _, s := range c.Situations {
		if askedIn(s.Audience, mode) {
			out = append(out, s)
		}
	}
	return out
}

// Opposed returns the needs that pull against need when two people feel
// them at once.
func (c *Catalog) Opposed(need string) []string { return c.opposed[need] }

// Label returns the human label of a need, or its id when it has none.
func (c *Catalog) Label(need string) string {
	if n := c.Need(need); n != nil {
		return n.Label
	}
	return need
}

func find[T any](c *Catalog, items []T, section, id string) *T {
	i, ok := c.index[section][id]
	if !ok {
		return nil
	}
	return &items[i]
}

// build makes the lookups once the lists are final.
func (c *Catalog) build() {
	c.index = map[string]map[string]int{
		"needs":      indexBy(c.Needs, func(n Need) string { return n.ID }),
		"tags":       indexBy(c.Tags, func(t Tag) string { return t.ID }),
		"things":     indexBy(c.Things, func(t Thing) string { return t.ID }),
		"situations": indexBy(c.Situations, func(s Situation) string { return s.ID }),
		"activities": indexBy(c.Activities, func(a Activity) string { return a.ID }),
		"questions":  indexBy(c.Questions, func(q Question) string { return q.ID }),
		"resources":  indexBy(c.Resources, func(r Resource) string { return r.ID }),
	}
	ids := make([]string, len(c.Activities))
	for i, a := range c.Activities {
		ids[i] = a.ID
	}
	c.activityIDs = newIDTable(ids)
	c.known = newVocabulary()
	for _, s := range sections {
		for id := range c.index[s.key] {
			c.known.add(s.kind, id)
		}
	}
	c.known.shown = sync.OnceValue(c.shownWords)
	c.compile()
	c.baseline = c.newPerson("", baselineOf(c.Needs), nil)
	c.baseline.assumed = true
	var quiet []string
	for _, t := range c.Tags {
		if t.Guard {
			quiet = append(quiet, t.ID)
		}
	}
	c.guardTags = c.tagSyms.flags(quiet)
	c.opposed = map[string][]string{}
	// A set rather than a search of each list: a file can make a need
	// oppose thousands of others.
	paired := map[[2]string]bool{}
	oppose := func(a, b string) {
		if !paired[[2]string{a, b}] {
			paired[[2]string{a, b}] = true
			c.opposed[a] = append(c.opposed[a], b)
		}
	}
	for _, n := range c.Needs {
		for _, o := range n.Opposes {
			oppose(n.ID, o)
			oppose(o, n.ID)
		}
	}
}

func indexBy[T any](items []T, id func(T) string) map[string]int {
	m := make(map[string]int, len(items))
	for i, item := range items {
		m[id(item)] = i
	}
	return m
}
