package profile

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/aftercare-tui/aftercare/catalog"
)

// What a killed aftercare leaves behind is swept up by the next one: half
// written files and drafts in the data folder's .tmp, and the temporary
// file of an export written outside the data folder, which .tmp notes
// before making it.

// pendingSuffix ends the name of a note in .tmp saying where an export's
// temporary file is while it is written.
const pendingSuffix = ".pending"

// Sweep removes what aftercare processes that were killed left behind,
// and finishes or takes back an import that was cut short, if no other
// aftercare is writing; it waits only for an import that is landing, so
// that what is read next holds all of it, and it creates nothing but what
// finishing an import needs. It says why the data folder cannot be
// trusted, if it cannot; an import it cannot finish is left for the next
// write to report.
func (s *Store) Sweep() error {
	if _, err := os.Lstat(s.tmpDir()); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err := s.checkPlaces(); err != nil {
		return err
	}
	lock := newLock(s.lockPath())
	ok, err := lock.TryLock()
	switch {
	case err != nil:
		return err
	case !ok && s.landing():
		reached("waiting")
		_ = lock.Close() // its file, opened to try
		deadline := time.NewTimer(lockTimeout)
		defer deadline.Stop()
		lock, err = lockFile(s.lockPath(), deadline.C)
		switch {
		case errors.Is(err, errBusy):
			// Still landing after so long: read what is there.
			return nil
		case err != nil:
			return err
		}
	case !ok:
		return nil
	}
	defer lock.Close()
	// Drafts from before they were kept in .tmp, looked for here only,
	// since this reads the profiles folder.
	old, _ := filepath.Glob(filepath.Join(s.profilesDir(), ".edit-*"))
	_ = s.sweep(old)
	return nil
}

// landing says whether an import is being moved into place: its journal
// is written, and its staging folder not yet gone.
func (s *Store) landing() bool {
	journals, _ := filepath.Glob(filepath.Join(s.tmpDir(), stagingPrefix+"*", journalName))
	return len(journals) > 0
}

// sweep finishes or takes back imports that were cut short, and empties
// .tmp of everything else but what an editor still has open and the notes
// of finished imports; drafts in more are removed with the others. Only a
// process holding the data folder's lock calls it, so no write is under
// way; drafts are removed only when no edit is under way either. A .tmp
// a person made read-only is left as it is.
func (s *Store) sweep(more []string) error {
	entries, err := os.ReadDir(s.tmpDir())
	if err != nil || mayChange(s.tmpDir()) != nil {
		return nil
	}
	var drafts []string
	var cutShort error
	for _, e := range entries {
		path := filepath.Join(s.tmpDir(), e.Name())
		switch {
		case e.Name() == draftsLock, strings.HasSuffix(e.Name(), finishedSuffix):
		case e.IsDir() && strings.HasPrefix(e.Name(), stagingPrefix):
			cutShort = errors.Join(cutShort, s.finishStaged(path))
		case strings.Contains(e.Name(), draftMarker):
			drafts = append(drafts, path)
		case strings.HasSuffix(e.Name(), pendingSuffix):
			removeOutsideTemp(path)
			_ = os.Remove(path)
		default:
			_ = os.Remove(path)
		}
	}
	drafts = append(drafts, more...)
	if len(drafts) == 0 {
		return cutShort
	}
	lock := newLock(filepath.Join(s.tmpDir(), draftsLock))
	if ok, _ := lock.TryLock(); !ok {
		return cutShort
	}
	defer lock.Close()
	for _, path := range drafts {
		if strings.HasSuffix(path, privateSuffix) {
			removePrivate(path)
		}
		_ = os.Remove(path)
	}
	return cutShort
}

// removeOutsideTemp removes the temporary file a note in .tmp names, if
// it is still there: only a hidden file with the temporary marker in its
// name, as WriteOutside makes.
func removeOutsideTemp(note string) {
	data, err := readRecord(note, "note", 4096, nil)
	if err != nil {
		return
	}
	temp := string(data)
	base := filepath.Base(temp)
	if !filepath.IsAbs(temp) || !strings.HasPrefix(base, ".") || !strings.Contains(base, tempMarker) {
		return
	}
	if info, err := os.Lstat(temp); err == nil && info.Mode().IsRegular() {
		_ = os.Remove(temp)
	}
}

// WriteOutside writes data to path, outside the data folder (an export),
// atomically and readable by its owner alone. The temporary file it
// writes beside path is noted in .tmp before it is made, so that if
// aftercare is killed before the rename, the next sweep removes it rather
// than leaving a full copy of everything private beside path. A file
// or folder a person made read-only, path or its folder or .tmp, is left
// as it is, and nothing is written. A device or a pipe is written to
// straight, and stays what it is.
func (s *Store) WriteOutside(path string, data []byte) error {
	return s.WriteOutsideFrom(path, writing(data))
}

// WriteOutsideFrom is WriteOutside with what write writes, as it goes,
// so that a large export is never held whole. The folder's lock is held
// while it writes, so that no sweep takes the file from under it.
func (s *Store) WriteOutsideFrom(path string, write func(io.Writer) error) error {
	path, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	// A link is written through, as an editor writes a file a dotfile
	// manager links: the file it leads to is replaced, the link stays.
	if real, err := filepath.EvalSymlinks(path); err == nil {
		path = real
	}
	if info, err := os.Stat(path); err == nil && !info.Mode().IsRegular() && !info.IsDir() {
		// A device or a pipe, /dev/stdout or /dev/null, is written to as
		// it is: a file renamed over it would take its place.
		return namingTarget(path, writeStraight(path, write))
	}
	return s.locked(func() error {
		if err := ensureDir(s.tmpDir()); err != nil {
			return err
		}
		if err := mayChange(path, filepath.Dir(path), s.tmpDir()); err != nil {
			return err
		}
		var id [8]byte
		_, _ = rand.Read(id[:])
		name := hex.EncodeToString(id[:])
		temp := filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+tempMarker+name)
		note := filepath.Join(s.tmpDir(), "export-"+name+pendingSuffix)
		if err := writeAtomic(s.tmpDir(), note, []byte(temp)); err != nil {
			return err
		}
		defer os.Remove(note)
		f, err := os.OpenFile(temp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, fileMode)
		if err == nil {
			err = renameInto(f, path, write, nil)
		}
		return namingTarget(path, err)
	})
}

func writeStraight(path string, write func(io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	return errors.Join(write(f), f.Close())
}

// namingTarget says what went wrong writing path in its own name, not in
// the name of the temporary file beside it, which a person never sees.
func namingTarget(path string, err error) error {
	var failed *fs.PathError
	if errors.As(err, &failed) {
		return catalog.PathError(path, failed.Err)
	}
	return err
}
