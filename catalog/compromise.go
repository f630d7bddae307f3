package catalog

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
)

// MarshalJSON writes each person's own suggestions as an object keyed by
// name, in the order the people were named.
func (c Compromise) MarshalJSON() ([]byte, error) {
	var each bytes.Buffer
	each.WriteByte('{')
	for i, o := range c.Each {
		if i > 0 {
			each.WriteByte(',')
		}
		name, err := json.Marshal(o.Person)
		if err != nil {
			return nil, err
		}
		list, err := json.Marshal(o.Suggestions)
		if err != nil {
			return nil, err
		}
		each.Write(name)
		each.WriteByte(':')
		each.Write(list)
	}
	each.WriteByte('}')
	return json.Marshal(struct {
		Why     string          `json:"why"`
		Bridges []Suggestion    `json:"bridges"`
		Each    json.RawMessage `json:"each"`
	}{c.Why, c.Bridges, each.Bytes()})
}

// clash is where people's stated needs pull against each other: for each
// person involved, the needs on their side.
type clash struct {
	sides map[int][]string
	why   string
}

// findClash looks for two people whose stated needs oppose each other, such
// as closeness for one and space for another. Needs the engine assumed for
// someone who said nothing never clash.
func (e *engine) findClash() *clash {
	sides := map[int][]string{}
	for p := range e.people {
		for q := p + 1; q < len(e.people); q++ {
			e.opposedNeeds(p, q, sides)
		}
	}
	if len(sides) == 0 {
		return nil
	}
	var parts []string
	shared := sharedBy(sides)
	for p := range e.people {
		needs := sides[p]
		if len(needs) == 0 {
			continue
		}
		slices.Sort(needs)
		// A need on every side is one they share, not where they pull
		// apart; it is said only when nothing else would be.
		if apart := slices.DeleteFunc(slices.Clone(needs), func(n string) bool { return slices.Contains(shared, n) }); len(apart) > 0 {
			needs = apart
		}
		// What someone said now is what they need, or would like a little
		// of when they said it only in passing (calm and settled is a
		// little quiet, not a need for it); what only their profile says
		// is what they usually need.
		var now, little, usual []string
		for _, n := range needs {
			switch w := e.people[p].stated.Of(n); {
			case w >= DefaultWeight:
				now = append(now, e.needLabel(n))
			case w > 0:
				little = append(little, e.needLabel(n))
			default:
				usual = append(usual, e.needLabel(n))
			}
		}
		var said []string
		if len(now) > 0 {
			said = append(said, "needs "+JoinAnd(now))
		}
		if len(little) > 0 {
			said = append(said, "would like a little "+JoinAnd(little))
		}
		words := e.people[p].name + " " + strings.Join(said, " and ")
		switch {
		case len(usual) > 0 && len(said) == 0:
			words += "usually needs " + JoinAnd(usual)
		case len(usual) > 0:
			words += ", and usually " + JoinAnd(usual)
		}
		parts = append(parts, words)
	}
	why := joinSentence(parts) + "."
	return &clash{sides: sides, why: why}
}

// sharedBy are the needs on every side of a clash.
func sharedBy(sides map[int][]string) []string {
	var shared []string
	for _, list := range sides {
		for _, n := range list {
			if !slices.Contains(shared, n) && everySide(sides, n) {
				shared = append(shared, n)
			}
		}
	}
	return shared
}

func everySide(sides map[int][]string, n string) bool {
	for _, list := range sides {
		if !slices.Contains(list, n) {
			return false
		}
	}
	return true
}

func (e *engine) opposedNeeds(p, q int, sides map[int][]string) {
	a, b := &e.people[p], &e.people[q]
	if a.assumed || b.assumed {
		return
	}
	for _, w := range a.needs {
		if e.outweighed(a, w.Need) {
			continue
		}
		for _, o := range e.c.Opposed(w.Need) {
			if b.needs.Of(o) > 0 && !e.outweighed(b, o) {
				sides[p] = appendOnce(sides[p], w.Need)
				sides[q] = appendOnce(sides[q], o)
			}
		}
	}
}

// outweighed says whether someone needs the opposite of need more than
// need itself, as someone prickly who asks to be held needs closeness more
// than the room their mood asks for: they are not on the side of that
// need, and the others are never told they are. Someone who wants both
// as much is on both sides.
func (e *engine) outweighed(who *person, need string) bool {
	w := who.needs.Of(need)
	for _, o := range e.c.Opposed(need) {
		if who.needs.Of(o) > w {
			return true
		}
	}
	return false
}

