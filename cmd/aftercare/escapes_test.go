package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// hostile is text that, printed raw, would retitle the window, write to
// the clipboard, clear the screen and turn everything after it red.
const hostile = `\e]0;owned\a \e]52;c;cm0gLXJmIH4=\a \e[2J \e[31m \u009b31m \u202e`

// obeyable reports the first character in out that a terminal would act
// on, if any.
func obeyable(out string) (string, bool) {
	for _, r := range out {
		if r == '\x1b' || r == '\a' || r == '\r' || (r >= 0x80 && r < 0xa0) || r == '\u202e' {
			return string(r), true
		}
	}
	return "", false
}

func TestNoCommandPrintsACharacterATerminalWouldObey(t *testing.T) {
	data := [][]string{
		{"profile", "list"},
		{"profile", "show", "Sam"},
		{"history"},
		{"history", "--json"},
		{"history", "--stats"},
		{"due"},
		{"export"},
		{"export", "--format", "yaml"},
		{"export", "--format", "markdown"},
		{"export", "--format", "csv"},
		{"suggest", "--for", "Sam"},
	}
	catalogue := [][]string{
		{"catalog", "list"},
		{"catalog", "validate"},
		{"support"},
		{"suggest"},
		{"config"},
	}
	t.Run("hand-edited data", func(t *testing.T) {
		home := emptyHome(t)
		dir := filepath.Join(home, ".local", "share", "aftercare")
		writeFile(t, filepath.Join(dir, "profiles", "sam.yaml"), `name: "Sam `+hostile+`"
notes: "`+hostile+`"
`)
		writeFile(t, filepath.Join(dir, "sessions", "20261123T221000-a1b2c3.json"), `{"id": "20261123T221000-a1b2c3",
  "started": "2026-11-23T22:10:00Z", "mode": "solo", "people": ["Kim"],
  "shared": {"Kim": [{"question": "feeling", "prompt": "How are you? `+jsonEscapes(hostile)+`", "said": "`+jsonEscapes(hostile)+`"}]},
  "chosen": [], "note": "`+jsonEscapes(hostile)+`", "ratings": []}`)
		checkEveryOutput(t, data)
	})
	t.Run("a catalogue of one's own", func(t *testing.T) {
		home := emptyHome(t)
		writeFile(t, filepath.Join(home, ".config", "aftercare", "catalog", "mine.yaml"), `activities:
  - id: bad-tea
    title: "Tea `+hostile+`"
    description: "`+hostile+`"
    minutes: [5, 10]
    energy: low
    contact: none
`)
		checkEveryOutput(t, catalogue)
	})
}

// jsonEscapes writes the YAML escapes of hostile as JSON ones.
func jsonEscapes(s string) string {
	return strings.NewReplacer(`\e`, `\u001b`, `\a`, `\u0007`).Replace(s)
}

func checkEveryOutput(t *testing.T, commands [][]string) {
	t.Helper()
	for _, args := range commands {
		got := aftercare(t, "", args...)
		for stream, out := range map[string]string{"stdout": got.stdout, "stderr": got.stderr} {
			if r, ok := obeyable(out); ok {
				t.Errorf("aftercare %s printed %q raw on %s:\n%s", strings.Join(args, " "), r, stream, out)
			}
		}
	}
}

// Text that is not UTF-8 is refused as a mistake in the flag that gives
// it, as a name is: saved, it would be written as base64, read back as
// other words, and hide an escape from the check that refuses one.
func TestAProfileRefusesTextThatIsNotUTF8(t *testing.T) {
	emptyHome(t)
	mustRun(t, "", "profile", "new", "Alex")
	for _, args := range [][]string{
		{"profile", "edit", "Alex", "--set", "notes=caf\xe9"},
		{"profile", "edit", "Alex", "--set", "pronouns=X\x1b]0;owned\a\x9b"},
		{"profile", "new", "Bob", "--notes", "caf\xe9"},
		{"profile", "new", "Kim", "--pronouns", "\x9b31m"},
	} {
		out := aftercare(t, "", args...)
		if out.code != exitUsage || !strings.Contains(out.stderr, "not valid UTF-8") && !strings.Contains(out.stderr, "control character") {
			t.Errorf("%q: exit %d, %q", args, out.code, out.stderr)
		}
	}
	if show := mustRun(t, "", "profile", "show", "Alex", "--json"); strings.Contains(show, "notes") || strings.Contains(show, "pronouns") {
		t.Errorf("Alex's profile changed:\n%s", show)
	}
	if list := mustRun(t, "", "profile", "list"); strings.Contains(list, "Bob") || strings.Contains(list, "Kim") {
		t.Errorf("a profile was saved:\n%s", list)
	}
}
