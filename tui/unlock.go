package tui

import (
	"errors"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/aftercare-tui/aftercare/flow"
	"github.com/aftercare-tui/aftercare/profile"
)

// unlock is the first screen when what is saved is locked: it asks for the
// passphrase, masked, and opens the saved people and check-ins with it.
// enter on an empty line, or esc, carries on without it: a check-in is
// still saved, sealed, but nothing saved is read until the passphrase is
// typed, here or where a screen of saved things asks for it again (see
// askAgain). Locked to a key kept in a file, which no passphrase opens,
// it says how to open it and carries on without it.
type unlock struct {
	start   Start
	keyFile bool
	input   textinput.Model
	// opening is set while the passphrase is tried, which takes a second on
	// purpose: a second enter must neither try it again nor carry on.
	opening bool
	// tried is why the last passphrase did not open the data, if it did not.
	tried error
	// back is the screen that asked for the passphrase again, which esc
	// goes back to, and reopen shows that screen anew once the passphrase
	// opened what it shows; both nil on the first screen of a run.
	back   screen
	reopen func(c *ctx) screen
}

func newUnlock(c *ctx, start Start) *unlock {
	input := textinput.New()
	input.EchoMode = textinput.EchoPassword
	input.Prompt = "> "
	return &unlock{start: start, keyFile: c.keyFile, input: input}
}

// askAgain is the passphrase screen, asked for from back in a run that
// carried on without it: a person who pressed enter once at the start
// need not leave and start again to open what is saved.
func askAgain(c *ctx, back screen, reopen func(c *ctx) screen) *unlock {
	u := newUnlock(c, Start{})
	u.back, u.reopen = back, reopen
	return u
}

func (u *unlock) init(c *ctx) tea.Cmd {
	u.size(c)
	u.input.SetStyles(c.st.inputStyles())
	return u.input.Focus()
}

// size keeps the masked line on one line of the screen, whatever its length.
func (u *unlock) size(c *ctx) { u.input.SetWidth(max(c.bodyWidth-lipgloss.Width(u.input.Prompt)-1, 1)) }

func (u *unlock) update(c *ctx, msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case openedMsg:
		return u.opened(c, msg)
	case tea.WindowSizeMsg:
		u.size(c)
		return u, nil
	case tea.BackgroundColorMsg:
		u.input.SetStyles(c.st.inputStyles())
		return u, nil
	case typedMsg:
		return u.update(c, tea.PasteMsg{Content: msg.text})
	case tea.PasteMsg:
		if u.opening || u.keyFile {
			return u, nil
		}
		// A passphrase is one line: pasted with the line break after it,
		// as a password manager may, it is that line.
		msg.Content = strings.TrimRight(msg.Content, "\r\n")
		var cmd tea.Cmd
		u.input, cmd = u.input.Update(msg)
		return u, cmd
	case tea.KeyPressMsg:
		open, carryOn := u.keyBindings()
		switch {
		case u.opening:
			return u, nil
		case key.Matches(msg, carryOn):
			return u.carryOn(c)
		case key.Matches(msg, open):
			u.opening = true
			return u, tryPassphrase(c.store, u.input.Value(), u.start, c.now())
		case u.keyFile, key.Matches(msg, deleteWordForward()):
			return u, nil
		}
	}
	var cmd tea.Cmd
	u.input, cmd = u.input.Update(msg)
	return u, cmd
}

// carryOn goes on without the passphrase. Nothing saved is read, unless
// the passphrase is asked for again: the history is as good as empty.
// A follow-up cannot run without the check-in it follows: home, where a
// check-in can, is where it carries on to. Asked for again, it goes back.
func (u *unlock) carryOn(c *ctx) (screen, tea.Cmd) {
	if u.back != nil {
		return u.back, nil
	}
	c.history = &profile.Digest{}
	start := u.start
	start.FollowUpID = ""
	return startAt(c, start), nil
}

