package profile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/aftercare-tui/aftercare/catalog"
)

// The largest files aftercare reads, by kind. A file over its limit is
// reported as damaged without being read, so that a planted or runaway
// file costs a moment, not minutes and gigabytes; a record that would be
// over its limit is never written, since it could not be read back.
//
// A profile of 64 KiB holds every catalogue id many times over, and its
// notes full. A session of 1 MiB holds a thousand full answers: twelve
// people answering eighty questions in a thousand words each would not
// fill it, nor would years of follow-ups.
const (
	MaxProfileBytes = 64 << 10
	MaxSessionBytes = 1 << 20
)

// maxProblems is how many problems one file reports; the rest are counted.
const maxProblems = 50

// tooLarge says that a record is over its limit, in the words a person
// reads: "too large (3.2 MiB); a session may be at most 1 MiB".
func tooLarge(kind string, size int64, limit int) string {
	return fmt.Sprintf("too large (%s); a %s may be at most %s", catalog.ByteSize(size), kind, catalog.ByteSize(int64(limit)))
}

// tooLargeError is a file refused by its size before it was read; limit
// is the one the person is told.
type tooLargeError struct {
	path, kind string
	size       int64
	limit      int
}

func (e *tooLargeError) Error() string { return e.path + ": " + tooLarge(e.kind, e.size, e.limit) }

// readSealable reads a record that may be sealed (see readRecordIn).
// Sealing makes a record larger, so a file is let through up to what a
// sealed record of limit bytes may take; but a file refused is told the
// plain limit, the one the README gives, whatever its form.
func readSealable(dir *os.File, path, kind string, limit int, buf []byte) ([]byte, error) {
	data, err := readRecordIn(dir, path, kind, sealedLimit(limit), buf)
	if big, ok := errors.AsType[*tooLargeError](err); ok {
		big.limit = limit
	}
	return data, err
}

// notRegular says why a file where a record belongs was not read.
func notRegular(path string, mode fs.FileMode) error {
	switch {
	case mode&fs.ModeSymlink != 0:
		return fmt.Errorf("%s: is a symbolic link; aftercare reads only files it wrote itself, and follows no link in its data folder", path)
	case mode.IsDir():
		return fmt.Errorf("%s: is a folder where a file belongs", path)
	}
	return fmt.Errorf("%s: is not a regular file (%s), so it was not read", path, catalog.FileKind(mode))
}
