package profile

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/aftercare-tui/aftercare/catalog"
	"github.com/aftercare-tui/aftercare/plain"
)

// An import is all or nothing, so a file must be read whole before its
// last record can refuse it; these limits keep that to well under a
// second and 200 MB allocated for any file, however hostile.
//
// MaxImportBytes is the largest file imported; no more than a byte over
// it is read. It holds the 10,000 check-ins of MaxImportCheckins with a
// few shared answers each, even written out with indents, as a script
// may write them. What a byte costs depends on what it holds: a long
// note costs little more than itself (0.5 s and 70 MB for the whole
// file), but a list of empty choices some 15 bytes of memory a byte, and
// so the values of the check-ins are counted as they are read as well.
//
// MaxImportSessionValues is the most values (an id, a choice, a key and
// its answer...) the check-ins of a JSON export hold in all: ten thousand
// check-ins in which two people shared four answers each hold 1.2
// million, and the worst file, of nothing but empty choices, is refused
// in some 0.2 s after allocating 190 MB.
//
// MaxImportYAMLBytes is the most of a YAML export read. YAML costs about
// 1 µs and 400 bytes a byte at worst (a list of one-digit numbers), so
// this is a YAML export of only some fifty check-ins: a longer history is
// imported from JSON, the default export.
//
// MaxImportProfileValues is the most values (a name, a like, a need and
// its weight...) the profiles of a JSON export hold in all: they are read
// as the store reads its own profile files, as YAML, at some 2 µs a value
// however short, where a long note costs little more than its bytes. A
// profile holds a few dozen, so this is thousands of profiles.
//
// MaxImportCheckins and MaxImportProfiles are the most check-ins and
// profiles one import holds, each written to a file of its own, safely,
// in a few milliseconds: ten thousand check-ins are thirty years of one a
// day, and a thousand profiles far more people than share one laptop.
const (
	MaxImportBytes         = 32 << 20
	MaxImportYAMLBytes     = 128 << 10
	MaxImportProfileValues = 150_000
	MaxImportSessionValues = 2_000_000
	MaxImportCheckins      = 10_000
	MaxImportProfiles      = 1_000
)

