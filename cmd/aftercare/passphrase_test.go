//go:build linux

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// typeSecret waits until the terminal no longer echoes what is typed, as
// it does while a passphrase is read, then types it.
func (p *onPty) typeSecret(text string) {
	p.t.Helper()
	p.waitForSecret()
	if _, err := p.ptm.WriteString(text + "\r"); err != nil {
		p.t.Fatal(err)
	}
}

// waitForSecret waits until the terminal no longer echoes what is typed.
func (p *onPty) waitForSecret() {
	p.t.Helper()
	for deadline := time.Now().Add(ptyWait); modes(p.t, p.tty).Lflag&unix.ECHO != 0; time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			p.t.Fatalf("the terminal still echoes after %s; stderr: %s", ptyWait, p.stderr.String())
		}
	}
}

// choosePassphrase types a new passphrase, and the same again, once
// aftercare has said what makes a good one.
func (p *onPty) choosePassphrase(text string) {
	p.t.Helper()
	p.waitFor("A good passphrase is four or more words")
	p.typeSecret(text)
	p.waitFor("The same again:")
	p.typeSecret(text)
}

func TestAPassphraseIsAskedOnTheTerminalAndNeverShown(t *testing.T) {
	bin := buildAftercare(t)
	home := emptyHome(t)
	backup := filepath.Join(home, "backup.json")
	writeFile(t, backup, aHistory)
	mustRun(t, "", "import", backup)
	plain := mustRun(t, "", "export")
	file := filepath.Join(home, "backup.age")
	const passphrase = "tea and toast at dawn"

	p := startOnPty(t, bin, "export", "--encrypt", "-o", file)
	p.choosePassphrase(passphrase)
	if code, _, out := p.end(); code != 0 || bytes.Contains(out, []byte("toast")) || !strings.Contains(p.stderr.String(), "Exported 1 profile, 3 check-ins, 1 plan and 1 private follow-up") {
		t.Fatalf("exit %d, stderr %q; the terminal showed:\n%s", code, p.stderr.String(), out)
	}
	data, err := os.ReadFile(file)
	if err != nil || !strings.HasPrefix(string(data), "-----BEGIN AGE ENCRYPTED FILE-----") || strings.Contains(string(data), "Tea helped") {
		t.Fatalf("not sealed: %v\n%.200s", err, data)
	}

	slip := filepath.Join(home, "slip.age")
	p = startOnPty(t, bin, "export", "--encrypt", "-o", slip)
	p.typeSecret(passphrase)
	p.waitFor("The same again:")
	p.typeSecret("tea and toast at dusk")
	if code, _, _ := p.end(); code != exitFailure || !strings.Contains(p.stderr.String(), "the two passphrases differ, so nothing was done") {
		t.Errorf("a slip: exit %d, stderr %q", code, p.stderr.String())
	}
	if _, err := os.Stat(slip); !os.IsNotExist(err) {
		t.Errorf("a slip wrote %s: %v", slip, err)
	}

	emptyHome(t)
	p = startOnPty(t, bin, "import", file)
	p.typeSecret("tea and toast")
	if code, _, _ := p.end(); code != exitFailure || !strings.Contains(p.stderr.String(), "it cannot be opened with that passphrase or key") {
		t.Errorf("a wrong passphrase: exit %d, stderr %q", code, p.stderr.String())
	}
	p = startOnPty(t, bin, "import", file)
	p.waitFor("Passphrase for the export:")
	p.typeSecret(passphrase)
	p.waitFor("Imported 1 profile, 3 check-ins, 1 plan and 1 private follow-up.")
	if code, _, out := p.end(); code != 0 || bytes.Contains(out, []byte("toast")) {
		t.Fatalf("exit %d; stderr %s; the terminal showed:\n%s", code, p.stderr.String(), out)
	}
	if got := mustRun(t, "", "export"); got != plain {
		t.Errorf("imported back, the export reads\n%s\nnot\n%s", got, plain)
	}
}

// A stop while a passphrase is asked puts the terminal back, echoing, and
// says that nothing was done: a lock asks before it changes anything.
func TestAStopWhileAPassphraseIsAskedPutsTheTerminalBack(t *testing.T) {
	bin := buildAftercare(t)
	signal := func(sig syscall.Signal) func(p *onPty) {
		return func(p *onPty) {
			if err := p.cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, tt := range []struct {
		name string
		stop func(p *onPty)
		code int
		said string
	}{
		{"ctrl+c", func(p *onPty) { p.ptm.WriteString("\x03") }, 130, "aftercare: stopped (interrupt); nothing was done"},
		{"TERM", signal(syscall.SIGTERM), 143, "aftercare: stopped (terminated); nothing was done"},
		{"HUP", signal(syscall.SIGHUP), 129, "aftercare: stopped (hangup); nothing was done"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			home := emptyHome(t)
			p := startOnPty(t, bin, "lock")
			p.waitFor("New passphrase for aftercare:")
			p.waitForSecret()
			tt.stop(p)
			code, left, _ := p.end()
			if left.Lflag != p.before.Lflag || left.Lflag&unix.ECHO == 0 {
				t.Errorf("the terminal was left with local modes %#x, want %#x as before", left.Lflag, p.before.Lflag)
			}
			if code != tt.code || !strings.Contains(p.stderr.String(), tt.said) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, p.stderr.String(), tt.code, tt.said)
			}
			if _, err := os.Stat(filepath.Join(home, ".local", "share", "aftercare", "key.age")); !os.IsNotExist(err) {
				t.Errorf("a lock stopped at its passphrase left a key: %v", err)
			}
		})
	}
}
