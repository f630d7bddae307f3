package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/aftercare-tui/aftercare/flow"
)

// message shows a round's flow.Message and waits for enter: whose turn it
// is (showing nothing of anyone's answers: the last person's screens are
// gone), a private line before the laptop is passed on, or the end of a
// round.
type message struct {
	m *flow.Message
	// wrapped is the message as last wrapped, for the width and the
	// styles it was wrapped with: a frame's view and keys both need it.
	wrapped struct {
		width int
		st    *styles
		text  string
	}
}

func newMessage(m *flow.Message) *message { return &message{m: m} }

func (s *message) init(*ctx) tea.Cmd { return nil }

func (s *message) update(c *ctx, msg tea.Msg) (screen, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	switch {
	case !ok:
	case key.Matches(k, continueKey("")):
		return show(c, s.m.Next()), nil
	case s.m.CanGoBack() && key.Matches(k, backKey()):
		return show(c, s.m.Back()), nil
	case s.cut(c) && key.Matches(k, readAllKey()):
		return newReading(s.m.Header, lines(c.st, s.m.Lines), s), nil
	}
	return s, nil
}

// view shows the message, or, when it is taller than the screen, as much
// as fits and a line saying how to read the rest: what is cut off the
// foot of a hand-off may be the line that matters.
func (s *message) view(c *ctx) (string, string) {
	text, cut := s.fitted(c)
	if !cut {
		return s.m.Header, text
	}
	shown := strings.Split(text, "\n")[:max(c.bodyHeight-1, 1)]
	return s.m.Header, strings.Join(shown, "\n") + "\n" + c.st.muted.Render("… r to read it all")
}

// fitted is the message wrapped to the screen's width, and whether it is
// taller than the screen.
func (s *message) fitted(c *ctx) (string, bool) {
	w := &s.wrapped
	if w.st != c.st || w.width != c.bodyWidth {
		w.width, w.st = c.bodyWidth, c.st
		w.text = lipgloss.NewStyle().Width(c.bodyWidth).Render(lines(c.st, s.m.Lines))
	}
	return w.text, lipgloss.Height(w.text) > c.bodyHeight
}

// cut says whether the message is taller than the screen.
func (s *message) cut(c *ctx) bool {
	_, cut := s.fitted(c)
	return cut
}

func (s *message) keys(c *ctx) keyMap {
	own := []key.Binding{continueKey(s.m.Go)}
	if s.m.CanGoBack() {
		own = append(own, backKey())
	}
	if s.cut(c) {
		own = append(own, readAllKey())
	}
	return withCommon(own...)
}

// stopped says what became of the round, when it ended here.
func (s *message) stopped() string { return s.m.Left }

func (s *message) unsaved() bool { return s.m.Loses }
func (s *message) typing() bool  { return false }