// Import reads an export, JSON or YAML, and adds everything in it. It is
// all or nothing: a problem in the file, or a name or session id that is
// already taken, stops it before anything is written, and what is written
// lands whole or not at all, even if aftercare is killed part way (see
// land). Running an import that was cut short again finishes it: what of
// it is in place already, byte for byte, counts as done; running one that
// landed whole again writes nothing, and says so. Every record is
// checked with the rules the store reads its own files by, so nothing
// imported can fail to read back; path only names the file in messages.
func (s *Store) Import(path string, data []byte) (*Imported, error) {
	r := &refusal{path: path}
	x := s.readExport(path, data, r)
	if err := r.err(); err != nil {
		return nil, err
	}
	x.clashes(r)
	if err := r.err(); err != nil {
		return nil, err
	}
	profiles, sessions := s.encodeAll(x, r)
	if err := r.err(); err != nil {
		return nil, err
	}
	id := importID(data)
	due := s.waitingWhileLocked(x.Sessions)
	alreadyHere := false
	err := s.locked(func() error {
		finished := fileExists(s.finishedNote(id))
		records, inPlace := s.toLand(finished, x, profiles, sessions, r)
		if err := r.err(); err != nil {
			return err
		}
		if len(records) > 0 {
			paths := make([]string, len(records))
			for i, record := range records {
				paths[i] = record.path
			}
			if err := s.mayWrite(paths...); err != nil {
				return fmt.Errorf("nothing was imported: %w", err)
			}
			// Landing notes what is due, from its journal.
			if err := s.land(id, records, due); err != nil {
				return err
			}
		} else {
			// Landed whole before: by an earlier run cut short, perhaps by
			// a version whose journal did not say what was due.
			if err := s.noteWaiting(due); err != nil {
				return err
			}
			alreadyHere = inPlace > 0 && !finished
		}
		// The import has landed, and this run says so.
		if err := os.Remove(s.finishedNote(id)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return &Imported{Export: x, AlreadyHere: alreadyHere}, nil
}

// Imported is what an import brought in.
type Imported struct {
	*Export
	// AlreadyHere says that every record was in place byte for byte before
	// this run, so that it wrote nothing: the file was imported before.
	AlreadyHere bool
}

// toLand lists the records an import writes, and how many are in place
// already, and adds to r each one that is taken. A record in place byte
// for byte is done, not taken, when a run that was cut short was finished
// since (finished: its note is in .tmp), or when every record is: that
// import landed whole before, perhaps in a run stopped before it could
// say so.
func (s *Store) toLand(finished bool, x *Export, profiles, sessions [][]byte, r *refusal) ([]landing, int) {
	same := func(path string, data []byte) bool {
		have, err := s.readOpened(path, "record", max(MaxProfileBytes, MaxSessionBytes), nil)
		return err == nil && bytes.Equal(have, data)
	}
	var records []landing
	var reserved, inPlace []string
	var entries []ProfileEntry
	if len(x.Profiles) > 0 {
		var err error
		if entries, err = s.Profiles(); err != nil {
			r.add(err.Error())
			return nil, 0
		}
	}
	for i, p := range x.Profiles {
		if found, _, _, err := lookupIn(entries, p.Name); err == nil && found != nil && same(found.Path, profiles[i]) {
			inPlace = append(inPlace, fmt.Sprintf("there is already a profile named %q (%s)", found.Name(), found.Path))
			continue
		}
		if err := takenIn(entries, p.Name, ""); err != nil {
			r.add(err.Error())
			continue
		}
		path := s.newProfilePath(p.Name, reserved...)
		reserved = append(reserved, path)
		records = append(records, landing{path, profiles[i]})
	}
	for i, sess := range x.Sessions {
		path := s.sessionPath(sess.ID)
		switch {
		case fileExists(path) && same(path, sessions[i]):
			inPlace = append(inPlace, fmt.Sprintf("there is already a session %s (%s)", sess.ID, path))
		case fileExists(path):
			r.add(fmt.Sprintf("there is already a session %s (%s)", sess.ID, path))
		default:
			records = append(records, landing{path, sessions[i]})
		}
	}
	if len(records) > 0 && !finished {
		for _, msg := range inPlace {
			r.add(msg)
		}
	}
	return records, len(inPlace)
}

// readExport reads the file as JSON or YAML, whichever it is, after the
// checks that cost nothing: its size, and whether it is an export that is
// only for reading.
func (s *Store) readExport(path string, data []byte, r *refusal) *Export {
	x := &Export{}
	if len(data) > MaxImportBytes {
		r.add(fmt.Sprintf("larger than %s, the most aftercare imports", catalog.ByteSize(MaxImportBytes)))
		return x
	}
	if kind := readingOnly(path, data); kind != "" {
		r.add(fmt.Sprintf("a %s export is for reading; only JSON and YAML exports can be imported (aftercare export --format json)", kind))
		return x
	}
	if len(bytes.TrimSpace(data)) == 0 {
		r.add("it is empty; an export made by aftercare export holds at least its version")
		return x
	}
	if isJSON(path, data) {
		s.readJSONExport(path, data, x, r)
	} else {
		s.readYAMLExport(path, data, x, r)
	}
	if r.empty() && x.Version != ExportVersion {
		r.add(fmt.Sprintf("version %d is not one this aftercare reads (it reads %d)", x.Version, ExportVersion))
	}
	return x
}

func (s *Store) readYAMLExport(path string, data []byte, x *Export, r *refusal) {
	if len(data) > MaxImportYAMLBytes {
		r.add(fmt.Sprintf("a YAML export larger than %s takes too long to read; import a JSON export instead (aftercare export --format json)", catalog.ByteSize(MaxImportYAMLBytes)))
		return
	}
	if err := s.cat.Decode(path, data, x); err != nil {
		r.addAll(err)
		return
	}
	if n := len(x.Sessions); n > MaxImportCheckins {
		r.add(fmt.Sprintf("holds %s check-ins; aftercare imports at most %s at once", catalog.Thousands(n), catalog.Thousands(MaxImportCheckins)))
	}
	if n := len(x.Profiles); n > MaxImportProfiles {
		r.add(fmt.Sprintf("holds %s profiles; aftercare imports at most %s at once", catalog.Thousands(n), catalog.Thousands(MaxImportProfiles)))
	}
}

// readingOnly names the kind of export a file is when it is one of those
// written only for reading, markdown or CSV: by its name, or by how
// aftercare begins them.
func readingOnly(path string, data []byte) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv":
		return "CSV"
	case ".md", ".markdown":
		return "markdown"
	}
	text := strings.TrimPrefix(string(data[:min(len(data), 64)]), utf8BOM)
	switch {
	case strings.HasPrefix(text, strings.Join(csvColumns[:3], ",")):
		return "CSV"
	case strings.HasPrefix(text, markdownTitle):
		return "markdown"
	}
	return ""
}

// isJSON says whether to read a file as JSON: by its name, or because it
// begins as a JSON export does. A YAML file may begin with { too, but no
// YAML export does.
func isJSON(path string, data []byte) bool {
	if strings.EqualFold(filepath.Ext(path), ".json") {
		return true
	}
	text := strings.TrimLeft(string(data[:min(len(data), 64)]), " \t\r\n")
	return strings.HasPrefix(text, "{")
}

// clashes are the names and session ids the file gives twice.
func (x *Export) clashes(r *refusal) {
	names := map[string]string{}
	for _, p := range x.Profiles {
		if first, ok := names[nameKey(p.Name)]; ok {
			r.add(fmt.Sprintf("the file names %q twice (also as %q)", p.Name, first))
			continue
		}
		names[nameKey(p.Name)] = p.Name
	}
	ids := map[string]bool{}
	for _, sess := range x.Sessions {
		if ids[sess.ID] {
			r.add(fmt.Sprintf("the file holds session %s twice", sess.ID))
		}
		ids[sess.ID] = true
	}
}

// encodeAll writes every record as the store keeps it and reads it back
// as the store reads it, before anything touches disk.
func (s *Store) encodeAll(x *Export, r *refusal) (profiles, sessions [][]byte) {
	profiles = make([][]byte, len(x.Profiles))
	for i := range x.Profiles {
		data, err := s.encodeChecked(&x.Profiles[i])
		if err != nil {
			r.addEach(fmt.Sprintf("profile %q: ", x.Profiles[i].Name), err)
		}
		profiles[i] = data
	}
	sessions = make([][]byte, len(x.Sessions))
	for i := range x.Sessions {
		data, err := encodeSession(&x.Sessions[i])
		if err != nil {
			r.addEach(fmt.Sprintf("session %s: ", x.Sessions[i].ID), err)
		}
		sessions[i] = data
	}
	return profiles, sessions
}

// refusal gathers why an import cannot go ahead: the first maxProblems
// problems in full, then how many more.
type refusal struct {
	path    string
	shown   []string
	more    int
	stopped bool // reading stopped at maxProblems, so there may be more
}

func (r *refusal) add(problem string) {
	if len(r.shown) < maxProblems {
		r.shown = append(r.shown, plain.Line(problem))
		return
	}
	r.more++
}

// addAll adds every problem in err, or err itself.
func (r *refusal) addAll(err error) {
	var errs catalog.Errors
	if !errors.As(err, &errs) {
		r.add(err.Error())
		return
	}
	for _, e := range errs {
		r.add(e.Error())
	}
}

// addEach adds each line of err, after what it is about.
func (r *refusal) addEach(about string, err error) {
	for _, line := range strings.Split(err.Error(), "\n") {
		r.add(about + line)
	}
}

func (r *refusal) empty() bool { return len(r.shown) == 0 }

// full says whether enough is wrong to stop reading.
func (r *refusal) full() bool { return len(r.shown) >= maxProblems }

func (r *refusal) err() error {
	if r.empty() {
		return nil
	}
	lines := r.shown
	if r.more > 0 {
		lines = append(lines, fmt.Sprintf("and %d more", r.more))
	}
	if r.stopped {
		lines = append(lines, fmt.Sprintf("and perhaps more: reading stopped after the first %d problems", maxProblems))
	}
	return fmt.Errorf("%s: nothing was imported:\n  %s", plain.Line(r.path), strings.Join(lines, "\n  "))
}
