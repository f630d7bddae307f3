package profile

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/aftercare-tui/aftercare/catalog"
)

// Store is the data folder: one YAML file per profile under profiles/, one
// JSON file per session under sessions/. Every write is atomic and made
// under the folder's lock; a file that cannot be read is reported and left
// exactly as it is.
type Store struct {
	dir         string
	cat         *catalog.Catalog
	keepHistory bool
}

// ErrNotFound is returned for a profile or session that does not exist.
var ErrNotFound = errors.New("not found")

// ErrHistoryOff is returned when a session is saved while the keep_history
// setting is off; nothing was written.
var ErrHistoryOff = errors.New("history is switched off (keep_history: false), so nothing was saved")

// Open returns the store in dir. Nothing is created until something is
// written. The catalogue checks what profiles refer to.
func Open(dir string, cat *catalog.Catalog, keepHistory bool) *Store {
	return &Store{dir: dir, cat: cat, keepHistory: keepHistory}
}

// Dir is the data folder.
func (s *Store) Dir() string { return s.dir }

func (s *Store) profilesDir() string { return filepath.Join(s.dir, "profiles") }
func (s *Store) sessionsDir() string { return filepath.Join(s.dir, "sessions") }

// tmpDir holds files while they are written, apart from the data, so that
// sweeping up after a killed writer never has to read a large folder.
func (s *Store) tmpDir() string { return filepath.Join(s.dir, ".tmp") }

// locked runs fn holding the data folder's lock, after sweeping up what
// a writer that was killed may have left.
func (s *Store) locked(fn func() error) error {
	return locked(s.dir, func() error {
		sweepTemp(s.tmpDir())
		return fn()
	})
}

// write replaces path atomically with data, making its folder if needed.
func (s *Store) write(path string, data []byte) error {
	if err := ensureDir(filepath.Dir(path)); err != nil {
		return err
	}
	if err := ensureDir(s.tmpDir()); err != nil {
		return err
	}
	return writeAtomic(s.tmpDir(), path, data)
}

// ProfileEntry is one profile file: the profile, or why it cannot be read.
type ProfileEntry struct {
	Path    string
	Profile *Profile
	// Err is set when the file is damaged; Profile is then nil.
	Err error
}

// Name is the profile's name, or for a damaged file the name its file
// suggests.
func (e ProfileEntry) Name() string {
	if e.Profile != nil {
		return e.Profile.Name
	}
	return strings.TrimSuffix(filepath.Base(e.Path), ".yaml")
}

// Profiles reads every profile, sorted by name. Damaged files are listed
// with their error; they do not stop the others from being read.
func (s *Store) Profiles() ([]ProfileEntry, error) {
	names, err := dataFiles(s.profilesDir(), ".yaml")
	if err != nil {
		return nil, err
	}
	entries := make([]ProfileEntry, 0, len(names))
	for _, path := range names {
		entry := ProfileEntry{Path: path}
		data, err := os.ReadFile(path)
		if err == nil {
			entry.Profile, err = s.decodeProfile(path, data)
		}
		entry.Err = err
		entries = append(entries, entry)
	}
	slices.SortFunc(entries, func(a, b ProfileEntry) int {
		return strings.Compare(strings.ToLower(a.Name()), strings.ToLower(b.Name()))
	})
	return entries, nil
}

// ReadableProfiles returns the profiles that can be read, sorted by name,
// and an error naming every file that cannot; callers that must not go on
// with a damaged file stop on it, others use what could be read.
func (s *Store) ReadableProfiles() ([]*Profile, error) {
	entries, err := s.Profiles()
	if err != nil {
		return nil, err
	}
	var out []*Profile
	var damaged []error
	for _, e := range entries {
		if e.Err != nil {
			damaged = append(damaged, e.Err)
			continue
		}
		out = append(out, e.Profile)
	}
	return out, errors.Join(damaged...)
}

// decodeProfile reads a profile strictly: unknown fields, and likes or
// never entries the catalogue does not know, are errors with their line.
func (s *Store) decodeProfile(path string, data []byte) (*Profile, error) {
	var p Profile
	if err := s.cat.Decode(path, data, &p); err != nil {
		return nil, err
	}
	if p.Name == "" {
		return nil, catalog.Errors{{Path: path, Line: 1, Col: 1, Msg: "name: missing; every profile needs one"}}
	}
	return &p, nil
}

// find returns the entry for name, matching names as SameName does; a
// damaged file matches by its file name.
func (s *Store) find(name string) (ProfileEntry, error) {
	entries, err := s.Profiles()
	if err != nil {
		return ProfileEntry{}, err
	}
	for _, e := range entries {
		if SameName(e.Name(), name) {
			return e, nil
		}
	}
	return ProfileEntry{}, fmt.Errorf("no profile named %q: %w", name, ErrNotFound)
}

// Profile returns the profile called name. A damaged file is an error
// that names its path and line.
func (s *Store) Profile(name string) (*Profile, error) {
	e, err := s.find(name)
	if err != nil {
		return nil, err
	}
	if e.Err != nil {
		return nil, e.Err
	}
	return e.Profile, nil
}

