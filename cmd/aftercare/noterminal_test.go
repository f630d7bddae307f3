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

// TestWithoutATerminalItAsksInLines runs aftercare with standard input
// from /dev/null or a pipe, and with standard output to a file, as a script
// or a redirect would: it says on standard error that it asks a line at a
// time, writes no drawing codes, and exits as the line mode does.
func TestWithoutATerminalItAsksInLines(t *testing.T) {
	bin := buildAftercare(t)
	home := emptyHome(t)
	for _, c := range []struct {
		name  string
		args  []string
		input string
		code  int
		says  string
	}{
		{"home from /dev/null leaves", nil, "", 0, "What would you like to do?"},
		{"a check-in from /dev/null is not saved", []string{"checkin", "Sam", "Alex"}, "", exitFailure, "What kind of time was it?"},
		{"a check-in through a pipe is saved", []string{"checkin", "Sam", "Alex"}, strings.Repeat("\n", 80), 0, "Saved to your history."},
	} {
		t.Run(c.name, func(t *testing.T) {
			cmd := exec.Command(bin, c.args...)
			if c.input != "" {
				cmd.Stdin = strings.NewReader(c.input)
			}
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			_ = cmd.Run()
			if code := cmd.ProcessState.ExitCode(); code != c.code {
				t.Errorf("exit %d, want %d; stderr %q", code, c.code, stderr.String())
			}
			if !strings.Contains(stderr.String(), "standard input is not a terminal, so it asks one question a line at a time") {
				t.Errorf("stderr %q", stderr.String())
			}
			if !strings.Contains(stdout.String(), c.says) {
				t.Errorf("it never said %q:\n%s", c.says, stdout.String())
			}
			if bytes.ContainsRune(stdout.Bytes(), 0x1b) {
				t.Errorf("it wrote an escape code: %q", stdout.String())
			}
		})
	}
	t.Run("output to a file asks on the terminal", func(t *testing.T) {
		ptm, tty := openPty(t)
		defer ptm.Close()
		defer tty.Close()
		out := filepath.Join(home, "out.txt")
		f, err := os.Create(out)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if _, err := ptm.WriteString("Leave\n"); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(bin)
		cmd.Stdin, cmd.Stdout, cmd.Stderr = tty, f, tty
		if err := cmd.Run(); err != nil {
			t.Errorf("leaving from home: %v", err)
		}
		if drawn, _ := os.ReadFile(out); len(drawn) > 0 {
			t.Errorf("it wrote into the file: %q", drawn)
		}
		tty.Close()
		var shown bytes.Buffer
		_, _ = shown.ReadFrom(ptm)
		if !strings.Contains(shown.String(), "What would you like to do?") {
			t.Errorf("the terminal never showed the question: %q", shown.String())
		}
	})
}
