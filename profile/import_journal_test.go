package profile

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

var errCutShort = errors.New("cut short")

// cutShort runs an import that stops after step as a killed one would,
// leaving behind what it had written so far.
func cutShort(t *testing.T, s *Store, path string, data []byte, step string) {
	t.Helper()
	defer func() {
		reached = func(string) {}
		if r := recover(); r != errCutShort {
			t.Fatalf("the import did not stop after %s: %v", step, r)
		}
	}()
	reached = func(at string) {
		if at == step {
			panic(errCutShort)
		}
	}
	_, _ = s.Import(path, data)
}

func stagingFolders(t *testing.T, s *Store) []string {
	t.Helper()
	found, err := filepath.Glob(filepath.Join(s.tmpDir(), stagingPrefix+"*-*"))
	if err != nil {
		t.Fatal(err)
	}
	return found
}

func TestAStagedImportIsFinishedOnlyFromAJournalAftercareWrote(t *testing.T) {
	path, data, x := importFixture(t)
	all := len(x.Profiles) + len(x.Sessions)
	tests := []struct {
		name    string
		journal func(j string) string // the journal's text, from the one written
		want    int
	}{
		{"as written", func(j string) string { return j }, all},
		{"never written", nil, 0},
		{"cut short", func(j string) string { return j[:len(j)/2] }, 0},
		{"moving a file out of the records", func(j string) string { return strings.Replace(j, "sessions/imported-0.json", "../outside.json", 1) }, 0},
		{"moving a file into .tmp", func(j string) string { return strings.Replace(j, "sessions/imported-0.json", ".tmp/x.json", 1) }, 0},
		{"moving a file to a hidden name", func(j string) string { return strings.Replace(j, "profiles/sam.yaml", "profiles/.sam.yaml", 1) }, 0},
		{"moving the journal", func(j string) string { return strings.Replace(j, `"from":"0"`, `"from":"journal"`, 1) }, 0},
		{"of another import", func(j string) string { return strings.Replace(j, importID(data), importID(nil), 1) }, 0},
		{"with more in it", func(j string) string { return strings.Replace(j, `"moves"`, `"also":1,"moves"`, 1) }, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newStore(t)
			cutShort(t, s, path, data, "journal")
			staged := stagingFolders(t, s)
			if len(staged) != 1 {
				t.Fatalf("staging folders %v", staged)
			}
			journalPath := filepath.Join(staged[0], journalName)
			written, err := os.ReadFile(journalPath)
			if err != nil {
				t.Fatal(err)
			}
			if tt.journal == nil {
				if err := os.Remove(journalPath); err != nil {
					t.Fatal(err)
				}
			} else {
				plant(t, journalPath, tt.journal(string(written)))
			}
			if n := landed(t, s); n != 0 {
				t.Fatalf("readers saw %d staged records", n)
			}
			if err := s.Sweep(); err != nil {
				t.Fatal(err)
			}
			if n := landed(t, s); n != tt.want {
				t.Errorf("%d records landed, want %d", n, tt.want)
			}
			if fileExists(filepath.Join(s.Dir(), "outside.json")) || fileExists(filepath.Join(s.tmpDir(), "x.json")) {
				t.Error("a file was moved where no record is kept")
			}
			if got := stagingFolders(t, s); len(got) != 0 {
				t.Errorf("left %v", got)
			}
		})
	}
}

func TestRunningAFinishedImportAgainCountsWhatIsInPlaceAsDone(t *testing.T) {
	path, data, _ := importFixture(t)
	s := newStore(t)
	cutShort(t, s, path, data, "journal")
	if err := s.Sweep(); err != nil {
		t.Fatal(err)
	}
	// Since the import was finished for it, one check-in was changed and
	// one removed.
	changed, removed := s.sessionPath("imported-1"), s.sessionPath("imported-2")
	plant(t, changed, strings.Replace(readFile(t, changed), "Yes, I'm okay", "Mostly okay", 1))
	if err := os.Remove(removed); err != nil {
		t.Fatal(err)
	}

	_, err := s.Import(path, data)
	if err == nil || !strings.Contains(err.Error(), "there is already a session imported-1") || strings.Count(err.Error(), "there is already") != 1 {
		t.Fatalf("error %v, want only the changed check-in refused", err)
	}
	if fileExists(removed) {
		t.Error("a refused import wrote something")
	}
	if err := os.Remove(changed); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Import(path, data); err != nil {
		t.Fatal(err)
	}
	if n := landed(t, s); n != 4 {
		t.Errorf("%d records after running the import again, want 4", n)
	}
	if got := leftovers(t, s); len(got) != 0 {
		t.Errorf("left %v", got)
	}
}

