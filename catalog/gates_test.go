package catalog

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

// These hold the built-in activities to what the engine's gates need
// from them: where scenes and roles belong, and what celebrates.

func TestScenesRolesAndMarksAreGatedWhereTheyBelong(t *testing.T) {
	c := defaultsForTest(t)
	kink := []string{"scene", "power-exchange"}
	// Drop, and whoever led, are words of scenes: rough sex is not one
	// unless someone says so.
	afterDrop := kink
	gated := map[string][]string{
		"scene-debrief":            kink,
		"care-for-the-top":         kink,
		"equal-again":              kink,
		"affirm-them":              kink, // praise of how someone played their role
		"tend-bruises":             {"rough", "scene", "power-exchange"},
		"drop-care":                afterDrop,
		"top-drop":                 afterDrop,
		"reassure-the-one-who-led": afterDrop,
		"after-leading":            afterDrop,
		"drop-kit":                 afterDrop,
		"name-the-drop":            afterDrop,
	}
	for id, want := range gated {
		a := c.Activity(id)
		if a == nil {
			t.Errorf("no activity %q", id)
			continue
		}
		got := slices.Clone(a.OnlyIn)
		slices.Sort(got)
		want = slices.Clone(want)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s: only_in %v, want %v", id, a.OnlyIn, want)
		}
	}
	for _, situation := range []string{"", "tender", "new-partner", "something-new", "casual", "rough"} {
		for _, s := range c.Suggest(Request{Mode: Together, Situation: situation, Limit: len(c.Activities)}).Suggestions {
			if gated[s.ID] != nil && !slices.Contains(gated[s.ID], situation) {
				t.Errorf("situation %q: %s is offered", situation, s.ID)
			}
		}
	}
}

// celebratoryWords find an activity that praises the time just had, or
// plans another one.
var celebratoryWords = regexp.MustCompile(`(?i)\b(you loved|how it was for|worked well|did well|did right by|proud of|felt good|you enjoyed|(they|you) liked|(a|about|before) next time|repeat|play again|explore one day|about your time together)\b`)

// The quiet guard leaves out what is tagged celebrating: praise of the
// time just had, and plans for the next one.
func TestPraiseOfTheTimeAndPlansForNextTimeAreCelebrating(t *testing.T) {
	c := defaultsForTest(t)
	celebrating := []string{
		"pillow-talk", "talk-it-over", "specific-appreciation", "affirm-them", "equal-again",
		"scene-debrief", "care-for-the-top", "reassure-the-one-who-led", "thank-you",
		"dream-next-time", "change-before-next-time", "one-thing-each",
		"moment-before-parting", "part-kindly", "stay-in-touch-or-not",
	}
	for _, id := range celebrating {
		if a := c.Activity(id); a == nil || !slices.Contains(a.Tags, "celebrating") {
			t.Errorf("%s praises the time or plans the next one, and is not tagged celebrating", id)
		}
	}
	found := 0
	for _, a := range c.Activities {
		if a.Mode == Solo {
			continue // care for oneself celebrates nobody
		}
		if m := celebratoryWords.FindString(strings.Join(activityTexts(a), " ")); m != "" {
			found++
			if !slices.Contains(a.Tags, "celebrating") {
				t.Errorf("%s says %q but is not tagged celebrating", a.ID, m)
			}
		}
	}
	if found < 5 {
		t.Errorf("only %d activities praise the time or plan the next one; the test finds too little to mean anything", found)
	}
	// Honest talk about how someone feels now is not celebrating.
	for _, id := range []string{"honest-feelings", "quick-check-in", "reassuring-words"} {
		if a := c.Activity(id); a == nil || slices.Contains(a.Tags, "celebrating") {
			t.Errorf("%s is tagged celebrating, so the quiet guard leaves it out", id)
		}
	}
}
