package tui

import "charm.land/bubbles/v2/key"

// The keys that mean the same on every screen. Each screen's key map is a
// value built from these by a function, never a shared variable.

func continueKey(what string) key.Binding {
	return key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", what))
}

func backKey() key.Binding {
	return key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back"))
}

func helpKey() key.Binding {
	return key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help"))
}

func quitKey() key.Binding {
	return key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "leave"))
}

// coverKey hides the screen at once behind an empty one, and brings it
// back: for when someone walks in. It is a control key, so that it works
// while typing too, and one no text field or list uses.
func coverKey() key.Binding {
	return key.NewBinding(key.WithKeys("ctrl+x"), key.WithHelp("ctrl+x", "cover"))
}

func upDownKeys() (key.Binding, key.Binding) {
	return key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑", "up")),
		key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓", "down"))
}

// keyMap is a screen's keys for the help line: the short list shows what to
// press next, the full list (after ?) everything.
type keyMap struct {
	short []key.Binding
	full  [][]key.Binding
}

func (k keyMap) ShortHelp() []key.Binding { return k.short }

func (k keyMap) FullHelp() [][]key.Binding {
	if k.full == nil {
		return [][]key.Binding{k.short}
	}
	return k.full
}

// withCommon adds the keys every screen has to a screen's own.
func withCommon(own ...key.Binding) keyMap {
	short := append(own, helpKey(), quitKey())
	return keyMap{short: short, full: [][]key.Binding{own, {helpKey(), coverKey(), quitKey()}}}
}
