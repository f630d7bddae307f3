package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

func TestTheCoverKeyHidesEveryScreenAndBringsItBack(t *testing.T) {
	t.Parallel()
	screens := []struct {
		name   string
		names  []string
		locked bool
		to     func(r *run)
		// after checks what is particular to the screen, once it is back.
		after func(t *testing.T, r *run, w *world)
	}{
		{name: "home", to: func(*run) {}},
		{name: "a private question", names: []string{"Sam", "Alex"}, to: func(r *run) { r.enter(2).keys("down") }},
		{name: "a note being typed", names: []string{"Kai"}, to: func(r *run) {
			r.enterUntil("A note for your journal?")
			r.typeText("the secret we told")
		}},
		{name: "support", to: func(r *run) { r.keys("s") }},
		{name: "the full help", names: []string{"Sam", "Alex"}, to: func(r *run) { r.keys("?") }},
		{name: "asking whether to leave", names: []string{"Sam", "Alex"}, to: func(r *run) { r.enter(2).keys("ctrl+c") }},
		{name: "the passphrase screen", locked: true, to: func(r *run) {
			r.typeText("secret words")
			r.doesNotSee("secret")
		}, after: func(t *testing.T, r *run, w *world) {
			if w.store.Unlocked() {
				t.Error("keys behind the cover opened the data")
			}
			if typed := r.m.current.(*unlock).input.Value(); typed != "secret words" {
				t.Errorf("the field holds %q after the cover", typed)
			}
		}},
	}
	for _, tt := range screens {
		t.Run(tt.name, func(t *testing.T) {
			w := newWorld(t)
			opts := withNames(w.opts, tt.names...)
			if tt.locked {
				opts = locked(t, w)
			}
			r := start(t, opts, 100, 30)
			tt.to(r)
			before, was := r.raw(), r.m.current
			r.keys("ctrl+x")
			if shown := strings.TrimSpace(r.screen()); shown != "" {
				t.Fatalf("the cover shows:\n%s", shown)
			}
			if title := r.m.View().WindowTitle; strings.Contains(strings.ToLower(title), "aftercare") {
				t.Errorf("the covered window's title is %q", title)
			}
			// Nothing is answered, typed, tried or pasted behind the cover.
			r.keys("enter", "y", "a", "x", "backspace", "esc", "?", "ctrl+c")
			r.send(tea.PasteMsg{Content: "pasted"}, tea.WindowSizeMsg{Width: 100, Height: 30})
			if shown := strings.TrimSpace(r.screen()); shown != "" || r.quit {
				t.Fatalf("keys behind the cover showed or did something (quit %v):\n%s", r.quit, shown)
			}
			r.keys("ctrl+x")
			if after := r.raw(); after != before || r.m.current != was {
				t.Errorf("the screen did not come back as it was:\nbefore\n%s\nafter\n%s", before, after)
			}
			if tt.after != nil {
				tt.after(t, r, w)
			}
		})
	}
}
