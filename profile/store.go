package profile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/seal"
	"golang.org/x/text/unicode/norm"
)

// Store is the data folder: one YAML file per profile under profiles/, one
// JSON file per session under sessions/. Every write is atomic and made
// under the folder's lock; a file that cannot be read is reported and left
// exactly as it is. What a killed aftercare leaves is swept up by the next.
type Store struct {
	dir         string
	cat         *catalog.Catalog
	keepHistory bool
	// indexing is held while the index is written; closed stops any more
	// from being written.
	indexing sync.Mutex
	closed   bool
	// summarizing is held while the sessions are listed from the index:
	// two listings at once, as when the History screen opens while the
	// history is still read in the background, would hold two of the
	// folder's listings, each as large as the history is long.
	summarizing sync.Mutex
	// background is set when passes over the history run behind a screen
	// that stays open (see ReadsInBackground).
	background bool
	// header is the index's first line, worked out once.
	header     string
	headerOnce sync.Once
	// keys are those this run has unlocked, when the store is locked.
	keys keys
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

// Close waits for an index being written by a reader in the background
// and keeps any more from being written, so that the folder can be taken
// away; records can still be read and written.
func (s *Store) Close() {
	s.indexing.Lock()
	defer s.indexing.Unlock()
	s.closed = true
}

// Dir is the data folder.
func (s *Store) Dir() string { return s.dir }

func (s *Store) profilesDir() string { return filepath.Join(s.dir, "profiles") }
func (s *Store) sessionsDir() string { return filepath.Join(s.dir, "sessions") }

// tmpDir holds files while they are written and drafts while they are
// edited, apart from the data, so that sweeping up after a killed writer
// or editor never has to read a large folder.
func (s *Store) tmpDir() string { return filepath.Join(s.dir, ".tmp") }

// write replaces path atomically with data, sealed when the store is
// locked, making its folder if needed. Only a writer holding the lock
// calls it. Nothing a person made read-only is written to or replaced.
func (s *Store) write(path string, data []byte) error { return s.writeFrom(path, writing(data), nil) }

// writeFrom is write with what write writes, sealed as it goes when the
// store is locked, so that a large file is never held whole; before is
// done once it is on disk, before it takes path's place.
func (s *Store) writeFrom(path string, write func(io.Writer) error, before func() error) error {
	r, err := s.recipient()
	if err != nil {
		return err
	}
	if r == nil {
		return s.writePlainFrom(path, write, before)
	}
	return s.writePlainFrom(path, func(w io.Writer) error {
		sealer, err := seal.NewWriter(w, r)
		if err != nil {
			return err
		}
		if err := write(sealer); err != nil {
			return err
		}
		return sealer.Close()
	}, before)
}

// writePlain is write, never sealing.
func (s *Store) writePlain(path string, data []byte) error {
	return s.writePlainFrom(path, writing(data), nil)
}

// writePlainFrom is writeFrom, never sealing.
func (s *Store) writePlainFrom(path string, write func(io.Writer) error, before func() error) error {
	if err := s.mayWrite(path); err != nil {
		return err
	}
	if err := ensureDir(filepath.Dir(path)); err != nil {
		return err
	}
	if err := ensureDir(s.tmpDir()); err != nil {
		return err
	}
	return writeAtomicFrom(s.tmpDir(), path, write, before)
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
// with their error; they do not stop the others from being read, and
// neither does a file holding a name another holds, which is listed as
// one that cannot be used (see markSameNames). A file removed since the
// folder was listed is simply gone.
func (s *Store) Profiles() ([]ProfileEntry, error) {
	if err := s.checkPlaces(); err != nil {
		return nil, err
	}
	paths, err := dataFiles(s.profilesDir(), ".yaml")
	if err != nil {
		return nil, err
	}
	entries := make([]ProfileEntry, 0, len(paths))
	nameLines := make([]int, 0, len(paths))
	for _, path := range paths {
		entry := ProfileEntry{Path: path}
		data, err := s.readOpened(path, "profile", MaxProfileBytes, nil)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err == nil {
			entry.Profile, err = s.decodeProfile(path, data)
		}
		entry.Err = err
		entries = append(entries, entry)
		nameLines = append(nameLines, nameLine(data))
	}
	markSameNames(entries, nameLines)
	slices.SortFunc(entries, func(a, b ProfileEntry) int {
		return strings.Compare(strings.ToLower(a.Name()), strings.ToLower(b.Name()))
	})
	return entries, nil
}

// SplitProfiles tells the profiles that were read from the files that
// could not be, keeping each list in order.
func SplitProfiles(entries []ProfileEntry) (read []*Profile, unread []ProfileEntry) {
	for _, e := range entries {
		if e.Profile != nil {
			read = append(read, e.Profile)
		} else {
			unread = append(unread, e)
		}
	}
	return read, unread
}

// decodeProfile reads a profile strictly: unknown fields, and likes or
// never entries the catalogue does not know, are errors with their line.
// The name is given in one Unicode form (NFC), however the file spells it.
func (s *Store) decodeProfile(path string, data []byte) (*Profile, error) {
	if len(data) > MaxProfileBytes {
		return nil, catalog.Errors{{Path: path, Line: 1, Col: 1, Msg: tooLarge("profile", int64(len(data)), MaxProfileBytes)}}
	}
	var p Profile
	if err := s.cat.Decode(path, data, &p); err != nil {
		return nil, err
	}
	if p.Name == "" {
		return nil, catalog.Errors{{Path: path, Line: 1, Col: 1, Msg: "name: missing; every profile needs one"}}
	}
	p.Name = norm.NFC.String(p.Name)
	return &p, nil
}

// lookupIn finds, among the entries, the profile called name (see
// SameName), the damaged files that might hold it, and the files not used
// because they hold it too. A damaged file is found by its own name (Sam
// or sam for sam.yaml), since what name it holds cannot be read, and only
// when no readable profile has the name.
func lookupIn(entries []ProfileEntry, name string) (found *ProfileEntry, maybe, copies []ProfileEntry, err error) {
	var byFile *ProfileEntry
	var locked error
	for i, e := range entries {
		same, isCopy := errors.AsType[*sameNameError](e.Err)
		switch {
		case errors.Is(e.Err, ErrLocked):
			locked = e.Err
		case e.Profile != nil && SameName(e.Profile.Name, name):
			found = &entries[i]
		case isCopy && SameName(same.name, name):
			copies = append(copies, e)
		case e.Profile == nil && SameName(e.Name(), name) && byFile == nil:
			byFile = &entries[i]
		case e.Profile == nil && mayHold(e.Name(), name):
			maybe = append(maybe, e)
		}
	}
	switch {
	case found != nil:
		return found, nil, copies, nil
	case locked != nil:
		// Any profile may be the one, and not all can be read.
		return nil, nil, nil, locked
	}
	return byFile, maybe, copies, nil
}

// MayHold says whether this entry, read or not, may be the profile of
// name: one that was read holds that name; one that could not be read
// has a file name the store would have given it.
func (e ProfileEntry) MayHold(name string) bool {
	if e.Profile != nil {
		return SameName(e.Profile.Name, name)
	}
	return mayHold(e.Name(), name)
}

// mayHold says whether a damaged file could hold the profile called name:
// its file name is one the store would have given that name.
func mayHold(base, name string) bool {
	want := fileBase(name)
	rest, ok := strings.CutPrefix(base, want)
	if !ok {
		return false
	}
	n, ok := strings.CutPrefix(rest, "-")
	return rest == "" || ok && n != "" && strings.Trim(n, "0123456789") == ""
}

// find returns the entry for name; a damaged file that may hold the name
// is mentioned in the error when none is found.
func (s *Store) find(name string) (ProfileEntry, error) {
	entries, err := s.Profiles()
	if err != nil {
		return ProfileEntry{}, err
	}
	return findIn(entries, name)
}

func findIn(entries []ProfileEntry, name string) (ProfileEntry, error) {
	found, maybe, _, err := lookupIn(entries, name)
	switch {
	case err != nil:
		return ProfileEntry{}, err
	case found != nil:
		return *found, nil
	case len(maybe) > 0:
		return ProfileEntry{}, fmt.Errorf("no profile named %s: %w; %s cannot be read and may hold it (to mend or delete it, use its file name, %s)",
			catalog.Quoted(name), ErrNotFound, maybe[0].Path, NameArg(maybe[0].Name()))
	}
	return ProfileEntry{}, fmt.Errorf("no profile named %s: %w%s", catalog.Quoted(name), ErrNotFound, catalog.MeanHint(NearestName(entries, name)))
}

// NearestName is the saved name that name is likely a typo of, case
// aside, or "".
func NearestName(entries []ProfileEntry, name string) string {
	return nearestOf(profileNames(entries), name)
}

// profileNames are the names of the profiles that could be read.
func profileNames(entries []ProfileEntry) []string {
	var names []string
	for _, e := range entries {
		if e.Profile != nil {
			names = append(names, e.Profile.Name)
		}
	}
	return names
}

// nearestOf is the name among names that name is likely a typo of, case
// aside, or "".
func nearestOf(names []string, name string) string {
	byFolded := map[string]string{}
	var folded []string
	for _, n := range names {
		f := strings.ToLower(n)
		if _, seen := byFolded[f]; !seen {
			byFolded[f] = n
			folded = append(folded, f)
		}
	}
	return byFolded[catalog.Closest(strings.ToLower(name), folded)]
}

// taken says why name cannot be given to a profile other than the one in
// the file at own ("" for a new one): another has it, or a damaged file
// may.
func (s *Store) taken(name, own string) error {
	entries, err := s.Profiles()
	if err != nil {
		return err
	}
	return takenIn(entries, name, own)
}

// takenIn is taken among entries already read.
func takenIn(entries []ProfileEntry, name, own string) error {
	found, maybe, _, err := lookupIn(entries, name)
	switch {
	case err != nil:
		return err
	case found != nil && found.Path != own && found.Profile != nil:
		return fmt.Errorf("there is already a profile named %q (%s)", found.Name(), found.Path)
	case found != nil && found.Path != own:
		maybe = append(maybe, *found)
	}
	for _, e := range maybe {
		if e.Path != own {
			return fmt.Errorf("%s cannot be read and may hold a profile named %q; mend it first with: aftercare profile edit %s", e.Path, name, NameArg(e.Name()))
		}
	}
	return nil
}

// Profile returns the profile called name. A damaged file is an error
// that names its path and line.
func (s *Store) Profile(name string) (*Profile, error) {
	entries, err := s.Profiles()
	if err != nil {
		return nil, err
	}
	return ProfileIn(entries, name)
}

// ProfileIn is Profile among entries already read.
func ProfileIn(entries []ProfileEntry, name string) (*Profile, error) {
	e, err := findIn(entries, name)
	if err != nil {
		return nil, err
	}
	if e.Err != nil {
		return nil, e.Err
	}
	return e.Profile, nil
}

// CreateProfile saves a new profile, its name in one Unicode form (NFC);
// the name must not be taken, nor possibly held by a damaged file.
func (s *Store) CreateProfile(p *Profile) error {
	data, err := s.encodeChecked(p)
	if err != nil {
		return err
	}
	return s.locked(func() error {
		if err := s.taken(p.Name, ""); err != nil {
			return err
		}
		return s.write(s.newProfilePath(p.Name), data)
	})
}

// UpdateProfile reads the profile fresh under the lock, applies change and
// saves it, so that two processes changing one profile never lose an
// update. A change may rename the profile.
func (s *Store) UpdateProfile(name string, change func(*Profile) error) (*Profile, error) {
	// Which file holds the profile is found before the lock is taken, by
	// reading every profile, so that under the lock only that file is read
	// again.
	was, _ := s.find(name)
	var updated *Profile
	err := s.locked(func() error {
		e, err := s.findAgain(name, was.Path)
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
		data, err := s.encodeChecked(&p)
		if err != nil {
			return err
		}
		if err := s.moveProfile(e, p.Name, data); err != nil {
			return err
		}
		updated = &p
		return nil
	})
	return updated, err
}

// findAgain returns the entry for name when the file at path, where it
// was found before the lock was taken, still holds it, and otherwise
// looks for it anew. Only one file can hold a name: every write checks
// it is not taken under the lock.
func (s *Store) findAgain(name, path string) (ProfileEntry, error) {
	if path != "" {
		data, err := s.readOpened(path, "profile", MaxProfileBytes, nil)
		if err == nil {
			if p, err := s.decodeProfile(path, data); err == nil && SameName(p.Name, name) {
				return ProfileEntry{Path: path, Profile: p}, nil
			}
		}
	}
	return s.find(name)
}

// moveProfile writes the profile now called name in place of the entry,
// under a new file name if the name changed so much that its file name
// would, and only removes the old file once the new one is safe.
func (s *Store) moveProfile(old ProfileEntry, name string, data []byte) error {
	if err := s.mayWrite(old.Path); err != nil {
		return err
	}
	if !SameName(old.Name(), name) {
		if err := s.taken(name, old.Path); err != nil {
			return err
		}
	}
	// A locked store's file names say nothing of the name, so they stay.
	if fileBase(old.Name()) == fileBase(name) || nameless(old.Path) && s.Locked() {
		return s.write(old.Path, data)
	}
	if err := s.write(s.newProfilePath(name), data); err != nil {
		return err
	}
	return s.remove(old.Path)
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
		return s.remove(e.Path)
	})
	return path, err
}

