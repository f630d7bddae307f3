package tui

import (
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
)

// A key that types text comes as a message of its own, and each one has
// the field take it and the screen drawn again, which costs more the
// longer the text: a few thousand characters pasted where the terminal
// does not mark a paste (or sent by a script) took the program away for
// many seconds. Text typed is held instead, and given to the screen in
// one piece a frame after the first key held: all that came within the
// frame at once, and someone typing by hand waits no more than a frame.

// typingFrame is how long held text waits for more keys.
const typingFrame = time.Second / 60

// heldText is text typed since the keys last paused.
type heldText struct {
	first   tea.KeyPressMsg // the key, when only one was typed
	text    strings.Builder
	keys    int
	waiting bool // a typingPausedMsg is on its way
}

// typingPausedMsg says that a frame has passed since text was first held.
type typingPausedMsg struct{}

func waitForTyping() tea.Msg {
	time.Sleep(typingFrame)
	return typingPausedMsg{}
}

// hold keeps msg when it types text into the field of the screen,
// answering whether it did, and the wait for the keys to pause when that
// has just begun. Only keys the screen would take as text are held: not
// while the screen is hidden, too small, or asking whether to leave.
func (m *Model) hold(msg tea.Msg) (bool, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok || !typesText(k) || !m.current.typing() || m.covered || m.stopping || m.leaving || m.tooSmall() {
		return false, nil
	}
	if m.typed.keys == 0 {
		m.typed.first = k
	}
	m.typed.keys++
	m.typed.text.WriteString(k.Text)
	if m.typed.waiting {
		return true, nil
	}
	m.typed.waiting = true
	return true, waitForTyping
}

// typesText says whether a key is text: ctrl, alt and the like make it a
// command.
func typesText(k tea.KeyPressMsg) bool {
	return k.Text != "" && k.Mod&(tea.ModCtrl|tea.ModAlt|tea.ModMeta|tea.ModSuper|tea.ModHyper) == 0
}

// typedMsg is text typed in one go, given to a screen that takes text:
// as keys would be, a field that holds only so much keeps what fits.
type typedMsg struct{ text string }

// release gives the held text to the screen: the key itself when it was
// one.
func (m *Model) release() tea.Cmd {
	if m.typed.keys == 0 {
		return nil
	}
	var msg tea.Msg = m.typed.first
	if m.typed.keys > 1 {
		msg = typedMsg{m.typed.text.String()}
	}
	m.typed.keys = 0
	m.typed.text.Reset()
	return m.route(msg)
}
