package tui

import (
	"slices"

	"charm.land/bubbles/v2/key"
)

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

// helpKey shows all the keys. While typing, ? is a character, so help is
// on ctrl+/ and f1 there: a terminal sends ctrl+/ as the control character
// 0x1f, which arrives as ctrl+_, unless it reports keys in full (kitty's
// protocol, xterm's modifyOtherKeys), when it arrives as ctrl+/. f1 and
// ctrl+/ open help on every other screen too.
func helpKey(typing bool) key.Binding {
	if typing {
		return key.NewBinding(key.WithKeys("ctrl+/", "ctrl+_", "f1"), key.WithHelp("ctrl+/", "help"))
	}
	return key.NewBinding(key.WithKeys("?", "ctrl+/", "ctrl+_", "f1"), key.WithHelp("?", "help"))
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

// upDownKeys move through every list, huh's choices too. No list wraps
// round: up on the first line stays there, rather than landing on the last
// one, which may be Quit or a grave answer. The two share one entry in the
// help, in words: an arrow there is the first character the renderer
// cannot measure from its small table, and measuring it would cost every
// screen a 2 MiB one (see BENCHMARKS.md).
func upDownKeys() (key.Binding, key.Binding) {
	return key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("up/down", "move")),
		key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("up/down", "move"))
}

// moves says whether b is the up and down keys' entry in the help.
func moves(b key.Binding) bool {
	up, _ := upDownKeys()
	return b.Help() == up.Help()
}

// yesNoKeys answer a y / n question. Only y does the grave thing; enter,
// esc and their tab twins all say no, so that a tired enter never deletes
// or leaves.
func yesNoKeys(yes, no string) (key.Binding, key.Binding) {
	return key.NewBinding(key.WithKeys("y", "Y"), key.WithHelp("y", yes)),
		key.NewBinding(key.WithKeys("n", "N", "enter", "tab", "esc", "shift+tab"), key.WithHelp("n", no))
}

// leavingKeys answer whether to leave with unsaved work: a second ctrl+c
// leaves too.
func leavingKeys() (leave, stay key.Binding) {
	leave, stay = yesNoKeys("leave", "stay")
	leave.SetKeys(append(leave.Keys(), quitKey().Keys()...)...)
	return leave, stay
}

// keyMap is a screen's keys for the help line: the short list shows what to
// press next, the full list (after ?) everything.
type keyMap struct {
	short []key.Binding
	full  [][]key.Binding
}

// endKeys move to the first or last row of a long list; like pageKeys,
// they are named only after ?.
func endKeys() (first, last key.Binding) {
	return key.NewBinding(key.WithKeys("home"), key.WithHelp("home", "first")),
		key.NewBinding(key.WithKeys("end"), key.WithHelp("end", "last"))
}

func (k keyMap) FullHelp() [][]key.Binding {
	if k.full == nil {
		return [][]key.Binding{k.short}
	}
	return k.full
}

// withCommon adds the keys every screen has to a screen's own.
func withCommon(own ...key.Binding) keyMap { return common(false, own) }

// whileTyping is withCommon for a screen where keys are text.
func whileTyping(own ...key.Binding) keyMap { return common(true, own) }

func common(typing bool, own []key.Binding) keyMap {
	help := helpKey(typing)
	short := append(slices.Clone(own), help, quitKey())
	return keyMap{short: short, full: [][]key.Binding{own, {help, coverKey(), quitKey()}}}
}

// drawnShort and drawnFull are the help as it is drawn: keys described
// alike, such as up and down, once.
func (k keyMap) drawnShort() []key.Binding { return describedOnce(k.short) }

func (k keyMap) drawnFull() [][]key.Binding {
	var columns [][]key.Binding
	for _, column := range k.FullHelp() {
		columns = append(columns, describedOnce(column))
	}
	return columns
}

func describedOnce(keys []key.Binding) []key.Binding {
	return slices.CompactFunc(slices.Clone(keys), func(a, b key.Binding) bool { return a.Help() == b.Help() })
}

// withFull adds keys to the full help only: worth knowing, not worth room in
// the line at the bottom.
func (k keyMap) withFull(more ...key.Binding) keyMap {
	k.full = slices.Clone(k.full)
	k.full[0] = append(slices.Clone(k.full[0]), more...)
	return k
}
