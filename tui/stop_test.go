package tui

import (
	"errors"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/flow"
	"github.com/aftercare-tui/aftercare/profile"
)

// quits says whether a command is the one that ends the program.
func quits(cmd tea.Cmd) bool { return cmd != nil && funcName(cmd) == funcName(tea.Quit) }

// stop sends a StopMsg and says whether the program ended at once.
func (r *run) stop() bool {
	r.t.Helper()
	_, cmd := r.m.Update(StopMsg{})
	return quits(cmd)
}

func TestAStopSaysWhoseAnswersWereNotSaved(t *testing.T) {
	t.Parallel()
	sam := &profile.Profile{Name: "Sam"}
	tests := []struct {
		name  string
		opts  func(o Options) Options
		to    func(r *run)
		words string
	}{
		{"at home", nil, func(*run) {}, "nothing was lost"},
		{"before anyone began", func(o Options) Options { return withNames(o, "Sam", "Alex") }, func(r *run) { r.enter(1) }, "nothing was lost"},
		{"in the first turn", func(o Options) Options { return withNames(o, "Sam", "Alex") }, func(r *run) { r.enter(3) }, "Sam's answers were not saved"},
		{"at the next hand-off", func(o Options) Options { return withNames(o, "Sam", "Alex") }, func(r *run) { r.enterUntil("Alex's turn") }, "Sam's answers were not saved"},
		{"back at the hand-off from the next turn", func(o Options) Options { return withNames(o, "Sam", "Alex") }, func(r *run) {
			r.enterUntil("Alex's turn").enter(1).keys("esc").sees("Alex's turn")
		}, "Sam's answers were not saved"},
		{"in the next turn", func(o Options) Options { return withNames(o, "Sam", "Alex") }, func(r *run) { r.enterUntil("Alex's turn").enter(1) }, "Sam's and Alex's answers were not saved"},
		{"at the results", func(o Options) Options { return withNames(o, "Sam", "Alex", "Kai") }, func(r *run) { r.enterUntil("What might help now") }, "Sam's, Alex's and Kai's answers were not saved"},
		{"alone", nil, func(r *run) { r.keys("a").enter(2) }, "your answers were not saved"},
		{"planning", func(o Options) Options { o.Start.Plan = true; return withNames(o, "Sam", "Alex") }, func(r *run) { r.enterUntil("What you shared") },
			"Sam's and Alex's answers to the plan were not saved"},
		{"ended quietly", func(o Options) Options { return withNames(o, "Sam", "Alex") }, func(r *run) {
			r.enter(3).keys(strings.Fields(strings.Repeat("down ", notSafe))...).enter(1).keys("down", "down").enter(2).sees("The check-in has ended.")
		}, "nothing was lost"},
		{"a new profile", nil, func(r *run) { r.keys("p", "n").typeText("Jo") }, "the new profile was not saved"},
		{"a profile changed", func(o Options) Options { o.Profiles = []*profile.Profile{sam}; return o }, func(r *run) { r.keys("p").enter(3) },
			"the changes to Sam's profile were not saved"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			o := newWorld(t).opts
			if tt.opts != nil {
				o = tt.opts(o)
			}
			r := start(t, o, 100, 30)
			tt.to(r)
			if !r.stop() {
				t.Fatal("a stop with no save under way did not end the program at once")
			}
			if got := r.m.Stopped(); got != tt.words {
				t.Errorf("Stopped() = %q, want %q", got, tt.words)
			}
		})
	}
}

// saveStarted presses the enter that starts a save and returns the save's
// message, the save itself run.
func (r *run) saveStarted() savedMsg {
	r.t.Helper()
	_, cmd := r.m.Update(keyPress("enter"))
	var saved []savedMsg
	for _, msg := range messages(r.t, cmd) {
		if s, ok := msg.(savedMsg); ok {
			saved = append(saved, s)
		}
	}
	if len(saved) != 1 {
		r.t.Fatalf("enter started %d saves, want 1", len(saved))
	}
	return saved[0]
}

func TestAStopWaitsForTheSaveUnderWay(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	r := start(t, w.opts, 100, 30)
	r.keys("a").enterUntil("Would you like a check-in tomorrow?")
	saved := r.saveStarted()
	if r.stop() {
		t.Fatal("the program ended in the middle of a save")
	}
	r.sees("Saving... aftercare will close as soon as it is safe.")
	if _, cmd := r.m.Update(keyPress("enter")); cmd != nil {
		t.Error("a key did something while the program was stopping")
	}
	if _, cmd := r.m.Update(saved); !quits(cmd) {
		t.Fatal("the program did not end once the save ended")
	}
	if got := r.m.Stopped(); got != "the check-in was saved" {
		t.Errorf("Stopped() = %q", got)
	}
	if len(w.sessions(t)) != 1 {
		t.Error("the check-in is not saved")
	}
}

