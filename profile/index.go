package profile

import (
	"bufio"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"cmp"
	"errors"
	"github.com/aftercare-tui/aftercare/catalog"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
)

// The index (.index in the data folder) keeps, for each session file, what
// most commands need without reading the file: when it started, who was
// there, its kind and situation, what was chosen, who a follow-up is for
// and whether it is done, and the ratings. It is derived, never the only
// copy of anything: a file whose size, time or inode differs from what the
// index says, or that the index lacks, is read again; an index that is
// missing, damaged or of another version is rebuilt. Readers write it,
// atomically and under the folder's lock, only when it changed and only if
// the lock is free at once (one that makes it from nothing holds the lock
// while it reads, for a few seconds at most); writers of records leave it
// alone, and the next reader sees what they changed. Forget removes it,
// since it holds names.

// maxIndexBytes bounds what is read as an index: a larger one is rebuilt.
const maxIndexBytes = 64 << 20

// indexEntry is one session as the index keeps it, with the stamp of the
// file it was read from.
type indexEntry struct {
	File string
	stamp
	// sess is the session without what was shared or noted: enough to
	// list it, follow it up, and rank by its ratings.
	sess Session
	// figures are what each of its people adds to the figures.
	figures []figures
	// unchanged is set when its file was looked at as the index was read
	// and is as the entry says.
	unchanged bool
}

// stamp is what tells that a file changed since it was read.
type stamp struct {
	Size  int64
	Mod   int64
	Inode uint64
}

func stampOf(info fs.FileInfo) stamp {
	return stamp{Size: info.Size(), Mod: info.ModTime().UnixNano(), Inode: inode(info)}
}

func (s *Store) indexPath() string { return filepath.Join(s.dir, ".index") }

// summary is what the index keeps of a session, its figures worked out
// with the catalogue.
func summary(cat *catalog.Catalog, file string, st stamp, sess *Session) indexEntry {
	e := indexEntry{File: file, stamp: st, figures: figuresOf(cat, sess), sess: Session{ID: sess.ID, Started: sess.Started, Mode: sess.Mode, Kind: sess.Kind,
		Situation: sess.Situation, People: sess.People, Chosen: sess.Chosen, Ratings: sess.Ratings}}
	if f := sess.FollowUp; f != nil {
		e.sess.FollowUp = &FollowUp{For: f.For, Done: f.Done}
	}
	return e
}

// Summaries lists every session as the index keeps it, newest first,
// then the files that cannot be read, each with its error, by name (see
// EachSummary). The list is never nil without an error, so that nil can
// stand for "not read yet".
func (s *Store) Summaries() ([]SessionEntry, error) {
	out := []SessionEntry{}
	if err := s.EachSummary(func(e SessionEntry) { out = append(out, e) }); err != nil {
		return nil, err
	}
	NewestFirst(out)
	return out, nil
}

// EachSummary hands fn every session as the index keeps it, one at a time
// and in no set order, then each file that cannot be read, with its
// error. A summary has no shared answers and no note: Session, or
// EachInOrder, reads the whole record. Only files that are new or changed
// since the index was written are read, and nothing is kept: a command
// that needs a little of each session holds no more than that, whatever
// the length of the history. When the index vouches for the folder (see
// vouch.go), the folder is not even listed.
func (s *Store) EachSummary(fn func(SessionEntry)) error {
	s.summarizing.Lock()
	defer s.summarizing.Unlock()
	if err := s.checkPlaces(); err != nil {
		return err
	}
	handed, done := s.eachVouched(fn)
	if done {
		return nil
	}
	return s.eachListed(handed, fn)
}

// eachVouched hands fn every session from an index that vouches for the
// folder, looking at each file by the name the index gives. It says
// whether that was all of them; when it was not (a file changed, or the
// index could not be read to its end), handed names those already handed,
// for the listing to pass over.
func (s *Store) eachVouched(fn func(SessionEntry)) (handed map[string]bool, done bool) {
	v, ok := s.openVouched()
	if !ok {
		return nil, false
	}
	defer v.Close()
	if s.background && v.size > tightAbove*shortestIndexLine {
		defer collectTightly()()
	}
	read := 0
	var changed []string
	order := indexInOrder()
	whole := s.readIndex(v.index, v.look, func(e indexEntry) {
		read++
		order.next(&e)
		if !e.unchanged {
			changed = append(changed, e.File)
			return
		}
		fn(v.entry(&e))
	})
	if whole && len(changed) == 0 && order.kept {
		return nil, true
	}
	// Rarely, the index is not all it vouched for, or not in its order:
	// those handed are the entries read from the same open file but those
	// that changed, and the listing writes the index again.
	handed = map[string]bool{}
	again := 0
	s.readIndex(v.index, nil, func(e indexEntry) {
		if again < read {
			handed[e.File] = true
		}
		again++
	})
	for _, name := range changed {
		delete(handed, name)
	}
	return handed, false
}

