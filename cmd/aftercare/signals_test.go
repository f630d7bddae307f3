//go:build linux

package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/aftercare-tui/aftercare/catalog"
)

// These run aftercare on a terminal of its own, a pseudo-terminal, as a
// person would, and stop it with signals: however it is stopped, the
// terminal is left as it was, the exit code says which signal, and the
// last line says what was and was not saved.

func TestASignalRestoresTheTerminalAndSaysWhatWasNotSaved(t *testing.T) {
	bin := buildAftercare(t)
	tests := []struct {
		name   string
		args   []string
		to     func(p *onPty)
		sig    syscall.Signal
		code   int
		stderr string
	}{
		{"hung up at home", nil, func(p *onPty) { p.waitFor("Check in together") }, syscall.SIGHUP, 129,
			"aftercare: stopped (hangup); nothing was lost"},
		{"terminated in the middle of a turn", []string{"checkin", "Sam", "Alex"}, func(p *onPty) {
			p.waitFor("What kind of time was it?")
			p.press("\r", "Sam's turn")
			p.press("\r", "Are you okay?")
		}, syscall.SIGTERM, 143, "aftercare: stopped (terminated); Sam's answers were not saved"},
		{"hung up in the second turn", []string{"checkin", "Sam", "Alex"}, func(p *onPty) {
			p.waitFor("What kind of time was it?")
			p.press("\r", "Sam's turn")
			p.press("\r", "Are you okay?")
			p.press(strings.Repeat("\r", questions(t, catalog.Together)), "What may the others see?")
			p.press("\r", "Alex's turn")
			p.press("\r", "Are you okay?")
		}, syscall.SIGHUP, 129, "aftercare: stopped (hangup); Sam's and Alex's answers were not saved"},
		{"interrupted", []string{"checkin", "Kai"}, func(p *onPty) {
			p.waitFor("What kind of time was it?")
			p.press("\r", "Am I okay right now?")
		}, syscall.SIGINT, 130, "aftercare: stopped (interrupt); Kai's answers were not saved"},
		{"quit", []string{"plan", "Sam", "Alex"}, func(p *onPty) { p.waitFor("Sam's turn") }, syscall.SIGQUIT, 131,
			"aftercare: stopped (quit); nothing was lost"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			home := emptyHome(t)
			p := startOnPty(t, bin, tt.args...)
			before := p.before
			tt.to(p)
			if err := p.cmd.Process.Signal(tt.sig); err != nil {
				t.Fatal(err)
			}
			code, after, output := p.end()
			if code != tt.code || strings.TrimSpace(p.stderr.String()) != tt.stderr {
				t.Errorf("exit %d, stderr %q; want %d, %q", code, p.stderr.String(), tt.code, tt.stderr)
			}
			checkRestored(t, before, after, output)
			if files := sessionFiles(t, home); len(files) > 0 {
				t.Errorf("saved %v", files)
			}
		})
	}

	// Just after the enter that saves, the check-in is saved and says so,
	// or is not and says that: never saved and said lost, nor lost and
	// said saved.
	for try := range 3 {
		t.Run(fmt.Sprintf("terminated just after the saving enter, %d", try), func(t *testing.T) {
			home := emptyHome(t)
			p := startOnPty(t, bin, "checkin", "Kai")
			before := p.before
			p.waitFor("What kind of time was it?")
			p.press("\r", "Am I okay right now?")
			p.press(strings.Repeat("\r", questions(t, catalog.Solo)), "Nothing to share")
			p.press("\r", "Ideas for looking after yourself")
			p.press("\r", "What will you do?")
			p.press("\r", "A note for your journal?")
			p.press("\r", "Remember anyone as a person?")
			p.press("\r", "Would you like a check-in tomorrow?")
			if _, err := p.ptm.WriteString("\r"); err != nil {
				t.Fatal(err)
			}
			if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
				t.Fatal(err)
			}
			code, after, output := p.end()
			checkRestored(t, before, after, output)
			want := "aftercare: stopped (terminated); Kai's answers were not saved"
			if len(sessionFiles(t, home)) == 1 {
				want = "aftercare: stopped (terminated); the check-in was saved"
			}
			if code != 143 || strings.TrimSpace(p.stderr.String()) != want {
				t.Errorf("exit %d, stderr %q; want 143, %q", code, p.stderr.String(), want)
			}
		})
	}
}

// questions is how many questions each person is asked in a check-in.
func questions(t *testing.T, mode catalog.Mode) int {
	t.Helper()
	cat, err := catalog.Defaults()
	if err != nil {
		t.Fatal(err)
	}
	return len(cat.QuestionsFor("after", mode))
}

// sessionFiles are the check-ins saved in the data folder under home.
func sessionFiles(t *testing.T, home string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(home, ".local", "share", "aftercare", "sessions", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// A shell that ignores HUP (nohup, or trap "" HUP) passes none on when its
// window closes: aftercare sees its terminal hang up all the same, and
// stops as at a HUP, rather than wait for keys that can no longer come.
func TestAClosedTerminalStopsTheScreenThoughNoHUPCame(t *testing.T) {
	bin := buildAftercare(t)
	home := emptyHome(t)
	p := startOnPty(t, "sh", "-c", `trap "" HUP; "$0" "$@"; echo "exit $?" >&2`, bin, "checkin", "Sam", "Alex")
	p.waitFor("What kind of time was it?")
	p.press("\r", "Please pass the laptop to Sam.")
	p.press("\r", "Are you okay?")
	if err := p.ptm.Close(); err != nil {
		t.Fatal(err)
	}
	// A terminal hung up has no settings left to read: only the end.
	select {
	case <-p.exited:
	case <-time.After(ptyWait):
		t.Fatalf("aftercare did not end within %s of its terminal closing; stderr: %s", ptyWait, p.stderr.String())
	}
	want := "aftercare: stopped (hangup); Sam's answers were not saved\nexit 129"
	if got := strings.TrimSpace(p.stderr.String()); got != want {
		t.Errorf("stderr %q, want %q", got, want)
	}
	if files := sessionFiles(t, home); len(files) > 0 {
		t.Errorf("saved %v", files)
	}
}
