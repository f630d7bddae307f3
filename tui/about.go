package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// about says what aftercare is, how a check-in goes and what stays private.
type about struct{ *reading }

const aboutText = `aftercare is a companion for the minutes after sex, for two or more of you sharing one laptop, or for you alone.

A check-in asks each person a few gentle questions in turn. Every question has an answer chosen already: enter moves on, and "I don't know" is always fine. Each person then decides what the others may see. Answers about safety start out private.

Then you see what each of you shared and a few things to do now that fit everyone, with the reasons. When your needs pull apart, it suggests small gestures that give each of you some of what you need.

Everything stays on this machine. Nothing is sent anywhere, and private answers are never saved.

If anyone is not okay or not safe, support is shown to them alone, on their own turn. aftercare is not therapy; in danger, call your local emergency number.

Keys: enter (or tab) continue, esc (or shift+tab) back, ? all the keys (ctrl+/ or f1 while typing, where ? is a letter), ctrl+x cover the screen (and again to bring it back), ctrl+c leave.`

func newAbout() *about { return &about{newReading("about", aboutText, nil)} }

func (a *about) update(c *ctx, msg tea.Msg) (screen, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, doneReadingKey()) {
		return newHome(c), nil
	}
	_, cmd := a.reading.update(c, msg)
	return a, cmd
}

func (a *about) unsaved() bool { return false }
