package tui

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/profile"
	"github.com/aftercare-tui/aftercare/seal"
)

// testPassphrase is what a test's data is locked with.
const testPassphrase = "tea and toast at dawn"

// lockFiles are the files at the top of a data folder just locked with
// testPassphrase, by name: the lock's own, which hold its key. Sealing a
// key with a passphrase takes a second of scrypt on purpose (a minute
// under the race detector), so it is done once, with less work than a
// real passphrase asks, and each test that locks a folder copies them.
var lockFiles = sync.OnceValues(func() (map[string][]byte, error) {
	was := seal.PassphraseWork
	seal.PassphraseWork = 10
	defer func() { seal.PassphraseWork = was }()
	dir, err := os.MkdirTemp("", "aftercare-lock")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	store := profile.Open(dir, testCatalog(), true)
	defer store.Close()
	key, err := profile.NewKey()
	if err != nil {
		return nil, err
	}
	if _, err := store.Lock(key, testPassphrase); err != nil {
		return nil, err
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	files := map[string][]byte{}
	for _, e := range entries {
		// The hidden ones are the store's working files, not the lock's.
		if !e.Type().IsRegular() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		if files[e.Name()], err = os.ReadFile(filepath.Join(dir, e.Name())); err != nil {
			return nil, err
		}
	}
	return files, nil
})

// locked locks the world's data with testPassphrase, sealing what it
// holds, and starts the program as a locked run does: at the passphrase
// screen, with nothing read.
func locked(t *testing.T, w *world) Options {
	t.Helper()
	lockWithPassphrase(t, w.store)
	w.opts.Locked, w.opts.Profiles, w.opts.History = true, nil, nil
	return w.opts
}

// lockWithPassphrase locks the data of store with testPassphrase, sealing
// what it holds.
func lockWithPassphrase(t *testing.T, store *profile.Store) {
	t.Helper()
	files, err := lockFiles()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(store.Dir(), 0o700); err != nil {
		t.Fatal(err)
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(store.Dir(), name), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	// Locked already, the store seals what is still plain.
	if _, err := store.Lock(nil, ""); err != nil {
		t.Fatal(err)
	}
	if !store.Locked() || !store.WantsPassphrase() {
		t.Fatal("the copied lock does not lock the folder")
	}
}

// A change to someone, made in a run that read them before another run
// locked them, cannot be saved: the screen says so, and that they are
// locked, never that no one is saved.
func TestAProfileChangedAfterAnotherRunLockedItSaysSo(t *testing.T) {
	t.Parallel()
	w := newWorld(t, &profile.Profile{Name: "Sam", Pronouns: "they/them"})
	r := start(t, w.opts, 100, 30)
	r.keys("p", "enter").sees("Name")
	other := profile.Open(w.store.Dir(), testCatalog(), true)
	lockWithPassphrase(t, other)
	other.Close()
	r.enterUntil("Sam's profile was not saved.", "That did not work")
	r.sees("Saved people are still here, locked.", "Another run of aftercare locked it", "Press enter to type the passphrase.")
	r.doesNotSee("No one saved yet.")
}

// A check-in saved after another run locked the data is saved sealed,
// and the history read again after it finds the rest sealed too: home
// then says the data was locked meanwhile and offers to open it.
func TestACheckinSavedAfterAnotherRunLockedTheDataLeavesHomeLocked(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	s := profile.NewCheckinSession(testStart.Add(-time.Hour), catalog.Solo, "", []profile.Turn{{Name: "Kim"}}, []string{"make-tea"}, "")
	if err := w.store.SaveSession(s); err != nil {
		t.Fatal(err)
	}
	r := start(t, w.opts, 100, 30)
	r.sees("Welcome back.")
	other := profile.Open(w.store.Dir(), testCatalog(), true)
	lockWithPassphrase(t, other)
	other.Close()
	r.keys("a").enterUntil("Take good care of yourself.")
	r.enter(1).sees("Locked by another run.", "Unlock")
	r.doesNotSee("cannot be read")
	if errs, _ := r.m.Unread(); len(errs) != 0 {
		t.Errorf("unread %v, want nothing: the sealed records are not damaged", errs)
	}
}

// Data unlocked by another run while this one asks for the passphrase is
// open: whatever is typed goes on to what is saved, as it now reads.
func TestThePassphraseScreenGoesOnWhenAnotherRunUnlockedTheData(t *testing.T) {
	t.Parallel()
	w := newWorld(t, &profile.Profile{Name: "Sam", Pronouns: "they/them"})
	r := start(t, locked(t, w), 100, 30)
	r.sees("Your saved people and check-ins are locked.")
	other := profile.Open(w.store.Dir(), testCatalog(), true)
	if err := other.UnlockWithPassphrase(testPassphrase); err != nil {
		t.Fatal(err)
	}
	if _, err := other.Unlock(); err != nil {
		t.Fatal(err)
	}
	other.Close()
	r.typeText("not the passphrase").enter(1).sees("Welcome back.")
	r.doesNotSee("could not be opened")
	r.keys("p").sees("Sam (they/them)")
}

// A run that has the data open while another run locks it finds its
// records sealed: they are not damaged, and History and People say the
// data was locked meanwhile, and how to open it.
func TestDataLockedByAnotherRunMeanwhileIsLockedNotDamaged(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name       string
		lock       func(t *testing.T, other *profile.Store)
		words      string
		passphrase bool
	}{
		{"with a passphrase", lockWithPassphrase, "Press enter to type the passphrase.", true},
		{"to a key file", func(t *testing.T, other *profile.Store) {
			key, err := profile.NewKey()
			if err != nil {
				t.Fatal(err)
			}
			if _, err := other.Lock(key, ""); err != nil {
				t.Fatal(err)
			}
		}, "AFTERCARE_IDENTITY", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			w := newWorld(t, &profile.Profile{Name: "Sam"})
			s := profile.NewCheckinSession(testStart, catalog.Together, "tender", []profile.Turn{{Name: "Sam"}, {Name: "Alex"}}, []string{"make-tea"}, "")
			if err := w.store.SaveSession(s); err != nil {
				t.Fatal(err)
			}
			r := start(t, w.opts, 100, 30)
			r.sees("Check in together")
			other := profile.Open(w.store.Dir(), testCatalog(), true)
			tt.lock(t, other)
			other.Close()

			r.keys("h").sees("Your history is still here, locked.", "Another run of aftercare locked it", "Nothing is damaged.", tt.words)
			r.doesNotSee("cannot be read")
			r.keys("esc", "p").sees("Saved people are still here, locked.", "Another run of aftercare locked it")
			r.doesNotSee("No one saved yet.")
			if !tt.passphrase {
				r.doesNotSee("Passphrase")
				return
			}
			r.keys("esc", "h", "enter").sees("Passphrase")
			r.typeText(testPassphrase)
			r.enter(1).sees(day(0) + " · Sam and Alex")
			if errs, _ := r.m.Unread(); len(errs) != 0 {
				t.Errorf("unread %v, want nothing: the sealed records are not damaged", errs)
			}
		})
	}
}

