package profile

import (
	"fmt"
	"testing"
	"time"

	"filippo.io/age"
)

// yearOfCheckins is a store holding a year of nightly check-ins, locked
// with key when key is not nil.
func yearOfCheckins(b *testing.B, key *age.X25519Identity) *Store {
	s := newStore(b)
	for i := range 365 {
		sess := session(fmt.Sprintf("y%03d", i), testStart.Add(time.Duration(i)*24*time.Hour), "Sam", "Alex")
		sess.Note = "We had tea and then some quiet."
		if err := s.SaveSession(sess); err != nil {
			b.Fatal(err)
		}
	}
	if key != nil {
		if _, err := s.Lock(key, ""); err != nil {
			b.Fatal(err)
		}
		if err := s.UnlockWithIdentities([]age.Identity{key}); err != nil {
			b.Fatal(err)
		}
	}
	return s
}

// BenchmarkUnlock opens a store locked with a passphrase, at the work
// aftercare asks of it: the time a person waits after typing it.
func BenchmarkUnlock(b *testing.B) {
	s := newStore(b)
	key, _ := NewKey()
	if _, err := s.Lock(key, "tea and toast at dawn"); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if err := Open(s.Dir(), testCatalog(), true).UnlockWithPassphrase("tea and toast at dawn"); err != nil {
			b.Fatal(err)
		}
	}
}

// plainAndLocked runs bench as "plain" with no key, then as "locked"
// with one.
func plainAndLocked(b *testing.B, bench func(b *testing.B, key *age.X25519Identity)) {
	key, _ := NewKey()
	b.Run("plain", func(b *testing.B) { bench(b, nil) })
	b.Run("locked", func(b *testing.B) { bench(b, key) })
}

// BenchmarkReadYear reads a year of nightly check-ins whole, newest first,
// plain and locked (each record opened with the key).
func BenchmarkReadYear(b *testing.B) {
	plainAndLocked(b, func(b *testing.B, key *age.X25519Identity) {
		s := yearOfCheckins(b, key)
		for b.Loop() {
			entries, err := s.Sessions()
			if err != nil || len(entries) != 365 || entries[0].Err != nil {
				b.Fatalf("%d entries, %v", len(entries), err)
			}
		}
	})
}

// BenchmarkSaveCheckin saves one check-in, plain and locked (sealed to the
// public key alone, as a run that has not unlocked saves it).
func BenchmarkSaveCheckin(b *testing.B) {
	plainAndLocked(b, func(b *testing.B, key *age.X25519Identity) {
		s := newStore(b)
		if key != nil {
			if _, err := s.Lock(key, ""); err != nil {
				b.Fatal(err)
			}
		}
		sess := session("20261120T221000-aaaaaa", testStart, "Sam", "Alex")
		sess.Note = "We had tea and then some quiet."
		for b.Loop() {
			if err := s.SaveSession(sess); err != nil {
				b.Fatal(err)
			}
		}
	})
}
