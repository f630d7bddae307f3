//go:build unix

package profile

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"

	"github.com/aftercare-tui/aftercare/catalog"
)

// dataSnapshot is the bytes, mode and inode of every record file and of
// the others given, and every folder's mode, so that a test can tell
// nothing was written, replaced, removed or chmodded.
func dataSnapshot(t *testing.T, s *Store, others []string) map[string]string {
	t.Helper()
	snap := map[string]string{}
	files := others
	for _, dir := range []string{s.Dir(), s.profilesDir(), s.sessionsDir(), s.tmpDir()} {
		if info, err := os.Stat(dir); err == nil {
			snap[dir] = info.Mode().String()
		}
		for _, ext := range []string{".yaml", ".json"} {
			paths, _ := dataFiles(dir, ext)
			files = append(files, paths...)
		}
	}
	for _, path := range files {
		info, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if info.IsDir() {
			continue
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		snap[path] = fmt.Sprintf("%v inode %d: %s", info.Mode(), info.Sys().(*syscall.Stat_t).Ino, data)
	}
	return snap
}

func TestWhatAPersonMadeReadOnlyIsLeftAsItIs(t *testing.T) {
	path, data, _ := importFixture(t)
	sam := func(s *Store) string { return filepath.Join(s.profilesDir(), "sam.yaml") }
	s1 := func(s *Store) string { return s.sessionPath("s1") }
	tests := []struct {
		name     string
		readOnly func(s *Store) map[string]os.FileMode
		try      func(s *Store, original []byte) error
	}{
		{"profile edit --set, with the folders and the profile read-only",
			func(s *Store) map[string]os.FileMode {
				return map[string]os.FileMode{s.Dir(): 0o500, s.profilesDir(): 0o500, sam(s): 0o400}
			},
			func(s *Store, _ []byte) error {
				_, err := s.UpdateProfile("Sam", func(p *Profile) error { p.Notes = "changed"; return nil })
				return err
			}},
		{"profile edit --set, with only the profile read-only",
			func(s *Store) map[string]os.FileMode { return map[string]os.FileMode{sam(s): 0o400} },
			func(s *Store, _ []byte) error {
				_, err := s.UpdateProfile("Sam", func(p *Profile) error { p.Notes = "changed"; return nil })
				return err
			}},
		{"a rename, with the profile read-only",
			func(s *Store) map[string]os.FileMode { return map[string]os.FileMode{sam(s): 0o444} },
			func(s *Store, _ []byte) error {
				_, err := s.UpdateProfile("Sam", func(p *Profile) error { p.Name = "Kai"; return nil })
				return err
			}},
		{"editing a read-only profile by hand",
			func(s *Store) map[string]os.FileMode { return map[string]os.FileMode{sam(s): 0o400} },
			func(s *Store, original []byte) error {
				d, err := s.NewDraft(sam(s), original)
				if err == nil {
					_ = d.Remove()
				}
				return err
			}},
		{"saving an edit by hand in a read-only folder",
			func(s *Store) map[string]os.FileMode { return map[string]os.FileMode{s.profilesDir(): 0o500} },
			func(s *Store, original []byte) error {
				_, err := s.ReplaceProfile(sam(s), original, append(original, "pronouns: they\n"...))
				return err
			}},
		{"a new profile",
			func(s *Store) map[string]os.FileMode { return map[string]os.FileMode{s.profilesDir(): 0o555} },
			func(s *Store, _ []byte) error { return s.CreateProfile(&Profile{Name: "Kai"}) }},
		{"deleting a read-only profile",
			func(s *Store) map[string]os.FileMode { return map[string]os.FileMode{sam(s): 0o400} },
			func(s *Store, _ []byte) error { _, err := s.DeleteProfile("Sam"); return err }},
		{"saving a check-in",
			func(s *Store) map[string]os.FileMode { return map[string]os.FileMode{s.sessionsDir(): 0o500} },
			func(s *Store, _ []byte) error { return s.SaveSession(session("s3", testStart, "Sam")) }},
		{"a first check-in in a read-only data folder",
			func(s *Store) map[string]os.FileMode {
				_ = os.RemoveAll(s.sessionsDir())
				return map[string]os.FileMode{s.Dir(): 0o500}
			},
			func(s *Store, _ []byte) error { return s.SaveSession(session("s3", testStart, "Sam")) }},
		{"completing a follow-up of a read-only check-in",
			func(s *Store) map[string]os.FileMode { return map[string]os.FileMode{s1(s): 0o400} },
			func(s *Store, _ []byte) error { return s.CompleteFollowUp("s1", testStart, nil, nil) }},
		{"forgetting a person",
			func(s *Store) map[string]os.FileMode { return map[string]os.FileMode{s.sessionsDir(): 0o500} },
			func(s *Store, _ []byte) error { _, err := s.ForgetPerson("Sam"); return err }},
		{"forgetting a person out of a read-only check-in",
			func(s *Store) map[string]os.FileMode { return map[string]os.FileMode{s.sessionPath("s2"): 0o400} },
			func(s *Store, _ []byte) error { _, err := s.ForgetPerson("Alex"); return err }},
		{"forgetting a read-only check-in",
			func(s *Store) map[string]os.FileMode { return map[string]os.FileMode{s1(s): 0o400} },
			func(s *Store, _ []byte) error { _, err := s.ForgetSession("s1"); return err }},
		{"forgetting everything",
			func(s *Store) map[string]os.FileMode { return map[string]os.FileMode{s1(s): 0o400} },
			func(s *Store, _ []byte) error { _, err := s.ForgetEverything(); return err }},
		{"exporting over a read-only file",
			func(s *Store) map[string]os.FileMode {
				plant(t, filepath.Join(s.Dir(), "..", "backup.json"), "an older backup")
				return map[string]os.FileMode{filepath.Join(s.Dir(), "..", "backup.json"): 0o400}
			},
			func(s *Store, _ []byte) error {
				return s.WriteOutside(filepath.Join(s.Dir(), "..", "backup.json"), []byte("{}"))
			}},
		{"exporting with .tmp read-only",
			func(s *Store) map[string]os.FileMode { return map[string]os.FileMode{s.tmpDir(): 0o500} },
			func(s *Store, _ []byte) error {
				return s.WriteOutside(filepath.Join(s.Dir(), "..", "backup.json"), []byte("{}"))
			}},
		{"importing",
			func(s *Store) map[string]os.FileMode {
				_, _ = s.DeleteProfile("Sam")
				return map[string]os.FileMode{s.sessionsDir(): 0o500}
			},
			func(s *Store, _ []byte) error { _, err := s.Import(path, data); return err }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newStore(t)
			if err := s.CreateProfile(&Profile{Name: "Sam", Notes: "as it was"}); err != nil {
				t.Fatal(err)
			}
			if err := s.SaveSession(session("s1", testStart, "Sam")); err != nil {
				t.Fatal(err)
			}
			if err := s.SaveSession(session("s2", testStart, "Sam", "Alex")); err != nil {
				t.Fatal(err)
			}
			original, err := os.ReadFile(sam(s))
			if err != nil {
				t.Fatal(err)
			}
			modes := tt.readOnly(s)
			t.Cleanup(func() {
				for path := range modes {
					_ = os.Chmod(path, 0o700)
				}
			})
			for path, mode := range modes {
				mustChmod(t, path, mode)
			}
			before := dataSnapshot(t, s, slices.Collect(maps.Keys(modes)))

			err = tt.try(s, original)
			if err == nil {
				t.Fatal("it went ahead")
			}
			for path, mode := range modes {
				if want := fmt.Sprintf("%s (mode %04o)", path, mode); !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "read-only") {
					t.Errorf("error %q does not say %q", err, want)
				}
				if !strings.Contains(err.Error(), "chmod u+w") || !strings.Contains(err.Error(), " "+catalog.ShellArg(path)) {
					t.Errorf("error %q does not say how to allow changes to %s", err, path)
				}
			}
			if after := dataSnapshot(t, s, slices.Collect(maps.Keys(modes))); !maps.Equal(before, after) {
				t.Errorf("something was changed:\nbefore %q\nafter  %q", before, after)
			}
			if err := s.Sweep(); err != nil {
				t.Errorf("a sweep beside what is read-only: %v", err)
			}

			// Once the person allows changes, the same goes ahead.
			for path := range modes {
				mode := os.FileMode(0o600)
				if info, err := os.Stat(path); err == nil && info.IsDir() {
					mode = 0o700
				}
				mustChmod(t, path, mode)
			}
			if err := tt.try(s, original); err != nil {
				t.Errorf("after chmod u+w: %v", err)
			}
		})
	}
}

