package catalog

import (
	"slices"
	"strings"
	"testing"
)

// These tests hold the engine to what each kind of time and each answer
// about energy promise: apart, only what works at a distance is shared;
// after a hard time, no praise; nothing asks more energy than someone has.

// needsOf is what one answer to a built-in question points to.
func needsOf(t *testing.T, c *Catalog, question string, choices ...string) Weights {
	t.Helper()
	q := c.Question(question)
	if q == nil {
		t.Fatalf("no question %q", question)
	}
	for _, id := range choices {
		if q.Option(id) == nil {
			t.Fatalf("question %q has no option %q", question, id)
		}
	}
	return q.Implied(Answer{Choices: choices}).Needs
}

// everyOffer is every activity a result offers: to everyone, as a
// bridge, and to each person on their own.
func everyOffer(r Result) []Suggestion {
	out := slices.Clone(r.Suggestions)
	if r.Compromise != nil {
		out = append(out, r.Compromise.Bridges...)
		for _, each := range r.Compromise.Each {
			out = append(out, each.Suggestions...)
		}
	}
	return out
}

func TestApartSharesOnlyWhatWorksAtADistance(t *testing.T) {
	c := defaultsForTest(t)
	close := needsOf(t, c, "need-now", "held", "talk")
	space := needsOf(t, c, "close-or-space", "space")
	tests := []struct {
		name   string
		people []Person
	}{
		{"both want closeness", []Person{{Name: "Sam", Needs: close}, {Name: "Alex", Needs: close}}},
		{"nothing said", []Person{{Name: "Sam"}, {Name: "Alex"}}},
		{"closeness and space pull apart", []Person{{Name: "Sam", Needs: close}, {Name: "Alex", Needs: space}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := c.Suggest(Request{Situation: "apart", People: tt.people, Limit: 20})
			if len(r.Suggestions) < 3 {
				t.Fatalf("%d suggestions for people apart, want at least 3", len(r.Suggestions))
			}
			for _, s := range r.Suggestions {
				if !c.Activity(s.ID).Apart {
					t.Errorf("%s is offered to people who are not in the same room", s.ID)
				}
			}
			if r.Compromise != nil {
				if says := strings.Contains(r.Compromise.Why, "gestures"); says != (len(r.Compromise.Bridges) > 0) {
					t.Errorf("the compromise says %q with %d gestures", r.Compromise.Why, len(r.Compromise.Bridges))
				}
				for _, s := range r.Compromise.Bridges {
					if !c.Activity(s.ID).Apart {
						t.Errorf("bridge %s needs the same room", s.ID)
					}
				}
				for _, each := range r.Compromise.Each {
					for _, s := range each.Suggestions {
						if a := c.Activity(s.ID); len(s.With) > 0 && !a.Apart {
							t.Errorf("%s is offered to %s with %v, who is not there", s.ID, each.Person, s.With)
						}
					}
				}
			}
		})
	}
	// Alone after a call, someone can still do what works at a distance
	// with the person at the other end, beside their own care.
	alone := c.Suggest(Request{Situation: "apart", People: []Person{{Needs: close}}, Limit: 10})
	if !slices.ContainsFunc(alone.Suggestions, func(s Suggestion) bool { return c.Activity(s.ID).Mode == Together }) {
		t.Errorf("alone after a call and wanting closeness, nothing to do with the other person: %v", ids(alone.Suggestions))
	}
	for _, s := range alone.Suggestions {
		if a := c.Activity(s.ID); a.Mode == Together && !a.Apart {
			t.Errorf("%s needs someone in the room, yet is offered to someone alone after a call", s.ID)
		}
	}
	// The rule belongs to apart: in the same room, the same people are
	// offered things that need the same room.
	together := c.Suggest(Request{Situation: "tender", People: tests[0].people, Limit: 20})
	if !slices.ContainsFunc(together.Suggestions, func(s Suggestion) bool { return !c.Activity(s.ID).Apart }) {
		t.Error("in the same room, only things that work at a distance were offered")
	}
}

