package profile

// A name is one person's, so one file holds it. A second file with a
// name already held (a backup copied beside the first, say) would show
// the person twice and let a change or a delete land on either file by
// chance; so it is reported, left as it is, and not used.

import (
	"bytes"
	"cmp"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/aftercare-tui/aftercare/catalog"
)

// sameNameError is a profile file holding the name that another file, the
// one used, holds: err says so at the line of the name.
type sameNameError struct {
	err  error
	name string
}

func (e *sameNameError) Error() string { return e.err.Error() }
func (e *sameNameError) Unwrap() error { return e.err }

// markSameNames reports each readable profile whose name an earlier one
// holds. Of the files holding one name, the one used is the file
// aftercare would have given that name, then one of its numbered names,
// then the first by path, so that which one is used never depends on the
// order a folder lists them in. nameLines are where each entry's name is
// written.
func markSameNames(entries []ProfileEntry, nameLines []int) {
	var readable []int
	for i, e := range entries {
		if e.Profile != nil {
			readable = append(readable, i)
		}
	}
	slices.SortFunc(readable, func(a, b int) int {
		return cmp.Or(cmp.Compare(fileRank(entries[a]), fileRank(entries[b])), strings.Compare(entries[a].Path, entries[b].Path))
	})
	used := map[string]string{}
	for _, i := range readable {
		e := &entries[i]
		key := nameKey(e.Profile.Name)
		first, held := used[key]
		if !held {
			used[key] = e.Path
			continue
		}
		base := strings.TrimSuffix(filepath.Base(e.Path), ".yaml")
		e.Err = &sameNameError{name: e.Profile.Name, err: catalog.Errors{{Path: e.Path, Line: nameLines[i], Col: 1,
			Msg: fmt.Sprintf("name: holds the same name as %s (%q), which is the one used, so this file is not; give it another name or delete it (aftercare profile edit %s)",
				first, e.Profile.Name, NameArg(base))}}}
		e.Profile = nil
	}
}

// fileRank orders the files holding one name: 0 for the file aftercare
// would give it, 1 for one of its numbered names, 2 for any other.
func fileRank(e ProfileEntry) int {
	base := strings.TrimSuffix(filepath.Base(e.Path), ".yaml")
	switch {
	case base == fileBase(e.Profile.Name):
		return 0
	case mayHold(base, e.Profile.Name):
		return 1
	}
	return 2
}

// nameLine is the line a profile's name is written on, where it starts a
// line as aftercare writes it; 1 when it cannot be found so.
func nameLine(data []byte) int {
	n := 1
	for line := range bytes.Lines(data) {
		if bytes.HasPrefix(line, []byte("name:")) {
			return n
		}
		n++
	}
	return 1
}