func TestAnImportThatCannotBeFinishedStopsWritesButNotReads(t *testing.T) {
	path, data, _ := importFixture(t)
	s := newStore(t)
	if err := s.CreateProfile(&Profile{Name: "Alex"}); err != nil {
		t.Fatal(err)
	}
	cutShort(t, s, path, data, "journal")
	t.Cleanup(func() { _ = os.Chmod(s.sessionsDir(), 0o700) })
	mustChmod(t, s.sessionsDir(), 0o500)

	if err := s.Sweep(); err != nil {
		t.Errorf("a sweep: %v", err)
	}
	if profiles, err := s.Profiles(); err != nil || len(profiles) != 1 {
		t.Errorf("profiles %v, %v; want Alex's alone, the import not yet landed", profiles, err)
	}
	_, err := s.UpdateProfile("Alex", func(p *Profile) error { p.Notes = "later"; return nil })
	if err == nil || !strings.Contains(err.Error(), "an import that was cut short cannot be finished") || !strings.Contains(err.Error(), s.sessionsDir()+" (mode 0500) is read-only") {
		t.Errorf("a write while an import waits: %v", err)
	}
	mustChmod(t, s.sessionsDir(), 0o700)
	if _, err := s.UpdateProfile("Alex", func(p *Profile) error { p.Notes = "later"; return nil }); err != nil {
		t.Fatal(err)
	}
	if n := landed(t, s); n != 4 {
		t.Errorf("%d records landed, want 4", n)
	}
}

func TestReadingAReadOnlyFolderWritesNoIndex(t *testing.T) {
	s := newStore(t)
	must(t, s.SaveSession(session("20261118T220000-aaaaaa", testStart, "Sam")))
	must(t, os.Remove(s.lockPath()))
	must(t, os.Chmod(s.Dir(), 0o500))
	t.Cleanup(func() { _ = os.Chmod(s.Dir(), 0o700) })
	before := dataSnapshot(t, s, nil)
	entries, err := s.Summaries()
	if err != nil || len(entries) != 1 || entries[0].Session == nil {
		t.Fatalf("Summaries() = %+v, %v", entries, err)
	}
	for _, made := range []string{".index", ".lock"} {
		if _, err := os.Lstat(filepath.Join(s.Dir(), made)); !os.IsNotExist(err) {
			t.Errorf("reading a read-only folder made %s: %v", made, err)
		}
	}
	if after := dataSnapshot(t, s, nil); !maps.Equal(before, after) {
		t.Errorf("reading changed the folder:\nbefore %v\nafter  %v", before, after)
	}
}
