package profile

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/aftercare-tui/aftercare/catalog"
)

// SessionEntry is one session file: the session, or why it cannot be read.
type SessionEntry struct {
	Path    string
	Session *Session
	Err     error
	// figures are what the index keeps of the session's figures, when
	// the session came from it.
	figures []figures
}

// SaveSession writes a session to history, unless history is switched off.
// The names in it are saved in one Unicode form (NFC), and the bytes are
// read back as history reads them before anything is written.
func (s *Store) SaveSession(sess *Session) error {
	if !s.keepHistory {
		return ErrHistoryOff
	}
	data, err := encodeSession(sess)
	if err != nil {
		return fmt.Errorf("session not saved: %w", err)
	}
	return s.locked(func() error {
		if err := s.write(s.sessionPath(sess.ID), data); err != nil {
			return err
		}
		return s.noteDue(sess)
	})
}

func (s *Store) sessionPath(id string) string {
	return filepath.Join(s.sessionsDir(), id+".json")
}

// Sessions reads every session, newest first. Damaged files are listed with
// their error and do not stop the others from being read; a file removed
// since the folder was listed is simply gone. The list is never nil
// without an error, so nil can stand for "not read yet".
func (s *Store) Sessions() ([]SessionEntry, error) {
	entries := []SessionEntry{}
	if err := s.EachSession(func(e SessionEntry) { entries = append(entries, e) }); err != nil {
		return nil, err
	}
	NewestFirst(entries)
	return entries, nil
}

// EachSession reads every session and hands each to fn, damaged ones with
// their error, one at a time and in no set order; a file removed since the
// folder was listed is skipped. Files are read side by side, since history
// can hold years of sessions, and nothing is kept: a command that needs
// only part of each session holds no more than that.
func (s *Store) EachSession(fn func(SessionEntry)) error {
	if err := s.checkPlaces(); err != nil {
		return err
	}
	paths, err := dataFiles(s.sessionsDir(), ".json")
	if err != nil {
		return err
	}
	s.readEach(paths, fn)
	return nil
}

// readEach reads the session files at paths side by side and hands each
// to fn, one at a time and in the order of paths, damaged ones with their
// error; a file removed since it was listed is skipped.
func (s *Store) readEach(paths []string, fn func(SessionEntry)) {
	s.readEachOf(len(paths), func(i int) string { return paths[i] }, fn)
}

// readEachOf is readEach of the n files path names, each path made only
// as it is read: a long list of them need not be held.
func (s *Store) readEachOf(n int, path func(i int) string, fn func(SessionEntry)) {
	if n == 0 {
		return
	}
	// Each file is opened in the folder, which is opened once; a folder
	// that cannot be opened leaves each file to its own path, and to say
	// why it cannot be read.
	dir, err := os.Open(s.sessionsDir())
	if err == nil {
		defer dir.Close()
	}
	type job struct {
		path string
		read chan SessionEntry
	}
	workers := min(4*runtime.GOMAXPROCS(0), n)
	jobs := make(chan job)
	// Whichever worker is free reads the next file into that file's own
	// slot; the slots wait in the order of paths, a few per worker at most.
	slots := make(chan chan SessionEntry, 2*workers)
	go func() {
		for i := range n {
			read := make(chan SessionEntry, 1)
			slots <- read
			jobs <- job{path(i), read}
		}
		close(jobs)
		close(slots)
	}()
	for range workers {
		go func() {
			var buf []byte
			for j := range jobs {
				var e SessionEntry
				e, buf = s.readSession(dir, j.path, buf)
				j.read <- e
			}
		}()
	}
	for read := range slots {
		if e := <-read; !errors.Is(e.Err, fs.ErrNotExist) {
			fn(e)
		}
	}
}

// Lineup is the sessions a listing shows, newest first, each held only by
// what places it among the others (its file, id and start: some fifty
// bytes), so that listing years of check-ins holds none of them whole;
// EachInOrder reads each in its turn. The zero Lineup is empty.
type Lineup struct {
	dir         string
	sessions    []lined
	oldestFirst bool
}

