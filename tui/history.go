package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/aftercare-tui/aftercare/flow"
	"github.com/aftercare-tui/aftercare/plain"
	"github.com/aftercare-tui/aftercare/profile"
	"github.com/charmbracelet/x/ansi"
)

// history shows how check-ins have gone for each person (how they felt,
// how often they needed closeness or space, what helped most), then lists
// past check-ins, newest first; enter opens one to read what was shared,
// chosen and noted. A file that cannot be read is listed as such and left
// alone. It shows the history the program has read, and follows it when it
// is read again.
type history struct {
	// stats are the figures, counted from what the index keeps.
	stats profile.Stats
	list  cursorList
	// entries are the history as listed: a private follow-up is not.
	entries []profile.SessionEntry
	// locked is set when the history is locked this run.
	locked bool
}

func statsKey() key.Binding {
	return key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "how it has gone"))
}

func newHistory(c *ctx) *history {
	h := &history{locked: c.locked}
	h.count(c)
	return h
}

// count lists the history as read so far and works out its figures, from
// what the index keeps of each check-in: no record is read for them.
func (h *history) count(c *ctx) {
	h.entries = profile.Listed(c.history)
	h.stats, _ = c.store.StatsOf(c.history)
}

func (h *history) init(*ctx) tea.Cmd { return nil }

func (h *history) update(c *ctx, msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case historyLoadedMsg:
		h.count(c)
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, backKey()):
			return newHome(c), nil
		case h.locked, len(h.entries) == 0:
			// Nothing to move to or read.
		case key.Matches(msg, statsKey()) && len(h.stats.People) > 0:
			return newReading("history · how it has gone", plain.Text(profile.FormatStats(h.stats)), h), nil
		case h.list.move(msg, len(h.entries)):
		case key.Matches(msg, continueKey("")):
			return h.read(c, h.entries[h.list.cursor]), nil
		}
	}
	return h, nil
}

// read opens one check-in whole, as it is now on disk: the list holds only
// what the index keeps of it.
func (h *history) read(c *ctx, e profile.SessionEntry) screen {
	if e.Session != nil {
		e.Session, e.Err = c.store.Session(e.Session.ID)
	}
	if e.Err != nil {
		text := c.st.warning.Render("This file cannot be read, so it is left as it is:") + "\n" + c.st.text.Render(e.Path+"\n\n"+errText(e.Err))
		return newReading("history · damaged file", text, h)
	}
	// Plain, not styled: a style would hide the indents that keep each
	// person's answers together when they wrap.
	return newReading("history · "+e.Session.Started.Local().Format("2 Jan 2006"), plain.Text(profile.FormatSession(c.cat, e.Session)), h)
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
	case h.locked:
		return "history", lockedView(c, "Your history is still here, locked.")
	case c.historyErr != nil:
		return "history", st.warning.Render("History could not be read: ") + st.text.Render(c.historyErr.Error())
	case c.history == nil:
		return "history", st.muted.Render("Reading your history…")
	case len(h.entries) == 0:
		return "history", st.title.Render("No check-ins saved yet.") + "\n\n" + st.muted.Render("They appear here after you save one.")
	}
	count := fmt.Sprintf("%d check-ins, newest first", len(h.entries))
	if len(h.entries) == 1 {
		count = "1 check-in"
	}
	summary := h.summary(c)
	listHeight := c.bodyHeight - 2 - lipgloss.Height(summary)
	if listHeight < 3 {
		summary, listHeight = "", c.bodyHeight-2
	}
	return "history", summary + st.title.Render(count) + "\n\n" + h.list.view(c, len(h.entries), func(i int) string { return flow.EntryLine(c.cat, h.entries[i]) }, listHeight)
}

// summary is a line for each person: a chart of how they felt, how often
// they needed closeness or space, and what helped them most.
func (h *history) summary(c *ctx) string {
	st := c.st
	if len(h.stats.People) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString(st.title.Render("How it has gone") + st.muted.Render("  (s for more)") + "\n")
	nameWidth := 0
	for _, p := range h.stats.People {
		nameWidth = max(nameWidth, lipgloss.Width(p.Name))
	}
	for _, p := range h.stats.People {
		line := st.name.Render(fmt.Sprintf("%-*s", nameWidth, p.Name)) + "  " + st.warm.Render(fmt.Sprintf("%-8s", profile.Sparkline(p.Felt[max(0, len(p.Felt)-8):])))
		line += st.text.Render(fmt.Sprintf("  closeness %d · space %d", p.Closeness, p.Space))
		if len(p.Helped) > 0 {
			line += st.muted.Render(" · helped: " + p.Helped[0].Title)
		}
		b.WriteString(ansi.Truncate(line, c.bodyWidth, "…") + "\n")
	}
	return b.String() + "\n"
}

func (h *history) keys(*ctx) keyMap {
	if h.locked || len(h.entries) == 0 {
		return withCommon(backKey())
	}
	up, down := upDownKeys()
	if len(h.stats.People) == 0 {
		return withCommon(continueKey("read"), up, down, backKey())
	}
	return withCommon(continueKey("read"), statsKey(), up, down, backKey())
}

func (h *history) unsaved() bool { return false }
func (h *history) typing() bool  { return false }
