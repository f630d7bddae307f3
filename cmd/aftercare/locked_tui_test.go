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
	lockWithPassphrase(t, data)
	damaged := filepath.Join(data, "profiles", "broken.yaml")
	writeFile(t, damaged, "name: [\n")

	p := startOnPty(t, bin)
	p.waitFor("Your saved people and check-ins are locked.")
	p.press(testPassphrase+"\r", "Check in together")
	p.press("p", "aftercare · people")
	p.waitFor("» Sam")
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

// testPassphrase is what a test's data is locked with.
const testPassphrase = "tea and toast at dawn"

// lockWithPassphrase locks the data folder with testPassphrase, as
// 'aftercare lock' does.
func lockWithPassphrase(t *testing.T, data string) {
	t.Helper()
	cat, err := catalog.Defaults()
	if err != nil {
		t.Fatal(err)
	}
	store := profile.Open(data, cat, true)
	defer store.Close()
	key, err := profile.NewKey()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := store.Lock(key, testPassphrase); err != nil {
		t.Fatal(err)
	}
}

// TestALockedFollowUpAsksOnTheScreenOnlyForOneThatIsThere runs the
// follow-up due on locked data: the passphrase is asked on the calm
// screen, as the program itself asks it, not on the terminal first; and
// never when nothing is due or the check-in named is not there.
func TestALockedFollowUpAsksOnTheScreenOnlyForOneThatIsThere(t *testing.T) {
	bin := buildAftercare(t)
	home := emptyHome(t)
	importHistory(t, home)
	lockWithPassphrase(t, filepath.Join(home, ".local", "share", "aftercare"))

	p := startOnPty(t, bin, "followup")
	p.waitFor("Your saved people and check-ins are locked.")
	p.press(testPassphrase+"\r", "This follow-up is for Alex")
	p.press("\x03", "")
	if code, _, _ := p.end(); code != 0 || p.stderr.Len() != 0 {
		t.Errorf("exit %d, stderr %q; want 0 and nothing", code, p.stderr.String())
	}

	out := aftercare(t, "", "followup", "20261105T230000-ffffff")
	if out.code != exitFailure || !strings.Contains(out.stderr, `no session "20261105T230000-ffffff": not found`) {
		t.Errorf("a check-in that is not there: exit %d, stderr %q", out.code, out.stderr)
	}

	emptyHome(t)
	keyPath, _ := keyFile(t)
	mustRun(t, "", "lock", "--identity", keyPath)
	if out := aftercare(t, "", "followup"); out.code != 0 || out.stdout != "Nothing is due. Take care.\n" || out.stderr != "" {
		t.Errorf("nothing due: exit %d, stdout %q, stderr %q; want 0 and the words alone", out.code, out.stdout, out.stderr)
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
	// The history has follow-ups due: home counts them, without the key.
	p.press("\r", "2 follow-ups are waiting, locked.")
	p.press("p", "Saved people are still here, locked.")
	p.press("\x03", "")
	if code, _, _ := p.end(); code != 0 || p.stderr.Len() != 0 {
		t.Errorf("without the file: exit %d, stderr %q", code, p.stderr.String())
	}

	t.Setenv("AFTERCARE_IDENTITY", identity)
	p = startOnPty(t, bin)
	p.waitFor("Check in together")
	p.press("p", "aftercare · people")
	p.waitFor("» Sam")
	p.press("\x03", "")
	if code, _, _ := p.end(); code != 0 || p.stderr.Len() != 0 {
		t.Errorf("with the file: exit %d, stderr %q", code, p.stderr.String())
	}
}
