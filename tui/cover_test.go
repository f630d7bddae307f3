package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

func TestTheCoverKeyHidesEveryScreenAndBringsItBack(t *testing.T) {
	t.Parallel()
	screens := []struct {
		name  string
		names []string
		to    func(r *run)
	}{
		{"home", nil, func(*run) {}},
		{"a private question", []string{"Sam", "Alex"}, func(r *run) { r.enter(2).keys("down") }},
		{"a note being typed", []string{"Kai"}, func(r *run) {
			r.enterUntil("A note for your journal?")
			r.typeText("the secret we told")
		}},
		{"support", nil, func(r *run) { r.keys("s") }},
		{"the full help", []string{"Sam", "Alex"}, func(r *run) { r.keys("?") }},
		{"asking whether to leave", []string{"Sam", "Alex"}, func(r *run) { r.enter(2).keys("ctrl+c") }},
	}
	for _, tt := range screens {
		t.Run(tt.name, func(t *testing.T) {
			w := newWorld(t)
			r := start(t, withNames(w.opts, tt.names...), 100, 30)
			tt.to(r)
			before, was := r.raw(), r.m.current
			r.keys("ctrl+x")
			if shown := strings.TrimSpace(r.screen()); shown != "" {
				t.Fatalf("the cover shows:\n%s", shown)
			}
			if title := r.m.View().WindowTitle; strings.Contains(strings.ToLower(title), "aftercare") {
				t.Errorf("the covered window's title is %q", title)
			}
			// Nothing is answered, typed or pasted behind the cover.
			r.keys("enter", "y", "a", "esc", "?", "ctrl+c")
			r.send(tea.PasteMsg{Content: "pasted"}, tea.WindowSizeMsg{Width: 100, Height: 30})
			if shown := strings.TrimSpace(r.screen()); shown != "" || r.quit {
				t.Fatalf("keys behind the cover showed or did something (quit %v):\n%s", r.quit, shown)
			}
			r.keys("ctrl+x")
			if after := r.raw(); after != before || r.m.current != was {
				t.Errorf("the screen did not come back as it was:\nbefore\n%s\nafter\n%s", before, after)
			}
		})
	}
}
