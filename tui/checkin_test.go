package tui

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/flow"
	"github.com/aftercare-tui/aftercare/profile"
)

// questions counts the check-in questions of a mode.
func questions(mode catalog.Mode) int { return len(testCatalog().QuestionsFor("after", mode)) }

func TestPressingEnterThroughATogetherCheckinSavesIt(t *testing.T) {
	t.Parallel()
	for _, names := range [][]string{{"Sam", "Alex"}, {"Sam", "Alex", "Kai"}} {
		t.Run(strings.Join(names, "+"), func(t *testing.T) {
			t.Parallel()
			w := newWorld(t)
			r := start(t, withNames(w.opts, names...), 100, 30)
			r.sees("What kind of time was it?")
			r.enter(1)
			for _, name := range names {
				r.sees(name+"'s turn", "pass the laptop to "+name)
				r.enter(1 + questions(catalog.Together))
				r.sees("What may the others see?")
				r.enter(1)
			}
			r.sees("What you shared", "What might help now", "Why:")
			r.enter(1).sees("What will you do?")
			r.enter(1).sees("Anything to remember")
			r.enterUntil("Would anyone like a check-in tomorrow?")
			r.enter(1).sees("Take good care of each other.", "Saved to your history.")
			sessions := w.sessions(t)
			if len(sessions) != 1 {
				t.Fatalf("%d sessions saved", len(sessions))
			}
			s := sessions[0]
			if !slices.Equal(s.People, names) || s.Mode != "together" || len(s.Chosen) != 1 || !s.Started.Equal(testStart) {
				t.Errorf("session %+v", s)
			}
			for _, name := range names {
				if len(s.Shared[name]) == 0 {
					t.Errorf("%s shared nothing by default: %+v", name, s.Shared)
				}
				for _, a := range s.Shared[name] {
					if a.Question == "safe" {
						t.Errorf("%s's answer about safety was shared without being ticked", name)
					}
				}
			}
			r.enter(1).sees("Check in together")
		})
	}
}

func withNames(o Options, names ...string) Options {
	o.Start.Names = names
	return o
}

// A name typed one slip from a saved profile's is asked about before the
// check-in starts: Sam, typed "Sma", would otherwise be offered what he
// never wants.
func TestANameOneSlipFromASavedProfileIsAskedAbout(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		keys []string
		want string
	}{
		{nil, "Sma"},
		{[]string{"down"}, "Sam"},
	} {
		w := newWorld(t)
		r := start(t, withSam(t, w), 100, 30)
		r.keys("t", "tab").typeText("Sma, Alex").enter(1)
		r.sees("Did you mean Sam?", "No saved profile is called Sma.", "No, Sma is someone else", "Yes, I meant Sam")
		r.keys(tc.keys...).enter(1).sees("What kind of time was it?")
		r.enter(1).sees(tc.want + "'s turn")
		if got := r.m.c.round().People[0]; got.Name != tc.want || (got.Profile != nil) != (tc.want == "Sam") {
			t.Errorf("answering with %v began with %+v", tc.keys, got)
		}
	}
}

func TestPressingEnterThroughACheckinAlone(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	r := start(t, w.opts, 100, 30)
	r.keys("a").sees("What kind of time was it?", "On my own")
	r.enter(1).sees("alone · 1 of", "Am I okay right now?")
	r.doesNotSee("turn")
	r.enter(questions(catalog.Solo)).sees("Nothing to share", "You left every question open")
	r.enter(1).sees("Ideas for looking after yourself", "Why: gives comfort")
	r.doesNotSee("What you shared")
	r.enter(1).sees("What will you do?")
	r.enter(1).sees("A note for your journal?")
	r.typeText("slept well").enter(1).sees("Would you like a check-in tomorrow?")
	r.enter(1).sees("Take good care of yourself.")
	s := w.sessions(t)[0]
	if s.Mode != "solo" || !slices.Equal(s.People, []string{flow.SoloGuest}) || s.Note != "slept well" {
		t.Errorf("session %+v", s)
	}
}

func TestANotSafeAnswerShowsSupportToThatPersonAlone(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.opts.Config.Region = "US"
	r := start(t, withNames(w.opts, "Sam", "Alex"), 100, 30)
	r.enter(2).sees("Are you okay?")
	r.enter(1).sees("Do you feel safe right now?")
	r.keys("down", "down", "down", "down").enter(1)
	r.sees("Thank you for saying so.", "Call 911", "RAINN", "800-656-4673", "Ask for some space")

	r.keys("down").enter(1).sees("check on you tomorrow?", "may see that a follow-up is waiting, never whose")
	r.enter(1).sees("Before you pass the laptop on", "nothing with more than light touch", "is told why")
	r.enter(1)
	r.sees("Alex's turn")
	r.doesNotSee("safe")
	r.doesNotSee("Sam")
	r.enter(1 + questions(catalog.Together) + 1)
	r.sees("Sam", "Asked for some space.")
	r.doesNotSee("don't feel safe")
	r.enterUntil("Thank you for checking in.")
	s := w.sessions(t)[0]
	if got := s.Shared["Sam"]; len(got) != 1 || got[0].Said != "Asked for some space." {
		t.Errorf("Sam's shared answers %+v", got)
	}
}

