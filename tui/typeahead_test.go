package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/aftercare-tui/aftercare/catalog"
)

// burst types text the way a paste the terminal does not mark comes: a key
// at a time, each on the heels of the last, nothing waited for.
func burst(m *Model, text string) {
	for _, c := range text {
		m.Update(tea.KeyPressMsg{Code: c, Text: string(c)})
	}
}

func TestTextTypedInABurstLandsWhenTheKeysPause(t *testing.T) {
	t.Parallel()
	r := start(t, newWorld(t).opts, 100, 30)
	r.keys("a").enterUntil("A note for your journal?")
	typed := strings.Repeat("0123456789", 600)
	burst(r.m, typed)
	r.doesNotSee("0123456789")
	r.do(waitForTyping)
	// Typed, not pasted, for all aftercare can tell: what did not fit is
	// left out as keys past the limit are, and the count says why.
	r.sees("0123456789", "2,000 of 2,000 characters")
	r.doesNotSee("cut short")
	if note, _ := r.m.current.(*formScreen).field.GetValue().(string); note != typed[:2000] {
		t.Errorf("the note holds %d characters, want the first 2,000 typed", len(note))
	}
}

func TestAKeyAfterTextTypedInABurstComesAfterIt(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	r := start(t, w.opts, 100, 30)
	r.keys("a").enterUntil("A note for your journal?")
	burst(r.m, "slept well")
	r.enter(1).sees("Would you like a check-in tomorrow?")
	r.enterUntil("Take good care of yourself.")
	if s := w.sessions(t); len(s) != 1 || s[0].Note != "slept well" {
		t.Errorf("saved %+v, want one check-in noting what was typed before enter", s)
	}
}

func TestKeysTypedPastTheLimitAreNotAPaste(t *testing.T) {
	t.Parallel()
	r := start(t, newWorld(t).opts, 100, 30)
	r.keys("a").enter(1 + firstText(t))
	r.send(paste(strings.Repeat("a", 997))).sees("997 of 1,000 characters")
	r.typeText("zzzzz").sees("1,000 of 1,000 characters")
	r.typeText("c").sees("1,000 of 1,000 characters")
	r.doesNotSee("cut short")
	if s, _ := r.m.current.(*formScreen).field.GetValue().(string); s != strings.Repeat("a", 997)+"zzz" {
		t.Errorf("the answer ends %q, want the three keys that fit", s[990:])
	}
}

func TestProgramTakesAnUnmarkedPasteWhole(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	p := runProgram(t, w.opts, 100, 30)
	p.press("a")
	p.enter(1 + questions(catalog.Solo) + 1 + 1 + 1)
	p.waitFor("A note for your journal?")
	typed := strings.Repeat("warm tea ", 1000)
	for _, c := range typed {
		p.tm.Send(tea.KeyPressMsg{Code: c, Text: string(c)})
	}
	p.sent += len(typed)
	p.waitFor("2,000 of 2,000 characters")
	p.enter(1)
	p.waitFor("Would you like a check-in tomorrow?")
	p.enter(1)
	p.waitFor("Take good care of yourself.")
	p.quit()
	if s := w.sessions(t); len(s) != 1 || s[0].Note != typed[:2000] {
		t.Errorf("saved %d check-ins, want one noting the first 2,000 characters typed", len(s))
	}
}