// eachListed hands fn every session but those already handed, listing
// the folder and reading what the index lacks or has wrong, and writes
// the index again if it was not right. An index that was right, of a
// folder that stayed the same, is vouched for.
func (s *Store) eachListed(handed map[string]bool, fn func(SessionEntry)) error {
	lookedAt := time.Now()
	folder, folderErr := s.folderStamp()
	listed, err := s.listSessions()
	if err != nil {
		return err
	}
	if s.background && len(listed.names) > tightAbove {
		defer collectTightly()()
	}
	for name := range handed {
		if f := listed.find(name); f != nil {
			f.seen = true
		}
	}
	dir := s.sessionsDir()
	stale, kept := 0, 0
	order := indexInOrder()
	index, whole := s.eachIndexed(func(e indexEntry) {
		order.next(&e)
		f := listed.find(e.File)
		if f == nil || f.seen || !f.regular || f.stamp != e.stamp {
			stale++
			return
		}
		f.seen = true
		kept++
		fn(SessionEntry{Path: filepath.Join(dir, e.File), Session: &e.sess, figures: e.figures})
	})
	// What is left to read is held by its place in the listing: a path
	// for each of a history of years would be as much again.
	var toRead []int32
	for i := range listed.names {
		if !listed.files[i].seen {
			toRead = append(toRead, int32(i))
		}
	}
	var damaged []SessionEntry
	read := func(unread []int32, each func(*indexEntry)) {
		s.readEachOf(len(unread), func(i int) string { return filepath.Join(dir, listed.names[unread[i]]) }, func(e SessionEntry) {
			if e.Err != nil {
				damaged = append(damaged, e)
				return
			}
			name := filepath.Base(e.Path)
			sum := summary(s.cat, name, listed.find(name).stamp, e.Session)
			fn(SessionEntry{Path: e.Path, Session: &sum.sess, figures: sum.figures})
			each(&sum)
		})
	}
	// The index is written again when it lacks a file (it could not be
	// read to its end, or a record is new) or holds one that has gone or
	// changed: as the files are read when none of it could be used, or it
	// lacks many.
	rebuilt := len(handed) == 0 && len(toRead) > 0 && (kept == 0 || len(toRead) > heldAtMost && order.kept)
	left := toRead
	if rebuilt {
		slices.Reverse(toRead)
		left = s.rebuildIndex(listed, toRead, kept > 0, read)
	}
	var fresh []indexEntry
	if rebuilt && len(left) == len(toRead) {
		// Another holds the lock: nothing is held for an index, and the
		// next reader makes it.
		read(left, func(*indexEntry) {})
	} else {
		read(left, func(e *indexEntry) { fresh = append(fresh, *e) })
	}
	switch {
	case len(fresh) > 0 || !rebuilt && (stale > 0 || !order.kept):
		s.rewriteIndex(listed, fresh)
	case whole && handed == nil && !rebuilt && len(toRead) == 0 && folderErr == nil:
		s.vouch(folder, lookedAt, index)
	}
	NewestFirst(damaged)
	for _, e := range damaged {
		fn(e)
	}
	return nil
}

// indexHeader is the index's first line: its format, and the catalogue
// its figures were worked out with, so that an index made with another
// catalogue (a new version, a person's own files) is made again. Format 3
// holds only files named after their session (see misnamed); an index of
// format 2 may hold copies, and is made again.
func (s *Store) indexHeader() string {
	s.headerOnce.Do(func() {
		questions, err := json.Marshal(s.cat.Questions)
		sum := sha256.Sum256(questions)
		s.header = fmt.Sprintf("aftercare index 3 %x", sum[:12])
		if err != nil {
			// Figures that cannot be told apart are never kept.
			s.header = "aftercare index 3 unknown " + strconv.FormatInt(time.Now().UnixNano(), 10)
		}
	})
	return s.header
}

// listedFile is a session file as the folder lists it.
type listedFile struct {
	stamp
	regular bool
	// seen is set once the index has given the file, and indexed once it
	// is written into a new index.
	seen, indexed bool
}

