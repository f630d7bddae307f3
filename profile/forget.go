package profile

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/aftercare-tui/aftercare/catalog"
)

// Forgotten says what a forget removed.
type Forgotten struct {
	Profiles        []string // paths of profile files removed
	Sessions        []string // paths of session files removed
	SessionsChanged []string // paths of sessions a person was taken out of
	// Unchecked says why each thing left as it is was left: damaged
	// sessions and profiles, which could not be searched; and folders
	// where a record belongs.
	Unchecked []error
}

// ForgetPerson removes a person for good from every record: their
// profile (and any file not used because it holds their name too), every
// record nobody else is in (their check-ins alone, their private
// follow-ups, plans they alone are left in), and from the others their
// name, what they shared then and at the follow-up, their ratings and
// their part in the follow-up. Every change is worked out and checked
// before anything is removed, so that a record that would not read back
// stops the forget with nothing changed.
func (s *Store) ForgetPerson(name string) (*Forgotten, error) {
	var f Forgotten
	err := s.locked(func() error {
		entries, err := s.Profiles()
		if err != nil {
			return err
		}
		found, _, copies, err := lookupIn(entries, name)
		if err != nil {
			return err
		}
		// Whatever its file is called, a damaged profile may hold the
		// person: every one is named as not searched, but for one whose
		// file name is theirs, which goes.
		for _, e := range entries {
			_, isCopy := errors.AsType[*sameNameError](e.Err)
			if e.Profile == nil && !isCopy && (found == nil || e.Path != found.Path) {
				f.Unchecked = append(f.Unchecked, e.Err)
			}
		}
		sessions, err := s.Sessions()
		if err != nil {
			return err
		}
		rewrites := map[string][]byte{}
		open := map[string]time.Time{}
		for _, e := range sessions {
			// A copy of a session is not used, but it is read, and what
			// it holds of the person goes too.
			copied, isCopy := errors.AsType[*misnamedError](e.Err)
			if isCopy {
				e.Session = copied.session
			}
			switch {
			case e.Session == nil:
				f.Unchecked = append(f.Unchecked, e.Err)
			case !e.Session.has(name):
				if openFollowUp(e.Session) && !isCopy {
					open[e.Session.ID] = e.Session.Started
				}
			case len(e.Session.People) == 1:
				f.Sessions = append(f.Sessions, e.Path)
			default:
				left := e.Session.without(name)
				if openFollowUp(left) && !isCopy {
					open[left.ID] = left.Started
				}
				data, err := encodeSession(left)
				if err != nil {
					return fmt.Errorf("%s: without %q it would not read back, so nothing was forgotten: %w", e.Path, name, err)
				}
				rewrites[e.Path] = data
				f.SessionsChanged = append(f.SessionsChanged, e.Path)
			}
		}
		if found != nil {
			f.Profiles = append(f.Profiles, found.Path)
		}
		for _, e := range copies {
			f.Profiles = append(f.Profiles, e.Path)
		}
		if len(f.Profiles)+len(f.Sessions)+len(f.SessionsChanged) == 0 {
			return fmt.Errorf("nothing is saved about %s: %w%s", catalog.Quoted(name), ErrNotFound, catalog.MeanHint(nearestOf(savedNames(entries, sessions), name)))
		}
		if err := s.beginForget(slices.Concat(f.Profiles, f.Sessions, f.SessionsChanged)...); err != nil {
			return err
		}
		for _, path := range slices.Concat(f.Profiles, f.Sessions) {
			if err := removeDurably(path); err != nil {
				return err
			}
		}
		for _, path := range f.SessionsChanged {
			if err := s.write(path, rewrites[path]); err != nil {
				return err
			}
		}
		return s.writeDue(open)
	})
	return &f, err
}

// beginForget is where a forget, under the lock and with every change
// worked out, stops with nothing changed if the files at paths may not be
// changed; and otherwise removes the index, since it holds names and
// ratings. While the lock is held no reader can write the index again
// from records about to change.
func (s *Store) beginForget(paths ...string) error {
	if err := s.mayWrite(paths...); err != nil {
		return fmt.Errorf("nothing was forgotten: %w", err)
	}
	if err := s.dropIndex(); err != nil {
		return fmt.Errorf("nothing was forgotten: %w", err)
	}
	return nil
}

