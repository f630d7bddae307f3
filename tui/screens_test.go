package tui

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/flow"
	"github.com/aftercare-tui/aftercare/profile"
	"github.com/charmbracelet/x/exp/golden"
)

// fits fails when the screen is taller or wider than the terminal.
func (r *run) fits(width, height int) {
	r.t.Helper()
	lines := strings.Split(r.screen(), "\n")
	if len(lines) > height {
		r.t.Fatalf("%d lines on a %dx%d terminal:\n%s", len(lines), width, height, r.screen())
	}
	for _, l := range lines {
		if w := lipgloss.Width(l); w > width {
			r.t.Fatalf("a line of %d columns on a %dx%d terminal: %q", w, width, height, l)
		}
	}
}

func TestEveryScreenSurvivesEverySize(t *testing.T) {
	t.Parallel()
	sizes := [][2]int{{1, 1}, {10, 3}, {39, 11}, {40, 12}, {100, 30}, {200, 60}, {73, 17}}
	w := newWorld(t)
	r := start(t, withNames(w.opts, "Sam", "Alex"), 100, 30)
	for step := 0; step < 60 && !r.quit; step++ {
		for _, size := range sizes {
			r.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
			r.fits(size[0], size[1])
		}
		if step == 3 {
			r.keys("down", "down", "down", "down") // not safe: the support screen
		}
		r.enter(1)
	}
	if len(w.sessions(t)) != 1 {
		t.Error("the check-in did not finish and save through all the resizing")
	}
}

func TestTheQuestionAndItsKeysShowOnASmallTerminal(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	r := start(t, withNames(w.opts, "Sam", "Alex"), 40, 12)
	r.enter(2)
	for i := 0; i < questions(catalog.Together); i++ {
		q := testCatalog().QuestionsFor("after", catalog.Together)[i]
		words := strings.Fields(q.Prompt)
		r.sees(words[0], "enter")
		r.fits(40, 12)
		r.enter(1)
	}
	r.sees("What may the others see?", "enter continue")
}

func TestHomeKeepsItsMenuOnAnySize(t *testing.T) {
	t.Parallel()
	for _, size := range [][2]int{{40, 12}, {100, 30}} {
		r := start(t, newWorld(t).opts, size[0], size[1])
		r.sees("Check in together", "Check in alone", "People", "History", "Quit", "Everything stays on this machine")
		r.keys("down", "down", "down", "enter").sees("No one saved yet.")
		r.keys("esc").keys("h").sees("No check-ins saved yet.")
		r.keys("esc").keys("?").sees("ctrl+c", "leave")
	}
	r := start(t, newWorld(t, &profile.Profile{Name: "Sam"}).opts, 100, 30)
	r.sees("Welcome back.")
	r.doesNotSee("Everything stays")
	// Someone who checked in before without saving anyone is back too.
	r = start(t, newWorld(t).opts, 100, 30)
	r.keys("a").enterUntil("Take good care of yourself.")
	r.enter(1).sees("Welcome back.")
	r.doesNotSee("Everything stays")
}

func TestGoingBackKeepsAnAnswer(t *testing.T) {
	t.Parallel()
	r := start(t, withNames(newWorld(t).opts, "Sam", "Alex"), 100, 30)
	r.enter(2).keys("down", "down", "down").enter(1).sees("Do you feel safe")
	r.keys("esc").sees("» A little wobbly")
	r.keys("esc").sees("Sam's turn")
}

func TestHelpTogglesExceptWhileTyping(t *testing.T) {
	t.Parallel()
	r := start(t, withNames(newWorld(t).opts, "Kai"), 100, 30)
	r.enter(1)
	r.keys("?").sees("up", "down", "choose", "back")
	r.keys("?")
	r.enterUntil("What felt good")
	r.typeText("a?b").sees("a?b")
}

