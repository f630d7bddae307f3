//go:build linux

package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/profile"
)

// TestALockedRunAsksForThePassphraseOnTheScreen opens locked data on the
// full screen, where a profile that cannot be read is named once the
// screen closes; and carries on without the passphrase, where nothing is
// asked on the terminal and nothing is read.
func TestALockedRunAsksForThePassphraseOnTheScreen(t *testing.T) {
	bin := buildAftercare(t)
	home := emptyHome(t)
	data := filepath.Join(home, ".local", "share", "aftercare")
	importHistory(t, home)
	const passphrase = "tea and toast at dawn"
	cat, err := catalog.Defaults()
	if err != nil {
		t.Fatal(err)
	}
	store := profile.Open(data, cat, true)
	key, err := profile.NewKey()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := store.Lock(key, passphrase); err != nil {
		t.Fatal(err)
	}
	store.Close()
	damaged := filepath.Join(data, "profiles", "broken.yaml")
	writeFile(t, damaged, "name: [\n")

	p := startOnPty(t, bin)
	p.waitFor("Your saved people and check-ins are locked.")
	p.press(passphrase+"\r", "Check in together")
	p.press("p", "aftercare · people")
	p.waitFor("› Sam")
	p.press("\x03", "")
	code, _, out := p.end()
	if code != exitFailure || !strings.Contains(p.stderr.String(), damaged) || bytes.Contains(out, []byte("toast")) {
		t.Errorf("exit %d, stderr %q; want 1 and the damaged profile named", code, p.stderr.String())
	}

	p = startOnPty(t, bin, "checkin", "Sam", "Alex")
	p.waitFor("Your saved people and check-ins are locked.")
	p.press("\r", "saved people and history stay closed this time")
	p.press("\x03", "")
	if code, _, _ := p.end(); code != 0 || p.stderr.Len() != 0 {
		t.Errorf("carrying on without it: exit %d, stderr %q", code, p.stderr.String())
	}
}

// TestALockedRunOpensWithTheIdentityFileItIsGiven locks to a key kept in a
// file: named by AFTERCARE_IDENTITY, it opens the data before the screen
// does; not named, the screen says how to open it and carries on.
func TestALockedRunOpensWithTheIdentityFileItIsGiven(t *testing.T) {
	bin := buildAftercare(t)
	home := emptyHome(t)
	importHistory(t, home)
	cat, err := catalog.Defaults()
	if err != nil {
		t.Fatal(err)
	}
	store := profile.Open(filepath.Join(home, ".local", "share", "aftercare"), cat, true)
	key, err := profile.NewKey()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := store.Lock(key, ""); err != nil {
		t.Fatal(err)
	}
	store.Close()
	identity := filepath.Join(home, "key.txt")
	writeFile(t, identity, key.String()+"\n")

	p := startOnPty(t, bin)
	p.waitFor("AFTERCARE_IDENTITY set to that file")
	p.press("\r", "Locked this time.")
	p.press("p", "Saved people are still here, locked.")
	p.press("\x03", "")
	if code, _, _ := p.end(); code != 0 || p.stderr.Len() != 0 {
		t.Errorf("without the file: exit %d, stderr %q", code, p.stderr.String())
	}

	t.Setenv("AFTERCARE_IDENTITY", identity)
	p = startOnPty(t, bin)
	p.waitFor("Check in together")
	p.press("p", "aftercare · people")
	p.waitFor("› Sam")
	p.press("\x03", "")
	if code, _, _ := p.end(); code != 0 || p.stderr.Len() != 0 {
		t.Errorf("with the file: exit %d, stderr %q", code, p.stderr.String())
	}
}
