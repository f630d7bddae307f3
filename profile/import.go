package profile

import (
	"errors"
	"fmt"
	"os"
	"strings"
)

// Import reads an export, JSON or YAML, and adds everything in it. It is
// all or nothing: a problem in the file, or a name or session id that is
// already taken, stops it before anything is written, and a write that
// fails part way takes back what was written.
func (s *Store) Import(path string, data []byte) (*Export, error) {
	var x Export
	if err := s.cat.Decode(path, data, &x); err != nil {
		return nil, err
	}
	if x.Version != ExportVersion {
		return nil, fmt.Errorf("%s: version %d is not one this aftercare reads (it reads %d)", path, x.Version, ExportVersion)
	}
	var clashes []string
	for i, p := range x.Profiles {
		for _, q := range x.Profiles[:i] {
			if SameName(p.Name, q.Name) {
				clashes = append(clashes, fmt.Sprintf("the file names %q twice", p.Name))
			}
		}
	}
	seen := map[string]bool{}
	for _, sess := range x.Sessions {
		if seen[sess.ID] {
			clashes = append(clashes, fmt.Sprintf("the file holds session %s twice", sess.ID))
		}
		seen[sess.ID] = true
	}
	err := s.locked(func() error {
		for _, p := range x.Profiles {
			if e, err := s.find(p.Name); err == nil {
				clashes = append(clashes, fmt.Sprintf("there is already a profile named %q (%s)", e.Name(), e.Path))
			}
		}
		for _, sess := range x.Sessions {
			if fileExists(s.sessionPath(sess.ID)) {
				clashes = append(clashes, fmt.Sprintf("there is already a session %s (%s)", sess.ID, s.sessionPath(sess.ID)))
			}
		}
		if len(clashes) > 0 {
			return fmt.Errorf("%s: nothing was imported:\n  %s", path, strings.Join(clashes, "\n  "))
		}
		return s.writeAll(&x)
	})
	if err != nil {
		return nil, err
	}
	return &x, nil
}

// writeAll writes every profile and session, removing what it wrote if any
// write fails.
func (s *Store) writeAll(x *Export) error {
	var written []string
	undo := func(err error) error {
		for _, path := range written {
			_ = os.Remove(path)
		}
		return fmt.Errorf("nothing was imported: %w", err)
	}
	for i := range x.Profiles {
		path := s.newProfilePath(x.Profiles[i].Name)
		if err := s.writeProfile(path, &x.Profiles[i]); err != nil {
			return undo(err)
		}
		written = append(written, path)
	}
	for i := range x.Sessions {
		data, err := encodeSession(&x.Sessions[i])
		if err == nil {
			err = s.write(s.sessionPath(x.Sessions[i].ID), data)
		}
		if err != nil {
			return undo(err)
		}
		written = append(written, s.sessionPath(x.Sessions[i].ID))
	}
	return nil
}

// Forgotten says what a forget removed.
type Forgotten struct {
	Profiles        []string // paths of profile files removed
	Sessions        []string // paths of session files removed
	SessionsChanged []string // paths of sessions a person was taken out of
	// Unchecked are damaged session files that could not be searched.
	Unchecked []string
}

// ForgetPerson removes a person for good: their profile, the sessions they
// had alone, and their part of shared sessions (their name, what they
// shared, their ratings).
func (s *Store) ForgetPerson(name string) (*Forgotten, error) {
	var f Forgotten
	err := s.locked(func() error {
		if e, err := s.find(name); err == nil {
			if err := removeDurably(e.Path); err != nil {
				return err
			}
			f.Profiles = append(f.Profiles, e.Path)
		} else if !errors.Is(err, ErrNotFound) {
			return err
		}
		sessions, err := s.Sessions()
		if err != nil {
			return err
		}
		for _, e := range sessions {
			if e.Err != nil {
				f.Unchecked = append(f.Unchecked, e.Path)
				continue
			}
			if !e.Session.has(name) {
				continue
			}
			if len(e.Session.People) == 1 {
				if err := removeDurably(e.Path); err != nil {
					return err
				}
				f.Sessions = append(f.Sessions, e.Path)
				continue
			}
			if err := s.rewriteWithout(e, name); err != nil {
				return err
			}
			f.SessionsChanged = append(f.SessionsChanged, e.Path)
		}
		if len(f.Profiles)+len(f.Sessions)+len(f.SessionsChanged) == 0 {
			return fmt.Errorf("nothing is saved about %q: %w", name, ErrNotFound)
		}
		return nil
	})
	return &f, err
}

// rewriteWithout saves a shared session with one person taken out.
func (s *Store) rewriteWithout(e SessionEntry, name string) error {
	sess := *e.Session
	sess.People = nil
	for _, p := range e.Session.People {
		if !SameName(p, name) {
			sess.People = append(sess.People, p)
		}
	}
	sess.Shared = map[string][]Shared{}
	for p, answers := range e.Session.Shared {
		if !SameName(p, name) {
			sess.Shared[p] = answers
		}
	}
	sess.Ratings = nil
	for _, r := range e.Session.Ratings {
		if !SameName(r.Person, name) {
			sess.Ratings = append(sess.Ratings, r)
		}
	}
	data, err := encodeSession(&sess)
	if err != nil {
		return err
	}
	return s.write(e.Path, data)
}

// ForgetSession removes one session for good.
func (s *Store) ForgetSession(id string) (*Forgotten, error) {
	var f Forgotten
	err := s.locked(func() error {
		path := s.sessionPath(id)
		if !validSessionID(id) || !fileExists(path) {
			return fmt.Errorf("no session %q: %w", id, ErrNotFound)
		}
		f.Sessions = append(f.Sessions, path)
		return removeDurably(path)
	})
	return &f, err
}

// ForgetEverything removes every profile and session, damaged ones too.
func (s *Store) ForgetEverything() (*Forgotten, error) {
	var f Forgotten
	err := s.locked(func() error {
		for _, d := range []struct {
			dir, ext string
			into     *[]string
		}{{s.profilesDir(), ".yaml", &f.Profiles}, {s.sessionsDir(), ".json", &f.Sessions}} {
			paths, err := dataFiles(d.dir, d.ext)
			if err != nil {
				return err
			}
			for _, path := range paths {
				if err := os.Remove(path); err != nil {
					return err
				}
				*d.into = append(*d.into, path)
			}
			if len(paths) > 0 {
				if err := syncDir(d.dir); err != nil {
					return err
				}
			}
		}
		return nil
	})
	return &f, err
}
