package catalog

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"testing"
	"time"
)

// BenchmarkLoadDefaults measures the load every command does at start. A
// program starts with an empty heap, so each load here starts after a
// collection, outside the timing; otherwise the benchmark would mostly
// measure the garbage of the loads before it.
func BenchmarkLoadDefaults(b *testing.B) {
	for range b.N {
		b.StopTimer()
		runtime.GC()
		b.StartTimer()
		if _, err := Defaults(); err != nil {
			b.Fatal(err)
		}
	}
}

// coupleAfterAScene is a typical request: two people whose needs pull
// apart, a situation, a never-list and a time limit.
var coupleAfterAScene = Request{
	Situation: "scene",
	Minutes:   30,
	People: []Person{
		{Name: "Sam", Needs: Weights{{"closeness", 3}, {"reassurance", 2}, {"warmth", 1}}, Likes: []string{"music"}},
		{Name: "Alex", Needs: Weights{{"hydration", 2}, {"quiet", 2}, {"space", 3}}, Never: []string{"kissing"}},
	},
}

func BenchmarkSuggest(b *testing.B) {
	c, err := Defaults()
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		c.Suggest(coupleAfterAScene)
	}
}

// BenchmarkSuggestWithRatings adds a year of nightly ratings by both
// people, as a follow-up after every check-in would give.
func BenchmarkSuggestWithRatings(b *testing.B) {
	c, err := Defaults()
	if err != nil {
		b.Fatal(err)
	}
	req := coupleAfterAScene
	start := time.Date(2025, 11, 23, 22, 0, 0, 0, time.UTC)
	values := []string{Helped, Neutral, DidntHelp}
	for day := range 365 {
		for i, person := range []string{"Sam", "Alex"} {
			for j := range 2 {
				a := c.Activities[(day*7+i*3+j*11)%len(c.Activities)]
				req.Ratings = append(req.Ratings, Rating{Person: person, Activity: a.ID, Value: values[(day+i+j)%3], At: start.AddDate(0, 0, day)})
			}
		}
	}
	for b.Loop() {
		c.Suggest(req)
	}
}

// BenchmarkSuggestSynthetic measures how the engine grows with the size of
// the catalogue; the cost should be linear.
func BenchmarkSuggestSynthetic(b *testing.B) {
	defaults, err := Defaults()
	if err != nil {
		b.Fatal(err)
	}
	for _, size := range []int{10_000, 100_000} {
		c := synthetic(defaults, size)
		b.Run(fmt.Sprintf("%dk", size/1000), func(b *testing.B) {
			for b.Loop() {
				c.Suggest(coupleAfterAScene)
			}
		})
	}
}

// synthetic makes a catalogue of n random activities over the real
// vocabulary.
func synthetic(base *Catalog, n int) *Catalog {
	rng := rand.New(rand.NewPCG(1, 2))
	pick := func(count int, from func(int) string, size int) []string {
		out := make([]string, 0, count)
		for range count {
			out = appendOnce(out, from(rng.IntN(size)))
		}
		return out
	}
	c := &Catalog{Needs: base.Needs, Tags: base.Tags, Things: base.Things, Situations: base.Situations}
	modes := []Mode{Solo, Together, Either}
	for i := range n {
		var needs Weights
		for _, id := range pick(1+rng.IntN(4), func(j int) string { return base.Needs[j].ID }, len(base.Needs)) {
			needs = append(needs, Weight{id, 1 + rng.IntN(MaxWeight)})
		}
		low := 1 + rng.IntN(30)
		c.Activities = append(c.Activities, Activity{
			ID:         fmt.Sprintf("activity-%d", i),
			Title:      fmt.Sprintf("Activity %d", i),
			Summary:    "Something kind to do.",
			Needs:      sortWeights(needs),
			Mode:       modes[rng.IntN(len(modes))],
			Contact:    "none",
			Minutes:    Range{low, low + rng.IntN(30)},
			Energy:     "low",
			Tags:       pick(rng.IntN(3), func(j int) string { return base.Tags[j].ID }, len(base.Tags)),
			Situations: pick(rng.IntN(3), func(j int) string { return base.Situations[j].ID }, len(base.Situations)),
			Bridge:     rng.IntN(20) == 0,
		})
	}
	c.build()
	return c
}
