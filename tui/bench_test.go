package tui

import (
	"path/filepath"
	"testing"

	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/profile"
)

// BenchmarkFirstScreen measures what happens between starting aftercare and
// its first frame: loading the catalogue, reading the profiles, building
// the program and drawing the home screen.
func BenchmarkFirstScreen(b *testing.B) {
	store := profile.Open(filepath.Join(b.TempDir(), "data"), testCatalog(), true)
	for _, name := range []string{"Sam", "Alex", "Kai"} {
		if err := store.CreateProfile(&profile.Profile{Name: name, Likes: []string{"music"}}); err != nil {
			b.Fatal(err)
		}
	}
	for b.Loop() {
		cat, err := catalog.Defaults()
		if err != nil {
			b.Fatal(err)
		}
		people, err := profile.Open(store.Dir(), cat, true).ReadableProfiles()
		if err != nil {
			b.Fatal(err)
		}
		m := New(Options{Catalog: cat, Store: store, Profiles: people})
		m.Init()
		if m.View().Content == "" {
			b.Fatal("nothing drawn")
		}
	}
}