// OldestFirst turns the lineup round, oldest first, as an export keeps
// the records.
func (l *Lineup) OldestFirst() { l.oldestFirst = true }

// lined is a session in a Lineup: its file is its name in the folder of
// the first session added, or its whole path if it is elsewhere, and its id shares the
// file's bytes when the file is named after it, as saved ones are.
type lined struct {
	sec  int64
	nsec int32
	file string
	id   string
}

// Add places the session of e, which has one.
func (l *Lineup) Add(e SessionEntry) {
	file := e.Path
	dir, name := filepath.Split(e.Path)
	if len(l.sessions) == 0 {
		l.dir = filepath.Clean(dir)
	}
	if filepath.Clean(dir) == l.dir {
		file = name
	}
	file = strings.Clone(file)
	id := e.Session.ID
	if strings.TrimSuffix(file, ".json") == id {
		id = file[:len(id)]
	} else {
		id = strings.Clone(id)
	}
	at := e.Session.Started
	l.sessions = append(l.sessions, lined{sec: at.Unix(), nsec: int32(at.Nanosecond()), file: file, id: id})
}

// Len is how many sessions are in the lineup.
func (l *Lineup) Len() int { return len(l.sessions) }

func (l *Lineup) path(p lined) string {
	if filepath.IsAbs(p.file) {
		return p.file
	}
	return filepath.Join(l.dir, p.file)
}

// sort puts the sessions in the order of NewestFirst.
func (l *Lineup) sort() {
	slices.SortStableFunc(l.sessions, func(a, b lined) int {
		return cmp.Or(cmp.Compare(b.sec, a.sec), cmp.Compare(b.nsec, a.nsec), strings.Compare(b.id, a.id),
			strings.Compare(l.path(a), l.path(b)))
	})
}

// EachInOrder reads the whole record of each session in the lineup,
// newest first unless it was turned round, and hands it to fn; one that
// cannot be read now is handed with its error, and a file removed since it
// was listed is skipped. Records are read a batch at a time, side by side,
// the next batch while fn takes the last, so that a history of years is
// never held at once.
func (s *Store) EachInOrder(l *Lineup, fn func(SessionEntry) error) error {
	l.sort()
	if l.oldestFirst {
		slices.Reverse(l.sessions)
	}
	return s.readBatches(func(send func([]SessionEntry) bool) error {
		for start := 0; start < len(l.sessions); start += wholeBatch {
			part := l.sessions[start:min(start+wholeBatch, len(l.sessions))]
			entries := make([]SessionEntry, len(part))
			for i, p := range part {
				entries[i].Path = l.path(p)
			}
			if !send(entries) {
				break
			}
		}
		return nil
	}, fn)
}

// wholeBatch is how many records are read whole side by side.
const wholeBatch = 256

// EachWholeNewestFirst hands keep every session as the index keeps it, and
// each file that cannot be read, with its error; then it hands fn the
// whole record of each session keep kept, newest first (see EachInOrder).
// When the index vouches for the folder (see vouch.go) and holds every
// session unchanged and in order, it is read twice from the same open
// file, to check that and then to read the records in its order, and
// nothing is held of the sessions passed; otherwise those kept are lined
// up first. keep may be called on another goroutine than fn.
func (s *Store) EachWholeNewestFirst(keep func(SessionEntry) bool, fn func(SessionEntry) error) error {
	if err := s.checkPlaces(); err != nil {
		return err
	}
	if done, err := s.eachWholeVouched(keep, fn); done {
		return err
	}
	var order Lineup
	err := s.EachSummary(func(e SessionEntry) {
		if keep(e) && e.Session != nil {
			order.Add(e)
		}
	})
	if err != nil {
		return err
	}
	return s.EachInOrder(&order, fn)
}

