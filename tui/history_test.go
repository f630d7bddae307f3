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
	r.keys("h").sees("250 check-ins, newest first", "» "+testStart.Local().Format("Mon 2 Jan, 15:04"))
	r.keys(slices.Repeat([]string{"down"}, days)...)
	oldest := testStart.AddDate(0, 0, 1-days).Local().Format("Mon 2 Jan, 15:04")
	r.sees("» " + oldest)
	r.enter(1).sees("the very first one")
}

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
