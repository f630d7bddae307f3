package tui

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/flow"
	"github.com/aftercare-tui/aftercare/plain"
	"github.com/aftercare-tui/aftercare/profile"
	"github.com/charmbracelet/x/ansi"
)

// history shows how check-ins have gone for each person (how they felt,
// how often they needed closeness or space, what helped most), then lists
// past check-ins, newest first; enter opens one to read what was shared,
// chosen and noted. A file that cannot be read is listed as such and left
// alone. The list is read a page at a time, around the rows that show, so
// that years of check-ins are never held at once.
type history struct {
	// stats are the figures, counted from what the index keeps.
	stats profile.Stats
	list  cursorList
	// page is the part of the list read; a private follow-up is not
	// listed.
	page profile.Page
	// loaded is set once the figures and a first page came, or err says
	// why they could not.
	loaded bool
	err    error
	// reading is set while a page is being read.
	reading bool
}

// pageRows is how many rows are read at a time, and nearMargin how near
// the cursor may come to the end of those read before the next are: more
// than a screen, so that moving row by row never waits for them.
const (
	pageRows   = 200
	nearMargin = 60
)

func statsKey() key.Binding {
	return key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "how it has gone"))
}

func newHistory() *history { return &history{} }

// pageMsg brings a page of the list, and the figures with the first.
type pageMsg struct {
	to    *history
	page  profile.Page
	stats *profile.Stats
	err   error
}

// init reads the figures and the first page, counted from what the index
// keeps of each check-in: no record is read for them.
func (h *history) init(c *ctx) tea.Cmd {
	if c.locked || h.loaded {
		return nil
	}
	h.reading = true
	store := c.store
	return inBackground(func() tea.Msg {
		page, stats, err := store.FirstPage(pageRows)
		return pageMsg{to: h, page: page, stats: &stats, err: err}
	})
}

// more reads the page around the cursor when it comes near the end of
// the rows read, and there are more.
func (h *history) more(c *ctx) tea.Cmd {
	p := h.page
	nearStart := p.From > 0 && h.list.cursor < p.From+nearMargin
	nearEnd := p.From+len(p.Entries) < p.Total && h.list.cursor >= p.From+len(p.Entries)-nearMargin
	if h.reading || !nearStart && !nearEnd {
		return nil
	}
	h.reading = true
	store, from := c.store, max(0, h.list.cursor-pageRows/2)
	return inBackground(func() tea.Msg {
		page, err := store.ListedPage(from, pageRows, nil)
		return pageMsg{to: h, page: page, err: err}
	})
}

func (h *history) update(c *ctx, msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case pageMsg:
		if msg.to != h {
			return h, nil
		}
		h.reading, h.loaded = false, true
		if msg.err != nil {
			h.err = msg.err
			return h, nil
		}
		if c.sealedSince(entryErrs(msg.page.Entries, func(e profile.SessionEntry) error { return e.Err })) {
			return h, nil
		}
		h.page = msg.page
		if msg.stats != nil {
			h.stats = *msg.stats
		}
		// The history may have grown or shrunk since the last page.
		h.list.cursor = max(min(h.list.cursor, h.page.Total-1), 0)
		return h, h.more(c)
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, backKey()):
			return newHome(c), nil
		case c.locked && key.Matches(msg, unlockKey(c)):
			return askAgain(c, h, func(*ctx) screen { return newHistory() }), nil
		case c.locked, h.page.Total == 0:
			// Nothing to move to or read.
		case key.Matches(msg, statsKey()) && len(h.stats.People) > 0:
			return newReading("history · how it has gone", plain.Text(profile.FormatStats(h.stats)), h), nil
		case h.list.move(msg, h.page.Total), h.list.jump(msg, h.page.Total):
			return h, h.more(c)
		case key.Matches(msg, continueKey("")) && h.page.Holds(h.list.cursor):
			return h, readWhole(c.store, h.page.Entries[h.list.cursor-h.page.From])
		}
	case wholeMsg:
		return h.read(c, msg.entry), nil
	}
	return h, nil
}

// wholeMsg is a check-in read whole, as it is now on disk: the list holds
// only what the index keeps of it.
type wholeMsg struct{ entry profile.SessionEntry }

// readWhole reads a check-in whole, and decrypts it when the data is
// locked, away from the screen, as every read from disk is.
func readWhole(store *profile.Store, e profile.SessionEntry) tea.Cmd {
	return inBackground(func() tea.Msg { return wholeMsg{store.Whole(e)} })
}

