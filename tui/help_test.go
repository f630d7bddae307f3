package tui

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/flow"
	"github.com/aftercare-tui/aftercare/profile"
	"github.com/charmbracelet/x/ansi"
)

// These check that the help line and the keys cannot drift apart: every
// key a screen's help shows does something, the keys of one binding do
// the same thing, and a key the help does not show does nothing.

// keyScreens reach each kind of screen, each kind of field, and each state
// with keys of its own, the shortest way: most are walked to as a person
// would, and the ones deep in a check-in are put on the screen as the
// round would hand them over, since each is opened afresh for every key
// tried. Add a new screen here.
var keyScreens = []keyScreen{
	{"home", nil, func(*run) {}, "Check in together"},
	{"home, a follow-up due", aWeekOfCheckins, func(*run) {}, "Follow up"},
	{"who", nil, func(r *run) { r.keys("t") }, "Who is here?"},
	{"who, saved people", withSam, func(r *run) { r.keys("t") }, "Tick with space"},
	{"handoff", nil, func(r *run) { r.keys("t").enter(2) }, "Person 1's turn"},
	{"a later hand-off", nil, func(r *run) { r.put(endTurns(r, together(r, flow.CheckIn), 1)) }, "Alex's turn"},
	{"question", nil, func(r *run) { r.keys("t").enter(3) }, "Are you okay?"},
	{"multi", nil, func(r *run) { r.put(firstOfKind(r, flow.Many)) }, "Pick any that fit"},
	{"text", nil, func(r *run) { r.put(firstOfKind(r, flow.Words)) }, "A few words, or nothing at all"},
	{"support", nil, func(r *run) { toSupport(r) }, "What would you like to do?"},
	{"asking for space", nil, func(r *run) { toSupport(r).keys("down").enter(2) }, "Before you pass the laptop on"},
	{"ended", nil, func(r *run) { toSupport(r).keys("down", "down").enter(2) }, "The check-in has ended."},
	{"share", nil, func(r *run) {
		r.put(show(r.m.c, walk(together(r, flow.CheckIn).First(), formOf(flow.ShareForm), nil)))
	}, "What may the others see?"},
	{"results", nil, func(r *run) { r.put(endTurns(r, together(r, flow.CheckIn), 2)) }, "What might help now"},
	{"plan shared", nil, func(r *run) { r.put(endTurns(r, together(r, flow.Plan), 2)) }, "This is your plan."},
	{"done", nil, func(r *run) {
		done, _ := alone(r).Saved(&flow.Save{What: "check-in"}, nil)
		r.put(show(r.m.c, done))
	}, "Take good care of yourself."},
	{"failed save", nil, func(r *run) { failSave(r, false) }, "could not be saved"},
	{"failed save in a round", nil, func(r *run) { failSave(r, true) }, "go on without it"},
	{"follow-up", aWeekOfCheckins, func(r *run) { r.enter(2) }, "follow-up"},
	{"no one saved", nil, func(r *run) { r.keys("p") }, "No one saved yet."},
	{"people", withSam, func(r *run) { r.keys("p") }, "Sam"},
	{"deleting", withSam, func(r *run) { r.keys("p", "d") }, "Delete Sam's profile for good? y / n"},
	{"no history", nil, func(r *run) { r.keys("h") }, "No check-ins saved yet."},
	{"history", aWeekOfCheckins, func(r *run) { r.keys("h") }, "check-ins, newest first"},
	{"history reading", aWeekOfCheckins, func(r *run) { r.keys("h").enter(1) }, "Chose:"},
	{"support home", nil, func(r *run) { r.keys("s") }, "Support"},
	{"about", nil, func(r *run) { r.keys(slices.Repeat([]string{"down"}, 6)...).enter(1) }, "aftercare is a companion"},
	{"leave", nil, func(r *run) { r.keys("t").enter(3).keys("ctrl+c") }, "Leave aftercare now?"},
	{"passphrase", locked, func(*run) {}, "Passphrase"},
	{"passphrase typed", locked, func(r *run) { r.typeText("secret") }, "> ******"},
	{"locked to a file", lockedToAFile, func(*run) {}, "AFTERCARE_IDENTITY"},
	{"locked people", locked, func(r *run) { r.keys("esc", "p") }, "Saved people are still here, locked."},
	{"locked history", locked, func(r *run) { r.keys("esc", "h") }, "Your history is still here, locked."},
}

// keyScreen is a way to reach a screen from a fresh program: the world it
// needs, what leads there, and a line it shows.
type keyScreen struct {
	name  string
	world func(t *testing.T, w *world) Options
	to    func(r *run)
	shows string
}

// reach opens a fresh program at 100x30 in s's world and walks to s.
func (s keyScreen) reach(t *testing.T) *run {
	w := newWorld(t)
	o := w.opts
	if s.world != nil {
		o = s.world(t, w)
	}
	r := start(t, o, 100, 30)
	s.to(r)
	r.sees(s.shows)
	return r
}

// put shows a screen as the program does when a screen hands it over.
func (r *run) put(s screen) *run {
	r.m.current = s
	r.do(s.init(r.m.c))
	return r
}