// listing is every session file, by name: names sorted, and what was seen
// of each at the same place in files. Two lists searched by halves hold
// half of what a map of them would, and a folder of years of check-ins
// is listed often.
type listing struct {
	names []string
	files []listedFile
}

// unmarkIndexed forgets which files were written into a new index.
func (l *listing) unmarkIndexed() {
	for i := range l.files {
		l.files[i].indexed = false
	}
}

// find is what was seen of the file with this name, or nil.
func (l *listing) find(name string) *listedFile {
	if i, ok := slices.BinarySearch(l.names, name); ok {
		return &l.files[i]
	}
	return nil
}

// listSessions looks at every session file.
func (s *Store) listSessions() (*listing, error) {
	dir, err := os.Open(s.sessionsDir())
	if errors.Is(err, fs.ErrNotExist) {
		return &listing{}, nil
	}
	if err != nil {
		return nil, err
	}
	defer dir.Close()
	names, err := dir.Readdirnames(-1)
	if err != nil {
		return nil, notAFolder(s.sessionsDir(), err)
	}
	names = slices.DeleteFunc(names, func(name string) bool {
		return strings.HasPrefix(name, ".") || !strings.HasSuffix(name, ".json")
	})
	slices.Sort(names)
	// Looking at each file is most of the cost: it is shared out, since
	// the kernel can look at several at once.
	looked := make([]listedFile, len(names))
	gone := make([]bool, len(names))
	var wg sync.WaitGroup
	workers := min(runtime.GOMAXPROCS(0), max(1, len(names)/512))
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(names); i += workers {
				st, regular, err := statIn(dir, names[i])
				switch {
				case errors.Is(err, fs.ErrNotExist):
					gone[i] = true
				case err == nil:
					looked[i] = listedFile{stamp: st, regular: regular}
				}
			}
		})
	}
	wg.Wait()
	out := &listing{names: names[:0], files: looked[:0]}
	for i, name := range names {
		if !gone[i] {
			out.names, out.files = append(out.names, name), append(out.files, looked[i])
		}
	}
	return out, nil
}

// eachIndexed reads the index and hands fn each entry, saying whether it
// was read whole, and the stamp of the file it was read from: one
// missing, damaged, too large or of another version is as good as missing
// from where it went wrong.
func (s *Store) eachIndexed(fn func(indexEntry)) (stamp, bool) {
	f, err := os.OpenFile(s.indexPath(), os.O_RDONLY|noFollow|nonBlock, 0)
	if err != nil {
		return stamp{}, false
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() {
		return stamp{}, false
	}
	return stampOf(info), s.readIndex(f, nil, fn)
}

// readIndex reads the open index f from its start (see eachIndexed), with
// check called on each entry as it is decoded.
func (s *Store) readIndex(f *os.File, check func(*indexEntry), fn func(indexEntry)) bool {
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return false
	}
	r, ok := s.openedIndex(io.LimitReader(f, int64(sealedLimit(maxIndexBytes))))
	return ok && eachIndexed(r, s.indexHeader(), maxIndexBytes, s.background, check, fn)
}

// rewriteIndex saves the index anew, from what of the old one still holds
// and what was read since, if the folder's lock is free at once; it
// leaves it for another run otherwise, or when the folder may not be
// changed. Under the lock each file is looked at again, so that nothing a
// writer changed meanwhile (a forget above all) is kept as it was. The old
// index is newest first as a rule, as the new one is kept, so the two are
// merged as the old one is read, holding nothing of it; one that is not
// in that order is sorted whole instead.
func (s *Store) rewriteIndex(listed *listing, fresh []indexEntry) {
	s.indexing.Lock()
	defer s.indexing.Unlock()
	if s.closed {
		return
	}
	_ = s.tryLocked(func() error {
		slices.SortFunc(fresh, indexOrder)
		err := s.writeIndex(func(emit func(*indexEntry) error) error {
			return s.mergeIndexed(listed, fresh, emit)
		})
		if !errors.Is(err, errIndexOutOfOrder) {
			return err
		}
		return s.writeIndex(func(emit func(*indexEntry) error) error {
			entries := s.keptIndexed(listed, fresh)
			slices.SortFunc(entries, indexOrder)
			for i := range entries {
				if err := emit(&entries[i]); err != nil {
					return err
				}
			}
			return nil
		})
	})
}

