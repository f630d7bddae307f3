package catalog

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/aftercare-tui/aftercare/plain"
)

// MaxCatalogFileBytes is the most one catalogue file of a person's own may
// hold: nine times the largest built-in file (14 KiB), and more than the
// whole built-in catalogue (82 KiB), so no file written by hand comes near
// it. It is there for hostile files: reading YAML costs about 3 µs and
// 600 bytes for each value with its problem, and a value can take 2 bytes,
// so the worst file this size costs about 0.2 s and 40 MB.
const MaxCatalogFileBytes = 128 << 10

// MaxCatalogBytes is the most a person's catalogue files may hold together:
// three times the built-in catalogue, and however the files are split, a
// worst case of about 0.4 s and 60 MB at most in use.
const MaxCatalogBytes = 256 << 10

// userReader gathers a person's catalogue files, refusing every file that is
// not an ordinary one or is too large before any of it is parsed.
type userReader struct {
	files   []file
	total   int
	refused Errors
}

// add reads a file, or every .yaml and .yml file under a directory in name
// order. Hidden files and folders, such as editor swap files, are not
// catalogue files. Links are followed, as dotfile managers make them; what
// counts is the file they lead to.
func (r *userReader) add(root string) error {
	info, err := os.Stat(root)
	if err != nil {
		return readError(root, err)
	}
	if !info.IsDir() {
		return r.read(root)
	}
	if r.othersCanChange(root, info) {
		return nil
	}
	err = filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return readError(p, err)
		}
		hidden := p != root && strings.HasPrefix(e.Name(), ".")
		switch {
		case hidden && e.IsDir():
			return filepath.SkipDir
		case hidden || p == root:
			return nil
		case e.IsDir():
			if info, err := os.Stat(p); err == nil && r.othersCanChange(p, info) {
				return filepath.SkipDir
			}
			return nil
		case !strings.HasSuffix(p, ".yaml") && !strings.HasSuffix(p, ".yml"):
			return nil
		}
		return r.read(p)
	})
	return err
}

// othersCanChange refuses a catalogue file or folder someone else could
// change: the catalogue says what is suggested, and which support lines
// someone in distress is shown.
func (r *userReader) othersCanChange(p string, info fs.FileInfo) bool {
	if !OthersCanWrite(info) {
		return false
	}
	r.refuse(p, "can be changed by others (mode %04o), and your catalogue says what is suggested and which support lines are shown; make it yours alone with: chmod go-w %s", info.Mode().Perm(), ShellArg(p))
	return true
}

// read reads one catalogue file, refusing what is not an ordinary file or
// is too large, alone or with the files before it, or one someone else
// could change.
func (r *userReader) read(p string) error {
	if r.total > MaxCatalogBytes {
		return nil
	}
	if info, err := os.Stat(p); err == nil && info.Mode().IsRegular() && r.othersCanChange(p, info) {
		return nil
	}
	data, err := ReadOrdinary(p, MaxCatalogFileBytes, "a catalogue file")
	var refused *Error
	switch {
	case errors.As(err, &refused):
		r.refused = append(r.refused, refused)
		return nil
	case err != nil:
		return err
	}
	if r.total += len(data); r.total > MaxCatalogBytes {
		r.refuse(p, "takes your catalogue files past %d KiB together, the most that is read; this file and any after it were not read", MaxCatalogBytes>>10)
		return nil
	}
	r.files = append(r.files, file{path: p, data: data, user: true})
	return nil
}

// ReadOrdinary reads a file a person keeps (a catalogue file, settings, an
// import) if it is an ordinary file of at most limit bytes, following
// links, as dotfile managers make them. Anything else is refused with an
// *Error saying what it is, before a byte is read: what is read as what
// may be some other process's endless output, or a file meant to exhaust
// memory. The checks are made on the file once open, so what is checked is
// what is read; opening without blocking lets a named pipe be refused
// rather than waited on.
func ReadOrdinary(p string, limit int, what string) ([]byte, error) {
	f, err := os.OpenFile(p, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, readError(p, err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, readError(p, err)
	}
	if !info.Mode().IsRegular() {
		return nil, &Error{Path: p, Msg: fmt.Sprintf("is %s, not an ordinary file, so it was not read as %s", FileKind(info.Mode()), what)}
	}
	// One byte more than allowed tells a file at the limit from a larger
	// one, whatever its size says, without reading the rest.
	data, err := io.ReadAll(io.LimitReader(f, int64(limit)+1))
	if err != nil {
		return nil, readError(p, err)
	}
	if len(data) > limit {
		return nil, &Error{Path: p, Msg: fmt.Sprintf("is larger than %s, the most %s may hold", ByteSize(int64(limit)), what)}
	}
	return data, nil
}

// ByteSize writes a size as people read it: "64 KiB", "3.2 MiB".
func ByteSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KiB", (n+1<<10-1)>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

func (r *userReader) refuse(p, format string, args ...any) {
	r.refused = append(r.refused, &Error{Path: p, Msg: fmt.Sprintf(format, args...)})
}

// FileKind names what a file that is not an ordinary file is.
func FileKind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "a special file (" + m.String() + ")"
}

// readError says which file could not be read and why, keeping the cause
// for errors.Is; the name is written out plainly, since a file's name can
// hold anything.
func readError(p string, err error) error {
	var pathErr *fs.PathError
	if errors.As(err, &pathErr) {
		err = pathErr.Err
	}
	return fmt.Errorf("%s: %w", plain.Line(p), err)
}
