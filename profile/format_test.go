package profile

import (
	"strings"
	"testing"
)

func TestAnAnswerReadsOnFromWhatWasAsked(t *testing.T) {
	tests := []struct {
		prompt, said, want string
	}{
		{"Are you okay?", "Yes, I'm okay", "Are you okay? Yes, I'm okay"},
		{"A few words for Alex", "feeling a bit low, not your fault", "A few words for Alex: feeling a bit low, not your fault"},
		{"Anything else:", "tea", "Anything else: tea"},
		{"", "tea", " tea"},
	}
	for _, tt := range tests {
		if got := promptAndSaid(Shared{Prompt: tt.prompt, Said: tt.said}); got != tt.want {
			t.Errorf("%q, %q: %q, want %q", tt.prompt, tt.said, got, tt.want)
		}
	}
}

// The figures read aloud say how someone felt in numbers, not as bars.
func TestSpokenFiguresSayHowSomeoneFeltInNumbers(t *testing.T) {
	st := Stats{People: []PersonStats{{Name: "Sam", Checkins: 3, Felt: []Felt{{Mood: 2}, {Mood: 4}, {Mood: 3.5}}}}}
	spoken := SpokenStats(st)
	if !strings.Contains(spoken, "How they felt: 2, 4, 3.5  (1 low to 5 good; lately 3.5)") || strings.ContainsAny(spoken, "▁▂▃▅▇") {
		t.Errorf("spoken figures:\n%s", spoken)
	}
	if drawn := FormatStats(st); !strings.Contains(drawn, "▂▅") {
		t.Errorf("drawn figures:\n%s", drawn)
	}
}
