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

// Tab and shift+tab are enter and esc, as in huh's forms: each leads to
// the very screen its twin does, and what was chosen is kept.
func TestTabAndShiftTabMoveAsEnterAndEsc(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, shows, kept string
		to                func(r *run)
	}{
		{"a question", "Are you okay?", "» A little wobbly", func(r *run) { r.enter(2).keys("down", "down", "down") }},
		{"a multiple choice", "What do you need right now?", "[x] Some space and quiet", func(r *run) {
			r.enterUntil("What do you need right now?").keys("down", "space")
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			open := func() *run {
				r := start(t, withNames(newWorld(t).opts, "Sam", "Alex"), 100, 30)
				tc.to(r)
				r.sees(tc.shows, tc.kept)
				return r
			}
			for _, twins := range [][2]string{{"enter", "tab"}, {"esc", "shift+tab"}} {
				byKey, byTab := open(), open()
				byKey.keys(twins[0])
				byTab.keys(twins[1])
				if byTab.screen() != byKey.screen() {
					t.Errorf("%s and %s lead to different screens:\n%s\n%s", twins[0], twins[1], byKey.screen(), byTab.screen())
				}
				byTab.doesNotSee(tc.shows)
			}
			r := open()
			r.keys("tab").doesNotSee(tc.shows)
			r.keys("shift+tab").sees(tc.shows, tc.kept)
		})
	}
}

// On a text field ? is a letter: it is typed and saved with the rest,
// while ctrl+/ (as ctrl+_ from most terminals) and f1 open the help, which
// the line at the bottom names.
func TestAQuestionMarkIsTypedWhereHelpIsOnCtrlSlashAndF1(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	r := start(t, withNames(w.opts, "Kai"), 100, 30)
	r.enterUntil("A note for your journal?")
	r.sees("ctrl+/ help")
	r.doesNotSee("? help")
	r.typeText("how? gently")
	r.sees("how? gently")
	for _, help := range []string{"ctrl+/", "ctrl+_", "f1"} {
		r.keys(help)
		if !r.m.full {
			t.Fatalf("%s did not open the help:\n%s", help, r.screen())
		}
		r.sees("ctrl+x", "cover")
		r.keys(help)
		if r.m.full {
			t.Fatalf("%s did not close the help", help)
		}
	}
	r.enterUntil("Take good care of yourself.")
	if note := w.sessions(t)[0].Note; note != "how? gently" {
		t.Errorf("saved the note %q, want %q", note, "how? gently")
	}
}
