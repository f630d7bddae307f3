package profile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"

	"github.com/aftercare-tui/aftercare/catalog"
)

// The data folder holds private things, so aftercare uses it only as its
// own: it follows no symbolic link there, will not use a folder that
// someone else could change (ssh's StrictModes rule), sets the mode only
// of what it has just made, never of what a person set up, and changes
// nothing a person made read-only there.

func (s *Store) lockPath() string { return filepath.Join(s.dir, ".lock") }

// checkPlaces says why the data folder cannot be trusted, if it cannot:
// it, or profiles/, sessions/, .tmp/ or .lock within it, is a symbolic
// link, or a folder among them could be changed by someone else. What is
// missing is fine; it is made when something is saved.
func (s *Store) checkPlaces() error {
	if err := aboveDataDir(s.dir); err != nil {
		return err
	}
	for _, dir := range []string{s.dir, s.profilesDir(), s.sessionsDir(), s.tmpDir()} {
		_, err := inspectDir(dir)
		switch {
		case err == nil || errors.Is(err, fs.ErrNotExist) || errors.Is(err, errNotDir):
		case errors.Is(err, syscall.ENOTDIR):
			return s.fileOnTheWay(dir)
		default:
			return err
		}
	}
	if info, err := os.Lstat(s.lockPath()); err == nil && info.Mode()&fs.ModeSymlink != 0 {
		return notRegular(s.lockPath(), info.Mode())
	}
	return nil
}

// fileOnTheWay names the file that stands where a folder on the way to
// dir belongs. The data folder itself can be moved aside and made again;
// a file above it is not aftercare's to move, so another place is asked
// for instead.
func (s *Store) fileOnTheWay(dir string) error {
	file := filepath.Dir(dir)
	for {
		info, err := os.Lstat(file)
		if err == nil && !info.IsDir() {
			break
		}
		if up := filepath.Dir(file); up != file {
			file = up
			continue
		}
		return fmt.Errorf("%s: a file stands where a folder on the way to it belongs", dir)
	}
	if file == s.dir {
		return notAFolder(file, nil)
	}
	return fmt.Errorf("%s is a file, not a folder, so aftercare cannot keep its data in %s; choose another folder with --data-dir or AFTERCARE_DATA_DIR (a full path)", file, s.dir)
}

// aboveDataDir says why a folder above the data folder lets someone else
// put another folder in its place, or in place of any folder on the way
// to it, as ssh's StrictModes asks of the folders above ~/.ssh: a data
// folder of one's own is no safer than the folder that holds it.
func aboveDataDir(dir string) error {
	path, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	for {
		parent := filepath.Dir(path)
		if parent == path {
			return nil
		}
		above, err := os.Stat(parent)
		if err != nil {
			// A missing folder is made as the data folder is.
			path = parent
			continue
		}
		entry, _ := os.Lstat(path)
		if catalog.Swappable(above, entry) {
			problem, fix := catalog.WritableByOthers(parent, above)
			return fmt.Errorf("%s %s, so someone else could put another folder in place of %s, where aftercare keeps private things; %s", parent, problem, path, fix)
		}
		path = parent
	}
}

// makeDir makes the data folder, if it is not there, once the places it
// goes in are checked, and then checks it and what is in it: made in a
// folder others could change, it could be theirs.
func (s *Store) makeDir() error {
	if err := s.checkPlaces(); err != nil {
		return err
	}
	if _, err := os.Lstat(s.dir); err == nil {
		return nil
	}
	if err := ensureDir(s.dir); err != nil {
		return err
	}
	return s.checkPlaces()
}

// errNotDir is a path that should be a folder and is a file: not a risk
// in itself, so it is left for whatever needs the folder to report.
var errNotDir = errors.New("not a folder")

