package profile

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// leftovers lists what is in .tmp but the drafts lock, and the old-style
// drafts in profiles/.
func leftovers(t *testing.T, s *Store) []string {
	t.Helper()
	var out []string
	entries, _ := os.ReadDir(s.tmpDir())
	for _, e := range entries {
		if e.Name() != draftsLock {
			out = append(out, e.Name())
		}
	}
	old, _ := filepath.Glob(filepath.Join(s.profilesDir(), ".edit-*"))
	return append(out, old...)
}

func plant(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestSweepRemovesWhatKilledWritersLeftButNoOpenDraft(t *testing.T) {
	s := newStore(t)
	if err := s.CreateProfile(sam()); err != nil {
		t.Fatal(err)
	}
	open, err := s.NewDraft(filepath.Join(s.profilesDir(), "sam.yaml"), []byte("name: Sam\n"))
	if err != nil {
		t.Fatal(err)
	}
	defer open.Remove()
	plant(t, filepath.Join(s.tmpDir(), ".sam.yaml"+tempMarker+"123"), "half a profile")
	plant(t, filepath.Join(s.tmpDir(), "."+filepath.Base(open.Path)+".swp"), "an editor's swap file")
	plant(t, filepath.Join(s.profilesDir(), ".edit-sam.yaml-42.yaml"), "name: Sam\n")

	if err := s.Sweep(); err != nil {
		t.Fatal(err)
	}
	if got := leftovers(t, s); len(got) != 3 || !slices.Contains(got, filepath.Base(open.Path)) {
		t.Errorf("with an editor open, the sweep left %v; want its draft, its swap file and the old draft", got)
	}
	if err := open.Remove(); err != nil {
		t.Fatal(err)
	}
	if err := s.Sweep(); err != nil {
		t.Fatal(err)
	}
	if got := leftovers(t, s); len(got) != 0 {
		t.Errorf("with no editor open, the sweep left %v", got)
	}
}

func TestADraftOfAKilledEditIsSweptByTheNextWriteOrForget(t *testing.T) {
	for _, next := range []struct {
		name string
		run  func(s *Store) error
	}{
		{"save", func(s *Store) error { return s.SaveSession(session("s1", testStart, "Alex")) }},
		{"forget a person", func(s *Store) error { _, err := s.ForgetPerson("Sam"); return err }},
		{"forget everything", func(s *Store) error { _, err := s.ForgetEverything(); return err }},
	} {
		t.Run(next.name, func(t *testing.T) {
			s := newStore(t)
			if err := s.CreateProfile(sam()); err != nil {
				t.Fatal(err)
			}
			killed, err := s.NewDraft(filepath.Join(s.profilesDir(), "sam.yaml"), []byte("name: Sam\nnotes: private\n"))
			if err != nil {
				t.Fatal(err)
			}
			// A killed editor's lock goes with its process; its draft stays.
			_ = killed.lock.Close()
			if err := next.run(s); err != nil {
				t.Fatal(err)
			}
			if got := leftovers(t, s); len(got) != 0 {
				t.Errorf("left %v", got)
			}
		})
	}
}

func TestSweepNeverWaitsNorMakesAnything(t *testing.T) {
	s := newStore(t)
	if err := s.Sweep(); err != nil || fileExists(s.Dir()) {
		t.Fatalf("sweeping a data folder that is not there: %v, made: %v", err, fileExists(s.Dir()))
	}
	plant(t, filepath.Join(s.tmpDir(), ".x"+tempMarker+"1"), "half")
	busy := newLock(s.lockPath())
	if ok, err := busy.TryLock(); !ok {
		t.Fatal(err)
	}
	if err := s.Sweep(); err != nil {
		t.Fatal(err)
	}
	if got := leftovers(t, s); len(got) != 1 {
		t.Errorf("the sweep went on while another aftercare wrote: %v", got)
	}
	_ = busy.Close()
}

func TestAnExportKilledBeforeItsRenameIsSweptUp(t *testing.T) {
	s := newStore(t)
	target := filepath.Join(t.TempDir(), "backup.json")
	if err := s.WriteOutside(target, []byte(`{"version": 1}`)); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(target); string(got) != `{"version": 1}` {
		t.Fatalf("the export holds %q", got)
	}
	if got := leftovers(t, s); len(got) != 0 {
		t.Errorf("a finished export left %v", got)
	}
	// What a kill between making the temporary file and renaming it leaves.
	temp := filepath.Join(filepath.Dir(target), ".backup.json"+tempMarker+"abc")
	plant(t, temp, "everything private")
	plant(t, filepath.Join(s.tmpDir(), "export-abc"+pendingSuffix), temp)
	// A note that names something else is not followed.
	plant(t, filepath.Join(s.tmpDir(), "export-def"+pendingSuffix), target)
	if err := s.Sweep(); err != nil {
		t.Fatal(err)
	}
	if fileExists(temp) {
		t.Error("the export's temporary file is still beside it")
	}
	if !fileExists(target) {
		t.Error("the sweep removed a file a note named that was no temporary file")
	}
	if got := leftovers(t, s); len(got) != 0 {
		t.Errorf("the sweep left %v", got)
	}
	beside, _ := filepath.Glob(filepath.Join(filepath.Dir(target), "*"+tempMarker+"*"))
	if len(beside) != 0 {
		t.Errorf("left beside the export: %v", beside)
	}
}

func TestAnExportToALinkIsWrittenThroughIt(t *testing.T) {
	s := newStore(t)
	dir := t.TempDir()
	target, link := filepath.Join(dir, "kept", "backup.json"), filepath.Join(dir, "backup.json")
	plant(t, target, "old")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	if err := s.WriteOutside(link, []byte(`{"version": 1}`)); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v %v", info, err)
	}
	if got, _ := os.ReadFile(target); string(got) != `{"version": 1}` {
		t.Errorf("the file the link leads to holds %q", got)
	}
}
