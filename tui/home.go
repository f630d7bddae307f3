package tui

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/flow"
	"github.com/aftercare-tui/aftercare/profile"
)

// home is the first screen: check in together or alone, plan ahead,
// people, history, support, help. On the very first run it says in a few lines what
// this is and that everything stays here. When a follow-up is due, it is
// offered first, gently.
type home struct {
	list  cursorList
	items []homeItem
	// due is the follow-up waiting longest, if any.
	due *profile.Session
}

type homeItem struct {
	label, hint string
	// shortcut opens the item with one letter; not every item has one.
	shortcut string
	open     func(c *ctx) (screen, tea.Cmd)
}

func newHome(c *ctx) *home {
	h := &home{}
	h.menu(c)
	return h
}

// menu lays out the choices, with a due follow-up first. The choice the
// cursor is on stays under it when the history, read in the background,
// adds or takes away the follow-up above it.
func (h *home) menu(c *ctx) {
	on := ""
	if h.list.cursor < len(h.items) {
		on = h.items[h.list.cursor].label
	}
	h.items = h.items[:0]
	h.due = nil
	if due := c.history.Due(c.now()); len(due) > 0 {
		h.due = due[0]
		of := h.due
		h.items = append(h.items, homeItem{"Follow up", "how you are now, and what helped", "f",
			func(c *ctx) (screen, tea.Cmd) { return show(c, flow.FollowUpOf(c, of).Start()), nil }})
	}
	h.items = append(h.items, []homeItem{
		{"Check in together", "two or more of you, taking turns", "t", func(c *ctx) (screen, tea.Cmd) { return newWho(c, catalog.Together, false), nil }},
		{"Check in alone", "for you, on your own", "a", func(c *ctx) (screen, tea.Cmd) { return newWho(c, catalog.Solo, false), nil }},
		{"Plan ahead", "before: what each of you will want", "l", func(c *ctx) (screen, tea.Cmd) { return newWho(c, catalog.Together, true), nil }},
		{"People", "what each of you likes and needs", "p", func(*ctx) (screen, tea.Cmd) { return newPeople(), nil }},
		{"History", "past check-ins", "h", func(*ctx) (screen, tea.Cmd) { return newHistory(), nil }},
	}...)
	if c.locked && !c.keyFile {
		h.items = append(h.items, homeItem{"Unlock", "type the passphrase to open what is saved", "u",
			func(c *ctx) (screen, tea.Cmd) { return askAgain(c, h, func(c *ctx) screen { return newHome(c) }), nil }})
	}
	h.items = append(h.items, []homeItem{
		{"Support", "people to talk to, any time", "s", func(c *ctx) (screen, tea.Cmd) { return newResources(c), nil }},
		{"About and help", "how this works", "", func(*ctx) (screen, tea.Cmd) { return newAbout(), nil }},
		{"Quit", "", "q", func(*ctx) (screen, tea.Cmd) { return nil, tea.Quit }},
	}...)
	h.list.cursor = min(h.list.cursor, len(h.items)-1)
	if on != "" && (h.list.cursor != 0 || h.due == nil) {
		if i := slices.IndexFunc(h.items, func(it homeItem) bool { return it.label == on }); i >= 0 {
			h.list.cursor = i
		}
	}
}

func (h *home) init(*ctx) tea.Cmd { return nil }

func (h *home) keys(*ctx) keyMap {
	up, down := upDownKeys()
	return withCommon(continueKey("open"), up, down, h.jumpKey())
}

// jumpKey is every item's shortcut together, for the help line:
// "t/a/l/p/h/s/q jump".
func (h *home) jumpKey() key.Binding {
	var letters []string
	for _, item := range h.items {
		letters = append(letters, item.jump().Keys()...)
	}
	return key.NewBinding(key.WithKeys(letters...), key.WithHelp(strings.Join(letters, "/"), "jump"))
}

// jump is the item's shortcut, if it has one.
func (it homeItem) jump() key.Binding {
	if it.shortcut == "" {
		return key.Binding{}
	}
	return key.NewBinding(key.WithKeys(it.shortcut))
}

func (h *home) update(c *ctx, msg tea.Msg) (screen, tea.Cmd) {
	if _, loaded := msg.(historyLoadedMsg); loaded {
		h.menu(c)
		return h, nil
	}
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return h, nil
	}
	switch {
	case h.list.move(k, len(h.items)):
	case key.Matches(k, continueKey("")):
		return h.open(c, h.items[h.list.cursor])
	default:
		for _, item := range h.items {
			if key.Matches(k, item.jump()) {
				return h.open(c, item)
			}
		}
	}
	return h, nil
}

// open goes where a menu item leads; quitting stays on this screen.
func (h *home) open(c *ctx, item homeItem) (screen, tea.Cmd) {
	next, cmd := item.open(c)
	if next == nil {
		return h, cmd
	}
	return next, cmd
}