// together and alone start a round: Sam and Alex, or you.
func together(r *run, k flow.Kind) *flow.Round {
	return flow.New(r.m.c, k, catalog.Together, []string{"Sam", "Alex"})
}

func alone(r *run) *flow.Round {
	return flow.New(r.m.c, flow.CheckIn, catalog.Solo, []string{flow.SoloGuest})
}

// walk goes through a round from s as someone who only presses enter
// would, unless answer gives a form's values, until at says stop.
func walk(s flow.Step, at func(flow.Step) bool, answer func(*flow.Form) [][]string) flow.Step {
	for s != nil && !at(s) {
		switch step := s.(type) {
		case *flow.Form:
			values := step.Start()
			if answer != nil {
				if given := answer(step); given != nil {
					values = given
				}
			}
			s = step.Take(values)
		case *flow.Message:
			s = step.Next()
		case *flow.Results:
			s = step.Next()
		default:
			return s
		}
	}
	return s
}

// formOf stops a walk at a form of a kind.
func formOf(kind flow.FormKind) func(flow.Step) bool {
	return func(s flow.Step) bool {
		f, ok := s.(*flow.Form)
		return ok && f.Kind == kind
	}
}

// endTurns ends the next n turns of a round, each answered with its
// defaults, and returns the screen that follows.
func endTurns(r *run, round *flow.Round, n int) screen {
	ended := 0
	next := walk(round.First(), func(s flow.Step) bool { return ended == n }, func(f *flow.Form) [][]string {
		if f.Kind == flow.ShareForm {
			ended++
		}
		return nil
	})
	return show(r.m.c, next)
}

// firstOfKind is Sam's first question of a kind of field in a check-in
// together.
func firstOfKind(r *run, kind flow.FieldKind) screen {
	return show(r.m.c, walk(together(r, flow.CheckIn).First(), func(s flow.Step) bool {
		f, ok := s.(*flow.Form)
		return ok && f.Kind == flow.QuestionForm && f.Fields[0].Kind == kind
	}, nil))
}

// toSupport is the support Sam sees, alone on their turn, after saying
// they do not feel safe.
func toSupport(r *run) *run {
	return r.put(show(r.m.c, walk(together(r, flow.CheckIn).First(), formOf(flow.SupportForm), unsafeAnswer(r.m.c.cat))))
}

// unsafeAnswer answers a question that can say someone is not safe with
// the answer that does.
func unsafeAnswer(cat *catalog.Catalog) func(*flow.Form) [][]string {
	return func(f *flow.Form) [][]string {
		for _, q := range cat.QuestionsFor("after", catalog.Together) {
			if q.PromptFor(2) != f.Fields[0].Title {
				continue
			}
			for _, o := range q.Options {
				if q.Implied(catalog.Answer{Choices: []string{o.ID}}).Support == catalog.SupportUnsafe {
					return [][]string{{o.ID}}
				}
			}
		}
		return nil
	}
}

// failSave puts a save that failed on the screen, with words that are the
// same in every run, and that works when tried again; in a round, one that
// would go on without it: Sam's private follow-up.
func failSave(r *run, inRound bool) {
	round := alone(r)
	save := &flow.Save{What: "check-in"}
	if inRound {
		round = together(r, flow.CheckIn)
		tomorrow := walk(round.First(), formOf(flow.TomorrowForm), unsafeAnswer(r.m.c.cat)).(*flow.Form)
		save = tomorrow.Take([][]string{{"yes"}}).(*flow.Save)
	}
	tries := 0
	save.Write = func(*profile.Store) error {
		if tries++; tries == 1 {
			return errors.New("the disk is full")
		}
		return nil
	}
	r.put(newSaving(round, save))
}

// strayKeys are keys a person might press by habit or by mistake. A
// screen where keys are text takes most of them as text; only the rest
// count there.
var strayKeys = strings.Fields(`a b c d e f g h i j k l m n o p q r s t u v w x y z A G J K N Q Y 0 1 9
	? / - . _ enter tab shift+tab esc space backspace delete insert up down left right home end pgup pgdown f1 f2 f10
	ctrl+/ ctrl+_ ctrl+a ctrl+b ctrl+d ctrl+e ctrl+f ctrl+h ctrl+j ctrl+k ctrl+l ctrl+n ctrl+p ctrl+u ctrl+w
	alt+enter alt+b alt+d`)

// strayWhileTyping are the keys that are never text: each is in the help
// of a screen where keys are text, or does nothing there.
var strayWhileTyping = []string{"f2", "f10", "enter", "tab", "shift+tab", "esc", "f1", "ctrl+/", "ctrl+_"}

// state is everything a key could change that a person would notice.
func (r *run) state() string {
	return fmt.Sprintf("%T full=%v leaving=%v covered=%v quit=%v\n%s",
		r.m.current, r.m.full, r.m.leaving, r.m.covered, r.quit, r.m.View().Content)
}

// shown is every binding the help shows now, short or full.
func (r *run) shown() []key.Binding {
	var all []key.Binding
	for _, column := range r.m.keys().FullHelp() {
		all = append(all, column...)
	}
	return all
}

