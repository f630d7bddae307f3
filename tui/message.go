package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/aftercare-tui/aftercare/flow"
)

// message shows a round's flow.Message and waits for enter: whose turn it
// is (showing nothing of anyone's answers: the last person's screens are
// gone), a private line before the laptop is passed on, or the end of a
// round.
type message struct{ m *flow.Message }

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
	}
	return s, nil
}

func (s *message) view(c *ctx) (string, string) { return s.m.Header, lines(c.st, s.m.Lines) }

func (s *message) keys(*ctx) keyMap {
	if s.m.CanGoBack() {
		return withCommon(continueKey(s.m.Go), backKey())
	}
	return withCommon(continueKey(s.m.Go))
}

// stopped says what became of the round, when it ended here.
func (s *message) stopped() string { return s.m.Left }

func (s *message) unsaved() bool { return s.m.Loses }
func (s *message) typing() bool  { return false }
