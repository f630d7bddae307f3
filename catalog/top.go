package catalog

import "sort"

// top keeps the k best-scored activities seen so far, best first, so that
// ranking a large catalogue costs one pass and no sort of the whole.
type top struct {
	k          int
	items      []ranked
	activities []Activity
}

type ranked struct {
	index int
	score float64
}

func (e *engine) newTop(k int) *top {
	return &top{k: k, items: make([]ranked, 0, k), activities: e.c.Activities}
}

// better orders by score, then by id so that equal scores keep a stable
// order whatever the order of the catalogue.
func (t *top) better(a, b ranked) bool {
	if a.score != b.score {
		return a.score > b.score
	}
	return t.activities[a.index].ID < t.activities[b.index].ID
}

func (t *top) add(index int, score float64) {
	r := ranked{index, score}
	if len(t.items) == t.k && !t.better(r, t.items[t.k-1]) {
		return
	}
	at := sort.Search(len(t.items), func(i int) bool { return t.better(r, t.items[i]) })
	if len(t.items) < t.k {
		t.items = append(t.items, ranked{})
	}
	copy(t.items[at+1:], t.items[at:])
	t.items[at] = r
}