// lockedToAFile locks the world's data to a key the person would keep in
// a file of their own, which no passphrase opens.
func lockedToAFile(t *testing.T, w *world) Options {
	t.Helper()
	key, err := profile.NewKey()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.store.Lock(key, ""); err != nil {
		t.Fatal(err)
	}
	w.opts.Locked, w.opts.Profiles, w.opts.History = true, nil, nil
	return w.opts
}

// typeText types s a key at a time, as a person would.
func (p *program) typeText(s string) {
	p.t.Helper()
	for _, c := range s {
		p.press(string(c))
	}
}

func TestProgramOpensLockedDataAfterAWrongPassphrase(t *testing.T) {
	t.Parallel()
	w := newWorld(t, &profile.Profile{Name: "Sam", Pronouns: "they/them"})
	o := locked(t, w)
	damaged := filepath.Join(w.store.Dir(), "profiles", "broken.yaml")
	if err := os.WriteFile(damaged, []byte("name: [\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	p := runProgram(t, o, 100, 30)
	p.waitFor("Your saved people and check-ins are locked.")
	const slip = "tea and toast at dusk"
	p.typeText(slip)
	p.waitFor("> " + strings.Repeat("*", len(slip)))
	p.press("enter")
	p.waitFor("That passphrase does not open it.")
	if screen := p.screen(); strings.Contains(screen, "*") {
		t.Errorf("the field was not emptied after a wrong passphrase:\n%s", screen)
	}
	p.typeText(testPassphrase)
	p.press("enter")
	p.waitFor("Welcome back. Take your time.")
	p.press("p")
	p.waitFor("Sam (they/them)")
	p.press("esc", "h")
	p.waitFor("No check-ins saved yet.")
	p.press("ctrl+c")
	m := p.final()
	for _, screen := range p.screensSince(0) {
		if strings.Contains(screen, "toast") {
			t.Fatalf("a screen shows the passphrase:\n%s", screen)
		}
	}
	// The history is read in the background after unlocking and may not
	// have come back before ctrl+c on a busy machine; whether or not it
	// has, nothing but the damaged profile is unread.
	errs, read := m.Unread()
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), damaged) {
		t.Errorf("unread %v (history read: %v), want the damaged profile alone", errs, read)
	}
}

