//go:build unix

package profile

import (
	"os"
	"strings"
	"testing"
)

// TestARefusedForgetChangesNothingNotEvenTheIndex: a forget that cannot go
// ahead stops before it removes anything, the index included.
func TestARefusedForgetChangesNothingNotEvenTheIndex(t *testing.T) {
	tests := []struct {
		name     string
		readOnly func(s *Store) string
		forget   func(s *Store) error
		want     string
	}{
		{"a person, with profiles/ read-only", func(s *Store) string { return s.profilesDir() },
			func(s *Store) error { _, err := s.ForgetPerson("Sam"); return err }, "nothing was forgotten"},
		{"a person, with sessions/ read-only", func(s *Store) string { return s.sessionsDir() },
			func(s *Store) error { _, err := s.ForgetPerson("Sam"); return err }, "nothing was forgotten"},
		{"a check-in, with sessions/ read-only", func(s *Store) string { return s.sessionsDir() },
			func(s *Store) error { _, err := s.ForgetSession("s1"); return err }, "nothing was forgotten"},
		{"everything, with profiles/ read-only", func(s *Store) string { return s.profilesDir() },
			func(s *Store) error { _, err := s.ForgetEverything(); return err }, "nothing was forgotten"},
		{"someone never saved", func(s *Store) string { return "" },
			func(s *Store) error { _, err := s.ForgetPerson("Robin"); return err }, "nothing is saved about"},
		{"a check-in never saved", func(s *Store) string { return "" },
			func(s *Store) error { _, err := s.ForgetSession("s9"); return err }, "no session"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newStore(t)
			must(t, s.CreateProfile(sam()))
			must(t, s.SaveSession(session("s1", testStart, "Sam")))
			mustSummaries(t, s)
			index, err := os.ReadFile(s.indexPath())
			must(t, err)
			if dir := tt.readOnly(s); dir != "" {
				mustChmod(t, dir, 0o500)
				t.Cleanup(func() { _ = os.Chmod(dir, 0o700) })
			}
			if err := tt.forget(s); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want %q", err, tt.want)
			}
			if after, err := os.ReadFile(s.indexPath()); err != nil || string(after) != string(index) {
				t.Errorf("the index is now %q, %v", after, err)
			}
		})
	}
}