// findCompany finds, for each person who wants closeness, touch or talk
// in a clash, the others who could share it with them: everyone whose
// needs do not pull against theirs. When there is nobody like that,
// those whose needs do, as quiet pulls against talk, join them for what
// meets those needs too, such as a few words and then quiet: wanting
// quiet is not asking to be left alone, and nobody who wants company is
// sent off on their own while someone could keep it. Someone with any
// need for space is never asked to join.
// It notes, by number, the needs each of them wants company for, and the
// needs of the others that what they share must meet as well.
func (e *engine) findCompany() {
	e.company, e.wants, e.keeps = make([][]int, len(e.people)), make([][]int, len(e.people)), make([][]int, len(e.people))
	if e.clash == nil {
		return
	}
	for p := range e.people {
		social := e.socialSide(p)
		if len(social) == 0 {
			continue
		}
		var free, pulled []int
		var keeps []string
		for q := range e.people {
			pulls, ok := e.joins(q, social)
			switch {
			case q == p || !ok:
			case len(pulls) == 0:
				free = append(free, q)
			default:
				pulled = append(pulled, q)
				for _, n := range pulls {
					keeps = appendOnce(keeps, n)
				}
			}
		}
		with := free
		if len(with) == 0 {
			with, e.keeps[p] = pulled, e.numbers(keeps)
		}
		if len(with) == 0 {
			continue
		}
		e.company[p] = append([]int{p}, with...)
		e.wants[p] = e.numbers(social)
	}
}

// numbers are needs by their number.
func (e *engine) numbers(needs []string) []int {
	var out []int
	for _, n := range needs {
		if num, ok := e.c.needSyms.lookup(n); ok {
			out = append(out, num)
		}
	}
	return out
}

// socialSide is the part of a person's side of the clash that seeks
// others: the needs that space pulls against.
func (e *engine) socialSide(p int) []string {
	var out []string
	for _, n := range e.clash.sides[p] {
		if slices.Contains(e.c.Opposed(spaceNeed), n) {
			out = append(out, n)
		}
	}
	return out
}

// joins says whether a person may keep company with someone who wants
// these needs, and which of the person's own needs pull against them.
// Someone with any need for space never joins.
func (e *engine) joins(q int, needs []string) (pulls []string, ok bool) {
	who := &e.people[q]
	if who.assumed {
		return nil, true
	}
	if who.needs.Of(spaceNeed) > 0 {
		return nil, false
	}
	for _, n := range needs {
		for _, o := range e.c.Opposed(n) {
			if who.needs.Of(o) > 0 {
				pulls = appendOnce(pulls, o)
			}
		}
	}
	return pulls, true
}

// suitsCompany says whether an activity gives a person some of the
// company they want, and meets every need of the others in it that pulls
// against that.
func (e *engine) suitsCompany(p int, ca *compiled) bool {
	met := func(n int) bool { return ca.weight(n) > 0 }
	return slices.ContainsFunc(e.wants[p], met) && !slices.ContainsFunc(e.keeps[p], func(n int) bool { return !met(n) })
}

// meetsEachSide says whether an activity meets at least one need of every
// person in the clash.
func (e *engine) meetsEachSide(ca *compiled) bool {
	for p := range e.clash.sides {
		met := false
		for _, r := range ca.needs {
			if e.people[p].dense[r.need] > 0 {
				met = true
				break
			}
		}
		if !met {
			return false
		}
	}
	return true
}

func appendOnce(list []string, s string) []string {
	if slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}

// JoinAnd joins words as people write them: "a", "a and b", "a, b and c".
func JoinAnd(words []string) string { return joinLast(words, " and ") }

// JoinOr joins alternatives: "a", "a or b", "a, b or c".
func JoinOr(words []string) string { return joinLast(words, " or ") }

func joinLast(words []string, last string) string {
	switch len(words) {
	case 0:
		return ""
	case 1:
		return words[0]
	}
	return strings.Join(words[:len(words)-1], ", ") + last + words[len(words)-1]
}

// joinSentence joins clauses about different people: "Sam needs closeness,
// while Alex needs space"; three or more are separated by semicolons.
func joinSentence(clauses []string) string {
	if len(clauses) == 2 {
		return clauses[0] + ", while " + clauses[1]
	}
	return strings.Join(clauses, "; ")
}
