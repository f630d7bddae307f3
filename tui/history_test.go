package tui

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/profile"
)

// A history longer than a page of it reads on as the cursor goes down,
// to the oldest check-in, which opens whole.
func TestTheHistoryListReadsOnToTheOldestCheckin(t *testing.T) {
	t.Parallel()
	r := start(t, withDays(t, longHistory), 100, 30)
	r.keys("h").sees("250 check-ins, newest first", "» "+day(0))
	r.keys(slices.Repeat([]string{"down"}, longHistory)...)
	r.sees("» " + day(longHistory-1))
	r.enter(1).sees("the very first one")
}

// Check-ins where no one shared how they felt or what they needed make no
// row of noughts at the top of the history: it says that nothing was kept.
func TestTheHistorySaysWhenNothingWasKeptOfHowItWent(t *testing.T) {
	t.Parallel()
	r := start(t, withDays(t, 2), 100, 30)
	r.keys("h").sees("How it has gone", "Alex  nothing kept yet about how it went", "Sam   nothing kept yet about how it went")
	r.doesNotSee("0 times")
}

// A long history is crossed a page at a time, or to either end at once,
// with the keys the full help names.
func TestTheHistoryListPagesAndGoesToEitherEnd(t *testing.T) {
	t.Parallel()
	r := start(t, withDays(t, longHistory), 100, 30)
	r.keys("h").sees("» " + day(0))
	r.keys("?").sees("pgup", "pgdn", "home", "end")
	r.keys("?").keys("end").sees("» " + day(longHistory-1))
	r.enter(1).sees("the very first one")
	r.keys("esc").keys("home").sees("» " + day(0))
	r.keys("pgdown")
	h := r.m.current.(*history)
	if row := h.list.cursor; row < 5 || row >= h.list.shown {
		t.Errorf("a page down of a list showing %d rows went %d rows", h.list.shown, row)
	}
	r.sees("» " + day(h.list.cursor))
	r.keys("pgup").sees("» " + day(0))
	r.keys("pgup").sees("» " + day(0))
}

// longHistory is more check-ins than a page of the list holds.
const longHistory = pageRows + 50

// withDays is a program whose history holds a check-in a day for days
// days up to testStart, the oldest with a note.
func withDays(t *testing.T, days int) Options {
	t.Helper()
	w := newWorld(t)
	for d := range days {
		s := profile.NewCheckinSession(testStart.AddDate(0, 0, -d), catalog.Together, "tender",
			[]profile.Turn{{Name: "Sam"}, {Name: "Alex"}}, []string{"make-tea"}, "")
		if d == days-1 {
			s.Note = "the very first one"
		}
		if err := w.store.SaveSession(s); err != nil {
			t.Fatal(err)
		}
	}
	return w.opts
}

// day is how the history lists the check-in of n days before testStart.
func day(n int) string { return testStart.AddDate(0, 0, -n).Local().Format("Mon 2 Jan, 15:04") }

// damagedFile is a file of the history that cannot be read: its name,
// and the line where reading it goes wrong.
type damagedFile struct {
	name string
	line int
}

// withDamagedHistory saves one check-in that can be read and two files
// that cannot: a check-in whose note holds an escape, which no record may
// hold, and one cut off in the middle.
func withDamagedHistory(t *testing.T, w *world) Options {
	t.Helper()
	damageHistory(t, w)
	return w.opts
}

