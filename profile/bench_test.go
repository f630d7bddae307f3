package profile

import (
	"fmt"
	"os"
	"testing"
	"time"
)

// storeOf10k is a store whose history holds 10,000 check-ins, about
// thirty years of one a day.
func storeOf10k(b *testing.B) *Store {
	s := newStore(b)
	for i := range 10_000 {
		sess := session(fmt.Sprintf("s%05d", i), testStart.Add(time.Duration(i)*time.Hour), "Sam", "Alex")
		sess.Note = "We had tea and then some quiet."
		if err := s.SaveSession(sess); err != nil {
			b.Fatal(err)
		}
	}
	return s
}

// BenchmarkHistory lists a history of 10,000 check-ins: every file read,
// checked and sorted newest first.
func BenchmarkHistory(b *testing.B) {
	s := storeOf10k(b)
	for b.Loop() {
		entries, err := s.Sessions()
		if err != nil || len(entries) != 10_000 || entries[0].Err != nil {
			b.Fatalf("%d entries, %v", len(entries), err)
		}
	}
}

// BenchmarkSummaries lists the same history from its index, as most
// commands do: the folder listed, each file's size and time compared with
// the index's, nothing else read.
func BenchmarkSummaries(b *testing.B) {
	s := storeOf10k(b)
	if _, err := s.Summaries(); err != nil {
		b.Fatal(err)
	}
	summaries := func(b *testing.B) {
		for b.Loop() {
			entries, err := s.Summaries()
			if err != nil || len(entries) != 10_000 || entries[0].Err != nil {
				b.Fatalf("%d entries, %v", len(entries), err)
			}
		}
	}
	// A folder that has just changed is listed each time.
	now := time.Now()
	if err := os.Chtimes(s.sessionsDir(), now, now); err != nil {
		b.Fatal(err)
	}
	b.Run("listed", summaries)
	// A folder that last changed an hour ago is vouched for by the next
	// reader, and read from the index alone after that.
	then := time.Now().Add(-time.Hour)
	if err := os.Chtimes(s.sessionsDir(), then, then); err != nil {
		b.Fatal(err)
	}
	if _, err := s.Summaries(); err != nil {
		b.Fatal(err)
	}
	if _, _, ok := s.readVouch(); !ok {
		b.Fatal("the index was not vouched for")
	}
	b.Run("vouched", summaries)
}
