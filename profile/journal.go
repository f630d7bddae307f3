package profile

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

// An import lands whole or not at all, even when aftercare is killed part
// way through it. Every file is first written to a staging folder in .tmp,
// on the same file system as the records so that moving one is a rename,
// and synced; then a journal saying where each goes is written there in
// one step; only then are the files moved into place. Whoever next takes
// the lock, or sweeps at start, finds the staging folder: with a journal
// it finishes the moves (rolls forward); without one, nothing was moved,
// and it removes the folder (rolls back). Readers never look in .tmp.
//
// An import that a later run finished leaves a note, import-ID.finished,
// ID being the hash of the file imported, so that running the same import
// again reports it imported instead of refusing its records as already
// there.

const (
	stagingPrefix   = "import-"
	journalName     = "journal"
	finishedSuffix  = ".finished"
	maxJournalBytes = 4 << 20
)

// reached marks each step an import takes towards landing, and a reader
// waiting for one to land; a test stops the process at one to check the
// import still lands whole or not at all.
var reached = func(step string) {}

// journal says where each file in a staging folder goes.
type journal struct {
	Import string `json:"import"`
	Moves  []move `json:"moves"`
	// Due are the imported check-ins still waiting on a follow-up, by id
	// with when each started, for .due once they land: while the data is
	// locked, nothing that finishes the import can read them to know.
	Due map[string]time.Time `json:"due,omitempty"`
}

type move struct {
	// From is the file's name in the staging folder: a number.
	From string `json:"from"`
	// To is where it goes, from the data folder: profiles/sam.yaml.
	To string `json:"to"`
}

// landing is a record an import writes: where, and what.
type landing struct {
	path string
	data []byte
}

// importID names an import by what is imported, so that running the same
// file again is known as the same import.
func importID(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:16])
}

func (s *Store) finishedNote(id string) string {
	return filepath.Join(s.tmpDir(), stagingPrefix+id+finishedSuffix)
}

// land writes the records of an import whole or not at all. Once the
// journal is written, what fails is finished by the next run.
func (s *Store) land(id string, records []landing, due map[string]time.Time) error {
	dir, j, err := s.stage(id, records, due)
	if err != nil {
		if dir != "" {
			_ = os.RemoveAll(dir)
		}
		return fmt.Errorf("nothing was imported: %w", err)
	}
	if err := s.rollForward(dir, j); err != nil {
		return fmt.Errorf("the import stopped part way (%w); the next aftercare that writes, or this import run again, finishes it", err)
	}
	return nil
}

// stage writes every record to a new staging folder, then the journal;
// it returns the folder once it has made it, even if it then fails.
func (s *Store) stage(id string, records []landing, due map[string]time.Time) (string, journal, error) {
	j := journal{Import: id, Due: due}
	var folders []string
	for _, r := range records {
		if folder := filepath.Dir(r.path); !slices.Contains(folders, folder) {
			folders = append(folders, folder)
		}
	}
	for _, folder := range append(folders, s.tmpDir()) {
		if err := ensureDir(folder); err != nil {
			return "", j, err
		}
	}
	dir, err := os.MkdirTemp(s.tmpDir(), stagingPrefix+id+"-*")
	if err != nil {
		return "", j, err
	}
	// The staging folder and the folders the records go to must outlive a
	// power cut before anything is moved.
	for _, parent := range []string{s.dir, s.tmpDir()} {
		if err := syncDir(parent); err != nil {
			return dir, j, err
		}
	}
	reached("staging")
	if j.Moves, err = s.stageFiles(dir, records); err != nil {
		return dir, j, err
	}
	if err := syncDir(dir); err != nil {
		return dir, j, err
	}
	data, err := json.Marshal(j)
	if err != nil {
		return dir, j, err
	}
	if err := writeAtomic(dir, filepath.Join(dir, journalName), data); err != nil {
		return dir, j, err
	}
	reached("journal")
	return dir, j, nil
}

// stagingWriters is how many files of an import are written and synced at
// once. Each sync waits on the disk, and a file system can commit syncs
// that wait together in one go: ten thousand check-ins landed in 5 s
// instead of 8.5 (see BENCHMARKS.md), and more writers gained nothing.
const stagingWriters = 8

// stageFiles writes each record, sealed if the store is locked, to its own
// synced file in the staging folder dir, named by its place in records,
// several at once; it says where each goes. At the first failure it
// starts no more, and waits for those under way.
func (s *Store) stageFiles(dir string, records []landing) ([]move, error) {
	moves := make([]move, len(records))
	jobs := make(chan int)
	// Room for every writer's answer, so that none waits on a stage that
	// has stopped listening.
	done := make(chan error, stagingWriters)
	for range min(stagingWriters, len(records)) {
		go func() {
			for i := range jobs {
				done <- s.stageFile(dir, i, records[i], &moves[i])
			}
		}()
	}
	defer close(jobs)
	var failed error
	sent, finished := 0, 0
	for finished < sent || failed == nil && sent < len(records) {
		var send chan<- int
		if failed == nil && sent < len(records) {
			send = jobs
		}
		select {
		case send <- sent:
			sent++
		case err := <-done:
			finished++
			if err != nil {
				failed = cmp.Or(failed, err)
				continue
			}
			reached("staged")
		}
	}
	return moves, failed
}