func TestProgramCarriesOnWithoutThePassphraseAndSavesSealed(t *testing.T) {
	t.Parallel()
	w := newWorld(t, &profile.Profile{Name: "Sam"})
	p := runProgram(t, withNames(locked(t, w), "Sam", "Alex"), 100, 30)
	p.waitFor("Your saved people and check-ins are locked.")
	p.press("enter")
	p.waitFor("saved people and history stay closed this time")
	mark := p.mark()
	// Guests are not offered to be remembered as people: that reads the
	// saved people first.
	p.enter(1 + 2*(2+questions(catalog.Together)) + 1 + 3)
	p.waitFor("Take good care of each other.")
	for _, screen := range p.screensSince(mark) {
		if strings.Contains(screen, "Remember anyone as a person?") {
			t.Fatalf("a screen offers to remember a guest:\n%s", screen)
		}
	}
	data := w.onlyRecord(t)
	// Quoted, as a record would hold them: armour, which is base64, holds
	// no quotes, while a bare name could turn up in it by chance.
	if !strings.HasPrefix(string(data), "-----BEGIN AGE ENCRYPTED FILE-----") || strings.Contains(string(data), `"Sam"`) || strings.Contains(string(data), `"Alex"`) {
		t.Errorf("the check-in was not saved sealed:\n%.300s", data)
	}
	p.press("enter")
	p.waitFor("Locked this time.")
	p.press("p")
	p.waitFor("Saved people are still here, locked.")
	// Nothing that would read the saved people first is offered.
	p.press("n", "d")
	p.waitFor("Press enter to type it now.")
	p.press("esc", "h")
	p.waitFor("Your history is still here, locked.")
	p.press("ctrl+c")
	m := p.final()
	for _, screen := range p.screensSince(0) {
		for _, empty := range []string{"No one saved yet.", "No check-ins saved yet.", "Reading your history"} {
			if strings.Contains(screen, empty) {
				t.Fatalf("a screen shows %q:\n%s", empty, screen)
			}
		}
	}
	if w.store.Unlocked() || len(m.c.profiles) != 0 {
		t.Errorf("the run read what is saved: unlocked %v, profiles %v", w.store.Unlocked(), m.c.profiles)
	}
	if errs, read := m.Unread(); len(errs) != 0 || !read {
		t.Errorf("unread %v (history read: %v), want nothing left to read", errs, read)
	}
	if profiles, _ := filepath.Glob(filepath.Join(w.store.Dir(), "profiles", "*")); len(profiles) != 1 {
		t.Errorf("profiles on disk %v, want Sam's alone", profiles)
	}
}