func TestPeopleCanBeAddedChangedAndDeleted(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	r := start(t, w.opts, 100, 30)
	r.keys("p").sees("No one saved yet.")
	r.keys("n").sees("Name")
	r.enter(1).sees("A name is needed")
	r.typeText("Sam").enter(1).sees("Pronouns")
	r.typeText("they/them").enter(1).sees("closeness or space")
	r.keys("down").enter(1).sees("Talking or quiet?")
	r.enter(1).sees("usually need afterwards")
	r.keys("space").enter(1).sees("What do you enjoy?")
	r.enter(1).sees("Never suggest")
	r.keys("down", "space").enter(1).sees("Notes")
	r.typeText("likes the lights low").enter(1)
	r.sees("People", "Sam (they/them)")
	p, err := w.store.Profile("Sam")
	if err != nil || p.Leaning != "closeness" || p.Talk != "depends" || p.Never[0] != "kissing" || p.Needs[0].Need != "closeness" || p.Notes != "likes the lights low" {
		t.Fatalf("saved %+v, %v", p, err)
	}

	r.keys("n").typeText("sam").enter(1).sees("There is already someone called Sam")
	r.keys("esc").sees("Sam (they/them)")
	r.enter(1).sees("Name")
	r.enter(8)
	if p, _ := w.store.Profile("Sam"); p.Notes != "likes the lights low" {
		t.Errorf("changing nothing lost the notes: %+v", p)
	}
	r.keys("d").sees("Delete Sam's profile for good? y / n")
	r.keys("n").sees("Sam (they/them)")
	r.keys("d", "y").sees("No one saved yet.")
	if _, err := w.store.Profile("Sam"); err == nil {
		t.Error("Sam is still saved")
	}
}

func TestHistoryListsCheckinsAndShowsADamagedOne(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	session := profile.NewCheckinSession(testStart, catalog.Together, "scene", []profile.Turn{{Name: "Sam"}, {Name: "Alex"}}, []string{"make-tea"}, "tea helped")
	if err := w.store.SaveSession(session); err != nil {
		t.Fatal(err)
	}
	damaged := filepath.Join(w.store.Dir(), "sessions", "broken.json")
	if err := os.WriteFile(damaged, []byte("{\n  \"id\": \n"), 0o600); err != nil {
		t.Fatal(err)
	}
	r := start(t, w.opts, 100, 30)
	r.keys("h").sees("1 check-in · 1 file cannot be read", "Sam and Alex · after a scene", "cannot be read: broken.json, line 3")
	r.enter(1).sees("Chose: Make a warm drink", "Note: tea helped")
	r.keys("esc").keys("down").enter(1).sees("This file cannot be read", "the file ends in the middle of the session")
	if data, _ := os.ReadFile(damaged); string(data) != "{\n  \"id\": \n" {
		t.Error("the damaged file changed")
	}
}