// stageFile writes the i'th record of an import to the staging folder dir,
// and fills in where it goes.
func (s *Store) stageFile(dir string, i int, r landing, m *move) error {
	to, err := filepath.Rel(s.dir, r.path)
	if err != nil {
		return err
	}
	data, err := s.sealed(r.data)
	if err != nil {
		return err
	}
	*m = move{From: strconv.Itoa(i), To: filepath.ToSlash(to)}
	f, err := os.OpenFile(filepath.Join(dir, m.From), os.O_WRONLY|os.O_CREATE|os.O_EXCL, fileMode)
	if err != nil {
		return err
	}
	return fill(f, data)
}

// rollForward moves into place every file of a staging folder whose
// journal was written, notes the import finished, and removes the folder.
// It can be run again after it was cut short: a file no longer in the
// folder was moved before. A file found where one goes was put there by
// hand since (aftercare writes nothing while a journal waits); it is kept,
// and the import's own copy dropped.
func (s *Store) rollForward(dir string, j journal) error {
	targets := make([]string, len(j.Moves))
	var folders []string
	for i, m := range j.Moves {
		targets[i] = filepath.Join(s.dir, filepath.FromSlash(m.To))
		if folder := filepath.Dir(targets[i]); !slices.Contains(folders, folder) {
			folders = append(folders, folder)
		}
	}
	if err := s.mayWrite(targets...); err != nil {
		return err
	}
	for _, folder := range folders {
		if err := ensureDir(folder); err != nil {
			return err
		}
	}
	for i, m := range j.Moves {
		from := filepath.Join(dir, m.From)
		info, err := os.Lstat(from)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			continue
		case err != nil:
			return err
		case !info.Mode().IsRegular() || fileExists(targets[i]):
			continue
		}
		if err := os.Rename(from, targets[i]); err != nil {
			return err
		}
		reached("moved")
	}
	for _, folder := range folders {
		if err := syncDir(folder); err != nil {
			return err
		}
	}
	reached("synced")
	if err := s.noteWaiting(j.Due); err != nil {
		return err
	}
	if err := writeAtomic(s.tmpDir(), s.finishedNote(j.Import), nil); err != nil {
		return err
	}
	reached("noted")
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	reached("cleared")
	return nil
}

// finishStaged finishes the import in a staging folder, or takes it back
// when its journal was never written whole.
func (s *Store) finishStaged(dir string) error {
	j, err := readJournal(dir)
	if err != nil {
		// Left over, if it cannot be removed, it is in no one's way.
		_ = os.RemoveAll(dir)
		return nil
	}
	if err := s.rollForward(dir, j); err != nil {
		return fmt.Errorf("an import that was cut short cannot be finished: %w", err)
	}
	return nil
}

// errBadJournal is a journal aftercare did not write.
var errBadJournal = errors.New("not a journal aftercare wrote")

// readJournal reads a staging folder's journal, which must say to move
// only files of the folder, and only to where records are kept.
func readJournal(dir string) (journal, error) {
	var j journal
	data, err := readRecord(filepath.Join(dir, journalName), "journal", maxJournalBytes, nil)
	if err != nil {
		return j, err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&j); err != nil {
		return j, err
	}
	if !strings.HasPrefix(filepath.Base(dir), stagingPrefix+j.Import+"-") || !isHex(j.Import) {
		return j, errBadJournal
	}
	for _, m := range j.Moves {
		if !isDigits(m.From) || !recordPlace(m.To) {
			return j, errBadJournal
		}
	}
	return j, nil
}

// recordPlace says whether to, from the data folder, is where a record
// would be kept: profiles/NAME.yaml or sessions/ID.json.
func recordPlace(to string) bool {
	folder, name, _ := strings.Cut(to, "/")
	switch folder {
	case "profiles":
		base, ok := strings.CutSuffix(name, ".yaml")
		return ok && base != "" && strings.Trim(base, "-") != "" && !strings.ContainsFunc(base, func(r rune) bool { return r != '-' && !isLetterOrDigit(r) })
	case "sessions":
		id, ok := strings.CutSuffix(name, ".json")
		return ok && validSessionID(id)
	}
	return false
}

func isHex(text string) bool {
	_, err := hex.DecodeString(text)
	return err == nil && text != ""
}

func isDigits(text string) bool {
	return text != "" && strings.Trim(text, "0123456789") == ""
}
