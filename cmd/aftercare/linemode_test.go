//go:build linux

package main

import (
	"bytes"
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