func TestEndingQuietlySavesNothingAndSaysOnlyThatItEnded(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	r := start(t, withNames(w.opts, "Sam", "Alex"), 100, 30)
	r.enter(3).keys("down", "down", "down", "down").enter(1)
	r.keys("down", "down").enter(2)
	r.sees("The check-in has ended.", "Nothing from it is in the history.")
	r.doesNotSee("gentle")
	r.doesNotSee("Sam")
	r.doesNotSee("safe")
	r.enter(1).sees("Check in together")
	if got := w.sessions(t); len(got) != 0 {
		t.Errorf("%d sessions saved after ending quietly", len(got))
	}
}

// A check-in on oneself tomorrow, asked for privately, is saved apart and
// stands when the check-in ends here: the words that end it never say that
// nothing was kept, and together they say nothing of it either.
func TestEndingQuietlyAfterAskingForTomorrowSaysWhatWasKept(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		names []string
		says  string
	}{
		{[]string{"Sam", "Alex"}, "Nothing from it is in the history."},
		{[]string{"Sam"}, "Only tomorrow's check-in on you was kept."},
	} {
		w := newWorld(t)
		r := start(t, withNames(w.opts, tc.names...), 100, 30)
		r.enterUntil("feel safe right now?").keys("down", "down", "down", "down").enter(1)
		// End it, then yes to tomorrow.
		end := 2
		if len(tc.names) == 1 {
			end = 1
		}
		r.keys(slices.Repeat([]string{"down"}, end)...).enter(1)
		r.sees("check on you tomorrow")
		r.keys("down").enter(1).sees("Saved.")
		r.enter(1).sees(tc.says)
		r.doesNotSee("Nothing was saved")
		r.doesNotSee("Nothing from it was saved")
		if got := w.sessions(t); len(got) != 1 || got[0].FollowUp == nil {
			t.Errorf("%v: saved %+v, want the private follow-up alone", tc.names, got)
		}
	}
}

