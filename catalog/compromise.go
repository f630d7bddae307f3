package catalog

import (
	"bytes"
	"encoding/json"
	"fmt"
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
	for p := range e.people {
		needs := sides[p]
		if len(needs) == 0 {
			continue
		}
		slices.Sort(needs)
		labels := make([]string, len(needs))
		for i, n := range needs {
			labels[i] = e.needLabel(n)
		}
		parts = append(parts, fmt.Sprintf("%s needs %s", e.people[p].name, JoinAnd(labels)))
	}
	why := joinSentence(parts) + ". These small gestures give each of you some of what you need, and each of you has something for yourself as well."
	return &clash{sides: sides, why: why}
}

func (e *engine) opposedNeeds(p, q int, sides map[int][]string) {
	a, b := &e.people[p], &e.people[q]
	if a.assumed || b.assumed {
		return
	}
	for _, w := range a.needs {
		for _, o := range e.c.Opposed(w.Need) {
			if b.needs.Of(o) > 0 {
				sides[p] = appendOnce(sides[p], w.Need)
				sides[q] = appendOnce(sides[q], o)
			}
		}
	}
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
func JoinAnd(words []string) string {
	switch len(words) {
	case 0:
		return ""
	case 1:
		return words[0]
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}

// joinSentence joins clauses about different people: "Sam needs closeness,
// while Alex needs space"; three or more are separated by semicolons.
func joinSentence(clauses []string) string {
	if len(clauses) == 2 {
		return clauses[0] + ", while " + clauses[1]
	}
	return strings.Join(clauses, "; ")
}