func damageHistory(t *testing.T, w *world) []damagedFile {
	t.Helper()
	good := profile.NewCheckinSession(testStart, catalog.Together, "tender", []profile.Turn{{Name: "Sam"}, {Name: "Alex"}}, []string{"make-tea"}, "")
	escaped := profile.NewCheckinSession(testStart.Add(-24*time.Hour), catalog.Solo, "", []profile.Turn{{Name: "Sam"}}, nil, "tea helped")
	for _, s := range []*profile.Session{good, escaped} {
		if err := w.store.SaveSession(s); err != nil {
			t.Fatal(err)
		}
	}
	dir := filepath.Join(w.store.Dir(), "sessions")
	path := filepath.Join(dir, escaped.ID+".json")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	at := bytes.Index(data, []byte(`"tea helped"`))
	if at < 0 {
		t.Fatalf("no note in the saved check-in:\n%s", data)
	}
	data = bytes.Replace(data, []byte(`"tea helped"`), []byte(`"tea \u001b[2J helped"`), 1)
	cut := []byte("{\n  \"id\": \n")
	for name, content := range map[string][]byte{path: data, filepath.Join(dir, "cut-off.json"): cut} {
		if err := os.WriteFile(name, content, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return []damagedFile{
		{"cut-off.json", 3},
		{escaped.ID + ".json", 1 + strings.Count(string(data[:at]), "\n")},
	}
}

// A file of the history that cannot be read is listed by its name and
// the line where it goes wrong, at any width, and is not counted as a
// check-in.
func TestProgramNamesADamagedFileOfTheHistoryByNameAndLine(t *testing.T) {
	t.Parallel()
	for _, size := range [][2]int{{200, 60}, {100, 30}, {40, 12}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			t.Parallel()
			w := newWorld(t)
			damaged := damageHistory(t, w)
			p := runProgram(t, w.opts, size[0], size[1])
			p.press("h")
			p.waitFor("1 check-in · 2 files cannot be read")
			for _, d := range damaged {
				// In the longest words that fit.
				rows := []string{fmt.Sprintf("cannot be read: %s, line %d", d.name, d.line), fmt.Sprintf("%s:%d", d.name, d.line)}
				p.until(fmt.Sprintf("a row naming %s", rows[0]), func(w *watch) bool {
					screen := escapes.ReplaceAllString(w.screens[len(w.screens)-1], "")
					return strings.Contains(screen, rows[0]) || size[0] < 60 && strings.Contains(screen, rows[1])
				})
			}
			screen := p.screen()
			for _, line := range strings.Split(screen, "\n") {
				if w := lipgloss.Width(line); w > size[0] {
					t.Errorf("a line of %d columns at %dx%d: %q", w, size[0], size[1], line)
				}
			}
			p.press("down", "down", "enter")
			p.waitFor("This file cannot be read")
			p.quit()
		})
	}
}

// Home names a waiting check-in by its weekday only within the week: one
// from years ago says its date and year, not a weekday that reads as this
// week's.
func TestHomeNamesAWaitingCheckinByItsDayWithinTheWeekAndItsDateBefore(t *testing.T) {
	now := time.Date(2026, 12, 1, 10, 0, 0, 0, time.Local)
	for _, tt := range []struct {
		started time.Time
		want    string
	}{
		{time.Date(2026, 11, 30, 22, 0, 0, 0, time.Local), "Monday's check-in"},
		{time.Date(2026, 11, 26, 22, 0, 0, 0, time.Local), "Thursday's check-in"},
		{time.Date(2026, 11, 20, 22, 0, 0, 0, time.Local), "the check-in of Friday 20 November"},
		{time.Date(2022, 10, 20, 22, 0, 0, 0, time.Local), "the check-in of Thursday 20 October 2022"},
	} {
		if got := checkinOf(tt.started, now); got != tt.want {
			t.Errorf("checkinOf(%v) = %q, want %q", tt.started, got, tt.want)
		}
	}
}

// The History screen counts check-ins and plans apart, grouped in
// thousands: plans are listed with them, but they are no check-ins.
func TestTheHistoryCountsCheckinsAndPlansApart(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		checkins, plans int
		want            string
	}{
		{1, 0, "1 check-in"},
		{2, 1, "2 check-ins and 1 plan, newest first"},
		{0, 2, "2 plans, newest first"},
		{1001, 0, "1,001 check-ins, newest first"},
	} {
		w := newWorld(t)
		for i := range tt.checkins {
			s := profile.NewCheckinSession(testStart.Add(-time.Duration(i)*time.Hour), catalog.Solo, "", []profile.Turn{{Name: "Sam"}}, nil, "")
			if err := w.store.SaveSession(s); err != nil {
				t.Fatal(err)
			}
		}
		for i := range tt.plans {
			if err := w.store.SaveSession(profile.NewPlan(testStart.Add(-time.Duration(i)*time.Minute), []profile.Turn{{Name: "Sam"}, {Name: "Alex"}})); err != nil {
				t.Fatal(err)
			}
		}
		start(t, w.opts, 100, 30).keys("h").sees(tt.want)
	}
}
