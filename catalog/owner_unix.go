//go:build unix

package catalog

import (
	"io/fs"
	"os"
	"syscall"
)

// OthersCanWrite says whether someone other than this user (or root) could
// change what is in a file or folder: its group or everyone may write to
// it, or it belongs to someone else. This is ssh's StrictModes rule.
func OthersCanWrite(info fs.FileInfo) bool {
	if info.Mode().Perm()&0o022 != 0 {
		return true
	}
	st, ok := info.Sys().(*syscall.Stat_t)
	return ok && int(st.Uid) != os.Getuid() && st.Uid != 0
}
