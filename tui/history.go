package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/profile"
)

// history lists past check-ins, newest first; enter opens one to read what
// was shared, chosen and noted. A file that cannot be read is listed as
// such and left alone.
type history struct {
	entries []profile.SessionEntry
	loaded  bool
	err     error
	list    cursorList
}

type sessionsLoadedMsg struct {
	entries []profile.SessionEntry
	err     error
}

func newHistory(*ctx) *history { return &history{} }

// init reads the history in the background: it can be long.
func (h *history) init(c *ctx) tea.Cmd {
	store := c.store
	return func() tea.Msg {
		entries, err := store.Sessions()
		return sessionsLoadedMsg{entries, err}
	}
}

func (h *history) update(c *ctx, msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case sessionsLoadedMsg:
		h.entries, h.err, h.loaded = msg.entries, msg.err, true
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, backKey()):
			return newHome(c), nil
		case h.list.move(msg, len(h.entries)):
		case msg.String() == "enter" && h.list.cursor < len(h.entries):
			e := h.entries[h.list.cursor]
			text := c.st.warning.Render("This file cannot be read, so it is left as it is:") + "\n" + e.Path + "\n\n" + errText(e.Err)
			header := "history · damaged file"
			if e.Session != nil {
				text, header = profile.FormatSession(c.cat, e.Session), "history · "+e.Session.Started.Local().Format("2 Jan 2006")
			}
			return newReading(header, text, h), nil
		}
	}
	return h, nil
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

func (h *history) view(c *ctx) (string, string) {
	st := c.st
	switch {
	case !h.loaded:
		return "history", st.muted.Render("Reading your history…")
	case h.err != nil:
		return "history", st.warning.Render("History could not be read: ") + st.text.Render(h.err.Error())
	case len(h.entries) == 0:
		return "history", st.title.Render("No check-ins saved yet.") + "\n\n" + st.muted.Render("They appear here after you save one.")
	}
	count := fmt.Sprintf("%d check-ins, newest first", len(h.entries))
	if len(h.entries) == 1 {
		count = "1 check-in"
	}
	rows := make([]string, len(h.entries))
	for i, e := range h.entries {
		rows[i] = sessionLine(c.cat, e)
	}
	return "history", st.title.Render(count) + "\n\n" + h.list.view(c, rows, c.bodyHeight-2)
}

// sessionLine sums up a check-in in one line.
func sessionLine(cat *catalog.Catalog, e profile.SessionEntry) string {
	if e.Session == nil {
		return "cannot be read: " + e.Path
	}
	s := e.Session
	parts := []string{s.Started.Local().Format("Mon 2 Jan, 15:04"), catalog.JoinAnd(s.People)}
	if sit := cat.Situation(s.Situation); sit != nil {
		parts = append(parts, sit.After)
	}
	return strings.Join(parts, " · ")
}

func (h *history) keys() keyMap {
	up, down := upDownKeys()
	return withCommon(continueKey("read"), up, down, backKey())
}

func (h *history) unsaved() bool { return false }
func (h *history) typing() bool  { return false }
