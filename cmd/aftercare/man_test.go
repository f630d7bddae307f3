package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// TestEveryCommandSaysWhatItDoesWithExamples walks every command a person
// can run: each has a long description and examples.
func TestEveryCommandSaysWhatItDoesWithExamples(t *testing.T) {
	emptyHome(t)
	root := newRootCommand(&app{})
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		for _, sub := range c.Commands() {
			walk(sub)
		}
		if !c.Runnable() {
			return
		}
		if strings.TrimSpace(c.Long) == "" || strings.TrimSpace(c.Example) == "" {
			t.Errorf("%s has no long description or no examples", c.CommandPath())
		}
	}
	walk(root)
}

// TestTheManPageCoversEveryCommand reads 'aftercare man' with man -l, where
// there is a man: every command and section is there, and it reads
// without a warning.
func TestTheManPageCoversEveryCommand(t *testing.T) {
	home := emptyHome(t)
	page := mustRun(t, "", "man")
	if !strings.HasPrefix(page, ".TH AFTERCARE 1 ") {
		t.Fatalf("not a man page:\n%.200s", page)
	}
	// A page built for a release names no one's home folder.
	for _, text := range []string{page, mustRun(t, "", "--help")} {
		if strings.Contains(text, home) {
			t.Errorf("the help names the home folder it was made in, %s", home)
		}
	}
	// Plain roff, without preconv, reads only ASCII.
	if i := strings.IndexFunc(page, func(r rune) bool { return r >= 0x80 }); i >= 0 {
		t.Errorf("the page holds a character beyond ASCII: %q", page[max(0, i-20):min(len(page), i+20)])
	}
	manCmd, err := exec.LookPath("man")
	if err != nil {
		t.Skip("no man here to read it with")
	}
	path := filepath.Join(t.TempDir(), "aftercare.1")
	if err := os.WriteFile(path, []byte(page), 0o600); err != nil {
		t.Fatal(err)
	}
	// The plainest locale, where roff draws only ASCII and warns of any
	// character it cannot.
	cmd := exec.Command(manCmd, "-l", path)
	cmd.Env = append(os.Environ(), "MANWIDTH=80", "MAN_KEEP_FORMATTING=0", "PAGER=cat", "LC_ALL=C", "LANG=C")
	var warnings strings.Builder
	cmd.Stderr = &warnings
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("man -l: %v", err)
	}
	if warnings.Len() > 0 {
		t.Errorf("man -l warned:\n%s", warnings.String())
	}
	// Bold and underline come as overstrikes when man writes to a pipe.
	text := regexp.MustCompile(".\x08").ReplaceAllString(string(out), "")
	for _, want := range []string{"NAME", "SYNOPSIS", "COMMANDS", "ENVIRONMENT", "SETTINGS", "default_minutes", "EXIT CODES", "FILES", "PRIVACY", "AFTERCARE_IDENTITY", "NO_COLOR", "143"} {
		if !strings.Contains(text, want) {
			t.Errorf("the man page lacks %q", want)
		}
	}
	for _, c := range newRootCommand(&app{}).Commands() {
		if c.IsAvailableCommand() && !strings.Contains(text, "\n       "+c.Name()) {
			t.Errorf("the man page lacks the command %s", c.Name())
		}
	}
}
