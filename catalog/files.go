package catalog

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"unicode"
	"unicode/utf8"

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

// MaxCatalogFiles is the most catalogue files of a person's own that are
// read: fifty times the built-in catalogue's. Each costs a few system
// calls however small, so a folder of tens of thousands of empty files
// would cost every command seconds.
const MaxCatalogFiles = 1000

// userReader gathers a person's catalogue files, refusing every file that is
// not an ordinary one or is too large before any of it is parsed.
type userReader struct {
	files   []file
	total   int
	count   int // files read, or tried
	refused Errors
}

// add reads a file, or every .yaml and .yml file under a directory in name
// order. Hidden files and folders, such as editor swap files, are not
// catalogue files. Links are followed, to files and folders alike, as
// dotfile managers make both (GNU Stow folds a whole folder into one
// link); what they lead to is held to the same rules, and paths are
// reported as the person wrote them.
func (r *userReader) add(root string) error {
	info, err := os.Stat(root)
	if errors.Is(err, fs.ErrNotExist) {
		if target, lerr := os.Readlink(root); lerr == nil {
			r.refuse(root, "is a link to %s, which is not there", target)
			return nil
		}
	}
	if err != nil {
		return PathError(root, err)
	}
	if !info.IsDir() {
		return r.read(root, true)
	}
	if r.othersCanChange(root, info) || r.swappable(root, true) {
		return nil
	}
	real, err := filepath.EvalSymlinks(root)
	if err != nil {
		return PathError(root, err)
	}
	return r.walk(root, real, map[string]string{})
}

// walk reads the catalogue files in the folder dir, which really is at
// real. seen maps each folder read, by where it really is, to the path it
// was read as: a folder is read once, so two links to it, or a link that
// leads back up, cannot repeat its activities or go round for ever.
func (r *userReader) walk(dir, real string, seen map[string]string) error {
	return filepath.WalkDir(real, func(p string, e fs.DirEntry, err error) error {
		if r.count > MaxCatalogFiles {
			return filepath.SkipAll
		}
		rel, _ := filepath.Rel(real, p)
		shown := dir
		if p != real {
			shown = filepath.Join(dir, rel)
		}
		if err != nil {
			return PathError(shown, err)
		}
		hidden := p != real && strings.HasPrefix(e.Name(), ".")
		switch {
		case hidden && e.IsDir():
			return filepath.SkipDir
		case hidden:
			return nil
		case e.IsDir():
			if first, ok := seen[p]; ok {
				r.refuse(shown, "is the folder read already as %s, and a folder is read once", first)
				return filepath.SkipDir
			}
			seen[p] = shown
			if p == real {
				return nil // checked as the link or root it was reached by
			}
			if info, err := os.Stat(p); err == nil && r.othersCanChange(shown, info) {
				return filepath.SkipDir
			}
			return nil
		case e.Type()&fs.ModeSymlink != 0:
			return r.follow(shown, seen)
		case !isYAML(p):
			return nil
		}
		return r.read(shown, false)
	})
}

// follow reads what a link within the catalogue folder leads to: a
// catalogue file, or a folder of them, unless that folder is read already
// or holds one that is.
func (r *userReader) follow(link string, seen map[string]string) error {
	info, err := os.Stat(link)
	switch {
	case err != nil || !info.IsDir():
		if !isYAML(link) {
			return nil
		}
		return r.read(link, false)
	case r.othersCanChange(link, info) || r.swappable(link, false):
		return nil
	}
	real, err := filepath.EvalSymlinks(link)
	if err != nil {
		return PathError(link, err)
	}
	within := strings.TrimSuffix(real, string(filepath.Separator)) + string(filepath.Separator)
	for _, folder := range slices.Sorted(maps.Keys(seen)) {
		if folder == real || strings.HasPrefix(folder, within) {
			r.refuse(link, "leads to %s, which is or holds the folder read already as %s; a folder is read once, so this link is not followed", real, seen[folder])
			return nil
		}
	}
	return r.walk(link, real, seen)
}

func isYAML(p string) bool { return strings.HasSuffix(p, ".yaml") || strings.HasSuffix(p, ".yml") }

// othersCanChange refuses a catalogue file or folder someone else could
// change: the catalogue says what is suggested, and which support lines
// someone in distress is shown.
func (r *userReader) othersCanChange(p string, info fs.FileInfo) bool {
	problem, fix := WritableByOthers(p, info)
	if problem == "" {
		return false
	}
	r.refuse(p, "%s, and your catalogue says what is suggested and which support lines are shown; %s", problem, fix)
	return true
}

