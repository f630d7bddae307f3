package catalog

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// maxReasons keeps the explanation of a suggestion to a glance.
const maxReasons = 4

// reasons says in a few short phrases why an activity suits these people:
// whose needs it meets, the situation, their likes, what it takes.
func (e *engine) reasons(a *Activity, who []int) []string {
	out := append(e.needReasons(a, who), e.ratingReasons(a, who)...)
	if e.situation != nil && slices.Contains(a.Situations, e.situation.ID) {
		out = append(out, "good "+e.situation.After)
	}
	for _, p := range who {
		pp := &e.people[p]
		if pp.likedIDs[a.ID] {
			out = append(out, fmt.Sprintf("%s this", pp.subjectLike()))
			continue
		}
		for _, t := range a.Tags {
			if n, ok := e.c.tagSyms.lookup(t); ok && pp.likedTag[n] {
				out = append(out, fmt.Sprintf("%s %s", pp.subjectLike(), e.tagLabel(t)))
				break
			}
		}
	}
	if missing := e.missingThings(a); len(missing) > 0 {
		out = append(out, "needs "+JoinAnd(e.thingLabels(missing)))
	} else if e.have != nil && len(a.Things) > 0 {
		out = append(out, "uses what you have: "+JoinAnd(e.thingLabels(a.Things)))
	}
	if len(out) == 0 {
		labels := make([]string, 0, 2)
		for _, w := range strongest(a.Needs, 2) {
			labels = append(labels, e.needLabel(w.Need))
		}
		out = append(out, "brings "+JoinAnd(labels))
	}
	if len(out) > maxReasons {
		out = out[:maxReasons]
	}
	return out
}

// needReasons names whose stated needs the activity meets, strongest first,
// making sure that each person it serves is named once before anyone is
// named twice. A person is named for a need only when they said it now;
// what their profile says they usually need is called usual, and for
// people who said nothing it names the common needs it meets instead.
func (e *engine) needReasons(a *Activity, who []int) []string {
	type met struct {
		need   string
		people []int
		amount int
	}
	var mets, assumed []met
	usual := map[int][]string{}
	for _, w := range a.Needs {
		m, common := met{need: w.Need}, met{need: w.Need}
		for _, p := range who {
			pp := &e.people[p]
			weight := pp.needs.Of(w.Need)
			switch {
			case weight == 0:
			case pp.assumed:
				common.amount = max(common.amount, weight*w.Weight)
			case pp.stated.Of(w.Need) > 0:
				m.people = append(m.people, p)
				m.amount += weight * w.Weight
			default:
				usual[p] = append(usual[p], w.Need)
			}
		}
		if len(m.people) > 0 {
			mets = append(mets, m)
		}
		if common.amount > 0 {
			assumed = append(assumed, common)
		}
	}
	byAmount := func(x, y met) int { return cmp.Compare(y.amount, x.amount) }
	slices.SortStableFunc(mets, byAmount)
	slices.SortStableFunc(assumed, byAmount)

	// Name each person it serves once before naming anyone twice; two
	// needs are enough when one person is served.
	named := map[int]bool{}
	chosen := make([]bool, len(mets))
	count := 0
	choose := func(i int) {
		chosen[i] = true
		count++
		for _, p := range mets[i].people {
			named[p] = true
		}
	}
	for i, m := range mets {
		if count < 3 && slices.ContainsFunc(m.people, func(p int) bool { return !named[p] }) {
			choose(i)
		}
	}
	for i := range mets {
		if count < 2 && !chosen[i] {
			choose(i)
		}
	}

	// One phrase for each group of people: "meets Sam's needs for rest and
	// calm" rather than the same owner twice.
	var out []string
	var owners [][]int
	var needsOf [][]string
	for i, m := range mets {
		if !chosen[i] {
			continue
		}
		g := slices.IndexFunc(owners, func(o []int) bool { return slices.Equal(o, m.people) })
		if g < 0 {
			owners = append(owners, m.people)
			needsOf = append(needsOf, nil)
			g = len(owners) - 1
		}
		needsOf[g] = append(needsOf[g], e.needLabel(m.need))
	}
	for g, people := range owners {
		out = append(out, fmt.Sprintf("meets %s %s for %s", e.possessive(people), plural("need", len(needsOf[g])), JoinAnd(needsOf[g])))
	}
	// Usual needs the same way, one phrase for people with the same ones.
	var usualOwners [][]int
	var usualNeeds [][]string
	for _, p := range who {
		ids := usual[p]
		if len(ids) == 0 || named[p] {
			continue
		}
		labels := make([]string, 0, 2)
		for _, id := range ids[:min(2, len(ids))] {
			labels = append(labels, e.needLabel(id))
		}
		g := slices.IndexFunc(usualNeeds, func(l []string) bool { return slices.Equal(l, labels) })
		if g < 0 {
			usualOwners, usualNeeds = append(usualOwners, nil), append(usualNeeds, labels)
			g = len(usualNeeds) - 1
		}
		usualOwners[g] = append(usualOwners[g], p)
	}
	for g, people := range usualOwners {
		out = append(out, fmt.Sprintf("suits %s usual %s for %s", e.possessive(people), plural("need", len(usualNeeds[g])), JoinAnd(usualNeeds[g])))
	}
	if len(assumed) > 0 {
		labels := make([]string, 0, 2)
		for _, m := range assumed[:min(2, len(assumed))] {
			labels = append(labels, e.needLabel(m.need))
		}
		out = append(out, fmt.Sprintf("gives %s, which most people want afterwards", JoinAnd(labels)))
	}
	return out
}

func plural(noun string, n int) string {
	if n == 1 {
		return noun
	}
	return noun + "s"
}

// possessive names people as the owners of a need: "your" for the one
// unnamed person, "Sam's", "Sam's and Alex's", or "everyone's" for three
// or more when it is everyone.
func (e *engine) possessive(people []int) string {
	if len(people) == 1 && e.people[people[0]].name == "" {
		return "your"
	}
	if len(people) > 2 && len(people) == len(e.people) {
		return "everyone's"
	}
	names := make([]string, len(people))
	for i, p := range people {
		names[i] = e.people[p].name + "'s"
	}
	return JoinAnd(names)
}

func (p *person) subjectLike() string {
	if p.name == "" {
		return "you like"
	}
	return p.name + " likes"
}

func (e *engine) needLabel(id string) string { return strings.ToLower(e.c.Label(id)) }

func (e *engine) tagLabel(id string) string {
	if t := e.c.Tag(id); t != nil {
		return strings.ToLower(t.Label)
	}
	return id
}

// missingThings names what an activity needs that is not at hand.
func (e *engine) missingThings(a *Activity) []string {
	var out []string
	for _, t := range a.Things {
		if n, ok := e.c.thingSyms.lookup(t); ok && e.have != nil && !e.have[n] {
			out = append(out, t)
		}
	}
	return out
}

func (e *engine) thingLabels(ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = id
		if t := e.c.Thing(id); t != nil {
			out[i] = t.Label
		}
	}
	return out
}

// strongest returns up to n of the weights, heaviest first.
func strongest(ws Weights, n int) Weights {
	sorted := slices.Clone(ws)
	slices.SortStableFunc(sorted, func(a, b Weight) int { return cmp.Compare(b.Weight, a.Weight) })
	return sorted[:min(n, len(sorted))]
}