func TestEscOnThePassphraseScreenCarriesOnWithoutIt(t *testing.T) {
	t.Parallel()
	r := start(t, locked(t, newWorld(t)), 100, 30)
	r.typeText("half a pass").keys("esc").sees("Locked this time.", "Check in together")
	r.keys("a").sees("saved people and history stay closed this time", "What kind of time was it?")

	o := withNames(locked(t, newWorld(t)), "Sam", "Alex")
	o.Start.Plan = true
	r = start(t, o, 100, 30)
	r.enter(1).sees("Sam's turn", "saved people and history stay closed this time")
}

func TestDataLockedToAKeyFileSaysHowToOpenIt(t *testing.T) {
	t.Parallel()
	r := start(t, lockedToAFile(t, newWorld(t)), 100, 30)
	r.sees("locked to a key kept in a file", "AFTERCARE_IDENTITY", "enter carry on")
	r.doesNotSee("Passphrase")
	r.typeText("abc").sees("enter carry on")
	r.enter(1).sees("Locked this time.")
	r.doesNotSee("Unlock")
	r.keys("h").sees("Your history is still here, locked.", "AFTERCARE_IDENTITY")
	// No passphrase opens it: none is asked for.
	r.enter(1).sees("Your history is still here, locked.", "esc back")
	r.doesNotSee("Passphrase")
}

func TestThePassphraseScreenFitsEverySize(t *testing.T) {
	t.Parallel()
	r := start(t, locked(t, newWorld(t)), 100, 30)
	for _, size := range [][2]int{{1, 1}, {10, 3}, {20, 8}, {minWidth, minHeight}, {40, 12}, {100, 30}, {200, 60}} {
		r.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		r.fits(size[0], size[1])
		r.typeText("words")
		r.send(tea.PasteMsg{Content: strings.Repeat("a long pasted line\tof 界 text\r\n", 500)})
		// With the cursor on the last character, this key crashes a
		// bubbles text field: see deleteWordForward.
		r.send(tea.KeyPressMsg{Code: tea.KeyLeft}, tea.KeyPressMsg{Code: 'd', Mod: tea.ModAlt})
		r.fits(size[0], size[1])
		r.send(openedMsg{err: profile.ErrWrongPassphrase})
		r.fits(size[0], size[1])
		if size[0] >= minWidth && size[1] >= minHeight {
			r.sees("Passphrase", "> ", "That passphrase does not", "enter carry on")
		}
	}
	if r.quit || !r.m.c.locked {
		t.Error("the screen moved on by itself")
	}
}

func TestAPastedPassphraseLosesTheLineBreakAfterIt(t *testing.T) {
	t.Parallel()
	r := start(t, locked(t, newWorld(t)), 100, 30)
	r.send(tea.PasteMsg{Content: testPassphrase + "\r\n"})
	if typed := r.m.current.(*unlock).input.Value(); typed != testPassphrase {
		t.Errorf("the field holds %q", typed)
	}
}

func TestALockedPlanStartsAsGuests(t *testing.T) {
	t.Parallel()
	w := newWorld(t, &profile.Profile{Name: "Sam"})
	o := withNames(locked(t, w), "Sam", "Alex")
	o.Start.Plan = true
	r := start(t, o, 100, 30)
	r.enter(1)
	r.enter(2 * (1 + len(testCatalog().QuestionsFor("before", catalog.Together)) + 1)).sees("What you shared")
	r.enter(1).sees("Your plan is saved, locked.", "once the passphrase opens aftercare")
	w.onlyRecord(t)
}