// opened goes on to where the run starts, as a run that was never locked
// would, once the passphrase opened the data, or shows anew the screen
// that asked for it; otherwise it asks again, the field emptied.
func (u *unlock) opened(c *ctx, msg openedMsg) (screen, tea.Cmd) {
	u.opening = false
	if msg.err != nil {
		u.tried = msg.err
		u.input.Reset()
		return u, nil
	}
	c.locked = false
	c.profiles, c.unreadProfiles, c.unreadOnOpening = msg.profiles, msg.unreadProfiles, msg.unread
	start := u.start
	start.FollowUp, start.FollowUpID = msg.followUp, ""
	next := u.reopen
	if next == nil {
		next = func(c *ctx) screen { return startAt(c, start) }
	}
	if msg.history == nil && msg.historyErr == nil {
		// Asked for again, the run had taken the history for empty.
		c.history = nil
		return next(c), loadHistory(c)
	}
	c.history, c.historyErr = msg.history, msg.historyErr
	return next(c), nil
}

// openedMsg is how trying a passphrase went and, when it opened the data,
// what was read with it.
type openedMsg struct {
	err      error
	profiles []*profile.Profile
	// unread are the profiles that cannot be read, each with its error,
	// and unreadProfiles the same profiles' entries.
	unread         []error
	unreadProfiles []profile.ProfileEntry
	history        *profile.Digest
	historyErr     error
	// followUp is the check-in to follow up, when the run starts with one.
	followUp *profile.Session
}

// tryPassphrase opens the data with the passphrase and, once it is open,
// reads the saved people; for a run that starts with a check-in, plan or
// follow-up, which needs it from its first screen, the history too; and
// the check-in a follow-up follows, which goes among what could not be
// read when it cannot be (the run then starts at home). All of it is slow,
// the passphrase on purpose, so none of it holds up the screen.
func tryPassphrase(store *profile.Store, passphrase string, start Start, now time.Time) tea.Cmd {
	withHistory := len(start.Names) > 0 || start.FollowUp != nil || start.FollowUpID != ""
	return func() tea.Msg {
		if err := store.UnlockWithPassphrase(passphrase); err != nil {
			return openedMsg{err: err}
		}
		var msg openedMsg
		entries, err := store.Profiles()
		if err != nil {
			msg.unread = []error{err}
		}
		msg.profiles, msg.unreadProfiles = profile.SplitProfiles(entries)
		msg.unread = append(msg.unread, entryErrs(msg.unreadProfiles, profileErr)...)
		if withHistory {
			msg.history, msg.historyErr = store.Digest(now)
		}
		if start.FollowUpID != "" {
			var err error
			if msg.followUp, err = store.CheckinToFollowUp(start.FollowUpID); err != nil {
				msg.unread = append(msg.unread, err)
			}
		}
		return msg
	}
}

func (u *unlock) view(c *ctx) (string, string) {
	st := c.st
	title := st.title.Render("Your saved people and check-ins are locked.")
	if u.keyFile {
		return "locked", fitBlocks(c, []string{
			title,
			st.text.Render("They are locked to a key kept in a file of your own. To open them, start aftercare again with AFTERCARE_IDENTITY set to that file."),
			st.text.Render("Press enter to carry on without them. A check-in is still saved, encrypted."),
			// A passphrase lock whose key.age went missing looks the same.
			st.muted.Render("If they were locked with a passphrase, key.age, which holds the key, is missing from the data folder: put it back from a backup."),
		}, 2, 0, 1, 3)
	}
	words := "Type the passphrase to open them. Or press enter to carry on without it: a check-in is still saved, encrypted."
	orElse, otherwise := "press enter on an empty line to carry on without it", "Press enter on an empty line to carry on without it."
	switch {
	case u.back != nil:
		words = "Type the passphrase to open them, or press esc to go back."
		orElse, otherwise = "press esc to go back", "Press esc to go back."
	case u.start.FollowUpID != "":
		words = "Type the passphrase to open them: the follow-up needs the check-in it follows. Or press enter to carry on without it: the follow-up waits for another time, and a check-in is still saved, encrypted."
	}
	text := st.text.Render(words)
	field := st.title.Render("Passphrase") + "\n" + u.input.View()
	said := ""
	switch {
	case u.opening:
		said = st.muted.Render("Opening...")
	case errors.Is(u.tried, profile.ErrWrongPassphrase):
		said = st.warm.Render("That passphrase does not open it. Try again, or " + orElse + ".")
	case u.tried != nil:
		said = st.warning.Render("It could not be opened: ") + st.text.Render(flow.FirstLines(u.tried.Error(), 2)) + "\n" +
			st.muted.Render(otherwise)
	}
	return "locked", fitBlocks(c, []string{title, text, field, said}, 2, 3, 0, 1)
}