// notAFolder says that path, where a folder belongs, is something else,
// and what to do about it. err is the error that found it, for readers
// that only learn of it when listing.
func notAFolder(path string, err error) error {
	if err != nil {
		// Asked again, as not every system says ENOTDIR.
		if info, statErr := os.Stat(path); statErr != nil || info.IsDir() {
			return err
		}
	}
	return fmt.Errorf("%s: %w (move it aside, and aftercare makes the folder again)", path, errNotDir)
}

// inspectDir checks the folder at path as one that may hold private
// things.
func inspectDir(path string) (fs.FileInfo, error) {
	info, err := os.Lstat(path)
	switch {
	case err != nil:
		return nil, err
	case info.Mode()&fs.ModeSymlink != 0:
		return nil, fmt.Errorf("%s is a symbolic link, and aftercare follows no link where it keeps private things; put the folder itself there", path)
	case !info.IsDir():
		return nil, notAFolder(path, nil)
	case catalog.OthersCanWrite(info) && info.Mode().Perm()&0o022 == 0:
		return nil, fmt.Errorf("%s belongs to another user, so aftercare will not keep private things there; use a folder of your own", path)
	case catalog.OthersCanWrite(info):
		return nil, fmt.Errorf("%s can be changed by others (mode %04o), so aftercare will not keep private things there; make it yours alone with: chmod 700 %s", path, info.Mode().Perm(), catalog.ShellArg(path))
	}
	return info, nil
}

// ensureDir makes a private folder, with any missing parents, or checks
// the one that is there. A folder is not made in one a person made
// read-only.
func ensureDir(path string) error {
	if _, err := os.Lstat(path); err == nil {
		_, err := inspectDir(path)
		return err
	}
	if err := mayChange(filepath.Dir(path)); err != nil {
		return err
	}
	err := os.Mkdir(path, dirMode)
	if errors.Is(err, fs.ErrNotExist) {
		if err := os.MkdirAll(filepath.Dir(path), dirMode); err != nil {
			return err
		}
		err = os.Mkdir(path, dirMode)
	}
	switch {
	case err == nil:
		// The folder is new, so its mode is ours to set: the umask may
		// have taken bits from the one asked for.
		return os.Chmod(path, dirMode)
	case errors.Is(err, fs.ErrExist):
		_, err := inspectDir(path)
		return err
	}
	return err
}

// mayChange says which of paths a person made read-only, if any: a
// folder or file without its owner's write permission. aftercare leaves
// such a place as it is rather than change it, or its mode, behind the
// person's back; this is checked by the mode, since the kernel lets root
// write anyway. A path that is not there is not in the way.
func mayChange(paths ...string) error {
	var said, args []string
	for _, path := range paths {
		info, err := os.Lstat(path)
		if err != nil || !keptReadOnly(info) || slices.Contains(args, catalog.ShellArg(path)) {
			continue
		}
		said = append(said, fmt.Sprintf("%s (mode %04o)", path, info.Mode().Perm()))
		args = append(args, catalog.ShellArg(path))
	}
	switch len(said) {
	case 0:
		return nil
	case 1:
		return fmt.Errorf("%s is read-only; aftercare leaves it as it is. To allow changes: chmod u+w %s", said[0], args[0])
	}
	return fmt.Errorf("%s are read-only; aftercare leaves them as they are. To allow changes: chmod u+w %s",
		catalog.JoinAnd(said), strings.Join(args, " "))
}

// mayWrite says why the files at paths may not be written, replaced or
// removed, if they may not: a person made one of them, their folders, the
// data folder or its .tmp read-only.
func (s *Store) mayWrite(paths ...string) error {
	places := []string{s.dir, s.tmpDir()}
	for _, path := range paths {
		places = append(places, filepath.Dir(path), path)
	}
	return mayChange(places...)
}

// remove deletes a record for good, unless a person made it or its folder
// read-only.
func (s *Store) remove(path string) error {
	if err := s.mayWrite(path); err != nil {
		return err
	}
	return removeDurably(path)
}
