//go:build unix

package catalog

import (
	"io/fs"
	"os"
	"os/user"
	"strconv"
	"syscall"
)

// OthersCanWrite says whether someone other than this user (or root) could
// change what is in a file or folder: its group or everyone may write to
// it, or it belongs to someone else. This is ssh's StrictModes rule.
func OthersCanWrite(info fs.FileInfo) bool {
	_, other := otherOwner(info)
	return info.Mode().Perm()&0o022 != 0 || other
}

// otherOwner says whether a file belongs to a user other than this one and
// root, and gives that user's id.
func otherOwner(info fs.FileInfo) (uid string, other bool) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok || int(st.Uid) == os.Getuid() || st.Uid == 0 {
		return "", false
	}
	return strconv.FormatUint(uint64(st.Uid), 10), true
}

// yourName is the name of the user running aftercare, as chown takes it.
func yourName() string { return userName(strconv.Itoa(os.Getuid())) }

// userName turns a user id into its name, or keeps the number, which chown
// takes as well, when the system has no name for it.
func userName(uid string) string {
	if u, err := user.LookupId(uid); err == nil {
		return u.Username
	}
	return uid
}
