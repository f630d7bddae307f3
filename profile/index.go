package profile

import (
	"cmp"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"
)

// The index (.index in the data folder) keeps, for each session file, what
// most commands need without reading the file: when it started, who was
// there, its kind and situation, what was chosen, who a follow-up is for
// and whether it is done, and the ratings. It is derived, never the only
// copy of anything: a file whose size, time or inode differs from what the
// index says, or that the index lacks, is read again; an index that is
// missing, damaged or of another version is rebuilt. Readers write it, atomically and under the
// folder's lock, only when it changed and only if the lock is free at once;
// writers of records leave it alone, and the next reader sees what they
// changed. Forget removes it, since it holds names.

// maxIndexBytes bounds what is read as an index: a larger one is rebuilt.
const maxIndexBytes = 256 << 20

// indexEntry is one session as the index keeps it, with the stamp of the
// file it was read from.
type indexEntry struct {
	File string
	stamp
	ID        string
	Started   time.Time
	Mode      string
	Kind      string
	Situation string
	People    []string
	Chosen    []string
	For       []string
	Done      *time.Time
	Asked     bool
	Ratings   []Rating
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

// summary is what the index keeps of a session.
func summary(file string, st stamp, sess *Session) indexEntry {
	e := indexEntry{File: file, stamp: st, ID: sess.ID, Started: sess.Started, Mode: sess.Mode, Kind: sess.Kind,
		Situation: sess.Situation, People: sess.People, Chosen: sess.Chosen, Ratings: sess.Ratings}
	if f := sess.FollowUp; f != nil {
		e.Asked, e.For, e.Done = true, f.For, f.Done
	}
	return e
}

// session fills s with the summary: a session without what was shared or
// noted, enough to list it, follow it up, and rank by its ratings.
func (e indexEntry) session(s *Session) {
	*s = Session{ID: e.ID, Started: e.Started, Mode: e.Mode, Kind: e.Kind,
		Situation: e.Situation, People: e.People, Chosen: e.Chosen, Ratings: e.Ratings}
	if e.Asked {
		s.FollowUp = &FollowUp{For: e.For, Done: e.Done}
	}
}

// Summaries lists every session as the index keeps it, newest first,
// then the files that cannot be read, each with its error, by name. A
// summary has no shared answers and no note: Session, or EachInOrder,
// reads the whole record. Only files that are new or changed since the
// index was written are read.
func (s *Store) Summaries() ([]SessionEntry, error) {
	if err := s.checkPlaces(); err != nil {
		return nil, err
	}
	listed, err := s.listSessions()
	if err != nil {
		return nil, err
	}
	old, indexRead := s.readIndex()
	known := make(map[string]int, len(old))
	for i, e := range old {
		known[e.File] = i
	}
	dir := s.sessionsDir()
	stamps := map[string]stamp{}
	var toRead []string
	still := make([]bool, len(old))
	for _, f := range listed {
		if i, ok := known[f.name]; ok && f.regular && old[i].stamp == f.stamp {
			still[i] = true
			continue
		}
		toRead = append(toRead, filepath.Join(dir, f.name))
		stamps[f.name] = f.stamp
	}
	fresh := old[:0]
	for i, e := range old {
		if still[i] {
			fresh = append(fresh, e)
		}
	}
	// The index is rewritten when it lacks a file, holds one that has
	// gone or changed, or could not be read.
	changed := !indexRead && len(listed) > 0 || len(fresh) != len(old)
	var damaged []SessionEntry
	readEach(toRead, func(e SessionEntry) {
		if e.Err != nil {
			damaged = append(damaged, e)
			return
		}
		name := filepath.Base(e.Path)
		fresh = append(fresh, summary(name, stamps[name], e.Session))
		changed = true
	})
	// Kept newest first, the index reads back in order, and sorting it
	// again costs next to nothing.
	slices.SortFunc(fresh, func(a, b indexEntry) int {
		return cmp.Or(b.Started.Compare(a.Started), strings.Compare(b.ID, a.ID), strings.Compare(a.File, b.File))
	})
	if changed {
		s.writeIndex(fresh)
	}
	sessions := make([]Session, len(fresh))
	out := make([]SessionEntry, len(fresh), len(fresh)+len(damaged))
	for i, e := range fresh {
		e.session(&sessions[i])
		out[i] = SessionEntry{Path: filepath.Join(dir, e.File), Session: &sessions[i]}
	}
	NewestFirst(damaged)
	return append(out, damaged...), nil
}

// listedFile is a session file as the folder lists it.
type listedFile struct {
	name    string
	regular bool
	stamp
}

func (s *Store) listSessions() ([]listedFile, error) {
	entries, err := os.ReadDir(s.sessionsDir())
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	entries = slices.DeleteFunc(entries, func(e fs.DirEntry) bool {
		return strings.HasPrefix(e.Name(), ".") || !strings.HasSuffix(e.Name(), ".json")
	})
	// Looking at each file is most of the cost: it is shared out, since
	// the kernel can look at several at once.
	out := make([]listedFile, len(entries))
	gone := make([]bool, len(entries))
	var wg sync.WaitGroup
	workers := min(runtime.GOMAXPROCS(0), max(1, len(entries)/512))
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(entries); i += workers {
				info, err := entries[i].Info()
				out[i] = listedFile{name: entries[i].Name()}
				switch {
				case errors.Is(err, fs.ErrNotExist):
					gone[i] = true
				case err == nil:
					out[i].regular, out[i].stamp = info.Mode().IsRegular(), stampOf(info)
				}
			}
		})
	}
	wg.Wait()
	kept := out[:0]
	for i, f := range out {
		if !gone[i] {
			kept = append(kept, f)
		}
	}
	return kept, nil
}

// readIndex reads the index, or says it could not: missing, damaged, too
// large or of another version, it is as good as empty.
func (s *Store) readIndex() ([]indexEntry, bool) {
	data, err := readRecord(s.indexPath(), "index", maxIndexBytes, nil)
	if err != nil {
		return nil, false
	}
	return decodeIndex(data)
}

// writeIndex saves the index if the folder's lock is free at once, and
// leaves it for another run otherwise, or when the folder may not be
// changed. Under the lock each file is looked at again, so that nothing a
// writer changed meanwhile (a forget above all) is kept as it was.
func (s *Store) writeIndex(entries []indexEntry) {
	s.indexing.Lock()
	defer s.indexing.Unlock()
	if s.closed {
		return
	}
	_ = s.tryLocked(func() error {
		kept := slices.DeleteFunc(slices.Clone(entries), func(e indexEntry) bool {
			info, err := os.Lstat(filepath.Join(s.sessionsDir(), e.File))
			return err != nil || stampOf(info) != e.stamp
		})
		return s.write(s.indexPath(), encodeIndex(kept))
	})
}

// dropIndex removes the index; the next reader rebuilds it from the
// records. It is called under the lock.
func (s *Store) dropIndex() error {
	if err := os.Remove(s.indexPath()); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}
