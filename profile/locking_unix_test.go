//go:build unix

package profile

import (
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// treeSnapshot is every file and folder under dir with its mode, inode
// and bytes, so that a test can tell nothing was made, written, renamed,
// removed or chmodded.
func treeSnapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	snap := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		entry := fmt.Sprintf("%v inode %d", info.Mode(), info.Sys().(*syscall.Stat_t).Ino)
		if !d.IsDir() {
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			entry += ": " + string(data)
		}
		snap[path] = entry
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return snap
}

// TestLockingLeavesWhatAPersonMadeReadOnlyAsItIs turns the lock on, off,
// and changes its passphrase beside a folder or record made read-only:
// each stops before changing anything, naming the path, and goes ahead
// once the person allows changes.
func TestLockingLeavesWhatAPersonMadeReadOnlyAsItIs(t *testing.T) {
	quickPassphrases(t)
	const passphrase = "four words of passphrase"
	first := func(dir, ext string) string {
		paths, err := dataFiles(dir, ext)
		if err != nil || len(paths) == 0 {
			t.Fatalf("no record in %s: %v", dir, err)
		}
		return paths[0]
	}
	open := func(*Store) {}
	locked := func(s *Store) {
		key, _ := NewKey()
		if _, err := s.Lock(key, passphrase); err != nil {
			t.Fatal(err)
		}
		must(t, s.UnlockWithPassphrase(passphrase))
	}
	lockCutShort := func(s *Store) {
		locked(s)
		// As if the lock had been killed before this check-in was sealed.
		plain, err := encodeSession(noted("20261122T221000-cccccc"))
		must(t, err)
		must(t, writeAtomic(s.sessionsDir(), s.sessionPath("20261122T221000-cccccc"), plain))
	}
	lock := func(s *Store) error {
		key, _ := NewKey()
		_, err := s.Lock(key, passphrase)
		return err
	}
	finish := func(s *Store) error { _, err := s.Lock(nil, ""); return err }
	unlock := func(s *Store) error { _, err := s.Unlock(); return err }
	change := func(s *Store) error { return s.ChangePassphrase("a new passphrase here") }
	tests := []struct {
		name     string
		before   func(s *Store)
		readOnly func(s *Store) []string
		try      func(s *Store) error
		may      func(s *Store) error
	}{
		{"lock, the data folder read-only", open, func(s *Store) []string { return []string{s.Dir()} }, lock, (*Store).MayLock},
		{"lock, profiles/ read-only", open, func(s *Store) []string { return []string{s.profilesDir()} }, lock, (*Store).MayLock},
		{"lock, sessions/ read-only", open, func(s *Store) []string { return []string{s.sessionsDir()} }, lock, (*Store).MayLock},
		{"lock, a check-in read-only", open, func(s *Store) []string { return []string{first(s.sessionsDir(), ".json")} }, lock, (*Store).MayLock},
		{"lock, a profile and a check-in read-only", open,
			func(s *Store) []string {
				return []string{first(s.profilesDir(), ".yaml"), first(s.sessionsDir(), ".json")}
			}, lock, (*Store).MayLock},
		{"finishing a lock, sessions/ read-only", lockCutShort, func(s *Store) []string { return []string{s.sessionsDir()} }, finish, (*Store).MayLock},
		{"lock --off, the data folder read-only", locked, func(s *Store) []string { return []string{s.Dir()} }, unlock, (*Store).MayUnlock},
		{"lock --off, sessions/ read-only", locked, func(s *Store) []string { return []string{s.sessionsDir()} }, unlock, (*Store).MayUnlock},
		{"lock --off, a check-in read-only", locked, func(s *Store) []string { return []string{first(s.sessionsDir(), ".json")} }, unlock, (*Store).MayUnlock},
		{"lock --off, key.pub read-only", locked, func(s *Store) []string { return []string{s.recipientPath()} }, unlock, (*Store).MayUnlock},
		{"lock --change, the data folder read-only", locked, func(s *Store) []string { return []string{s.Dir()} }, change, (*Store).MayChangePassphrase},
		{"lock --change, key.age read-only", locked, func(s *Store) []string { return []string{s.KeyPath()} }, change, (*Store).MayChangePassphrase},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newStore(t)
			must(t, s.CreateProfile(sam()))
			must(t, s.SaveSession(noted("20261120T221000-aaaaaa")))
			must(t, s.SaveSession(noted("20261121T221000-bbbbbb")))
			if _, err := s.Summaries(); err != nil { // writes the index, which lock removes
				t.Fatal(err)
			}
			tt.before(s)
			paths := tt.readOnly(s)
			modes := map[string]os.FileMode{}
			for _, path := range paths {
				info, err := os.Stat(path)
				must(t, err)
				modes[path] = 0o400
				if info.IsDir() {
					modes[path] = 0o500
				}
			}
			t.Cleanup(func() {
				for path := range modes {
					_ = os.Chmod(path, 0o700)
				}
			})
			for path, mode := range modes {
				mustChmod(t, path, mode)
			}
			before := treeSnapshot(t, s.Dir())

			for what, err := range map[string]error{"asked first": tt.may(s), "done": tt.try(s)} {
				if err == nil {
					t.Fatalf("%s, it went ahead", what)
				}
				for path, mode := range modes {
					if want := fmt.Sprintf("%s (mode %04o)", path, mode); !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "read-only") {
						t.Errorf("%s: error %q does not say %q", what, err, want)
					}
				}
			}
			if after := treeSnapshot(t, s.Dir()); !maps.Equal(before, after) {
				for path := range maps.Keys(before) {
					if before[path] != after[path] {
						t.Errorf("%s changed:\nbefore %.200q\nafter  %.200q", path, before[path], after[path])
					}
				}
				for path := range maps.Keys(after) {
					if _, ok := before[path]; !ok {
						t.Errorf("%s was made", path)
					}
				}
			}

			// Once the person allows changes, the same goes ahead.
			for path, mode := range modes {
				mustChmod(t, path, mode|0o200)
			}
			if err := tt.may(s); err != nil {
				t.Errorf("asked after chmod u+w: %v", err)
			}
			if err := tt.try(s); err != nil {
				t.Errorf("after chmod u+w: %v", err)
			}
		})
	}
}
