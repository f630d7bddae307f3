package tui

import (
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/profile"
)

// BenchmarkFirstScreen measures what happens between starting aftercare and
// its first frame: loading the catalogue, reading the profiles and a year of
// nightly check-ins (to know of a plan or a follow-up due), building the
// program and drawing the home screen.
func BenchmarkFirstScreen(b *testing.B) {
	store := profile.Open(filepath.Join(b.TempDir(), "data"), testCatalog(), true)
	for _, name := range []string{"Sam", "Alex", "Kai"} {
		if err := store.CreateProfile(&profile.Profile{Name: name, Likes: []string{"music"}}); err != nil {
			b.Fatal(err)
		}
	}
	for day := range 365 {
		s := profile.NewCheckinSession(testStart.AddDate(0, 0, -day), catalog.Together, "tender",
			[]profile.Turn{{Name: "Sam"}, {Name: "Alex"}}, []string{"make-tea"}, "")
		s.Ratings = []profile.Rating{{Person: "Sam", Activity: "make-tea", Rating: catalog.Helped}}
		if err := store.SaveSession(s); err != nil {
			b.Fatal(err)
		}
	}
	for b.Loop() {
		cat, err := catalog.Defaults()
		if err != nil {
			b.Fatal(err)
		}
		opened := profile.Open(store.Dir(), cat, true)
		entries, err := opened.Profiles()
		if err != nil {
			b.Fatal(err)
		}
		people, _ := profile.SplitProfiles(entries)
		history, err := opened.Digest(testStart)
		if err != nil {
			b.Fatal(err)
		}
		m := New(Options{Catalog: cat, Store: opened, Profiles: people, History: history})
		m.Init()
		// Nothing is drawn before the terminal says its size, as it does
		// at once.
		m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
		if !strings.Contains(m.View().Content, "Check in together") {
			b.Fatalf("home is not drawn:\n%s", m.View().Content)
		}
	}
}

// BenchmarkHistoryScreenKey measures one ↓ on the History screen, drawn,
// with ten years of nightly check-ins: the pages read as the cursor comes
// near their end are read in turn, as the program would in the
// background.
func BenchmarkHistoryScreenKey(b *testing.B) {
	cat := testCatalog()
	store := profile.Open(filepath.Join(b.TempDir(), "data"), cat, true)
	for day := range 3650 {
		s := profile.NewCheckinSession(testStart.AddDate(0, 0, -day), catalog.Together, "tender",
			[]profile.Turn{{Name: "Sam"}, {Name: "Alex"}}, []string{"make-tea"}, "")
		if err := store.SaveSession(s); err != nil {
			b.Fatal(err)
		}
	}
	history, err := store.Digest(testStart)
	if err != nil {
		b.Fatal(err)
	}
	m := New(Options{Catalog: cat, Store: store, History: history})
	m.Init()
	send := func(msg tea.Msg) {
		for _, cmd := m.Update(msg); cmd != nil; {
			// The History screen's only command reads a page.
			_, cmd = m.Update(cmd())
		}
	}
	send(tea.WindowSizeMsg{Width: 100, Height: 30})
	send(tea.KeyPressMsg{Code: 'h', Text: "h"})
	if !strings.Contains(m.View().Content, "3,650 check-ins") {
		b.Fatalf("not on the History screen:\n%s", m.View().Content)
	}
	down := tea.KeyPressMsg{Code: tea.KeyDown}
	for b.Loop() {
		send(down)
		m.View()
	}
}

// BenchmarkUnmarkedPaste measures 5,000 characters pasted into a note where
// the terminal does not mark a paste, so that each comes as a key of its
// own: every key answered and the screen asked for after it, as Bubble Tea
// does, then the pause that ends them.
func BenchmarkUnmarkedPaste(b *testing.B) {
	text := strings.Repeat("lorem ipsum dolor sit amet ", 200)[:5000]
	for b.Loop() {
		b.StopTimer()
		m := New(Options{Catalog: testCatalog(), Store: profile.Open(filepath.Join(b.TempDir(), "data"), testCatalog(), true)})
		drive(m, m.Init())
		drive(m, func() tea.Msg { return tea.WindowSizeMsg{Width: 100, Height: 30} })
		drive(m, func() tea.Msg { return tea.KeyPressMsg{Code: 'a', Text: "a"} })
		for !strings.Contains(m.View().Content, "A note for your journal?") {
			drive(m, func() tea.Msg { return tea.KeyPressMsg{Code: tea.KeyEnter} })
		}
		b.StartTimer()
		for _, c := range text {
			m.Update(tea.KeyPressMsg{Code: c, Text: string(c)})
			m.View()
		}
		m.Update(typingPausedMsg{})
		if !strings.Contains(m.View().Content, "2,000 of 2,000 characters") {
			b.Fatalf("the paste did not land:\n%s", m.View().Content)
		}
	}
}

// drive answers a command's message, and the messages of the commands
// that follow from it, skipping waits for a cursor to blink or keys to
// pause.
func drive(m *Model, cmd tea.Cmd) {
	if cmd == nil || blinks(cmd) || strings.HasSuffix(funcName(cmd), "waitForTyping") {
		return
	}
	switch msg := cmd().(type) {
	case tea.BatchMsg:
		for _, c := range msg {
			drive(m, c)
		}
	case nil:
	default:
		_, next := m.Update(msg)
		drive(m, next)
	}
}
