//go:build unix

package profile

import (
	"io/fs"
	"os"
	"syscall"

	"golang.org/x/sys/unix"
)

// noFollow makes an open fail on a symbolic link instead of following it.
const noFollow = syscall.O_NOFOLLOW

// syncDir makes a rename or removal in dir survive a power cut.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

// keptReadOnly says whether a person made a file or folder read-only:
// its owner may not write to it.
func keptReadOnly(info fs.FileInfo) bool { return info.Mode().Perm()&0o200 == 0 }

// inode is the file's number on its disk: a file replaced by a rename has
// a new one, whatever its size and time.
func inode(info fs.FileInfo) uint64 {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Ino)
	}
	return 0
}

// nonBlock keeps an open from waiting on a named pipe put where a file
// should be.
const nonBlock = syscall.O_NONBLOCK

// statIn looks at the file name in the open folder dir without following
// a link, and gives its stamp (as stampOf would) and whether it is an
// ordinary file. Looking by the folder's descriptor makes no path and keeps
// nothing, for the many files of a long history.
func statIn(dir *os.File, name string) (stamp, bool, error) {
	var st unix.Stat_t
	if err := unix.Fstatat(int(dir.Fd()), name, &st, unix.AT_SYMLINK_NOFOLLOW); err != nil {
		return stamp{}, false, &fs.PathError{Op: "lstat", Path: name, Err: err}
	}
	return stamp{Size: st.Size, Mod: st.Mtim.Nano(), Inode: uint64(st.Ino)}, st.Mode&unix.S_IFMT == unix.S_IFREG, nil
}
