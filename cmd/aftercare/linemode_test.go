//go:build linux

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestALineModeCheckinOnATerminalClearsBetweenTurns runs a check-in of two
// with --accessible on a terminal, as someone with a screen reader would:
// a line at a time, the screen and its scrollback cleared, and said to be,
// before each person's turn and before what everyone sees, so that Sam's
// private words are gone from it by the end.
func TestALineModeCheckinOnATerminalClearsBetweenTurns(t *testing.T) {
	bin := buildAftercare(t)
	emptyHome(t)
	const secret = "my private words about tonight"
	p := startOnPty(t, bin, "--accessible", "checkin", "Sam", "Alex")
	p.waitFor("What kind of time was it? (enter for 1)")
	p.press("\n", "Press enter to start my turn.")
	p.press("\n", "Are you okay? (enter for 1)")
	p.press(strings.Repeat("\n", 10), "What would you like to be different next time?")
	p.press(secret+"\n", "What may the others see?")
	p.press("none\n", "Screen cleared for Alex.")
	// It ends as soon as it has said so: read what it said once it has.
	if _, err := p.ptm.WriteString(strings.Repeat("\n", 40)); err != nil {
		t.Fatal(err)
	}
	code, _, out := p.end()
	if code != 0 || !bytes.Contains(out, []byte("Saved to your history.")) {
		t.Fatalf("exit %d; stderr %s; it said:\n%s", code, p.stderr.String(), out)
	}
	if n := bytes.Count(out, []byte("\x1b[3J")); n != 3 {
		t.Errorf("the screen and scrollback were cleared %d times, want 3 (Sam, Alex, everyone)", n)
	}
	for _, line := range screenOf(out) {
		if strings.Contains(line, "private words") {
			t.Errorf("Sam's private words are still on the screen: %q", line)
		}
	}
	if bytes.Contains(out, []byte("\x1b[?1049h")) || bytes.Contains(out, []byte("\x1b[38;")) {
		t.Error("the line mode drew a full screen or a colour")
	}
}

// TestWholeRoundsInLinesOnATerminal runs each kind of round in plain lines
// on a terminal, answered as a tired person would (enter, mostly), and
// checks that each ends saved, with the words that close it.
func TestWholeRoundsInLinesOnATerminal(t *testing.T) {
	bin := buildAftercare(t)
	home := emptyHome(t)
	enters := func(n int) string { return strings.Repeat("\n", n) }
	for _, c := range []struct {
		name  string
		args  []string
		typed string
		says  string
	}{
		{"alone, asking to be checked on tomorrow", []string{"checkin", "Kai"}, enters(14) + "2\n" + enters(20), "Take good care of yourself."},
		{"three together", []string{"checkin", "Sam", "Alex", "Kim"}, enters(80), "Take good care of each other."},
		{"not safe", []string{"checkin", "Sam", "Alex"}, "\n\n\n5\n\n\n" + enters(60), "Thank you for checking in."},
		{"a plan", []string{"plan", "Sam", "Alex"}, enters(40), "Thank you for planning together."},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := startOnPty(t, bin, append([]string{"--accessible"}, c.args...)...)
			if _, err := p.ptm.WriteString(c.typed); err != nil {
				t.Fatal(err)
			}
			code, _, out := p.end()
			if code != 0 || !bytes.Contains(out, []byte(c.says)) {
				t.Fatalf("exit %d; stderr %s; it said:\n%s", code, p.stderr.String(), out)
			}
		})
	}
	t.Run("the follow-up Kai asked for", func(t *testing.T) {
		sessions, err := filepath.Glob(filepath.Join(home, ".local", "share", "aftercare", "sessions", "*.json"))
		if err != nil {
			t.Fatal(err)
		}
		var id string
		for _, path := range sessions {
			if data, _ := os.ReadFile(path); bytes.Contains(data, []byte(`"Kai"`)) && bytes.Contains(data, []byte(`"followup"`)) {
				id = strings.TrimSuffix(filepath.Base(path), ".json")
			}
		}
		if id == "" {
			t.Fatal("Kai's check-in asked for no follow-up")
		}
		p := startOnPty(t, bin, "--accessible", "followup", id)
		if _, err := p.ptm.WriteString(enters(30)); err != nil {
			t.Fatal(err)
		}
		code, _, out := p.end()
		if code != 0 || !bytes.Contains(out, []byte("This follow-up is for Kai")) || !bytes.Contains(out, []byte("Thank you for checking in again.")) {
			t.Fatalf("exit %d; stderr %s; it said:\n%s", code, p.stderr.String(), out)
		}
	})
}

// TestALockedCheckinInLinesSavesWithoutReading runs a check-in in plain
// lines through a pipe while the data is locked to a key file: with no one
// at a terminal to ask, it carries on locked, says so, and saves the
// check-in sealed, readable with the key.
func TestALockedCheckinInLinesSavesWithoutReading(t *testing.T) {
	data, keyPath := lockedHistory(t)
	got := aftercare(t, strings.Repeat("\n", 40), "--accessible", "checkin", "Kai")
	if got.code != 0 || !strings.Contains(got.stdout, "Locked: saved people and history stay closed this time.") || !strings.Contains(got.stdout, "Saved to your history.") {
		t.Fatalf("exit %d; stderr %q; stdout:\n%s", got.code, got.stderr, got.stdout)
	}
	if plain := showing(t, data, "Kai"); len(plain) > 0 {
		t.Errorf("locked, the check-in was saved where it can be read:\n%s", strings.Join(plain, "\n"))
	}
	t.Setenv("AFTERCARE_IDENTITY", keyPath)
	if history := mustRun(t, "", "history", "--person", "Kai"); !strings.Contains(history, "Kai") {
		t.Errorf("with the key, the history does not show Kai's check-in:\n%s", history)
	}
}