// TestScreenGoldens keeps what each screen looks like at the two sizes, in
// dark, light and without colour. Update them on purpose with -update.
func TestScreenGoldens(t *testing.T) {
	type look struct {
		name    string
		dark    bool
		noColor bool
	}
	looks := []look{{"dark", true, false}, {"light", false, false}, {"nocolor", true, true}}
	screens := []struct {
		name  string
		world func(t *testing.T, w *world) Options
		to    func(r *run)
	}{
		{"home", nil, func(*run) {}},
		{"who", nil, func(r *run) { r.keys("t") }},
		{"handoff", nil, func(r *run) { r.keys("t").enter(2) }},
		{"question", nil, func(r *run) { r.keys("t").enter(3) }},
		{"multi", nil, func(r *run) { r.keys("t").enter(6) }},
		{"support", nil, func(r *run) { r.keys("t").enter(4).keys("down", "down", "down").enter(1) }},
		{"supportGB", inRegion("GB"), func(r *run) { r.keys("t").enter(4).keys(slices.Repeat([]string{"down"}, notSafe)...).enter(1) }},
		{"supportUS", inRegion("US"), func(r *run) { r.keys("t").enter(4).keys(slices.Repeat([]string{"down"}, notSafe)...).enter(1) }},
		{"supportlow", inRegion("GB"), func(r *run) { r.keys("t").enter(3).keys(slices.Repeat([]string{"down"}, 5)...).enter(1) }},
		{"quietline", nil, func(r *run) {
			r.keys("t").enter(4).keys(slices.Repeat([]string{"down"}, notSafe)...).enter(1).enter(2).enterUntil("What may the others see?")
		}},
		{"supporthome", inRegion("GB"), func(r *run) { r.keys("s") }},
		{"followupfor", aWeekOfCheckins, func(r *run) { r.enter(1) }},
		{"share", nil, func(r *run) { r.keys("t").enter(3 + questions(catalog.Together)) }},
		{"results", nil, func(r *run) { r.keys("t").enter(2 + 2*(2+questions(catalog.Together))) }},
		{"alone", nil, func(r *run) { r.keys("a").enter(2 + questions(catalog.Solo)) }},
		{"plan", nil, func(r *run) { r.keys("l").enter(1) }},
		{"planshared", nil, func(r *run) { r.keys("l").enterUntil("What you shared") }},
		{"fromplan", func(t *testing.T, w *world) Options {
			planSamAndAlex(t, w)
			return withNames(withHistory(t, w, testStart.Add(time.Hour)), "Sam", "Alex")
		}, func(r *run) { r.enter(1) }},
		{"due", aWeekOfCheckins, func(*run) {}},
		{"rate", aWeekOfCheckins, func(r *run) { r.enter(1).enterUntil("We didn't get to it") }},
		{"rateshare", aWeekOfCheckins, func(r *run) {
			r.enter(1).enterUntil("We didn't get to it").keys("down").enter(1).keys("down", "down", "down").enter(1)
		}},
		{"stats", aWeekOfCheckins, func(r *run) { r.keys("h") }},
		{"unlock", locked, func(r *run) { r.typeText("secret") }},
		{"unlockwrong", locked, func(r *run) { r.typeText("secret").send(openedMsg{err: profile.ErrWrongPassphrase}) }},
		{"unlockfile", lockedToAFile, func(*run) {}},
		{"lockedhome", locked, func(r *run) { r.keys("esc") }},
		{"lockeddue", lockedWithFollowUpsDue(2), func(r *run) { r.keys("esc") }},
		{"unlockagain", locked, func(r *run) { r.keys("esc", "h", "enter") }},
		{"meant", withSam, func(r *run) { r.keys("t", "tab").typeText("Sma, Alex").enter(1) }},
	}
	for _, size := range [][2]int{{100, 30}, {40, 12}} {
		for _, l := range looks {
			for _, s := range screens {
				t.Run(fmt.Sprintf("%s/%dx%d/%s", s.name, size[0], size[1], l.name), func(t *testing.T) {
					t.Parallel()
					w := newWorld(t)
					o := w.opts
					if s.world != nil {
						o = s.world(t, w)
					}
					o.NoColor = l.noColor
					r := start(t, o, size[0], size[1])
					r.send(background(l.dark))
					s.to(r)
					r.fits(size[0], size[1])
					golden.RequireEqual(t, r.raw())
				})
			}
		}
	}
}

// inRegion is a fresh world whose support lines are for region.
func inRegion(region string) func(t *testing.T, w *world) Options {
	return func(t *testing.T, w *world) Options {
		w.opts.Config.Region = region
		return w.opts
	}
}

func TestEscOnTheFirstHandOffGoesBackAndLaterOnesStay(t *testing.T) {
	t.Parallel()
	r := start(t, withNames(newWorld(t).opts, "Sam", "Alex"), 100, 30)
	r.keys("down", "down", "down").sees("» A BDSM scene")
	r.enter(1).sees("Sam's turn", "esc back")
	r.keys("esc").sees("What kind of time was it?", "» A BDSM scene")
	r.enter(1).enterUntil("Alex's turn")
	r.doesNotSee("esc back")
	r.keys("esc").sees("Alex's turn")

	o := withNames(newWorld(t).opts, "Sam", "Alex")
	o.Start.Plan = true
	r = start(t, o, 100, 30)
	r.keys("esc").sees("Check in together")
}

// messagesOf is the messages of kind M that running cmd gives.
func messagesOf[M tea.Msg](t *testing.T, cmd tea.Cmd) []M {
	t.Helper()
	var out []M
	for _, msg := range messages(t, cmd) {
		if m, ok := msg.(M); ok {
			out = append(out, m)
		}
	}
	return out
}