// fitBlocks joins blocks, in their order, with a blank line between them,
// leaving out those that do not fit the screen: the ones keep names first
// are kept first, and an empty one is not there at all.
func fitBlocks(c *ctx, blocks []string, keep ...int) string {
	wrap := lipgloss.NewStyle().Width(c.bodyWidth)
	shown := make([]bool, len(blocks))
	used := -1
	for _, i := range keep {
		if blocks[i] == "" {
			continue
		}
		if lines := lipgloss.Height(wrap.Render(blocks[i])) + 1; used < 0 || used+lines <= c.bodyHeight {
			shown[i], used = true, used+lines
		}
	}
	var out []string
	for i, b := range blocks {
		if shown[i] {
			out = append(out, b)
		}
	}
	return strings.Join(out, "\n\n")
}

// keyBindings are the keys that open the data with the passphrase typed,
// and that carry on without it. esc carries on, but it is not a step back,
// so shift+tab does nothing here (see escKey); with nothing typed, enter
// carries on too, and open is no key at all. Asked for again, esc is a
// step back, and enter on an empty line does nothing: it was asked for
// on purpose.
func (u *unlock) keyBindings() (open, carryOn key.Binding) {
	switch {
	case u.back != nil && u.input.Value() == "":
		return key.Binding{}, backKey()
	case u.back != nil:
		return continueKey("open"), backKey()
	case u.keyFile || u.input.Value() == "":
		carryOn = continueKey("carry on")
		carryOn.SetKeys(append(carryOn.Keys(), escKey("").Keys()...)...)
		return key.Binding{}, carryOn
	}
	return continueKey("open"), escKey("carry on")
}

func (u *unlock) keys(*ctx) keyMap {
	open, carryOn := u.keyBindings()
	switch {
	case u.keyFile:
		return withCommon(carryOn)
	case u.opening:
		return whileTyping()
	case u.input.Value() == "":
		return whileTyping(carryOn)
	}
	return whileTyping(open, carryOn)
}

func (u *unlock) unsaved() bool { return false }
func (u *unlock) typing() bool  { return !u.keyFile }

// lockedView is what a screen of saved things shows in a run that carried
// on without opening them: that they are there, locked, and how to open
// them; never an empty list, as if nothing had been saved.
func lockedView(c *ctx, title string) string {
	why := "aftercare carried on without the passphrase. Press enter to type it now."
	switch {
	case c.lockedSince && c.keyFile:
		why = "Another run of aftercare locked it, to a key kept in a file, while this one was open. Nothing is damaged. " + keyFileHowToOpen
	case c.lockedSince:
		why = "Another run of aftercare locked it while this one was open. Nothing is damaged. Press enter to type the passphrase."
	case c.keyFile:
		why = "It is locked to a key kept in a file. " + keyFileHowToOpen
	}
	return c.st.title.Render(title) + "\n\n" + c.st.text.Render(why)
}

// keyFileHowToOpen says how to open what is locked to a key kept in a
// file, which no passphrase opens: only a run started with it can.
const keyFileHowToOpen = "To open what is saved, leave (ctrl+c) and start aftercare again with AFTERCARE_IDENTITY set to that file."

// unlockKey asks for the passphrase again, on a screen of saved things in
// a run that carried on without it; none, when it is locked to a key file.
func unlockKey(c *ctx) key.Binding {
	if c.keyFile {
		return key.Binding{}
	}
	return continueKey("unlock")
}
