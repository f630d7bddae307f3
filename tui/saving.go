package tui

import (
	"errors"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/profile"
)

// saving writes a check-in, plan or follow-up without blocking the screen.
// It never claims success it did not have: a failed save is shown with the
// choice to try again or to go home without it. A check-in that was saved
// is never offered as unsaved: a guest who could not be remembered is
// reported apart, on the screen that says it was saved.
type saving struct {
	ck   *checkin
	what string // "check-in", "plan" or "follow-up", for messages
	save func(*profile.Store) error
	busy bool
	// write is the save under way, or the last one.
	write *pendingWrite
	err   error
	// then, when set, is where a save in the middle of a round goes on to,
	// after saying savedText; esc after a failure goes on without it.
	then      func(c *ctx) (screen, tea.Cmd)
	savedText string
}

// notRemembered reports guests who could not be remembered as people,
// after the check-in itself was saved.
type notRemembered struct {
	names      []string
	err        error
	historyOff bool // and the check-in was not kept, as the settings ask
}

func (n *notRemembered) Error() string { return catalog.JoinAnd(n.names) + ": " + n.err.Error() }
func (n *notRemembered) Unwrap() error { return n.err }

func newSaving(ck *checkin, what string, save func(*profile.Store) error) *saving {
	return &saving{ck: ck, what: what, save: save}
}

// andThen makes the save a step in the middle of a round.
func (s *saving) andThen(then func(c *ctx) (screen, tea.Cmd), savedText string) *saving {
	s.then, s.savedText = then, savedText
	return s
}

func (s *saving) init(c *ctx) tea.Cmd {
	s.busy, s.err = true, nil
	store, save := c.store, s.save
	var cmd tea.Cmd
	s.write, cmd = startWrite(func() error { return save(store) })
	return cmd
}

func (s *saving) saving() bool { return s.busy }

func (s *saving) pending() *pendingWrite { return s.write }

// stillSaving: a save in the middle of a round is a follow-up asked for
// privately, which a stop never mentions; the round is what is lost.
func (s *saving) stillSaving() string {
	if s.then != nil {
		return s.ck.lost()
	}
	return "the " + s.what + " was still being saved when aftercare stopped, and may not have been"
}

func (s *saving) update(c *ctx, msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case savedMsg:
		s.busy, s.err = false, msg.err
		var guests *notRemembered
		remembered := !errors.As(msg.err, &guests)
		off := errors.Is(msg.err, profile.ErrHistoryOff) || !remembered && guests.historyOff
		switch {
		case s.then != nil:
			return s, loadHistory(c)
		case msg.err == nil || off || !remembered:
			return newDone(s.ck, off, guests), tea.Batch(loadHistory(c), loadProfiles(c))
		}
	case tea.KeyPressMsg:
		switch {
		case s.busy:
		case s.goesOn():
			if key.Matches(msg, continueKey("")) {
				return s.then(c)
			}
		case key.Matches(msg, continueKey("")):
			return s, s.init(c)
		case key.Matches(msg, s.giveUpKey()):
			if s.then != nil {
				return s.then(c)
			}
			return newHome(c), loadProfiles(c)
		}
	}
	return s, nil
}

// goesOn says whether a save in the middle of a round is over, however
// it went, and the round can go on.
func (s *saving) goesOn() bool {
	return !s.busy && s.then != nil && (s.err == nil || errors.Is(s.err, profile.ErrHistoryOff))
}

// giveUpKey goes on without what could not be saved. It is not a step
// back, so shift+tab is not part of it: see escKey.
func (s *saving) giveUpKey() key.Binding {
	if s.then != nil {
		return escKey("go on without it")
	}
	return escKey("go home")
}

