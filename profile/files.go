package profile

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
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

// ensureDir makes a private folder, and makes an existing one private.
func ensureDir(path string) error {
	if err := os.MkdirAll(path, dirMode); err != nil {
		return err
	}
	return os.Chmod(path, dirMode)
}

// writeAtomic replaces path with data so that a crash at any moment leaves
// either the old file or the new one: the bytes go to a temporary file in
// tmpDir (on the same file system), which is synced and renamed over path,
// and the folder is synced so that the rename itself survives a power cut.
func writeAtomic(tmpDir, path string, data []byte) (err error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(tmpDir, "."+filepath.Base(path)+tempMarker+"*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = os.Remove(tmp.Name())
		}
	}()
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
	return syncDir(dir)
}

// removeDurably deletes a file and syncs its folder, so that what was
// forgotten stays forgotten after a crash.
func removeDurably(path string) error {
	if err := os.Remove(path); err != nil {
		return err
	}
	return syncDir(filepath.Dir(path))
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

// sweepTemp removes the leftovers of writers that were killed mid-write.
// Only a writer holding the lock calls it, so no write is under way.
func sweepTemp(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if strings.Contains(e.Name(), tempMarker) {
			_ = os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// lockTimeout is how long a command waits for another aftercare that is
// writing; writes take milliseconds, so a long wait means something is stuck.
const lockTimeout = 10 * time.Second

// locked runs fn while holding the data folder's lock, so that two
// aftercare processes never interleave a read-modify-write and no update is
// lost.
func locked(dir string, fn func() error) error {
	if err := ensureDir(dir); err != nil {
		return err
	}
	lock := flock.New(filepath.Join(dir, ".lock"), flock.SetPermissions(fileMode))
	deadline := time.Now().Add(lockTimeout)
	for {
		ok, err := lock.TryLock()
		if err != nil {
			return fmt.Errorf("locking %s: %w", dir, err)
		}
		if ok {
			break
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("another aftercare is still writing in %s; try again in a moment", dir)
		}
		time.Sleep(5 * time.Millisecond)
	}
	defer lock.Close()
	return fn()
}

// WriteFile writes data to path atomically, readable by its owner alone:
// for exports, which hold everything private.
func WriteFile(path string, data []byte) error {
	return writeAtomic(filepath.Dir(path), path, data)
}
