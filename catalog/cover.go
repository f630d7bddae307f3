package catalog

import (
	"cmp"
	"slices"
	"strings"
)

// cover keeps every need someone stated now in view: summing scores alone
// can fill the top of the list with what meets one need well and leave
// another need out. For each stated need it remembers the best activity
// that meets it, strongly (weight 2 or more) and at all, among those that
// may be offered to everyone.
type cover struct {
	e      *engine
	order  top   // only to compare ranks
	needs  []int // need numbers, the most wanted first
	strong []ranked
	weak   []ranked
}

func (e *engine) newCover() *cover {
	totals := e.statedTotals()
	cv := &cover{e: e, order: top{activities: e.c.Activities}, needs: make([]int, 0, len(totals)),
		strong: make([]ranked, 0, len(totals)), weak: make([]ranked, 0, len(totals))}
	for _, w := range totals {
		if n, ok := e.c.needSyms.lookup(w.Need); ok {
			cv.needs = append(cv.needs, n)
			cv.strong = append(cv.strong, ranked{index: -1})
			cv.weak = append(cv.weak, ranked{index: -1})
		}
	}
	return cv
}

// statedTotals are the needs stated now with what they weigh for everyone
// together, the most wanted first, equals in order of need.
func (e *engine) statedTotals() Weights {
	count := 0
	for _, p := range e.people {
		count += len(p.stated)
	}
	all := make(Weights, 0, count)
	for _, p := range e.people {
		all = append(all, p.stated...)
	}
	slices.SortFunc(all, func(a, b Weight) int { return strings.Compare(a.Need, b.Need) })
	totals := all[:0]
	for _, w := range all {
		if last := len(totals) - 1; last >= 0 && totals[last].Need == w.Need {
			totals[last].Weight += w.Weight
		} else {
			totals = append(totals, w)
		}
	}
	slices.SortStableFunc(totals, func(a, b Weight) int { return cmp.Compare(b.Weight, a.Weight) })
	return totals
}

// add considers an activity that may be offered to everyone.
func (cv *cover) add(index int, ca *compiled, score float64) {
	r := ranked{index, score}
	for k, n := range cv.needs {
		w := ca.weight(n)
		if w >= DefaultWeight && (cv.strong[k].index < 0 || cv.order.better(r, cv.strong[k])) {
			cv.strong[k] = r
		}
		if w > 0 && (cv.weak[k].index < 0 || cv.order.better(r, cv.weak[k])) {
			cv.weak[k] = r
		}
	}
}

// apply makes sure the list meets each stated need, the most wanted
// first: a need nothing in the list meets brings in the best activity
// that does, in place of the lowest-ranked one that no earlier need
// depends on. The list stays in score order.
func (cv *cover) apply(list []ranked, limit int) []ranked {
	list = slices.Clone(list)
	kept := map[int]bool{}
	for k, n := range cv.needs {
		want, enough := cv.strong[k], DefaultWeight
		if want.index < 0 {
			want, enough = cv.weak[k], 1
		}
		if want.index < 0 {
			continue
		}
		if i := slices.IndexFunc(list, func(r ranked) bool { return cv.e.c.compiled[r.index].weight(n) >= enough }); i >= 0 {
			kept[list[i].index] = true
			continue
		}
		switch last := lastNotKept(list, kept); {
		case len(list) < limit:
			list = append(list, want)
		case last >= 0:
			list[last] = want
		default:
			continue
		}
		kept[want.index] = true
		slices.SortFunc(list, cv.order.compare)
	}
	return list
}

// lastNotKept is the lowest-ranked item that no need depends on, or -1.
func lastNotKept(list []ranked, kept map[int]bool) int {
	for i := len(list) - 1; i >= 0; i-- {
		if !kept[list[i].index] {
			return i
		}
	}
	return -1
}

// weight is how much the activity meets need number n.
func (ca *compiled) weight(n int) int {
	for _, r := range ca.needs {
		if r.need == n {
			return r.weight
		}
	}
	return 0
}
