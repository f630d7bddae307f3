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
// still saved, sealed, but nothing saved is read this run. Locked to a key
// kept in a file, which no passphrase opens, it says how to open it and
// carries on without it.
type unlock struct {
	start   Start
	keyFile bool
	input   textinput.Model
	// opening is set while the passphrase is tried, which takes a second on
	// purpose: a second enter must neither try it again nor carry on.
	opening bool
	// tried is why the last passphrase did not open the data, if it did not.
	tried error
}

func newUnlock(c *ctx, start Start) *unlock {
	input := textinput.New()
	input.EchoMode = textinput.EchoPassword
	input.Prompt = "> "
	return &unlock{start: start, keyFile: c.keyFile, input: input}
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

// carryOn goes on without the passphrase. Nothing saved is read this run:
// the history is as good as empty, and there is none left to read later.
// A follow-up cannot run without the check-in it follows: home, where a
// check-in can, is where it carries on to.
func (u *unlock) carryOn(c *ctx) (screen, tea.Cmd) {
	c.history = &profile.Digest{}
	start := u.start
	start.FollowUpID = ""
	return startAt(c, start), nil
}

// opened goes on to where the run starts, as a run that was never locked
// would, once the passphrase opened the data; otherwise it asks again,
// the field emptied.
func (u *unlock) opened(c *ctx, msg openedMsg) (screen, tea.Cmd) {
	u.opening = false
	if msg.err != nil {
		u.tried = msg.err
		u.input.Reset()
		return u, nil
	}
	c.locked = false
	c.profiles, c.unreadOnOpening = msg.profiles, msg.unread
	start := u.start
	start.FollowUp, start.FollowUpID = msg.followUp, ""
	if msg.history == nil && msg.historyErr == nil {
		return startAt(c, start), loadHistory(c)
	}
	c.history, c.historyErr = msg.history, msg.historyErr
	return startAt(c, start), nil
}

// openedMsg is how trying a passphrase went and, when it opened the data,
// what was read with it.
type openedMsg struct {
	err      error
	profiles []*profile.Profile
	// unread are the profiles that cannot be read, each with its error.
	unread     []error
	history    *profile.Digest
	historyErr error
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
		for _, e := range entries {
			if e.Err != nil {
				msg.unread = append(msg.unread, e.Err)
				continue
			}
			msg.profiles = append(msg.profiles, e.Profile)
		}
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
		}, 2, 0, 1)
	}
	words := "Type the passphrase to open them. Or press enter to carry on without it: a check-in is still saved, encrypted."
	if u.start.FollowUpID != "" {
		words = "Type the passphrase to open them: the follow-up needs the check-in it follows. Or press enter to carry on without it: the follow-up waits for another time, and a check-in is still saved, encrypted."
	}
	text := st.text.Render(words)
	field := st.title.Render("Passphrase") + "\n" + u.input.View()
	said := ""
	switch {
	case u.opening:
		said = st.muted.Render("Opening…")
	case errors.Is(u.tried, profile.ErrWrongPassphrase):
		said = st.warm.Render("That passphrase does not open it. Try again, or press enter on an empty line to carry on without it.")
	case u.tried != nil:
		said = st.warning.Render("It could not be opened: ") + st.text.Render(flow.FirstLines(u.tried.Error(), 2)) + "\n" +
			st.muted.Render("Press enter on an empty line to carry on without it.")
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
// carries on too, and open is no key at all.
func (u *unlock) keyBindings() (open, carryOn key.Binding) {
	if u.keyFile || u.input.Value() == "" {
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
	why := "aftercare carried on without the passphrase. " + howToOpen(c)
	if c.keyFile {
		why = "It is locked to a key kept in a file. " + howToOpen(c)
	}
	return c.st.title.Render(title) + "\n\n" + c.st.text.Render(why)
}

// howToOpen says how to open what is saved in a run that carried on
// without it: there is no way back to the passphrase within the run.
func howToOpen(c *ctx) string {
	if c.keyFile {
		return "To open what is saved, leave (ctrl+c) and start aftercare again with AFTERCARE_IDENTITY set to that file."
	}
	return "To open what is saved, leave (ctrl+c), start aftercare again and type the passphrase."
}