// rebuildHoldsLock is about how long making the index anew, as the files
// are read, keeps the folder's lock from writers, who wait for it; on a
// disk slow enough that a history takes longer, the rest is read as any
// other files the index lacks. rebuildChunk is how many files are read
// between looks at the time. Tests make both small.
var (
	rebuildHoldsLock = 5 * time.Second
	rebuildChunk     = 1024
)

// heldAtMost is how many files an index may lack and still be written
// again from what is read held in memory, without keeping writers waiting
// while they are read; more, as after an import, are written as read.
const heldAtMost = 1000

// rebuildIndex writes the index anew from the files at places in listed,
// and what of the old index still holds when withOld is set, newest first
// by their names as a rule, as read hands it their entries: under the
// folder's lock, taken only if it is free at once and held while they are
// read, so that they need not be held to be written. The old index, newest
// first as it is written, is merged in as it is read; only the entries
// read that come out of order are held, and merged in after (a session's
// name says when it started, so there are few). It says which places are
// left to read (those after rebuildHoldsLock, or all without the lock),
// for the caller to read and write as any files the index lacks.
func (s *Store) rebuildIndex(listed *listing, places []int32, withOld bool, read func(places []int32, each func(*indexEntry))) (left []int32) {
	s.indexing.Lock()
	defer s.indexing.Unlock()
	left = places
	if s.closed {
		return left
	}
	_ = s.tryLocked(func() error {
		var held []indexEntry
		order := indexInOrder()
		began := time.Now()
		err := s.writeIndex(func(emit func(*indexEntry) error) error {
			old := s.stillIndexed(listed, withOld)
			defer old.stop()
			var err error
			for len(left) > 0 && err == nil && (len(left) == len(places) || time.Since(began) < rebuildHoldsLock) {
				chunk := left[:min(len(left), rebuildChunk)]
				left = left[len(chunk):]
				read(chunk, func(e *indexEntry) {
					switch {
					case err != nil:
					case namedForItsStart(e) && order.takes(e):
						// Its file is written once, should the old index
						// have changed since and hold it too.
						listed.find(e.File).indexed = true
						if err = old.emitBefore(e, emit); err == nil {
							err = emit(e)
						}
					default:
						held = append(held, *e)
					}
				})
			}
			if err != nil {
				return err
			}
			return old.emitBefore(nil, emit)
		})
		if err != nil || len(held) == 0 {
			return err
		}
		slices.SortFunc(held, indexOrder)
		return s.writeIndex(func(emit func(*indexEntry) error) error {
			return s.mergeIndexed(listed, held, emit)
		})
	})
	return left
}

// oldEntries are the entries of the old index that still hold, newest
// first, pulled one at a time as a new index is written.
type oldEntries struct {
	next    func() (indexEntry, bool)
	stop    func()
	pending indexEntry
	// pulled is set once the first has been pulled: not before anything
	// is written, so that a file the writer marks first is not written
	// twice.
	pulled, any bool
	// outOfOrder is set when the old index turned out not to be newest
	// first; what followed is left out.
	outOfOrder bool
}

// stillIndexed pulls, under the lock, the entries of the old index that
// still hold (see stillHolds), when with is set; none otherwise.
func (s *Store) stillIndexed(listed *listing, with bool) *oldEntries {
	if !with {
		return &oldEntries{next: func() (indexEntry, bool) { return indexEntry{}, false }, stop: func() {}}
	}
	listed.unmarkIndexed()
	entries, stop := iter.Pull(func(yield func(indexEntry) bool) {
		stopped := false
		s.eachIndexed(func(e indexEntry) {
			stopped = stopped || !yield(e)
		})
	})
	order := indexInOrder()
	o := &oldEntries{stop: stop}
	o.next = func() (indexEntry, bool) {
		for {
			e, ok := entries()
			switch {
			case !ok:
				return indexEntry{}, false
			case !s.stillHolds(listed, &e):
			case !order.next(&e):
				o.outOfOrder = true
				return indexEntry{}, false
			default:
				return e, true
			}
		}
	}
	return o
}

// emitBefore emits the old entries that come before e, or all that are
// left when e is nil.
func (o *oldEntries) emitBefore(e *indexEntry, emit func(*indexEntry) error) error {
	if !o.pulled {
		o.pending, o.any = o.next()
		o.pulled = true
	}
	for o.any && (e == nil || indexOrder(o.pending, *e) <= 0) {
		if err := emit(&o.pending); err != nil {
			return err
		}
		o.pending, o.any = o.next()
	}
	return nil
}

