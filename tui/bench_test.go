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
		people, err := opened.ReadableProfiles()
		if err != nil {
			b.Fatal(err)
		}
		history, err := opened.Sessions()
		if err != nil {
			b.Fatal(err)
		}
		m := New(Options{Catalog: cat, Store: opened, Profiles: people, History: history})
		m.Init()
		if m.View().Content == "" {
			b.Fatal("nothing drawn")
		}
	}
}

// BenchmarkHistoryScreenKey measures one ↓ on the History screen, drawn,
// with ten years of nightly check-ins.
func BenchmarkHistoryScreenKey(b *testing.B) {
	cat := testCatalog()
	var history []profile.SessionEntry
	for day := range 3650 {
		s := profile.NewCheckinSession(testStart.AddDate(0, 0, -day), catalog.Together, "tender",
			[]profile.Turn{{Name: "Sam"}, {Name: "Alex"}}, []string{"make-tea"}, "")
		history = append(history, profile.SessionEntry{Path: s.ID + ".json", Session: s})
	}
	m := New(Options{Catalog: cat, Store: profile.Open(filepath.Join(b.TempDir(), "data"), cat, true), History: history})
	m.Init()
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	m.Update(tea.KeyPressMsg{Code: 'h', Text: "h"})
	if !strings.Contains(m.View().Content, "3650 check-ins") {
		b.Fatalf("not on the History screen:\n%s", m.View().Content)
	}
	down := tea.KeyPressMsg{Code: tea.KeyDown}
	for b.Loop() {
		m.Update(down)
		m.View()
	}
}
