package profile

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/gofrs/flock"
)

// Everything aftercare writes is for its owner's eyes only, whatever the
// umask says.
const (
	dirMode  fs.FileMode = 0o700
	fileMode fs.FileMode = 0o600
)

// tempMarker is in the name of a file being written; such files are never
// read as data.
const tempMarker = ".tmp-"

// writeAtomic replaces path with data so that a crash at any moment leaves
// either the old file or the new one: the bytes go to a temporary file in
// tmpDir (on the same file system), which is synced and renamed over path,
// and the folder is synced so that the rename itself survives a power cut.
func writeAtomic(tmpDir, path string, data []byte) error {
	tmp, err := os.CreateTemp(tmpDir, "."+filepath.Base(path)+tempMarker+"*")
	if err != nil {
		return err
	}
	return renameInto(tmp, path, data)
}

// renameInto writes data to tmp, a file just made, syncs it and renames it
// over path; if anything fails, tmp is removed.
func renameInto(tmp *os.File, path string, data []byte) (err error) {
	defer func() {
		if err != nil {
			_ = os.Remove(tmp.Name())
		}
	}()
	// The file is new, so its mode is ours to set: the umask may have taken
	// bits from the one asked for.
	if err := tmp.Chmod(fileMode); err != nil {
		_ = tmp.Close()
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		_ = tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		_ = tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	return syncDir(filepath.Dir(path))
}

// removeDurably deletes a file and syncs its folder, so that what was
// forgotten stays forgotten after a crash.
func removeDurably(path string) error {
	if err := os.Remove(path); err != nil {
		return err
	}
	return syncDir(filepath.Dir(path))
}

// lockTimeout is how long a command waits for another aftercare that is
// writing; writes take milliseconds, so a long wait means something is stuck.
const lockTimeout = 10 * time.Second

// newLock is the lock file at path, which is made if need be and never
// opened through a symbolic link.
func newLock(path string) *flock.Flock {
	return flock.New(path, flock.SetFlag(os.O_CREATE|os.O_RDWR|noFollow), flock.SetPermissions(fileMode))
}

// locked runs fn while holding the data folder's lock, so that two
// aftercare processes never interleave a read-modify-write and no update is
// lost. Before fn, it sweeps up what writers and editors that were killed
// left behind.
func (s *Store) locked(fn func() error) error {
	if err := ensureDir(s.dir); err != nil {
		return err
	}
	if err := s.checkPlaces(); err != nil {
		return err
	}
	lock := newLock(s.lockPath())
	deadline := time.Now().Add(lockTimeout)
	for {
		ok, err := lock.TryLock()
		if err != nil {
			return fmt.Errorf("locking %s: %w", s.dir, err)
		}
		if ok {
			break
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("another aftercare is still writing in %s; try again in a moment", s.dir)
		}
		time.Sleep(5 * time.Millisecond)
	}
	defer lock.Close()
	s.sweep()
	return fn()
}
