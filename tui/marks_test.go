package tui

import (
	"fmt"
	"testing"

	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/profile"
)

// The renderer measures a character at or above U+0300 with a 2 MiB table
// it builds on the first one it meets, unless the terminal measures by
// graphemes. The screens someone opens aftercare to, and the History list,
// draw their own marks (cursor, help line, waiting words) from Latin-1,
// so that opening the program and looking back cost no table; only what
// people and the catalogue wrote, and pictures such as the History
// figures' sparklines, may need it.
func TestTheScreensAfterOpeningDrawNoMarkThatNeedsTheWidthTable(t *testing.T) {
	t.Parallel()
	screens := []struct {
		name  string
		world func(t *testing.T, w *world) Options
		to    func(r *run)
		sizes [][2]int
	}{
		{"home", nil, func(*run) {}, nil},
		{"home with its help open", nil, func(r *run) { r.keys("?") }, nil},
		{"home with a follow-up due", followUpDueWithoutFigures, func(*run) {}, nil},
		{"an empty history", nil, func(r *run) { r.keys("h").sees("No check-ins saved yet") }, nil},
		// At 40 columns its rows are cut, with an ellipsis.
		{"a history", followUpDueWithoutFigures, func(r *run) { r.keys("h").sees("3 check-ins") }, [][2]int{{100, 30}}},
		{"the passphrase screen", locked, func(*run) {}, nil},
		{"home while locked", locked, func(r *run) { r.keys("esc") }, nil},
	}
	for _, s := range screens {
		sizes := s.sizes
		if sizes == nil {
			sizes = [][2]int{{100, 30}, {40, 12}}
		}
		for _, size := range sizes {
			t.Run(fmt.Sprintf("%s/%dx%d", s.name, size[0], size[1]), func(t *testing.T) {
				t.Parallel()
				w := newWorld(t)
				o := w.opts
				if s.world != nil {
					o = s.world(t, w)
				}
				r := start(t, o, size[0], size[1])
				s.to(r)
				for _, c := range r.screen() {
					if c >= 0x300 {
						t.Fatalf("%q (U+%04X) is drawn:\n%s", c, c, r.screen())
					}
				}
			})
		}
	}
}

// followUpDueWithoutFigures is three check-ins of Sam and Alex, the
// oldest asking for a follow-up that is now due, with no answers that the
// History figures would draw.
func followUpDueWithoutFigures(t *testing.T, w *world) Options {
	t.Helper()
	for day := range 3 {
		s := profile.NewCheckinSession(testStart.AddDate(0, 0, day-3), catalog.Together, "tender",
			[]profile.Turn{{Name: "Sam"}, {Name: "Alex"}}, []string{"make-tea"}, "")
		if day == 0 {
			s.FollowUp = &profile.FollowUp{For: []string{"Sam"}}
		}
		if err := w.store.SaveSession(s); err != nil {
			t.Fatal(err)
		}
	}
	return withHistory(t, w, testStart)
}
