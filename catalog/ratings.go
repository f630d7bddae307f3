package catalog

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Rating is what someone thought afterwards of an activity they did.
type Rating struct {
	Person   string    `json:"person"`
	Activity string    `json:"activity"`
	Value    string    `json:"rating"`
	At       time.Time `json:"at"`
}

// The values a rating can have.
const (
	Helped    = "helped"
	Neutral   = "neutral"
	DidntHelp = "didnt-help"
)

// How ratings weigh. The newest counts fully and each older one a little
// less; the more ratings there are, the more they are trusted; and they
// only ever scale how well an activity meets someone's needs, so that what
// meets none of their needs is never lifted by a rating, and one rating
// never outweighs a stated need.
const (
	ratingDecay  = 0.75
	ratingReach  = 0.6 // the most a person's fit can grow or shrink by
	reasonWindow = 4   // how many recent ratings a reason speaks of
)

// personRatings are one person's ratings by activity number, each
// activity's newest first; nil when they have rated nothing.
type personRatings [][]dated

// dated is one rating's value and when it was given.
type dated struct {
	value string
	at    int64 // nanoseconds, quicker to compare than a time.Time
}

// collectRatings gathers one person's ratings by activity, newest first;
// equal times keep their order, so the result never depends on chance. A
// year of nightly ratings is gathered in two passes into one list, each
// activity's few then sorted on their own, with no allocation per rating.
func (c *Catalog) collectRatings(ratings []Rating, name string) personRatings {
	if len(ratings) == 0 {
		return nil
	}
	activities := c.index["activities"]
	slot := make([]int32, len(ratings))
	counts := make([]int, len(c.Activities)+1)
	total := 0
	for i, r := range ratings {
		slot[i] = -1
		if r.Person != name || r.Value != Helped && r.Value != Neutral && r.Value != DidntHelp {
			continue
		}
		if k, ok := activities[r.Activity]; ok {
			slot[i] = int32(k)
			counts[k+1]++
			total++
		}
	}
	if total == 0 {
		return nil
	}
	for k := 1; k < len(counts); k++ {
		counts[k] += counts[k-1]
	}
	all := make([]dated, total)
	next := slices.Clone(counts[:len(c.Activities)])
	for i, r := range ratings {
		if k := slot[i]; k >= 0 {
			all[next[k]] = dated{r.Value, r.At.UnixNano()}
			next[k]++
		}
	}
	newestFirst := func(a, b dated) int { return cmp.Compare(b.at, a.at) }
	out := make(personRatings, len(c.Activities))
	for k := range out {
		run := all[counts[k]:counts[k+1]:counts[k+1]]
		switch {
		case len(run) < 2 || slices.IsSortedFunc(run, newestFirst):
		case strictlyOldestFirst(run):
			// History is usually read in order of time; turned round,
			// no two equal times can swap.
			slices.Reverse(run)
		default:
			slices.SortStableFunc(run, newestFirst)
		}
		out[k] = run
	}
	return out
}

func strictlyOldestFirst(run []dated) bool {
	for i := 1; i < len(run); i++ {
		if run[i].at <= run[i-1].at {
			return false
		}
	}
	return true
}

// factor is how much a person's ratings of an activity scale their fit:
// above 1 when it helped, below when it did not.
func (pr personRatings) factor(activity int) float64 {
	if pr == nil {
		return 1
	}
	values := pr[activity]
	if len(values) == 0 {
		return 1
	}
	sum, weights, w := 0.0, 0.0, 1.0
	for _, v := range values {
		switch v.value {
		case Helped:
			sum += w
		case DidntHelp:
			sum -= w
		}
		weights += w
		w *= ratingDecay
	}
	trust := float64(len(values)) / float64(len(values)+1)
	return 1 + ratingReach*trust*sum/weights
}

// ratingsOf is a person's ratings of the activity with id, newest first.
func (e *engine) ratingsOf(p int, id string) []dated {
	if e.people[p].rated == nil {
		return nil
	}
	k, ok := e.c.index["activities"][id]
	if !ok {
		return nil
	}
	return e.people[p].rated[k]
}

// ratingReasons say how an activity went lately for the people who rated
// it, one phrase for people it went the same way for: "helped Sam and Alex
// last time".
func (e *engine) ratingReasons(a *Activity, who []int) []string {
	var order []string
	names := map[string][]string{}
	for _, p := range who {
		if len(e.ratingsOf(p, a.ID)) == 0 {
			continue
		}
		verb, tail := e.ratingReason(p, a.ID)
		if verb == "" {
			continue
		}
		key := verb + "\x00" + tail
		if names[key] == nil {
			order = append(order, key)
		}
		name := e.people[p].name
		if name == "" {
			name = "you"
		}
		names[key] = append(names[key], name)
	}
	out := make([]string, len(order))
	for i, key := range order {
		verb, tail, _ := strings.Cut(key, "\x00")
		out[i] = verb + " " + JoinAnd(names[key]) + " " + tail
	}
	return out
}

// ratingReason says how an activity went for someone lately, as a verb and
// the rest: "helped", "3 of the last 4 times"; an empty verb when it was
// neither here nor there.
func (e *engine) ratingReason(p int, activity string) (verb, tail string) {
	values := e.ratingsOf(p, activity)
	recent := values[:min(len(values), reasonWindow)]
	helped, didnt := 0, 0
	for _, v := range recent {
		switch v.value {
		case Helped:
			helped++
		case DidntHelp:
			didnt++
		}
	}
	verb, count := "helped", helped
	switch cmp.Compare(helped, didnt) {
	case 0:
		return "", ""
	case -1:
		verb, count = "didn't help", didnt
	}
	if len(recent) == 1 {
		return verb, "last time"
	}
	return verb, fmt.Sprintf("%d of the last %d times", count, len(recent))
}
