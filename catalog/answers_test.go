package catalog

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
)

func TestWhatAnAnswerImplies(t *testing.T) {
	c := defaultsForTest(t)
	tests := []struct {
		question string
		answer   Answer
		needs    map[string]int
		avoid    []string
		support  string
		guard    bool
		private  bool
		said     string
		given    bool
	}{
		{"okay", Answer{Choices: []string{"okay"}}, nil, nil, "", false, false, "Yes, I'm okay", true},
		{"okay", Answer{Choices: []string{"rather-not-say"}}, nil, nil, "", false, false, "I'd rather not say", false},
		{"okay", Answer{Choices: []string{"not-okay"}}, map[string]int{"comfort": 3, "reassurance": 3}, nil, SupportLow, false, true, "No, not really", true},
		{"safe", Answer{Choices: []string{"safe"}}, nil, nil, "", false, true, "Yes, I feel safe", true},
		{"safe", Answer{Choices: []string{"rather-not-say"}}, nil, nil, "", false, true, "I'd rather not say", false},
		{"safe", Answer{Choices: []string{"mostly"}}, nil, nil, "", true, true, "Mostly, but a bit uneasy", true},
		{"safe", Answer{Choices: []string{"not-sure"}}, nil, nil, SupportUnsafe, true, true, "I'm not sure", true},
		{"safe", Answer{Choices: []string{"not-safe"}}, map[string]int{"space": 3}, []string{"water", "outside"}, SupportUnsafe, true, true, "No, I don't feel safe", true},
		{"boundary", Answer{Choices: []string{"rather-not-say"}}, nil, nil, "", false, true, "", false},
		{"boundary", Answer{Choices: []string{"not-sure"}}, nil, nil, "", true, true, "", true},
		{"boundary", Answer{Choices: []string{"yes"}}, nil, []string{"water", "outside"}, SupportUnsafe, true, true, "Yes, something crossed a line", true},
		{"followup-low", Answer{Choices: []string{"quite-a-bit"}}, nil, nil, SupportLow, false, true, "Yes, quite a bit", true},
		{"followup-drop", Answer{Choices: []string{"guilty"}}, map[string]int{"reassurance": 3}, nil, SupportLow, false, true, "I feel guilty or unsure about it", true},
		{"feeling", Answer{Choices: []string{"tired", "sad"}}, map[string]int{"rest": 3, "comfort": 3, "reassurance": 3}, nil, "", false, false, "Tired; Sad or teary", true},
		{"feeling", Answer{Choices: []string{}}, nil, nil, "", false, false, "nothing chosen", false},
		{"avoid-now", Answer{Choices: []string{"touch", "music-screens"}}, nil, []string{"touch", "music", "screens"}, "", false, false, "", true},
		{"close-or-space", Answer{Choices: []string{"space"}}, map[string]int{"space": 3}, nil, "", false, false, "", true},
		{"followup-now", Answer{Scale: 1}, nil, nil, SupportLow, false, true, "1 of 5 (Really low)", true},
		{"followup-now", Answer{Scale: 2}, nil, nil, SupportLow, false, true, "2 of 5", true},
		{"followup-now", Answer{Scale: 3}, nil, nil, "", false, false, "3 of 5", true},
		{"followup-now", Answer{}, nil, nil, "", false, false, "I'd rather not say", false},
		{"followup-now", Answer{Scale: 6}, nil, nil, "", false, false, "I'd rather not say", false},
		{"reflect-good", Answer{Text: "  the quiet after  "}, nil, nil, "", false, false, "the quiet after", true},
		{"reflect-good", Answer{Text: " "}, nil, nil, "", false, false, "", false},
		{"reflect-not-good", Answer{Text: "the rush"}, nil, nil, "", false, true, "the rush", true},
	}
	for _, tt := range tests {
		t.Run(tt.question+"="+tt.said, func(t *testing.T) {
			q := c.Question(tt.question)
			if q == nil {
				t.Fatalf("no question %q", tt.question)
			}
			got := q.Implied(tt.answer)
			for need, weight := range tt.needs {
				if got.Needs.Of(need) != weight {
					t.Errorf("need %s = %d, want %d (all: %v)", need, got.Needs.Of(need), weight, got.Needs)
				}
			}
			if tt.avoid != nil && !slices.Equal(got.Avoid, tt.avoid) {
				t.Errorf("avoid %v, want %v", got.Avoid, tt.avoid)
			}
			if got.Support != tt.support || got.Guard != tt.guard {
				t.Errorf("support %q and guard %v, want %q and %v", got.Support, got.Guard, tt.support, tt.guard)
			}
			if p := q.PrivateByDefault(tt.answer); p != tt.private {
				t.Errorf("private by default %v, want %v", p, tt.private)
			}
			if tt.said != "" && q.Said(tt.answer) != tt.said {
				t.Errorf("said %q, want %q", q.Said(tt.answer), tt.said)
			}
			if q.Given(tt.answer) != tt.given {
				t.Errorf("given %v, want %v", q.Given(tt.answer), tt.given)
			}
		})
	}
}

