package profile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"filippo.io/age"
	"filippo.io/age/armor"
)

// TestProfileTextOverItsLimitIsRefusedWhereverItComesFrom: pronouns and
// notes longer than a profile holds are refused, naming the field and the
// limit, however they arrive; a file that holds them is named by path and
// line and left as it is.
func TestProfileTextOverItsLimitIsRefusedWhereverItComesFrom(t *testing.T) {
	notes := strings.Repeat("word ", 700)
	over := strings.Repeat("a", MaxNotesLength+1)
	pronouns := strings.Repeat("they/them ", 500)
	file := "# mine\nname: Kai\nnotes: " + over + "\n"
	tests := []struct {
		name string
		try  func(s *Store) error
		want string
	}{
		{"a new profile's notes", func(s *Store) error { return s.CreateProfile(&Profile{Name: "Kai", Notes: notes}) },
			"notes: 3500 characters long; a profile's notes hold at most 2000 characters"},
		{"a new profile's pronouns", func(s *Store) error { return s.CreateProfile(&Profile{Name: "Kai", Pronouns: pronouns}) },
			"pronouns: 5000 characters long; a profile's pronouns hold at most 40 characters"},
		{"notes set", func(s *Store) error { return Set(testCatalog(), sam(), "notes", over) },
			"2001 characters long; a profile's notes hold at most 2000 characters"},
		{"pronouns set", func(s *Store) error { return Set(testCatalog(), sam(), "pronouns", strings.Repeat("é", 41)) },
			"41 characters long; a profile's pronouns hold at most 40 characters"},
		{"notes changed", func(s *Store) error {
			_, err := s.UpdateProfile("Sam", func(p *Profile) error { p.Notes = over; return nil })
			return err
		}, "notes: 2001 characters long"},
		{"a file edited by hand", func(s *Store) error { _, err := s.CheckProfileFile("kai.yaml", []byte(file)); return err },
			"kai.yaml:3:8: notes: 2001 characters long; a profile's notes hold at most 2000 characters"},
		{"a file read", func(s *Store) error {
			path := filepath.Join(s.profilesDir(), "kai.yaml")
			must(t, os.WriteFile(path, []byte(file), 0o600))
			_, err := s.Profile("Kai")
			if data, _ := os.ReadFile(path); string(data) != file {
				t.Errorf("the file was changed to %q", data)
			}
			return err
		}, "profiles/kai.yaml:3:8: notes: 2001 characters long; a profile's notes hold at most 2000 characters"},
		{"a JSON import", func(s *Store) error {
			_, err := s.Import("x.json", []byte(`{"version": 1, "sessions": [], "profiles": [`+"\n"+`{"name": "Kai", "pronouns": "`+pronouns+`"}]}`))
			return err
		}, `x.json:2:29: profiles: profile "Kai": pronouns: 5000 characters long; a profile's pronouns hold at most 40 characters`},
		{"a YAML import", func(s *Store) error {
			_, err := s.Import("x.yaml", []byte("version: 1\nprofiles:\n  - name: Kai\n    notes: "+over+"\n"))
			return err
		}, `x.yaml:4:12: profiles: profile "Kai": notes: 2001 characters long`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newStore(t)
			must(t, s.CreateProfile(sam()))
			if err := tt.try(s); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want %q", err, tt.want)
			}
			if p, err := s.Profile("Sam"); err != nil || p.Notes != sam().Notes || p.Pronouns != sam().Pronouns {
				t.Errorf("Sam's profile is now %+v, %v", p, err)
			}
			if _, err := s.Profile("Kai"); err == nil {
				t.Error("Kai's profile was saved")
			}
		})
	}
}

// TestProfileTextUpToItsLimitIsKeptWhole: a character is a character
// however many bytes or columns it takes, so text at the limit is kept,
// not cut.
func TestProfileTextUpToItsLimitIsKeptWhole(t *testing.T) {
	tests := []struct {
		name     string
		pronouns string
		notes    string
	}{
		{"letters", strings.Repeat("a", MaxPronounsLength), strings.Repeat("a", MaxNotesLength)},
		{"wide characters", strings.Repeat("她", MaxPronounsLength), strings.Repeat("愛", MaxNotesLength)},
		{"lines and tabs", "they/them", strings.Repeat("a\n\tb\n", MaxNotesLength/5)},
		{"accents typed as two characters, one each once composed", strings.Repeat("e\u0301", MaxPronounsLength), strings.Repeat("e\u0301", MaxNotesLength)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newStore(t)
			p := &Profile{Name: "Kai"}
			must(t, Set(testCatalog(), p, "pronouns", tt.pronouns))
			must(t, Set(testCatalog(), p, "notes", tt.notes))
			must(t, s.CreateProfile(p))
			got, err := s.Profile("Kai")
			if err != nil || got.Pronouns != tt.pronouns || got.Notes != strings.TrimSpace(tt.notes) {
				t.Errorf("read back %+v, %v", got, err)
			}
		})
	}
}