func TestASituationLeavesOutWhatDoesNotFitIt(t *testing.T) {
	c := defaultsForTest(t)
	numb := needsOf(t, c, "feeling", "numb")
	tests := []struct {
		situation string
		people    []Person
		never     []string
	}{
		{"hard", []Person{{Name: "Sam", Needs: numb}, {Name: "Alex"}}, []string{"praise", "celebrating", "sexual"}},
		{"hard", []Person{{Needs: numb}}, []string{"praise", "celebrating", "sexual"}},
		// Asked for outright, a shower together is still not offered
		// after a time that went wrong.
		{"hard", []Person{{Name: "Sam", Needs: Weights{{"cleanliness", 3}, {"touch", 3}}}, {Name: "Alex", Needs: Weights{{"cleanliness", 3}}}}, []string{"sexual", "shower-together"}},
		{"not-there", []Person{{Name: "Sam"}, {Name: "Alex"}}, []string{"sexual"}},
		// Someone who was not there cannot go over a time they did not
		// share, however much either wants to talk.
		{"not-there", []Person{{Name: "Sam", Needs: Weights{{"talk", 3}, {"reflection", 3}, {"appreciation", 3}}}, {Name: "Alex", Needs: Weights{{"talk", 3}}}},
			[]string{"sexual", "looking-back", "talk-it-over", "one-thing-each", "boundary-check"}},
	}
	for _, tt := range tests {
		r := c.Suggest(Request{Situation: tt.situation, People: tt.people, Limit: 30})
		if len(r.Suggestions) == 0 {
			t.Errorf("%s: nothing suggested", tt.situation)
		}
		for _, s := range everyOffer(r) {
			if slices.Contains(tt.never, s.ID) {
				t.Errorf("%s: %s is offered", tt.situation, s.ID)
			}
			for _, tag := range c.Activity(s.ID).Tags {
				if slices.Contains(tt.never, tag) {
					t.Errorf("%s: %s (%s) is offered", tt.situation, s.ID, tag)
				}
			}
		}
	}
}

func TestNumbAfterAHardTimeGivesGroundingNotPraise(t *testing.T) {
	c := defaultsForTest(t)
	numb := needsOf(t, c, "feeling", "numb")
	for _, people := range [][]Person{
		{{Needs: numb}},
		{{Name: "Sam", Needs: numb}, {Name: "Alex"}},
		{{Name: "Sam", Needs: numb}, {Name: "Alex", Needs: numb}},
	} {
		r := c.Suggest(Request{Situation: "hard", People: people})
		want := "ground-together"
		if len(people) == 1 {
			want = "ground-yourself"
		}
		if got := ids(r.Suggestions); len(got) == 0 || got[0] != want {
			t.Errorf("%d feeling numb after a hard time: %v, want %s first", len(people), got, want)
		}
	}
}

func TestNothingAsksMoreEnergyThanSomeoneHas(t *testing.T) {
	c := defaultsForTest(t)
	lively := needsOf(t, c, "feeling", "energised")
	tests := []struct {
		name   string
		energy []string // one per person
		most   string   // the most energy anything offered may ask
	}{
		{"very little, alone", []string{"low"}, "low"},
		{"some, alone", []string{"medium"}, "medium"},
		{"plenty and very little together", []string{"high", "low"}, "low"},
		{"some and not said", []string{"medium", ""}, "medium"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var people []Person
			for i, e := range tt.energy {
				people = append(people, Person{Name: []string{"Sam", "Alex"}[i], Needs: lively, Energy: e})
			}
			if len(people) == 1 {
				people[0].Name = ""
			}
			r := c.Suggest(Request{People: people, Limit: 40})
			if len(r.Suggestions) == 0 {
				t.Fatal("nothing suggested")
			}
			for _, s := range everyOffer(r) {
				if a := c.Activity(s.ID); energyLevel(a.Energy) > energyLevel(tt.most) {
					t.Errorf("%s asks %s energy of someone with %s", s.ID, a.Energy, tt.most)
				}
			}
		})
	}
	// Said nothing: energy does not narrow anything, so lively things can
	// come up for someone who feels lively.
	r := c.Suggest(Request{People: []Person{{Needs: lively}}, Limit: 40})
	if !slices.ContainsFunc(r.Suggestions, func(s Suggestion) bool { return c.Activity(s.ID).Energy != "low" }) {
		t.Error("with energy not said, only low-energy things were offered; the test shows nothing")
	}
}

