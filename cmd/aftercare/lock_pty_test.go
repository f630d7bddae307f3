//go:build linux

package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

// TestALockAsksForItsPassphraseOnceARunAndNeverShowsIt locks with a
// passphrase, reads with it after a slip, changes it, and turns the lock
// off, all on a terminal as a person would.
func TestALockAsksForItsPassphraseOnceARunAndNeverShowsIt(t *testing.T) {
	bin := buildAftercare(t)
	home := emptyHome(t)
	data := filepath.Join(home, ".local", "share", "aftercare")
	importHistory(t, home)
	before := filesIn(t, data)
	history := mustRun(t, "", "history")
	const first, second = "tea and toast at dawn", "rain on the window"

	p := startOnPty(t, bin, "lock")
	p.choosePassphrase(first)
	p.waitFor("Locked: 6 records were encrypted")
	if code, _, out := p.end(); code != 0 || bytes.Contains(out, []byte("toast")) {
		t.Fatalf("lock: exit %d; the terminal showed:\n%s", code, out)
	}
	if got := showing(t, data, "Tea helped", "make-tea", "sam.yaml"); len(got) > 0 {
		t.Fatalf("locked, the data folder still shows:\n%s", strings.Join(got, "\n"))
	}

	p = startOnPty(t, bin, "history")
	p.waitFor("Passphrase for aftercare:")
	p.typeSecret("tea and toast at dusk")
	p.waitFor("That passphrase does not open it. Try again:")
	p.typeSecret(first)
	p.waitFor("Note: Tea helped.")
	if code, _, out := p.end(); code != 0 || !bytes.Contains(out, []byte(strings.Split(history, "\n")[0])) || bytes.Contains(out, []byte("toast")) {
		t.Fatalf("history: exit %d; the terminal showed:\n%s", code, out)
	}

	p = startOnPty(t, bin, "history")
	for range unlockTries {
		p.typeSecret("not it")
	}
	if code, _, out := p.end(); code != exitFailure || !strings.Contains(p.stderr.String(), "that passphrase does not open aftercare's data") || bytes.Contains(out, []byte("Tea helped")) {
		t.Errorf("three wrong passphrases: exit %d, stderr %q", code, p.stderr.String())
	}

	p = startOnPty(t, bin, "lock", "--change")
	p.waitFor("Passphrase for aftercare:")
	p.typeSecret(first)
	p.waitFor("New passphrase for aftercare:")
	p.typeSecret(second)
	p.waitFor("The same again:")
	p.typeSecret(second)
	p.waitFor("The passphrase is changed. No record was written again.")
	if code, _, _ := p.end(); code != 0 {
		t.Fatalf("lock --change: exit %d, stderr %q", code, p.stderr.String())
	}

	p = startOnPty(t, bin, "lock", "--off")
	p.waitFor("Passphrase for aftercare:")
	p.typeSecret(second)
	p.waitFor("Unlocked: 6 records were turned back into plain text")
	if code, _, _ := p.end(); code != 0 {
		t.Fatalf("lock --off: exit %d, stderr %q", code, p.stderr.String())
	}
	after := filesIn(t, data)
	for path, text := range before {
		if after[path] != text {
			t.Errorf("%s after the lock was turned off:\n%s\nwant:\n%s", path, after[path], text)
		}
	}
}
