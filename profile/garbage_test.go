package profile

import (
	"runtime/debug"
	"testing"
	"time"
)

// gcPercent reads the collector's setting without changing it.
func gcPercent() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}

func TestPassesOverTheHistoryPutTheCollectorBack(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(150))
	first := collectTightly()
	second := collectTightly()
	if got := gcPercent(); got != passGCPercent {
		t.Fatalf("during two passes the setting is %d, want %d", got, passGCPercent)
	}
	first()
	if got := gcPercent(); got != passGCPercent {
		t.Fatalf("with one pass still running the setting is %d, want %d", got, passGCPercent)
	}
	second()
	if got := gcPercent(); got != 150 {
		t.Fatalf("after the passes the setting is %d, want the 150 it was", got)
	}
}

func TestABackgroundReadingLeavesTheCollectorAsItWas(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(150))
	s := newStore(t)
	s.ReadsInBackground()
	for i := range 3 {
		if err := s.SaveSession(session(NewSessionID(testStart.Add(time.Duration(i)*time.Hour)), testStart, "Sam", "Alex")); err != nil {
			t.Fatal(err)
		}
	}
	d, err := s.Digest(testStart)
	if err != nil {
		t.Fatal(err)
	}
	if got := len(Ratings(d)); got != 6 {
		t.Fatalf("the digest holds %d ratings, want 6", got)
	}
	if got := gcPercent(); got != 150 {
		t.Fatalf("after reading the history the setting is %d, want the 150 it was", got)
	}
}