func TestTheLeastEnergyWins(t *testing.T) {
	tests := []struct{ a, b, want string }{
		{"", "", ""},
		{"", "high", "high"},
		{"low", "", "low"},
		{"high", "medium", "medium"},
		{"low", "high", "low"},
	}
	for _, tt := range tests {
		if got := LeastEnergy(tt.a, tt.b); got != tt.want {
			t.Errorf("LeastEnergy(%q, %q) = %q, want %q", tt.a, tt.b, got, tt.want)
		}
	}
	c := defaultsForTest(t)
	if got := c.Question("feeling").Implied(Answer{Choices: []string{"energised", "drained"}}).Energy; got != "low" {
		t.Errorf("energised and drained at once says %q energy, want low", got)
	}
	if got := c.Question("energy").Implied(Answer{Choices: []string{"rather-not-say"}}).Energy; got != "" {
		t.Errorf("rather not say says %q energy, want nothing", got)
	}
}

func TestEachAnswerFindsTheCareMadeForIt(t *testing.T) {
	c := defaultsForTest(t)
	tests := []struct {
		question, option string
		mode             Mode
		situation        string
		oneOf            []string // at least one is among the first five
	}{
		{"feeling", "numb", Solo, "", []string{"ground-yourself"}},
		{"feeling", "numb", Solo, "apart", []string{"ground-yourself"}},
		{"feeling", "floaty", Together, "", []string{"ground-together"}},
		{"feeling", "sad", Together, "", []string{"when-they-cry"}},
		{"feeling", "overwhelmed", Solo, "", []string{"quiet-corner", "headphones-on", "eye-mask-rest", "dim-the-lights", "slow-breathing"}},
		{"need-now", "myself", Together, "", []string{"back-in-your-own-things", "ask-about-words-and-touch", "cover-up"}},
		{"need-now", "easy-on-body", Together, "", []string{"within-reach", "lying-down-care", "easy-position", "clear-the-way"}},
		{"need-now", "senses", Solo, "", []string{"quiet-corner", "headphones-on", "eye-mask-rest", "scent-free"}},
		{"need-now", "held", Together, "apart", []string{"stay-on-the-line", "video-wind-down", "talk-them-cosy"}},
		{"need-now", "reassurance", Together, "not-there", []string{"welcome-them-home", "care-without-details", "glad-to-see-them"}},
		{"need-now", "refuel", Together, "party", []string{"party-water-and-seat"}},
		{"need-now", "reassurance", Together, "hard", []string{"say-sorry", "stay-without-asking", "repair-later"}},
	}
	for _, tt := range tests {
		needs := needsOf(t, c, tt.question, tt.option)
		req := Request{Mode: tt.mode, Situation: tt.situation, People: []Person{{Needs: needs}}}
		if tt.mode == Together {
			req.People = []Person{{Name: "Sam", Needs: needs}, {Name: "Alex", Needs: needs}}
		}
		got := ids(c.Suggest(req).Suggestions)
		if !slices.ContainsFunc(tt.oneOf, func(id string) bool { return slices.Contains(got, id) }) {
			t.Errorf("%s: %s, %s %s: none of %v among %v", tt.question, tt.option, tt.mode, tt.situation, tt.oneOf, got)
		}
	}
}

// specialNeeds are needs that only some people have; care made for them
// should not be what everyone else is offered first.
var specialNeeds = []string{"grounding", "ease", "self", "senses"}

func TestSomeoneWhoSaysNothingIsOfferedEverydayCareFirst(t *testing.T) {
	c := defaultsForTest(t)
	for _, mode := range []Mode{Solo, Together} {
		for _, s := range append([]Situation{{}}, c.SituationsFor(mode)...) {
			req := Request{Mode: mode, Situation: s.ID}
			if mode == Together {
				req.People = []Person{{Name: "Sam"}, {Name: "Alex"}}
			}
			for _, sg := range c.Suggest(req).Suggestions {
				a := c.Activity(sg.ID)
				if a.OnlyIfSaid {
					t.Errorf("%s %s: %s is offered though nobody said anything", mode, s.ID, a.ID)
				}
				top := strongest(a.Needs, 1)[0].Need
				if slices.Contains(specialNeeds, top) && s.Raises.Of(top) == 0 {
					t.Errorf("%s %s: %s, made for %s, is offered first to people who said nothing", mode, s.ID, a.ID, top)
				}
			}
		}
	}
}

