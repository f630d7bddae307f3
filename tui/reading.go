package tui

import (
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
	return &reading{header: header, text: text, from: from, vp: viewport.New()}
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

// fill gives a viewport the screen's room and its content.
func fill(vp *viewport.Model, c *ctx, content string) {
	vp.SetWidth(c.bodyWidth)
	vp.SetHeight(c.bodyHeight)
	vp.SetContent(content)
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
	var cmd tea.Cmd
	r.vp, cmd = r.vp.Update(msg)
	return r, cmd
}

func (r *reading) view(*ctx) (string, string) { return r.header, r.vp.View() }

func (r *reading) keys(*ctx) keyMap {
	up, down := upDownKeys()
	return withCommon(doneReadingKey(), up, down)
}

func (r *reading) unsaved() bool { return r.from.unsaved() }
func (r *reading) typing() bool  { return false }