// TestAFileOverItsSizeIsToldTheLimitTheREADMEGives: a file refused for
// its size is told the limit of a plain record, whatever its form; the
// room a sealed one is given is no limit anyone is told.
func TestAFileOverItsSizeIsToldTheLimitTheREADMEGives(t *testing.T) {
	sealed := func(size int) string { return armor.Header + "\n" + strings.Repeat("A", size-len(armor.Header)-1) }
	tests := []struct {
		name, file, text, want string
	}{
		{"a profile of 98 KiB", "profiles/sam.yaml", "name: Sam\nnotes: " + strings.Repeat("a", 98<<10-18) + "\n",
			"profiles/sam.yaml: too large (98 KiB); a profile may be at most 64 KiB"},
		{"a profile of 70 KiB", "profiles/sam.yaml", "name: Sam\nnotes: " + strings.Repeat("a", 70<<10-18) + "\n",
			"profiles/sam.yaml:1:1: too large (70 KiB); a profile may be at most 64 KiB"},
		{"a sealed profile of 200 KiB", "profiles/sam.yaml", sealed(200 << 10), "a profile may be at most 64 KiB"},
		{"a session of 3 MiB", "sessions/s1.json", `{"id": "s1", "note": "` + strings.Repeat("a", 3<<20-24) + `"}`,
			"sessions/s1.json: too large (3 MiB); a session may be at most 1 MiB"},
		{"a sealed session of 3 MiB", "sessions/s1.json", sealed(3 << 20), "sessions/s1.json: too large (3 MiB); a session may be at most 1 MiB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newStore(t)
			path := filepath.Join(s.Dir(), tt.file)
			must(t, os.MkdirAll(filepath.Dir(path), 0o700))
			must(t, os.WriteFile(path, []byte(tt.text), 0o600))
			profiles, err := s.Profiles()
			must(t, err)
			sessions, err := s.Sessions()
			must(t, err)
			summaries := mustSummaries(t, s)
			for _, err := range append(profileErrs(profiles), append(sessionErrs(sessions), sessionErrs(summaries)...)...) {
				if !strings.Contains(err.Error(), tt.want) {
					t.Errorf("%v, want %q", err, tt.want)
				}
			}
			if len(profiles)+len(sessions) != 1 {
				t.Errorf("%d profiles and %d sessions, want the one file", len(profiles), len(sessions))
			}
		})
	}
}

// TestASealedRecordHoldingTooMuchIsToldThePlainLimit: a locked record
// small enough on disk, but holding more than a record may, is told the
// same limit as a plain one.
func TestASealedRecordHoldingTooMuchIsToldThePlainLimit(t *testing.T) {
	s := newStore(t)
	must(t, s.CreateProfile(sam()))
	key, err := NewKey()
	must(t, err)
	_, err = s.Lock(key, "")
	must(t, err)
	must(t, s.UnlockWithIdentities([]age.Identity{key}))
	tests := []struct{ name, file, text, want string }{
		{"a profile", "profiles/kai.yaml", "name: Kai\nlikes: [" + strings.Repeat("cuddle, ", 65<<10/8) + "cuddle]\n",
			"profiles/kai.yaml:1:1: too large (66 KiB); a profile may be at most 64 KiB"},
		{"a session", "sessions/s1.json", `{"id": "s1", "note": "` + strings.Repeat("a", 1<<20) + `"}`,
			"sessions/s1.json:1:1: too large (1.0 MiB); a session may be at most 1 MiB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sealed, err := s.sealed([]byte(tt.text))
			must(t, err)
			path := filepath.Join(s.Dir(), tt.file)
			must(t, os.MkdirAll(filepath.Dir(path), 0o700))
			must(t, os.WriteFile(path, sealed, 0o600))
			t.Cleanup(func() { _ = os.Remove(path) })
			profiles, err := s.Profiles()
			must(t, err)
			sessions, err := s.Sessions()
			must(t, err)
			var found bool
			for _, err := range append(profileErrs(profiles), sessionErrs(sessions)...) {
				found = found || err != nil && strings.Contains(err.Error(), tt.want)
			}
			if !found {
				t.Errorf("%v and %v, want %q", profileErrs(profiles), sessionErrs(sessions), tt.want)
			}
		})
	}
}

// TestALockedRecordOfTheMostARecordHoldsReadsBack: sealing takes room,
// and the room a sealed record is given is enough for the largest record
// that may be written.
func TestALockedRecordOfTheMostARecordHoldsReadsBack(t *testing.T) {
	s := newStore(t)
	key, err := NewKey()
	must(t, err)
	_, err = s.Lock(key, "")
	must(t, err)
	must(t, s.UnlockWithIdentities([]age.Identity{key}))
	sess := session("s1", testStart, "Sam")
	small, err := encodeSession(sess)
	must(t, err)
	sess.Note = strings.Repeat("a", MaxSessionBytes-len(small)-len(`  "note": "",`+"\n"))
	if data, err := encodeSession(sess); err != nil || len(data) != MaxSessionBytes {
		t.Fatalf("a session of %d bytes, %v; want %d", len(data), err, MaxSessionBytes)
	}
	must(t, s.SaveSession(sess))
	if got, err := s.Session("s1"); err != nil || got.Note != sess.Note {
		t.Errorf("read back: %v", err)
	}
}

func TestANameIsMeasuredAsItIsKept(t *testing.T) {
	if err := CheckName(strings.Repeat("e\u0301", MaxNameLength)); err != nil {
		t.Errorf("forty accented letters typed as two characters each: %v", err)
	}
	if err := CheckName(strings.Repeat("e\u0301", MaxNameLength+1)); err == nil {
		t.Error("forty-one accented letters were taken")
	}
}