func (s *saving) view(c *ctx) (string, string) {
	st := c.st
	switch {
	case s.busy:
		return "saving", st.muted.Render("Saving…")
	case s.err == nil && s.then != nil:
		return "saved", st.text.Render(s.savedText)
	case s.err == nil:
		return "saved", st.muted.Render("Saved.")
	case s.then != nil && errors.Is(s.err, profile.ErrHistoryOff):
		return "not saved", st.text.Render("History is switched off in your settings, so aftercare cannot keep this " + s.what + ".")
	}
	leave := "Press enter to try again, or esc to go home without saving."
	if s.then != nil {
		leave = "Press enter to try again, or esc to go on without it."
	}
	return "not saved", st.warning.Render("This "+s.what+" could not be saved.") + "\n\n" +
		st.text.Render(firstLines(s.err.Error(), 3)) + "\n\n" + st.muted.Render(leave)
}

func (s *saving) keys(*ctx) keyMap {
	switch {
	case s.busy:
		return withCommon()
	case s.goesOn():
		return withCommon(continueKey("go on"))
	}
	return withCommon(continueKey("try again"), s.giveUpKey())
}

// unsaved: a failed save loses the round; a save in the middle of a round
// leaves the rest of the round unsaved.
func (s *saving) unsaved() bool { return !s.busy && (s.err != nil || s.then != nil) }
func (s *saving) typing() bool  { return false }

func firstLines(text string, n int) string {
	lines := strings.Split(text, "\n")
	return strings.Join(lines[:min(n, len(lines))], "\n")
}

// profilesLoadedMsg brings the saved people, read again after they
// changed; the readable ones, if another file cannot be read.
type profilesLoadedMsg struct{ profiles []*profile.Profile }

// loadProfiles reads the saved people without holding up the screen;
// locked, there is nothing it could read.
func loadProfiles(c *ctx) tea.Cmd {
	if c.locked {
		return nil
	}
	store := c.store
	return func() tea.Msg {
		profiles, _ := store.ReadableProfiles()
		return profilesLoadedMsg{profiles}
	}
}

// done closes a check-in, plan or follow-up that was saved.
type done struct {
	ck         *checkin
	historyOff bool
	// guests is why someone could not be remembered as a person, if so.
	guests *notRemembered
}

func newDone(ck *checkin, historyOff bool, guests *notRemembered) *done {
	return &done{ck: ck, historyOff: historyOff, guests: guests}
}

func (d *done) init(*ctx) tea.Cmd { return nil }

func (d *done) update(c *ctx, msg tea.Msg) (screen, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, continueKey("")) {
		return newHome(c), nil
	}
	return d, nil
}

func (d *done) view(c *ctx) (string, string) {
	st := c.st
	var words, saved string
	switch {
	case d.ck.kind == planAhead && c.locked:
		// Only a run that opens what is saved can read the plan back.
		words, saved = "Thank you for planning together.", "Your plan is saved, locked. A check-in together in the next 12 hours starts from it once the passphrase opens aftercare."
	case d.ck.kind == planAhead:
		words, saved = "Thank you for planning together.", "Your plan is saved. When you check in together in the next 12 hours, it starts from this plan."
	case d.ck.kind == followUp:
		words, saved = "Thank you for checking in again.", "How things went will shape what is suggested next time."
	case d.ck.together() && d.ck.quiet:
		words, saved = "Thank you for checking in.", "Saved to your history."
	case d.ck.together():
		words, saved = "Take good care of each other.", "Saved to your history."
	default:
		words, saved = "Take good care of yourself.", "Saved to your history."
	}
	if d.historyOff {
		saved = "Nothing was saved: history is switched off in your settings."
	}
	body := st.title.Render(words) + "\n\n" + st.text.Render(saved)
	if d.guests != nil {
		body += "\n\n" + st.warning.Render("Not remembered as a person: ") + st.text.Render(firstLines(d.guests.Error(), 3)) +
			"\n" + st.muted.Render("You can add them under People at any time.")
	}
	return "done", body
}

// stopped says that the round was saved, or why it was not kept.
func (d *done) stopped() string {
	if d.historyOff {
		return "nothing was kept: history is switched off in your settings"
	}
	return "the " + d.ck.kind.noun() + " was saved"
}

func (d *done) keys(*ctx) keyMap { return withCommon(continueKey("home")) }
func (d *done) unsaved() bool    { return false }
func (d *done) typing() bool     { return false }