// without is the session with one person taken out of every part of it.
// A follow-up left for nobody goes too: all of it was theirs.
func (s *Session) without(name string) *Session {
	theirs := func(n string) bool { return SameName(n, name) }
	sharedWithout := func(shared map[string][]Shared) map[string][]Shared {
		out := maps.Clone(shared)
		maps.DeleteFunc(out, func(n string, _ []Shared) bool { return theirs(n) })
		return out
	}
	c := *s
	c.People = slices.DeleteFunc(slices.Clone(s.People), theirs)
	c.Shared = sharedWithout(s.Shared)
	c.Ratings = slices.DeleteFunc(slices.Clone(s.Ratings), func(r Rating) bool { return theirs(r.Person) })
	c.FollowUp = nil
	if s.FollowUp != nil {
		f := *s.FollowUp
		f.For = slices.DeleteFunc(slices.Clone(f.For), theirs)
		f.Shared = sharedWithout(f.Shared)
		if len(f.For) > 0 {
			c.FollowUp = &f
		}
	}
	return &c
}

// CheckSession says, as ErrNotFound, that there is no session id, so
// that a question about it is never asked.
func (s *Store) CheckSession(id string) error {
	if !validSessionID(id) || !fileExists(s.sessionPath(id)) {
		return s.noSession(id)
	}
	return nil
}

// ForgetSession removes one session for good.
func (s *Store) ForgetSession(id string) (*Forgotten, error) {
	var f Forgotten
	err := s.locked(func() error {
		if err := s.CheckSession(id); err != nil {
			return err
		}
		path := s.sessionPath(id)
		if err := s.beginForget(path); err != nil {
			return err
		}
		f.Sessions = append(f.Sessions, path)
		if err := removeDurably(path); err != nil {
			return err
		}
		// Even its id would say when it was.
		open := s.readDue()
		if _, ok := open[id]; !ok {
			return nil
		}
		delete(open, id)
		return s.writeDue(open)
	})
	return &f, err
}

// ForgetEverything removes every profile and session, damaged ones too.
// Nothing is removed if a person made any of it read-only.
func (s *Store) ForgetEverything() (*Forgotten, error) {
	var f Forgotten
	// With no data folder there is nothing to forget, and taking the lock
	// would make one.
	if _, err := os.Stat(s.dir); errors.Is(err, fs.ErrNotExist) {
		return &f, nil
	}
	err := s.locked(func() error {
		var records []string
		for _, d := range []struct{ dir, ext string }{{s.profilesDir(), ".yaml"}, {s.sessionsDir(), ".json"}} {
			paths, err := dataFiles(d.dir, d.ext)
			if err != nil {
				return err
			}
			for _, path := range paths {
				if info, err := os.Lstat(path); err == nil && info.IsDir() {
					// Not a record aftercare wrote: left for the person
					// to look at, and said so.
					f.Unchecked = append(f.Unchecked, notRegular(path, info.Mode()))
					continue
				}
				records = append(records, path)
			}
		}
		if err := s.beginForget(records...); err != nil {
			return err
		}
		for _, path := range records {
			if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return err
			}
			if filepath.Dir(path) == s.profilesDir() {
				f.Profiles = append(f.Profiles, path)
			} else {
				f.Sessions = append(f.Sessions, path)
			}
		}
		for _, dir := range []string{s.profilesDir(), s.sessionsDir()} {
			if err := syncDir(dir); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return err
			}
		}
		return s.dropDue()
	})
	return &f, err
}

// savedNames are the names of everyone saved: in a profile, or among the
// people of a check-in.
func savedNames(entries []ProfileEntry, sessions []SessionEntry) []string {
	names := profileNames(entries)
	for _, e := range sessions {
		if e.Session != nil {
			names = append(names, e.Session.People...)
		}
	}
	return names
}