// messages runs a command as the program would and returns the messages
// it gives, batches opened.
func messages(t *testing.T, cmd tea.Cmd) []tea.Msg {
	t.Helper()
	if cmd == nil || blinks(cmd) {
		return nil
	}
	msg := cmd()
	if batch, ok := msg.(tea.BatchMsg); ok {
		var out []tea.Msg
		for _, c := range batch {
			out = append(out, messages(t, c)...)
		}
		return out
	}
	return []tea.Msg{msg}
}

func TestUpdateLeavesReadingProfilesToACommand(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		to   func(m *Model)
	}{
		{"people", func(m *Model) { m.Update(keyPress("p")) }},
		{"saving", func(m *Model) {
			m.current = newSaving(flow.New(m.c, flow.CheckIn, catalog.Solo, []string{"Kai"}), &flow.Save{What: "check-in", Write: func(*profile.Store) error { return nil }})
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			w := newWorld(t)
			m := New(w.opts)
			tc.to(m)
			// Someone is saved while the screen waits for its save.
			if err := w.store.CreateProfile(&profile.Profile{Name: "Sam"}); err != nil {
				t.Fatal(err)
			}
			_, cmd := m.Update(savedMsg{})
			if len(m.c.profiles) != 0 {
				t.Fatal("Update read the profiles itself")
			}
			loaded := messagesOf[profilesLoadedMsg](t, cmd)
			if len(loaded) != 1 {
				t.Fatalf("the save's end asked for %d readings of the profiles, want 1", len(loaded))
			}
			m.Update(loaded[0])
			if len(m.c.profiles) != 1 || m.c.profiles[0].Name != "Sam" {
				t.Errorf("profiles after reading them %+v", m.c.profiles)
			}
		})
	}
}

// A profile that could not be read at the start and was mended since is
// read again with the others once someone is saved, so that a check-in
// no longer treats its person as unknown.
func TestSavingSomeoneReadsAgainAProfileMendedSince(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	file := filepath.Join(w.store.Dir(), "profiles", "sam.yaml")
	if err := os.MkdirAll(filepath.Dir(file), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, []byte("name: Sam\nleaning: sideways\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	entries, err := w.store.Profiles()
	if err != nil {
		t.Fatal(err)
	}
	o := w.opts
	o.Profiles, o.UnreadProfiles = profile.SplitProfiles(entries)
	if len(o.UnreadProfiles) != 1 {
		t.Fatalf("unread %+v; want Sam's file", o.UnreadProfiles)
	}
	r := start(t, o, 100, 30)
	r.keys("p").sees("No one saved yet.")
	if err := os.WriteFile(file, []byte("name: Sam\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	r.keys("n").typeText("Kim").enterUntil("Notes").enter(1).sees("Kim", "Sam")
	if len(r.m.c.unreadProfiles) != 0 || len(r.m.c.profiles) != 2 {
		t.Errorf("after saving Kim: read %d, unread %+v; want Kim and Sam read", len(r.m.c.profiles), r.m.c.unreadProfiles)
	}
}

// Opening a check-in in History reads it whole, decrypting it when the
// data is locked, in a command: Update itself touches no disk.
func TestUpdateLeavesReadingACheckinToACommand(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	s := profile.NewCheckinSession(testStart, catalog.Together, "tender", []profile.Turn{{Name: "Sam"}, {Name: "Alex"}}, []string{"make-tea"}, "")
	s.Note = "tea helped"
	if err := w.store.SaveSession(s); err != nil {
		t.Fatal(err)
	}
	r := start(t, w.opts, 100, 30)
	r.keys("h").sees("1 check-in")
	// The note is kept in the record, not in what the list reads of it.
	if err := os.Remove(filepath.Join(w.store.Dir(), "sessions", s.ID+".json")); err != nil {
		t.Fatal(err)
	}
	_, cmd := r.m.Update(keyPress("enter"))
	if _, ok := r.m.current.(*history); !ok || cmd == nil {
		t.Fatalf("enter opened %T itself, with command %v", r.m.current, cmd)
	}
	read := messagesOf[wholeMsg](t, cmd)
	if len(read) != 1 {
		t.Fatalf("enter asked for %d readings of the check-in, want 1", len(read))
	}
	r.send(read[0]).sees("This file cannot be read")
}
