package tui

import (
	"errors"
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/profile"
)

// pick asks what you will do, from the suggestions, and for a note; guests
// may be remembered as people. Finishing it saves the check-in.
type pick struct {
	chosen   []string
	note     string
	remember []string
}

func newPick(c *ctx, ck *checkin, result catalog.Result, from screen) screen {
	p := &pick{}
	var opts []huh.Option[string]
	seen := map[string]bool{}
	add := func(list []catalog.Suggestion) {
		for _, s := range list {
			if !seen[s.ID] {
				seen[s.ID] = true
				opts = append(opts, huh.NewOption(s.Title, s.ID))
			}
		}
	}
	add(result.Suggestions)
	if result.Compromise != nil {
		add(result.Compromise.Bridges)
		for _, own := range result.Compromise.Each {
			add(own.Suggestions)
		}
	}
	if len(result.Suggestions) > 0 {
		p.chosen = []string{result.Suggestions[0].ID}
	}
	noteTitle := "Anything to remember about tonight?"
	if !ck.together() {
		noteTitle = "A note for your journal?"
	}
	var fields []step
	if len(opts) > 0 {
		fields = append(fields, step{field: huh.NewMultiSelect[string]().Title("What will you do?").
			Description("Tick any with space. The first idea is ticked already.").Options(opts...).Value(&p.chosen)})
	}
	fields = append(fields, step{field: huh.NewText().Title(noteTitle).Description("Optional. It is saved with this check-in.").
		Placeholder("A few words, or nothing at all").CharLimit(2000).Lines(3).Value(&p.note)})
	if guests := guestNames(ck); len(guests) > 0 {
		var gopts []huh.Option[string]
		for _, g := range guests {
			gopts = append(gopts, huh.NewOption(g, g))
		}
		fields = append(fields, step{field: huh.NewMultiSelect[string]().Title("Remember anyone as a person?").
			Description("Only if they want it. A profile keeps their likes and never-list for next time.").
			Options(gopts...).Value(&p.remember)})
	}
	return steps("what you will do", true, fields,
		func(*ctx) screen { return from },
		func(c *ctx) (screen, tea.Cmd) { return newSaving(c, ck, p.chosen, p.note, p.remember), nil })
}

// guestNames are the people without a profile who gave a name of their
// own; "You" and "Person 2" are not names to remember.
func guestNames(ck *checkin) []string {
	var out []string
	for i, p := range ck.people {
		if p.profile == nil && p.name != soloGuest && p.name != fmt.Sprintf("Person %d", i+1) {
			out = append(out, p.name)
		}
	}
	return out
}

// saving writes the check-in, and any new people, without blocking the
// screen. It never claims success it did not have: a failed save is shown
// with the choice to try again.
type saving struct {
	ck       *checkin
	session  *profile.Session
	remember []string
	busy     bool
	err      error
	off      bool // history is switched off: nothing was written
}

func newSaving(c *ctx, ck *checkin, chosen []string, note string, remember []string) *saving {
	return &saving{ck: ck, remember: remember,
		session: profile.NewCheckinSession(ck.started, ck.mode, ck.situation, ck.turns, chosen, note)}
}

func (s *saving) init(c *ctx) tea.Cmd {
	s.busy, s.err = true, nil
	store, session, names := c.store, s.session, s.remember
	return func() tea.Msg {
		err := store.SaveSession(session)
		for _, name := range names {
			if perr := store.CreateProfile(&profile.Profile{Name: name}); perr != nil {
				err = errors.Join(err, perr)
			}
		}
		return savedMsg{err: err}
	}
}

func (s *saving) saving() bool { return s.busy }

func (s *saving) update(c *ctx, msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case savedMsg:
		s.busy = false
		s.off = errors.Is(msg.err, profile.ErrHistoryOff)
		s.err = msg.err
		if s.err == nil || s.off && len(s.remember) == 0 {
			return newDone(s.ck.together(), s.off), nil
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
	case s.err == nil || s.off:
		return "saved", st.muted.Render("Saved.")
	}
	return "not saved", st.warning.Render("This check-in could not be saved.") + "\n\n" +
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

// done closes a check-in that was saved.
type done struct{ together, historyOff bool }

func newDone(together, historyOff bool) *done {
	return &done{together: together, historyOff: historyOff}
}

func (d *done) init(*ctx) tea.Cmd { return nil }

func (d *done) update(c *ctx, msg tea.Msg) (screen, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && k.String() == "enter" {
		c.reloadProfiles()
		return newHome(c), nil
	}
	return d, nil
}

func (d *done) view(c *ctx) (string, string) {
	st := c.st
	saved := "Saved to your history."
	if d.historyOff {
		saved = "Nothing was saved: history is switched off in your settings."
	}
	words := "Take good care of each other."
	if !d.together {
		words = "Take good care of yourself."
	}
	return "done", st.title.Render(words) + "\n\n" + st.text.Render(saved)
}

func (d *done) keys() keyMap  { return withCommon(continueKey("home")) }
func (d *done) unsaved() bool { return false }
func (d *done) typing() bool  { return false }
