package profile

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"
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
	return writeAtomicFrom(tmpDir, path, writing(data), nil)
}

// writeAtomicFrom is writeAtomic with what write writes; before, when
// given, is done once it is on disk, before it takes path's place.
func writeAtomicFrom(tmpDir, path string, write func(io.Writer) error, before func() error) error {
	tmp, err := os.CreateTemp(tmpDir, "."+filepath.Base(path)+tempMarker+"*")
	if err != nil {
		return err
	}
	return renameInto(tmp, path, write, before)
}

// renameInto writes to tmp, a file just made, syncs it and renames it over
// path once before (when given) is done; if anything fails, tmp is
// removed.
func renameInto(tmp *os.File, path string, write func(io.Writer) error, before func() error) (err error) {
	defer func() {
		if err != nil {
			_ = os.Remove(tmp.Name())
		}
	}()
	if err := fillFrom(tmp, write); err != nil {
		return err
	}
	if before != nil {
		if err := before(); err != nil {
			return err
		}
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	return syncDir(filepath.Dir(path))
}

// fill gives f, a file just made, its mode and data, syncs it to disk and
// closes it.
func fill(f *os.File, data []byte) error { return fillFrom(f, writing(data)) }

// fillFrom is fill with what write writes.
func fillFrom(f *os.File, write func(io.Writer) error) error {
	// The file is new, so its mode is ours to set: the umask may have taken
	// bits from the one asked for.
	err := f.Chmod(fileMode)
	if err == nil {
		err = write(f)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// writing is a write of data.
func writing(data []byte) func(io.Writer) error {
	return func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	}
}

// removeDurably deletes a file and syncs its folder, so that what was
// forgotten stays forgotten after a crash.
func removeDurably(path string) error {
	if err := os.Remove(path); err != nil {
		return err
	}
	return syncDir(filepath.Dir(path))
}