// eachWholeVouched is EachWholeNewestFirst from a vouched index in order;
// false when there is none, before anything was handed.
func (s *Store) eachWholeVouched(keep func(SessionEntry) bool, fn func(SessionEntry) error) (bool, error) {
	v, ok := s.openVouched()
	if !ok {
		return false, nil
	}
	defer v.Close()
	unchanged, order := true, indexInOrder()
	whole := s.readIndex(v.index, v.look, func(e indexEntry) {
		order.next(&e)
		unchanged = unchanged && e.unchanged
	})
	if !whole || !unchanged || !order.kept {
		return false, nil
	}
	return true, s.readBatches(func(send func([]SessionEntry) bool) error {
		batch := make([]SessionEntry, 0, wholeBatch)
		sending := true
		whole := s.readIndex(v.index, nil, func(e indexEntry) {
			entry := v.entry(&e)
			if !sending || !keep(entry) {
				return
			}
			batch = append(batch, SessionEntry{Path: entry.Path})
			if len(batch) == wholeBatch {
				sending = send(batch)
				batch = make([]SessionEntry, 0, wholeBatch)
			}
		})
		if sending && len(batch) > 0 {
			send(batch)
		}
		if !whole && sending {
			return fmt.Errorf("%s changed while it was read; run the command again", s.indexPath())
		}
		return nil
	}, fn)
}

// readBatches reads whole the batches that produce sends, side by side,
// the next while fn takes the entries of the last, in order. send says
// whether to go on: not once fn has failed.
func (s *Store) readBatches(produce func(send func([]SessionEntry) bool) error, fn func(SessionEntry) error) error {
	batches := make(chan []SessionEntry, 1)
	stop := make(chan struct{})
	produced := make(chan error, 1)
	go func() {
		defer close(batches)
		produced <- produce(func(part []SessionEntry) bool {
			select {
			case <-stop:
				return false
			default:
			}
			select {
			case batches <- s.readInOrder(part):
				return true
			case <-stop:
				return false
			}
		})
	}()
	var err error
	for part := range batches {
		for _, e := range part {
			if err = fn(e); err != nil {
				break
			}
		}
		if err != nil {
			break
		}
	}
	close(stop)
	for range batches {
	}
	if perr := <-produced; err == nil {
		err = perr
	}
	return err
}

// readInOrder reads the records of the entries side by side and gives
// them in the same order, leaving out a file removed since it was listed.
func (s *Store) readInOrder(entries []SessionEntry) []SessionEntry {
	read := make([]SessionEntry, 0, len(entries))
	s.readEachOf(len(entries), func(i int) string { return entries[i].Path }, func(e SessionEntry) { read = append(read, e) })
	return read
}

// NewestFirst sorts sessions by when they started, newest first, damaged
// files last by name, so that a listing stays stable.
func NewestFirst(entries []SessionEntry) { slices.SortStableFunc(entries, newestFirst) }

// readSession reads one session file, using buf for its bytes; it returns
// buf to be used again, since nothing read keeps a reference to it. A
// file in the open folder dir is opened by its name there; dir may be nil.
func (s *Store) readSession(dir *os.File, path string, buf []byte) (SessionEntry, []byte) {
	e := SessionEntry{Path: path}
	data, err := readSealable(dir, path, "session", MaxSessionBytes, buf)
	if err == nil {
		buf = data
		data, err = s.opened(path, data)
	}
	if err == nil {
		e.Session, err = decodeSession(path, data)
	}
	if err == nil && filepath.Base(path) != e.Session.ID+".json" {
		e.Session, err = nil, misnamed(path, data, e.Session)
	}
	e.Err = err
	return e, buf
}

// newestFirst orders sessions by when they started, damaged files last
// (by name), so that a listing stays stable.
func newestFirst(a, b SessionEntry) int {
	switch {
	case a.Session == nil && b.Session == nil:
		return strings.Compare(a.Path, b.Path)
	case a.Session == nil:
		return 1
	case b.Session == nil:
		return -1
	}
	return cmp.Or(b.Session.Started.Compare(a.Session.Started), strings.Compare(b.Session.ID, a.Session.ID), strings.Compare(a.Path, b.Path))
}

