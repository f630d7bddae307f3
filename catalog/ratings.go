package catalog

import (
	"cmp"
	"slices"
	"strconv"
	"sync"
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

// RatingsKept is how many of a person's newest ratings of an activity
// count. The one before them would weigh less than a hundred-millionth of
// the newest, and trust stops growing there, so a history of years need
// keep no more of them than this.
const RatingsKept = 64

// personRatings are one person's ratings by activity number; nil when the
// request has no ratings.
type personRatings []tally

// tally is what one person's ratings of one activity come to, added
// newest first: all the engine needs of them, so that they are never kept
// one by one. There is one for each person and activity, so it is kept
// small.
type tally struct {
	sum, weights  float64 // as factor weighs them
	next          float64 // the weight of the next, older rating
	oldest        int64   // the time of the oldest rating added, in nanoseconds
	count         int32
	helped, didnt int8 // among the newest reasonWindow
}

// add counts a rating older than those added so far: +1 helped, -1 did
// not, 0 neither; beyond the newest RatingsKept, nothing.
func (t *tally) add(sign int) {
	if t.count == RatingsKept {
		return
	}
	w := t.next
	if t.count == 0 {
		w = 1
	}
	switch sign {
	case 1:
		t.sum += w
	case -1:
		t.sum -= w
	}
	t.weights += w
	t.next = w * ratingDecay
	if t.count < reasonWindow {
		switch sign {
		case 1:
			t.helped++
		case -1:
			t.didnt++
		}
	}
	t.count++
}

// signOf is how a rating's value counts: +1 helped, -1 did not, 0
// neither; false for a value that is none of these.
func signOf(value string) (int, bool) {
	switch value {
	case Helped:
		return 1, true
	case Neutral:
		return 0, true
	case DidntHelp:
		return -1, true
	}
	return 0, false
}

// rate tallies the people's ratings by activity, newest first; equal
// times keep their order, so the result never depends on chance. names are
// the names their ratings go by, one for each person; people with the same
// name share their ratings. Ratings come oldest first as a rule, and are
// tallied in one pass; in any other order, they are sorted first.
func (e *engine) rate(ratings []Rating, names []string) {
	if len(ratings) == 0 {
		return
	}
	var raters []string
	for _, name := range names {
		raters = appendOnce(raters, name)
	}
	n := len(e.c.Activities)
	e.tallies = borrowTallies(len(raters) * n)
	tallies := *e.tallies
	if !e.c.tallyOldestFirst(ratings, raters, tallies) {
		clear(tallies)
		e.c.tallySorted(ratings, raters, tallies)
	}
	for p, name := range names {
		r := slices.Index(raters, name)
		e.people[p].rated = tallies[r*n : (r+1)*n]
	}
}

// tallyPool lends the tallies of one request to the next: a year of
// ratings fills one for each person and activity, and allocating them
// anew for each request would keep the garbage collector busy.
var tallyPool sync.Pool

// borrowTallies returns n zero tallies, from the pool when it has room;
// the engine gives them back when it is done.
func borrowTallies(n int) *[]tally {
	buf, _ := tallyPool.Get().(*[]tally)
	if buf == nil || cap(*buf) < n {
		tallies := make([]tally, n)
		return &tallies
	}
	*buf = (*buf)[:n]
	clear(*buf)
	return buf
}

// release gives back what the engine borrowed; it is not used after.
func (e *engine) release() {
	if e.tallies != nil {
		tallyPool.Put(e.tallies)
	}
}

// place finds where a rating is tallied, by rater and then activity
// number, and how it counts; false for a rating that does not count: by
// someone else, of an activity the catalogue does not have, or with a
// value it does not know.
func (c *Catalog) place(r *Rating, raters []string) (slot, sign int, ok bool) {
	rater := slices.Index(raters, r.Person)
	if rater < 0 {
		return 0, 0, false
	}
	if sign, ok = signOf(r.Value); !ok {
		return 0, 0, false
	}
	k, ok := c.activityIDs.lookup(r.Activity)
	return rater*len(c.Activities) + k, sign, ok
}

// tallyOldestFirst tallies the ratings in one pass from the end, which
// gives each activity's ratings newest first when they come oldest first,
// as a history read in order of time does. It gives up, returning false,
// at the first rating that is not strictly older than the one after it of
// the same person and activity: equal times must keep their order.
func (c *Catalog) tallyOldestFirst(ratings []Rating, raters []string, tallies []tally) bool {
	for i := len(ratings) - 1; i >= 0; i-- {
		slot, sign, ok := c.place(&ratings[i], raters)
		if !ok {
			continue
		}
		t, at := &tallies[slot], ratings[i].At.UnixNano()
		if t.count > 0 && at >= t.oldest {
			return false
		}
		t.add(sign)
		t.oldest = at
	}
	return true
}

// tallySorted tallies ratings in any order: sorted by place, newest first,
// equal times in their order in the list.
func (c *Catalog) tallySorted(ratings []Rating, raters []string, tallies []tally) {
	type placed struct {
		slot, sign int
		at         int64
	}
	var all []placed
	for i := range ratings {
		if slot, sign, ok := c.place(&ratings[i], raters); ok {
			all = append(all, placed{slot, sign, ratings[i].At.UnixNano()})
		}
	}
	slices.SortStableFunc(all, func(a, b placed) int {
		return cmp.Or(cmp.Compare(a.slot, b.slot), cmp.Compare(b.at, a.at))
	})
	for _, p := range all {
		tallies[p.slot].add(p.sign)
	}
}

// factor is how much a person's ratings of an activity scale their fit:
// above 1 when it helped, below when it did not.
func (pr personRatings) factor(activity int) float64 {
	if pr == nil || pr[activity].count == 0 {
		return 1
	}
	t := &pr[activity]
	trust := float64(t.count) / float64(t.count+1)
	return 1 + ratingReach*trust*t.sum/t.weights
}

// appendRatingReasons says how an activity went lately for the people
// who rated it, one phrase for people it went the same way for: "helped
// Sam and Alex last time".
func (e *engine) appendRatingReasons(out []string, activity int, who []int) []string {
	for at, p := range who {
		l := e.lately(p, activity)
		if l == (lately{}) || slices.ContainsFunc(who[:at], func(q int) bool { return e.lately(q, activity) == l }) {
			continue // neither here nor there, or said with someone before
		}
		names := e.scratch.labels[:0]
		for _, q := range who[at:] {
			if e.lately(q, activity) == l {
				names = append(names, cmp.Or(e.people[q].name, "you"))
			}
		}
		verb, tail := l.words()
		out = append(out, verb+" "+JoinAnd(names)+" "+tail)
		e.scratch.labels = names
	}
	return out
}

// lately is how an activity went for someone lately: it helped, or did
// not, count of the last recent times. The zero lately says it was
// neither here nor there, or they never rated it.
type lately struct {
	helped        bool
	count, recent int32
}

func (e *engine) lately(p, activity int) lately {
	if e.people[p].rated == nil {
		return lately{}
	}
	t := &e.people[p].rated[activity]
	recent := min(t.count, reasonWindow)
	switch cmp.Compare(t.helped, t.didnt) {
	case 1:
		return lately{true, int32(t.helped), recent}
	case -1:
		return lately{false, int32(t.didnt), recent}
	}
	return lately{}
}

// words say it as a verb and the rest: "helped", "3 of the last 4 times".
func (l lately) words() (verb, tail string) {
	verb = "didn't help"
	if l.helped {
		verb = "helped"
	}
	if l.recent == 1 {
		return verb, "last time"
	}
	return verb, strconv.Itoa(int(l.count)) + " of the last " + strconv.Itoa(int(l.recent)) + " times"
}
