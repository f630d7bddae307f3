//go:build linux

package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestTheFullScreenNeedsATerminalAtBothEnds runs aftercare with standard
// input from /dev/null, and with standard output to a file, as a script or
// a redirect would: it says why it did not start, and draws nothing.
func TestTheFullScreenNeedsATerminalAtBothEnds(t *testing.T) {
	bin := buildAftercare(t)
	home := emptyHome(t)
	for _, c := range []struct {
		name string
		args []string
		end  string
	}{
		{"input from /dev/null", []string{}, "standard input"},
		{"a check-in from /dev/null", []string{"checkin", "Sam", "Alex"}, "standard input"},
	} {
		t.Run(c.name, func(t *testing.T) {
			cmd := exec.Command(bin, c.args...)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			err := cmd.Run()
			if cmd.ProcessState.ExitCode() != exitFailure || !strings.Contains(stderr.String(), "the check-in draws a full screen, and "+c.end+" is not a terminal") {
				t.Errorf("exit %v; stderr %q", err, stderr.String())
			}
			if stdout.Len() > 0 {
				t.Errorf("it drew %q", stdout.String())
			}
		})
	}
	t.Run("output to a file", func(t *testing.T) {
		ptm, tty := openPty(t)
		defer ptm.Close()
		defer tty.Close()
		out := filepath.Join(home, "out.txt")
		f, err := os.Create(out)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		var stderr bytes.Buffer
		cmd := exec.Command(bin)
		cmd.Stdin, cmd.Stdout, cmd.Stderr = tty, f, &stderr
		_ = cmd.Run()
		if cmd.ProcessState.ExitCode() != exitFailure || !strings.Contains(stderr.String(), "standard output is not a terminal") {
			t.Errorf("exit %d; stderr %q", cmd.ProcessState.ExitCode(), stderr.String())
		}
		if drawn, _ := os.ReadFile(out); len(drawn) > 0 {
			t.Errorf("it drew into the file: %q", drawn)
		}
	})
}
