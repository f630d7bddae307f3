package tui

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/plain"
	"github.com/aftercare-tui/aftercare/profile"
)

// These prove that what someone keeps private stays private, and that
// nothing stored or typed can act on the terminal.

// moveTo moves a list's cursor down to the line that begins with line.
func (r *run) moveTo(line string) *run {
	r.t.Helper()
	for steps := 0; !strings.Contains(r.screen(), "» "+line); steps++ {
		if steps > 20 {
			r.t.Fatalf("no line %q to move to:\n%s", line, r.screen())
		}
		r.keys("down")
	}
	return r
}

// dataFiles returns every byte aftercare wrote, file by file.
func dataFiles(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.Walk(dir, func(path string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		files[path], err = os.ReadFile(path)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestAPrivateRatingAppearsNowhere(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name                    string
		mode                    catalog.Mode
		names                   []string
		share, results          string
		rated, title, helpedSam string
	}{
		{"together", catalog.Together, []string{"Sam", "Alex"}, "What may the others see?", "What might help now",
			"reassuring-words", "Offer reassuring words", "helped Sam"},
		{"alone", catalog.Solo, []string{"Sam"}, "What should your history keep?", "Ideas for looking after yourself",
			"make-tea", "Make a warm drink", "helped you"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			w := newWorld(t)
			var turns []profile.Turn
			for _, n := range tc.names {
				turns = append(turns, profile.Turn{Name: n})
			}
			of := profile.NewCheckinSession(testStart.Add(-24*time.Hour), tc.mode, "", turns, []string{tc.rated, "cuddle"}, "")
			of.FollowUp = &profile.FollowUp{For: tc.names}
			if err := w.store.SaveSession(of); err != nil {
				t.Fatal(err)
			}
			private := tc.title + ": it helped"
			r := start(t, withHistory(t, w, testStart), 100, 30)
			r.enter(1).enterUntil("How did “" + tc.title + "” go?")
			r.keys("down").enter(1).sees("How did “Cuddle up” go?")
			r.keys("down", "down", "down").enter(1)
			// Ratings are answers: listed, and ticked, like the others.
			r.sees(tc.share, "[x] "+private, "[x] Cuddle up: it didn't help")
			r.moveTo("[x] " + private).keys("space").sees("[ ] " + private)
			r.enter(1)
			if tc.mode == catalog.Together {
				r.enterUntil("What you shared", private).sees("Sam", "Cuddle up: it didn't help")
				r.doesNotSee(private)
			}
			r.enterUntil("Thank you for checking in again.", private)
			r.doesNotSee(private)

			saved := w.sessions(t)[0]
			want := []profile.Rating{{Person: "Sam", Activity: "cuddle", Rating: catalog.DidntHelp}}
			if !slices.Equal(saved.Ratings, want) {
				t.Errorf("ratings saved %+v, want only the shared one %+v", saved.Ratings, want)
			}
			for path, data := range dataFiles(t, w.store.Dir()) {
				if bytes.Contains(data, []byte(`"`+catalog.Helped+`"`)) {
					t.Errorf("%s holds the private rating:\n%s", path, data)
				}
			}

			later := start(t, withHistory(t, w, testStart.Add(time.Hour)), 100, 30)
			later.keys("h").sees("How it has gone")
			later.doesNotSee("helped: " + tc.title)
			later.enter(1).sees("Followed up", "Sam found Cuddle up: it didn't help")
			later.doesNotSee(private)

			next := start(t, withNames(withHistory(t, w, testStart.Add(time.Hour)), tc.names...), 100, 30)
			next.enterUntil(tc.results, tc.helpedSam)
			next.doesNotSee(tc.helpedSam)
			for _, s := range next.m.current.(*results).res.Result.Suggestions {
				if s.ID == tc.rated {
					if slices.ContainsFunc(s.Reasons, func(r string) bool { return strings.HasPrefix(r, "helped") }) {
						t.Errorf("a reason cites the private rating: %q", s.Reasons)
					}
					return
				}
			}
			t.Errorf("%s was not suggested, so its reasons prove nothing", tc.title)
		})
	}
}

// hostile holds what a hand-edited or imported file could: a window
// title, a screen clear, a colour never reset, a C1 escape and a link.
const hostile = "\x1b]0;owned\a \x1b[2J \x1b[31m \u009b6n \x1b]8;;https://example.invalid\x1b\\link\x1b]8;;\x1b\\"

// hostileWorld is a world whose profile, history and catalogue all hold
// hostile text, given to the program as the command would after loading.
func hostileWorld(t *testing.T) Options {
	t.Helper()
	w := newWorld(t)
	cat, err := catalog.Defaults()
	if err != nil {
		t.Fatal(err)
	}
	// The built-in lists are shared: these are copies.
	cat.Activities = slices.Clone(cat.Activities)
	cat.Resources = slices.Clone(cat.Resources)
	cat.Questions = slices.Clone(cat.Questions)
	for i := range cat.Activities {
		cat.Activities[i].Title += hostile
		cat.Activities[i].Summary += hostile
	}
	for i := range cat.Resources {
		cat.Resources[i].Name += hostile
		cat.Resources[i].How += hostile
	}
	for i := range cat.Questions {
		q := &cat.Questions[i]
		q.Prompt, q.Help, q.Placeholder = q.Prompt+hostile, q.Help+hostile, q.Placeholder+hostile
		q.Options = slices.Clone(q.Options)
		for j := range q.Options {
			q.Options[j].Label += hostile
		}
	}
	o := w.opts
	o.Catalog = cat
	o.Profiles = []*profile.Profile{{Name: "Sam" + hostile, Pronouns: hostile, Notes: hostile}}
	// A saved record holds no control character (it would not be read
	// back); what it names is drawn from the catalogue, which here is
	// hostile throughout.
	s := profile.NewCheckinSession(testStart.Add(-24*time.Hour), catalog.Together, "tender",
		[]profile.Turn{{Name: "Sam"}, {Name: "Alex"}}, []string{"make-tea"}, "tea, then sleep")
	s.Shared["Alex"] = []profile.Shared{{Question: "okay", Prompt: "Are you okay?", Said: "Yes"}}
	s.Ratings = []profile.Rating{{Person: "Sam", Activity: "make-tea", Rating: catalog.Helped}}
	s.FollowUp = &profile.FollowUp{For: []string{"Sam"}}
	if err := w.store.SaveSession(s); err != nil {
		t.Fatal(err)
	}
	history, err := w.store.Digest(testStart)
	if err != nil {
		t.Fatal(err)
	}
	o.History = history
	return o
}

// obeyable says what in a view a terminal would obey, other than the
// styles' own colours and weights; "" when nothing.
func obeyable(view string) string {
	rest := sgr.ReplaceAllString(view, "")
	for _, r := range rest {
		if r == 0x1b || r == 0x07 || r >= 0x80 && r < 0xa0 || r == utf8.RuneError {
			return strings.ToValidUTF8(rest, "?")
		}
	}
	return ""
}

func TestNoStoredTextReachesTheTerminalAsEscapes(t *testing.T) {
	t.Parallel()
	o := hostileWorld(t)
	o.NoColor = true
	p := runProgram(t, o, 100, 30, "NO_COLOR=1", "TERM=xterm-256color")
	p.waitFor("Would you like to do that now?")
	p.press("p")
	p.waitFor(`Sam\u001b]0;owned\u0007`)
	p.press("enter")
	p.waitFor("people · Sam")
	p.press("esc", "esc", "h")
	p.waitFor("How it has gone")
	p.press("enter")
	p.waitFor("Note: ")
	p.press("esc", "esc", "s")
	p.waitFor("Support, whenever")
	p.press("enter", "a")
	p.waitFor("Who is checking in?")
	p.press("enter")
	p.waitFor("What kind of time was it?")
	p.enter(1 + questions(catalog.Solo) + 1)
	p.waitFor("Ideas for looking after yourself")
	m := p.quit()
	if _, ok := m.current.(*results); !ok {
		t.Fatalf("the program ended on %T, want the suggestions", m.current)
	}

	shown := strings.Join(p.screensSince(0), "\n")
	for _, visible := range []string{`\u001b]0;owned\u0007`, `\u001b[2J`, `\u009b6n`, `\u001b]8;;https://example.invalid`} {
		if !strings.Contains(shown, visible) {
			t.Errorf("no screen shows %s written out", visible)
		}
	}
	for _, view := range p.screensSince(0) {
		if bad := obeyable(view); bad != "" {
			t.Fatalf("a screen holds escapes from the data:\n%q", bad)
		}
	}
	out := p.output()
	for _, escape := range []string{"\x1b]0;", "\x1b]8;", "\x1b[31m", "\u009b"} {
		if bytes.Contains(out, []byte(escape)) {
			t.Errorf("the program wrote %q to the terminal", escape)
		}
	}
	if c := colourIn(out); c != "" {
		t.Errorf("a colour from the data reached the terminal: %q", c)
	}
}

func TestPastedEscapesAreDroppedBeforeSaving(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	r := start(t, withNames(w.opts, "Kai"), 100, 30)
	r.enterUntil("A note for your journal?")
	r.send(tea.PasteMsg{Content: "slept\x1b[31m well\r\n\u202ethen\u009b tea\x07"})
	r.enterUntil("Take good care of yourself.")
	// The text field drops ESC and BEL itself; the direction mark is
	// left for the save to drop.
	note := w.sessions(t)[0].Note
	if !strings.HasPrefix(note, "slept[31m well\n") || !strings.HasSuffix(note, "\nthen tea") || plain.Problem(note, true) != "" {
		t.Errorf("saved note %q", note)
	}
}

// On a narrow terminal an answer too long for its line on "What may the
// others see?" is cut short; the one under the cursor is shown whole
// beneath the list, so that nobody shares what they cannot read.
func TestAnAnswerCutShortIsShownWholeUnderTheCursor(t *testing.T) {
	t.Parallel()
	r := sharingThreeFeelings(t, 32, 14)
	r.sees("Shaky…", "jittery; Overwhelmed")
	r.keys("down").sees("would some", "space feel better?")
	r.doesNotSee("Overwhelmed")
}

// An answer that fitted its line when the screen was wide is shown whole
// under the list once the window is made too narrow for it.
func TestAnAnswerTooLongAfterAResizeIsShownWholeUnderTheCursor(t *testing.T) {
	t.Parallel()
	r := sharingThreeFeelings(t, 100, 30)
	if n := strings.Count(r.screen(), "Overwhelmed"); n != 1 {
		t.Errorf("on a wide screen the answer shows %d times, want once, in the list", n)
	}
	r.send(tea.WindowSizeMsg{Width: 32, Height: 14})
	r.sees("What may the others see?", "jittery; Overwhelmed")
}

// sharingThreeFeelings is Sam's turn at width by height, ticking three
// feelings, as far as "What may the others see?".
func sharingThreeFeelings(t *testing.T, width, height int) *run {
	t.Helper()
	r := start(t, withNames(newWorld(t).opts, "Sam", "Alex"), width, height)
	r.enter(4).sees("How are you feeling?")
	r.keys("down", "space", "down", "down", "down", "space", "down", "down", "down", "space")
	r.enterUntil("What may the others see?")
	return r
}
