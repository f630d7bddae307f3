package catalog

import (
	"cmp"
	"slices"
	"strings"
)

// maxReasons keeps the explanation of a suggestion to a glance.
const maxReasons = 4

// reasons says in a few short phrases why activity number i suits these
// people: whose needs it meets, the situation, their likes, what it takes.
func (e *engine) reasons(i int, who []int) []string {
	a, ca := &e.c.Activities[i], &e.c.compiled[i]
	out := make([]string, 0, maxReasons+2)
	out = e.appendNeedReasons(out, a, ca, who)
	out = e.appendRatingReasons(out, i, who)
	if e.situation != nil && slices.Contains(ca.situations, e.situationN) {
		out = append(out, e.goodAfter)
	}
	for _, p := range who {
		pp := &e.people[p]
		if pp.likes(i) {
			out = append(out, pp.subjectLike()+" this")
			continue
		}
		for j, t := range ca.tags {
			if pp.likedTag[t] {
				out = append(out, pp.subjectLike()+" "+e.tagLabel(a.Tags[j]))
				break
			}
		}
	}
	if missing := e.missingThings(a, ca); len(missing) > 0 {
		out = append(out, "needs "+JoinAnd(e.c.thingLabels(missing)))
	} else if e.have != nil && len(a.Things) > 0 {
		out = append(out, "uses what you have: "+JoinAnd(e.c.thingLabels(a.Things)))
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

// met is one of an activity's needs that some of the people have, and how
// much it meets it for them.
type met struct {
	need     int // number
	from, to int // where its people are in the scratch's people
	amount   int
}

// scratch is room for working out reasons, kept by the engine so that
// explaining each suggestion allocates little more than what it says.
type scratch struct {
	mets, assumed []met
	people        []int
	named, chosen []bool // by person and by met
	labels        []string
}

// askedForSpace stands for whoever asked for space where the others do
// not see it (Request.Space), as the needs that answer says, sorted as
// Weights are.
var askedForSpace = Weights{{Need: "quiet", Weight: 1}, {Need: spaceNeed, Weight: 1}}

// appendNeedReasons names whose stated needs the activity meets, strongest
// first, making sure that each person it serves is named once before
// anyone is named twice. A person is named for a need only when they said
// it now; what their profile says they usually need is called usual, and
// for people who said nothing it names the common needs it meets instead.
func (e *engine) appendNeedReasons(out []string, a *Activity, ca *compiled, who []int) []string {
	s := &e.scratch
	s.mets, s.assumed, s.people = s.mets[:0], s.assumed[:0], s.people[:0]
	var usual [][]string // by place in who; most people have no usual needs
	for j, w := range a.Needs {
		n := ca.needs[j].need
		m, common := met{need: n, from: len(s.people)}, met{need: n}
		for at, p := range who {
			pp := &e.people[p]
			weight := pp.needs.Of(w.Need)
			switch {
			case weight == 0:
			case pp.assumed:
				common.amount = max(common.amount, weight*w.Weight)
			case pp.stated.Of(w.Need) > 0:
				s.people = append(s.people, p)
				m.amount += weight * w.Weight
			case e.hidden && e.c.cancelled(w.Need, askedForSpace):
				// Someone unnamed asked for space: crediting anyone's
				// usual closeness or talk would argue against it.
			default:
				if usual == nil {
					usual = make([][]string, len(who))
				}
				usual[at] = append(usual[at], w.Need)
			}
		}
		if m.to = len(s.people); m.to > m.from {
			s.mets = append(s.mets, m)
		}
		if common.amount > 0 {
			s.assumed = append(s.assumed, common)
		}
	}
	byAmount := func(x, y met) int { return cmp.Compare(y.amount, x.amount) }
	slices.SortStableFunc(s.mets, byAmount)
	slices.SortStableFunc(s.assumed, byAmount)

	e.chooseMets(ca)
	out = e.appendMetPhrases(out)
	out = e.appendUsualPhrases(out, who, usual)
	if len(s.assumed) > 0 {
		labels := s.labels[:0]
		for _, m := range s.assumed[:min(2, len(s.assumed))] {
			labels = append(labels, e.c.needLabels[m.need])
		}
		out = append(out, "gives "+JoinAnd(labels)+", which most people want afterwards")
		s.labels = labels
	}
	return out
}

// owners are the people of a met.
func (s *scratch) owners(m met) []int { return s.people[m.from:m.to] }

// chooseMets marks the needs to name: each person it serves once before
// anyone twice, up to three needs; then, so that no need someone said is
// met unsaid, every other need it gives much of; and at least two.
func (e *engine) chooseMets(ca *compiled) {
	s := &e.scratch
	s.named = resetFlags(s.named, len(e.people))
	s.chosen = resetFlags(s.chosen, len(s.mets))
	count := 0
	choose := func(i int) {
		s.chosen[i] = true
		count++
		for _, p := range s.owners(s.mets[i]) {
			s.named[p] = true
		}
	}
	for i, m := range s.mets {
		if count < 3 && slices.ContainsFunc(s.owners(m), func(p int) bool { return !s.named[p] }) {
			choose(i)
		}
	}
	for i, m := range s.mets {
		if !s.chosen[i] && (count < 2 || ca.weight(m.need) >= DefaultWeight) {
			choose(i)
		}
	}
}

// resetFlags returns n false flags, reusing flags' room.
func resetFlags(flags []bool, n int) []bool {
	if cap(flags) < n {
		return make([]bool, n)
	}
	flags = flags[:n]
	clear(flags)
	return flags
}

// appendMetPhrases says one phrase for each group of people among the
// chosen needs: "meets Sam's needs for rest and calm" rather than the same
// owner twice.
func (e *engine) appendMetPhrases(out []string) []string {
	s := &e.scratch
	for i := range s.mets {
		if !s.chosen[i] || s.groupedBefore(i) {
			continue
		}
		labels := s.labels[:0]
		for j := i; j < len(s.mets); j++ {
			if s.chosen[j] && s.sameOwners(i, j) {
				labels = append(labels, e.c.needLabels[s.mets[j].need])
			}
		}
		out = append(out, "meets "+e.possessive(s.owners(s.mets[i]))+" "+plural("need", len(labels))+" for "+JoinAnd(labels))
		s.labels = labels
	}
	return out
}

// groupedBefore says whether a chosen met before met i has its people,
// and so was said with it.
func (s *scratch) groupedBefore(i int) bool {
	for k := range i {
		if s.chosen[k] && s.sameOwners(k, i) {
			return true
		}
	}
	return false
}

func (s *scratch) sameOwners(i, j int) bool {
	return slices.Equal(s.owners(s.mets[i]), s.owners(s.mets[j]))
}

// appendUsualPhrases names the usual needs it meets for people not yet
// named, one phrase for people with the same ones; usual holds each
// person's, by their place in who.
func (e *engine) appendUsualPhrases(out []string, who []int, usual [][]string) []string {
	if usual == nil {
		return out
	}
	var owners [][]int
	var needs [][]string
	for at, p := range who {
		ids := usual[at]
		if len(ids) == 0 || e.scratch.named[p] {
			continue
		}
		labels := make([]string, 0, 2)
		for _, id := range ids[:min(2, len(ids))] {
			labels = append(labels, e.needLabel(id))
		}
		g := slices.IndexFunc(needs, func(l []string) bool { return slices.Equal(l, labels) })
		if g < 0 {
			owners, needs = append(owners, nil), append(needs, labels)
			g = len(needs) - 1
		}
		owners[g] = append(owners[g], p)
	}
	for g, people := range owners {
		out = append(out, "suits "+e.possessive(people)+" usual "+plural("need", len(needs[g]))+" for "+JoinAnd(needs[g]))
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
	if len(people) == 1 {
		return e.people[people[0]].owner
	}
	names := make([]string, len(people))
	for i, p := range people {
		names[i] = e.people[p].owner
	}
	return JoinAnd(names)
}

func (p *person) subjectLike() string {
	if p.name == "" {
		return "you like"
	}
	return p.name + " likes"
}

// needLabel is how a reason names a need.
func (e *engine) needLabel(id string) string {
	if n, ok := e.c.needSyms.lookup(id); ok {
		return e.c.needLabels[n]
	}
	return strings.ToLower(id)
}

func (e *engine) tagLabel(id string) string {
	if t := e.c.Tag(id); t != nil {
		return strings.ToLower(t.Label)
	}
	return id
}

// missingThings names what an activity needs that is not at hand.
func (e *engine) missingThings(a *Activity, ca *compiled) []string {
	var out []string
	for j, n := range ca.things {
		if !e.atHand(n) {
			out = append(out, a.Things[j])
		}
	}
	return out
}

// thingLabels are the labels of things, as a sentence says them.
func (c *Catalog) thingLabels(ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = id
		if t := c.Thing(id); t != nil {
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
