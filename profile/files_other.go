//go:build !unix

package profile

import (
	"io/fs"
	"os"
	"path/filepath"
)

// noFollow is nothing where an open cannot refuse a link; readRecord
// looks at the file first instead.
const noFollow = 0

// syncDir does nothing: Windows cannot sync a folder (FlushFileBuffers
// fails on a folder handle), and NTFS journals a rename itself.
func syncDir(string) error { return nil }

// keptReadOnly says whether a person made a file read-only (its read-only
// attribute, which Go gives as the mode). A folder's read-only attribute
// only marks it as customised, and writing in it is not refused.
func keptReadOnly(info fs.FileInfo) bool { return !info.IsDir() && info.Mode().Perm()&0o200 == 0 }

// inode is 0: a file's size and time tell a change well enough here.
func inode(fs.FileInfo) uint64 { return 0 }

// nonBlock is nothing: a named pipe cannot stand in for a file here.
const nonBlock = 0

// statIn looks at the file name in the open folder dir without following
// a link, and gives its stamp and whether it is an ordinary file.
func statIn(dir *os.File, name string) (stamp, bool, error) {
	info, err := os.Lstat(filepath.Join(dir.Name(), name))
	if err != nil {
		return stamp{}, false, err
	}
	return stampOf(info), info.Mode().IsRegular(), nil
}
