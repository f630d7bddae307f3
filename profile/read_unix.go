//go:build unix

package profile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"syscall"

	"golang.org/x/sys/unix"
)

// readRecord reads a record file into buf, refusing what is not a regular
// file or is over limit before reading a byte of it, and never reading
// more than limit+1 bytes (the file may grow meanwhile). It makes as few
// system calls as it can: a history listing reads thousands of files, and
// os.ReadFile's extra calls and new buffer for every file are most of the
// cost. The open neither follows a link, nor waits on a named pipe, nor
// takes a terminal as the controlling one.
func readRecord(path, kind string, limit int, buf []byte) ([]byte, error) {
	return readRecordAt(unix.AT_FDCWD, path, path, kind, limit, buf)
}

// readRecordIn reads the record file at path as readRecord does, opening
// it by its name in the open folder dir when it is in it: the kernel does
// not walk the whole path again for each of the thousands of files in a
// history. dir may be nil.
func readRecordIn(dir *os.File, path, kind string, limit int, buf []byte) ([]byte, error) {
	if dir == nil || filepath.Dir(path) != dir.Name() {
		return readRecord(path, kind, limit, buf)
	}
	return readRecordAt(int(dir.Fd()), filepath.Base(path), path, kind, limit, buf)
}

// readRecordAt reads the file name in the folder dirfd; path names it in
// what goes wrong.
func readRecordAt(dirfd int, name, path, kind string, limit int, buf []byte) ([]byte, error) {
	const flags = unix.O_RDONLY | unix.O_CLOEXEC | unix.O_NOFOLLOW | unix.O_NONBLOCK | unix.O_NOCTTY
	fd, err := unix.Openat(dirfd, name, flags, 0)
	for errors.Is(err, syscall.EINTR) {
		fd, err = unix.Openat(dirfd, name, flags, 0)
	}
	if err != nil {
		// A link fails with ELOOP on Linux and EMLINK on the BSDs; a socket
		// with ENXIO. Say which it was rather than how it failed.
		if info, lerr := os.Lstat(path); lerr == nil && !info.Mode().IsRegular() {
			return nil, notRegular(path, info.Mode())
		}
		return nil, &os.PathError{Op: "open", Path: path, Err: err}
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil {
		return nil, &os.PathError{Op: "stat", Path: path, Err: err}
	}
	if st.Mode&syscall.S_IFMT != syscall.S_IFREG {
		info, err := os.Lstat(path)
		if err != nil {
			return nil, err
		}
		return nil, notRegular(path, info.Mode()|fs.ModeIrregular)
	}
	if st.Size > int64(limit) {
		return nil, &tooLargeError{path, kind, st.Size, limit}
	}
	buf = slices.Grow(buf[:0], int(st.Size)+1)
	for {
		if len(buf) == cap(buf) {
			buf = slices.Grow(buf, min(max(cap(buf), 4096), limit+1-len(buf)))
		}
		want := min(cap(buf), limit+1) - len(buf)
		n, err := syscall.Read(fd, buf[len(buf):len(buf)+want])
		switch {
		case errors.Is(err, syscall.EINTR):
			continue
		case err != nil:
			return nil, &os.PathError{Op: "read", Path: path, Err: err}
		case n == 0:
			return buf, nil
		}
		buf = buf[:len(buf)+n]
		// A regular file gives less than was asked for only at its end:
		// once it gave the size it has, no read is made to be told so.
		if n < want && int64(len(buf)) == st.Size {
			return buf, nil
		}
		if len(buf) > limit {
			return nil, &tooLargeError{path, kind, int64(len(buf)), limit}
		}
	}
}
