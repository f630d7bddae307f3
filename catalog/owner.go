package catalog

import (
	"fmt"
	"io/fs"
)

// WritableByOthers says how someone other than this user (or root) could
// change the file or folder at path, described by info from os.Stat, and
// what would stop them; both are "" when OthersCanWrite(info) is false.
// problem reads like "can be changed by others (mode 0666)" and fix like
// "make it yours alone with: chmod go-w PATH", ready to follow a path and
// a reason. A mode is the owner's to change, but a file of someone else's
// stays theirs whatever its mode, so then the fix is chown.
func WritableByOthers(path string, info fs.FileInfo) (problem, fix string) {
	if !OthersCanWrite(info) {
		return "", ""
	}
	uid, theirs := otherOwner(info)
	owner, perm, arg := userName(uid), info.Mode().Perm(), ShellArg(path)
	switch {
	case theirs && perm&0o022 != 0:
		return fmt.Sprintf("belongs to another user (%s) and can be changed by others (mode %04o)", owner, perm),
			fmt.Sprintf("make it yours alone with: sudo chown %s %s && chmod go-w %s", ShellArg(yourName()), arg, arg)
	case theirs:
		return fmt.Sprintf("belongs to another user (%s), who can change it whatever its mode", owner),
			fmt.Sprintf("make it yours with: sudo chown %s %s", ShellArg(yourName()), arg)
	}
	return fmt.Sprintf("can be changed by others (mode %04o)", perm), "make it yours alone with: chmod go-w " + arg
}

// keepsSafe says whether no one but this user (or root) can rename, remove
// or replace entry in the folder dir: dir lets no one else change it, or
// guards its entries and entry is this user's or root's.
func keepsSafe(dir, entry fs.FileInfo) bool {
	_, entryTheirs := otherOwner(entry)
	return !OthersCanWrite(dir) || guardsEntries(dir) && !entryTheirs
}

// Swappable says whether someone other than this user (or root) could
// put something else in place of the entry in the folder dir: rename or
// remove it, or, when entry is nil because it is not there yet, make it
// first. In a sticky folder of one's own or root's, such as /tmp, an
// entry already made is safe; one someone made first belongs to them,
// which its own check finds.
func Swappable(dir, entry fs.FileInfo) bool {
	if entry == nil {
		return OthersCanWrite(dir) && !guardsEntries(dir)
	}
	return !keepsSafe(dir, entry)
}

// guardsEntries says whether only an entry's owner, besides this user and
// root, can rename or remove it from dir, though others may write there:
// dir is sticky, like /tmp or /nix/store, and this user's or root's. (ssh's
// StrictModes refuses such folders all the same; it has no need of /tmp.)
func guardsEntries(dir fs.FileInfo) bool {
	_, theirs := otherOwner(dir)
	return dir.Mode()&fs.ModeSticky != 0 && !theirs
}