func TestPromptForFitsOnePersonTwoOrAGroup(t *testing.T) {
	c := defaultsForTest(t)
	tests := []struct {
		question string
		people   int
		want     string
	}{
		{"okay", 1, "Am I okay right now?"},
		{"okay", 2, "Are you okay?"},
		{"okay", 3, "Are you okay?"},
		{"partner-can-do", 2, "Is there anything your partner could do for you?"},
		{"partner-can-do", 3, "Is there anything the others could do for you?"},
		{"followup-need", 5, "Is there anything you need from the others now?"},
	}
	for _, tt := range tests {
		if got := c.Question(tt.question).PromptFor(tt.people); got != tt.want {
			t.Errorf("%s for %d: %q, want %q", tt.question, tt.people, got, tt.want)
		}
	}
}

func TestAskingForSpaceMeansSayingItClearly(t *testing.T) {
	tests := []struct {
		needs Weights
		want  bool
	}{
		{nil, false},
		{Weights{{"space", 1}}, false},
		{Weights{{"closeness", 1}, {"space", 1}}, false},
		{Weights{{"space", 2}}, true},
		{Weights{{"quiet", 3}, {"space", 3}}, true},
	}
	for _, tt := range tests {
		if got := AsksForSpace(tt.needs); got != tt.want {
			t.Errorf("AsksForSpace(%v) = %v, want %v", tt.needs, got, tt.want)
		}
	}
}

func TestAPlansAnswerCarriesOverWhereTheOptionsMatch(t *testing.T) {
	c := defaultsForTest(t)
	tests := []struct {
		from, to string
		answer   Answer
		want     []string
	}{
		{"plan-close-or-space", "close-or-space", Answer{Choices: []string{"space"}}, []string{"space"}},
		{"plan-avoid", "avoid-now", Answer{Choices: []string{"kissing", "praise", "sleep"}}, []string{"kissing", "praise"}},
		{"plan-avoid", "avoid-now", Answer{Choices: []string{"sleep"}}, nil},
		{"plan-close-or-space", "avoid-now", Answer{Choices: []string{"touch"}}, nil},
	}
	for _, tt := range tests {
		got, ok := c.Question(tt.to).Carry(c.Question(tt.from), tt.answer)
		if ok != (tt.want != nil) || !slices.Equal(got.Choices, tt.want) {
			t.Errorf("%s %v to %s: %v, %v; want %v", tt.from, tt.answer.Choices, tt.to, got.Choices, ok, tt.want)
		}
	}
	if !c.Question("plan-followup").Implied(Answer{Choices: []string{"yes"}}).Followup {
		t.Error("yes to a check-in tomorrow does not ask for a follow-up")
	}
}

func TestAScaleLeftOnRatherNotSaySaysNothing(t *testing.T) {
	tests := []struct {
		name      string
		scale     string
		supportTo int
		def       string // as written; "" for none
		start     int    // where the question starts
		given     bool   // whether that start says anything
	}{
		{"one to five without a default", "[1, 5]", 2, "", 0, false},
		{"nought to ten without a default", "[0, 10]", 3, "", -1, false},
		{"below nought without a default", "[-3, 3]", 1, "", -4, false},
		{"one to five starting on four", "[1, 5]", 2, "4", 4, true},
		{"nought to ten starting on nought", "[0, 10]", 0, "0", 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := "questions:\n  - id: how\n    phase: followup\n    audience: solo\n    kind: scale\n    prompt: How am I?\n    low: Low\n    scale: " + tt.scale + "\n"
			if tt.supportTo > 0 {
				text += "    support_up_to: " + strconv.Itoa(tt.supportTo) + "\n"
			}
			if tt.def != "" {
				text += "    default: " + tt.def + "\n"
			}
			c, err := LoadPaths(userFile(t, t.TempDir(), "mine.yaml", text))
			if err != nil {
				t.Fatal(err)
			}
			q := c.Question("how")
			if q.Default.Scale != tt.start || q.Given(q.Default) != tt.given {
				t.Fatalf("starts on %d (given %v), want %d (given %v)", q.Default.Scale, q.Given(q.Default), tt.start, tt.given)
			}
			if tt.given {
				return
			}
			if said := q.Said(q.Default); said != RatherNotSay {
				t.Errorf("said %q", said)
			}
			if got := q.Implied(q.Default); got.Support != "" || got.Guard {
				t.Errorf("saying nothing implies %+v", got)
			}
			if q.PrivateByDefault(q.Default) || q.Mood(q.Default) != 0 {
				t.Errorf("saying nothing is private by default %v, mood %v", q.PrivateByDefault(q.Default), q.Mood(q.Default))
			}
			if _, ok := q.Carry(q, q.Default); ok {
				t.Error("saying nothing carries over as an answer")
			}
			if js, _ := json.Marshal(q); !strings.Contains(string(js), `"default":null`) {
				t.Errorf("written out as %s", js)
			}
			lowest := Answer{Scale: q.Scale.Min}
			if !q.Given(lowest) || q.Mood(lowest) != 1 || q.Said(lowest) != fmt.Sprintf("%d of %d (Low)", q.Scale.Min, q.Scale.Max) {
				t.Errorf("the lowest point is given %v, mood %v, said %q", q.Given(lowest), q.Mood(lowest), q.Said(lowest))
			}
			if tt.supportTo > 0 && q.Implied(lowest).Support != SupportLow {
				t.Error("the lowest point brings up no support")
			}
		})
	}
}

func TestTheFollowUpStartsOnRatherNotSay(t *testing.T) {
	q := defaultsForTest(t).Question("followup-now")
	if q.Given(q.Default) {
		t.Errorf("followup-now starts on %q, which says something", q.Said(q.Default))
	}
}
