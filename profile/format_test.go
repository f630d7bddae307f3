package profile

import (
	"strings"
	"testing"
	"time"

	"github.com/aftercare-tui/aftercare/catalog"
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

// Ratings are given in a follow-up, so the listing says them there, with
// what each person shared: someone who shared only a rating did not share
// nothing.
func TestAFollowUpListsEachPersonsRatingsWithWhatTheyShared(t *testing.T) {
	sess := session("s1", testStart, "Sam", "Alex")
	sess.Chosen = []string{"make-tea"}
	done := testStart.Add(24 * time.Hour)
	sess.FollowUp = &FollowUp{For: []string{"Sam", "Alex"}, Done: &done, Shared: map[string][]Shared{}}
	sess.Ratings = []Rating{{Person: "sam", Activity: "make-tea", Rating: catalog.DidntHelp}}
	text := FormatSession(testCatalog(), sess)
	_, followUp, ok := strings.Cut(text, "Followed up")
	if !ok {
		t.Fatalf("no follow-up in the listing:\n%s", text)
	}
	if !strings.Contains(followUp, ":\n    sam found Make a warm drink: it didn't help\n    Alex shared nothing.\n") || strings.Contains(followUp, "Sam shared nothing") {
		t.Errorf("Sam's rating is not in Sam's place in the follow-up:\n%s", text)
	}
	if strings.Count(text, "sam found") != 1 {
		t.Errorf("the rating is said more than once:\n%s", text)
	}
	sess.FollowUp.Shared["Sam"] = []Shared{{Prompt: "How are you now?", Said: "tired"}}
	if text := FormatSession(testCatalog(), sess); !strings.Contains(text, "    Sam shared:\n      How are you now? tired\n    sam found Make a warm drink: it didn't help\n") {
		t.Errorf("Sam's rating does not follow what Sam shared:\n%s", text)
	}

	// A rating kept without a follow-up done (an old or imported record)
	// is still said, on its own line.
	sess.FollowUp = nil
	if text := FormatSession(testCatalog(), sess); !strings.Contains(text, "  sam found Make a warm drink: it didn't help\n") {
		t.Errorf("a rating without a follow-up is not listed:\n%s", text)
	}
}

func TestADateSaysItsYearOnlyWhenItIsNotThisOne(t *testing.T) {
	now := time.Date(2026, 12, 1, 10, 0, 0, 0, time.Local)
	for _, tt := range []struct {
		at     time.Time
		layout string
		want   string
	}{
		{time.Date(2026, 10, 20, 22, 10, 0, 0, time.Local), "Mon 2 Jan 15:04", "Tue 20 Oct 22:10"},
		{time.Date(2022, 10, 20, 22, 10, 0, 0, time.Local), "Mon 2 Jan 15:04", "Thu 20 Oct 2022 22:10"},
		{time.Date(2022, 10, 20, 22, 10, 0, 0, time.Local), "Mon 2 Jan, 15:04", "Thu 20 Oct 2022, 22:10"},
		{time.Date(2022, 10, 20, 22, 10, 0, 0, time.Local), "Monday 2 January", "Thursday 20 October 2022"},
		{time.Date(2026, 1, 2, 9, 0, 0, 0, time.Local), "Monday 2 January", "Friday 2 January"},
		{time.Date(2027, 1, 2, 9, 0, 0, 0, time.Local), "Monday 2 January", "Saturday 2 January 2027"},
	} {
		if got := Dated(tt.at, now, tt.layout); got != tt.want {
			t.Errorf("Dated(%v, %q) = %q, want %q", tt.at, tt.layout, got, tt.want)
		}
	}
}

// Alone, nothing is shared with anyone: the listing says what was kept.
func TestACheckinAloneSaysWhatWasKept(t *testing.T) {
	for _, tt := range []struct {
		mode    catalog.Mode
		shared  bool
		want    string
		wantNot string
	}{
		{catalog.Solo, false, "  Sam kept no answers.\n", "shared"},
		{catalog.Solo, true, "  Sam kept:\n    Are you okay? tired\n", "shared"},
		{catalog.Together, false, "  Sam shared nothing.\n", "kept"},
		{catalog.Together, true, "  Sam shared:\n    Are you okay? tired\n", "kept"},
	} {
		sess := session("s1", testStart, "Sam")
		sess.Mode, sess.Shared, sess.Ratings = string(tt.mode), map[string][]Shared{}, nil
		if tt.shared {
			sess.Shared["Sam"] = []Shared{{Prompt: "Are you okay?", Said: "tired"}}
		}
		text := FormatSession(testCatalog(), sess)
		if !strings.Contains(text, tt.want) || strings.Contains(text, tt.wantNot) {
			t.Errorf("%s, with answers %v:\n%s", tt.mode, tt.shared, text)
		}
	}
}
