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

// personRatings are one person's ratings by activity, newest first.
type personRatings map[string][]string

// collectRatings gathers one person's ratings by activity, newest first;
// equal times keep their order, so the result never depends on chance.
// Sorting each activity's few ratings, rather than all of them at once,
// keeps a year of nightly ratings cheap.
func collectRatings(ratings []Rating, name string) personRatings {
	type dated struct {
		value string
		at    int64 // nanoseconds, quicker to compare than a time.Time
	}
	byActivity := map[string][]dated{}
	for _, r := range ratings {
		if r.Person == name && (r.Value == Helped || r.Value == Neutral || r.Value == DidntHelp) {
			byActivity[r.Activity] = append(byActivity[r.Activity], dated{r.Value, r.At.UnixNano()})
		}
	}
	out := make(personRatings, len(byActivity))
	for id, list := range byActivity {
		slices.SortStableFunc(list, func(a, b dated) int { return cmp.Compare(b.at, a.at) })
		values := make([]string, len(list))
		for i, d := range list {
			values[i] = d.value
		}
		out[id] = values
	}
	return out
}

// factor is how much a person's ratings of an activity scale their fit:
// above 1 when it helped, below when it did not.
func (pr personRatings) factor(activity string) float64 {
	values := pr[activity]
	if len(values) == 0 {
		return 1
	}
	sum, weights, w := 0.0, 0.0, 1.0
	for _, v := range values {
		switch v {
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

// ratingReasons say how an activity went lately for the people who rated
// it, one phrase for people it went the same way for: "helped Sam and Alex
// last time".
func (e *engine) ratingReasons(a *Activity, who []int) []string {
	var order []string
	names := map[string][]string{}
	for _, p := range who {
		if len(e.people[p].rated[a.ID]) == 0 {
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
	values := e.people[p].rated[activity]
	recent := values[:min(len(values), reasonWindow)]
	helped, didnt := 0, 0
	for _, v := range recent {
		switch v {
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