func TestEnterLeavesTryingThePassphraseToACommand(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	m := New(locked(t, w))
	m.Init()
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	for _, c := range "words" {
		m.Update(tea.KeyPressMsg{Code: c, Text: string(c)})
	}
	_, try := m.Update(keyPress("enter"))
	if try == nil || w.store.Unlocked() {
		t.Fatalf("enter gave command %v, and the store is unlocked: %v", try, w.store.Unlocked())
	}
	if view := m.View().Content; !strings.Contains(view, "Opening...") {
		t.Errorf("while the passphrase is tried, the screen shows:\n%s", view)
	}
	// A second enter, or esc, neither tries again nor carries on.
	for _, k := range []string{"enter", "esc"} {
		if _, again := m.Update(keyPress(k)); again != nil {
			t.Errorf("%s while opening gave a command", k)
		}
	}
	if _, still := m.current.(*unlock); !still || !m.c.locked {
		t.Errorf("the program moved on to %T while opening", m.current)
	}
}

func TestALockedFollowUpStartsOnceThePassphraseOpensItsCheckin(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name, kind, shows string
		unread            error
	}{
		{"a check-in", "", "This follow-up is for Sam and Alex", nil},
		{"a plan", profile.Plan, "Check in together", profile.ErrPlanFollowedUp},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			w := newWorld(t)
			was := &profile.Session{ID: profile.NewSessionID(testStart.Add(-24 * time.Hour)), Started: testStart.Add(-24 * time.Hour),
				Mode: string(catalog.Together), People: []string{"Sam", "Alex"}, Shared: map[string][]profile.Shared{}, Kind: c.kind}
			if c.kind == "" {
				was.FollowUp = &profile.FollowUp{For: []string{"Sam", "Alex"}}
			}
			if err := w.store.SaveSession(was); err != nil {
				t.Fatal(err)
			}
			o := locked(t, w)
			o.Start.FollowUpID = was.ID
			p := runProgram(t, o, 100, 30)
			p.waitFor("Your saved people and check-ins are locked.")
			p.typeText(testPassphrase)
			p.press("enter")
			p.waitFor(c.shows)
			p.press("ctrl+c")
			errs, _ := p.final().Unread()
			if c.unread == nil && len(errs) > 0 || c.unread != nil && (len(errs) != 1 || !errors.Is(errs[0], c.unread)) {
				t.Errorf("unread %v, want %v", errs, c.unread)
			}
		})
	}
}

// lockedWithFollowUpsDue saves n check-ins whose follow-ups are due, then
// locks the data; Start.FollowUpID names the one waiting longest.
func lockedWithFollowUpsDue(n int) func(t *testing.T, w *world) Options {
	return func(t *testing.T, w *world) Options {
		t.Helper()
		var first string
		for day := range n {
			started := testStart.AddDate(0, 0, day-n)
			s := &profile.Session{ID: profile.NewSessionID(started), Started: started, Mode: string(catalog.Together),
				People: []string{"Sam", "Alex"}, Shared: map[string][]profile.Shared{}, FollowUp: &profile.FollowUp{For: []string{"Sam"}}}
			if err := w.store.SaveSession(s); err != nil {
				t.Fatal(err)
			}
			if first == "" {
				first = s.ID
			}
		}
		o := locked(t, w)
		o.Start.FollowUpID = first
		return o
	}
}

func TestALockedFollowUpGoesHomeWithoutThePassphraseAndSaysItWaits(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		due       int
		says, how string
	}{
		{1, "A follow-up is waiting, locked.", "To open it, choose Unlock."},
		{3, "3 follow-ups are waiting, locked.", "To open them, choose Unlock."},
	} {
		w := newWorld(t)
		r := start(t, lockedWithFollowUpsDue(c.due)(t, w), 100, 30)
		r.sees("the follow-up needs the check-in it follows", "the follow-up waits for another time")
		r.enter(1).sees(c.says, c.how, "Check in together")
		if r.m.c.dueLocked != c.due {
			t.Errorf("%d follow-ups due, the program counted %d", c.due, r.m.c.dueLocked)
		}
		r.doesNotSee("Sam")
	}
}