func TestAnImportThatLandedWholeRunAgainWritesNothingAndSaysSo(t *testing.T) {
	path, data, x := importFixture(t)
	tests := []struct {
		name string
		// change makes the store differ from the import after it landed.
		change      func(t *testing.T, s *Store)
		alreadyHere bool
		refused     []string
	}{
		{"as it landed", func(*testing.T, *Store) {}, true, nil},
		{"one check-in removed since", func(t *testing.T, s *Store) {
			if err := os.Remove(s.sessionPath("imported-2")); err != nil {
				t.Fatal(err)
			}
		}, false, []string{"there is already a session imported-0", "there is already a session imported-1", `there is already a profile named "Sam"`}},
		{"one check-in changed since", func(t *testing.T, s *Store) {
			changed := s.sessionPath("imported-1")
			plant(t, changed, strings.Replace(readFile(t, changed), "Yes, I'm okay", "Mostly okay", 1))
		}, false, []string{"there is already a session imported-1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newStore(t)
			if imported, err := s.Import(path, data); err != nil || imported.AlreadyHere {
				t.Fatalf("first import: %v, here already %v", err, imported != nil && imported.AlreadyHere)
			}
			tt.change(t, s)
			before := landed(t, s)
			imported, err := s.Import(path, data)
			switch {
			case tt.alreadyHere && (err != nil || !imported.AlreadyHere || len(imported.Sessions) != len(x.Sessions)):
				t.Errorf("run again: %v, want it said to be here already", err)
			case !tt.alreadyHere && err == nil:
				t.Errorf("run again over a store that differs: imported, want it refused")
			}
			for _, want := range tt.refused {
				if err == nil || !strings.Contains(err.Error(), want) {
					t.Errorf("refusal %v lacks %q", err, want)
				}
			}
			if n := landed(t, s); n != before {
				t.Errorf("%d records after running it again, %d before", n, before)
			}
		})
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestALockedImportFinishedByTheNextRunListsWhatIsDue cuts short an import
// into locked data once its journal is written: the run that finishes it
// has no key to read the check-ins, yet lists the one waiting on its
// follow-up, as the import itself would have.
func TestALockedImportFinishedByTheNextRunListsWhatIsDue(t *testing.T) {
	for _, step := range []string{"journal", "moved", "synced"} {
		t.Run(step, func(t *testing.T) {
			_, _, x := importFixture(t)
			x.Profiles = nil // Sam is saved already
			x.Sessions[1].FollowUp = &FollowUp{For: []string{"Sam"}}
			data, err := x.Encode("json", testCatalog())
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(t.TempDir(), "backup.json")
			plant(t, path, string(data))
			s, _ := lockedStore(t)
			cutShort(t, s, path, data, step)
			next := Open(s.Dir(), testCatalog(), true)
			if err := next.Sweep(); err != nil {
				t.Fatal(err)
			}
			due := next.DueWhileLocked(x.Sessions[1].Started.Add(30 * 24 * time.Hour))
			if len(due) != 1 || due[0].ID != x.Sessions[1].ID {
				t.Errorf("due while locked: %+v, want %s alone", due, x.Sessions[1].ID)
			}
		})
	}
}

// A file that cannot be staged stops the import before anything lands:
// no more are started, those under way finish, and the staging folder
// goes with them.
func TestAnImportThatCannotStageAFileLandsNothing(t *testing.T) {
	x := &Export{Version: ExportVersion}
	for i := range 50 {
		started := testStart.Add(time.Duration(i) * time.Hour)
		x.Sessions = append(x.Sessions, *session(NewSessionID(started), started, "Sam"))
	}
	data, err := x.Encode("json", testCatalog())
	if err != nil {
		t.Fatal(err)
	}
	s := newStore(t)
	staged := 0
	defer func() { reached = func(string) {} }()
	reached = func(at string) {
		if at != "staged" {
			return
		}
		// A name the import has yet to use is taken, as if by another file.
		if staged++; staged == 5 {
			for _, dir := range stagingFolders(t, s) {
				for i := range 50 {
					// Made only if no file has the name yet, as a writer makes it.
					f, err := os.OpenFile(filepath.Join(dir, strconv.Itoa(i)), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
					if err == nil {
						f.Close()
						break
					}
				}
			}
		}
	}
	_, err = s.Import("history.json", data)
	if err == nil || !strings.Contains(err.Error(), "nothing was imported") {
		t.Fatalf("import: %v, want nothing imported", err)
	}
	if staged >= 50 {
		t.Errorf("all %d files were staged after one failed", staged)
	}
	if n := landed(t, s); n != 0 {
		t.Errorf("%d records landed", n)
	}
	if left := stagingFolders(t, s); len(left) != 0 {
		t.Errorf("staging folders left: %v", left)
	}
}

// A reader that starts while an import is being moved into place waits
// for it to land, and sees all of it.
func TestAReaderDuringALandingImportSeesAllOfIt(t *testing.T) {
	path, data, x := importFixture(t)
	s := newStore(t)
	type seen struct {
		n   int
		err error
	}
	read, waiting := make(chan seen, 1), make(chan struct{})
	var early *seen
	defer func() { reached = func(string) {} }()
	reached = func(at string) {
		if at == "waiting" {
			close(waiting)
		}
		if at != "journal" {
			return
		}
		// Another process, as a command run now would be; the import
		// goes on once it waits, or has read without waiting.
		defer func() {
			select {
			case <-waiting:
			case got := <-read:
				early = &got
			case <-time.After(time.Minute):
				// A reader blocked on something else than the lock,
				// and never told of it, would hold this up for ever.
				t.Error("the reader neither waited for the landing nor read")
			}
		}()
		other := Open(s.Dir(), testCatalog(), true)
		go func() {
			if err := other.Sweep(); err != nil {
				read <- seen{err: err}
				return
			}
			profiles, err := other.Profiles()
			if err != nil {
				read <- seen{err: err}
				return
			}
			sessions, err := other.Sessions()
			read <- seen{len(profiles) + len(sessions), err}
		}()
	}
	if _, err := s.Import(path, data); err != nil {
		t.Fatal(err)
	}
	if early != nil {
		t.Fatalf("a reader read during the landing without waiting: %d records (%v)", early.n, early.err)
	}
	got := <-read
	if want := len(x.Profiles) + len(x.Sessions); got.err != nil || got.n != want {
		t.Errorf("a reader during the landing saw %d records (%v), want %d", got.n, got.err, want)
	}
}
