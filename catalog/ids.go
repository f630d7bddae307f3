package catalog

// idTable finds an activity's number by its id. Each rating names its
// activity by id, and a year of them is a thousand look-ups or more for
// every suggestion: a table of its own, with a hash that reads eight bytes
// at a time, finds them quicker than a map does.
type idTable struct {
	// slots hold the ids with their numbers, or -1 where empty; their
	// count is a power of two, at least twice the ids, so that a search
	// stops soon.
	slots []idSlot
	shift uint // takes the top bits of a hash as a slot
}

type idSlot struct {
	id string
	n  int
}

func newIDTable(ids []string) *idTable {
	size, shift := 1, uint(64)
	for size < 2*len(ids) {
		size, shift = size*2, shift-1
	}
	t := &idTable{slots: make([]idSlot, size), shift: shift}
	for i := range t.slots {
		t.slots[i].n = -1
	}
	for n, id := range ids {
		t.slots[t.find(id)] = idSlot{id, n} // the last of equal ids wins, as in a map built in order
	}
	return t
}

// activityFlags returns the set of the activities among ids, as a slice
// indexed by number; nil when none of them is an activity.
func (c *Catalog) activityFlags(ids []string) []bool {
	var set []bool
	for _, id := range ids {
		if k, ok := c.activityIDs.lookup(id); ok {
			if set == nil {
				set = make([]bool, len(c.Activities))
			}
			set[k] = true
		}
	}
	return set
}

// lookup returns id's number, or false when there is none.
func (t *idTable) lookup(id string) (int, bool) {
	s := &t.slots[t.find(id)]
	return s.n, s.n >= 0
}

// find returns the slot that holds id, or else the empty one where it
// would go.
func (t *idTable) find(id string) int {
	mask := len(t.slots) - 1
	i := int(hashID(id) >> t.shift)
	for t.slots[i].n >= 0 && t.slots[i].id != id {
		i = (i + 1) & mask
	}
	return i
}

// hashID mixes an id's length and bytes. Most ids are 8 to 24 bytes
// long, and those are read as three words that between them cover every
// byte, with no loop whose end would be hard to predict.
func hashID(id string) uint64 {
	const m = 0x9e3779b97f4a7c15 // 2^64 over the golden ratio
	n := len(id)
	h := uint64(n)
	switch {
	case n < 8:
		var w uint64
		for i := range n {
			w |= uint64(id[i]) << (8 * i)
		}
		return (h ^ w) * m
	case n <= 24:
		h = (h ^ word(id)) * m
		h = (h ^ word(id[(n-8)/2:])) * m
		return (h ^ word(id[n-8:])) * m
	}
	for i := 0; i+8 < n; i += 8 {
		h = (h ^ word(id[i:])) * m
	}
	return (h ^ word(id[n-8:])) * m
}

// word reads eight bytes, little end first, as one load.
func word(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}
