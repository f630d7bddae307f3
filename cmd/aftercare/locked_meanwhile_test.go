package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/profile"
	"github.com/aftercare-tui/aftercare/tui"
	"github.com/spf13/pflag"
)

// A run that found the data open, while another run locks it, reads
// records that turn out sealed, or finds the data locked when it asks to
// read: what it found sealed is not damaged, and a check-in carries on as
// on locked data, saving without reading, rather than stop.
func TestDataLockedMeanwhileIsNotDamagedAndACheckinCarriesOn(t *testing.T) {
	home := emptyHome(t)
	importHistory(t, home)
	dir := filepath.Join(home, ".local", "share", "aftercare")
	cat, err := catalog.Defaults()
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := profile.LoadConfig("", pflag.NewFlagSet("test", pflag.ContinueOnError))
	if err != nil {
		t.Fatal(err)
	}
	found := profile.Open(dir, cat, true)
	if found.Locked() {
		t.Fatal("the data is locked before the other run locked it")
	}
	keyPath, _ := keyFile(t)
	mustRun(t, "", "lock", "--identity", keyPath)
	before := len(filesIn(t, dir))

	digest, err := found.Digest(time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if !found.LockedMeanwhile(digest.Unread()...) {
		t.Errorf("records sealed since are not taken as locked meanwhile: %v", digest.Unread())
	}

	// The full screen, closing on what it read then, says so in a line.
	var closed bytes.Buffer
	shown := &app{stderr: &closed, cfg: cfg, cat: cat, store: found}
	if err := shown.nameUnread(nil, tui.New(tui.Options{Catalog: cat, Store: found, Config: cfg, History: digest})); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(closed.String(), "cannot be read") || len(shown.unread) > 0 || !strings.Contains(closed.String(), "locked by another run while this one was open") {
		t.Errorf("closing the screen, sealed records were named as damaged: %q", closed.String())
	}

	var out, stderr bytes.Buffer
	a := &app{stdin: strings.NewReader(strings.Repeat("\n", 40)), stdout: &out, stderr: &stderr, term: &out,
		cfg: cfg, cat: cat, store: found}
	if _, err := a.history(nil); err == nil {
		t.Error("the history was read as if the data were still open")
	}
	if err := a.runLines(nil, tui.Start{Names: []string{"Kai"}}, tui.Options{}); err != nil {
		t.Fatalf("the check-in stopped: %v\n%s%s", err, out.String(), stderr.String())
	}
	if !strings.Contains(out.String(), "Locked: saved people and history stay closed this time") || !strings.Contains(out.String(), "Saved to your history.") {
		t.Errorf("the check-in did not carry on as on locked data:\n%s", out.String())
	}
	if strings.Contains(stderr.String(), "cannot be read") || len(a.unread) > 0 {
		t.Errorf("sealed records were named as damaged: %q", stderr.String())
	}
	files := filesIn(t, dir)
	if len(files) != before+1 {
		t.Fatalf("%d records, want the %d there were and the new one", len(files), before)
	}
	for name, data := range files {
		if !strings.Contains(data, "BEGIN AGE ENCRYPTED FILE") {
			t.Errorf("%s was saved in plain text", name)
		}
	}

	// A sealed record in data that is not locked is damaged, as before.
	plain := emptyHome(t)
	importHistory(t, plain)
	plainDir := filepath.Join(plain, ".local", "share", "aftercare")
	sessions, _ := os.ReadDir(filepath.Join(dir, "sessions"))
	data, _ := os.ReadFile(filepath.Join(dir, "sessions", sessions[0].Name()))
	writeFile(t, filepath.Join(plainDir, "sessions", sessions[0].Name()), string(data))
	open := profile.Open(plainDir, cat, true)
	digest, err = open.Digest(time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if unread := digest.Unread(); len(unread) != 1 || !errors.Is(unread[0], profile.ErrLocked) || open.LockedMeanwhile(unread...) {
		t.Errorf("a sealed record in open data: %v, locked meanwhile %v", unread, open.LockedMeanwhile(unread...))
	}
}