// Session returns the session with id.
func (s *Store) Session(id string) (*Session, error) {
	if !validSessionID(id) {
		return nil, s.noSession(id)
	}
	if err := s.checkPlaces(); err != nil {
		return nil, err
	}
	e, _ := s.readSession(nil, s.sessionPath(id), nil)
	if os.IsNotExist(e.Err) {
		return nil, s.noSession(id)
	}
	return e.Session, e.Err
}

// Filter picks sessions for a history listing.
type Filter struct {
	Person string    // only sessions with this person; "" for all
	Since  time.Time // only sessions started at or after this; zero for all
}

// Keep says whether a session passes the filter; a private follow-up
// never does.
func (f Filter) Keep(s *Session) bool {
	if !s.Listed() || f.Person != "" && !s.has(f.Person) {
		return false
	}
	return f.Since.IsZero() || !s.Started.Before(f.Since)
}

// noSession says, as ErrNotFound, that there is no session id, with the
// one likely meant: the only one whose id begins with it (an id cut short
// when it was copied), or else the only one a slip from it. Any two ids
// differ in their last six characters, chosen at random, so one further
// away is someone else's check-in, not a typo. Their names are their
// files', so this needs no key, locked or not.
func (s *Store) noSession(id string) error {
	paths, _ := dataFiles(s.sessionsDir(), ".json")
	var starting, slipped []string
	for _, p := range paths {
		saved := strings.TrimSuffix(filepath.Base(p), ".json")
		switch {
		case id != "" && strings.HasPrefix(saved, id):
			starting = append(starting, saved)
		case oneSlip(id, saved):
			slipped = append(slipped, saved)
		}
	}
	meant := ""
	switch {
	case len(starting) == 1:
		meant = starting[0]
	case len(starting) == 0 && len(slipped) == 1:
		meant = slipped[0]
	}
	return fmt.Errorf("no session %s: %w%s", catalog.Quoted(id), ErrNotFound, catalog.MeanHint(meant))
}

// PeopleSeen gathers the names of the people of the check-ins it is
// given, each under its compared form: when a name asked about is none of
// them, it gives the one the name was likely meant to be.
type PeopleSeen map[string]string

// Add notes the people of s.
func (p PeopleSeen) Add(s *Session) {
	for _, n := range s.People {
		if key := nameKey(n); p[key] == "" {
			p[key] = n
		}
	}
}

// Hint is ` (did you mean "Sam"?)` when name is no one seen and someone
// seen is likely what was meant; "" otherwise.
func (p PeopleSeen) Hint(name string) string {
	if p[nameKey(name)] != "" {
		return ""
	}
	return catalog.MeanHint(nearestOf(slices.Collect(maps.Values(p)), name))
}

// ParseSince reads how far back to look: a number of days, weeks or hours
// ("30d", "2w", "12h") before now, or a date ("2026-11-01").
func ParseSince(text string, now time.Time) (time.Time, error) {
	text = strings.TrimSpace(text)
	if t, err := time.ParseInLocation("2006-01-02", text, now.Location()); err == nil {
		return t, nil
	}
	if len(text) >= 2 {
		n, err := strconv.Atoi(text[:len(text)-1])
		if err == nil && n >= 0 {
			switch text[len(text)-1] {
			case 'd':
				return now.AddDate(0, 0, -n), nil
			case 'w':
				return now.AddDate(0, 0, -7*n), nil
			case 'h':
				return now.Add(-time.Duration(n) * time.Hour), nil
			}
		}
	}
	return time.Time{}, fmt.Errorf("%s is not a time: use days, weeks or hours back (30d, 2w, 12h) or a date (2026-11-01)", catalog.Quoted(text))
}