// CreateProfile saves a new profile; its name must not be taken, not even
// by a damaged file.
func (s *Store) CreateProfile(p *Profile) error {
	if err := s.checkProfile(p); err != nil {
		return err
	}
	return s.locked(func() error {
		if e, err := s.find(p.Name); err == nil {
			return fmt.Errorf("there is already a profile named %q (%s)", e.Name(), e.Path)
		} else if !errors.Is(err, ErrNotFound) {
			return err
		}
		return s.writeProfile(s.newProfilePath(p.Name), p)
	})
}

// UpdateProfile reads the profile fresh under the lock, applies change and
// saves it, so that two processes changing one profile never lose an
// update. A change may rename the profile.
func (s *Store) UpdateProfile(name string, change func(*Profile) error) (*Profile, error) {
	var updated *Profile
	err := s.locked(func() error {
		e, err := s.find(name)
		if err != nil {
			return err
		}
		if e.Err != nil {
			return e.Err
		}
		p := *e.Profile
		if err := change(&p); err != nil {
			return err
		}
		if err := s.checkProfile(&p); err != nil {
			return err
		}
		if err := s.moveProfile(e, &p); err != nil {
			return err
		}
		updated = &p
		return nil
	})
	return updated, err
}

// moveProfile writes p in place of the entry, under a new file name if the
// name changed, and only removes the old file once the new one is safe.
func (s *Store) moveProfile(old ProfileEntry, p *Profile) error {
	if SameName(old.Name(), p.Name) {
		return s.writeProfile(old.Path, p)
	}
	if other, err := s.find(p.Name); err == nil {
		return fmt.Errorf("there is already a profile named %q (%s)", other.Name(), other.Path)
	}
	if err := s.writeProfile(s.newProfilePath(p.Name), p); err != nil {
		return err
	}
	return removeDurably(old.Path)
}

// DeleteProfile removes a profile for good, damaged or not.
func (s *Store) DeleteProfile(name string) (string, error) {
	var path string
	err := s.locked(func() error {
		e, err := s.find(name)
		if err != nil {
			return err
		}
		path = e.Path
		return removeDurably(e.Path)
	})
	return path, err
}

// checkProfile checks a profile built in code the way a file is checked,
// by writing it out and reading it back; the problems are given without
// the lines of that unseen file.
func (s *Store) checkProfile(p *Profile) error {
	data, err := encodeProfile(p)
	if err != nil {
		return err
	}
	_, err = s.decodeProfile("", data)
	var errs catalog.Errors
	if !errors.As(err, &errs) {
		return err
	}
	msgs := make([]string, len(errs))
	for i, e := range errs {
		msgs[i] = e.Msg
	}
	return errors.New(strings.Join(msgs, "\n"))
}

func (s *Store) writeProfile(path string, p *Profile) error {
	data, err := encodeProfile(p)
	if err != nil {
		return err
	}
	return s.write(path, data)
}

// newProfilePath picks a file name from the name, never one that exists.
func (s *Store) newProfilePath(name string) string {
	base := filepath.Join(s.profilesDir(), slug(name))
	path := base + ".yaml"
	for i := 2; fileExists(path); i++ {
		path = fmt.Sprintf("%s-%d.yaml", base, i)
	}
	return path
}

func fileExists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

// dataFiles lists the files with the extension in dir, skipping hidden and
// half-written ones. A folder that does not exist holds nothing.
func dataFiles(dir, ext string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		if e.Type().IsRegular() && !strings.HasPrefix(e.Name(), ".") && strings.HasSuffix(e.Name(), ext) {
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	return out, nil
}

// ProfileFile returns the path and bytes of a profile's file as they are,
// damaged or not, so that a person can mend or change it in an editor.
func (s *Store) ProfileFile(name string) (string, []byte, error) {
	e, err := s.find(name)
	if err != nil {
		return "", nil, err
	}
	data, err := os.ReadFile(e.Path)
	return e.Path, data, err
}

// CheckProfileFile reads an edited profile as the store would, reporting
// problems against path, the file the person is editing.
func (s *Store) CheckProfileFile(path string, data []byte) (*Profile, error) {
	return s.decodeProfile(path, data)
}

// ErrChangedMeanwhile is returned when a profile file changed while it was
// being edited elsewhere; nothing was written.
var ErrChangedMeanwhile = errors.New("the profile changed while you were editing it")

// ReplaceProfile saves an edited profile file as the person wrote it,
// comments and all. It must be a valid profile, the file at path must
// still hold original, and a new name must not be taken; a new name moves
// the file.
func (s *Store) ReplaceProfile(path string, original, edited []byte) (*Profile, error) {
	p, err := s.decodeProfile(path, edited)
	if err != nil {
		return nil, err
	}
	err = s.locked(func() error {
		current, err := os.ReadFile(path)
		if err != nil || !bytes.Equal(current, original) {
			return ErrChangedMeanwhile
		}
		was := ProfileEntry{Path: path}
		was.Profile, _ = s.decodeProfile(path, original)
		target := path
		if !SameName(was.Name(), p.Name) {
			if other, err := s.find(p.Name); err == nil && other.Path != path {
				return fmt.Errorf("there is already a profile named %q (%s)", other.Name(), other.Path)
			}
			target = s.newProfilePath(p.Name)
		}
		if err := s.write(target, edited); err != nil {
			return err
		}
		if target != path {
			return removeDurably(path)
		}
		return nil
	})
	return p, err
}
