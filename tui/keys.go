package tui

import "charm.land/bubbles/v2/key"

// The keys that mean the same on every screen. Each screen's key map is a
// value built from these by a function, never a shared variable, and a
// screen matches keys only with the bindings its help shows, so that what
// the help says and what a key does cannot drift apart.
//
// tab and shift+tab are there for people used to huh's forms, where they
// move on and back as enter and esc do: tab is enter everywhere, and
// shift+tab is esc wherever esc goes back a step. Where esc does more than
// that (carrying on without the passphrase, going on without a save,
// leaving a y / n question), shift+tab does nothing, as it does on the
// first field of a huh form: a habit of moving back never skips or
// discards anything.

func continueKey(what string) key.Binding {
	return key.NewBinding(key.WithKeys("enter", "tab"), key.WithHelp("enter", what))
}

func backKey() key.Binding {
	return key.NewBinding(key.WithKeys("esc", "shift+tab"), key.WithHelp("esc", "back"))
}

// escKey is esc where it does more than go back a step, so shift+tab is
// not part of it.
func escKey(what string) key.Binding {
	return key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", what))
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
