package catalog

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/aftercare-tui/aftercare/plain"
)

// Error is one problem in a file, at the line and column where it stands;
// a problem with the whole file, such as its size, has no line (0).
type Error struct {
	Path string
	Line int
	Col  int
	Msg  string
}

// Error writes path:line:col: message. A file's name can hold anything, so
// what would act on a terminal is written out rather than left to act.
func (e *Error) Error() string {
	if e.Line == 0 {
		return plain.Line(e.Path + ": " + e.Msg)
	}
	return plain.Line(fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Line, e.Col, e.Msg))
}

// Errors holds every problem found in one load, so that a person can mend a
// file in one go instead of meeting its mistakes one run at a time. Its
// length is the number of problems.
type Errors []*Error

// shownErrors is how many problems Errors writes out: enough to mend a file
// by, while a hostile file with a million of them still gives a short
// message.
const shownErrors = 50

// Error writes the first problems one a line, then how many more there are.
func (es Errors) Error() string {
	shown := es[:min(len(es), shownErrors)]
	lines := make([]string, len(shown), len(shown)+1)
	for i, e := range shown {
		lines[i] = e.Error()
	}
	if more := len(es) - len(shown); more > 0 {
		lines = append(lines, fmt.Sprintf("and %d more", more))
	}
	return strings.Join(lines, "\n")
}

// sorted returns the errors in file order, or nil when there are none, so
// that callers can return it straight as an error value.
func (es Errors) sorted() error {
	if len(es) == 0 {
		return nil
	}
	slices.SortStableFunc(es, func(a, b *Error) int {
		return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
	})
	return es
}

// notText reports the first thing in data that the YAML library refuses
// before it parses anything: a byte that is not UTF-8, or a control
// character. The library says only "line 1" wherever it is, so it is found
// here and placed at its own line and column (counted in characters, as
// the library and editors count them, after any byte-order mark). A file
// that starts with a UTF-16 byte-order mark is left to the library, which
// reads UTF-16.
func notText(path string, data []byte) *Error {
	if bytes.HasPrefix(data, []byte{0xff, 0xfe}) || bytes.HasPrefix(data, []byte{0xfe, 0xff}) {
		return nil
	}
	line, col, i := 1, 1, 0
	if bytes.HasPrefix(data, []byte("\uFEFF")) {
		i = len("\uFEFF")
	}
	for i < len(data) {
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			return &Error{Path: path, Line: line, Col: col, Msg: fmt.Sprintf("not valid UTF-8 text (byte 0x%02X); save the file as UTF-8", data[i])}
		case !yamlReads(r):
			return &Error{Path: path, Line: line, Col: col, Msg: fmt.Sprintf(`a control character (\u%04x) is not allowed in these files`, r)}
		case r == '\n':
			line, col = line+1, 1
		default:
			col++
		}
		i += size
	}
	return nil
}

// yamlReads says whether the YAML library reads r: the characters YAML 1.1
// allows in a stream.
func yamlReads(r rune) bool {
	switch {
	case r == '\t', r == '\n', r == '\r', r >= 0x20 && r <= 0x7e, r == 0x85:
		return true
	case r >= 0xa0 && r <= 0xd7ff, r >= 0xe000 && r <= 0xfffd, r >= 0x10000 && r <= 0x10ffff:
		return true
	}
	return false
}
