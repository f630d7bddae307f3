package tui

import (
	"slices"
	"testing"

	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/profile"
)

// A history longer than a page of it reads on as the cursor goes down,
// to the oldest check-in, which opens whole.
func TestTheHistoryListReadsOnToTheOldestCheckin(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	const days = pageRows + 50
	for day := range days {
		s := profile.NewCheckinSession(testStart.AddDate(0, 0, -day), catalog.Together, "tender",
			[]profile.Turn{{Name: "Sam"}, {Name: "Alex"}}, []string{"make-tea"}, "")
		if day == days-1 {
			s.Note = "the very first one"
		}
		if err := w.store.SaveSession(s); err != nil {
			t.Fatal(err)
		}
	}
	r := start(t, w.opts, 100, 30)
	r.keys("h").sees("250 check-ins, newest first", "› "+testStart.Local().Format("Mon 2 Jan, 15:04"))
	r.keys(slices.Repeat([]string{"down"}, days)...)
	oldest := testStart.AddDate(0, 0, 1-days).Local().Format("Mon 2 Jan, 15:04")
	r.sees("› " + oldest)
	r.enter(1).sees("the very first one")
}
