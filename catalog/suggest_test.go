package catalog

import (
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

// fixture is a small catalogue whose scores can be reasoned about by hand.
const fixture = `
needs:
  - {id: closeness, label: Closeness, opposes: [space, quiet]}
  - {id: touch, label: Touch, opposes: [space]}
  - {id: space, label: Space}
  - {id: quiet, label: Quiet}
  - {id: talk, label: Talk, opposes: [quiet]}
  - {id: calm, label: Calm, baseline: 1}
  - {id: comfort, label: Comfort, baseline: 2}
  - {id: warmth, label: Warmth}
  - {id: hydration, label: Water, baseline: 2}
  - {id: reassurance, label: Reassurance}
tags:
  - {id: touch, label: Touch}
  - {id: kissing, label: Kissing, guard: true}
  - {id: music, label: Music}
  - {id: talking, label: Talking}
  - {id: celebrating, label: Celebrating, guard: true}
things:
  - {id: blanket, label: a blanket}
  - {id: tea, label: tea}
situations:
  - {id: scene, label: A scene, after: after a scene, raises: {warmth: 2, reassurance: 2}}
  - {id: tender, label: Tender, after: after tender sex, raises: {closeness: 2}}
activities:
  - {id: cuddle, title: Cuddle, summary: Close., needs: {closeness: 3, touch: 3, comfort: 2}, mode: together, contact: full, minutes: [5, 30], energy: low, tags: [touch], situations: [tender]}
  - {id: kiss, title: Kiss, summary: Slow., needs: {closeness: 3, touch: 2}, mode: together, contact: full, minutes: [1, 5], energy: low, tags: [touch, kissing]}
  - {id: tea, title: Tea, summary: Warm., needs: {hydration: 2, comfort: 2, warmth: 1}, mode: either, contact: none, minutes: [5, 10], energy: low, things: [tea], asks_nothing: true}
  - {id: blanket, title: Blanket, summary: Soft., needs: {warmth: 3, comfort: 2, calm: 1}, mode: either, contact: none, minutes: [1, 20], energy: low, things: [blanket], situations: [scene], asks_nothing: true}
  - {id: playlist, title: Playlist, summary: Music., needs: {calm: 3, quiet: 1}, mode: either, contact: none, minutes: [10, 30], energy: low, tags: [music]}
  - {id: talk-it-over, title: Talk it over, summary: Words., needs: {talk: 3, reassurance: 2}, mode: together, contact: none, minutes: [10, 40], energy: medium, tags: [talking], situations: [scene]}
  - {id: breathe-alone, title: Breathe, summary: Slowly., needs: {calm: 3, quiet: 2, space: 2}, mode: solo, contact: none, minutes: [3, 10], energy: low}
  - {id: long-bath, title: Long bath, summary: Alone., needs: {calm: 2, warmth: 3, space: 3}, mode: solo, contact: none, minutes: [30, 60], energy: low}
  - {id: hug-then-space, title: Hug then space, summary: Both., needs: {closeness: 2, touch: 1, space: 2}, mode: together, contact: light, minutes: [2, 10], energy: low, tags: [touch], bridge: true}
  - {id: sit-nearby, title: Sit nearby, summary: Near., needs: {closeness: 1, quiet: 2, space: 1}, mode: together, contact: none, minutes: [5, 20], energy: low, bridge: true, asks_nothing: true}
  - {id: debrief, title: Debrief, summary: The scene., needs: {talk: 3, reassurance: 3}, mode: together, contact: none, minutes: [5, 20], energy: low, tags: [talking], only_in: [scene]}
  - {id: toast, title: Toast, summary: To us., needs: {reassurance: 3, closeness: 2}, mode: together, contact: none, minutes: [1, 5], energy: low, tags: [talking, celebrating]}
  - {id: stroke-hand, title: Stroke a hand, summary: Light., needs: {touch: 2, calm: 2}, mode: together, contact: light, minutes: [2, 10], energy: low, tags: [touch]}
`

func fixtureCatalog(t testing.TB) *Catalog {
	t.Helper()
	c, err := layer([]file{{path: "fixture.yaml", data: []byte(fixture)}})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func ids(list []Suggestion) []string {
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = s.ID
	}
	return out
}

func needs(ids ...string) Weights {
	var ws Weights
	for _, id := range ids {
		ws = ws.With(id, DefaultWeight)
	}
	return ws
}

func TestSuggestNeverBreaksAHardFilter(t *testing.T) {
	c := fixtureCatalog(t)
	tests := []struct {
		name    string
		req     Request
		without []string
		// modeOnly: the mode filter binds the shared suggestions; each
		// person's own time in a compromise may be solo.
		modeOnly bool
	}{
		{"never-list by tag", Request{Mode: Together, Limit: 20, People: []Person{{Never: []string{"touch"}}}},
			[]string{"cuddle", "kiss", "hug-then-space"}, false},
		{"never-list by id", Request{Limit: 20, People: []Person{{Never: []string{"tea"}}}},
			[]string{"tea"}, false},
		{"anyone's never-list binds everyone", Request{Limit: 20, People: []Person{
			{Name: "Sam", Needs: needs("closeness"), Likes: []string{"kiss"}},
			{Name: "Alex", Never: []string{"kissing", "music"}},
		}}, []string{"kiss", "playlist"}, false},
		{"never-lists bind the compromise too", Request{Limit: 20, People: []Person{
			{Name: "Sam", Needs: needs("closeness"), Never: []string{"hug-then-space"}},
			{Name: "Alex", Needs: needs("space", "calm"), Never: []string{"breathe-alone"}},
		}}, []string{"hug-then-space", "breathe-alone"}, false},
		{"solo never offers together-only", Request{Mode: Solo, Limit: 20},
			[]string{"cuddle", "kiss", "talk-it-over", "hug-then-space", "sit-nearby"}, true},
		{"together never offers solo-only", Request{Mode: Together, Limit: 20},
			[]string{"breathe-alone", "long-bath"}, true},
		{"two people are together by default", Request{Limit: 20, People: []Person{
			{Name: "Sam", Needs: needs("closeness")}, {Name: "Alex", Needs: needs("space")},
		}}, []string{"breathe-alone", "long-bath"}, true},
		{"nothing longer than the time available", Request{Minutes: 8, Limit: 20, People: []Person{
			{Name: "Sam", Needs: needs("closeness")}, {Name: "Alex", Needs: needs("space", "calm")},
		}}, []string{"playlist", "long-bath"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := c.Suggest(tt.req)
			got := ids(r.Suggestions)
			if len(got) == 0 {
				t.Fatal("no suggestions at all")
			}
			for _, id := range tt.without {
				if slices.Contains(got, id) {
					t.Errorf("%s offered in %v", id, got)
				}
			}
			if r.Compromise == nil || tt.modeOnly {
				return
			}
			for _, list := range append([][]Suggestion{r.Compromise.Bridges}, ownLists(r.Compromise)...) {
				for _, id := range ids(list) {
					if slices.Contains(tt.without, id) {
						t.Errorf("%s offered in the compromise", id)
					}
				}
			}
		})
	}
}

func ownLists(c *Compromise) [][]Suggestion {
	var out [][]Suggestion
	for _, o := range c.Each {
		out = append(out, o.Suggestions)
	}
	return out
}

func TestSuggestCutsTimesToWhatIsAvailable(t *testing.T) {
	c := fixtureCatalog(t)
	r := c.Suggest(Request{Mode: Solo, Minutes: 8, Limit: 20})
	for _, s := range r.Suggestions {
		if s.Minutes.Max > 8 || s.Minutes.Min > s.Minutes.Max {
			t.Errorf("%s takes %v with 8 minutes available", s.ID, s.Minutes)
		}
	}
}

func TestSuggestRanksByNeedsSituationAndLikes(t *testing.T) {
	c := fixtureCatalog(t)
	tests := []struct {
		name  string
		req   Request
		first []string // the top of the ranking, in order
	}{
		{"needs decide", Request{Mode: Solo, People: []Person{{Needs: needs("calm", "quiet", "space")}}},
			[]string{"breathe-alone", "long-bath", "playlist"}},
		{"heavier needs count more", Request{Mode: Solo, People: []Person{{Needs: Weights{{"comfort", 1}, {"warmth", 3}}}}},
			[]string{"blanket", "long-bath", "tea"}},
		{"the situation lifts what suits it", Request{Mode: Together, Situation: "scene", People: []Person{{Needs: needs("comfort")}}},
			[]string{"blanket", "tea"}},
		{"between equals, the liked one comes first", Request{Mode: Solo, People: []Person{{Needs: needs("comfort"), Likes: []string{"tea"}}}},
			[]string{"tea", "blanket"}},
		{"what fits everyone beats what delights one", Request{People: []Person{
			{Name: "Sam", Needs: needs("closeness", "touch")},
			{Name: "Alex", Needs: needs("comfort", "closeness")},
		}}, []string{"cuddle"}},
		{"missing things sink", Request{Mode: Solo, Things: []string{"blanket"}, People: []Person{{Needs: needs("comfort")}}},
			[]string{"blanket"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ids(c.Suggest(tt.req).Suggestions)
			if len(got) < len(tt.first) || !slices.Equal(got[:len(tt.first)], tt.first) {
				t.Errorf("ranking %v, want it to start %v", got, tt.first)
			}
		})
	}
}

func TestSuggestExplainsEachSuggestion(t *testing.T) {
	c := fixtureCatalog(t)
	tests := []struct {
		name    string
		req     Request
		id      string
		reasons []string
	}{
		{"one unnamed person", Request{Mode: Solo, People: []Person{{Needs: needs("quiet")}}},
			"breathe-alone", []string{"meets your need for quiet"}},
		{"one person, two needs", Request{Mode: Solo, People: []Person{{Needs: needs("quiet", "calm")}}},
			"breathe-alone", []string{"meets your needs for calm and quiet"}},
		{"named people sharing a need", Request{People: []Person{{Name: "Sam", Needs: needs("comfort")}, {Name: "Alex", Needs: needs("comfort")}}},
			"cuddle", []string{"meets Sam's and Alex's need for comfort"}},
		{"three people sharing a need", Request{People: []Person{{Name: "Sam", Needs: needs("warmth")}, {Name: "Alex", Needs: needs("warmth")}, {Name: "Kai", Needs: needs("warmth")}}},
			"blanket", []string{"meets everyone's need for warmth"}},
		{"each person named once", Request{People: []Person{{Name: "Sam", Needs: needs("closeness")}, {Name: "Alex", Needs: needs("space")}}},
			"sit-nearby", []string{"meets Sam's need for closeness", "meets Alex's need for space"}},
		{"a usual need is called usual", Request{Mode: Together, People: []Person{{Name: "Sam", Usual: needs("warmth")}, {Name: "Alex", Needs: needs("warmth")}}},
			"blanket", []string{"meets Alex's need for warmth", "suits Sam's usual need for warmth"}},
		{"situation", Request{Mode: Together, Situation: "scene"},
			"blanket", []string{"good after a scene"}},
		{"likes", Request{Mode: Solo, People: []Person{{Name: "Sam", Likes: []string{"tea", "music"}}}},
			"tea", []string{"Sam likes this"}},
		{"liked tag", Request{Mode: Solo, People: []Person{{Name: "Sam", Likes: []string{"music"}}}},
			"playlist", []string{"Sam likes music"}},
		{"nothing said", Request{Mode: Solo},
			"tea", []string{"gives comfort and water, which most people want afterwards"}},
		{"things missing", Request{Mode: Solo, Things: []string{"blanket"}, People: []Person{{Needs: needs("hydration")}}},
			"tea", []string{"needs tea"}},
		{"things at hand", Request{Mode: Solo, Things: []string{"blanket"}, People: []Person{{Needs: needs("warmth")}}},
			"blanket", []string{"uses what you have: a blanket"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.req.Limit = 20
			r := c.Suggest(tt.req)
			i := slices.IndexFunc(r.Suggestions, func(s Suggestion) bool { return s.ID == tt.id })
			if i < 0 {
				t.Fatalf("%s not suggested: %v", tt.id, ids(r.Suggestions))
			}
			got := r.Suggestions[i].Reasons
			for _, want := range tt.reasons {
				if !slices.Contains(got, want) {
					t.Errorf("reasons %q, want %q among them", got, want)
				}
			}
		})
	}
}

func TestEverySuggestionHasAReason(t *testing.T) {
	c := fixtureCatalog(t)
	r := c.Suggest(Request{Mode: Together, Limit: 20, People: []Person{{Needs: needs("talk")}}})
	for _, s := range r.Suggestions {
		if len(s.Reasons) == 0 || len(s.Reasons) > maxReasons {
			t.Errorf("%s has %d reasons: %q", s.ID, len(s.Reasons), s.Reasons)
		}
	}
}

func TestSuggestFindsACompromiseWhenNeedsPullApart(t *testing.T) {
	c := fixtureCatalog(t)
	r := c.Suggest(Request{People: []Person{
		{Name: "Sam", Needs: needs("closeness", "touch")},
		{Name: "Alex", Needs: needs("space")},
	}})
	comp := r.Compromise
	if comp == nil {
		t.Fatal("no compromise")
	}
	if want := "Sam needs closeness and touch, while Alex needs space."; !strings.HasPrefix(comp.Why, want) {
		t.Errorf("why = %q, want it to start %q", comp.Why, want)
	}
	if got := ids(comp.Bridges); !slices.Equal(got, []string{"sit-nearby"}) {
		t.Errorf("bridges %v, want only sit-nearby, which asks nothing of Alex", got)
	}
	for _, b := range comp.Bridges {
		a := c.Activity(b.ID)
		if a.Needs.Of("closeness")+a.Needs.Of("touch") == 0 || a.Needs.Of("space") == 0 {
			t.Errorf("bridge %s does not meet both sides: %v", b.ID, a.Needs)
		}
	}
	if len(comp.Each) != 2 || comp.Each[0].Person != "Sam" || comp.Each[1].Person != "Alex" {
		t.Fatalf("each = %+v, want Sam then Alex", comp.Each)
	}
	for _, own := range comp.Each {
		if len(own.Suggestions) == 0 {
			t.Errorf("nothing of their own for %s", own.Person)
		}
		for _, s := range own.Suggestions {
			a := c.Activity(s.ID)
			if a.Mode == Together || a.Contact != "none" || a.Bridge {
				t.Errorf("%s's own suggestion %s is not something to do alone", own.Person, s.ID)
			}
		}
	}
	if got := ids(comp.Each[1].Suggestions); !slices.Contains(got, "breathe-alone") {
		t.Errorf("Alex's own %v, want breathe-alone, which meets their need for space", got)
	}
}

func TestSuggestOffersNoCompromiseWhenNoNeedsPullApart(t *testing.T) {
	c := fixtureCatalog(t)
	tests := []struct {
		name string
		req  Request
	}{
		{"needs agree", Request{People: []Person{{Name: "Sam", Needs: needs("closeness")}, {Name: "Alex", Needs: needs("touch")}}}},
		{"one person with mixed needs", Request{People: []Person{{Needs: needs("closeness", "space")}}}},
		{"someone who said nothing", Request{People: []Person{{Name: "Sam", Needs: needs("space")}, {Name: "Alex"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if comp := c.Suggest(tt.req).Compromise; comp != nil {
				t.Errorf("compromise %q, want none", comp.Why)
			}
		})
	}
}

func TestSuggestIsStable(t *testing.T) {
	c := fixtureCatalog(t)
	req := Request{Situation: "scene", People: []Person{
		{Name: "Sam", Needs: needs("closeness", "comfort")},
		{Name: "Alex", Needs: needs("space", "warmth")},
	}}
	first := c.Suggest(req)
	reversed := *c
	reversed.Activities = slices.Clone(c.Activities)
	slices.Reverse(reversed.Activities)
	reversed.build()
	for i := range 20 {
		if got := c.Suggest(req); !reflect.DeepEqual(got, first) {
			t.Fatalf("run %d differs", i)
		}
	}
	if got := reversed.Suggest(req); !reflect.DeepEqual(got, first) {
		t.Errorf("catalogue order changed the result:\n%v\n%v", ids(got.Suggestions), ids(first.Suggestions))
	}
}

func TestSuggestKeepsToTheLimit(t *testing.T) {
	c := fixtureCatalog(t)
	for _, limit := range []int{1, 3, 100} {
		r := c.Suggest(Request{Mode: Together, Limit: limit})
		if want := min(limit, 10); len(r.Suggestions) != want {
			t.Errorf("limit %d gave %d suggestions, want %d", limit, len(r.Suggestions), want)
		}
	}
}

func TestResultJSONHasTheDocumentedShape(t *testing.T) {
	c := fixtureCatalog(t)
	r := c.Suggest(Request{Minutes: 15, People: []Person{
		{Name: "Sam", Needs: needs("closeness")},
		{Name: "Alex", Needs: needs("space")},
	}})
	data, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var shape struct {
		Suggestions []map[string]any `json:"suggestions"`
		Compromise  struct {
			Why     string                      `json:"why"`
			Bridges []map[string]any            `json:"bridges"`
			Each    map[string][]map[string]any `json:"each"`
		} `json:"compromise"`
	}
	if err := json.Unmarshal(data, &shape); err != nil {
		t.Fatalf("%v in %s", err, data)
	}
	first := shape.Suggestions[0]
	for _, key := range []string{"id", "title", "summary", "minutes", "score", "reasons"} {
		if _, ok := first[key]; !ok {
			t.Errorf("suggestion has no %q: %v", key, first)
		}
	}
	if len(first) != 6 {
		t.Errorf("suggestion has keys %v, want exactly the six documented", first)
	}
	if m, ok := first["minutes"].([]any); !ok || len(m) != 2 {
		t.Errorf("minutes = %v, want [min, max]", first["minutes"])
	}
	if shape.Compromise.Why == "" || len(shape.Compromise.Bridges) == 0 {
		t.Errorf("compromise = %+v", shape.Compromise)
	}
	if _, ok := shape.Compromise.Each["Alex"]; !ok {
		t.Errorf("each = %v, want a list for Alex", shape.Compromise.Each)
	}

	data, _ = json.Marshal(c.Suggest(Request{Mode: Solo}))
	if !strings.Contains(string(data), `"compromise":null`) {
		t.Errorf("without a clash the compromise is not null: %s", data)
	}
}

func rated(person, activity string, hoursAgo int, values ...string) []Rating {
	var out []Rating
	for i, v := range values {
		out = append(out, Rating{Person: person, Activity: activity, Value: v,
			At: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC).Add(-time.Duration(hoursAgo+i) * time.Hour)})
	}
	return out
}

func TestRatingsShapeTheRankingForThatPerson(t *testing.T) {
	c := fixtureCatalog(t)
	comfort := []Person{{Name: "Sam", Needs: needs("comfort")}}
	tests := []struct {
		name    string
		people  []Person
		ratings []Rating
		first   []string
		reason  map[string]string // activity: a reason it must give
	}{
		{"equals are ordered by id", comfort, nil, []string{"blanket", "tea"}, nil},
		{"what helped rises", comfort, rated("Sam", "tea", 0, Helped),
			[]string{"tea", "blanket"}, map[string]string{"tea": "helped Sam last time"}},
		{"what did not help sinks", comfort, rated("Sam", "blanket", 0, DidntHelp),
			[]string{"tea", "blanket"}, map[string]string{"blanket": "didn't help Sam last time"}},
		{"recent ratings count more than old ones", comfort,
			append(rated("Sam", "tea", 0, Helped, DidntHelp), rated("Sam", "blanket", 0, DidntHelp, Helped)...),
			[]string{"tea", "blanket"}, nil},
		{"several old ratings can outweigh a newer one", comfort,
			append(rated("Sam", "tea", 0, DidntHelp, Helped, Helped), rated("Sam", "blanket", 0, Helped, DidntHelp, DidntHelp)...),
			[]string{"tea", "blanket"}, map[string]string{"tea": "helped Sam 2 of the last 3 times", "blanket": "didn't help Sam 2 of the last 3 times"}},
		{"the reason counts the last four", comfort, rated("Sam", "tea", 0, Helped, Helped, DidntHelp, Helped, DidntHelp, DidntHelp),
			[]string{"tea"}, map[string]string{"tea": "helped Sam 3 of the last 4 times"}},
		{"one rating never outweighs a stated need", []Person{{Name: "Sam", Needs: needs("warmth")}},
			rated("Sam", "tea", 0, Helped), []string{"blanket"}, nil},
		{"someone else's ratings do not count", comfort, rated("Alex", "tea", 0, Helped, Helped),
			[]string{"blanket", "tea"}, nil},
		{"alone, the reason speaks to you", []Person{{Needs: needs("comfort")}}, rated("", "tea", 0, Helped),
			[]string{"tea"}, map[string]string{"tea": "helped you last time"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := c.Suggest(Request{Mode: Solo, People: tt.people, Ratings: tt.ratings})
			got := ids(r.Suggestions)
			if len(got) < len(tt.first) || !slices.Equal(got[:len(tt.first)], tt.first) {
				t.Errorf("ranking %v, want it to start %v", got, tt.first)
			}
			for id, want := range tt.reason {
				i := slices.IndexFunc(r.Suggestions, func(s Suggestion) bool { return s.ID == id })
				if i < 0 || !slices.Contains(r.Suggestions[i].Reasons, want) {
					t.Errorf("%s reasons, want %q: %+v", id, want, r.Suggestions)
				}
			}
		})
	}
}

func TestNoRatingLiftsWhatMeetsNoStatedNeed(t *testing.T) {
	c := fixtureCatalog(t)
	var many []Rating
	for range 20 {
		many = append(many, rated("Sam", "playlist", 0, Helped)...)
	}
	r := c.Suggest(Request{Mode: Solo, Limit: 20, People: []Person{{Name: "Sam", Needs: needs("warmth")}}, Ratings: many})
	for _, s := range r.Suggestions {
		if s.ID == "playlist" && s.Score > 0 {
			t.Errorf("playlist meets none of Sam's needs yet scores %v after ratings", s.Score)
		}
	}
}

func TestOneReasonForPeopleItWentTheSameWayFor(t *testing.T) {
	c := fixtureCatalog(t)
	ratings := append(rated("Sam", "sit-nearby", 0, Helped), rated("Alex", "sit-nearby", 0, Helped)...)
	r := c.Suggest(Request{Ratings: ratings, People: []Person{{Name: "Sam", Needs: needs("closeness")}, {Name: "Alex", Needs: needs("space")}}})
	if got := r.Suggestions[0]; got.ID != "sit-nearby" || !slices.Contains(got.Reasons, "helped Sam and Alex last time") {
		t.Errorf("first suggestion %+v", got)
	}
}

func TestHeadingSaysWhoItIsFor(t *testing.T) {
	c := fixtureCatalog(t)
	for _, tc := range []struct {
		name string
		req  Request
		want string
	}{
		{"one alone", Request{Minutes: 1}, "For you, with up to 1 minute:"},
		{"unnamed together", Request{Mode: Together}, "For you together:"},
		{"one named alone", Request{People: []Person{{Name: "Sam"}}}, "For Sam:"},
		{"one named with others", Request{Mode: Together, People: []Person{{Name: "Sam"}}}, "For Sam and whoever is with them:"},
		{"two named", Request{Situation: "scene", Minutes: 30, People: []Person{{Name: "Sam"}, {Name: "Alex"}}}, "For Sam and Alex, after a scene, with up to 30 minutes:"},
	} {
		if got := c.heading(tc.req); got != tc.want {
			t.Errorf("%s: heading is %q, want %q", tc.name, got, tc.want)
		}
	}
}
