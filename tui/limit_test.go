package tui

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/flow"
	"github.com/charmbracelet/x/exp/golden"
)

// firstText is where the first question asked in writing comes, alone.
func firstText(t *testing.T) int {
	t.Helper()
	i := slices.IndexFunc(testCatalog().QuestionsFor("after", catalog.Solo), func(q catalog.Question) bool { return q.Kind == catalog.Text })
	if i < 0 {
		t.Fatal("no question is asked in writing")
	}
	return i
}

func paste(s string) tea.PasteMsg { return tea.PasteMsg{Content: s} }

func TestProgramSaysWhenAPasteIntoAnAnswerWasCut(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	p := runProgram(t, w.opts, 100, 30)
	p.press("a")
	p.enter(1 + firstText(t))
	p.waitFor("What felt good to me?")
	p.tm.Send(paste(strings.Repeat("warm ", 2000)))
	p.waitFor("Your paste was cut short: 1,000 characters at most here.")
	// Without its escapes, so that the cursor's blink does not show.
	golden.RequireEqual(t, p.screen())
	p.press("backspace")
	p.waitFor("999 of 1,000 characters")
	p.press("enter")
	p.waitFor("What didn't feel good")
	// Back again, the question shows the answer it keeps.
	p.press("esc")
	p.waitFor("What felt good to me?")
	p.press("ctrl+c")
	p.waitFor("Leave aftercare now?")
	p.press("y")
	m := p.final()
	var answer string
	if s, ok := m.current.(*formScreen); ok {
		answer, _ = s.field.GetValue().(string)
	}
	if utf8.RuneCountInString(answer) != 999 || !strings.HasPrefix(answer, "warm warm") {
		t.Errorf("the answer kept %d characters, want the first 1,000 less the one deleted", utf8.RuneCountInString(answer))
	}
}

func TestACountShowsAsAFieldNearsItsLimit(t *testing.T) {
	t.Parallel()
	r := start(t, newWorld(t).opts, 100, 30)
	r.keys("a").enter(1 + firstText(t))
	r.send(paste(strings.Repeat("a", 899)))
	r.doesNotSee("characters")
	r.typeText("b").sees("900 of 1,000 characters")
	r.doesNotSee("cut short")
	// A wide character is one character, as the answer keeps it.
	r.send(paste(strings.Repeat("界", 100))).sees("1,000 of 1,000 characters")
	r.doesNotSee("cut short")
	r.typeText("x").sees("1,000 of 1,000 characters")
	r.keys("ctrl+j").sees("1,000 of 1,000 characters")
	if s, _ := r.m.current.(*formScreen).field.GetValue().(string); utf8.RuneCountInString(s) != 1000 || strings.Contains(s, "x") {
		t.Errorf("a full answer took more: %d characters", utf8.RuneCountInString(s))
	}
	r.send(paste("more")).sees("Your paste was cut short: 1,000 characters at most here.")
	r.keys("backspace").sees("999 of 1,000 characters")
}

func TestAPasteIntoANoteIsCutToTwoThousand(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	r := start(t, w.opts, 100, 30)
	r.keys("a").enterUntil("A note for your journal?")
	r.send(paste(strings.Repeat("0123456789", 1000))).sees("Your paste was cut short: 2,000 characters at most here.")
	r.enterUntil("Take good care of yourself.")
	if s := w.sessions(t); len(s) != 1 || len(s[0].Note) != 2000 {
		t.Errorf("saved %+v, want one check-in with a note of 2,000 characters", s)
	}
}

func TestAPasteOfNamesThatFitsIsNotCut(t *testing.T) {
	t.Parallel()
	r := start(t, newWorld(t).opts, 100, 30)
	r.keys("t").sees("Who is here?")
	r.send(paste("Sam,\r\nAlex\t")).sees("Sam, Alex")
	r.doesNotSee("cut short")
	r.send(paste(strings.Repeat("Kai, ", flow.NamesLimit))).sees("Your paste was cut short: " + catalog.Thousands(flow.NamesLimit) + " characters at most here.")
}

func TestAOneLineFieldSurvivesDeletingAWordForward(t *testing.T) {
	t.Parallel()
	r := start(t, newWorld(t).opts, 100, 30)
	r.keys("t").typeText("Sam Alex")
	r.send(tea.KeyPressMsg{Code: tea.KeyLeft}, tea.KeyPressMsg{Code: 'd', Mod: tea.ModAlt},
		tea.KeyPressMsg{Code: tea.KeyDelete, Mod: tea.ModCtrl}, tea.KeyPressMsg{Code: tea.KeyDelete, Mod: tea.ModAlt})
	r.sees("Sam Alex")
}

func TestFitTextCountsCharacters(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, text string
		room       int
		fitted     string
		cut        bool
	}{
		{"what fits is whole", "abc", 3, "abc", false},
		{"the rest is cut", "abcdef", 4, "abcd", true},
		{"no room at all", "abc", 0, "", true},
		{"a wide character is one", "界界界", 3, "界界界", false},
		{"a line break counts one", "a\nb", 3, "a\nb", false},
		{"never more characters than room", "e\u0301e\u0301", 3, "e\u0301", true},
		{"an emoji is never split", "ok👍🏽", 3, "ok", true},
	}
	for _, tt := range tests {
		if fitted, cut := fitText(tt.text, tt.room); fitted != tt.fitted || cut != tt.cut {
			t.Errorf("%s: fitText(%q, %d) = %q, %v; want %q, %v", tt.name, tt.text, tt.room, fitted, cut, tt.fitted, tt.cut)
		}
	}
}

func TestCleanPasteDoesWhatTheFieldWould(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text    string
		oneLine bool
		want    string
	}{
		{"a\r\nb\rc\nd", false, "a\nb\nc\nd"},
		{"a\tb", false, "a    b"},
		{"a\r\nb\tc", true, "a b c"},
		{"bell\a esc\x1b[2J", false, "bell esc[2J"},
		{"she\u2028her\u2029", true, "she her "},
		{"first\u2028second", false, "first\nsecond"},
	}
	for _, tt := range tests {
		if got := cleanPaste(tt.text, tt.oneLine); got != tt.want {
			t.Errorf("cleanPaste(%q, %v) = %q, want %q", tt.text, tt.oneLine, got, tt.want)
		}
	}
}
