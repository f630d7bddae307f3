package catalog

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

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
