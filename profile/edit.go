package profile

// Editing a profile by hand: the file as it is, a private draft of it for
// the editor, and saving the draft once it reads as a valid profile.

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/gofrs/flock"
)

// ProfileFile returns the path and bytes of a profile's file as they are,
// damaged or not, so that a person can mend or change it in an editor.
func (s *Store) ProfileFile(name string) (string, []byte, error) {
	e, err := s.find(name)
	if err != nil {
		return "", nil, err
	}
	data, err := s.readOpened(e.Path, "profile", MaxProfileBytes, nil)
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
// the file when its file name would change.
func (s *Store) ReplaceProfile(path string, original, edited []byte) (*Profile, error) {
	p, err := s.decodeProfile(path, edited)
	if err != nil {
		return nil, err
	}
	err = s.locked(func() error {
		current, err := s.readOpened(path, "profile", MaxProfileBytes, nil)
		if err != nil || !bytes.Equal(current, original) {
			return ErrChangedMeanwhile
		}
		if err := s.mayWrite(path); err != nil {
			return err
		}
		// Even a name the file held already may be another file's: the
		// file may be a copy, not used until it holds a name of its own.
		if err := s.taken(p.Name, path); err != nil {
			return err
		}
		was := ProfileEntry{Path: path}
		was.Profile, _ = s.decodeProfile(path, original)
		if fileBase(was.Name()) == fileBase(p.Name) || nameless(path) && s.Locked() {
			return s.write(path, edited)
		}
		if err := s.write(s.newProfilePath(p.Name), edited); err != nil {
			return err
		}
		return s.remove(path)
	})
	return p, err
}

// Draft is a private copy of a profile file for a person to edit. It is
// kept in the data folder's .tmp, where the sweep removes it if aftercare
// is killed before removing it itself; until then it holds a shared lock
// that keeps the sweep off every draft. While the store is locked, the
// draft is in plain text, so it is kept outside the data folder instead,
// in a folder of its own (Private), where the system keeps what lasts no
// longer than a login when it has such a place; a note in .tmp names the
// folder, so that the sweep removes it all the same.
type Draft struct {
	Path    string
	Private string
	note    string
	lock    *flock.Flock
}

// privateSuffix ends the name of a note in .tmp naming a locked draft's
// folder.
const privateSuffix = ".private"

// privatePrefix starts the name of a locked draft's folder.
const privatePrefix = "aftercare-edit-"

// privateBase is where a locked store's drafts go: the per-login runtime
// folder when there is one (often kept in memory), else the temporary one.
func privateBase() string {
	if dir := os.Getenv("XDG_RUNTIME_DIR"); filepath.IsAbs(dir) {
		if info, err := os.Stat(dir); err == nil && info.IsDir() {
			return dir
		}
	}
	return os.TempDir()
}

// draftMarker is in the name of every draft, and of what editors keep
// beside one (vim's .~edit-sam-1.yaml.swp, emacs's .#~edit-sam-1.yaml);
// no file name the store gives holds a tilde.
const draftMarker = "~edit-"

// draftsLock is the lock in .tmp that drafts hold shared while open.
const draftsLock = ".drafts.lock"

// NewDraft makes a draft holding data, to edit the profile file at path.
// Remove it once the edit is saved or given up. A profile a person made
// read-only is not offered for editing: it could not be saved.
func (s *Store) NewDraft(path string, data []byte) (*Draft, error) {
	if err := s.makeDir(); err != nil {
		return nil, err
	}
	if err := s.mayWrite(path); err != nil {
		return nil, err
	}
	if err := ensureDir(s.tmpDir()); err != nil {
		return nil, err
	}
	lock := newLock(filepath.Join(s.tmpDir(), draftsLock))
	ctx, cancel := context.WithTimeout(context.Background(), lockTimeout)
	defer cancel()
	if ok, err := lock.TryRLockContext(ctx, 5*time.Millisecond); !ok {
		if err != nil && !errors.Is(err, context.DeadlineExceeded) {
			return nil, fmt.Errorf("locking %s: %w", lock.Path(), err)
		}
		return nil, fmt.Errorf("another aftercare is still clearing up in %s; try again in a moment", s.dir)
	}
	d := &Draft{lock: lock}
	in := s.tmpDir()
	var err error
	if s.Locked() {
		in, err = s.privateFolder(d)
	}
	var f *os.File
	if err == nil {
		f, err = os.CreateTemp(in, draftMarker+strings.TrimSuffix(filepath.Base(path), ".yaml")+"-*.yaml")
	}
	if err == nil {
		d.Path = f.Name()
		err = fill(f, data)
	}
	if err != nil {
		_ = d.Remove()
		return nil, err
	}
	return d, nil
}

// privateFolder makes the folder of a locked draft, outside the data
// folder, noting it in .tmp first.
func (s *Store) privateFolder(d *Draft) (string, error) {
	var b [8]byte
	_, _ = rand.Read(b[:])
	dir := filepath.Join(privateBase(), privatePrefix+hex.EncodeToString(b[:]))
	d.note = filepath.Join(s.tmpDir(), draftMarker+hex.EncodeToString(b[:])+privateSuffix)
	if err := writeAtomic(s.tmpDir(), d.note, []byte(dir)); err != nil {
		d.note = ""
		return "", err
	}
	if err := os.Mkdir(dir, dirMode); err != nil {
		return "", err
	}
	d.Private = dir
	// The folder is new, so its mode is ours to set, whatever the umask.
	return dir, os.Chmod(dir, dirMode)
}

// Remove deletes the draft, and its folder and note when it has them;
// removing it again does nothing.
func (d *Draft) Remove() error {
	var err error
	if d.Path != "" {
		if err = os.Remove(d.Path); errors.Is(err, fs.ErrNotExist) {
			err = nil
		}
	}
	if d.Private != "" {
		err = errors.Join(err, os.RemoveAll(d.Private))
	}
	if d.note != "" {
		if rerr := os.Remove(d.note); !errors.Is(rerr, fs.ErrNotExist) {
			err = errors.Join(err, rerr)
		}
	}
	if lerr := d.lock.Close(); err == nil {
		err = lerr
	}
	return err
}

// removePrivate removes the folder a note in .tmp names, if it is one a
// locked draft was given.
func removePrivate(note string) {
	data, err := readRecord(note, "note", 4096, nil)
	if err != nil {
		return
	}
	dir := string(data)
	if filepath.IsAbs(dir) && strings.HasPrefix(filepath.Base(dir), privatePrefix) {
		_ = os.RemoveAll(dir)
	}
}