// Alone after a call, the list is not all about the person at the other
// end: someone checking in alone is offered their own care beside what
// they can do with them, and never what they would do for them, whose
// needs a check-in alone does not hear.
func TestAloneAndApartOwnCareComesBesideTheCall(t *testing.T) {
	c := defaultsForTest(t)
	for _, option := range []string{"", "numb", "sad", "happy"} {
		t.Run(option, func(t *testing.T) {
			req := Request{Mode: Solo, Situation: "apart", People: []Person{{}}}
			if option != "" {
				req.People[0].Needs = needsOf(t, c, "feeling", option)
			}
			got := c.Suggest(req).Suggestions
			own := 0
			for _, s := range got {
				a := c.Activity(s.ID)
				if a.Mode == Together && a.ForThem {
					t.Errorf("%s is care for the other person, offered on a check-in alone", s.ID)
				}
				if !a.Apart {
					own++
				}
			}
			if own < len(got)/2 || own == len(got) {
				t.Errorf("%d of %d are one's own care: %v", own, len(got), ids(got))
			}
		})
	}
}

// A bath or a standing shower is where someone light-headed, shaky or far
// away can faint: saying so keeps every one of them out, for everyone,
// while a warm cloth or a wash sitting down can still come.
func TestSomeoneShakyOrFarAwayIsOfferedNoBathOrShower(t *testing.T) {
	c := defaultsForTest(t)
	for _, option := range []string{"shaky", "numb", "floaty"} {
		for _, mode := range []Mode{Solo, Together} {
			for _, situation := range []string{"", "rough", "scene", "hard", "tender"} {
				implied := c.Question("feeling").Implied(Answer{Choices: []string{option}})
				req := Request{Mode: mode, Situation: situation, Avoid: implied.Avoid, Limit: 50,
					People: []Person{{Name: "Sam", Needs: implied.Needs}}}
				if mode == Together {
					req.People = append(req.People, Person{Name: "Alex"})
				}
				for _, s := range everyOffer(c.Suggest(req)) {
					if slices.Contains(c.Activity(s.ID).Tags, "bathing") {
						t.Errorf("%s, %s %s: %s is offered", option, mode, situation, s.ID)
					}
				}
			}
		}
	}
	for _, a := range c.Activities {
		inWater := slices.Contains(a.Things, "bath") || slices.Contains(a.Things, "shower")
		if inWater && !slices.Contains(a.Tags, "bathing") {
			t.Errorf("%s needs a bath or a shower but is not tagged bathing", a.ID)
		}
	}
}

// Care made for one state comes for that state: tears for someone who
// said they are sad, bringing someone back for someone far away, and
// neither for the other.
func TestCareForOneStateComesOnlyForIt(t *testing.T) {
	c := defaultsForTest(t)
	tests := []struct {
		feeling   string
		offered   string
		unoffered string
	}{
		{"sad", "when-they-cry", "ground-together"},
		{"numb", "ground-together", "when-they-cry"},
		{"floaty", "ground-together", "when-they-cry"},
		{"happy", "", "when-they-cry"},
		{"happy", "", "ground-together"},
	}
	for _, tt := range tests {
		for _, situation := range []string{"", "hard", "scene", "tender"} {
			req := Request{Mode: Together, Situation: situation, Limit: 50,
				People: []Person{{Name: "Sam", Needs: needsOf(t, c, "feeling", tt.feeling)}, {Name: "Alex"}}}
			got := ids(everyOffer(c.Suggest(req)))
			if tt.offered != "" && !slices.Contains(got, tt.offered) {
				t.Errorf("%s, %s: %s is not offered", tt.feeling, situation, tt.offered)
			}
			if slices.Contains(got, tt.unoffered) {
				t.Errorf("%s, %s: %s is offered", tt.feeling, situation, tt.unoffered)
			}
		}
	}
}

// Someone irritable or prickly is not offered hands on them first: room
// and quiet come before stroking or holding.
func TestSomeoneIrritableIsNotOfferedTouchFirst(t *testing.T) {
	c := defaultsForTest(t)
	prickly := needsOf(t, c, "feeling", "irritable")
	for _, people := range [][]Person{
		{{Name: "Sam", Needs: prickly}, {Name: "Alex"}},
		{{Name: "Sam", Needs: prickly}, {Name: "Alex"}, {Name: "Kai"}},
	} {
		r := c.Suggest(Request{Mode: Together, People: people})
		if len(r.Suggestions) == 0 {
			t.Fatal("nothing suggested")
		}
		if first := c.Activity(r.Suggestions[0].ID); first.Contact != "none" {
			t.Errorf("with %d people, %s (%s contact) comes first", len(people), first.ID, first.Contact)
		}
	}
}

