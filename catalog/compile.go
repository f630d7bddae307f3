package catalog

import "strings"

// symbols numbers the ids of one vocabulary, so that the engine scores with
// array lookups rather than string comparisons: a large catalogue is ranked
// in one quick pass.
type symbols struct {
	index map[string]int
	names []string
}

func newSymbols() *symbols { return &symbols{index: map[string]int{}} }

// of returns id's number, giving it the next one if it has none yet.
func (s *symbols) of(id string) int {
	if i, ok := s.index[id]; ok {
		return i
	}
	s.index[id] = len(s.names)
	s.names = append(s.names, id)
	return len(s.names) - 1
}

// lookup returns id's number, or false for an id the catalogue never uses.
func (s *symbols) lookup(id string) (int, bool) {
	i, ok := s.index[id]
	return i, ok
}

// flags returns a set of the given ids, as a slice indexed by number.
func (s *symbols) flags(ids []string) []bool {
	set := make([]bool, len(s.names))
	for _, id := range ids {
		if i, ok := s.index[id]; ok {
			set[i] = true
		}
	}
	return set
}

// dense returns weights as a slice indexed by need number.
func (s *symbols) dense(ws Weights) []int {
	out := make([]int, len(s.names))
	for _, w := range ws {
		if i, ok := s.index[w.Need]; ok {
			out[i] = w.Weight
		}
	}
	return out
}

// compiled is an activity's references as numbers.
type compiled struct {
	needs      []needRef
	tags       []int
	things     []int
	situations []int
}

type needRef struct{ need, weight int }

// compile numbers every id the activities and situations use.
func (c *Catalog) compile() {
	c.needSyms, c.tagSyms, c.thingSyms, c.situationSyms = newSymbols(), newSymbols(), newSymbols(), newSymbols()
	for _, n := range c.Needs {
		c.needSyms.of(n.ID)
	}
	for _, s := range c.Situations {
		c.situationSyms.of(s.ID)
		for _, w := range s.Raises {
			c.needSyms.of(w.Need)
		}
	}
	c.compiled = make([]compiled, len(c.Activities))
	for i, a := range c.Activities {
		ca := compiled{needs: make([]needRef, len(a.Needs))}
		for j, w := range a.Needs {
			ca.needs[j] = needRef{c.needSyms.of(w.Need), w.Weight}
		}
		for _, t := range a.Tags {
			ca.tags = append(ca.tags, c.tagSyms.of(t))
		}
		for _, t := range a.Things {
			ca.things = append(ca.things, c.thingSyms.of(t))
		}
		for _, s := range a.Situations {
			ca.situations = append(ca.situations, c.situationSyms.of(s))
		}
		c.compiled[i] = ca
	}
	c.needLabels = make([]string, len(c.needSyms.names))
	for n, id := range c.needSyms.names {
		c.needLabels[n] = strings.ToLower(c.Label(id))
	}
}
