package catalog

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

// referenceRatings weighs one person's ratings of one activity the
// straightforward way: the ones that count, sorted newest first with equal
// times in their order, the newest RatingsKept weighed one by one.
func referenceRatings(ratings []Rating, person, activity string) (factor float64, verb, tail string) {
	var values []Rating
	for _, r := range ratings {
		if _, ok := signOf(r.Value); ok && r.Person == person && r.Activity == activity {
			values = append(values, r)
		}
	}
	slices.SortStableFunc(values, func(a, b Rating) int { return b.At.Compare(a.At) })
	values = values[:min(len(values), RatingsKept)]
	if len(values) == 0 {
		return 1, "", ""
	}
	sum, weights, w := 0.0, 0.0, 1.0
	for _, v := range values {
		switch v.Value {
		case Helped:
			sum += w
		case DidntHelp:
			sum -= w
		}
		weights += w
		w *= ratingDecay
	}
	trust := float64(len(values)) / float64(len(values)+1)
	factor = 1 + ratingReach*trust*sum/weights

	recent := values[:min(len(values), reasonWindow)]
	helped, didnt := 0, 0
	for _, v := range recent {
		switch v.Value {
		case Helped:
			helped++
		case DidntHelp:
			didnt++
		}
	}
	verb, count := "helped", helped
	switch cmp.Compare(helped, didnt) {
	case 0:
		return factor, "", ""
	case -1:
		verb, count = "didn't help", didnt
	}
	if len(recent) == 1 {
		return factor, verb, "last time"
	}
	return factor, verb, fmt.Sprintf("%d of the last %d times", count, len(recent))
}

func TestRatingsWeighAsTheyWouldSortedNewestFirst(t *testing.T) {
	c := defaultsForTest(t)
	activities := []string{"make-tea", "sit-nearby", "quiet-corner"}
	day := func(d int) time.Time { return time.Date(2026, 11, 1, 22, 0, 0, 0, time.UTC).AddDate(0, 0, d) }
	values := []string{Helped, Neutral, DidntHelp, DidntHelp, Helped}
	var oldestFirst []Rating
	for d := range 40 {
		for i, person := range []string{"Sam", "Alex"} {
			activity := activities[(d+i)%len(activities)]
			oldestFirst = append(oldestFirst, Rating{Person: person, Activity: activity, Value: values[(d*3+i)%len(values)], At: day(d)})
		}
	}
	newestFirst := slices.Clone(oldestFirst)
	slices.Reverse(newestFirst)
	shuffled := slices.Clone(oldestFirst)
	rand.New(rand.NewPCG(1, 2)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	// Sam rates tea three times on the same night: which came last in the
	// list counts as the newest.
	tied := slices.Clone(oldestFirst)
	for _, v := range []string{Neutral, DidntHelp, Helped} {
		tied = append(tied, Rating{Person: "Sam", Activity: "make-tea", Value: v, At: day(50)})
	}
	mixed := append(slices.Clone(oldestFirst),
		Rating{Person: "Kim", Activity: "make-tea", Value: Helped, At: day(60)},
		Rating{Person: "Sam", Activity: "make-tea", Value: "skipped", At: day(60)},
		Rating{Person: "Sam", Activity: "no-such", Value: Helped, At: day(60)})

	tests := []struct {
		name     string
		ratings  []Rating
		onePass  bool
		everyone []string
	}{
		{"oldest first", oldestFirst, true, []string{"Sam", "Alex"}},
		{"newest first", newestFirst, false, []string{"Sam", "Alex"}},
		{"shuffled", shuffled, false, []string{"Sam", "Alex"}},
		{"equal times", tied, false, []string{"Sam", "Alex"}},
		{"others and unknown values left out", mixed, true, []string{"Sam", "Alex"}},
		{"two people of one name", oldestFirst, true, []string{"Sam", "Alex", "Sam"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tallies := make([]tally, 2*len(c.Activities))
			if got := c.tallyOldestFirst(tt.ratings, []string{"Sam", "Alex"}, tallies); got != tt.onePass {
				t.Errorf("one pass %v, want %v", got, tt.onePass)
			}
			var people []Person
			for _, name := range tt.everyone {
				people = append(people, Person{Name: name})
			}
			e := newEngine(c, Request{People: people, Ratings: tt.ratings})
			for p, name := range tt.everyone {
				for _, id := range activities {
					k := c.index["activities"][id]
					factor, verb, tail := referenceRatings(tt.ratings, name, id)
					if got := e.people[p].rated.factor(k); got != factor {
						t.Errorf("%s, %s: factor %v, want %v", name, id, got, factor)
					}
					gotVerb, gotTail := "", ""
					if l := e.lately(p, k); l != (lately{}) {
						gotVerb, gotTail = l.words()
					}
					if gotVerb != verb || gotTail != tail {
						t.Errorf("%s, %s: %q %q, want %q %q", name, id, gotVerb, gotTail, verb, tail)
					}
				}
			}
		})
	}
	if e := newEngine(c, Request{People: []Person{{Name: "Sam"}}}); e.people[0].rated != nil {
		t.Error("no ratings gathered something")
	}
}

// TestOnlyTheNewestRatingsOfAnActivityCount: of years of nightly ratings
// of one activity, the newest RatingsKept weigh exactly as all of them do,
// in one pass or sorted, and one fewer does not.
func TestOnlyTheNewestRatingsOfAnActivityCount(t *testing.T) {
	c := defaultsForTest(t)
	day := func(d int) time.Time { return time.Date(2020, 1, 1, 22, 0, 0, 0, time.UTC).AddDate(0, 0, d) }
	values := []string{Helped, DidntHelp, Neutral, Helped, Helped, DidntHelp, DidntHelp}
	var all []Rating
	for d := range 1000 {
		all = append(all, Rating{Person: "Sam", Activity: "make-tea", Value: values[d%len(values)], At: day(d)})
	}
	tally := func(ratings []Rating, onePass bool) tally {
		tallies := make([]tally, len(c.Activities))
		if onePass {
			if !c.tallyOldestFirst(ratings, []string{"Sam"}, tallies) {
				t.Fatal("ratings in order were not tallied in one pass")
			}
		} else {
			c.tallySorted(ratings, []string{"Sam"}, tallies)
		}
		k, _ := c.activityIDs.lookup("make-tea")
		return tallies[k]
	}
	for _, onePass := range []bool{true, false} {
		every, kept := tally(all, onePass), tally(all[len(all)-RatingsKept:], onePass)
		// The time of the oldest is only to tell that they came in order.
		every.oldest, kept.oldest = 0, 0
		if every != kept || every.count != RatingsKept {
			t.Errorf("one pass %v: all ratings tally %+v, the newest %d %+v", onePass, every, RatingsKept, kept)
		}
		if fewer := tally(all[len(all)-RatingsKept+1:], onePass); fewer.sum == kept.sum && fewer.count == kept.count {
			t.Errorf("one pass %v: one rating fewer than %d tallies the same", onePass, RatingsKept)
		}
	}
}