// After a time that went wrong, the first thing offered that washes says
// that washing can wait, for someone who may want a medical check, once;
// after any other time, and beside anything else, nothing says it.
func TestWashingCanWaitIsSaidWithWhatWashesAfterAHardTime(t *testing.T) {
	c := defaultsForTest(t)
	clean := Weights{{"cleanliness", 3}, {"warmth", 2}}
	warm := Weights{{"closeness", 3}, {"warmth", 3}}
	for _, tt := range []struct {
		situation string
		mode      Mode
		people    []Person
		want      string
	}{
		{"hard", Solo, []Person{{Needs: clean}}, washingCanWaitSolo},
		{"hard", Together, []Person{{Name: "Sam", Needs: clean}, {Name: "Alex", Needs: clean}}, washingCanWaitTogether},
		// Only someone's own time holds a bath: it is said there.
		{"hard", Together, []Person{{Name: "Sam", Needs: warm}, {Name: "Alex", Needs: Weights{{"closeness", 3}}}, {Name: "Kai", Needs: Weights{{"space", 3}, {"warmth", 3}}}}, washingCanWaitTogether},
		{"rough", Solo, []Person{{Needs: clean}}, ""},
		{"", Together, []Person{{Name: "Sam", Needs: clean}, {Name: "Alex"}}, ""},
	} {
		r := c.Suggest(Request{Mode: tt.mode, Situation: tt.situation, People: tt.people, Limit: 20})
		shown := slices.Clone(r.Suggestions)
		if comp := r.Compromise; comp != nil {
			shown = append(shown, comp.Bridges...)
			for _, own := range comp.Each {
				shown = append(shown, own.Suggestions...)
			}
		}
		first := true
		for _, s := range shown {
			a := c.Activity(s.ID)
			washes := slices.Contains(a.Tags, "water") || a.Needs.Of("cleanliness") >= 2
			want := ""
			if washes && first {
				want, first = tt.want, false
			}
			if s.Note != want {
				t.Errorf("%s %s: %s says %q, want %q", tt.situation, tt.mode, s.ID, s.Note, want)
			}
		}
		if first {
			t.Errorf("%s %s: nothing offered washes: %v", tt.situation, tt.mode, ids(shown))
		}
	}
}

// At a play party a bath, a weighted blanket or a book is seldom at hand:
// what needs one ranks lower and says what it needs, unless people say
// they have it. Elsewhere nothing is assumed missing.
func TestWhatIsSeldomAtHandRanksLowerAndSaysSo(t *testing.T) {
	c := defaultsForTest(t)
	warm := []Person{{Name: "Sam", Needs: Weights{{"warmth", 3}}}, {Name: "Alex", Needs: Weights{{"warmth", 3}}}}
	rank := map[bool]int{}
	for _, tt := range []struct {
		situation string
		things    []string
		needsBath bool
	}{
		{"party", nil, true},
		{"party", []string{"bath", "towel", "water", "blanket"}, false},
		{"tender", nil, false},
	} {
		r := c.Suggest(Request{Mode: Together, Situation: tt.situation, People: warm, Things: tt.things, Limit: 40})
		at := slices.IndexFunc(r.Suggestions, func(s Suggestion) bool { return s.ID == "run-them-a-bath" })
		if at < 0 {
			t.Fatalf("%s with %v: no bath among %v", tt.situation, tt.things, ids(r.Suggestions))
		}
		says := slices.Contains(r.Suggestions[at].Reasons, "needs a bath")
		if says != tt.needsBath {
			t.Errorf("%s with %v: a bath says it needs one: %v, want %v (%v)", tt.situation, tt.things, says, tt.needsBath, r.Suggestions[at].Reasons)
		}
		if tt.situation == "party" {
			rank[tt.needsBath] = at
		}
	}
	if rank[true] <= rank[false] {
		t.Errorf("at a party a bath nobody said they have ranks %d, and %d when they have one", rank[true]+1, rank[false]+1)
	}
}

// Time on one's own is asked about only alone, and care from someone who
// was not there only together; every other situation is asked about in
// both.
func TestEachSituationIsAskedAboutWhereItCanHappen(t *testing.T) {
	c := defaultsForTest(t)
	for _, tt := range []struct {
		mode    Mode
		without string
	}{{Solo, "not-there"}, {Together, "solo"}} {
		got := c.SituationsFor(tt.mode)
		if slices.ContainsFunc(got, func(s Situation) bool { return s.ID == tt.without }) {
			t.Errorf("%s: %s is asked about", tt.mode, tt.without)
		}
		if len(got) != len(c.Situations)-1 {
			t.Errorf("%s: %d situations asked about, want all %d but one", tt.mode, len(got), len(c.Situations))
		}
	}
}