func (h *home) view(c *ctx) (string, string) {
	st := c.st
	var b strings.Builder
	// The menu always shows; the welcome gives way to it on a small screen.
	room := c.bodyHeight - len(h.items)
	height := func(s string) int { return lipgloss.Height(lipgloss.NewStyle().Width(c.bodyWidth).Render(s)) }
	switch {
	case h.due != nil:
		// Follow up leads the menu, so the words may shrink to one line
		// or none, never push Support and Quit off the screen.
		words, short := dueWords(h.due, c.now()), "A follow-up is waiting."
		switch tall := height(words); {
		case room > tall:
			b.WriteString(st.warm.Render(words) + "\n\n")
		case room == tall:
			b.WriteString(st.warm.Render(words) + "\n")
		case room >= height(short):
			b.WriteString(st.warm.Render(short) + "\n")
		}
		room = 0
	case c.locked && c.dueLocked > 0:
		waiting, how := dueLockedWords(c)
		if room >= 1+height(waiting+" "+how) {
			waiting += " " + how
		}
		b.WriteString(st.warm.Render(waiting) + "\n")
		// The whole menu, Unlock and Quit too, comes before the blank line.
		if room > height(waiting) {
			b.WriteString("\n")
		}
		room = 0
	}
	welcome := "aftercare helps you check in with each other after sex, or with yourself, and suggests something kind to do next. Everything stays on this machine. Names are optional: start whenever you are ready."
	lockedTitle, locked := "Locked this time.", "Saved people and history stay closed. Check-ins are still saved, encrypted."
	if c.lockedSince {
		lockedTitle, locked = "Locked by another run.", "Another run of aftercare locked saved people and history while this one was open. Check-ins are still saved, encrypted."
	}
	switch {
	case c.locked && room >= 3+height(locked):
		b.WriteString(st.title.Render(lockedTitle) + "\n" + st.text.Render(locked) + "\n\n")
	case c.locked && room >= 2:
		b.WriteString(st.text.Render("People and history are locked.") + "\n\n")
	case c.locked && room >= 1:
		b.WriteString(st.text.Render("People and history are locked.") + "\n")
	case c.locked:
	case (len(c.profiles) > 0 || !c.history.Empty()) && room >= 2:
		b.WriteString(st.title.Render("Welcome back. Take your time.") + "\n\n")
	case len(c.profiles) > 0 || !c.history.Empty():
	case room >= 3+height(welcome):
		b.WriteString(st.title.Render("Welcome.") + "\n" + st.text.Render(welcome) + "\n\n")
	case room >= 2:
		b.WriteString(st.text.Render("Everything stays on this machine.") + "\n\n")
	}
	labelWidth := 0
	for _, item := range h.items {
		labelWidth = max(labelWidth, len(item.label))
	}
	for i, item := range h.items {
		label := fmt.Sprintf("%-*s", labelWidth, item.label)
		line := "  " + st.text.Render(label)
		if i == h.list.cursor {
			line = st.cursor.Render("» " + label)
		}
		if item.hint != "" && c.bodyWidth >= 60 {
			line += st.muted.Render("  " + item.hint)
		}
		b.WriteString(line + "\n")
	}
	return "home", b.String()
}

// dueWords offer a follow-up that is due at now. One asked for privately
// does not say whose it is: anyone may be at the keyboard.
func dueWords(s *profile.Session, now time.Time) string {
	if s.Kind == profile.PrivateFollowUp {
		return "Good to see you again. A follow-up someone asked for is waiting. Would they like to do it now?"
	}
	return fmt.Sprintf("Good to see you again. %s asked to be checked on after %s. Would you like to do that now?",
		catalog.JoinAnd(s.FollowUp.For), checkinOf(s.Started, now))
}

// checkinOf names the check-in that started at started for someone at
// now: by its weekday within the last week, by its date before that.
func checkinOf(started, now time.Time) string {
	if d := now.Sub(started); d >= 0 && d < 6*24*time.Hour {
		return started.Local().Format("Monday") + "'s check-in"
	}
	return "the check-in of " + profile.Dated(started, now, "Monday 2 January")
}

// dueLockedWords say that follow-ups wait on data this run did not open,
// and how to open it; never whose they are, which takes the key to know.
func dueLockedWords(c *ctx) (waiting, how string) {
	waiting = flow.DueLockedLine(c.dueLocked)
	if c.keyFile {
		return waiting, keyFileHowToOpen
	}
	if c.dueLocked > 1 {
		return waiting, "To open them, choose Unlock."
	}
	return waiting, "To open it, choose Unlock."
}

func (h *home) unsaved() bool { return false }
func (h *home) typing() bool  { return false }
