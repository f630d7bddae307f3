package profile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// copyFile copies a record as cp -p would, under another name in the same
// folder.
func copyFile(t *testing.T, from, name string) string {
	t.Helper()
	data, err := os.ReadFile(from)
	must(t, err)
	info, err := os.Stat(from)
	must(t, err)
	to := filepath.Join(filepath.Dir(from), name)
	must(t, os.WriteFile(to, data, 0o600))
	must(t, os.Chtimes(to, info.ModTime(), info.ModTime()))
	return to
}

// TestAFileHoldingANameInUseIsNotUsed: of two profile files with one name,
// the one aftercare would have named so is used, wherever the other sorts;
// the other is named, with both paths, as one that cannot be used, and
// nothing is done to it but by its own file name.
func TestAFileHoldingANameInUseIsNotUsed(t *testing.T) {
	tests := []struct {
		name       string
		original   string // where Sam's profile is
		copy       string // where a copy of it is put
		copyHolds  string // the name the copy holds
		usedIsCopy bool
	}{
		{"a backup beside it", "sam.yaml", "sam-backup.yaml", "Sam", false},
		{"a copy that sorts first", "sam.yaml", "aaa.yaml", "Sam", false},
		{"a numbered copy", "sam.yaml", "sam-2.yaml", "Sam", false},
		{"the same name in another case", "sam.yaml", "zed.yaml", "SAM", false},
		{"an original moved away", "old.yaml", "sam.yaml", "Sam", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newStore(t)
			must(t, s.CreateProfile(sam()))
			original := filepath.Join(s.profilesDir(), tt.original)
			if tt.original != "sam.yaml" {
				must(t, os.Rename(filepath.Join(s.profilesDir(), "sam.yaml"), original))
			}
			copied := copyFile(t, original, tt.copy)
			if tt.copyHolds != "Sam" {
				data, _ := os.ReadFile(copied)
				must(t, os.WriteFile(copied, []byte(strings.Replace(string(data), "name: Sam", "name: "+tt.copyHolds, 1)), 0o600))
			}
			used, unused := original, copied
			if tt.usedIsCopy {
				used, unused = copied, original
			}

			entries, err := s.Profiles()
			must(t, err)
			var readable []string
			var refused []error
			for _, e := range entries {
				if e.Err != nil {
					refused = append(refused, e.Err)
				} else {
					readable = append(readable, e.Path)
				}
			}
			want := unused + `:3:1: name: holds the same name as ` + used
			if len(readable) != 1 || readable[0] != used || len(refused) != 1 || !strings.Contains(refused[0].Error(), want) {
				t.Fatalf("listed %v and %v, want %s used and %q", readable, refused, used, want)
			}

			before, _ := os.ReadFile(unused)
			if _, err := s.UpdateProfile("sam", func(p *Profile) error { p.Leaning = "space"; return nil }); err != nil {
				t.Fatal(err)
			}
			if p, err := s.CheckProfileFile(used, mustRead(t, used)); err != nil || p.Leaning != "space" {
				t.Errorf("the file used holds %+v, %v", p, err)
			}
			if after, _ := os.ReadFile(unused); string(after) != string(before) {
				t.Error("the edit changed the file not used")
			}
			if _, err := s.ReplaceProfile(unused, before, before); err == nil || !strings.Contains(err.Error(), "already a profile named") {
				t.Errorf("saving the file not used, still holding the name: %v", err)
			}
			if path, err := s.DeleteProfile("Sam"); err != nil || path != used {
				t.Errorf("deleted %s, %v; want %s", path, err, used)
			}
			if _, err := os.Stat(unused); err != nil {
				t.Errorf("the file not used: %v", err)
			}
		})
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	must(t, err)
	return data
}

// TestForgettingAPersonRemovesEveryFileWithTheirName: a file not used
// because it holds the name is theirs all the same.
func TestForgettingAPersonRemovesEveryFileWithTheirName(t *testing.T) {
	s := newStore(t)
	must(t, s.CreateProfile(sam()))
	copied := copyFile(t, filepath.Join(s.profilesDir(), "sam.yaml"), "sam-backup.yaml")
	f, err := s.ForgetPerson("Sam")
	if err != nil || len(f.Profiles) != 2 || len(f.Unchecked) != 0 {
		t.Fatalf("forgot %+v, %v", f, err)
	}
	if _, err := os.Stat(copied); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the copy is left: %v", err)
	}
}

// TestASessionFileNotNamedAfterItsSessionIsNotCounted: a session is kept
// in the file named after its id, so a copy under another name would count
// it twice; it is named as not used, with where the session belongs,
// however the history is read.
func TestASessionFileNotNamedAfterItsSessionIsNotCounted(t *testing.T) {
	tests := []struct {
		name     string
		keep     bool // whether the original stays beside the copy
		sessions int
		want     string
	}{
		{"a copy beside the original", true, 2, ":2:3: id: holds session s1, which is kept in %s, so this copy is not used"},
		{"a file renamed", false, 1, ":2:3: id: holds session s1, which belongs in the file named after it; rename this file to %s to use it"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newStore(t)
			must(t, s.SaveSession(session("s1", testStart, "Sam", "Alex")))
			must(t, s.SaveSession(session("s2", testStart, "Sam")))
			original := s.sessionPath("s1")
			copied := copyFile(t, original, "s1 copy.json")
			if !tt.keep {
				must(t, os.Remove(original))
			}
			want := copied + strings.ReplaceAll(tt.want, "%s", original)
			for _, read := range []struct {
				how  string
				list func() ([]SessionEntry, error)
			}{{"whole", s.Sessions}, {"from the files", s.Summaries}, {"from the index", s.Summaries}} {
				entries, err := read.list()
				must(t, err)
				var used int
				var refused []error
				for _, e := range entries {
					if e.Err != nil {
						refused = append(refused, e.Err)
					} else {
						used++
					}
				}
				if used != tt.sessions || len(refused) != 1 || !strings.Contains(refused[0].Error(), want) {
					t.Errorf("%s: %d sessions and %v, want %d and %q", read.how, used, refused, tt.sessions, want)
				}
			}

			// Forgetting a person takes them out of the copy too.
			f, err := s.ForgetPerson("Alex")
			if err != nil || len(f.Unchecked) != 0 {
				t.Fatalf("forgot %+v, %v", f, err)
			}
			if data := mustRead(t, copied); strings.Contains(string(data), "Alex") || !strings.Contains(string(data), "Sam") {
				t.Errorf("the copy holds, after forgetting Alex:\n%s", data)
			}
		})
	}
}
