package tui

import (
	"errors"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/aftercare-tui/aftercare/flow"
	"github.com/aftercare-tui/aftercare/profile"
)

// saving writes a round's flow.Save without blocking the screen. It never
// claims success it did not have: a failed save is shown with the choice
// to try again or to go on without it. A check-in that was saved is never
// offered as unsaved: a guest who could not be remembered is reported
// apart, on the screen that says it was saved.
type saving struct {
	r    *flow.Round
	save *flow.Save
	busy bool
	// write is the save under way, or the last one.
	write *pendingWrite
	err   error
	// then is where a save in the middle of a round goes on to, once it
	// has said it was saved.
	then flow.Step
}

func newSaving(r *flow.Round, save *flow.Save) *saving { return &saving{r: r, save: save} }

func (s *saving) init(c *ctx) tea.Cmd {
	s.busy, s.err = true, nil
	store, write := c.store, s.save.Write
	var cmd tea.Cmd
	s.write, cmd = startWrite(func() error { return write(store) })
	return cmd
}

func (s *saving) saving() bool { return s.busy }

func (s *saving) pending() *pendingWrite { return s.write }

// stillSaving: a save in the middle of a round is a follow-up asked for
// privately, which a stop never mentions; the round is what is lost.
func (s *saving) stillSaving() string {
	if s.save.MidRound() {
		return s.r.Lost()
	}
	return "the " + s.save.What + " was still being saved when aftercare stopped, and may not have been"
}

func (s *saving) update(c *ctx, msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case savedMsg:
		s.busy, s.err = false, msg.err
		next, ok := s.r.Saved(s.save, msg.err)
		switch {
		case ok && s.save.MidRound():
			s.then = next
			return s, loadHistory(c)
		case ok:
			return show(c, next), tea.Batch(loadHistory(c), loadProfiles(c))
		}
	case tea.KeyPressMsg:
		switch {
		case s.busy:
		case s.then != nil:
			if key.Matches(msg, continueKey("")) {
				return show(c, s.then), nil
			}
		case key.Matches(msg, continueKey("")):
			return s, s.init(c)
		case key.Matches(msg, s.giveUpKey()):
			return show(c, s.save.Skip()), loadProfiles(c)
		}
	}
	return s, nil
}

// goesOn says whether a save in the middle of a round is over, however
// it went, and the round can go on.
func (s *saving) goesOn() bool { return !s.busy && s.then != nil }

// giveUpKey goes on without what could not be saved. It is not a step
// back, so shift+tab is not part of it: see escKey.
func (s *saving) giveUpKey() key.Binding {
	if s.save.MidRound() {
		return escKey("go on without it")
	}
	return escKey("go home")
}

func (s *saving) view(c *ctx) (string, string) {
	st := c.st
	switch {
	case s.busy:
		return "saving", st.muted.Render("Saving...")
	case s.err == nil && s.then != nil:
		return "saved", st.text.Render(s.save.SavedText)
	case s.err == nil:
		return "saved", st.muted.Render("Saved.")
	case s.then != nil && errors.Is(s.err, profile.ErrHistoryOff):
		return "not saved", st.text.Render("History is switched off in your settings, so aftercare cannot keep this " + s.save.What + ".")
	}
	leave := "Press enter to try again, or esc to go home without saving."
	if s.save.MidRound() {
		leave = "Press enter to try again, or esc to go on without it."
	}
	return "not saved", st.warning.Render("This "+s.save.What+" could not be saved.") + "\n\n" +
		st.text.Render(flow.FirstLines(s.err.Error(), 3)) + "\n\n" + st.muted.Render(leave)
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
func (s *saving) unsaved() bool { return !s.busy && (s.err != nil || s.save.MidRound()) }
func (s *saving) typing() bool  { return false }

// profilesLoadedMsg brings the saved people, read again after they
// changed: those read, and the files that could not be, whose people a
// check-in must still treat with care.
type profilesLoadedMsg struct {
	profiles []*profile.Profile
	unread   []profile.ProfileEntry
}

// loadProfiles reads the saved people without holding up the screen;
// locked, there is nothing it could read.
func loadProfiles(c *ctx) tea.Cmd {
	if c.locked {
		return nil
	}
	store := c.store
	return func() tea.Msg {
		entries, err := store.Profiles()
		if err != nil {
			// The folder could not be listed: what was known stays.
			return nil
		}
		read, unread := profile.SplitProfiles(entries)
		return profilesLoadedMsg{read, unread}
	}
}
