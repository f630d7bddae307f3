package catalog

import (
	"slices"
	"sort"
)

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

// compare orders as better does, for sorting.
func (t *top) compare(a, b ranked) int {
	switch {
	case t.better(a, b):
		return -1
	case t.better(b, a):
		return 1
	}
	return 0
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

// besideOwnCare is the list for someone alone after a call or messages,
// so that it is not all about the person at the other end: at most half
// of it, and at least one, is something done with them at a distance,
// and the rest is their own care, best first, for as long as there is
// some.
func (t *top) besideOwnCare(own []ranked, limit int) []ranked {
	all := slices.Clone(t.items)
	for _, r := range own {
		if !slices.ContainsFunc(all, func(x ranked) bool { return x.index == r.index }) {
			all = append(all, r)
		}
	}
	slices.SortFunc(all, t.compare)
	shared := max(1, limit/2)
	var list, left []ranked
	for _, r := range all {
		if len(list) == limit {
			break
		}
		switch {
		case !t.activities[r.index].Apart:
			list = append(list, r)
		case shared > 0:
			list = append(list, r)
			shared--
		default:
			left = append(left, r)
		}
	}
	list = append(list, left[:min(len(left), limit-len(list))]...)
	slices.SortFunc(list, t.compare)
	return list
}
