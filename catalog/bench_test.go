package catalog

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"strings"
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

// BenchmarkLoadDefaultsFromYAML measures the load when a person has files
// of their own: the built-in YAML is parsed so that theirs can layer on it.
func BenchmarkLoadDefaultsFromYAML(b *testing.B) {
	files, err := defaults()
	if err != nil {
		b.Fatal(err)
	}
	for range b.N {
		b.StopTimer()
		runtime.GC()
		b.StartTimer()
		if _, err := layer(files); err != nil {
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

// BenchmarkDecodeHostile decodes the profile of issue 11, a likes list of
// near misses, at growing sizes: the time for each entry should stay flat.
func BenchmarkDecodeHostile(b *testing.B) {
	c, err := Defaults()
	if err != nil {
		b.Fatal(err)
	}
	for _, entries := range []int{10_000, 100_000, 1_000_000} {
		data := hostileLikes(entries)
		b.Run(fmt.Sprintf("%dk", entries/1000), func(b *testing.B) {
			for b.Loop() {
				var v likesOnly
				if c.Decode("sam.yaml", data, &v) == nil {
					b.Fatal("the hostile profile decoded")
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*entries), "ns/entry")
		})
	}
}

// BenchmarkLoadHostile loads a person's file of the largest size allowed,
// shaped to make each check that compares entries with each other as slow
// as it can be: none should take much longer than parsing a dense list.
func BenchmarkLoadHostile(b *testing.B) {
	defaults, err := defaults()
	if err != nil {
		b.Fatal(err)
	}
	repeat := func(head string, item func(i int) string, tail string) []byte {
		var text strings.Builder
		text.WriteString(head)
		for i := 0; text.Len()+len(tail)+32 < MaxCatalogFileBytes; i++ {
			text.WriteString(item(i))
		}
		text.WriteString(tail)
		return []byte(text.String())
	}
	shapes := []struct {
		name string
		data []byte
	}{
		{"dense list", repeat("activities:\n  - id: x\n    tags: [", func(int) string { return "a," }, "a]\n")},
		{"unknown refs", repeat("activities:\n  - id: x\n    tags: [", func(int) string { return "touc," }, "touc]\n")},
		{"unknown fields", repeat("activities:\n  - {id: x, ", func(i int) string { return fmt.Sprintf("f%d: 1, ", i) }, "z: 1}\n")},
		{"long unknown ref", []byte("activities:\n  - id: x\n    tags: [" + strings.Repeat("t", MaxCatalogFileBytes-64) + "]\n")},
		{"many needs", repeat("needs:\n", func(i int) string { return fmt.Sprintf("- {id: n%d, label: N}\n", i) }, "")},
		{"every need opposing one", repeat("needs:\n", func(i int) string { return fmt.Sprintf("- {id: n%d, label: N, opposes: [n0]}\n", i+1) }, "- {id: n0, label: N}\n")},
		{"every option a default", manyDefaults()},
		{"disabling what is not there", repeat("activities:\n", func(i int) string { return fmt.Sprintf("- {id: a%d, disabled: true}\n", i) }, "")},
		{"deep nesting", []byte(strings.Repeat("[", MaxCatalogFileBytes))},
	}
	for _, shape := range shapes {
		files := append(defaults[:len(defaults):len(defaults)], file{path: "mine.yaml", data: shape.data, user: true})
		b.Run(shape.name, func(b *testing.B) {
			for b.Loop() {
				layer(files)
			}
		})
	}
}

// manyDefaults is a question whose default names each of its options.
func manyDefaults() []byte {
	var options, defaults strings.Builder
	for i := 0; options.Len()+defaults.Len()+128 < MaxCatalogFileBytes; i++ {
		fmt.Fprintf(&options, "{id: o%d, label: O}, ", i)
		fmt.Fprintf(&defaults, "o%d, ", i)
	}
	return []byte("questions:\n  - id: q\n    phase: after\n    audience: solo\n    kind: multi\n    prompt: P\n" +
		"    options: [" + options.String() + "]\n    default: [" + defaults.String() + "]\n")
}
