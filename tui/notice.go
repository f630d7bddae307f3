package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// notice says one thing to the person at the keyboard and waits for enter:
// a private line at the end of someone's turn, before they pass the laptop
// on.
type notice struct {
	header, title, text, next string
	then                      func(c *ctx) (screen, tea.Cmd)
}

func newNotice(header, title, text, next string, then func(c *ctx) (screen, tea.Cmd)) *notice {
	return &notice{header: header, title: title, text: text, next: next, then: then}
}

func (n *notice) init(*ctx) tea.Cmd { return nil }

func (n *notice) update(c *ctx, msg tea.Msg) (screen, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, continueKey("")) {
		return n.then(c)
	}
	return n, nil
}

func (n *notice) view(c *ctx) (string, string) {
	return n.header, c.st.title.Render(n.title) + "\n\n" + c.st.text.Render(n.text)
}

func (n *notice) keys(*ctx) keyMap { return withCommon(continueKey(n.next)) }
func (n *notice) unsaved() bool    { return true }
func (n *notice) typing() bool     { return false }
