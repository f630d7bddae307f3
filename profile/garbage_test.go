package profile

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"testing"
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

func TestOnlyALongBackgroundReadingCollectsTightly(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(150))
	for _, c := range []struct {
		name       string
		records    int
		background bool
		want       int
	}{
		{"a long history behind a screen", tightAbove + 1, true, passGCPercent},
		{"a short history behind a screen", 3, true, 150},
		{"a long history for a command", tightAbove + 1, false, 150},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := newStore(t)
			if c.background {
				s.ReadsInBackground()
			}
			first := session(NewSessionID(testStart), testStart, "Sam", "Alex")
			if err := s.SaveSession(first); err != nil {
				t.Fatal(err)
			}
			data, err := os.ReadFile(s.sessionPath(first.ID))
			if err != nil {
				t.Fatal(err)
			}
			for i := 1; i < c.records; i++ {
				name := fmt.Sprintf("%s-%06x.json", testStart.Format("20060102T150405"), i)
				if err := os.WriteFile(filepath.Join(s.sessionsDir(), name), data, 0o600); err != nil {
					t.Fatal(err)
				}
			}
			during, read := -1, 0
			if err := s.EachSummary(func(SessionEntry) {
				if read++; read == 1 {
					during = gcPercent()
				}
			}); err != nil {
				t.Fatal(err)
			}
			if read != c.records {
				t.Fatalf("read %d records, want %d", read, c.records)
			}
			if during != c.want {
				t.Errorf("while reading, the setting is %d, want %d", during, c.want)
			}
			if after := gcPercent(); after != 150 {
				t.Errorf("after reading, the setting is %d, want the 150 it was", after)
			}
		})
	}
}