func TestALockedRunWithNothingDueSaysNothingOfFollowUps(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	r := start(t, locked(t, w), 100, 30)
	r.keys("esc").sees("Locked this time.", "Check in together")
	r.doesNotSee("follow-up")
}

// A run that carried on without the passphrase asks for it again where
// what is saved would show, and reads it as if it had been typed at the
// start: no one has to leave and start again.
func TestProgramAsksForThePassphraseAgainWhereWhatIsSavedWouldShow(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name          string
		width, height int
		// to goes from home, locked, to where the passphrase is asked
		// for again; back is what shows there, still locked, and opened
		// what it shows once the passphrase is typed.
		to           []string
		back, opened string
	}{
		{"history", 100, 30, []string{"h", "enter"}, "Your history is still here, locked.", "1 check-in"},
		{"people", 40, 12, []string{"p", "enter"}, "Saved people are still here, locked.", "Sam (they/them)"},
		{"home", 100, 30, []string{"u"}, "Locked this time.", "Welcome back. Take your time."},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			w := newWorld(t, &profile.Profile{Name: "Sam", Pronouns: "they/them"})
			saved := profile.NewCheckinSession(testStart, catalog.Together, "tender", []profile.Turn{{Name: "Sam"}, {Name: "Alex"}}, []string{"make-tea"}, "")
			if err := w.store.SaveSession(saved); err != nil {
				t.Fatal(err)
			}
			p := runProgram(t, locked(t, w), c.width, c.height, "NO_COLOR=1")
			p.waitFor("Passphrase")
			p.press("enter")
			p.waitFor("Check in together")
			p.press(c.to...)
			p.waitFor("Passphrase")
			p.typeText("tea and toast at dusk")
			p.press("enter")
			p.waitFor("That passphrase does not open it.")
			// esc goes back to where it was asked for, still locked.
			p.press("esc")
			p.waitFor(c.back)
			p.press(c.to...)
			p.waitFor("Passphrase")
			p.typeText(testPassphrase)
			p.press("enter")
			p.waitFor(c.opened)
			opened := p.mark()
			p.press("esc")
			p.waitFor("Check in together")
			p.press("h")
			p.waitFor("Sam and Alex")
			p.press("esc", "p")
			p.waitFor("Sam (they/them)")
			p.press("esc")
			p.waitFor("Check in together")
			m := p.quit()
			if !w.store.Unlocked() || m.c.locked || len(m.c.profiles) != 1 {
				t.Errorf("after the passphrase: unlocked %v, locked run %v, profiles %v", w.store.Unlocked(), m.c.locked, m.c.profiles)
			}
			// The history may still be being read as the program ends.
			if errs, _ := m.Unread(); len(errs) != 0 {
				t.Errorf("unread %v", errs)
			}
			for i, screen := range p.screensSince(0) {
				if strings.Contains(screen, "toast") || strings.Contains(screen, "start aftercare again") || i >= opened && strings.Contains(screen, "Unlock") {
					t.Fatalf("a screen shows:\n%s", screen)
				}
			}
		})
	}
}

// Opened again from home, the history is read as it would have been at
// the start: a follow-up waiting on it is offered.
func TestUnlockingFromHomeOffersTheFollowUpThatWaited(t *testing.T) {
	t.Parallel()
	r := start(t, lockedWithFollowUpsDue(1)(t, newWorld(t)), 100, 30)
	r.enter(1).sees("A follow-up is waiting, locked. To open it, choose Unlock.")
	r.keys("u").typeText(testPassphrase).enter(1)
	r.sees("Sam asked to be checked on", "» Follow up")
	r.doesNotSee("Unlock")
}