// encodeChecked puts p's name in one Unicode form (NFC), writes p as YAML
// and reads the bytes back as the store would, so that nothing is written
// that would not read back. The problems are given without the lines of
// that unseen file.
func (s *Store) encodeChecked(p *Profile) ([]byte, error) {
	p.Name = norm.NFC.String(p.Name)
	// Text that is not UTF-8 would be written as base64, which reads back
	// as other words and hides whatever it holds from the check below.
	for _, text := range []struct{ field, value string }{{"pronouns", p.Pronouns}, {"notes", p.Notes}} {
		if problem := textProblem(text.field, text.value); problem != "" {
			return nil, fmt.Errorf("%s: %s", text.field, problem)
		}
	}
	data, err := encodeProfile(p)
	if err != nil {
		return nil, err
	}
	if _, err := s.decodeProfile("", data); err != nil {
		return nil, unplaced(err)
	}
	return data, nil
}

// unplaced gives the problems found in a record built in code without
// the lines of the file it would have been.
func unplaced(err error) error {
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

// newProfilePath picks a file name for a new profile, never one that
// exists or one of those reserved: made from the name, or saying nothing
// of it while the store is locked.
func (s *Store) newProfilePath(name string, reserved ...string) string {
	if s.Locked() {
		return s.randomProfilePath()
	}
	return s.slugProfilePath(name, reserved...)
}

// slugProfilePath picks a file name made from the name.
func (s *Store) slugProfilePath(name string, reserved ...string) string {
	base := filepath.Join(s.profilesDir(), fileBase(name))
	path := base + ".yaml"
	for i := 2; fileExists(path) || slices.Contains(reserved, path); i++ {
		path = fmt.Sprintf("%s-%d.yaml", base, i)
	}
	return path
}

func fileExists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

// dataFiles lists the entries in dir with the extension, skipping hidden
// and half-written files. Anything listed that is not a regular file is
// reported when it is read. A folder that does not exist holds nothing.
func dataFiles(dir, ext string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, notAFolder(dir, err)
	}
	var out []string
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), ".") && strings.HasSuffix(e.Name(), ext) {
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	return out, nil
}

// ProfileCount is how many profile files there are, read or not: enough
// to say how much is kept without reading anyone's.
func (s *Store) ProfileCount() (int, error) {
	if err := s.checkPlaces(); err != nil {
		return 0, err
	}
	paths, err := dataFiles(s.profilesDir(), ".yaml")
	return len(paths), err
}

// RecordCount is how many session files there are (check-ins, plans and
// follow-ups), read or not, for a store that cannot be read: a locked one.
func (s *Store) RecordCount() (int, error) {
	if err := s.checkPlaces(); err != nil {
		return 0, err
	}
	paths, err := dataFiles(s.sessionsDir(), ".json")
	return len(paths), err
}