// swappable refuses p when someone else could put something else in its
// place: when the folder that holds it lets others rename what is in it,
// or, for a link, the folder that holds what it leads to does. Within the
// catalogue folder, the folder holding p is checked as part of the
// catalogue, so only a root's own folder is checked here.
func (r *userReader) swappable(p string, root bool) bool {
	abs, err := filepath.Abs(p)
	if err != nil {
		return false
	}
	var places []string
	if root {
		places = append(places, abs)
	}
	if link, err := os.Lstat(abs); err == nil && link.Mode()&fs.ModeSymlink != 0 {
		if real, err := filepath.EvalSymlinks(abs); err == nil {
			places = append(places, real)
		}
	}
	for _, place := range places {
		dir := filepath.Dir(place)
		dirInfo, err := os.Stat(dir)
		if err != nil {
			continue
		}
		entry, err := os.Lstat(place)
		if err != nil || keepsSafe(dirInfo, entry) {
			continue
		}
		// In a sticky folder of one's own or root's, such as /tmp, only
		// an entry's owner can swap it; a link is all that can be someone
		// else's by now, what it leads to having been checked already.
		if guardsEntries(dirInfo) {
			uid, _ := otherOwner(entry)
			r.refuse(place, "belongs to another user (%s), who could put another catalogue in its place in %s; use one of your own", userName(uid), dir)
			return true
		}
		problem, fix := WritableByOthers(dir, dirInfo)
		r.refuse(dir, "%s, so someone else could put another catalogue in place of %s; %s", problem, place, fix)
		return true
	}
	return false
}

// read reads one catalogue file, refusing what is not an ordinary file or
// is too large, alone or with the files before it, or one someone else
// could change or swap; root says it was named itself, not found in a
// folder.
func (r *userReader) read(p string, root bool) error {
	if r.total > MaxCatalogBytes || r.count > MaxCatalogFiles {
		return nil
	}
	if r.count++; r.count > MaxCatalogFiles {
		r.refuse(p, "is past the first %s catalogue files, the most that are read; this file and any after it were not read", Thousands(MaxCatalogFiles))
		return nil
	}
	if r.swappable(p, root) {
		return nil
	}
	data, err := readOrdinary(p, MaxCatalogFileBytes, "a catalogue file", func(info fs.FileInfo) error {
		if r.othersCanChange(p, info) {
			return errRefused
		}
		return nil
	})
	var refused *Error
	switch {
	case errors.Is(err, errRefused):
		return nil
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

// Absent says whether err means that nothing is at a path: it is not
// there, or a file stands where a folder on the way to it belongs.
func Absent(err error) bool {
	return errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR)
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
	return readOrdinary(p, limit, what, nil)
}

// errRefused is a file a check refused, and said why already.
var errRefused = errors.New("refused")

// readOrdinary is ReadOrdinary with one more check, when check is not
// nil, of the ordinary file once open and before a byte of it is read.
func readOrdinary(p string, limit int, what string, check func(fs.FileInfo) error) ([]byte, error) {
	f, err := os.OpenFile(p, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, PathError(p, err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, PathError(p, err)
	}
	if !info.Mode().IsRegular() {
		return nil, &Error{Path: p, Msg: fmt.Sprintf("is %s, not an ordinary file, so it was not read as %s", FileKind(info.Mode()), what)}
	}
	if check != nil {
		if err := check(info); err != nil {
			return nil, err
		}
	}
	return ReadAtMost(f, p, limit, what)
}

// ReadAtMost reads r, which p names, whole if it holds at most limit
// bytes, and refuses it with an *Error once it holds more. One byte more
// than allowed tells what is at the limit from what is larger, whatever a
// file's size says, without reading the rest.
func ReadAtMost(r io.Reader, p string, limit int, what string) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, int64(limit)+1))
	if err != nil {
		return nil, PathError(p, err)
	}
	if len(data) > limit {
		return nil, &Error{Path: p, Msg: fmt.Sprintf("is larger than %s, the most %s may hold", ByteSize(int64(limit)), what)}
	}
	return data, nil
}

// Sentence is s begun with a capital letter, as a message said on its own
// begins: Go's errors begin in lower case, to be part of another.
func Sentence(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}

// Thousands writes a count with commas, as people read it: 1,000.
func Thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// Count writes how many of a thing there are, as people read it: "1
// file", "2 files", "3 activities", "1,500 check-ins".
func Count(n int, noun string) string {
	switch {
	case n == 1:
		return "1 " + noun
	case strings.HasSuffix(noun, "y"):
		return Thousands(n) + " " + strings.TrimSuffix(noun, "y") + "ies"
	}
	return Thousands(n) + " " + noun + "s"
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

// PathError says what went wrong with the file p in p's own name, keeping
// the cause for errors.Is; the name is written out plainly, since a file's
// name can hold anything. Where the folder p belongs in is missing, or a
// file stands where a folder on the way to it belongs, it adds that place:
// "not a directory" alone points at nothing a person can find.
func PathError(p string, err error) error {
	var pathErr *fs.PathError
	if errors.As(err, &pathErr) {
		err = pathErr.Err
	}
	if Absent(err) {
		if why := wayTo(p); why != "" {
			return fmt.Errorf("%s: %w (%s)", plain.Line(p), err, why)
		}
	}
	return fmt.Errorf("%s: %w", plain.Line(p), err)
}

// wayTo says what stops the way to p short of p itself: a file where a
// folder belongs, or a folder that is not there. It is empty when the
// folder p belongs in is there.
func wayTo(p string) string {
	dir := filepath.Dir(p)
	missing := ""
	for {
		info, err := os.Stat(dir)
		switch {
		case err == nil && !info.IsDir():
			return plain.Line(dir) + " is a file, not a folder"
		case err == nil && missing != "":
			return "there is no folder " + plain.Line(missing)
		case err == nil:
			return ""
		case errors.Is(err, fs.ErrNotExist):
			missing = dir
		}
		up := filepath.Dir(dir)
		if up == dir {
			return ""
		}
		dir = up
	}
}