// scrolls says whether a binding moves through a list or a text, which
// does nothing at an end or where everything fits.
func scrolls(b key.Binding) bool {
	return slices.ContainsFunc(b.Keys(), func(k string) bool {
		return slices.Contains([]string{"up", "down", "pgup", "pgdown", "home", "end"}, k)
	})
}

// everywhere says whether a binding is one every screen has. The program
// answers those keys before any screen sees them, the same on every
// screen: they are tried in full on a few screens, and elsewhere only
// checked to be in the help as the program answers them there.
func everywhere(b key.Binding) bool {
	return slices.ContainsFunc([]key.Binding{helpKey(true), helpKey(false), coverKey(), quitKey()},
		func(c key.Binding) bool { return slices.Equal(b.Keys(), c.Keys()) })
}

// commonTriedOn are the screens where the keys every screen has are
// tried in full: one where keys are text, one where they are not.
var commonTriedOn = []string{"home", "text"}

// namesEach says whether a binding's help names each of its keys, as
// "t/a/l/p/h/s/q" does: those keys do different things.
func namesEach(b key.Binding) bool { return slices.Equal(strings.Split(b.Help().Key, "/"), b.Keys()) }

func TestEveryScreenAnswersOnlyTheKeysItsHelpShows(t *testing.T) {
	t.Parallel()
	for _, name := range commonTriedOn {
		if !slices.ContainsFunc(keyScreens, func(s keyScreen) bool { return s.name == name }) {
			t.Fatalf("no screen %q to try the keys every screen has on", name)
		}
	}
	for _, s := range keyScreens {
		t.Run(s.name, func(t *testing.T) {
			t.Parallel()
			// Each screen is tried roomy and small, where lists and texts
			// scroll and intros are cut; the keys it shows, small.
			open := func(width, height int) *run {
				r := s.reach(t)
				r.send(tea.WindowSizeMsg{Width: width, Height: height})
				return r
			}

			var r *run
			for _, size := range [][2]int{{100, 30}, {40, 12}} {
				r = open(size[0], size[1])
				before := r.state()
				stray := strayKeys
				if r.m.current.typing() && !r.m.leaving {
					stray = strayWhileTyping
				}
				for _, name := range stray {
					if key.Matches(keyPress(name), r.shown()...) {
						continue
					}
					if r.keys(name); r.state() != before {
						t.Fatalf("%dx%d: %s is not in the help, yet it changed the screen from\n%s\nto\n%s",
							size[0], size[1], name, before, r.state())
					}
				}
			}

			if !r.m.leaving && !slices.ContainsFunc(r.shown(), func(b key.Binding) bool {
				return slices.Equal(b.Keys(), helpKey(r.m.current.typing()).Keys())
			}) {
				t.Errorf("the help does not show the help key the program answers here")
			}
			for _, b := range r.shown() {
				if everywhere(b) && !slices.Contains(commonTriedOn, s.name) {
					continue
				}
				after := map[string]string{}
				for _, name := range b.Keys() {
					fresh := open(40, 12)
					if up, _ := upDownKeys(); slices.Equal(b.Keys(), up.Keys()) {
						// Room to go up.
						fresh.keys("down")
					}
					was := fresh.state()
					fresh.keys(name)
					after[name] = fresh.state()
					if after[name] == was && !scrolls(b) {
						t.Errorf("%q (%s %s) is in the help, yet it did nothing:\n%s", name, b.Help().Key, b.Help().Desc, was)
					}
				}
				first := b.Keys()[0]
				for _, name := range b.Keys()[1:] {
					if !namesEach(b) && after[name] != after[first] {
						t.Errorf("%q and %q are both %q in the help, but do different things:\n%s\n%s",
							first, name, b.Help().Key, after[first], after[name])
					}
				}
			}
		})
	}
}

// The line at the bottom drops the arrows, which a list's cursor shows
// anyway, before it drops the way back: a tired person who chose the
// wrong answer needs to see how to undo it more than how to move.
func TestTheLineAtTheBottomKeepsTheWayBackBeforeTheArrows(t *testing.T) {
	t.Parallel()
	for _, s := range keyScreens {
		t.Run(s.name, func(t *testing.T) {
			t.Parallel()
			r := s.reach(t)
			for _, width := range []int{100, 80, 70, 60, 50, 40} {
				r.send(tea.WindowSizeMsg{Width: width, Height: 30})
				lines := strings.Split(strings.TrimRight(r.m.View().Content, "\n"), "\n")
				bottom := ansi.Strip(lines[len(lines)-1])
				i := slices.IndexFunc(r.m.keys().short, func(b key.Binding) bool { return b.Help().Desc == "back" })
				if i < 0 {
					continue
				}
				back := r.m.keys().short[i].Help()
				if strings.Contains(bottom, "up/down move") && !strings.Contains(bottom, back.Key+" back") {
					t.Errorf("%d wide, the line at the bottom shows the arrows but not the way back: %q", width, bottom)
				}
			}
		})
	}
}