func TestAPrivateAnswerAppearsOnNoLaterScreenAndInNoFile(t *testing.T) {
	t.Parallel()
	const secret = "a secret wish about next time"
	w := newWorld(t)
	r := start(t, withNames(w.opts, "Sam", "Alex"), 100, 30)
	r.enter(2)
	r.enterUntil("different next time")
	r.typeText(secret).sees(secret)
	r.enter(1).sees("What may the others see?", secret)
	r.enter(1)
	// From here on, every screen of the check-in.
	r.enterUntil("Check in together", "secret wish")
	err := filepath.Walk(w.store.Dir(), func(path string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if strings.Contains(string(data), "secret wish") {
			t.Errorf("%s holds the private answer", path)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(w.sessions(t)) != 1 {
		t.Error("the check-in was not saved")
	}
}

func TestCtrlCAsksFirstWhenSomethingIsUnsaved(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	r := start(t, w.opts, 100, 30)
	r.keys("ctrl+c")
	if !r.quit {
		t.Fatal("ctrl+c on the home screen did not quit at once")
	}

	r = start(t, withNames(w.opts, "Sam", "Alex"), 100, 30)
	r.enter(3).keys("ctrl+c")
	if r.quit {
		t.Fatal("ctrl+c quit in the middle of a check-in without asking")
	}
	r.sees("Leave aftercare now?", "What has not been saved yet will be lost.")
	r.keys("n").sees("Do you feel safe right now?")
	r.keys("ctrl+c", "y")
	if !r.quit {
		t.Fatal("answering y did not quit")
	}
}

func TestAFailedSaveIsShownAndCanBeTriedAgain(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	blocker := filepath.Join(t.TempDir(), "not-a-folder")
	if err := os.WriteFile(blocker, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	w.opts.Store = profile.Open(filepath.Join(blocker, "data"), testCatalog(), true)
	r := start(t, withNames(w.opts, "Kai"), 100, 30)
	r.enter(1+questions(catalog.Solo)+1+1+2).sees("Remember anyone as a person?", "Kai")
	r.enter(2).sees("This check-in could not be saved.", "cannot keep its data", "try again")
	// The path may wrap anywhere on the screen; the error shown names it.
	if s, ok := r.m.current.(*saving); !ok || !strings.Contains(s.err.Error(), "not-a-folder") {
		t.Errorf("the screen is %T, not the failed save naming its folder", r.m.current)
	}
	if !r.m.current.unsaved() {
		t.Error("a failed save does not count as unsaved work")
	}
	if err := os.Remove(blocker); err != nil {
		t.Fatal(err)
	}
	r.enter(1).sees("Take good care of yourself.")
}

func TestGuestsAreRememberedOnlyWhenAsked(t *testing.T) {
	t.Parallel()
	w := newWorld(t, &profile.Profile{Name: "Sam", Never: []string{"kissing"}})
	r := start(t, withNames(w.opts, "sam", "Robin"), 100, 30)
	r.enter(1 + 2*(2+questions(catalog.Together)) + 3)
	r.sees("Remember anyone as a person?", "Robin")
	r.doesNotSee("[ ] Sam")
	r.keys("space").enter(2)
	if p, err := w.store.Profile("Robin"); err != nil || p.Name != "Robin" {
		t.Errorf("Robin was not remembered: %v", err)
	}
	if s := w.sessions(t)[0]; !slices.Equal(s.People, []string{"Sam", "Robin"}) {
		t.Errorf("people %v, want the profile's own spelling of Sam", s.People)
	}
}

// An answer that is one long word, such as a link, is cut to the width
// where it is asked what to keep, as much of it as fits, never left out,
// and shown whole under the list while the cursor is on it: the person
// must see what they are choosing to keep.
func TestProgramShowsALongUnbrokenAnswerWhereItAsksWhatToKeep(t *testing.T) {
	t.Parallel()
	link := "https://example.com/aftercare/" + strings.Repeat("x", 70)
	asked := testCatalog().QuestionsFor("after", catalog.Solo)
	at := slices.IndexFunc(asked, func(q catalog.Question) bool { return q.Kind == catalog.Text })
	if at < 0 {
		t.Fatal("no question alone takes words")
	}
	for _, size := range [][2]int{{100, 30}, {40, 12}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			t.Parallel()
			p := runProgram(t, withNames(newWorld(t).opts, "Sam"), size[0], size[1])
			p.enter(1 + at)
			p.waitFor(fmt.Sprintf("alone · %d of %d", at+1, len(asked)))
			p.typeText(link)
			p.enter(len(asked) - at)
			p.waitFor("What should your history keep?")
			p.waitFor("https://example.com/aftercare/x")
			screen, listed := p.screen(), false
			for _, line := range strings.Split(screen, "\n") {
				if lipgloss.Width(line) > size[0] {
					t.Errorf("%q is wider than %d columns", line, size[0])
				}
				if !strings.Contains(line, "] ") || !strings.Contains(line, "https://") {
					continue
				}
				listed = true
				if shown := strings.TrimSpace(line); !strings.HasSuffix(shown, "…") {
					t.Errorf("the answer shows as %q at %dx%d", line, size[0], size[1])
				}
			}
			if !listed {
				t.Errorf("the answer is not among those to keep:\n%s", screen)
			}
			if whole := strings.Join(strings.Fields(screen), ""); !strings.Contains(whole, link) {
				t.Errorf("the whole answer is nowhere on the screen:\n%s", screen)
			}
			p.quit()
		})
	}
}

// An idea too long for a small window ends in an ellipsis, cut between
// words, so that nobody takes half a title for the whole of it.
func TestProgramCutsALongIdeaWithAnEllipsisOnASmallScreen(t *testing.T) {
	t.Parallel()
	const title = "Check on everyone you played with"
	r := start(t, withNames(newWorld(t).opts, "Sam", "Alex"), 40, 12)
	for range 20 {
		if strings.Contains(r.screen(), "» A play party or group") {
			break
		}
		r.keys("down")
	}
	r.enter(1 + 2*(2+questions(catalog.Together)) + 1).sees("What will you do?")
	cut := false
	for range 10 {
		for _, line := range strings.Split(r.screen(), "\n") {
			if lipgloss.Width(line) > 40 {
				t.Errorf("%q is wider than the screen", line)
			}
			if strings.Contains(line, "Check on everyone") {
				shown := strings.TrimSpace(line)
				cut = strings.HasSuffix(shown, "…") && strings.HasPrefix(title, strings.TrimSuffix(shown[strings.Index(shown, "Check"):], "…"))
			}
		}
		if cut {
			return
		}
		r.keys("down")
	}
	t.Fatalf("%q is not shown cut with an ellipsis:\n%s", title, r.screen())
}

// A single choice's answer is never cut: huh wraps it, so a crisis
// answer reads whole at the smallest width.
func TestASingleChoiceAnswerIsWrappedNotCut(t *testing.T) {
	t.Parallel()
	r := start(t, withNames(newWorld(t).opts, "Sam", "Alex"), minWidth+1, 12)
	r.enter(2+9).sees("Was any boundary crossed?", "Yes, something crossed a")
	r.doesNotSee("…")
}

// A question wraps once, to the width: a word is never left alone on a
// line because huh let the line before it run a column too far.
func TestQuestionsWrapToTheWidthOnce(t *testing.T) {
	t.Parallel()
	for width := minWidth; width <= 40; width++ {
		for _, from := range []int{width, 100} {
			// Opened at one width, each question is resized to this one
			// before it is read.
			r := start(t, withNames(newWorld(t).opts, "Sam", "Alex"), from, 30)
			for step := 0; step < 2+questions(catalog.Together); step++ {
				r.send(tea.WindowSizeMsg{Width: width, Height: 12})
				for _, line := range strings.Split(r.screen(), "\n") {
					if words := strings.Fields(line); len(words) == 1 && strings.HasSuffix(words[0], ",") {
						t.Fatalf("at %d columns, opened at %d, %q is alone on a line:\n%s", width, from, words[0], r.screen())
					}
				}
				r.send(tea.WindowSizeMsg{Width: from, Height: 30})
				r.enter(1)
			}
		}
	}
	// Grown again, a question reads on one line where it fits.
	r := start(t, withNames(newWorld(t).opts, "Sam", "Alex"), minWidth, 12)
	r.enter(2 + 6)
	r.sees("Would you like to stay")
	r.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	r.sees("Would you like to stay close, or would some space feel better?")
}

// A list follows the window as it changes: a multiple choice's options
// are cut to the new width, and after growing and shrinking again the
// cursor, and the line saying more are above, are still on the screen.
func TestChoicesFollowTheWindowAsItChanges(t *testing.T) {
	t.Parallel()
	small, large := tea.WindowSizeMsg{Width: 30, Height: 14}, tea.WindowSizeMsg{Width: 100, Height: 30}
	r := start(t, withNames(newWorld(t).opts, "Sam", "Alex"), small.Width, small.Height)
	r.enter(2 + 2).sees("How are you feeling?")
	r.keys("down", "down", "space")
	for range 10 {
		r.keys("down")
	}
	r.sees("» [ ] Drained, running on…")
	r.send(large).sees("» [ ] Drained, running on empty", "[x] Tender, a bit open")
	r.doesNotSee("running on…")
	r.send(small).sees("» [ ] Drained, running on…", "↑ more above")
	r.keys("space").sees("» [x] Drained, running on…")
	r.send(large).sees("[x] Tender, a bit open", "» [x] Drained, running on empty")

	one := start(t, withNames(newWorld(t).opts, "Sam", "Alex"), 30, 11)
	one.enter(2).sees("Are you okay?")
	for range 5 {
		one.keys("down")
	}
	one.sees("» No, not really", "↑ more above")
	one.send(large).sees("I'd rather not say", "» No, not really")
	one.doesNotSee("more above")
	one.send(tea.WindowSizeMsg{Width: 30, Height: 11}).sees("» No, not really", "↑ more above")
}

func TestTruncateKeepsAsMuchAsFits(t *testing.T) {
	t.Parallel()
	link := "https://example.com/" + strings.Repeat("x", 80)
	for _, c := range []struct {
		name, in string
		width    int
		want     string
	}{
		{"a line that fits stays whole", "Sam and Alex", 20, "Sam and Alex"},
		{"words are cut between words", "a warm drink and a blanket", 16, "a warm drink…"},
		{"one long word is cut within it", link, 12, "https://exa…"},
		{"a long word after a short one is cut within it", "said: " + link, 16, "said: https://e…"},
		{"a header is not cut after a separator", "aftercare · together · what fits everyone", 24, "aftercare · together…"},
		{"a wide character is not cut in two", "界界界界界界", 6, "界界…"},
		{"a run of spaces is one space", "ab   " + link, 10, "ab https:…"},
		{"one column holds the ellipsis", link, 1, "…"},
		{"no columns hold nothing", link, 0, ""},
		{"less than none holds nothing", link, -3, ""},
	} {
		got := truncate(c.in, c.width)
		if got != c.want || lipgloss.Width(got) > max(c.width, 0) {
			t.Errorf("%s: truncate(%q, %d) = %q, want %q", c.name, c.in, c.width, got, c.want)
		}
	}
}

// A hand-off taller than a small screen says how to read the rest, and r
// shows it all: the line cut off its foot may be the one that matters.
func TestAHandoffTallerThanTheScreenCanBeReadWhole(t *testing.T) {
	t.Parallel()
	r := start(t, withNames(newWorld(t).opts, "Sam", "Alex"), minWidth, minHeight)
	for range 20 {
		if strings.Contains(r.screen(), "» Apart") {
			break
		}
		r.keys("down")
	}
	r.enter(1).sees("Sam's turn", "… r to read it all")
	r.doesNotSee("is always a fine")
	r.keys("r").keys(slices.Repeat([]string{"down"}, 10)...).sees("is always a fine")
	r.enter(1).sees("Sam's turn", "… r to read it all")
}
