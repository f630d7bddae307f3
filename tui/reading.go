package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
)

// reading shows a longer text in full, scrolling if it must, and goes back
// to the screen it was opened from, just as that screen was.
type reading struct {
	header, text string
	from         screen
	vp           viewport.Model
}

func newReading(header, text string, from screen) *reading {
	return &reading{header: header, text: text, from: from, vp: newScroller()}
}

// newScroller is a viewport that moves with ↑ and ↓, as every list does,
// and a page at a time, and with no other key, so that its help says all
// it does (a pager's own keys would take letters like f, b, d and u).
func newScroller() viewport.Model {
	vp := viewport.New()
	up, down := upDownKeys()
	pageUp, pageDown := pageKeys()
	vp.KeyMap = viewport.KeyMap{Up: up, Down: down, PageUp: pageUp, PageDown: pageDown}
	return vp
}

func pageKeys() (key.Binding, key.Binding) {
	return key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up")),
		key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "page down"))
}

// scrollKeys are a scroller's keys for the help: ↑ and ↓ in the line at
// the bottom, the page keys and home and end after ?.
func scrollKeys(own ...key.Binding) keyMap {
	up, down := upDownKeys()
	pageUp, pageDown := pageKeys()
	first, last := endKeys()
	return withCommon(append(own, up, down)...).withFull(pageUp, pageDown, first, last)
}

// scroll moves a scroller for a message: home and end go to the top and
// the bottom, as they go to the first and last row of a list.
func scroll(vp *viewport.Model, msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		first, last := endKeys()
		switch {
		case key.Matches(k, first):
			vp.GotoTop()
			return nil
		case key.Matches(k, last):
			vp.GotoBottom()
			return nil
		}
	}
	var cmd tea.Cmd
	*vp, cmd = vp.Update(msg)
	return cmd
}

// doneReadingKey leaves a text that is only read: enter, esc and their
// tab twins all go back.
func doneReadingKey() key.Binding {
	return key.NewBinding(key.WithKeys("enter", "tab", "esc", "shift+tab"), key.WithHelp("enter", "back"))
}

func (r *reading) init(c *ctx) tea.Cmd {
	r.size(c)
	return nil
}

func (r *reading) size(c *ctx) { fill(&r.vp, c, wrapIndented(r.text, c.bodyWidth)) }

// fill gives a viewport the screen's room and its content, less a line
// for saying where the rest is when it does not all fit.
func fill(vp *viewport.Model, c *ctx, content string) {
	height := c.bodyHeight
	if strings.Count(content, "\n") >= height {
		height = max(height-1, 1)
	}
	vp.SetWidth(c.bodyWidth)
	vp.SetHeight(height)
	vp.SetContent(content)
}

// scrolled draws a viewport filled by fill, and under it, when the text
// does not all fit, where the rest is, as a list that does not fit says:
// someone who reads only what is shown should know there is more.
func scrolled(c *ctx, vp viewport.Model) string {
	if vp.TotalLineCount() <= vp.Height() {
		return vp.View()
	}
	return vp.View() + "\n" + c.st.muted.Render(moreWords(!vp.AtTop(), !vp.AtBottom()))
}

func (r *reading) update(c *ctx, msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		r.size(c)
	case tea.KeyPressMsg:
		if key.Matches(msg, doneReadingKey()) {
			// The screen may have missed a resize while this one showed.
			size := tea.WindowSizeMsg{Width: c.width, Height: c.height}
			return r.from, func() tea.Msg { return size }
		}
	}
	return r, scroll(&r.vp, msg)
}

func (r *reading) view(c *ctx) (string, string) { return r.header, scrolled(c, r.vp) }

func (r *reading) keys(*ctx) keyMap { return scrollKeys(doneReadingKey()) }

func (r *reading) unsaved() bool { return r.from.unsaved() }
func (r *reading) typing() bool  { return false }
