package tui

import (
	"charm.land/bubbles/v2/key"
	"charm.land/huh/v2"
)

// The keys the help line shows for each kind of field are the very
// bindings formKeyMap gives huh, so that the help names every key a
// field answers.
func selectKeys() []key.Binding {
	up, down := upDownKeys()
	return []key.Binding{continueKey("choose"), up, down}
}

func multiKeys() []key.Binding {
	up, down := upDownKeys()
	return []key.Binding{continueKey("continue"), tickKey(), up, down}
}

func textKeys() []key.Binding {
	return []key.Binding{continueKey("continue"), newLineKey()}
}

func tickKey() key.Binding {
	return key.NewBinding(key.WithKeys("space", "x"), key.WithHelp("space", "tick"))
}

// newLineKey is alt+enter, or ctrl+j where alt+enter is the terminal's own
// (Windows Terminal makes it full screen).
func newLineKey() key.Binding {
	return key.NewBinding(key.WithKeys("alt+enter", "ctrl+j"), key.WithHelp("alt+enter", "new line"))
}

func readAllKey() key.Binding {
	return key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "read it all"))
}

// formKeyMap is huh's keys without the jumps: in a short list of answers,
// one key that leaps to the far end does more harm than good. Without the
// jumps, too, a squeezed multiple choice cannot crash (below). ctrl+e, which
// would write the text typed so far to a temporary file and open it in an
// editor, is off too: answers never leave the program but to be saved, and
// the text coming back would be cut to the field's limit without a word.
// ctrl+a (select all, then none) is off: on "What may the others see?" one
// stray key would share every private answer.
//
// The crash, for huh (charm.land/huh/v2 v2.0.3, field_multiselect.go:425):
// a MultiSelect given less height than its title and description take
// sets its viewport to a negative height (updateViewportSize: max(minHeight,
// height) - yoffset, unclamped). HalfPageDown then moves the cursor by
// that height / 2, below zero (min(cursor+height/2, len-1) has no lower
// bound), and the next Toggle indexes filteredOptions[-1]:
//
//	var picked []string
//	field := huh.NewMultiSelect[string]().Title("What do you need right now?").
//		Options(huh.NewOptions("water", "quiet", "a hug")...).Value(&picked)
//	form := huh.NewForm(huh.NewGroup(field)).WithWidth(10).WithHeight(3)
//	form.Init()
//	form.Update(tea.KeyPressMsg{Code: 'd', Mod: tea.ModCtrl})    // ½ page down
//	form.Update(tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}) // panic: index out of range [-1]
//
// A fix is to clamp the viewport height as Select does (max(minHeight,
// height-yoffset)) and the cursor at zero in HalfPageDown. Besides, the
// program never gives a field less room than minWidth by minHeight.
func formKeyMap() huh.KeyMap {
	keys := *huh.NewDefaultKeyMap()
	keys.Quit = key.NewBinding(key.WithDisabled())
	// huh turns select-all back on as ticks change, so these take no key
	// at all rather than being switched off.
	keys.MultiSelect.SelectAll, keys.MultiSelect.SelectNone = key.NewBinding(), key.NewBinding()
	// Filtering is off for the same reason, and because typing a letter
	// should not make answers vanish: huh's Select starts a filter on /
	// even when told not to filter.
	keys.Select.Filter, keys.MultiSelect.Filter = key.NewBinding(), key.NewBinding()
	// The lists move with the keys every list in the program has, and no
	// others (huh's own add ctrl+k, ctrl+p, ctrl+j and ctrl+n).
	keys.Select.Up, keys.Select.Down = upDownKeys()
	keys.MultiSelect.Up, keys.MultiSelect.Down = upDownKeys()
	keys.MultiSelect.Toggle = tickKey()
	keys.Text.NewLine = newLineKey()
	for _, b := range []*key.Binding{&keys.Select.GotoTop, &keys.Select.GotoBottom, &keys.Select.HalfPageUp, &keys.Select.HalfPageDown,
		&keys.MultiSelect.GotoTop, &keys.MultiSelect.GotoBottom, &keys.MultiSelect.HalfPageUp, &keys.MultiSelect.HalfPageDown,
		&keys.Text.Editor} {
		b.SetEnabled(false)
	}
	return keys
}

// deleteWordForward is a key a one-line field never gets: with the cursor
// on the last character it crashes the program. For bubbles
// (charm.land/bubbles/v2 v2.2.1, textinput.go:475): deleteWordForward
// moves the cursor one on and reads m.value[m.pos] before checking that
// pos is still inside the value:
//
//	input := textinput.New()
//	input.Focus()
//	input.SetValue("ab")
//	input.SetCursor(1)
//	input.Update(tea.KeyPressMsg{Code: 'd', Mod: tea.ModAlt}) // panic: index out of range [2] with length 2
//
// textarea's deleteWordRight checks the bound first and is fine.
func deleteWordForward() key.Binding {
	return key.NewBinding(key.WithKeys("alt+delete", "alt+d", "ctrl+delete"))
}
