package tui

import (
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
)

// On "What may the others see?" a stray ctrl+a must not tick every
// private answer.
func TestOneStrayKeyNeverTicksEveryAnswer(t *testing.T) {
	var shared []string
	field := huh.NewMultiSelect[string]().Title("What may the others see?").
		Options(huh.NewOptions("I don't feel safe", "3 of 5", "Some space")...).Value(&shared)
	keys := formKeyMap()
	form := huh.NewForm(huh.NewGroup(field)).WithKeyMap(&keys).WithWidth(60).WithHeight(12)
	form.Init()
	model, _ := form.Update(tea.KeyPressMsg{Code: 'a', Mod: tea.ModCtrl})
	model.(*huh.Form).View()
	if got := field.GetValue().([]string); len(got) != 0 {
		t.Errorf("ctrl+a ticked %v", got)
	}
}