// read opens one check-in as read whole.
func (h *history) read(c *ctx, e profile.SessionEntry) screen {
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
	case c.locked:
		return "history", lockedView(c, "Your history is still here, locked.")
	case h.err != nil:
		return "history", st.warning.Render("History could not be read: ") + st.text.Render(h.err.Error())
	case !h.loaded:
		return "history", st.muted.Render("Reading your history...")
	case h.page.Total == 0:
		return "history", st.title.Render("No check-ins saved yet.") + "\n\n" + st.muted.Render("They appear here after you save one.")
	}
	count := truncate(h.count(), c.bodyWidth)
	summary := h.summary(c)
	listHeight := c.bodyHeight - 2 - lipgloss.Height(summary)
	if listHeight < 3 {
		summary, listHeight = "", c.bodyHeight-2
	}
	return "history", summary + st.title.Render(count) + "\n\n" + h.list.view(c, h.page.Total, func(i int) string { return h.line(c, i) }, listHeight)
}

// count says how many check-ins and how many plans the list holds and,
// apart, how many files in it cannot be read, which are neither.
func (h *history) count() string {
	checkins, plans := h.page.Total-h.page.Damaged-h.page.Plans, h.page.Plans
	var said []string
	if checkins > 0 || plans == 0 {
		said = append(said, counted(checkins, "check-in"))
	}
	if plans > 0 {
		said = append(said, counted(plans, "plan"))
	}
	words := strings.Join(said, " and ")
	if h.page.Total > 1 && h.page.Damaged == 0 {
		words += ", newest first"
	}
	switch {
	case h.page.Damaged == 1:
		words += " · 1 file cannot be read"
	case h.page.Damaged > 1:
		words += " · " + catalog.Count(h.page.Damaged, "file") + " cannot be read"
	}
	return words
}

// counted is n of a thing in words: "No check-ins", "1 plan", "10,003
// check-ins".
func counted(n int, thing string) string {
	if n == 0 {
		return "No " + thing + "s"
	}
	return catalog.Count(n, thing)
}

// line is the row of the i-th check-in: an ellipsis while it is read.
func (h *history) line(c *ctx, i int) string {
	if !h.page.Holds(i) {
		return "..."
	}
	e := h.page.Entries[i-h.page.From]
	if e.Session == nil {
		return damagedLine(e, c.bodyWidth-2)
	}
	return flow.EntryLine(c.cat, e, c.now())
}

// damagedLine names a file that cannot be read in the longest words of
// flow.DamagedWords that fit the width.
func damagedLine(e profile.SessionEntry, width int) string {
	rows := flow.DamagedWords(e)
	for _, row := range rows {
		if lipgloss.Width(row) <= width {
			return row
		}
	}
	return rows[len(rows)-1]
}

// summary is a line for each person: how they felt lately, how often
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
		// In words and numbers, not a chart: the chart's blocks are
		// the first marks past Latin-1 on this screen, which would cost
		// every run that opens it a 2 MiB table (see upDownKeys). s
		// draws the chart.
		line := st.name.Render(fmt.Sprintf("%-*s", nameWidth, p.Name)) + "  "
		var said []string
		if len(p.Felt) > 0 {
			said = append(said, st.warm.Render("lately "+strconv.FormatFloat(p.Felt[len(p.Felt)-1].Mood, 'f', -1, 64)+" of 5"))
		}
		needed := st.text
		if p.Bare() {
			needed = st.muted
		}
		said = append(said, needed.Render(p.Needed()))
		if len(p.Helped) > 0 {
			said = append(said, st.muted.Render("helped: "+p.Helped[0].Title))
		}
		line += strings.Join(said, st.text.Render(" · "))
		b.WriteString(ansi.Truncate(line, c.bodyWidth, "...") + "\n")
	}
	return b.String() + "\n"
}

func (h *history) keys(c *ctx) keyMap {
	switch {
	case c.locked && !c.keyFile:
		return withCommon(unlockKey(c), backKey())
	case c.locked || h.page.Total == 0:
		return withCommon(backKey())
	}
	up, down := upDownKeys()
	pageUp, pageDown := pageKeys()
	first, last := endKeys()
	if len(h.stats.People) == 0 {
		return withCommon(continueKey("read"), up, down, backKey()).withFull(pageUp, pageDown, first, last)
	}
	return withCommon(continueKey("read"), statsKey(), up, down, backKey()).withFull(pageUp, pageDown, first, last)
}

func (h *history) unsaved() bool { return false }
func (h *history) typing() bool  { return false }