func TestAStopWaitsNoLongerThanItsTimeOrASecondStop(t *testing.T) {
	t.Parallel()
	for _, end := range []tea.Msg{stopWaitedMsg{}, StopMsg{}} {
		r := start(t, newWorld(t).opts, 100, 30)
		r.keys("a").enterUntil("Would you like a check-in tomorrow?")
		r.saveStarted()
		if r.stop() {
			t.Fatal("the program ended in the middle of a save")
		}
		if _, cmd := r.m.Update(end); !quits(cmd) {
			t.Fatalf("after %T the program still waits", end)
		}
		if got, want := r.m.Stopped(), "the check-in was still being saved when aftercare stopped, and may not have been"; got != want {
			t.Errorf("Stopped() = %q, want %q", got, want)
		}
	}
	// The wait's end after the program has stopped waiting changes nothing.
	r := start(t, newWorld(t).opts, 100, 30)
	if _, cmd := r.m.Update(stopWaitedMsg{}); cmd != nil {
		t.Error("the end of a wait that never began ended the program")
	}
}

func TestAStopNeverMentionsAFollowUpAskedForPrivately(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	r := start(t, withNames(w.opts, "Sam", "Alex"), 100, 30)
	r.enter(3).keys(strings.Fields(strings.Repeat("down ", notSafe))...).enter(1).sees("What would you like to do?")
	r.enter(1).sees("check on you tomorrow")
	r.keys("down")
	saved := r.saveStarted()
	if r.stop() {
		t.Fatal("the program ended in the middle of a save")
	}
	if _, cmd := r.m.Update(saved); !quits(cmd) {
		t.Fatal("the program did not end once the save ended")
	}
	if got := r.m.Stopped(); got != "Sam's answers were not saved" {
		t.Errorf("Stopped() = %q, want only what the check-in lost", got)
	}
}

func TestAStopAndLeavingWaitForAProfileBeingSaved(t *testing.T) {
	t.Parallel()
	for _, leave := range []tea.Msg{StopMsg{}, keyPress("ctrl+c")} {
		w := newWorld(t)
		r := start(t, w.opts, 100, 30)
		r.keys("p", "n").typeText("Sam").enter(7)
		saved := r.saveStarted()
		if _, cmd := r.m.Update(leave); quits(cmd) {
			t.Fatalf("%T ended the program in the middle of saving a profile", leave)
		}
		if _, cmd := r.m.Update(saved); !quits(cmd) {
			t.Fatalf("after %T the program did not end once the profile was saved", leave)
		}
		if _, err := w.store.Profile("Sam"); err != nil {
			t.Error(err)
		}
		if _, stopped := leave.(StopMsg); stopped {
			if got := r.m.Stopped(); got != "Sam's profile was saved" {
				t.Errorf("Stopped() = %q", got)
			}
		}
	}
}

var errFull = errors.New("no space left on device")

func TestAStopAfterAFailedSaveSaysWhatWasLost(t *testing.T) {
	t.Parallel()
	r := start(t, newWorld(t).opts, 100, 30)
	round := flow.New(r.m.c, flow.CheckIn, catalog.Solo, []string{"Kai"})
	round.Begun = 1
	r.m.current = newSaving(round, &flow.Save{What: "check-in", Write: func(*profile.Store) error { return errFull }})
	r.do(r.m.current.init(r.m.c))
	r.sees("This check-in could not be saved.")
	if !r.stop() {
		t.Fatal("a stop after a failed save did not end the program at once")
	}
	if got := r.m.Stopped(); got != "Kai's answers were not saved" {
		t.Errorf("Stopped() = %q", got)
	}
}

func TestFinishTakesInASaveThatEndedAfterTheProgram(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	r := start(t, w.opts, 100, 30)
	r.keys("a").enterUntil("Would you like a check-in tomorrow?")
	r.saveStarted() // the save ends, but the program has ended and never hears it
	r.m.Finish(waitLimit)
	if got := r.m.Stopped(); got != "the check-in was saved" {
		t.Errorf("Stopped() = %q", got)
	}

	r = start(t, newWorld(t).opts, 100, 30)
	round := flow.New(r.m.c, flow.CheckIn, catalog.Solo, []string{"Kai"})
	release := make(chan struct{})
	defer close(release)
	r.m.current = newSaving(round, &flow.Save{What: "check-in", Write: func(*profile.Store) error { <-release; return nil }})
	go r.m.current.init(r.m.c)()
	r.m.Finish(time.Millisecond)
	if got, want := r.m.Stopped(), "the check-in was still being saved when aftercare stopped, and may not have been"; got != want {
		t.Errorf("Stopped() = %q, want %q", got, want)
	}
}