// namedForItsStart says whether a session's file is named, as aftercare
// names it, for the second it started: sessions so named come newest
// first when their names are read backwards. One imported from elsewhere
// may be named anything.
func namedForItsStart(e *indexEntry) bool {
	return strings.HasPrefix(e.File, e.sess.Started.UTC().Format(sessionIDTime))
}

// indexOrder is the order the index keeps, newest first, as listings
// show (see NewestFirst).
func indexOrder(a, b indexEntry) int {
	return cmp.Or(b.sess.Started.Compare(a.sess.Started), strings.Compare(b.sess.ID, a.sess.ID), strings.Compare(a.File, b.File))
}

var errIndexOutOfOrder = errors.New("the index is not newest first")

// inOrder follows whether entries come in the index's order.
type inOrder struct {
	last indexEntry
	seen bool
	kept bool
}

func indexInOrder() *inOrder { return &inOrder{kept: true} }

// follows says whether e comes after the last entry taken.
func (o *inOrder) follows(e *indexEntry) bool { return !o.seen || indexOrder(o.last, *e) <= 0 }

// takes takes e only if it comes after every entry taken so far.
func (o *inOrder) takes(e *indexEntry) bool {
	if !o.follows(e) {
		return false
	}
	o.last, o.seen = *e, true
	return true
}

// next takes the next entry, and says whether the order is kept so far.
func (o *inOrder) next(e *indexEntry) bool {
	o.kept = o.kept && o.follows(e)
	o.last, o.seen = *e, true
	return o.kept
}

// writeIndex writes the index from what source emits, in order, and .due
// from it before the index takes the old one's place.
func (s *Store) writeIndex(source func(emit func(*indexEntry) error) error) error {
	open := map[string]time.Time{}
	return s.writeFrom(s.indexPath(), func(w io.Writer) error {
		b := bufio.NewWriterSize(w, 64<<10)
		b.WriteString(s.indexHeader() + "\n")
		err := source(func(e *indexEntry) error {
			if openFollowUp(&e.sess) {
				open[e.sess.ID] = e.sess.Started
			}
			if !indexable(*e) {
				return nil
			}
			_, err := b.WriteString(encodeIndexLine(*e))
			return err
		})
		if err != nil {
			return err
		}
		return b.Flush()
	}, func() error { return s.writeDue(open) })
}

// mergeIndexed emits, newest first, what was read since and what of the
// old index still holds, as the old index is read; errIndexOutOfOrder
// when the old index is not newest first.
func (s *Store) mergeIndexed(listed *listing, fresh []indexEntry, emit func(*indexEntry) error) error {
	old := s.stillIndexed(listed, true)
	defer old.stop()
	fresh = s.stillHeld(listed, fresh)
	for i := range fresh {
		if err := old.emitBefore(&fresh[i], emit); err != nil {
			return err
		}
		if err := emit(&fresh[i]); err != nil {
			return err
		}
	}
	if err := old.emitBefore(nil, emit); err != nil {
		return err
	}
	if old.outOfOrder {
		return errIndexOutOfOrder
	}
	return nil
}

// keptIndexed is what was read since and what of the old index still
// holds, in no set order.
func (s *Store) keptIndexed(listed *listing, fresh []indexEntry) []indexEntry {
	listed.unmarkIndexed()
	entries := s.stillHeld(listed, fresh)
	s.eachIndexed(func(e indexEntry) {
		if s.stillHolds(listed, &e) {
			entries = append(entries, e)
		}
	})
	return entries
}

// stillHeld is those of entries that still hold (see stillHolds), in a
// slice of its own.
func (s *Store) stillHeld(listed *listing, entries []indexEntry) []indexEntry {
	return slices.DeleteFunc(slices.Clone(entries), func(e indexEntry) bool { return !s.stillHolds(listed, &e) })
}

// stillHolds says whether an entry is as its file is now, looked at again
// under the lock, and is the first of its file to be written; it marks
// the file as written.
func (s *Store) stillHolds(listed *listing, e *indexEntry) bool {
	f := listed.find(e.File)
	if f == nil || f.indexed || f.stamp != e.stamp {
		return false
	}
	info, err := os.Lstat(filepath.Join(s.sessionsDir(), e.File))
	if err != nil || stampOf(info) != e.stamp {
		return false
	}
	f.indexed = true
	return true
}

// dropIndex removes the index, and what vouches for it; the next reader
// rebuilds it from the records. It is called under the lock.
func (s *Store) dropIndex() error {
	for _, path := range []string{s.indexPath(), s.vouchPath()} {
		if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	return nil
}
