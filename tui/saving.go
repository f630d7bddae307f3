package tui

import (
	"errors"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/aftercare-tui/aftercare/profile"
)

// saving writes a check-in, plan or follow-up without blocking the screen.
// It never claims success it did not have: a failed save is shown with the
// choice to try again or to go home without it.
type saving struct {
	ck   *checkin
	what string // "check-in", "plan" or "follow-up", for messages
	save func(*profile.Store) error
	busy bool
	err  error
}

func newSaving(ck *checkin, what string, save func(*profile.Store) error) *saving {
	return &saving{ck: ck, what: what, save: save}
}

func (s *saving) init(c *ctx) tea.Cmd {
	s.busy, s.err = true, nil
	store, save := c.store, s.save
	return func() tea.Msg { return savedMsg{err: save(store)} }
}

func (s *saving) saving() bool { return s.busy }

func (s *saving) update(c *ctx, msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case savedMsg:
		s.busy, s.err = false, msg.err
		if off := errors.Is(msg.err, profile.ErrHistoryOff); msg.err == nil || off {
			c.reloadProfiles()
			return newDone(s.ck, off), loadHistory(c.store)
		}
	case tea.KeyPressMsg:
		if s.busy {
			return s, nil
		}
		switch msg.String() {
		case "r", "enter":
			return s, s.init(c)
		case "esc":
			c.reloadProfiles()
			return newHome(c), nil
		}
	}
	return s, nil
}

func (s *saving) view(c *ctx) (string, string) {
	st := c.st
	switch {
	case s.busy:
		return "saving", st.muted.Render("Saving…")
	case s.err == nil:
		return "saved", st.muted.Render("Saved.")
	}
	return "not saved", st.warning.Render("This "+s.what+" could not be saved.") + "\n\n" +
		st.text.Render(firstLines(s.err.Error(), 3)) + "\n\n" +
		st.muted.Render("Press enter to try again, or esc to go home without saving.")
}

func (s *saving) keys() keyMap {
	if s.busy {
		return withCommon()
	}
	return withCommon(continueKey("try again"), backKey())
}

func (s *saving) unsaved() bool { return !s.busy }
func (s *saving) typing() bool  { return false }

func firstLines(text string, n int) string {
	lines := strings.Split(text, "\n")
	return strings.Join(lines[:min(n, len(lines))], "\n")
}

// reloadProfiles reads the saved people again after they changed; the
// readable ones are kept if another file cannot be read.
func (c *ctx) reloadProfiles() {
	c.profiles, _ = c.store.ReadableProfiles()
}

// done closes a check-in, plan or follow-up that was saved.
type done struct {
	ck         *checkin
	historyOff bool
}

func newDone(ck *checkin, historyOff bool) *done { return &done{ck: ck, historyOff: historyOff} }

func (d *done) init(*ctx) tea.Cmd { return nil }

func (d *done) update(c *ctx, msg tea.Msg) (screen, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && k.String() == "enter" {
		return newHome(c), nil
	}
	return d, nil
}

func (d *done) view(c *ctx) (string, string) {
	st := c.st
	var words, saved string
	switch {
	case d.ck.kind == planAhead:
		words, saved = "Thank you for planning together.", "Your plan is saved. When you check in together in the next 12 hours, it starts from this plan."
	case d.ck.kind == followUp:
		words, saved = "Thank you for checking in again.", "How things went will shape what is suggested next time."
	case d.ck.together():
		words, saved = "Take good care of each other.", "Saved to your history."
	default:
		words, saved = "Take good care of yourself.", "Saved to your history."
	}
	if d.historyOff {
		saved = "Nothing was saved: history is switched off in your settings."
	}
	return "done", st.title.Render(words) + "\n\n" + st.text.Render(saved)
}

func (d *done) keys() keyMap  { return withCommon(continueKey("home")) }
func (d *done) unsaved() bool { return false }
func (d *done) typing() bool  { return false }
